package spantag

import (
	"math"
	"math/bits"
	"unicode"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/segment"
)

// FeatureBits is the log2 of the number of hashed features.
const FeatureBits = 18

// Feature namespaces: each kind of feature hashes its values apart.
const (
	nsBias byte = iota + 1
	nsWord
	nsPrevWord
	nsNextWord
	nsClass3
	nsPrevClass
	nsNextClass
	nsShape
	nsShape3
	nsUni
	nsPrevBi
	nsNextBi
	nsPrevBiRare
	nsNextBiRare
	nsTri
	nsExcess
	nsPeak
	nsLexicon
	nsSentLen
	nsSentExcess
	nsSentUnseen
	nsPosition
	nsUnseenNear
	nsPrevInfo
	nsNextInfo
	nsSentPeak
	nsCondSurprise
	nsClassUnseen
)

// Token is what the tagger saw at one token: the evidence a finding quotes.
type Token struct {
	// Excess is the token's surprise under the word-class model of English
	// word order minus its surprise without context, in bits.
	Excess float64
	// Prev and Next are the order of magnitude (see Phrases.Magnitude) of
	// how often the token occurred after the previous word and before the
	// next one in the reference corpus; Uni how often it occurred at all.
	Prev, Next, Uni int
	// Tri is the magnitude of the three words ending at the token.
	Tri int
}

// Extractor computes each token's features. It is read-only after it is
// built and safe for concurrent use.
type Extractor struct {
	lm      *fluency.Model
	phrases *Phrases
}

// NewExtractor returns an extractor over a word-class model of English
// word order and a phrase table of edited English.
func NewExtractor(lm *fluency.Model, phrases *Phrases) *Extractor {
	return &Extractor{lm: lm, phrases: phrases}
}

// sentence holds the per-sentence intermediate values.
type sentence struct {
	folded  []string
	classes []string
	shapes  []string
	excess  []float64
	info    []Token
}

