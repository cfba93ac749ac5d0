package placecheck

import (
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/densetext"
	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/seeds"
)

var severityRank = map[report.Severity]int{report.Info: 1, report.Warning: 2, report.Error: 3}

func atLeastWarning(fs []report.Finding) []report.Finding {
	var out []report.Finding
	for _, f := range fs {
		if severityRank[f.Severity] >= severityRank[report.Warning] {
			out = append(out, f)
		}
	}
	return out
}

func seedDocs(t *testing.T) map[string]*segment.Document {
	t.Helper()
	docs := make(map[string]*segment.Document)
	for _, s := range seeds.All() {
		name := strings.TrimPrefix(s.Path, "seeds/")[:3]
		docs[name] = segment.Split(string(s.Data))
	}
	require.Len(t, docs, 5)
	return docs
}

func find(fs []report.Finding, text string) (report.Finding, bool) {
	for _, f := range fs {
		if f.Text == text {
			return f, true
		}
	}
	return report.Finding{}, false
}

// TestSeeds asserts the done-when conditions.
func TestSeeds(t *testing.T) {
	c := New(Options{})
	docs := seedDocs(t)
	others := func(except string) []Coverage {
		var out []Coverage
		for _, n := range []string{"000", "001", "002", "003", "004"} {
			if n != except {
				out = append(out, Coverage{Path: n, Doc: docs[n]})
			}
		}
		return out
	}
	for _, withCoverage := range []bool{false, true} {
		var cov []Coverage
		if withCoverage {
			cov = others("002")
		}
		fs := c.Check(docs["002"], cov)
		want := []struct{ text, rule, suggestion string }{
			{"Wunan", rules.PlaceRomanizedAbbreviation.ID, "southern Ukraine"},
			{"Wudong", rules.PlaceRomanizedAbbreviation.ID, "eastern Ukraine"},
			{"Kharkov", rules.PlaceInconsistent.ID, "Kharkiv"},
			{"Kharkiv state", rules.PlaceAdminCalque.ID, "Kharkiv Oblast"},
		}
		for _, w := range want {
			f, ok := find(fs, w.text)
			require.True(t, ok, "002 (coverage %v): no finding for %q in %+v", withCoverage, w.text, fs)
			assert.Equal(t, w.rule, f.Rule, w.text)
			assert.True(t, strings.HasPrefix(f.Rule, "place-name/"))
			assert.Contains(t, strings.Join(f.Suggestions, " | "), w.suggestion, w.text)
			assert.GreaterOrEqual(t, severityRank[f.Severity], severityRank[report.Warning], w.text)
			assert.Equal(t, w.text, docs["002"].Text[f.Span.Start:f.Span.End], "span of %q", w.text)
		}
		kharkov, _ := find(fs, "Kharkov")
		require.NotEmpty(t, kharkov.Evidence)
		assert.Equal(t, "Kharkiv", kharkov.Evidence[0].Text)
		assert.Less(t, kharkov.Evidence[0].Span.Start, kharkov.Span.Start, "Kharkiv comes earlier")
		assert.Len(t, atLeastWarning(fs), 4, "002 (coverage %v): %+v", withCoverage, fs)
		if withCoverage {
			require.Len(t, kharkov.Evidence, 2, "the text's own Kharkiv and the coverage's")
			ev := kharkov.Evidence[1]
			i := slices.IndexFunc(cov, func(c Coverage) bool { return c.Path == ev.Path })
			require.GreaterOrEqual(t, i, 0, "the evidence names a coverage document: %q", ev.Path)
			assert.Equal(t, "Kharkiv", cov[i].Doc.Text[ev.Span.Start:ev.Span.End])
		}

		for _, n := range []string{"001", "003", "004"} {
			var cov []Coverage
			if withCoverage {
				cov = others(n)
			}
			assert.Empty(t, atLeastWarning(c.Check(docs[n], cov)), "seed %s (coverage %v)", n, withCoverage)
		}
	}
	// 000, machine-translated from German, keeps the German/Russian Donbass.
	f, ok := find(c.Check(docs["000"], nil), "Donbass")
	require.True(t, ok)
	assert.Equal(t, rules.PlaceVariant.ID, f.Rule)
	assert.Equal(t, []string{"Donbas"}, f.Suggestions)
}

// suspects returns the suspects Analyze finds in doc with no coverage.
func suspects(c *Checker, doc *segment.Document) []Suspect {
	_, s := c.Analyze(doc, nil)
	return s
}

// TestSuspectsAsAnalyze checks that Suspects, which skips the findings,
// returns what Analyze returns with no coverage.
func TestSuspectsAsAnalyze(t *testing.T) {
	c := New(Options{})
	docs := seedDocs(t)
	docs["dense"] = segment.Split(string(densetext.Generate(20000, 3)))
	for n, doc := range docs {
		want := suspects(c, doc)
		assert.Equal(t, want, c.Suspects(doc), n)
		if n == "002" {
			assert.NotEmpty(t, want, n)
		}
	}
}

