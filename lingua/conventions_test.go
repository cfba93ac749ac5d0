package lingua

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// hitsOf returns the text and the languages of each hit.
func hitsOf(doc *segment.Document, hits []hit) (texts []string, langs [][]string) {
	for _, h := range hits {
		texts = append(texts, doc.Slice(h.span))
		langs = append(langs, h.langs)
	}
	return texts, langs
}

func TestQuoteMarkHits(t *testing.T) {
	tests := []struct {
		text  string
		want  []string
		langs [][]string
	}{
		{"The mayor spoke of „a dark day“ for the city.", []string{"„a dark day“"}, [][]string{{"de"}}},
		{"He called it «a provocation» and left.", []string{"«a provocation»"}, [][]string{{"fr", "ru", "es"}}},
		{"The paper 《Global Times》 said so.", []string{"《Global Times》"}, [][]string{{"zh"}}},
		{"„One“ and „two“ were said.", []string{"„One“", "„two“"}, [][]string{{"de"}, {"de"}}},
		{"He called it “a provocation” and 'a lie'.", nil, nil},
		{"A stray « mark without its pair.", nil, nil},
		{"„Unclosed in this paragraph.\n\nNext“ paragraph.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got, langs := hitsOf(doc, quoteMarkHits(doc))
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.langs, langs)
		})
	}
}

func TestNumberFormatHits(t *testing.T) {
	tests := []struct {
		text string
		want []string
		lang string // first language of the first hit
	}{
		{"The package is worth 2,5 billion euros.", []string{"2,5 billion"}, "de"},
		{"Inflation rose to 7,25 % in May.", []string{"7,25"}, "de"},
		{"About 3.500 refugees crossed the border.", []string{"3.500 refugees"}, "de"},
		{"About 40.000 new recruits arrived.", []string{"40.000 new"}, "de"},
		{"The decree of 12.03.2023 was annulled.", []string{"12.03.2023"}, "de"},
		{"The package is worth 2.5 billion euros.", nil, ""},
		{"About 3,500 refugees crossed the border.", nil, ""},
		{"The yield rose to 4.250 percent.", nil, ""},
		{"Version 1.200 was released.", nil, ""},
		{"The weights were 5.736\nstems and more.", nil, ""},
		{"Rounds 1,2 and 3 were won.", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got, langs := hitsOf(doc, numberFormatHits(doc))
			assert.Equal(t, tt.want, got)
			if tt.lang != "" {
				require.NotEmpty(t, langs)
				assert.Equal(t, tt.lang, langs[0][0])
			}
		})
	}
}

func TestSpellingHits(t *testing.T) {
	known := func(w string) bool { return w == "Kyiv" }
	tests := []struct {
		text  string
		want  []string
		langs [][]string
	}{
		// Gazetteer variants (which the phrase table listed before).
		// A spelling that is both Russian-derived and German or French
		// points to the language its letters show, else to Russian.
		{"Fighting went on near Donbass on Monday.", []string{"Donbass"}, [][]string{{"ru"}}},
		{"Shells hit Kharkov and Tchernigov at night.", []string{"Kharkov", "Tchernigov"}, [][]string{{"ru"}, {"fr"}}},
		{"Trains left Saporoschje and Lougansk.", []string{"Saporoschje", "Lougansk"}, [][]string{{"de"}, {"fr"}}},
		{"Fighting went on near Charkiw and Cherson on Monday.", []string{"Charkiw", "Cherson"}, [][]string{{"de"}, {"de"}}},
		{"Fighting went on near Saporischschja and the Krim.", []string{"Saporischschja", "Krim"}, [][]string{{"de"}, {"de"}}},
		{"Shells fell on Awdijiwka and Lyssytschansk.", []string{"Awdijiwka", "Lyssytschansk"}, [][]string{{"de"}, {"de"}}},
		{"The Tschernobyl zone and Moskau were mentioned.", []string{"Tschernobyl", "Moskau"}, [][]string{{"de"}, {"de"}}},
		{"Troops left Avdeevka and Lugansk.", []string{"Avdeevka", "Lugansk"}, [][]string{{"ru"}, {"ru"}}},
		{"The town was once called Artyomovsk.", []string{"Artyomovsk"}, [][]string{{"ru"}}},
		// Transliterations of Slavic names.
		{"President Selenskyj met Lawrow and Medwedew.", []string{"Selenskyj", "Lawrow", "Medwedew"}, [][]string{{"de"}, {"de"}, {"de"}}},
		{"Spokesman Peskow and General Gerassimow spoke.", []string{"Peskow", "Gerassimow"}, [][]string{{"de"}, {"de"}}},
		{"Minister Loukachenko met Pletentchouk.", []string{"Loukachenko", "Pletentchouk"}, [][]string{{"fr"}, {"fr"}}},
		// English names and former English exonyms stay clean.
		{"Kyiv, Kharkiv, Odesa and Mariupol were hit.", nil, nil},
		{"Old maps say Kiev and Odessa.", nil, nil},
		{"Bristow, Marlow, Brownlow and Winslow signed.", nil, nil},
		{"King Farouk and Prince Sihanouk met.", nil, nil},
		{"Mayor Vitali Klitschko spoke.", nil, nil},
		{"The critic Seymour Krim wrote it.", nil, nil},
		// A place spelling the text uses as a person's name is a name
		// wherever it stands.
		{"The critic Seymour Krim wrote it. Later Krim taught in Iowa.", nil, nil},
		{"President Wolodymyr Selenskyj spoke.", []string{"Wolodymyr", "Selenskyj"}, [][]string{{"de"}, {"de"}}},
		{"Fighting went on in the Krim. Later Krim was calm.", []string{"Krim", "Krim"}, [][]string{{"de"}, {"de"}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got, langs := hitsOf(doc, spellingHits(doc, known))
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.langs, langs)
		})
	}
}

