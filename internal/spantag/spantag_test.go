package spantag

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"the", "the"},
		{"Beijing", "beijing"},
		{"1,200", "0,000"},
		{"2019’s", "0000's"},
		{"", ""},
	} {
		assert.Equal(t, tc.want, Fold(tc.in), tc.in)
	}
}

func TestPhrasesRoundTrip(t *testing.T) {
	b := NewPhraseBuilder()
	for range 5 {
		b.AddSentence([]string{"the", "cat", "sat"})
	}
	b.AddSentence([]string{"the", "dog", "ran"}) // seen once: dropped
	for range 300 {
		b.AddSentence([]string{"of"})
	}
	data, err := b.Bytes(10, "test corpus")
	require.NoError(t, err)
	p, err := ReadPhrases(data)
	require.NoError(t, err)
	assert.Equal(t, "test corpus", p.Source())
	assert.Equal(t, uint64(318), p.Words())
	for _, tc := range []struct {
		words []string
		want  int
	}{
		{[]string{"the"}, 3},               // 6 occurrences
		{[]string{"the", "cat"}, 3},        // 5
		{[]string{"the", "cat", "sat"}, 3}, // 5
		{[]string{"of"}, 9},                // 300
		{[]string{"dog"}, 0},               // once
		{[]string{"the", "dog"}, 0},
		{[]string{"cat", "the"}, 0}, // order matters
		{[]string{"unseen"}, 0},
	} {
		assert.Equal(t, tc.want, p.Magnitude(tc.words...), "%q", tc.words)
	}
	again, err := b.Bytes(10, "test corpus")
	require.NoError(t, err)
	assert.Equal(t, data, again, "the same counts give the same bytes")
}

func TestPhrasesFull(t *testing.T) {
	b := NewPhraseBuilder()
	for i := range 100 {
		w := strconv.Itoa(i)
		b.AddSentence([]string{w})
		b.AddSentence([]string{w})
	}
	_, err := b.Bytes(6, "")
	assert.ErrorContains(t, err, "do not fit")
}

func TestReadErrors(t *testing.T) {
	_, err := ReadPhrases([]byte("nonsense"))
	assert.ErrorContains(t, err, "not a phrase table")
	hdr := make([]byte, phraseHeader)
	copy(hdr, phrasesMagic)
	binary.LittleEndian.PutUint32(hdr[8:], 4)
	_, err = ReadPhrases(hdr)
	assert.ErrorContains(t, err, "bytes of slots")

	_, err = ReadModel([]byte("SPANTAG0"))
	assert.ErrorContains(t, err, "not a span tagger model")
	m := make([]byte, 20)
	copy(m, modelMagic)
	binary.LittleEndian.PutUint32(m[8:], FeatureBits+1)
	_, err = ReadModel(m)
	assert.ErrorContains(t, err, "feature bits")
	binary.LittleEndian.PutUint32(m[8:], FeatureBits)
	_, err = ReadModel(m)
	assert.ErrorContains(t, err, "bytes, want")
}

func TestDefaultTables(t *testing.T) {
	p, err := DefaultPhrases()
	require.NoError(t, err)
	assert.Greater(t, p.Words(), uint64(5_000_000))
	// Common English words and pairs are in the table; a pair of common
	// words in an order English does not use is not.
	assert.Greater(t, p.Magnitude("the"), 15-1)
	assert.Greater(t, p.Magnitude("of", "the"), 10)
	assert.Equal(t, 0, p.Magnitude("of", "of", "the"))
}

func TestTaggerSentence(t *testing.T) {
	tg, err := Default()
	require.NoError(t, err)
	doc := segment.Split("The council approved the budget on Tuesday after a long debate.")
	var sc []Scored
	for _, s := range doc.Sentences {
		sc = tg.Sentence(sc, s)
	}
	require.Len(t, sc, len(doc.Tokens))
	for _, x := range sc {
		assert.True(t, x.P > 0 && x.P < 1, "probability %v", x.P)
	}
	// Word order and word pairs that edited English does not have score
	// higher, on average, than the same words in English order.
	mean := func(text string) float64 {
		d := segment.Split(text)
		var sum float64
		var n int
		for _, s := range d.Sentences {
			for _, x := range tg.Sentence(nil, s) {
				sum += x.P
				n++
			}
		}
		return sum / float64(n)
	}
	fluent := mean("The minister said on Monday that the talks would continue next week.")
	salad := mean("Minister the Monday on said talks that continue would the week next.")
	assert.Greater(t, salad, fluent)
}