func TestSeedSuspects(t *testing.T) {
	c := New(Options{})
	docs := seedDocs(t)
	var words []string
	for _, s := range suspects(c, docs["002"]) {
		words = append(words, s.Word)
		assert.Equal(t, s.Text, docs["002"].Text[s.Span.Start:s.Span.End])
	}
	assert.Contains(t, words, "Wunan")
	assert.Contains(t, words, "Wudong")
	for _, person := range []string{"Putin", "Kofman", "Yuqing", "Sun", "Michael"} {
		assert.NotContains(t, words, person)
	}
	for _, n := range []string{"001", "003"} {
		assert.Empty(t, suspects(c, docs[n]), n)
	}
}

type checkCase struct {
	name string
	text string
	// want: the finding expected on text wantText; rule "" means no finding
	// at warning or above anywhere.
	wantText   string
	rule       string
	suggestion string
	severity   report.Severity
	opts       Options
	coverage   string
}

func TestCheckCases(t *testing.T) {
	allowWunan := gazetteer.DefaultStyle().Merge(gazetteer.Style{Allow: []string{"Wubei"}})
	preferKiev := gazetteer.DefaultStyle().Merge(gazetteer.Style{Prefer: []string{"Kiev"}})
	acceptRussian := gazetteer.DefaultStyle().Merge(gazetteer.Style{Accept: gazetteer.Russian})
	cases := []checkCase{
		// Romanized abbreviations: forms no seed has.
		{name: "northern Ukraine", text: "Russian troops shelled Wubei overnight.", wantText: "Wubei", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "northern Ukraine", severity: report.Error},
		{name: "western Russia", text: "Drones struck targets in Exi and along the border.", wantText: "Exi", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "western Russia", severity: report.Error},
		{name: "southwestern Ukraine", text: "Troops massed in Wuxinan before dawn.", wantText: "Wuxinan", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "southwestern Ukraine", severity: report.Error},
		{name: "eastern part", text: "He arrived in Wudongbu on Monday.", wantText: "Wudongbu", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "eastern Ukraine", severity: report.Error},
		{name: "tone marks", text: "Reinforcements reached Wūběi by train.", wantText: "Wūběi", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "northern Ukraine", severity: report.Error},
		{name: "country pair", text: "The Meie summit ended without agreement.", wantText: "Meie", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "US-Russia", severity: report.Warning},
		{name: "hyphenated pair", text: "Analysts expect Zhong-Mei relations to cool.", wantText: "Zhong-Mei", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "China-US", severity: report.Warning},
		{name: "forces", text: "Ejun units withdrew from the area.", wantText: "Ejun", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "Russian forces", severity: report.Warning},
		{name: "eastern Europe", text: "Gas prices rose across Dongou this winter.", wantText: "Dongou", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "Eastern Europe", severity: report.Warning},
		{name: "Belarus west", text: "Exercises were held in Baixi last week.", wantText: "Baixi", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "western Belarus", severity: report.Error},
		{name: "spaced syllables", text: "Fighting resumed in Wu  Dong on Friday.", wantText: "Wu  Dong", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "eastern Ukraine", severity: report.Error},
		{name: "capitalized place noun", text: "Troops left Wunan Province in November.", wantText: "Wunan", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "southern Ukraine", severity: report.Error},
		// Spaced romanized abbreviations: the grammar reads the syllables,
		// the words around them say it is no person's name.
		{name: "spaced pair opens sentence", text: "Mei E relations have also been affected.", wantText: "Mei E", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "US-Russia", severity: report.Warning},
		{name: "spaced pair after the", text: "The Zhong Mei talks ended.", wantText: "Zhong Mei", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "China-US", severity: report.Warning},
		{name: "spaced pair before war", text: "The E Wu war entered its third year.", wantText: "E Wu", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "Russia-Ukraine", severity: report.Warning},
		{name: "spaced pair mid-sentence", text: "Analysts say Ying Fa cooperation has deepened.", wantText: "Ying Fa", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "UK-France", severity: report.Warning},
		{name: "lower-case forces", text: "E jun units withdrew from the area.", wantText: "E jun", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "Russian forces", severity: report.Warning},
		{name: "lower-case forces mid-sentence", text: "Kyiv said Wu jun held the line.", wantText: "Wu jun", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "Ukrainian forces", severity: report.Warning},
		{name: "lower-case English side", text: "Officials said E fang rejected the plan.", wantText: "E fang", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "the Russian side", severity: report.Warning},
		{name: "lower-case side", text: "The Mei fang said it would respond.", wantText: "Mei fang", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "the US side", severity: report.Warning},
		{name: "lower-case direction", text: "Heavy fighting continued in Wu dong.", wantText: "Wu dong", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "eastern Ukraine", severity: report.Error},
		{name: "hyphenated forces", text: "E-jun units withdrew.", wantText: "E-jun", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "Russian forces", severity: report.Warning},
		{name: "letter E in English", text: "He chose Plan E. Send an E-mail. Vitamin E is good. Mark E. Smith sang. E Street Band played."},
		{name: "letter E before a name", text: "Exhibit E, Wu Jun said, was forged. Section E Wu cited was wrong."},
		{name: "Chinese people with syllable names", text: "Wu Jun said the talks failed. Yi Gang met Han Dong; Mei Fang and Zhong Mei spoke later."},
		{name: "Chinese person before a verb noun", text: "Wu Dong talks to reporters every week, and Han Dong meets them."},
		{name: "more syllable names", text: "Li Wu met Wang Yi. Yu Fei and Zhong Wei arrived. E. Wu said so. Dr. Mei E said. The Han Dong era ended. Analyst Bo Xi spoke."},
		{name: "title before syllables", text: "Minister Wu Jun said trade relations improved."},
		// Chinese names read out in pinyin.
		{name: "spaced pinyin name", text: "Officials in Ha Er Ke Fu said power was back.", wantText: "Ha Er Ke Fu", rule: rules.PlaceRomanized.ID, suggestion: "Kharkiv", severity: report.Error},
		{name: "pinyin Kharkiv", text: "Officials in Haerkefu said power was back.", wantText: "Haerkefu", rule: rules.PlaceRomanized.ID, suggestion: "Kharkiv", severity: report.Error},
		{name: "pinyin Donbas", text: "The offensive in Dunbasi stalled.", wantText: "Dunbasi", rule: rules.PlaceRomanized.ID, suggestion: "Donbas", severity: report.Error},
		{name: "pinyin Donetsk", text: "Shells fell on Dunniecike again.", wantText: "Dunniecike", rule: rules.PlaceRomanized.ID, suggestion: "Donetsk", severity: report.Error},
		// Garbled transliterations.
		// A loose resemblance (Hesong is 赫尔松 with a syllable lost) alone is
		// information; in a text that other romanized names show to be
		// machine-translated from Chinese it is a warning.
		{name: "Hesong alone", text: "Residents of Hesong fled across the river.", wantText: "Hesong", rule: rules.PlaceTransliteration.ID, suggestion: "Kherson", severity: report.Info},
		{name: "Hesong in Chinese MT", text: "Troops regrouped in Wunan. Residents of Hesong fled across the river.", wantText: "Hesong", rule: rules.PlaceTransliteration.ID, suggestion: "Kherson", severity: report.Warning},
		{name: "Zapozhe in German MT", text: "Shelling hit Charkiw and Cherson overnight. Drones struck targets in Zapozhe at night.", wantText: "Zapozhe", rule: rules.PlaceTransliteration.ID, suggestion: "Zaporizhzhia", severity: report.Warning},
		{name: "Zapozhe alone", text: "Drones struck targets in Zapozhe at night.", wantText: "Zapozhe", rule: rules.PlaceTransliteration.ID, suggestion: "Zaporizhzhia", severity: report.Info},
		// Real villages the gazetteer lacks look like known towns: without
		// a close spelling they are information, never warnings.
		{name: "village like Vasylivka", text: "Russian troops advanced near Vysylivka.", wantText: "Vysylivka", rule: rules.PlaceTransliteration.ID, suggestion: "Vasylivka", severity: report.Warning},
		{name: "a letter off a generated village", text: "Shelling was reported in Horbivka on Monday.", wantText: "Horbivka", rule: rules.PlaceTransliteration.ID, suggestion: "Horobivka", severity: report.Warning},
		{name: "village that only sounds like a town", text: "Residents left Prudianka after the strike."},
		{name: "village in a text with Russian spellings", text: "Kiev and Odessa were calm. Russian troops advanced near Vysylivka.", wantText: "Vysylivka", rule: rules.PlaceTransliteration.ID, suggestion: "Vasylivka", severity: report.Warning},
		{name: "Russian town", text: "Fuel depots burned in Liski, the governor said."},
		{name: "Herson", text: "Residents of Herson fled across the river.", wantText: "Herson", rule: rules.PlaceTransliteration.ID, suggestion: "Kherson", severity: report.Warning},
		{name: "Mikolayev", text: "Artillery hit Mikolayev on Sunday.", wantText: "Mikolayev", rule: rules.PlaceVariant.ID, suggestion: "Mykolaiv", severity: report.Warning},
		{name: "Bakhmutt", text: "The front near Bakhmutt held for months.", wantText: "Bakhmutt", rule: rules.PlaceTransliteration.ID, suggestion: "Bakhmut", severity: report.Warning},
		{name: "Harkov", text: "Trains to Harkov were cancelled.", wantText: "Harkov", rule: rules.PlaceTransliteration.ID, suggestion: "Kharkiv", severity: report.Warning},
		{name: "Melitopl", text: "Partisans are active in Melitopl.", wantText: "Melitopl", rule: rules.PlaceTransliteration.ID, suggestion: "Melitopol", severity: report.Warning},
		// Adjectives made of place names: a Russian ending is a Russian-derived
		// form; a Ukrainian one before its noun is the correct name.
		{name: "hyphenated compound", text: "A Kharkov-based analyst spoke.", wantText: "Kharkov-based", rule: rules.PlaceVariant.ID, suggestion: "Kharkiv-based", severity: report.Warning},
		{name: "prefix compound", text: "Protesters rallied behind pro-Kiev banners.", wantText: "pro-Kiev", rule: rules.PlaceVariant.ID, suggestion: "pro-Kyiv", severity: report.Warning},
		{name: "a hyphenated name of its own", text: "Trains reached Ivano-Frankivsk late."},
		{name: "division term first", text: "Shelling hit Oblast Saporischschja at dawn.", wantText: "Oblast Saporischschja", rule: rules.PlaceVariant.ID, suggestion: "Oblast Zaporizhzhia", severity: report.Warning},
		{name: "dish in a food sentence", text: "The restaurant served chicken Kiev and borscht."},
		{name: "subdivision of a known place", text: "The plant is in the Wuzhong district of Suzhou."},
		{name: "Russian adjective", text: "Troops pulled back in the Izyumsky district.", wantText: "Izyumsky", rule: rules.PlaceVariant.ID, suggestion: "Izium", severity: report.Warning},
		{name: "Russian adjective of a preferred stem", text: "Strikes hit the Voznesensky district overnight.", wantText: "Voznesensky", rule: rules.PlaceVariant.ID, suggestion: "Voznesensk", severity: report.Warning},
		{name: "Ukrainian adjective", text: "Strikes hit the Kupianske community overnight."},
		// Generated villages: a close spelling of one is suggested.
		{name: "suffix cut", text: "Shelling hit Andriyashiv overnight, officials in Sumy said.", wantText: "Andriyashiv", rule: rules.PlaceTransliteration.ID, suggestion: "Andriiashivka", severity: report.Warning},
		// The same word with no preposition of place, no place noun and no
		// other place of that country in the text may be a brand or a
		// surname: information only.
		{name: "suffix cut, no place of the country named", text: "Shelling hit Andriyashiv overnight.", wantText: "Andriyashiv", rule: rules.PlaceTransliteration.ID, suggestion: "Andriiashivka", severity: report.Info},
		{name: "suffix cut, other country named", text: "Andriyashiv opened a shop in Lyon, France.", wantText: "Andriyashiv", rule: rules.PlaceTransliteration.ID, suggestion: "Andriiashivka", severity: report.Info},
		// Real places anywhere are known: no "did you mean".
		{name: "Italian city", text: "The festival moved to Lecce this year."},
		{name: "Taiwanese island", text: "Ferries to Kinmen were cancelled."},
		// Variant spellings against the default style.
		{name: "Kiev", text: "Kiev said the talks would resume.", wantText: "Kiev", rule: rules.PlaceVariant.ID, suggestion: "Kyiv", severity: report.Warning},
		{name: "Lugansk", text: "Separatists in Lugansk held a parade.", wantText: "Lugansk", rule: rules.PlaceVariant.ID, suggestion: "Luhansk", severity: report.Warning},
		{name: "Odessa", text: "The port of Odessa reopened.", wantText: "Odessa", rule: rules.PlaceVariant.ID, suggestion: "Odesa", severity: report.Warning},
		{name: "Zaporozhye", text: "Inspectors visited Zaporozhye this week.", wantText: "Zaporozhye", rule: rules.PlaceVariant.ID, suggestion: "Zaporizhzhia", severity: report.Warning},
		{name: "Artemovsk", text: "Fighting raged around Artemovsk.", wantText: "Artemovsk", rule: rules.PlaceVariant.ID, suggestion: "Bakhmut", severity: report.Warning},
		{name: "North Donetsk", text: "Rebels seized North Donetsk after weeks of shelling.", wantText: "North Donetsk", rule: rules.PlaceVariant.ID, suggestion: "Sievierodonetsk", severity: report.Warning},
		{name: "Kharkov region", text: "Villages in the Kharkov region were retaken.", wantText: "Kharkov region", rule: rules.PlaceVariant.ID, suggestion: "Kharkiv region", severity: report.Warning},
		{name: "German Lemberg", text: "Refugees reached Lemberg by train.", wantText: "Lemberg", rule: rules.PlaceVariant.ID, suggestion: "Lviv", severity: report.Warning},
		{name: "generic term left out", text: "Shelling hit the White Church city at night.", wantText: "White Church", rule: rules.PlaceVariant.ID, suggestion: "Bila Tserkva", severity: report.Warning},
		{name: "two wrong spellings", text: "Trains left Lvov for Lemberg.", wantText: "Lvov", rule: rules.PlaceVariant.ID, suggestion: "Lviv", severity: report.Warning},
		{name: "historic is info", text: "The Dnipropetrovsk administration issued a statement.", wantText: "Dnipropetrovsk", rule: rules.PlaceVariant.ID, suggestion: "Dnipro", severity: report.Info},
		{name: "translit is info", text: "A drone hit Zaporizhia at night.", wantText: "Zaporizhia", rule: rules.PlaceVariant.ID, suggestion: "Zaporizhzhia", severity: report.Info},
		{name: "inconsistent", text: "Lviv was calm in the morning. Later that day Lvov was hit.", wantText: "Lvov", rule: rules.PlaceInconsistent.ID, suggestion: "Lviv", severity: report.Warning},
		{name: "prefer Kiev flags Kyiv", text: "Kyiv said the talks would resume.", wantText: "Kyiv", rule: rules.PlaceVariant.ID, suggestion: "Kiev", severity: report.Info, opts: Options{Style: &preferKiev}},
		// Administrative calques.
		{name: "Kherson state", text: "Troops advanced in the northern Kherson state.", wantText: "Kherson state", rule: rules.PlaceAdminCalque.ID, suggestion: "Kherson Oblast", severity: report.Warning},
		{name: "Belgorod state", text: "Shelling was reported in Belgorod State.", wantText: "Belgorod State", rule: rules.PlaceAdminCalque.ID, suggestion: "Belgorod Oblast", severity: report.Warning},
		{name: "Lugansk state", text: "The Lugansk state was annexed.", wantText: "Lugansk state", rule: rules.PlaceAdminCalque.ID, suggestion: "Luhansk Oblast", severity: report.Warning},

		// A title inside a capitalized run ends what comes before it: that
		// part is an organization or a place, not the person's name.
		{name: "abbreviation before a title", text: "Beiyue Secretary General Stoltenberg said allies must do more.", wantText: "Beiyue", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "NATO", severity: report.Error},
		{name: "variant before a title", text: "Lugansk Governor Serhiy Haidai urged residents to leave.", wantText: "Lugansk", rule: rules.PlaceVariant.ID, suggestion: "Luhansk", severity: report.Warning},
		// A word listed with known places is place-like.
		{name: "listed with places", text: "Strikes hit facilities in Kyiv, Zapozhe and Odesa.", wantText: "Zapozhe", rule: rules.PlaceTransliteration.ID, suggestion: "Zaporizhzhia", severity: report.Info},
		// Russian-derived spellings of three places or more mark a text
		// translated from Russian: a loose garble in it is a warning.
		{name: "Zapozhe in Russian MT", text: "Strikes hit Nikolaev, Zapozhe and Gorlovka; Avdeevka was shelled.", wantText: "Zapozhe", rule: rules.PlaceTransliteration.ID, suggestion: "Zaporizhzhia", severity: report.Warning},
		// Chinese transcriptions of long names run to many syllables.
		{name: "long spaced pinyin", text: "Fighting continued near Ke Luo Pei Fu Ni Ci Ji on Monday.", wantText: "Ke Luo Pei Fu Ni Ci Ji", rule: rules.PlaceRomanized.ID, suggestion: "Kropyvnytskyi", severity: report.Error},
		// A function word that opens the sentence is no part of a name,
		// even when a dictionary lists it as one ("In" is indium).
		{name: "sentence opens with In", text: "In Kelimiya, the bridge was closed.", wantText: "Kelimiya", rule: rules.PlaceRomanized.ID, suggestion: "Crimea", severity: report.Error},
		{name: "sentence opens with As", text: "As Wudong fighting grew, aid slowed.", wantText: "Wudong", rule: rules.PlaceRomanizedAbbreviation.ID, suggestion: "eastern Ukraine", severity: report.Error},
		{name: "namesake at home", text: "Odessa, Ukraine, was shelled overnight.", wantText: "Odessa", rule: rules.PlaceVariant.ID, suggestion: "Odesa", severity: report.Warning},
		// Ukrainian regional nouns left untranslated.
		{name: "regional noun", text: "Drones attacked energy facilities in Kharkivshchyna overnight.", wantText: "Kharkivshchyna", rule: rules.PlaceVariant.ID, suggestion: "Kharkiv region", severity: report.Warning},
		{name: "regional noun with a shortened stem", text: "Donechchyna remains the hottest part of the front.", wantText: "Donechchyna", rule: rules.PlaceVariant.ID, suggestion: "Donetsk region", severity: report.Warning},
		// Pinyin words written apart: a name and its 州.
		{name: "pinyin name with zhou", text: "The Ejun opened a new front in Haerkefu Zhou.", wantText: "Haerkefu Zhou", rule: rules.PlaceRomanized.ID, suggestion: "Kharkiv Oblast", severity: report.Error},
		{name: "drones over a region", text: "Air defense intercepted drones over Bie Er Ge Luo De Zhou and Kuersike Zhou overnight.", wantText: "Kuersike Zhou", rule: rules.PlaceRomanized.ID, suggestion: "Kursk Oblast", severity: report.Error},
		{name: "title after of", text: "Meiguo Secretary of State Blinken arrived on Monday.", wantText: "Meiguo", rule: rules.PlaceRomanized.ID, suggestion: "United States", severity: report.Error},
		{name: "pinyin name and direction", text: "Poland will strengthen border defense in Bolan Dongbu.", wantText: "Bolan Dongbu", rule: rules.PlaceRomanized.ID, suggestion: "eastern Poland", severity: report.Error},
		{name: "pinyin name and direction in one word", text: "Drones struck Eluosixinanbu again.", wantText: "Eluosixinanbu", rule: rules.PlaceRomanized.ID, suggestion: "southwestern Russia", severity: report.Error},
		// German adjectives of places, left by translation from German.
		{name: "German adjective", text: "The Kiewer government rejected the plan.", wantText: "Kiewer", rule: rules.PlaceVariant.ID, suggestion: "Kyiv", severity: report.Warning},
		{name: "German adjective of a city", text: "Charkiwer residents queued for water.", wantText: "Charkiwer", rule: rules.PlaceVariant.ID, suggestion: "Kharkiv", severity: report.Warning},
		// Syllables written apart are no one-word name ("Bu Cha" is not
		// Bucha spelled with a space, "Ma Li" is not Mali): they are a
		// Chinese name read out.
		{name: "spaced pinyin like a name", text: "Officials in Bu Cha said it.", wantText: "Bu Cha", rule: rules.PlaceRomanized.ID, suggestion: "Bucha", severity: report.Error},
		{name: "spaced pinyin starting like a name", text: "Fighting near Ma Li Wu Bo Er ended.", wantText: "Ma Li Wu Bo Er", rule: rules.PlaceRomanized.ID, suggestion: "Mariupol", severity: report.Error},
		{name: "spaced pinyin with zhou", text: "Ha Er Ke Fu Zhou officials said so.", wantText: "Ha Er Ke Fu Zhou", rule: rules.PlaceRomanized.ID, suggestion: "Kharkiv Oblast", severity: report.Error},
		{name: "spaced pinyin slightly off", text: "Ha Er Ke Fo was hit by missiles.", wantText: "Ha Er Ke Fo", rule: rules.PlaceTransliteration.ID, suggestion: "Kharkiv", severity: report.Warning},
		{name: "prefecture", text: "Shelling continued in Donetsk prefecture.", wantText: "Donetsk prefecture", rule: rules.PlaceAdminCalque.ID, suggestion: "Donetsk Oblast", severity: report.Warning},
		{name: "romanized zhou", text: "The Kherson Zhou authorities said so.", wantText: "Kherson Zhou", rule: rules.PlaceAdminCalque.ID, suggestion: "Kherson Oblast", severity: report.Warning},
		// Real names and non-places that must stay clean.
		{name: "Chinese cities", text: "Factories in Wuhan and Wuxi resumed work, officials in Tainan and Hanzhong said."},
		{name: "Ukrainian names", text: "Kherson, Kharkiv, Bilohorivka, Mariupol and Odesa were hit; Kryvyi Rih and Ivano-Frankivsk were calm."},
		{name: "general", text: "General Gerasimov visited the front."},
		{name: "two people", text: "Valery Gerasimov and Michael Kofman spoke on Tuesday."},
		{name: "surname later", text: "Analyst Dara Massicot spoke. Massicot said the plan failed."},
		{name: "professor", text: "Professor Simon Miles of Duke University said so."},
		{name: "institute", text: "The Institute for the Study of War said Russian forces regrouped near Izium."},
		{name: "Chinese byline", text: "[Compiled by Sun Yuqing/Comprehensive Report] The talks failed."},
		{name: "accepted alternative", text: "The Dnieper River is wide at Kherson, and Chernobyl is in the north."},
		{name: "title", text: "President Zelenskyy visited Kharkiv region and Kharkiv Oblast."},
		{name: "run-together", text: "All roads to peace run through the DonbasIN THE SPOTLIGHT"},
		{name: "acronyms", text: "NATO, the EU and CNN reported on the ZNPP."},
		{name: "hyphen compound", text: "Kharkiv-based volunteers and Ukraine-Russia talks."},
		{name: "institution follows its current English name", text: "Students of the Kiev Polytechnic Institute protested.", wantText: "Kiev", rule: rules.PlaceVariant.ID, suggestion: "Kyiv", severity: report.Warning},
		{name: "event keeps the spelling of its day", text: "Veterans recalled the Siege of Leningrad Museum opening."},
		{name: "Chinese person", text: "Yi Gang, the former central bank governor, spoke."},
		{name: "Belarus alternatives", text: "Trains from Gomel and Grodno reached Minsk."},
		{name: "style allows", text: "Russian troops shelled Wubei overnight.", opts: Options{Style: &allowWunan}},
		{name: "known names option", text: "Russian troops shelled Wubei overnight.", opts: Options{KnownNames: []string{"Wubei"}}},
		{name: "coverage uses it", text: "Russian troops shelled Wubei overnight.", coverage: "The village of Wubei lies on the river."},
		{name: "prefer Kiev accepts Kiev", text: "Kiev said the talks would resume.", opts: Options{Style: &preferKiev}},
		{name: "accept russian", text: "Separatists in Lugansk held a parade.", opts: Options{Style: &acceptRussian}},
		{name: "English words", text: "Femicide is a crime, the Puzzle said; Insider reported it."},
		{name: "Chinese leader", text: "The plan was discussed in Xi Jinping's office and in Li Qiang's cabinet."},
		{name: "Chinese name without place context", text: "Sun Yuqing and Wu Dong reported from the front."},
		{name: "coverage spells it so too", text: "Separatists in Lugansk held a parade.", coverage: "Lugansk was quiet, the separatists said."},
		// First names and surnames that look like towns, where the words
		// around them say a person is meant.
		{name: "first name with age", text: "Oleksandr, 34, said the shelling never stopped."},
		{name: "first name after said", text: "“We will hold,” said Oleksandr, a marine from the east."},
		{name: "surname before told", text: "Peskov told reporters the talks were over."},
		{name: "relative who", text: "Yaroslav, who asked that his surname be withheld, drives a truck."},
		{name: "kinship", text: "Her son Oleksandr serves near the front, and her husband Mykola is a medic."},
		{name: "according to an agency", text: "According to Xinhua, the talks ended. Reports from Xinhua agreed."},
		{name: "spaced multi-word names", text: "Ivano Frankivsk, Rostov on Don and Kryvyi Rih were calm; so was the Kharkiv region."},
		{name: "three-syllable people", text: "Sun Yu Qing and Li Wei Dong met Wang Xiao Ming."},
		{name: "province is English", text: "Shelling hit the Kharkiv Province and Sumy oblast."},
		{name: "names ending in er", text: "Norbert Wiener and Joe Berliner met Hamburger, a Kievan Rus scholar."},
		{name: "real states", text: "Washington state officials and Georgia state troopers met New York State police."},
		{name: "namesake abroad", text: "Odessa, Texas, hosted a rodeo; Moscow, Idaho, and Odessa, Missouri, too."},
		{name: "named events", text: "The Battle of Stalingrad, the Siege of Leningrad, the Treaty of Brest-Litovsk and the Yalta Conference shaped Europe."},
		{name: "Chinese people after to", text: "He sent a letter to Li Qiang and spoke to Wang Yi in Beijing."},
		{name: "state universities", text: "Students at Kherson State University and the Luhansk State Medical University moved to Rivne."},
		{name: "org before a title", text: "Energoatom President Petro Kotin and Naftogaz Chairman Oleksiy Chernyshov spoke."},
		{name: "company named General", text: "General Dynamics and General Electric supply shells; Attorney General Merrick Garland spoke."},
		{name: "person abroad", text: "Tobias Linder said so; Linder is a German minister."},
		{name: "name given to a person noun", text: "Near Sumy a man named Andriyashiv ran the depot, and Andriyashiv kept the keys."},
		{name: "name given after a comma", text: "Her cousin, called Andriyashiv, moved to Sumy."},
		{name: "name given to a village", text: "Shelling hit a village called Andriyashiv north of Sumy.", wantText: "Andriyashiv", rule: rules.PlaceTransliteration.ID, suggestion: "Andriiashivka", severity: report.Warning},
		// Noisy spellings no list holds: lower case, run together,
		// hyphenated pairs, an adjective reading that hides a town.
		{name: "lower-case variant", text: "Missiles hit kharkov overnight.", wantText: "kharkov", rule: rules.PlaceVariant.ID, suggestion: "Kharkiv", severity: report.Warning},
		{name: "lower-case name in place context", text: "Shelling continued in kherson on Monday.", wantText: "kherson", rule: rules.PlaceVariant.ID, suggestion: "Kherson", severity: report.Warning},
		{name: "lower-case garbled name", text: "Troops advanced near melitopl again.", wantText: "melitopl", rule: rules.PlaceTransliteration.ID, suggestion: "Melitopol", severity: report.Warning},
		{name: "lower-case adjective and noun", text: "The english teacher read a russian novel about a lhasa apso."},
		{name: "name run into a place noun", text: "Residents of the Kharkovregion fled.", wantText: "Kharkovregion", rule: rules.PlaceTransliteration.ID, suggestion: "Kharkiv region", severity: report.Warning},
		{name: "name run into and", text: "Drones hit Kramatorskand Sloviansk.", wantText: "Kramatorskand", rule: rules.PlaceTransliteration.ID, suggestion: "Kramatorsk and", severity: report.Warning},
		{name: "division run into its term", text: "The Kharkivoblast administration said so.", wantText: "Kharkivoblast", rule: rules.PlaceTransliteration.ID, suggestion: "Kharkiv Oblast", severity: report.Warning},
		{name: "surnames and one-word towns", text: "Marchand met the Fairlawn board."},
		{name: "hyphenated pair of places", text: "Traffic on the Kharkov-Belgorod highway stopped.", wantText: "Kharkov-Belgorod", rule: rules.PlaceVariant.ID, suggestion: "Kharkiv-Belgorod", severity: report.Warning},
		{name: "hyphenated pair, second part", text: "Traffic on the Belgorod-Kharkov highway stopped.", wantText: "Belgorod-Kharkov", rule: rules.PlaceVariant.ID, suggestion: "Belgorod-Kharkiv", severity: report.Warning},
		{name: "title ending the sentence before", text: "The bank lost money.\nMr. Baris is a lawyer in New York."},
		{name: "given name before a foreign exonym", text: "Flanked by Imran Ismail and other leaders, he spoke."},
		{name: "surname like a Russian adjective", text: "“It is a step,” said David Umansky, a spokesman. Umansky said more later."},
		{name: "village name translated word for word", text: "Russian troops attacked Great Novosilka at dawn.", wantText: "Great Novosilka", rule: rules.PlaceVariant.ID, suggestion: "Velyka Novosilka", severity: report.Warning},
		{name: "landmark translated word for word", text: "The Azov Steel plant was besieged.", wantText: "Azov Steel", rule: rules.PlaceVariant.ID, suggestion: "Azovstal", severity: report.Warning},
		{name: "English places with meaning words", text: "He flew from New York to Little Rock and Great Falls; the Black Sea was calm."},
		{name: "adjective reading hides a town", text: "Russian troops attacked the town of Kamenskoe.", wantText: "Kamenskoe", rule: rules.PlaceTransliteration.ID, suggestion: "Kamianske", severity: report.Warning},
	}
	require.GreaterOrEqual(t, len(cases), 40)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := New(tc.opts)
			var cov []Coverage
			if tc.coverage != "" {
				cov = append(cov, Coverage{Path: "coverage.txt", Doc: segment.Split(tc.coverage)})
			}
			doc := segment.Split(tc.text)
			fs := c.Check(doc, cov)
			if tc.rule == "" {
				assert.Empty(t, atLeastWarning(fs), "%q: %+v", tc.text, fs)
				return
			}
			f, ok := find(fs, tc.wantText)
			require.True(t, ok, "%q: no finding on %q in %+v", tc.text, tc.wantText, fs)
			assert.Equal(t, tc.rule, f.Rule)
			assert.Contains(t, f.Suggestions, tc.suggestion)
			assert.Equal(t, tc.severity, f.Severity)
			assert.Equal(t, tc.wantText, tc.text[f.Span.Start:f.Span.End])
			assert.NotEmpty(t, f.Message)
			assert.Greater(t, f.Confidence, 0.0)
			assert.LessOrEqual(t, f.Confidence, 1.0)
		})
	}
}

