package lingua

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/spantag"
	"github.com/transcheck/transcheck/report"
)

func TestLearnedHit(t *testing.T) {
	text := "The delegation inspected the Qorvaleth works of resumption production in the district."
	doc := segment.Split(text)
	s := doc.Sentences[0]
	tok := func(w string) int {
		for i, t := range s.Tokens {
			if t.Text == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	first, last := tok("Qorvaleth"), tok("production")
	p := spantag.Passage{
		Span:  segment.Span{Start: s.Tokens[first].Start, End: s.Tokens[last].End},
		First: first, Last: last, P: 0.42,
		Unseen: tok("production"), Rare: first, Excess: 4,
	}
	h := learnedHit(doc, s, p, 6.3e6)
	assert.Equal(t, rules.GarbledUnusualPhrase, h.rule)
	assert.False(t, h.signalOnly)
	assert.InDelta(t, 0.42, h.confidence, 1e-9)
	assert.Contains(t, h.message, "42 %")
	assert.Contains(t, h.message, `"Qorvaleth" occurs at most once in 6.3 million words of edited English`)
	assert.Contains(t, h.message, `"resumption production" does not occur in 6.3 million words`)
	assert.Contains(t, h.message, "16 times less expected")
	require.Len(t, h.evidence, 1)
	assert.Equal(t, "resumption production", h.evidence[0].Text)
	assert.Equal(t, "resumption production", text[h.evidence[0].Span.Start:h.evidence[0].Span.End])

	// Without a rare word, an unseen pair or a word-order peak, the message
	// gives the probability alone, and no evidence.
	p.Unseen, p.Rare, p.Excess = -1, -1, 0
	h = learnedHit(doc, s, p, 6.3e6)
	assert.NotContains(t, h.message, "million words")
	assert.NotContains(t, h.message, "less expected")
	assert.Empty(t, h.evidence)

}

func TestSpanSet(t *testing.T) {
	sp := func(a, b int) segment.Span { return segment.Span{Start: a, End: b} }
	hits := []hit{
		{rule: rules.GarbledRomanized, span: sp(50, 60)},
		{rule: rules.GarbledRomanized, span: sp(10, 40)}, // unsorted on purpose
		{rule: rules.GarbledRomanized, span: sp(12, 15)},
		{rule: rules.BoilerplateByline, span: sp(70, 80)},
	}
	ss := spansOf(hits, func(h hit) bool { return h.rule.Category == Garbled })
	for _, tc := range []struct {
		q    segment.Span
		want bool
	}{
		{sp(0, 10), false}, // ends where the first starts
		{sp(0, 11), true},
		{sp(39, 45), true},  // inside the long span's end, past the short one
		{sp(40, 50), false}, // the gap
		{sp(59, 65), true},
		{sp(60, 75), false}, // the byline is not in the set
		{sp(100, 110), false},
	} {
		assert.Equal(t, tc.want, ss.overlaps(tc.q), "%v", tc.q)
	}
	assert.False(t, spansOf(nil, func(hit) bool { return true }).overlaps(sp(0, 100)))
}

func TestLearnedHitsQuietOnEditedEnglish(t *testing.T) {
	d := detector(t)
	text := "Storm hits coast\n\n" +
		"The council voted on Tuesday to delay the decision until after the summer, officials said. " +
		"The fire had been brought under control by early morning, and residents were allowed to return home. " +
		"Prices rose by 2.4 percent in March, the statistics office said, the fastest pace in more than a year."
	a, err := d.Analyze(context.Background(), segment.Split(text))
	require.NoError(t, err)
	for _, p := range a.Passages {
		assert.NotEqual(t, LearnedRule, p.Rule, "%s: %s", p.Rule, p.Message)
	}
}

// TestGarbledSeverityFollowsVerdict checks the one place where the
// document's verdict sets a finding's severity: garbled passages of a text
// called human are hints, elsewhere they keep their rule's severity.
func TestGarbledSeverityFollowsVerdict(t *testing.T) {
	garbled := report.Finding{Category: report.Garbled, Rule: rules.GarbledCalque.ID, Confidence: 0.5}
	sure := garbled
	sure.Confidence = 0.9
	chrome := report.Finding{Category: report.Boilerplate, Rule: rules.BoilerplatePageChrome.ID, Confidence: 0.5}
	for _, tc := range []struct {
		name    string
		p       report.Finding
		verdict string
		want    report.Severity
	}{
		{"garbled, human", garbled, Human, report.Info},
		{"confident garbled, human", sure, Human, report.Info},
		{"garbled, uncertain", garbled, Uncertain, rules.GarbledCalque.Severity},
		{"garbled, machine", garbled, Machine, rules.GarbledCalque.Severity},
		{"confident garbled, machine", sure, Machine, report.Error},
		{"boilerplate, human", chrome, Human, rules.BoilerplatePageChrome.Severity},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, severity(tc.p, tc.verdict))
		})
	}
}

// TestLearnedThresholdByVerdict checks that the tagger reports more
// readily in a document called machine than in one called human or
// uncertain.
func TestLearnedThresholdByVerdict(t *testing.T) {
	assert.Less(t, learnedThreshold(Machine), learnedThreshold(Uncertain))
	assert.Equal(t, learnedThreshold(Uncertain), learnedThreshold(Human))
}

func TestKnownNames(t *testing.T) {
	doc := segment.Split("Officials in Kharkiv and Zorblatt Quenwick met on Monday.")
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
	// A place the gazetteer knows is no garbled phrase; a name nobody
	// knows may be a name translated word for word, and stays.
	assert.True(t, knownNames(s, spantag.Passage{First: at("Kharkiv"), Last: at("Kharkiv")}))
	assert.False(t, knownNames(s, spantag.Passage{First: at("Zorblatt"), Last: at("Quenwick")}))
}
