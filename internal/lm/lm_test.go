package lm

import (
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// tinyCorpus is a small corpus written for the tests.
var tinyCorpus = []string{
	"the cat sat on the mat .",
	"the dog sat on the rug .",
	"a cat sat on a mat .",
	"the cat ate the fish .",
	"the dog ate the bone .",
	"a dog saw the cat .",
	"the cat saw a bird on the mat .",
	"the bird sat on the rug .",
}

func tinyModel(t testing.TB, opt TrainOptions) *Model {
	var sents [][]string
	for _, s := range tinyCorpus {
		sents = append(sents, strings.Fields(s))
	}
	b, err := Train(sents, opt)
	require.NoError(t, err)
	m, err := Load(b)
	require.NoError(t, err)
	return m
}

// TestDistributionSumsToOne checks that, for several histories, the
// probabilities of every vocabulary word (and EOS) add up to one, with and
// without pruning (which recomputes back-off weights).
func TestDistributionSumsToOne(t *testing.T) {
	vocab := map[string]bool{EOS: true, Unk: true}
	for _, s := range tinyCorpus {
		for _, w := range strings.Fields(s) {
			vocab[w] = true
		}
	}
	for _, opt := range []TrainOptions{{MinWordCount: 1}, {MinWordCount: 1, MinBigramCount: 2, MinTrigramCount: 2}} {
		m := tinyModel(t, opt)
		for _, hist := range [][]string{{}, {"the"}, {"the", "cat"}, {"sat", "on"}, {"fish", "."}} {
			sum := 0.0
			for w := range vocab {
				toks := append(append([]string{}, hist...), w)
				s := m.Surprisal(toks)
				sum += math.Exp2(-s[len(s)-1])
			}
			require.InDelta(t, 1, sum, 0.08, "history %v, options %+v", hist, opt)
		}
	}
}

func TestSurprisalOrdersSentences(t *testing.T) {
	m := tinyModel(t, TrainOptions{MinWordCount: 1})
	seen := m.Surprisal([]string{"the", "cat", "sat", "on", "the", "mat", "."})
	shuffled := m.Surprisal([]string{"mat", "the", "on", ".", "cat", "the", "sat"})
	require.Len(t, seen, 7)
	require.Less(t, sum(seen), sum(shuffled)-5)
	require.Equal(t, []int{2, 3, 3, 0}, m.Orders([]string{"the", "cat", "sat", "zebra"}))
	require.Equal(t, []int{2, 1}, m.Orders([]string{"the", "the"}))
	require.True(t, m.Known("cat"))
	require.False(t, m.Known("zebra"))
	// An unknown word is scored as Unk, not rejected.
	require.Greater(t, m.Surprisal([]string{"the", "zebra"})[1], m.Surprisal([]string{"the", "cat"})[1])
	require.Less(t, m.EndSurprisal([]string{"the", "mat", "."}), m.EndSurprisal([]string{"the", "mat", "on"}))
}

func sum(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s
}

func TestEnglishModel(t *testing.T) {
	m, err := English()
	require.NoError(t, err)
	size := m.Size()
	require.Greater(t, size[0], 20000)
	require.Greater(t, size[2], 100000)
	fluent := Words("The government said on Tuesday that it would raise interest rates next year.")
	scrambled := Words("Tuesday rates on said would the next government year raise that it interest.")
	require.Less(t, sum(m.Surprisal(fluent)), sum(m.Surprisal(scrambled))-20)
}

func TestLoadRejectsBadInput(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("XXXX0000000000000000000000000000000000000000"),
		"truncated": englishData[:1000],
	} {
		_, err := Load(b)
		require.Error(t, err, name)
	}
	_, err := Load(append(append([]byte{}, englishData...), 0, 0, 0, 0))
	require.Error(t, err)
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"“Don’t,” she said — twice…", []string{"\"", "don't", ",", "\"", "she", "said", "-", "twice", "..."}},
		{"\"Don't,\" she said - twice...", []string{"\"", "don't", ",", "\"", "she", "said", "-", "twice", ".", ".", "."}},
		{"In 2019, U.S. well-known  firms", []string{"in", "0000", ",", "u.s", ".", "well-known", "firms"}},
		{"", []string{}},
	} {
		require.Equal(t, tc.want, Words(tc.in), tc.in)
	}
	toks := Tokenize("Ab  “cd”")
	require.Equal(t, []Token{{"ab", 0, 2}, {"\"", 4, 7}, {"cd", 7, 9}, {"\"", 9, 12}}, toks)
}

func TestNormalize(t *testing.T) {
	require.Equal(t, "\"It's\" - a test... ok", Normalize("“It’s”\u00a0— a  test… ok"))
	require.Equal(t, "\"quoted\"", Normalize("``quoted''"))
}

func FuzzTokenize(f *testing.F) {
	f.Add("“Don’t,” she said — twice…")
	f.Add("a\u00adb 1.5% U.S.")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := English()
		require.NoError(t, err)
		toks := Tokenize(s)
		last := 0
		for _, tok := range toks {
			if tok.Start < last || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad offsets %+v in %q", tok, s)
			}
			last = tok.End
		}
		for _, v := range m.Surprisal(Words(s)) {
			if math.IsNaN(v) || v < 0 {
				t.Fatalf("surprisal %v for %q", v, s)
			}
		}
	})
}

// FuzzLoad feeds damaged models to Load: it must return an error or a
// model that scores without panicking.
func FuzzLoad(f *testing.F) {
	var sents [][]string
	for _, s := range tinyCorpus {
		sents = append(sents, strings.Fields(s))
	}
	b, err := Train(sents, TrainOptions{MinWordCount: 1})
	require.NoError(f, err)
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Load(b)
		if err != nil {
			return
		}
		m.Surprisal([]string{"the", "cat", "sat"})
	})
}