func TestPassagesOf(t *testing.T) {
	doc := segment.Split("One two three, four five six seven.")
	s := doc.Sentences[0]
	require.Len(t, s.Tokens, 9) // seven words, a comma, a full stop
	p := func(ps ...float64) []Scored {
		out := make([]Scored, len(ps))
		for i, x := range ps {
			out[i].P = x
			out[i].Uni = 10
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		scores []Scored
		want   []string
	}{
		{"none", p(0, 0, 0, 0, 0, 0, 0, 0, 0), nil},
		{"one word", p(0, 0.9, 0, 0, 0, 0, 0, 0, 0), []string{"two"}},
		{"gap of one joins", p(0.9, 0, 0.9, 0, 0, 0, 0, 0, 0), []string{"One two three"}},
		{"gap of two splits", p(0.9, 0, 0, 0.9, 0.9, 0, 0, 0, 0), []string{"One", "four"}},
		{"punctuation is trimmed", p(0, 0, 0.9, 0.9, 0, 0, 0, 0, 0), []string{"three"}},
		{"punctuation does not start", p(0, 0, 0, 0.9, 0.9, 0, 0, 0, 0), []string{"four"}},
		{"to the end", p(0, 0, 0, 0, 0, 0, 0.9, 0.9, 0.9), []string{"six seven"}},
	} {
		var got []string
		for _, ps := range PassagesOf(0, s, tc.scores, 0.5) {
			got = append(got, doc.Slice(ps.Span))
			assert.InDelta(t, 0.9, ps.P, 1e-9)
		}
		assert.Equal(t, tc.want, got, tc.name)
	}
}

func TestPassagesUnseenPair(t *testing.T) {
	doc := segment.Split("The report was published today by them.")
	s := doc.Sentences[0]
	sc := make([]Scored, len(s.Tokens))
	for i := range sc {
		sc[i].Uni, sc[i].Prev = 12, 5
	}
	sc[2].P, sc[3].P = 0.9, 0.9 // "was published"
	sc[3].Prev = 0              // "was published" unseen
	ps := PassagesOf(0, s, sc, 0.5)
	require.Len(t, ps, 1)
	assert.Equal(t, 3, ps[0].Unseen)
	assert.Equal(t, -1, ps[0].Rare)
	sc[2].Uni = 0 // "was" never seen: the pair is not of common words
	ps = PassagesOf(0, s, sc, 0.5)
	require.Len(t, ps, 1)
	assert.Equal(t, -1, ps[0].Unseen)
	assert.Equal(t, 2, ps[0].Rare)
	sc[2].Uni = 12
	sc[3].Prev = 5
	ps = PassagesOf(0, s, sc, 0.5)
	require.Len(t, ps, 1)
	assert.Equal(t, -1, ps[0].Unseen)
	assert.Equal(t, -1, ps[0].Rare)
}

func TestJudged(t *testing.T) {
	doc := segment.Split("Living in a bubble\n\nThe mayor spoke to reporters at the station. Yes.")
	var got []bool
	for _, s := range doc.Sentences {
		got = append(got, Judged(s))
	}
	assert.Equal(t, []bool{false, true, false}, got)
}

// committedFloor is the lowest span AUC the embedded model may score on the
// committed sample of the test split (testdata/mqm-test-sample.tsv.gz).
const committedFloor = 0.75

// TestCommittedEvaluation scores the committed sample of test-split feature
// vectors (hashed features and major-error labels of MQM newstest2021
// zh-en segments; no text) with the embedded model and checks the span AUC
// against the floor, and the token AUC against chance.
func TestCommittedEvaluation(t *testing.T) {
	tg, err := Default()
	require.NoError(t, err)
	f, err := os.Open("testdata/mqm-test-sample.tsv.gz")
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	type tok struct {
		seg  int
		gold bool
		p    float64
	}
	var toks []tok
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		require.Len(t, parts, 3)
		seg, err := strconv.Atoi(parts[0])
		require.NoError(t, err)
		var feats []uint32
		for _, x := range strings.Fields(parts[2]) {
			v, err := strconv.ParseUint(x, 10, 32)
			require.NoError(t, err)
			feats = append(feats, uint32(v))
		}
		toks = append(toks, tok{seg, parts[1] == "1", tg.model.Probability(tg.model.Score(feats))})
	}
	require.NoError(t, sc.Err())
	require.Greater(t, len(toks), 5000)

	scores := make([]float64, len(toks))
	labels := make([]bool, len(toks))
	for i, x := range toks {
		scores[i], labels[i] = x.p, x.gold
	}
	tokenAUC := auc(scores, labels)

	// Span AUC as in train/train.py and ./eval: each gold stretch's highest
	// probability against that of a clean stretch of the same length.
	type run struct{ a, b int }
	var gold, clean []run
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].seg == toks[i].seg && toks[j].gold == toks[i].gold {
			j++
		}
		if toks[i].gold {
			gold = append(gold, run{i, j})
		} else {
			clean = append(clean, run{i, j})
		}
		i = j
	}
	peak := func(a, b int) float64 {
		m := toks[a].p
		for k := a + 1; k < b; k++ {
			m = math.Max(m, toks[k].p)
		}
		return m
	}
	var ss []float64
	var ls []bool
	k := 0
	for _, g := range gold {
		ss, ls = append(ss, peak(g.a, g.b)), append(ls, true)
		for range clean {
			c := clean[k%len(clean)]
			k++
			if c.b-c.a >= g.b-g.a {
				ss, ls = append(ss, peak(c.a, c.a+g.b-g.a)), append(ls, false)
				break
			}
		}
	}
	spanAUC := auc(ss, ls)
	t.Logf("committed sample: %d tokens, %d gold stretches; token AUC %.3f, span AUC %.3f", len(toks), len(gold), tokenAUC, spanAUC)
	assert.GreaterOrEqual(t, spanAUC, committedFloor)
	assert.Greater(t, tokenAUC, 0.6)
}

