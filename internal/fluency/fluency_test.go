package fluency

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

func testModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	require.NoError(t, err)
	return m
}

func firstSentence(t testing.TB, text string) segment.Sentence {
	t.Helper()
	doc := segment.Split(text)
	require.NotEmpty(t, doc.Sentences, text)
	return doc.Sentences[0]
}

func TestDefault(t *testing.T) {
	m := testModel(t)
	m2, err := Default()
	require.NoError(t, err)
	assert.Same(t, m, m2, "Default decodes once")
	assert.Contains(t, m.Source(), "Brown Corpus")
	assert.Greater(t, m.Calibrated(), 4000)
	assert.Len(t, m.lex.vocab, 300)
	assert.Greater(t, len(m.lex.class), 20000)
}

func TestSymbols(t *testing.T) {
	m := testModel(t)
	for _, tc := range []struct {
		text string
		want string
	}{
		// Function words stay, content words become classes.
		{"The army said it had captured several villages.", "the N said it had VN several NS ."},
		// A word the lexicon lacks gets its class from its stem or its shape.
		{"The army said it had retaken several villages.", "the N said it had VN several NS ."},
		{"The army said it had zorbled several villages.", "the N said it had VN several NS ."},
		// A capital inside a sentence marks a name; a capitalized function
		// word inside a sentence is a class of its own; acronyms are names.
		{"Officials in Kyiv said US troops would stay For now.", "NS in NP said NP NS would V CAPF now ."},
		{"US officials said so.", "NP NS said so ."},
		// After an opening quote or a colon a capital says nothing.
		{`He said: “We will not go.”`, `he said : " we will not go " .`},
		// A quotation mark after a full stop or comma comes first, as in
		// the corpus; numbers, symbols and unknown words by their shape.
		{`“Prices rose,” she said, by 3% to €40.`, `" NS VD " , she said , by CD P to SYM CD .`},
		{"Zorbliks were blorfing quickly.", "NP were VG R ."},
	} {
		got := strings.Join(m.Symbols(firstSentence(t, tc.text)), " ")
		assert.Equal(t, tc.want, got, tc.text)
	}
}

func TestGuessClass(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"blorfing", ClassGerund}, {"sing", ClassNoun}, {"zorbled", ClassParticiple},
		{"glorbly", ClassAdverb}, {"fly", ClassNoun}, {"zorbical", ClassAdjective},
		{"zorbs", ClassPluralNoun}, {"glass", ClassNoun}, {"short-zorbs", ClassPluralNoun},
		{"zorb's", ClassNoun}, {"3d", ClassNumber}, {"", ClassNoun},
	} {
		assert.Equal(t, tc.want, guessClass(tc.word), tc.word)
	}
}

func TestAcronym(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{{"US", true}, {"NATO", true}, {"U.S.", true}, {"I", false}, {"Us", false}, {"A1", false}, {"CNN's", false}} {
		assert.Equal(t, tc.want, acronym(tc.w), tc.w)
	}
}

// TestSentenceOrder checks that English word order is less surprising than
// the same words in a literal or scrambled order (own examples).
func TestSentenceOrder(t *testing.T) {
	m := testModel(t)
	for _, tc := range []struct{ fluent, odd string }{
		{"Police said that the man had threatened the woman with a knife in front of the house.",
			"The police said that the man the woman before the house with a knife threatened had."},
		{"The government has already rejected the proposal, officials said.",
			"The government has the proposal already rejected, as officials said have."},
		{"The company said production fell by a third in the first half of the year.",
			"The company said the first half of the year the production volume decreased a third."},
		{"Rescue teams worked through the night to reach the villagers.",
			"Through teams the worked rescue night the to villagers reach."},
	} {
		f, o := m.Sentence(firstSentence(t, tc.fluent)), m.Sentence(firstSentence(t, tc.odd))
		assert.Less(t, f.Excess, o.Excess, "%q vs %q", tc.fluent, tc.odd)
		assert.Less(t, f.ExcessRank, o.ExcessRank)
	}
}