// TestNoFindings: texts that must raise nothing at all, not even
// information.
func TestNoFindings(t *testing.T) {
	c := New(Options{})
	for _, text := range []string{
		"The Battle of Stalingrad, the Siege of Leningrad, the Treaty of Brest-Litovsk and the Yalta Conference shaped Europe.",
		"Odessa, Texas, hosted a rodeo; Moscow, Idaho, and Odessa, Missouri, too.",
		"Washington state officials and Georgia state troopers met New York State police.",
		"Shakhtar Donetsk beat Dynamo Kyiv in Lviv; Zorya Luhansk drew in Uzhhorod.",
		"Historians trace Ukraine's statehood to Kievan Rus, whose capital was Kyiv.",
		"Oleksandr, 34, said the shelling never stopped. Peskov told reporters nothing.",
		"He chose Plan E, took Vitamin E and sent an E-mail to Mark E. Smith of E Street.",
	} {
		assert.Empty(t, c.Check(segment.Split(text), nil), text)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := New(Options{})
	doc := seedDocs(t)["002"]
	want := c.Check(doc, nil)
	done := make(chan []report.Finding)
	for range 4 {
		go func() { done <- c.Check(doc, nil) }()
	}
	for range 4 {
		assert.Equal(t, want, <-done)
	}
}
