package align

import (
	"context"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// passages returns the views of two texts read whole.
func passages(a, b string) (*passageView, *passageView) {
	whole := func(path, text string) *passageView {
		d := NewDocument(path, text)
		return newSourceView(d, sentenceRange(0, len(d.Seg.Sentences)))
	}
	return whole("text.txt", a), whole("coverage.txt", b)
}

func TestCompareNumbers(t *testing.T) {
	tests := []struct {
		name      string
		text, cov string
		rule      string // "" for no difference
		flagged   string
		suggested string
	}{
		{
			"same number, other noun",
			"Putin announced the mobilization of 300,000 civilians.",
			"Putin announced that 300,000 reserve soldiers were on their way.",
			rules.NumberDifferentNoun.ID, "300,000 civilians", "300,000 reserve soldiers",
		},
		{
			"same noun, other number",
			"The attack destroyed more than 70 Russian vehicles near the river.",
			"The attack destroyed 80 vehicles near the river, officials said.",
			rules.NumberDifferentValue.ID, "70 Russian vehicles", "80 vehicles",
		},
		{
			"same number and noun in other words",
			"Kyiv says 12 generals were killed.",
			"Ukraine claims it has killed twelve generals.",
			"", "", "",
		},
		{
			"rounded number",
			"The Kremlin admits 5,936 deaths.",
			"The Kremlin admits 5,940 deaths.",
			"", "", "",
		},
		{
			"the coverage's other number is in the text too",
			"Russia lost between 10,000 and 50,000 soldiers.",
			"Russia lost 50,000 soldiers, or at least 10,000 soldiers.",
			"", "", "",
		},
		{
			"a number with no noun, the only one on each side",
			"It happened in 2014.",
			"It happened in 2015.",
			rules.NumberDifferentValue.ID, "2014", "2015",
		},
		{
			"compared with the number that counts the same thing",
			"The shelling killed 11 people and wounded 83 people, the governor said.",
			"The governor said 11 people were killed and 38 wounded in the shelling.",
			rules.NumberDifferentValue.ID, "83 people", "38 wounded",
		},
		{
			"an age written two ways",
			"The 58-year-old driver was arrested at the scene.",
			"Police arrested the driver, 58 years old, at the scene.",
			"", "", "",
		},
		{
			"a small number counting a synonym",
			"Fires broke out in three places across the city.",
			"Fires broke out in three separate locations across the city.",
			"", "", "",
		},
		{
			"a value in words and in digits, with a scale",
			"The fund holds 2.5 million dollars.",
			"The fund holds $2,500,000.",
			"", "", "",
		},
		{
			"a changed percentage beside an agreeing one",
			"Prices rose 5% in May and 7 per cent in June.",
			"Prices rose 5% in May and 9% in June.",
			rules.NumberDifferentValue.ID, "7 per cent", "9%",
		},
		{
			"a participle ends the noun phrase",
			"Officials said 100 soldiers killed yesterday were conscripts.",
			"Officials said 120 soldiers died yesterday.",
			rules.NumberDifferentValue.ID, "100 soldiers", "120 soldiers",
		},
		{
			"an approximate number is its value",
			"Cinemas will show two hundred-plus new films this year.",
			"Cinemas will show more than 200 new films this year.",
			"", "", "",
		},
		{
			"an approximate number that changed",
			"Cinemas will show 200-plus new films this year.",
			"Cinemas will show 300 new films this year.",
			rules.NumberDifferentValue.ID, "200-plus new films", "300 new films",
		},
		{
			"a percentage and an age are not values of one thing",
			"The share was 29% for single people.",
			"Few single people had married by age 35.",
			"", "", "",
		},
		{
			"a generic noun may stand for the coverage's",
			"Officials said 5,766 people are in hospital.",
			"Officials said 5,766 patients are in hospital.",
			"", "", "",
		},
		{
			"percentages",
			"Turnout rose to 45% in the city.",
			"Turnout rose to 54 percent in the city.",
			rules.NumberDifferentValue.ID, "45%", "54 percent",
		},
		{
			"a number given twice, once changed",
			"Officials met on May 20 and on the evening of May 20 the talks ended.",
			"Officials met on May 26 and on the evening of May 20 the talks ended.",
			rules.NumberDifferentValue.ID, "20", "26",
		},
		{
			"a number joined to its unit",
			"In the past 24 hours, 77 people died.",
			"In a 24-hour period, 77 people died, and cases exceeded 16 million.",
			"", "", "",
		},
		{
			"a spelled number joined to its unit",
			"The deal may be extended by 10 years.",
			"The deal allows a ten-year extension and needs 100 MW of capacity.",
			"", "", "",
		},
		{
			"a unit abbreviated and spelled out",
			"Up to 500 mm of rain may fall in a few hours.",
			"Up to 500 millimeters of rain may fall in a few hours.",
			"", "", "",
		},
		{
			"a year before 1900 after a preposition",
			"The ship was launched in 1712 and in 1717 carried troops to the island.",
			"The ship was launched in 1712 and in 1717 landed marines on the island.",
			"", "", "",
		},
		{
			"a range that writes its scale once",
			"Between 5 and 7 million people voted in the north.",
			"Between 5 million and 7 million people voted in the north.",
			"", "", "",
		},
		{
			"a scale left out the second time",
			"The house would cost five million to build; now it will cost seven.",
			"The house would cost five million to build; now it will cost seven million.",
			"", "", "",
		},
		{
			"a changed number beside a scale written once",
			"Between 5 and 7 million people voted in the north.",
			"Between 6 million and 7 million people voted in the north.",
			rules.NumberDifferentValue.ID, "5", "6 million",
		},
		{
			"a label is not a count",
			"The 400 main line runs through the valley.",
			"The main line no. 400 goes through the valley.",
			"", "", "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, tgt := passages(tt.text, tt.cov)
			got := compareNumbers(src, []target{{tgt, 0.8}})
			if tt.rule == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			d := got[0]
			assert.Equal(t, report.Number, d.Category)
			assert.Equal(t, tt.rule, d.Rule)
			assert.Equal(t, tt.flagged, d.Text)
			assert.Equal(t, tt.flagged, tt.text[d.Span.Start:d.Span.End], "the span covers the text")
			assert.Equal(t, []string{tt.suggested}, d.Suggestions)
			assert.Greater(t, d.Confidence, 0.0)
			assert.LessOrEqual(t, d.Confidence, 1.0)
		})
	}
}

