package lingua

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

func TestNameContext(t *testing.T) {
	known := func(w string) bool { return w == "Kherson" }
	tests := []struct {
		text, word string
		want       bool
	}{
		{"Later Mr. Nishi met me.", "Nishi", true},
		{"The ruling of Foreign Minister Sopa Keng came late.", "Sopa", true},
		{"It was read by Mary K. Renzi of the court.", "Renzi", true},
		{"The club signed Anna Renzi in May.", "Renzi", true},
		{"The score is by Suzi Benton and her band.", "Suzi", true},
		{"The vote was close, Zeni said.", "Zeni", true},
		// Running text, nationalities, known places and pinyin neighbours
		// are no name context.
		{"The army lost a stronghold in Dongxi last week.", "Dongxi", false},
		{"Russian Dongxi troops retreated.", "Dongxi", false},
		{"Fighting near Kherson Dongxi went on.", "Dongxi", false},
		{"Analysts see Zhong Mei relations improving.", "Zhong", false},
		{"Analysts see Zhong Mei relations improving.", "Mei", false},
	}
	for _, tt := range tests {
		t.Run(tt.text+"/"+tt.word, func(t *testing.T) {
			doc := segment.Split(tt.text)
			require.Len(t, doc.Sentences, 1)
			words := doc.Sentences[0].Words()
			i := slices.IndexFunc(words, func(w segment.Token) bool { return w.Text == tt.word })
			require.GreaterOrEqual(t, i, 0)
			assert.Equal(t, tt.want, nameContext(words, i, known))
		})
	}
}

func TestNameUses(t *testing.T) {
	doc := segment.Split("Coach Ed Hollister picked Carl Renzi. Renzi's hit won it. The crowd in Dongxi cheered Dongxi's team.")
	u := newNameUses(doc, nil)
	for word, want := range map[string]bool{"Renzi": true, "renzi's": true, "Hollister": true, "Dongxi": false, "Coach": false, "crowd": false} {
		assert.Equal(t, want, u.usedAsName(word), word)
	}
}

func TestSummarizeCountsDistinctKeys(t *testing.T) {
	h := func(key string, start int) hit {
		return hit{signal: "source-spelling", key: key, span: segment.Span{Start: start, End: start + 1}, langs: []string{"ru"}}
	}
	signals, _, _ := summarize([]hit{h("krim", 0), h("krim", 5), h("krim", 9)})
	require.Len(t, signals, 1)
	assert.Equal(t, 3, signals[0].Count, "every place is reported")
	assert.InDelta(t, 0.5, signals[0].Strength, 1e-9, "one spelling counts once")
	signals, _, _ = summarize([]hit{h("krim", 0), h("stettin", 5), h("", 9), h("", 12)})
	assert.InDelta(t, strength(4), signals[0].Strength, 1e-9, "hits without a key count each")
}

// TestDiscountRomanized checks that a pinyin-shaped word alone is weak
// evidence and that an abbreviation reading or another sign of Chinese
// makes it count in full.
func TestDiscountRomanized(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // the signal the romanized word counts for
	}{
		{"name-like word alone", "The market in Dongxi opens at six. Buses leave every hour.", "romanized-name"},
		{"abbreviation reading", "Troops left Wubei at dawn. The market in Dongxi opens at six.", "romanized-words"},
		{"another sign of Chinese", "The market in Dongxi opens at six. The Russian side said it would stay open.", "romanized-words"},
	}
	d := detector(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := d.Analyze(context.Background(), segment.Split(tt.text))
			require.NoError(t, err)
			var got []string
			for _, s := range a.Signals {
				if s.Name == "romanized-words" || s.Name == "romanized-name" {
					got = append(got, s.Name)
				}
			}
			assert.Equal(t, []string{tt.want}, got)
		})
	}
}

// TestSpellingSignalLanguage checks the source language the
// source-spelling signal names for a spelling that is both
// Russian-derived and French: Russian, not the alphabetically first.
func TestSpellingSignalLanguage(t *testing.T) {
	for text, want := range map[string]string{
		"Shelling hit Kharkov again on Monday.":                          "ru",
		"Shelling hit Tchernigov again on Monday.":                       "fr",
		"Shelling hit Charkiw and Tschernobyl again on Monday.":          "de",
		"Shelling hit Kharkov, Tchernigov and Lougansk again on Monday.": "fr",
	} {
		doc := segment.Split(text)
		signals, _, _ := summarize(spellingHits(doc, nil))
		require.Len(t, signals, 1, text)
		assert.Equal(t, want, signals[0].Language, text)
	}
}