// Sentence calls emit once per token of s, in order, with the token's
// feature indices (each below 1<<FeatureBits; the slice is reused between
// calls) and what the tagger saw there.
func (e *Extractor) Sentence(s segment.Sentence, emit func(i int, feats []uint32, tok Token)) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	var st sentence
	st.folded = make([]string, n)
	st.shapes = make([]string, n)
	for i, t := range s.Tokens {
		st.folded[i] = Fold(t.Norm)
		st.shapes[i] = shape(t)
	}
	st.classes = e.lm.Symbols(s)
	st.excess = e.lm.TokenExcess(make([]float64, 0, n), s)
	st.info = make([]Token, n)
	unseen := make([]bool, n)
	nUnseen, words := 0, 0
	var sumExcess float64
	sentPeak := math.Inf(-1)
	for i := range n {
		tk := &st.info[i]
		tk.Excess = st.excess[i]
		sumExcess += tk.Excess
		sentPeak = math.Max(sentPeak, tk.Excess)
		tk.Uni = e.phrases.Magnitude(st.folded[i])
		if i > 0 {
			tk.Prev = e.phrases.Magnitude(st.folded[i-1], st.folded[i])
		}
		if i+1 < n {
			tk.Next = e.phrases.Magnitude(st.folded[i], st.folded[i+1])
		}
		if i > 1 {
			tk.Tri = e.phrases.Magnitude(st.folded[i-2], st.folded[i-1], st.folded[i])
		}
		if s.Tokens[i].Kind == segment.Word {
			words++
			if i > 0 && tk.Prev == 0 {
				unseen[i] = true
				nUnseen++
			}
		}
	}
	sentLen := uint32(bits.Len(uint(words)))
	sentExcess := uint32(clamp(int(math.Floor(2*sumExcess/float64(n))), -8, 8) + 8)
	sentUnseen := uint32(min(10*nUnseen/max(words, 1), 10))
	sentPeakBin := uint32(clamp(int(math.Floor(sentPeak)), -2, 10) + 2)
	excessBin := func(x float64) uint32 { return uint32(clamp(int(math.Floor(x)), -6, 10) + 6) }
	feats := make([]uint32, 0, 40)
	at := func(v []string, i int) string {
		if i < 0 {
			return "<s>"
		}
		if i >= len(v) {
			return "</s>"
		}
		return v[i]
	}
	for i := range n {
		tk := st.info[i]
		f := feats[:0]
		add := func(h uint64) { f = append(f, uint32(h&(1<<FeatureBits-1))) }
		add(hashNS(nsBias))
		add(hashNS(nsWord, st.folded[i]))
		add(hashNS(nsPrevWord, at(st.folded, i-1), st.folded[i]))
		add(hashNS(nsNextWord, st.folded[i], at(st.folded, i+1)))
		add(hashNS(nsClass3, at(st.classes, i-1), st.classes[i], at(st.classes, i+1)))
		add(hashNS(nsPrevClass, at(st.classes, i-1), st.classes[i]))
		add(hashNS(nsNextClass, st.classes[i], at(st.classes, i+1)))
		add(hashNS(nsShape, st.shapes[i]))
		add(hashNS(nsShape3, at(st.shapes, i-1), st.shapes[i], at(st.shapes, i+1)))
		add(hashInts(nsUni, uint32(tk.Uni)))
		if i > 0 {
			pu := st.info[i-1].Uni
			add(hashInts(nsPrevBi, uint32(tk.Prev)))
			add(hashInts(nsPrevBiRare, boolInt(tk.Prev == 0), uint32(pu/3), uint32(tk.Uni/3)))
			// How much rarer the pair is than its first word: about
			// −log2 P(word | previous word), in whole bits.
			cond := uint32(16)
			if tk.Prev > 0 {
				cond = uint32(clamp(pu-tk.Prev, 0, 15))
			}
			add(hashInts(nsCondSurprise, cond, uint32(tk.Uni/4)))
			add(hashInts(nsPrevInfo, boolInt(unseen[i-1]), excessBin(st.excess[i-1])))
		}
		if i+1 < n {
			add(hashInts(nsNextInfo, boolInt(unseen[i+1]), excessBin(st.excess[i+1])))
			nu := st.info[i+1].Uni
			add(hashInts(nsNextBi, uint32(tk.Next)))
			add(hashInts(nsNextBiRare, boolInt(tk.Next == 0), uint32(tk.Uni/3), uint32(nu/3)))
		}
		if i > 1 {
			add(hashInts(nsTri, uint32(tk.Tri), boolInt(tk.Prev == 0)))
		}
		add(hashInts(nsExcess, excessBin(tk.Excess)))
		peak := math.Inf(-1)
		near := 0
		for j := max(i-2, 0); j <= min(i+2, n-1); j++ {
			peak = math.Max(peak, st.excess[j])
			if unseen[j] {
				near++
			}
		}
		add(hashInts(nsPeak, excessBin(peak)))
		add(hashInts(nsUnseenNear, uint32(near)))
		t := s.Tokens[i]
		if t.Kind == segment.Word {
			known := lexicon.IsWord(t.Norm)
			proper := lexicon.IsProperName(t.Text)
			midCap := i > 0 && t.IsCapitalized()
			add(hashInts(nsLexicon, boolInt(known), boolInt(proper), boolInt(midCap)))
		}
		add(hashNS(nsClassUnseen, st.classes[i], string('0'+rune(boolInt(unseen[i])))))
		add(hashInts(nsSentPeak, sentPeakBin))
		add(hashInts(nsSentLen, sentLen))
		add(hashInts(nsSentExcess, sentExcess))
		add(hashInts(nsSentUnseen, sentUnseen))
		pos := uint32(0)
		switch {
		case i == 0:
			pos = 1
		case i == n-1:
			pos = 2
		}
		add(hashInts(nsPosition, pos, uint32(4*i/n)))
		feats = f
		emit(i, f, tk)
	}
}

// shape is a token's letter case and kind: "Xx", "x", "X", "0", the
// punctuation itself, or "?" for other symbols.
func shape(t segment.Token) string {
	switch t.Kind {
	case segment.Number:
		return "0"
	case segment.Punct:
		return t.Text
	case segment.Word:
		var upper, lower, other bool
		for _, r := range t.Text {
			switch {
			case unicode.IsUpper(r):
				upper = true
			case unicode.IsLower(r):
				lower = true
			case !unicode.IsLetter(r):
				other = true
			}
		}
		s := ""
		switch {
		case upper && lower && t.IsCapitalized():
			s = "Xx"
		case upper && lower:
			s = "xX"
		case upper:
			s = "X"
		default:
			s = "x"
		}
		if other {
			s += "-"
		}
		if t.Text[0] >= 0x80 && !unicode.Is(unicode.Latin, []rune(t.Text)[0]) {
			s = "script"
		}
		return s
	}
	return "?"
}

func hashNS(ns byte, parts ...string) uint64 {
	h := uint64(14695981039346656037)
	h ^= uint64(ns)
	h *= 1099511628211
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			h ^= uint64(p[i])
			h *= 1099511628211
		}
		h ^= 0x1f
		h *= 1099511628211
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return h
}

func hashInts(ns byte, v ...uint32) uint64 {
	h := uint64(14695981039346656037)
	h ^= uint64(ns)
	h *= 1099511628211
	for _, x := range v {
		for k := 0; k < 4; k++ {
			h ^= uint64(byte(x >> (8 * k)))
			h *= 1099511628211
		}
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	return h
}

func boolInt(b bool) uint32 {
	if b {
		return 1
	}
	return 0
}

func clamp(x, lo, hi int) int { return min(max(x, lo), hi) }