func TestRelativeThatHits(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The convoy, that left at dawn, was hit.", []string{"convoy, that left at"}},
		{"Kyiv received a loan of 5 billion, that will fund the army.", []string{"billion, that will fund"}},
		{"If Kyiv falls, that would be a disaster.", nil},
		{"When the talks failed, that was the end.", nil},
		{"The convoy that left at dawn was hit.", nil},
		{"It was over, that is, for now.", nil},
		{"Ah, that is simple.", nil},
		{"The aim is peace, that is all.", nil},
		{`He said, "that will not happen."`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got, _ := hitsOf(doc, relativeThatHits(doc))
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReportedConditionalHits(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"According to local media, the blast would have killed two soldiers.", []string{"would have killed"}},
		{"According to the navy, the drone would have also destroyed a radar.", []string{"would have also destroyed"}},
		{"The blast would have killed two soldiers if the shelter had failed.", nil},
		{"According to the plan, they would have crossed had the bridge held.", nil},
		{"The blast would have killed more people.", nil},
		{"According to officials, the blast killed two soldiers.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := segment.Split(tt.text)
			got, _ := hitsOf(doc, reportedConditionalHits(doc))
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestPatternSyntax checks the pattern elements and anchors on rows made
// up for the test.
func TestPatternSyntax(t *testing.T) {
	tests := []struct {
		name, pattern string
		anchor        anchor
		notAfter      []string
		text          string
		want          string // "" = no match
	}{
		{"joined", "red ~car", anywhere, nil, "A red car.", "red car"},
		{"joined fails on comma", "red ~car", anywhere, nil, "It was red, car or not.", ""},
		{"split", "red ,car", anywhere, nil, "It was red, car or not.", "red, car"},
		{"split fails on space", "red ,car", anywhere, nil, "A red car.", ""},
		{"clause end", "red $", anywhere, nil, "It was red, he said.", "red"},
		{"clause end fails", "red $", anywhere, nil, "It was red paint.", ""},
		{"not clause end", "red !$", anywhere, nil, "It was red paint.", "red"},
		{"sentence end", "red $$", anywhere, nil, "It was red, he said. It was red.", "red"},
		{"sentence end fails", "red $$", anywhere, nil, "It was red, he said.", ""},
		{"capitalized literal", "Red car", anywhere, nil, "A Red car.", "Red car"},
		{"capitalized literal fails", "Red car", anywhere, nil, "A red car.", ""},
		{"start", "red", anchorStart, nil, "Red cars and red vans.", "Red"},
		{"start fails", "van", anchorStart, nil, "Red cars and red van.", ""},
		{"clause", "red", anchorClause, nil, "Cars, red ones, left.", "red"},
		{"clause fails", "red", anchorClause, nil, "Cars and red ones left.", ""},
		{"intro", "red", anchorIntro, nil, "On Monday, red ones left.", "red"},
		{"intro fails", "red", anchorIntro, nil, "Cars, red ones, left.", ""},
		{"quote", "said", anchorQuote, nil, `"Go," said the man.`, "said"},
		{"quote fails", "said", anchorQuote, nil, "Go, said the man.", ""},
		{"not after", "car", anywhere, []string{"red"}, "A red car.", ""},
		{"not after passes", "car", anywhere, []string{"red"}, "A blue car.", "car"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := phraseRule{pattern: tt.pattern, anchor: tt.anchor, notAfter: tt.notAfter, elems: compile(tt.pattern)}
			doc := segment.Split(tt.text)
			got := ""
			for _, s := range doc.Sentences {
				m := matcher{text: doc.Text, words: s.Words()}
				for i := range m.words {
					if !m.anchored(&r, i) {
						continue
					}
					if end, ok := m.matchAt(r.elems, i); ok && end > i {
						got = doc.Slice(segment.Span{Start: m.words[i].Start, End: m.words[end-1].End})
						break
					}
				}
				if got != "" {
					break
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Panics(t, func() { compile("a|$ b") })
}

// TestPlaceSpellingIsSignalOnly checks that a place's source-language
// spelling counts for the signal but makes no passage: the place checks
// own it (place-name/variant).
func TestPlaceSpellingIsSignalOnly(t *testing.T) {
	doc := segment.Split("Fighting continued near Bachmut, and Peskow said the talks had failed.")
	quiet := map[string]bool{}
	for _, h := range spellingHits(doc, nil) {
		quiet[doc.Text[h.span.Start:h.span.End]] = h.signalOnly
	}
	assert.Equal(t, map[string]bool{"Bachmut": true, "Peskow": false}, quiet)
}
