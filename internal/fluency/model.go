package fluency

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// Order is the model's n-gram order: each symbol is predicted from the two
// before it.
const Order = 3

// PeakWindow is how many consecutive symbols Score.Peak averages over.
const PeakWindow = 4

// Model is a class trigram model of English word order: function words are
// symbols of their own, every other word is its word class (see the Class
// constants), punctuation is itself. It is read-only once built and safe for
// concurrent use.
type Model struct {
	lex    lexicon
	ids    map[string]uint32 // symbol → id
	syms   []string          // id → symbol
	tri    map[uint64]uint32 // C(a b c)
	bi     map[uint64]uint32 // C(b c)
	ctx2   map[uint64]ctxStat
	ctx1   []ctxStat // by b
	uni    []float64 // −log2 P(c), add-one unigram
	source string
	// calibration: quantiles k/1000 (k = 1…999) of Excess and Peak over
	// held-out sentences, and how many sentences they come from.
	calExcess, calPeak []float64
	calN               int
}

// ctxStat is what Witten-Bell smoothing needs of a context: how often it
// occurs and how many different symbols follow it.
type ctxStat struct{ total, types uint32 }

// Score is the surprise of one sentence under a Model.
type Score struct {
	// Symbols is how many symbols were scored, the end of the sentence
	// included.
	Symbols int
	// Surprise is the average −log2 P of a symbol given the two before
	// it, in bits.
	Surprise float64
	// Excess is Surprise minus the symbols' average surprise without
	// context (their unigram surprise). In English word order the two
	// symbols before predict the next well, so Excess is negative: about
	// −1.4 bits for edited prose, near 0 for shuffled words. Subtracting
	// the unigram part cancels what the sentence is made of (many names,
	// many numbers) and leaves its order.
	Excess float64
	// Peak is the highest average Excess over PeakWindow consecutive
	// symbols (over the whole sentence when it is shorter), and PeakSpan
	// covers that window's tokens.
	Peak     float64
	PeakSpan segment.Span
	// ExcessRank and PeakRank place Excess and Peak among held-out
	// sentences of edited prose with at least MinWords words: the fraction
	// of them that scored lower, 0 to 1 (0.95: only one in twenty edited
	// sentences is as surprising). Both are 0 when the model is not
	// calibrated.
	ExcessRank, PeakRank float64
}

// MinWords is the fewest words a sentence must have for its ranks to be
// meaningful: the calibration counts only sentences at least this long.
const MinWords = 6

// Source describes the corpus the model was built from.
func (m *Model) Source() string { return m.source }

// Symbols returns the symbols the model sees for a sentence's tokens, one per
// token, in the order the model reads them: a vocabulary word in lower case,
// a class name, or punctuation. A quotation mark written right after a full
// stop or comma is read before it, as the training corpus writes it.
func (m *Model) Symbols(s segment.Sentence) []string { return m.lex.symbols(s.Tokens) }

// Sentence scores one sentence. A sentence without tokens has a zero Score.
func (m *Model) Sentence(s segment.Sentence) Score {
	if len(s.Tokens) == 0 {
		return Score{}
	}
	syms := m.lex.symbols(s.Tokens)
	n := len(syms) + 1 // the end of the sentence is predicted too
	var buf [64]float64
	excess := buf[:0]
	if n > len(buf) {
		excess = make([]float64, 0, n)
	}
	start, end := m.ids[symStart], m.ids[symEnd]
	a, b := start, start
	var sum, base float64
	for i := range n {
		c := end
		if i < len(syms) {
			c = m.id(syms[i])
		}
		bits := m.surprise(a, b, c)
		sum += bits
		base += m.uni[c]
		excess = append(excess, bits-m.uni[c])
		a, b = b, c
	}
	sc := Score{Symbols: n, Surprise: sum / float64(n), Excess: (sum - base) / float64(n)}
	w := min(PeakWindow, n)
	sc.Peak = math.Inf(-1)
	var win float64
	for i, x := range excess {
		win += x
		if i >= w {
			win -= excess[i-w]
		}
		if i >= w-1 && win/float64(w) > sc.Peak {
			sc.Peak = win / float64(w)
			// The end symbol counts with the sentence's last token.
			last := min(i, len(syms)-1)
			sc.PeakSpan = segment.Span{Start: s.Tokens[max(i-w+1, 0)].Start, End: s.Tokens[last].End}
		}
	}
	sc.ExcessRank, sc.PeakRank = rank(m.calExcess, sc.Excess), rank(m.calPeak, sc.Peak)
	return sc
}