func TestCompareQuotes(t *testing.T) {
	tests := []struct {
		name      string
		text, cov string
		// the coverage's quotation reported, and a word the diff
		// inserts; "" for no finding
		suggestion, inserted string
	}{
		{
			"translated twice",
			`“We believe that Putin is involved in tactical decisions at a low level,” a source said.`,
			`"We think Putin is involved in tactical decision-making at a low level," a source told The Times.`,
			"We think Putin is involved in tactical decision-making at a low level", "think",
		},
		{
			"only punctuation and case differ",
			`“We believe Putin is involved in tactical decisions,” a source said.`,
			`"we believe Putin is involved in tactical decisions" said the source.`,
			"", "",
		},
		{
			"the text quotes part of the coverage's quotation",
			`He said the generals were “always terrified they are about to be purged”.`,
			`Wallace said: “The generals are always terrified they are about to be purged and pushed out.”`,
			"", "",
		},
		{
			"rendered in other words beyond one word in four",
			`“We will rebuild every single school that the floods destroyed in the north,” he said.`,
			`“We will repair all schools that the floods destroyed in the north,” he said.`,
			"", "",
		},
		{
			"different quotations",
			`“The army will hold the city at any cost,” the governor said.`,
			`“We are preparing the evacuation of civilians,” the governor said.`,
			"", "",
		},
		{
			"short scare quotes are not compared",
			`The minister called it a “quagmire” today.`,
			`The minister called it a “swamp” today.`,
			"", "",
		},
		{
			"a possessive for a noun before a noun",
			`They said he covers up “Kremlin pressure on the neighbours” in the region.`,
			`They said he covers up “Kremlin's pressure on the neighbours” in the region.`,
			"", "",
		},
		{
			// the second piece opens with "the", which the text's
			// quotation also has before the words the piece repeats
			"cut in two around an attribution, the second piece changed",
			`“Ships under the old blue flag, the whole northern fleet carries out the hardest tasks,” he said.`,
			`“Ships under the old blue flag,” he said. “The whole northern fleet carries out the hardest missions.”`,
			"The whole northern fleet carries out the hardest missions", "missions",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, tgt := passages(tt.text, tt.cov)
			got := compareQuotes(src, []target{{tgt, 0.9}}, false)
			if tt.suggestion == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			d := got[0]
			assert.Equal(t, rules.QuoteReworded.ID, d.Rule)
			assert.Equal(t, d.Text, tt.text[d.Span.Start:d.Span.End])
			q := passageQuotes(src)[0]
			assert.Equal(t, tt.text[q.span.Start:q.span.End], d.Text, "the span runs from the quotation's first word to its last")
			assert.Equal(t, d.Text, spell(d.Diff, report.DiffInsert), "the diff is from the text's quotation")
			assert.Contains(t, d.Diff, report.DiffOp{Op: report.DiffInsert, Text: tt.inserted})
			assert.Equal(t, []string{tt.suggestion}, d.Suggestions)
		})
	}
}

// TestCompareQuotesTranslated: against a translation of the same source
// (parallel mode), a quotation rendered in other words is the reference's
// own rendering; a copy with a word changed is reported.
func TestCompareQuotesTranslated(t *testing.T) {
	const text = `“We believe that Putin is involved in tactical decisions at a low level,” a source said.`
	tests := []struct {
		name, cov string
		want      string // the changed word the finding's diff inserts, "" for none
	}{
		{"rendered in other words", `"We think Putin is involved in tactical decision-making at a low level," a source said.`, ""},
		{"a word changed for its inflection", `"We believe that Putin is involved in tactical decision at a low level," a source said.`, ""},
		{"a word changed", `"We believe that Putin is involved in strategic decisions at a low level," a source said.`, "strategic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, tgt := passages(text, tt.cov)
			got := compareQuotes(src, []target{{tgt, 0.9}}, true)
			if tt.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Contains(t, got[0].Diff, report.DiffOp{Op: report.DiffInsert, Text: tt.want})
		})
	}
}

