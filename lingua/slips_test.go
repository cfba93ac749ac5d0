package lingua

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
)

func TestMergedHits(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // the flagged words, in order
		fix  []string // their suggestions
	}{
		{"The talks ended withouta deal on Tuesday.", []string{"withouta"}, []string{"without a"}},
		{"Officials said the bridge hadbeen closed since the flood.", []string{"hadbeen"}, []string{"had been"}},
		{"He walked tothe station and waited for the train.", []string{"tothe"}, []string{"to the"}},
		// Words of the lexicon, names, capitals and addresses stay.
		{"The newspaper covered the breakthrough in the courthouse.", nil, nil},
		{"Visit transcheckdemo.example or write to presssoffice@example.org today.", nil, nil},
		{"The EUROSTAT data and the WHOs report were published.", nil, nil},
		// A word edited English does not have but that splits into
		// words rarely written together is a typo or a coinage, not a merge.
		{"The zebraquokka was seen near the river.", nil, nil},
	} {
		doc := segment.Split(tc.text)
		hits := mergedHits(doc)
		var got, fix []string
		for _, h := range hits {
			assert.Equal(t, rules.GarbledMergedWords, h.rule)
			got = append(got, tc.text[h.span.Start:h.span.End])
			fix = append(fix, h.suggest...)
		}
		assert.Equal(t, tc.want, got, tc.text)
		assert.Equal(t, tc.fix, fix, tc.text)
	}
}

func TestMergedMessage(t *testing.T) {
	hits := mergedHits(segment.Split("The minister spoke tothe press in the capital."))
	if assert.Len(t, hits, 1) {
		assert.Contains(t, hits[0].message, "“tothe” reads as two words run together")
		assert.Contains(t, hits[0].message, "“to the” at least")
		assert.Contains(t, hits[0].message, "million words")
	}
}

func TestMergedDroppedG(t *testing.T) {
	// "sayin" splits into "say in", but it is "saying" with its g dropped.
	assert.Empty(t, mergedHits(segment.Split("He kept sayin the same thing to everyone.")))
}

func TestGluedQuoteHits(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The talks lasted “several months”notes the report.", []string{"months”notes"}},
		{"He said“We will win” and left.", []string{"said“We"}},
		{"She said: “We will win.” Then she left.", nil},
		{"The “reform” passed.", nil},
		{"The straight quote in o\"s is an apostrophe.", nil},
	} {
		var got []string
		for _, h := range mergedHits(segment.Split(tc.text)) {
			assert.Equal(t, rules.GarbledMergedWords, h.rule)
			got = append(got, tc.text[h.span.Start:h.span.End])
		}
		assert.Equal(t, tc.want, got, tc.text)
	}
}

func TestRepeatedWordHits(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"The bank bought foreign exchange exchange from exporters.", []string{"exchange exchange"}},
		// Doubles that edited English writes, across a comma, in runs of
		// three, names, numbers and a stutter at the start stay.
		{"She had had enough of it, and it was very, very late.", nil},
		{"The minister spoke earlier, earlier in the day, to reporters.", nil},
		{"The ball went down down down the hill.", nil},
		{"Wait wait, he said.", nil},
		{"They flew to Bora Bora for 20 20 minutes.", nil},
		{"The exchange rate and the exchange office closed.", nil},
	} {
		var got []string
		for _, h := range repeatedWordHits(segment.Split(tc.text)) {
			assert.Equal(t, rules.GarbledRepeatedWord, h.rule)
			got = append(got, tc.text[h.span.Start:h.span.End])
		}
		assert.Equal(t, tc.want, got, tc.text)
	}
}

func TestGluedNameHits(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		// The name stands alone elsewhere in the text.
		{"Dmitry Zorvik spoke on Monday. Zorvikpress secretary of the office, confirmed it.", []string{"Zorvikpress"}},
		// Without the name alone, or with a name edited English has, nothing.
		{"Zorvikpress secretary of the office confirmed it on Monday.", nil},
		{"John met Johnson in the hall on Monday.", nil},
		{"Inflation rose to 70%of the forecast by June.", []string{"70%of"}},
		{"Inflation rose 70% on the year.", nil},
	} {
		var got []string
		for _, h := range mergedHits(segment.Split(tc.text)) {
			assert.Equal(t, rules.GarbledMergedWords, h.rule)
			got = append(got, tc.text[h.span.Start:h.span.End])
		}
		assert.Equal(t, tc.want, got, tc.text)
	}
}

func TestRepeatedCapitalizedWord(t *testing.T) {
	got := repeatedWordHits(segment.Split("He took the oath as President President of the republic."))
	if assert.Len(t, got, 1) {
		assert.Equal(t, "President President", "He took the oath as President President of the republic."[got[0].span.Start:got[0].span.End])
	}
	assert.Empty(t, repeatedWordHits(segment.Split("They flew to Bora Bora on Monday.")))
	assert.Empty(t, repeatedWordHits(segment.Split("Wait Wait is a radio show.")))
}

func TestSplitCompoundHits(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"They are the long -term allies of the republic.", []string{"long -term"}},
		// A dash between clauses, a joined compound, a compound edited
		// English does not have: nothing.
		{"They came - term by term - to an agreement.", nil},
		{"They are the long-term allies of the republic.", nil},
		{"The zorvik -quenwick plan was approved.", nil},
	} {
		var got []string
		for _, h := range splitCompoundHits(segment.Split(tc.text)) {
			assert.Equal(t, rules.GarbledSplitCompound, h.rule)
			got = append(got, tc.text[h.span.Start:h.span.End])
		}
		assert.Equal(t, tc.want, got, tc.text)
	}
}