// auc is the probability that a random positive scores above a random
// negative, ties counting half.
func auc(scores []float64, labels []bool) float64 {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(scores[a], scores[b]) })
	var pos, neg, rankSum float64
	for i := 0; i < len(idx); {
		j := i
		for j < len(idx) && scores[idx[j]] == scores[idx[i]] {
			j++
		}
		mid := float64(i+j+1) / 2
		for _, k := range idx[i:j] {
			if labels[k] {
				pos++
				rankSum += mid
			} else {
				neg++
			}
		}
		i = j
	}
	if pos == 0 || neg == 0 {
		return 0.5
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

func TestAUC(t *testing.T) {
	assert.InDelta(t, 1.0, auc([]float64{0.1, 0.2, 0.8, 0.9}, []bool{false, false, true, true}), 1e-9)
	assert.InDelta(t, 0.0, auc([]float64{0.9, 0.8, 0.2, 0.1}, []bool{false, false, true, true}), 1e-9)
	assert.InDelta(t, 0.5, auc([]float64{0.5, 0.5, 0.5, 0.5}, []bool{false, true, false, true}), 1e-9)
}

func FuzzReadPhrases(f *testing.F) {
	b := NewPhraseBuilder()
	b.AddSentence([]string{"a", "b"})
	b.AddSentence([]string{"a", "b"})
	data, _ := b.Bytes(4, "x")
	f.Add(data)
	f.Add([]byte(phrasesMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadPhrases(data)
		if err != nil {
			return
		}
		p.Magnitude("a", "b")
		p.Magnitude("zzz")
	})
}

func FuzzReadModel(f *testing.F) {
	f.Add(modelBin[:64])
	f.Add([]byte(modelMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(data)
		if err != nil {
			return
		}
		m.Probability(m.Score([]uint32{0, 1, 2}))
	})
}

// TestConcurrentTagging runs one Tagger from several goroutines (run with
// -race): it is read-only, so each sees the same scores.
func TestConcurrentTagging(t *testing.T) {
	tg, err := Default()
	require.NoError(t, err)
	doc := segment.Split("The council approved the budget on Tuesday. Officials said the plan of the ministry was not enough for the towns.")
	want := tg.Passages(doc, 0)
	done := make(chan []Passage)
	for range 4 {
		go func() { done <- tg.Passages(doc, 0) }()
	}
	for range 4 {
		assert.Equal(t, want, <-done)
	}
}

func TestNamesOnly(t *testing.T) {
	doc := segment.Split("The governor Vyacheslav Gladkov spoke of the retreats text on Monday.")
	s := doc.Sentences[0]
	at := func(w string) int {
		for i, tk := range s.Tokens {
			if tk.Text == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	for _, tc := range []struct {
		first, last string
		want        bool
	}{
		{"Vyacheslav", "Gladkov", true},
		{"Gladkov", "Gladkov", true},
		{"Gladkov", "spoke", false},
		{"retreats", "text", false},
	} {
		p := Passage{First: at(tc.first), Last: at(tc.last)}
		assert.Equal(t, tc.want, NamesOnly(s, p), "%s..%s", tc.first, tc.last)
	}
}