// TokenExcess appends to dst, for each token of s, the surprise of its symbol
// given the two before it minus the symbol's surprise without context, in
// bits: how much less the word order predicts this token than its frequency
// alone would. Values are in the order Symbols reads the tokens (a quotation
// mark right after a full stop or comma trades places with it).
func (m *Model) TokenExcess(dst []float64, s segment.Sentence) []float64 {
	if len(s.Tokens) == 0 {
		return dst
	}
	syms := m.lex.symbols(s.Tokens)
	start := m.ids[symStart]
	a, b := start, start
	for _, sym := range syms {
		c := m.id(sym)
		dst = append(dst, m.surprise(a, b, c)-m.uni[c])
		a, b = b, c
	}
	return dst
}

// rank is the fraction of the calibration sentences below x, interpolated
// between quantiles; 0 without calibration.
func rank(q []float64, x float64) float64 {
	if len(q) == 0 || x < q[0] {
		return 0
	}
	i, _ := slices.BinarySearch(q, x) // q[i-1] < x <= q[i]
	if i == len(q) {
		return 1
	}
	if i == 0 {
		return 1.0 / float64(len(q)+1)
	}
	f := 1.0
	if q[i] > q[i-1] {
		f = (x - q[i-1]) / (q[i] - q[i-1])
	}
	return (float64(i) + f) / float64(len(q)+1)
}

// Calibrated reports how many held-out sentences the model's ranks were
// calibrated on (0: not calibrated).
func (m *Model) Calibrated() int { return m.calN }

// Calibrate sets the model's rank tables from held-out sentences (words
// tagged as for Train; the tags are not used): the sentences of at least
// MinWords words are scored, and the quantiles of their Excess and Peak are
// kept. Fewer than 1,000 such sentences is an error. Calibrate must not run
// while the model is in use.
func (m *Model) Calibrate(sents [][]Tagged) error {
	var ex, pk []float64
	for _, s := range sents {
		doc := segment.Split(detokenize(s))
		for _, sent := range doc.Sentences {
			if sent.Heading || len(sent.Words()) < MinWords {
				continue
			}
			sc := m.Sentence(sent)
			ex, pk = append(ex, sc.Excess), append(pk, sc.Peak)
		}
	}
	if len(ex) < 1000 {
		return fmt.Errorf("fluency: calibration needs 1,000 sentences of %d words or more, got %d", MinWords, len(ex))
	}
	m.calExcess, m.calPeak, m.calN = quantiles(ex), quantiles(pk), len(ex)
	return nil
}

// quantiles returns the quantiles k/1000, k = 1…999, of v.
func quantiles(v []float64) []float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	q := make([]float64, 999)
	for k := range q {
		pos := float64(k+1) / 1000 * float64(len(v)-1)
		i := int(pos)
		q[k] = v[i]
		if i+1 < len(v) {
			q[k] += (pos - float64(i)) * (v[i+1] - v[i])
		}
	}
	return q
}

// id returns the id of a symbol; a symbol the model never saw (a class is
// always known) maps to the generic punctuation class.
func (m *Model) id(sym string) uint32 {
	if id, ok := m.ids[sym]; ok {
		return id
	}
	return m.ids[ClassPunct]
}

func key2(a, b uint32) uint64    { return uint64(a)<<20 | uint64(b) }
func key3(a, b, c uint32) uint64 { return uint64(a)<<40 | uint64(b)<<20 | uint64(c) }

// surprise is −log2 P(c | a b) under interpolated Witten-Bell smoothing
// down to an add-one unigram.
func (m *Model) surprise(a, b, c uint32) float64 {
	p := math.Exp2(-m.uni[c])
	if st := m.ctx1[b]; st.total > 0 {
		p = (float64(m.bi[key2(b, c)]) + float64(st.types)*p) / float64(st.total+st.types)
	}
	if st, ok := m.ctx2[key2(a, b)]; ok {
		p = (float64(m.tri[key3(a, b, c)]) + float64(st.types)*p) / float64(st.total+st.types)
	}
	return -math.Log2(p)
}

