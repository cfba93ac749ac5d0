package align

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// The reference implementations below are the straightforward versions of
// the indexing code that the fast paths replaced. The tests compare the two
// on the seeds, on a synthetic corpus and on hand-written edge cases, so
// that a speed-up cannot change a field, a term id or a posting.

func refIsStop(w string) bool {
	_, ok := stopWords[w]
	return ok
}

func refIsContent(t segment.Token) bool {
	return t.Kind == segment.Word && len(t.Norm) >= 2 && !refIsStop(t.Norm)
}

// refUndouble is the reference for the stemmer's undoubling of a final
// consonant ("plann" → "plan").
func refUndouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && strings.ContainsRune("bdfgmnprt", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func refStem(w string) string {
	w = segment.StripPossessive(w)
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case n > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes")):
		w = w[:n-2]
	case n > 3 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing") && strings.ContainsAny(w[:n-3], "aeiouy"):
		w = refUndouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed") && strings.ContainsAny(w[:n-2], "aeiouy"):
		w = refUndouble(w[:n-2])
	case n > 5 && strings.HasSuffix(w, "ly"):
		w = w[:n-2]
	}
	n = len(w)
	if n > 3 && (w[n-1] == 'e' || w[n-1] == 'y') {
		w = w[:n-1]
	}
	return w
}

func refIsName(t segment.Token, first bool) bool {
	if t.Kind != segment.Word || !t.IsCapitalized() {
		return false
	}
	if first || isAllCaps(t.Text) {
		return !refIsStop(t.Norm) && !isCommonWord(t.Text)
	}
	return true
}

// refSpelledNumber is spelledNumber as a switch.
func refSpelledNumber(w string) (int64, bool) {
	switch w {
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve", "dozen":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "sixteen":
		return 16, true
	case "seventeen":
		return 17, true
	case "eighteen":
		return 18, true
	case "nineteen":
		return 19, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "sixty":
		return 60, true
	case "seventy":
		return 70, true
	case "eighty":
		return 80, true
	case "ninety":
		return 90, true
	}
	return 0, false
}

func refSpelledValue(norm string) (int64, bool) {
	if len(norm) < 3 || len(norm) > 13 || strings.IndexByte("defnst", norm[0]) < 0 {
		return 0, false
	}
	if v, ok := refSpelledNumber(norm); ok {
		return v, true
	}
	tens, unit, ok := strings.Cut(norm, "-")
	if !ok {
		return 0, false
	}
	t, _ := refSpelledNumber(tens)
	u, _ := refSpelledNumber(unit)
	if unit == "one" {
		u = 1
	}
	if t < 20 || t > 90 || t%10 != 0 || u < 1 || u > 9 {
		return 0, false
	}
	return t + u, true
}

func refNumbersIn(toks []segment.Token) []numberMention {
	var out []numberMention
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var v float64
		switch {
		case t.Kind == segment.Number:
			x, ok := parseNumber(t.Norm)
			if !ok {
				continue
			}
			v = x
		case t.Kind == segment.Word:
			x, ok := refSpelledValue(t.Norm)
			if !ok {
				continue
			}
			v = float64(x)
		default:
			continue
		}
		m := numberMention{span: t.Span, first: i, end: i + 1}
		if i+1 < len(toks) && toks[i+1].Kind == segment.Word {
			if f, ok := scaleWords[toks[i+1].Norm]; ok {
				v *= f
				m.span.End = toks[i+1].End
				m.end = i + 2
			}
		}
		m.v, m.value = v, formatNumber(v)
		out = append(out, m)
		i = m.end - 1
	}
	return out
}

func refFieldsOf(toks []segment.Token) Fields {
	var f Fields
	for _, t := range toks {
		if refIsContent(t) {
			f.Terms = append(f.Terms, refStem(t.Norm))
		}
	}
	first := true
	for _, t := range toks {
		switch t.Kind {
		case segment.Word:
			if refIsName(t, first) {
				f.Names = append(f.Names, segment.StripPossessive(t.Norm))
			}
			first = false
		case segment.Number:
			first = false
		}
	}
	for _, m := range refNumbersIn(toks) {
		f.Numbers = append(f.Numbers, m.value)
	}
	return f
}

// refIndex is the index as the reference commit builds it: per kind, the
// vocabulary; by term id, the postings and the head; by sentence, the
// forward index.
type refIndex struct {
	vocab [numKinds]map[string]uint32
	all   [][]posting
	head  [][]posting
	fwd   [][]uint32
	sum   int64
}

