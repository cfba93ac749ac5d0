package lingua

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

func TestPlainlyEnglish(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The mayor said the city was calm on Tuesday.", true},
		{"Russian President Vladimir Putin has recently expanded his command.", true}, // names left out
		{"Culture shock", true},
		{"Der Bürgermeister sagte, dass die Stadt ruhig sei.", false},
		{"Le maire a dit que la ville était calme.", false},
		{"Мэр сказал, что в городе спокойно.", false},
		{"Zhongguo Renmin Ribao", false},
		{"-", false},
	} {
		d := segment.Split(tc.text)
		require.NotEmpty(t, d.Sentences, tc.text)
		assert.Equal(t, tc.want, plainlyEnglish(d.Sentences[0].Words()), tc.text)
	}
}

// TestSentenceLanguagesShortForeign checks that short sentences that are
// not plainly English are still identified with the models for short text.
func TestSentenceLanguagesShortForeign(t *testing.T) {
	d := detector(t)
	doc := segment.Split("The mayor said the city was calm on Tuesday. Der Bürgermeister sagte, dass die Stadt ruhig sei. Мэр сказал, что в городе спокойно. -")
	langs, err := d.sentenceLanguages(context.Background(), doc, Language{})
	require.NoError(t, err)
	require.Len(t, langs, 4)
	assert.Equal(t, "en", langs[0].Code)
	assert.Equal(t, "de", langs[1].Code)
	assert.Equal(t, identify(d.full(), doc.Slice(doc.Sentences[1].Span)).Confidence, langs[1].Confidence, "a short foreign sentence gets the full models' identification")
	assert.Contains(t, []string{"ru", "uk"}, langs[2].Code)
	assert.Equal(t, Language{}, langs[3].Language, "no letters, no language")

	// in a document identified as English, plainly English sentences
	// take the document's identification; the others are identified
	en := Language{Code: "en", Confidence: 0.97}
	langs, err = d.sentenceLanguages(context.Background(), doc, en)
	require.NoError(t, err)
	assert.Equal(t, en, langs[0].Language)
	assert.Equal(t, "de", langs[1].Code)
	assert.Contains(t, []string{"ru", "uk"}, langs[2].Code)
}

// TestIdentifyDocumentSamples checks that a long document is identified
// from windows of it, and a short one whole.
func TestIdentifyDocumentSamples(t *testing.T) {
	d := detector(t)
	short := strings.Repeat("The mayor said the city was calm on Tuesday. ", 100)
	assert.Equal(t, d.Identify(short), d.identifyDocument(short))
	long := strings.Repeat("Der Bürgermeister sagte am Dienstag, dass die Stadt ruhig sei. ", 4000) // 260 KB
	got := d.identifyDocument(long)
	assert.Equal(t, "de", got.Code)
	assert.Greater(t, got.Confidence, 0.9)
}

// TestSpanIndex checks the indexed overlap test against a pass over the
// spans, on random spans that nest, overlap and are empty.
func TestSpanIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	span := func() segment.Span {
		s := r.IntN(100)
		return segment.Span{Start: s, End: s + r.IntN(10)}
	}
	for range 300 {
		spans := make([]segment.Span, r.IntN(20))
		for i := range spans {
			spans[i] = span()
		}
		x := newSpanIndex(spans)
		for range 30 {
			s := span()
			want := slices.ContainsFunc(spans, s.Overlaps)
			require.Equal(t, want, x.overlaps(s), "%v in %v", s, spans)
		}
	}
}

func TestSpanIndexOverlapping(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	span := func() segment.Span {
		s := r.IntN(100)
		return segment.Span{Start: s, End: s + r.IntN(10)}
	}
	for range 300 {
		spans := make([]segment.Span, r.IntN(20))
		for i := range spans {
			spans[i] = span()
		}
		x := newSpanIndex(spans)
		for range 30 {
			s := span()
			var want []int
			for i, e := range spans {
				if e.Overlaps(s) {
					want = append(want, i)
				}
			}
			require.Equal(t, want, x.overlapping(nil, s), "%v in %v", s, spans)
		}
	}
}

func TestVerdict(t *testing.T) {
	const pMachine, pHuman = 0.9, 0.5
	for _, c := range []struct {
		name     string
		rules, p float64
		want     string
	}{
		{"exact rules alone", machineThreshold, 0.1, Machine},
		{"model sure, rules agree", corroboration, 0.95, Machine},
		{"model sure, rules silent", 0, 0.95, Uncertain},
		{"model sure, rules below corroboration", corroboration - 0.01, 0.99, Uncertain},
		{"rules agree, model unsure", 0.5, 0.7, Uncertain},
		{"both low", 0.1, 0.2, Human},
		{"rules low, model between", 0.1, 0.6, Uncertain},
		{"short text: model out", 0.1, 0.99, Human},
	} {
		pm, ph := pMachine, pHuman
		if c.name == "short text: model out" {
			pm, ph = math.Inf(1), math.Inf(1)
		}
		if got := verdict(c.rules, c.p, pm, ph); got != c.want {
			t.Errorf("%s: verdict(%v, %v) = %s, want %s", c.name, c.rules, c.p, got, c.want)
		}
	}
}