// add counts one trigram n times.
func (m *Model) add(a, b, c uint32, n uint32) {
	m.tri[key3(a, b, c)] += n
}

// finish derives the lower-order counts from the trigram counts. Every
// symbol position is the last of exactly one padded trigram, so the bigram
// and unigram counts are sums of trigram counts.
func (m *Model) finish() {
	m.bi = make(map[uint64]uint32, len(m.tri)/4)
	m.ctx2 = make(map[uint64]ctxStat, len(m.tri)/8)
	m.ctx1 = make([]ctxStat, len(m.syms))
	uni := make([]uint64, len(m.syms))
	var total uint64
	for k, n := range m.tri {
		a, b, c := uint32(k>>40), uint32(k>>20)&0xfffff, uint32(k)&0xfffff
		if m.bi[key2(b, c)] == 0 {
			m.ctx1[b].types++
		}
		m.bi[key2(b, c)] += n
		m.ctx1[b].total += n
		st := m.ctx2[key2(a, b)]
		st.total += n
		st.types++
		m.ctx2[key2(a, b)] = st
		uni[c] += uint64(n)
		total += uint64(n)
	}
	m.uni = make([]float64, len(m.syms))
	for c, n := range uni {
		m.uni[c] = -math.Log2((float64(n) + 1) / (float64(total) + float64(len(m.syms))))
	}
}

// symbol returns the id of sym, adding it to the table if new.
func (m *Model) symbol(sym string) uint32 {
	if id, ok := m.ids[sym]; ok {
		return id
	}
	id := uint32(len(m.syms))
	m.ids[sym] = id
	m.syms = append(m.syms, sym)
	return id
}

func newModel(source string) *Model {
	m := &Model{
		lex:    lexicon{class: map[string]string{}, vocab: map[string]bool{}},
		ids:    map[string]uint32{},
		tri:    map[uint64]uint32{},
		source: source,
	}
	m.symbol(symStart)
	m.symbol(symEnd)
	for _, c := range classes {
		m.symbol(c)
	}
	return m
}

// fileMagic starts every model file.
const fileMagic = "transcheck-fluency-model 1"