func TestSentenceScore(t *testing.T) {
	m := testModel(t)
	text := "Officials said the talks would resume next week. The army withdrew from the city, including to avoid heavy For the third time this year, it lost a base."
	doc := segment.Split(text)
	require.Len(t, doc.Sentences, 2)
	sc := m.Sentence(doc.Sentences[0])
	assert.Equal(t, len(doc.Sentences[0].Tokens)+1, sc.Symbols)
	assert.Greater(t, sc.Surprise, 0.0)
	assert.Less(t, sc.Excess, 0.0, "context helps in an English sentence")
	assert.GreaterOrEqual(t, sc.Peak, sc.Excess)
	assert.True(t, doc.Sentences[0].Span.Contains(sc.PeakSpan))
	assert.InDelta(t, 0.5, sc.ExcessRank, 0.45)

	broken := m.Sentence(doc.Sentences[1])
	assert.Greater(t, broken.PeakRank, 0.95, "a capitalized function word mid-clause")
	assert.Contains(t, doc.Slice(broken.PeakSpan), "For")

	assert.Equal(t, Score{}, m.Sentence(segment.Sentence{}))
	// A sentence shorter than the peak window.
	short := m.Sentence(firstSentence(t, "Yes."))
	assert.Equal(t, 3, short.Symbols)
	assert.Equal(t, segment.Span{Start: 0, End: 4}, short.PeakSpan)
}

func TestRank(t *testing.T) {
	q := []float64{1, 2, 3} // quantiles 1/4, 2/4, 3/4
	for _, tc := range []struct{ x, want float64 }{
		{0, 0}, {1, 0.25}, {1.5, 0.375}, {3, 0.75}, {3.5, 1}, {2, 0.5},
	} {
		assert.InDelta(t, tc.want, rank(q, tc.x), 1e-9, "x=%v", tc.x)
	}
	assert.Zero(t, rank(nil, 5))
}

// tiny is a small tagged corpus for training tests.
func tiny(n int) [][]Tagged {
	var out [][]Tagged
	for i := range n {
		out = append(out,
			[]Tagged{{"The", ClassFunction}, {"army", ClassNoun}, {"said", ClassVerbPast}, {"it", ClassFunction},
				{"had", ClassFunction}, {"won", ClassParticiple}, {fmt.Sprint(i), ClassNumber}, {"battles", ClassPluralNoun}, {".", ClassPunct}},
			[]Tagged{{"“", ClassPunct}, {"We", ClassFunction}, {"will", ClassFunction}, {"stay", ClassVerb}, {"”", ClassPunct},
				{",", ClassPunct}, {"Smith", ClassProperNoun}, {"said", ClassVerbPast}, {".", ClassPunct}})
	}
	return out
}

func TestTrainWriteRead(t *testing.T) {
	m, err := Train(tiny(600), TrainOptions{Vocabulary: 8, Source: "tiny"})
	require.NoError(t, err)
	assert.Len(t, m.lex.vocab, 8)
	assert.False(t, m.lex.vocab["smith"], "names are never vocabulary")
	assert.Equal(t, ClassProperNoun, m.lex.class["smith"])
	require.NoError(t, m.Calibrate(tiny(1000)))
	assert.Equal(t, 1000, m.Calibrated(), "only the sentences of six words or more")

	var buf bytes.Buffer
	require.NoError(t, m.Write(&buf))
	m2, err := Read(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, "tiny", m2.Source())
	assert.Equal(t, m.syms, m2.syms)
	assert.Equal(t, m.tri, m2.tri)
	s := firstSentence(t, "The army said it had won 5 battles.")
	assert.Equal(t, m.Symbols(s), m2.Symbols(s))
	assert.InDelta(t, m.Sentence(s).Excess, m2.Sentence(s).Excess, 1e-12)
	assert.InDeltaSlice(t, m.calExcess, m2.calExcess, 1e-4)
	assert.InDeltaSlice(t, m.calPeak, m2.calPeak, 1e-4)
	odd := firstSentence(t, "Army the it said battles had won 5.")
	assert.Greater(t, m.Sentence(odd).Excess, m.Sentence(s).Excess)
}