// placeHooks stand in for the place-name checks: a gazetteer of three
// places and a suspect test that takes any word ending in "grad" or "ovo".
func placeHooks() Options {
	known := map[string]string{"Kherson": "Kherson", "Kharkiv": "Kharkiv", "Dnieper River": "Dnieper River"}
	return Options{
		PlaceSuspect: func(w string) bool { return strings.HasSuffix(w, "grad") || strings.HasSuffix(w, "ovo") },
		KnownPlace: func(p string) (string, bool) {
			c, ok := known[p]
			return c, ok
		},
	}
}

func TestComparePlaces(t *testing.T) {
	tests := []struct {
		name      string
		text, cov string
		want      string   // the suspect flagged, or ""
		suggest   []string // suggestions, best first
	}{
		{
			"a garbled name where coverage names a known place",
			"Russian troops withdrew from Zhovtograd on Friday after a week of heavy shelling.",
			"Russian troops withdrew from Kherson on Friday after a week of heavy shelling.",
			"Zhovtograd", []string{"Kherson"},
		},
		{
			"the nearest place comes first",
			"The army left Zhovtograd on Friday and crossed the river.",
			"The army left Kherson on Friday and crossed the Dnieper River.",
			"Zhovtograd", []string{"Kherson", "Dnieper River"},
		},
		{
			"the text names the coverage's place too",
			"Troops left Kherson and Zhovtograd.",
			"Troops left Kherson.",
			"", nil,
		},
		{
			"the coverage uses the suspect word itself",
			"Troops left Zhovtograd.",
			"Troops left Zhovtograd, near Kherson.",
			"", nil,
		},
		{
			"no suspect",
			"Troops left the city.",
			"Troops left Kherson.",
			"", nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, tgt := passages(tt.text, tt.cov)
			got := comparePlaces(src, tgt, 0.9, report.Evidence{Path: "coverage.txt"}, placeHooks())
			if tt.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			d := got[0]
			assert.Equal(t, report.PlaceName, d.Category)
			assert.Equal(t, rules.PlaceCoverage.ID, d.Rule)
			assert.Equal(t, tt.want, d.Text)
			assert.Equal(t, tt.want, tt.text[d.Span.Start:d.Span.End])
			assert.Equal(t, tt.suggest, d.Suggestions)
			assert.Equal(t, "coverage.txt", d.Evidence[0].Path)
		})
	}
}

func TestPlaceNameThroughComparable(t *testing.T) {
	x := NewIndex()
	ctx := context.Background()
	require.NoError(t, x.Add(ctx, NewDocument("wire.txt", "Russian troops withdrew from Kherson on Friday after a week of heavy shelling, the regional governor said.\nMarkets were calm.\n")))
	doc := NewDocument("mt.txt", "Russian troops withdrew from Zhovtograd on Friday after a week of heavy shelling, the governor said.\n")

	res, err := Comparable(ctx, doc, x, placeHooks())
	require.NoError(t, err)
	require.Len(t, res.Alignments, 1)
	require.Len(t, res.Differences, 1)
	d := res.Differences[0]
	assert.Equal(t, rules.PlaceCoverage.ID, d.Rule)
	assert.Equal(t, "Zhovtograd", doc.Seg.Text[d.Span.Start:d.Span.End])
	assert.Equal(t, []string{"Kherson"}, d.Suggestions)
	assert.Equal(t, "wire.txt", d.Evidence[0].Path)
	assert.Equal(t, "Russian troops withdrew from Kherson on Friday after a week of heavy shelling, the regional governor said.", d.Evidence[0].Text)

	// without the hooks, the check is off
	res, err = Comparable(ctx, doc, x, Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Differences)
}

// TestCompareNumbersRange: a number whose range ends on the same value in
// the coverage is a value of the same thing, even where the words around
// it differ and the passages align with a middling score.
func TestCompareNumbersRange(t *testing.T) {
	const text = "The trend among the less religious has risen from 10% to 20%."
	tests := []struct {
		name, cov string
		want      string // the suggested coverage number, "" for no finding
	}{
		{"the range's other end agrees", "Among people who believe less, the number increased from 13 to 20%.", "13"},
		{"no range", "Among people who believe less, the number increased by 13 for 20 towns.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, tgt := passages(text, tt.cov)
			got := compareNumbers(src, []target{{tgt, 0.5}})
			if tt.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, rules.NumberDifferentValue.ID, got[0].Rule)
			assert.Equal(t, "10%", got[0].Text)
			assert.Equal(t, []string{tt.want}, got[0].Suggestions)
		})
	}
}