// Write writes the model as gzip-compressed text: a header, the symbol
// table, the lexicon, the calibration and the trigram counts, in a fixed
// order, so that the same model always gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("fluency: %w", err)
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s\nsource\t%s\nsymbols\t%d\n", fileMagic, m.source, len(m.syms))
	for _, s := range m.syms {
		fmt.Fprintf(bw, "%s\n", s)
	}
	words := make([]string, 0, len(m.lex.class))
	for w := range m.lex.class {
		words = append(words, w)
	}
	slices.Sort(words)
	fmt.Fprintf(bw, "lexicon\t%d\n", len(words))
	for _, w := range words {
		fmt.Fprintf(bw, "%s\t%s\n", w, m.lex.class[w])
	}
	fmt.Fprintf(bw, "calibration\t%d\n", m.calN)
	if m.calN > 0 {
		for _, q := range [][]float64{m.calExcess, m.calPeak} {
			for i, x := range q {
				if i > 0 {
					bw.WriteByte(' ')
				}
				bw.WriteString(strconv.FormatFloat(x, 'f', 4, 64))
			}
			bw.WriteByte('\n')
		}
	}
	keys := make([]uint64, 0, len(m.tri))
	for k := range m.tri {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Fprintf(bw, "trigrams\t%d\n", len(keys))
	for _, k := range keys {
		fmt.Fprintf(bw, "%d %d %d %d\n", k>>40, (k>>20)&0xfffff, k&0xfffff, m.tri[k])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("fluency: writing model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("fluency: writing model: %w", err)
	}
	return nil
}

// Read reads a model written by Write. Malformed input is an error naming
// the line.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("fluency: reading model: %w", err)
	}
	defer zr.Close()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	next := func() (string, error) {
		if !sc.Scan() {
			if err := sc.Err(); err != nil {
				return "", fmt.Errorf("fluency: model line %d: %w", line+1, err)
			}
			return "", fmt.Errorf("fluency: model line %d: %w", line+1, io.ErrUnexpectedEOF)
		}
		line++
		return sc.Text(), nil
	}
	bad := func(what string) error {
		return fmt.Errorf("fluency: model line %d: %s", line, what)
	}
	section := func(name string) (int, error) {
		l, err := next()
		if err != nil {
			return 0, err
		}
		k, v, ok := strings.Cut(l, "\t")
		n, err := strconv.Atoi(v)
		if !ok || k != name || err != nil || n < 0 {
			return 0, bad(fmt.Sprintf("want %q and a count, got %q", name, l))
		}
		return n, nil
	}
	l, err := next()
	if err != nil {
		return nil, err
	}
	if l != fileMagic {
		return nil, bad(fmt.Sprintf("not a fluency model (header %q)", l))
	}
	if l, err = next(); err != nil {
		return nil, err
	}
	src, ok := strings.CutPrefix(l, "source\t")
	if !ok {
		return nil, bad("want source")
	}
	m := newModel(src)
	n, err := section("symbols")
	if err != nil {
		return nil, err
	}
	if n > 1<<20 {
		return nil, bad("too many symbols")
	}
	m.syms, m.ids = m.syms[:0], map[string]uint32{}
	for range n {
		if l, err = next(); err != nil {
			return nil, err
		}
		if _, dup := m.ids[l]; dup || l == "" {
			return nil, bad(fmt.Sprintf("empty or repeated symbol %q", l))
		}
		m.symbol(l)
	}
	for _, s := range append([]string{symStart, symEnd}, classes...) {
		if _, ok := m.ids[s]; !ok {
			return nil, bad(fmt.Sprintf("symbol table lacks %q", s))
		}
	}
	isClass := map[string]bool{symStart: true, symEnd: true}
	for _, c := range classes {
		isClass[c] = true
	}
	for _, s := range m.syms {
		if !isClass[s] {
			m.lex.vocab[s] = true
		}
	}
	if n, err = section("lexicon"); err != nil {
		return nil, err
	}
	for range n {
		if l, err = next(); err != nil {
			return nil, err
		}
		w, c, ok := strings.Cut(l, "\t")
		if !ok || w == "" || !isClass[c] {
			return nil, bad(fmt.Sprintf("bad lexicon entry %q", l))
		}
		m.lex.class[w] = c
	}
	if m.calN, err = section("calibration"); err != nil {
		return nil, err
	}
	if m.calN > 0 {
		for _, q := range []*[]float64{&m.calExcess, &m.calPeak} {
			if l, err = next(); err != nil {
				return nil, err
			}
			f := strings.Fields(l)
			if len(f) != 999 {
				return nil, bad(fmt.Sprintf("calibration has %d quantiles, want 999", len(f)))
			}
			*q = make([]float64, len(f))
			for i, x := range f {
				v, err := strconv.ParseFloat(x, 64)
				if err != nil || math.IsNaN(v) || i > 0 && v < (*q)[i-1] {
					return nil, bad(fmt.Sprintf("calibration quantile %d: %q is not a number in order", i+1, x))
				}
				(*q)[i] = v
			}
		}
	}
	if n, err = section("trigrams"); err != nil {
		return nil, err
	}
	for range n {
		if l, err = next(); err != nil {
			return nil, err
		}
		f := strings.Fields(l)
		if len(f) != 4 {
			return nil, bad(fmt.Sprintf("bad trigram %q", l))
		}
		var v [4]uint64
		for i, s := range f {
			if v[i], err = strconv.ParseUint(s, 10, 32); err != nil {
				return nil, bad(fmt.Sprintf("bad trigram %q", l))
			}
			if i == 3 && v[i] == 0 || i < 3 && v[i] >= uint64(len(m.syms)) {
				return nil, bad(fmt.Sprintf("trigram %q names an unknown symbol or has no count", l))
			}
		}
		m.add(uint32(v[0]), uint32(v[1]), uint32(v[2]), uint32(v[3]))
	}
	m.finish()
	return m, nil
}