func TestTrainErrors(t *testing.T) {
	_, err := Train(nil, TrainOptions{})
	assert.ErrorContains(t, err, "no training sentences")
	_, err = Train([][]Tagged{{{"x", "XX"}}}, TrainOptions{})
	assert.ErrorContains(t, err, `unknown class "XX"`)
	m, err := Train(tiny(3), TrainOptions{})
	require.NoError(t, err)
	assert.ErrorContains(t, m.Calibrate(tiny(3)), "calibration needs 1,000 sentences")
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestReadErrors(t *testing.T) {
	var good bytes.Buffer
	m, err := Train(tiny(2), TrainOptions{Vocabulary: 4})
	require.NoError(t, err)
	require.NoError(t, m.Write(&good))
	zr, err := gzip.NewReader(bytes.NewReader(good.Bytes()))
	require.NoError(t, err)
	var plain bytes.Buffer
	_, err = plain.ReadFrom(zr)
	require.NoError(t, err)
	text := plain.String()
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("hello"), "reading model"},
		{"empty", gz(""), "unexpected EOF"},
		{"wrong header", gz("something else\n"), "not a fluency model"},
		{"no source", gz(fileMagic + "\nsymbols\t3\n"), "want source"},
		{"truncated", gz(text[:len(text)/2]), "model line"},
		{"bad count", gz(strings.Replace(text, "symbols\t", "symbols\t-", 1)), `want "symbols"`},
		{"unknown class", gz(strings.Replace(text, "\tN\n", "\tXX\n", 1)), "bad lexicon entry"},
		{"bad trigram", gz(strings.Replace(text, "trigrams\t", "trigrams\t1\n1 2\n", 1)), "model line"},
		{"zero count", gz(strings.TrimSuffix(text, "\n")[:strings.LastIndexByte(strings.TrimSuffix(text, "\n"), ' ')] + " 0\n"), "no count"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tc.data))
			assert.ErrorContains(t, err, tc.want)
		})
	}
	_, err = Read(bytes.NewReader(gz(text)))
	assert.NoError(t, err, "the unmodified model reads")
}

// FuzzRead feeds arbitrary model text to Read: it must return a model or
// an error, never panic, and a model it returns must score a sentence.
func FuzzRead(f *testing.F) {
	m, err := Train(tiny(2), TrainOptions{Vocabulary: 4})
	require.NoError(f, err)
	var buf bytes.Buffer
	require.NoError(f, m.Write(&buf))
	zr, err := gzip.NewReader(&buf)
	require.NoError(f, err)
	var plain bytes.Buffer
	_, err = plain.ReadFrom(zr)
	require.NoError(f, err)
	f.Add(plain.String())
	f.Add(fileMagic + "\nsource\tx\nsymbols\t1\n<s>\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := Read(bytes.NewReader(gz(text)))
		if err != nil {
			return
		}
		sc := m.Sentence(firstSentence(t, "The army said it had won."))
		if sc.Symbols != 8 {
			t.Fatalf("symbols %d", sc.Symbols)
		}
	})
}

func TestTokenExcess(t *testing.T) {
	m, err := Default()
	require.NoError(t, err)
	peak := func(text string) float64 {
		s := segment.Split(text).Sentences[0]
		ex := m.TokenExcess(nil, s)
		require.Len(t, ex, len(s.Tokens))
		best := ex[0]
		for _, x := range ex {
			best = max(best, x)
		}
		return best
	}
	// A function word where English puts none is the least expected token.
	assert.Greater(t, peak("The man had the woman before the house of the."), peak("The man had seen the woman before she left the house."))
	// Appending keeps what dst held.
	s := segment.Split("It rained.").Sentences[0]
	got := m.TokenExcess([]float64{42}, s)
	assert.Len(t, got, 1+len(s.Tokens))
	assert.Equal(t, 42.0, got[0])
}