func refBuild(docs []Document) refIndex {
	r := refIndex{vocab: [numKinds]map[string]uint32{{}, {}, {}}}
	for _, d := range docs {
		for _, s := range d.Seg.Sentences {
			f := refFieldsOf(s.Tokens)
			var ids []uint32
			for kind, values := range [numKinds][]string{f.Terms, f.Names, f.Numbers} {
				for _, v := range values {
					id, ok := r.vocab[kind][v]
					if !ok {
						id = uint32(len(r.all))
						r.vocab[kind][v] = id
						r.all = append(r.all, nil)
						r.head = append(r.head, nil)
					}
					ids = append(ids, id)
				}
			}
			slices.Sort(ids)
			sent := uint32(len(r.fwd))
			r.fwd = append(r.fwd, ids)
			r.sum += int64(len(ids))
			for j := 0; j < len(ids); {
				k := j + 1
				for k < len(ids) && ids[k] == ids[j] {
					k++
				}
				r.all[ids[j]], r.head[ids[j]] = refAdd(r.all[ids[j]], r.head[ids[j]], posting{sent, impact(k-j, len(ids), headAvgLen)})
				j = k
			}
		}
	}
	return r
}

// refAdd appends a posting and keeps the head of the headSize highest
// impacts, a min-heap.
func refAdd(all, head []posting, e posting) ([]posting, []posting) {
	all = append(all, e)
	switch n := len(all); {
	case n <= headSize:
		return all, head
	case head == nil:
		head = slices.Clone(all[:headSize])
		for i := headSize/2 - 1; i >= 0; i-- {
			refDown(head, i)
		}
	}
	if e.impact > head[0].impact {
		head[0] = e
		refDown(head, 0)
	}
	return all, head
}

