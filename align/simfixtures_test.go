package align

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/report"
)

// A story written for this test twice, as two translators might render one
// source, and the second rendering reworked into other coverage: its
// paragraphs reordered, a sentence dropped, two sentences merged, one
// split, one number changed (41 injured → 47), one word of a quotation
// changed ("calm" → "quiet"), and a partial quotation. The gold links are
// listed in TestComparableFixture.
const textStory = `Floods close the main road to Valbrook

Heavy rain flooded the main road between Valbrook and the coast on Tuesday, cutting off about 3,200 residents. Rescue teams evacuated 58 families from the lower town overnight. The regional hospital treated 41 people for injuries, most of them minor.

"We ask everyone to stay calm and to follow the instructions of the rescue services," mayor Ilse Dorrant said. The river rose by 2.5 metres in six hours, the highest level since 1987.

Engineers expect the road to reopen on Friday at the earliest. The regional government has set aside 4 million euros for repairs. A second storm is forecast for the weekend.`

const coverageStory = `The authorities believe that engineers will not reopen the road before Friday. Some 4 million euros have been earmarked by the regional government for the repair work.

Torrential rain on Tuesday submerged the main road linking Valbrook with the coast, and roughly 3,200 people were cut off. Overnight, 58 families were taken out of the lower part of town by rescuers.

"We ask everyone to stay quiet and to follow the instructions of the rescue services," mayor Ilse Dorrant said. In six hours the water climbed 2.5 metres. It was the river's highest level since 1987.

At the regional hospital, 47 people were treated for injuries. Most were not serious, doctors said, and the mayor urged residents "to follow the instructions" of rescuers.`

// An unrelated story: nothing may align with it.
const distractorStory = `The city orchestra opened its season on Saturday with a programme of new works. Tickets for the three concerts sold out within a day. The conductor said the ensemble had rehearsed for six weeks.`

func TestComparableFixture(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	require.NoError(t, x.Add(ctx, NewDocument("coverage/story.txt", coverageStory)))
	require.NoError(t, x.Add(ctx, NewDocument("coverage/other.txt", distractorStory)))
	doc := NewDocument("text.txt", textStory)
	res, err := Comparable(ctx, doc, x, Options{})
	require.NoError(t, err)

	// the coverage sentence that each text sentence translates, by a phrase
	// of each
	gold := map[string][]string{
		"Floods close":                nil,
		"Heavy rain flooded":          {"Torrential rain"},
		"Rescue teams":                {"Overnight, 58"},
		"The regional hospital":       {"At the regional hospital", "Most were not serious"},
		`"We ask everyone`:            {`"We ask everyone`},
		"The river rose":              {"In six hours", "It was the river"},
		"Engineers expect":            {"The authorities believe"},
		"The regional government has": {"Some 4 million"},
		"A second storm":              nil,
	}
	sentenceOf := func(prefix string) int {
		for i, s := range doc.Seg.Sentences {
			if strings.HasPrefix(doc.Seg.Slice(s.Span), prefix) {
				return i
			}
		}
		t.Fatalf("no text sentence starts with %q", prefix)
		return -1
	}
	var tp, fp, fn int
	for prefix, want := range gold {
		i := sentenceOf(prefix)
		var got []string
		for _, a := range res.Alignments {
			if slices.Contains(a.Source, i) {
				assert.Equal(t, "coverage/story.txt", a.Target, "sentence %q aligns with the distractor", prefix)
				got = append(got, a.TargetText)
			}
		}
		for _, w := range want {
			if slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
				tp++
			} else {
				fn++
				t.Logf("missed: %q ~ %q", prefix, w)
			}
		}
		for _, g := range got {
			if !slices.ContainsFunc(want, func(w string) bool { return strings.HasPrefix(g, w) }) {
				fp++
				t.Logf("false link: %q ~ %q", prefix, g)
			}
		}
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	assert.GreaterOrEqual(t, 2*p*r/(p+r), 0.9, "link F1 (precision %.2f, recall %.2f)", p, r)

	var numbers, quotes []report.Finding
	for _, d := range res.Differences {
		switch d.Category {
		case report.Number:
			numbers = append(numbers, d)
		case report.Quote:
			quotes = append(quotes, d)
		}
	}
	require.Len(t, numbers, 1, "only the changed number: %+v", numbers)
	assert.Equal(t, "41 people", textStory[numbers[0].Span.Start:numbers[0].Span.End])
	assert.Contains(t, numbers[0].Suggestions[0], "47")
	require.Len(t, quotes, 1, "only the changed quotation: %+v", quotes)
	assert.Contains(t, textStory[quotes[0].Span.Start:quotes[0].Span.End], "stay calm")
	assert.Contains(t, quotes[0].Diff, report.DiffOp{Op: report.DiffInsert, Text: "quiet"})
}

func TestParallelFixture(t *testing.T) {
	// the second rendering, in order, with the number and the word changed
	ref := `Floods cut the main road to Valbrook

Heavy rain on Tuesday flooded the main road from Valbrook to the coast and cut off around 3,200 residents. Rescuers evacuated 58 families from the lower town during the night. The regional hospital treated 47 people for injuries, mostly minor ones.

"We ask everyone to stay quiet and to follow the instructions of the rescue services," mayor Ilse Dorrant said. The river rose 2.5 metres within six hours, its highest level since 1987.

Engineers think the road will reopen on Friday at the earliest. The regional government has put aside 4 million euros for the repairs. Another storm is expected at the weekend.`
	res, err := Parallel(context.Background(), NewDocument("text.txt", textStory), NewDocument("reference.txt", ref), Options{})
	require.NoError(t, err)
	assert.Len(t, res.Alignments, 9, "one bead per sentence")
	assert.Empty(t, res.Unaligned)
	assert.Empty(t, res.TargetUnaligned)
	var rules []string
	for _, d := range res.Differences {
		rules = append(rules, d.Rule+" "+textStory[d.Span.Start:d.Span.End])
	}
	assert.ElementsMatch(t, []string{
		"number/different-value 41 people",
		`quote/reworded We ask everyone to stay calm and to follow the instructions of the rescue services`,
	}, rules)
}