func refDown(h []posting, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].impact < h[l].impact {
			m = r
		}
		if h[i].impact <= h[m].impact {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// edgeText holds what the fast paths special-case: numbers with and
// without separators, leading zeros, ordinals, decimals, scale words,
// spelled and hyphenated numbers, possessives, capitals, stop words in
// every case, and words that look like suffixes.
const edgeText = `Seventy-five officers and twenty-one cadets met 007 agents on the 23rd.
The 1,000,000 figure, 1.50 dollars, 3,4 units, 1990s trends and 12:30 talks were noted.
Thirty-ONE, forty-, -five, ninety-ten, eighty-one, sixty-nine and one-two were written.
Two hundred, 1.5 million, 300,000 troops, 12 dozen eggs, 7bn euros and 4 mln people.
NATO said the OSCE's monitors' reports were ready; HIMSELF and THE USA disagreed.
He's, it's, they're and won't are stop words; "cities", "watches", "crosses", "buses".
Kissing, planning, stopped, buzzed, passing, ring, bed, sing, fly, quickly, early, ties.
Über Ärzte in Zürich sprachen über 5 000 Menschen; naïve façades, café's menus.
A 0 and 00 and 0.0 and 000,000 and 9,999,999,999,999,999 and 12345678901234567 count.
In 2014 the 3rd, 21st and 102nd brigades lost 5,936 men; 70 vehicles, 80 vehicles.
`

func equivalenceDocs(tb testing.TB) []Document {
	docs := append(slices.Clone(seeds(tb)), NewDocument("edge.txt", edgeText))
	return append(docs, synthCorpus(seeds(tb), 200, 11)...)
}

func TestFieldsMatchReference(t *testing.T) {
	for _, d := range equivalenceDocs(t) {
		st, err := stage(d)
		require.NoError(t, err)
		require.Len(t, st.fields, len(d.Seg.Sentences), d.Path)
		st.release()
		for i, s := range d.Seg.Sentences {
			want := refFieldsOf(s.Tokens)
			assert.Equal(t, want, SentenceFields(d.Seg, i), "%s sentence %d", d.Path, i)
			assert.Equal(t, refNumbersIn(s.Tokens), numbersIn(s.Tokens), "%s sentence %d", d.Path, i)
		}
	}
}

func TestWordFunctionsMatchReference(t *testing.T) {
	var words []string
	for _, d := range equivalenceDocs(t) {
		for _, tok := range d.Seg.Tokens {
			words = append(words, tok.Norm, tok.Text)
		}
	}
	for w := range stopWords {
		words = append(words, w, w+"s", w+"'s", strings.ToUpper(w))
	}
	// every spelled number, alone and hyphenated, and near misses
	for _, a := range []string{"one", "two", "nine", "ten", "twelve", "dozen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "million"} {
		for _, b := range []string{"", "-one", "-two", "-nine", "-ten", "-", "-twenty", "-ones", "s"} {
			words = append(words, a+b, "x"+a+b, a+b+"x")
		}
	}
	// every suffix rule of stem at every length around its bounds
	for _, p := range []string{"", "a", "b", "ab", "bb", "abc", "bcd", "abcd", "bcdf", "abcde"} {
		for _, suf := range []string{"ies", "sses", "ches", "shes", "xes", "zes", "s", "ss", "us", "is", "ing", "ed", "ly", "e", "y", "'s", "'", "ying", "ied", "bing", "bbing", "tted", "lled", "ely", "ingly"} {
			words = append(words, p+suf)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const letters = "abcdefghijklmnopqrstuvwxyz'-es"
	for range 20000 {
		b := make([]byte, 1+rng.IntN(12))
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		// testify only on a mismatch: 100,000 calls would take seconds
		if refIsStop(w) != isStop(w) {
			require.Equal(t, refIsStop(w), isStop(w), "isStop(%q)", w)
		}
		if refStem(w) != segment.Stem(w) {
			require.Equal(t, refStem(w), segment.Stem(w), "segment.Stem(%q)", w)
		}
		v, ok := spelledValue(w)
		rv, rok := refSpelledValue(w)
		if v != rv || ok != rok {
			require.Equal(t, fmt.Sprint(rv, rok), fmt.Sprint(v, ok), "spelledValue(%q)", w)
		}
		if mayBeCapitalized(w) != (segment.Token{Text: w}).IsCapitalized() && !mayBeCapitalized(w) {
			require.Fail(t, "mayBeCapitalized turns away a capitalized word", "%q", w)
		}
		if _, ok := refSpelledValue(w); ok && !maybeSpelled(w) {
			require.Fail(t, "maybeSpelled turns away a number word", "%q", w)
		}
	}
}

func TestIndexMatchesReference(t *testing.T) {
	docs := equivalenceDocs(t)
	// enough documents that frequent terms outgrow their heads
	for i, d := range synthCorpus(seeds(t), 300, 12) {
		d.Path = fmt.Sprintf("more/%03d.txt", i)
		docs = append(docs, d)
	}
	x := NewIndex()
	for _, d := range docs {
		require.NoError(t, x.Add(t.Context(), d))
	}
	ref := refBuild(docs)
	require.Equal(t, len(ref.all), len(x.terms))
	for kind := range numKinds {
		require.Equal(t, ref.vocab[kind], x.vocab[kind], "vocabulary of kind %d", kind)
	}
	heads := 0
	for id := range x.terms {
		p := &x.terms[id]
		require.Equal(t, ref.all[id], slices.Clip(p.all), "postings of term %d", id)
		require.Equal(t, len(ref.head[id]) > 0, len(p.all) > headSize, "term %d has a head", id)
		if len(p.all) > headSize {
			heads++
			require.Equal(t, ref.head[id], p.top(), "head of term %d", id)
		}
	}
	assert.Positive(t, heads, "some terms have outgrown their heads")
	require.Equal(t, len(ref.fwd), len(x.sents))
	for s, ids := range ref.fwd {
		r := x.sents[s]
		require.Equal(t, fmt.Sprint(ids), fmt.Sprint(x.forward(r)), "forward index of sentence %d", s)
	}
	assert.Equal(t, ref.sum, x.sumLen)
}

func TestForwardIndexChunks(t *testing.T) {
	// a sentence longer than a chunk of the forward index gets a chunk of
	// its own, and the sentences around it stay where they belong
	var long strings.Builder
	for i := range fwdChunk + 1000 {
		fmt.Fprintf(&long, "w%dx ", i%(fwdChunk/2))
	}
	docs := []Document{
		NewDocument("a.txt", "Troops crossed the river. They held the bridge."),
		NewDocument("long.txt", long.String()+"end."),
		NewDocument("b.txt", "The bridge fell on Tuesday. Troops crossed the river again."),
	}
	x := NewIndex()
	for _, d := range docs {
		require.NoError(t, x.Add(t.Context(), d))
	}
	ref := refBuild(docs)
	require.Len(t, x.sents, len(ref.fwd))
	assert.Greater(t, len(ref.fwd[2]), fwdChunk, "the long sentence outgrows a chunk")
	for s, ids := range ref.fwd {
		require.Equal(t, ids, x.forward(x.sents[s]), "sentence %d", s)
	}
	assert.Len(t, x.fwd, 3, "before, the long sentence, after")
}

func FuzzFieldsMatchReference(f *testing.F) {
	f.Add(edgeText)
	f.Add("Twenty-ONE soldiers and 1,000 tanks crossed on the 2nd; NATO's 007 said so.")
	f.Add("Über 5 000 Menschen, 1.5 million, 12 dozen, O'Neill's ‘quoted’ words.")
	f.Add("The the THE a I i's 's ' - -- forty- -five 0 00 0th 1st")
	f.Fuzz(func(t *testing.T, text string) {
		d := NewDocument("f.txt", text)
		for i, s := range d.Seg.Sentences {
			want, got := refFieldsOf(s.Tokens), SentenceFields(d.Seg, i)
			if fmt.Sprint(want) != fmt.Sprint(got) {
				t.Fatalf("sentence %d: fields %q, reference %q", i, got, want)
			}
			if w, g := refNumbersIn(s.Tokens), numbersIn(s.Tokens); fmt.Sprint(w) != fmt.Sprint(g) {
				t.Fatalf("sentence %d: numbers %v, reference %v", i, g, w)
			}
		}
		x := NewIndex()
		if err := x.Add(t.Context(), d); err != nil {
			t.Fatal(err)
		}
		ref := refBuild([]Document{d})
		if len(ref.fwd) != len(x.sents) {
			t.Fatalf("%d sentences, reference %d", len(x.sents), len(ref.fwd))
		}
		for s, ids := range ref.fwd {
			if fmt.Sprint(ids) != fmt.Sprint(x.forward(x.sents[s])) {
				t.Fatalf("sentence %d: term ids %v, reference %v", s, x.forward(x.sents[s]), ids)
			}
		}
	})
}
