// Package placecheck finds mistranslated, romanized and variant place names
// in English text and says what was meant.
//
// A Checker scans a segmented document (internal/segment) for names the
// gazetteer knows and for capitalized words nobody knows, and reports:
//
//   - place-name/romanized-abbreviation: a romanized Chinese geographic
//     abbreviation ("Wubei" = 乌北 = northern Ukraine), read by the
//     gazetteer's abbreviation grammar, also when its syllables are written
//     apart ("Mei E relations" = 美俄 = US-Russia, "E jun" = 俄军 = Russian
//     forces) and the words around them say it is no person's name;
//   - place-name/romanized: a Chinese place name read out in pinyin
//     ("Haerkefu" = 哈尔科夫 = Kharkiv, "Ha Er Ke Fu Zhou" = Kharkiv Oblast,
//     "Bolan Dongbu" = 波兰东部 = eastern Poland);
//   - place-name/transliteration: an unknown word close to a known place by
//     spelling, sound or the syllables of its Chinese transcription ("did you
//     mean Kherson?"); a warning when it is a letter or two off or the text
//     is shown to be machine-translated by other findings, else information,
//     since real villages the gazetteer lacks look like known towns;
//   - place-name/variant: a Russian-derived, historic, German, … spelling
//     where the style prefers another ("Kiev" → "Kyiv"), a German place
//     adjective ("Kiewer"), or a regional noun left in Ukrainian
//     ("Kharkivshchyna" → "Kharkiv region");
//   - place-name/inconsistent: a variant used in a text that also uses
//     another spelling of the same place ("Lviv" … "Lvov");
//   - place-name/admin-calque: "Kharkiv state" (or "prefecture", or 州
//     left as "zhou") for Kharkiv Oblast.
//
// Names are read in their derived forms too: hyphenated compounds
// ("Kiev-held", "pro-Kiev", fixed as "Kyiv-held"), the division term before
// or after the name ("Oblast Charkiw", "Kharkov region"), and adjectives made
// of a place's name, whose Russian ending is itself Russian-derived
// ("Izyumsky" → Izium) while a Ukrainian one before its noun is correct
// ("Kupianske community"). The gazetteer's generated villages are
// suggested on a close spelling only, ranked by the divisions and countries
// the text names; a variant of a generated village alone is flagged only in
// place context, and a hand-written place (one in the news) wins over its
// generated namesakes.
//
// Not every capitalized unknown word is a place: words of a person's name
// (after a title or a kinship word, next to a speech verb, with an age,
// "who" or a title in apposition, or a run of capitalized words with no
// prominent place in it), organizations, companies and venues (internal/
// orgname: "… Securities", "… Hospital", "the carmakers Geely and
// Changan", a company named anywhere in the text), dishes (a name after a
// noun in a text about food: "chicken Marengo"), subdivisions of a known
// place ("the Huangpu district of Shanghai"), acronyms, run-together words
// ("DonbasIN"), English words and proper names the lexicon knows, and names
// the coverage uses are left alone. Inside an institution's name a variant
// is flagged (its standard English name follows the preferred spelling:
// "Lugansk People's Republic"); the names of events, works, buildings and
// venues keep the spelling of their day.
//
// Analyze also returns the suspects, the place-like words nobody knows,
// which the caller pairs with aligned coverage (package align compares the
// places aligned passages name).
//
// Findings are report.Finding values whose Span holds byte offsets into the
// checked document (Start and End); evidence from the checked document
// itself has an empty Path, evidence from coverage the Coverage's Path.
package placecheck

import (
	"github.com/transcheck/transcheck/report"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/segment"
)

// Coverage is a coverage document: the path evidence names it by, and its
// segmentation.
type Coverage struct {
	Path string
	Doc  *segment.Document
}

// Options configures a Checker. The zero value uses the embedded gazetteer
// and the default style.
type Options struct {
	// Gazetteer is the place index; nil means gazetteer.Default(). Merge a
	// user file's places or a GeoNames extract into it first.
	Gazetteer *gazetteer.Gazetteer
	// Style says which spellings to prefer and which words to allow; nil
	// means gazetteer.DefaultStyle().
	Style *gazetteer.Style
	// KnownNames are extra names never to flag as unknown (people, outlets,
	// local names an editor vouches for).
	KnownNames []string
}

// Checker checks place names. Build it once with New; it is read-only
// afterwards and safe for concurrent use.
type Checker struct {
	gaz   *gazetteer.Gazetteer
	style gazetteer.Style
	known map[string]bool // Key of KnownNames
}

// New builds a Checker.
func New(opts Options) *Checker {
	c := &Checker{gaz: opts.Gazetteer, known: make(map[string]bool, len(opts.KnownNames))}
	if c.gaz == nil {
		c.gaz = gazetteer.Default()
	}
	if opts.Style != nil {
		c.style = *opts.Style
	} else {
		c.style = gazetteer.DefaultStyle()
	}
	for _, n := range opts.KnownNames {
		if k := gazetteer.Key(n); k != "" {
			c.known[k] = true
		}
	}
	return c
}

// Check reports the place-name problems of doc. Names used in coverage
// (other texts on the same story) count as known; coverage may be nil.
// Findings are in document order.
func (c *Checker) Check(doc *segment.Document, coverage []Coverage) []report.Finding {
	out, _ := c.Analyze(doc, coverage)
	return out
}

// Suspects returns the place-like words of doc that nobody knows, as
// Analyze returns them with no coverage, without judging the findings: for
// a caller that judges them later against the coverage it aligns with.
func (c *Checker) Suspects(doc *segment.Document) []Suspect {
	return c.scan(doc, nil).suspects
}

// Analyze returns what Check and Suspects return, from one scan of doc:
// the place-name findings, and the place-like words nobody knows, for the
// caller to pair with aligned coverage.
func (c *Checker) Analyze(doc *segment.Document, coverage []Coverage) ([]report.Finding, []Suspect) {
	sc := c.scan(doc, coverage)
	var out []report.Finding
	out = append(out, c.variantFindings(sc)...)
	out = append(out, c.softSignFindings(sc)...)
	out = append(out, sc.calques...)
	var rest []Suspect
	for _, s := range sc.suspects {
		if f, ok := c.judgeRomanized(s); ok {
			out = append(out, f)
		} else {
			rest = append(rest, s)
		}
	}
	translated := c.translatedEvidence(sc, out)
	ctx := c.context(sc)
	for _, s := range rest {
		if f, ok := c.judgeTransliteration(s, translated, ctx); ok {
			out = append(out, f)
		}
	}
	out = append(out, c.obscureNamesakeFindings(sc, ctx)...)
	sortFindings(out)
	return out, sc.suspects
}

// sortFindings orders findings by position, then rule.
func sortFindings(fs []report.Finding) {
	slices.SortStableFunc(fs, func(a, b report.Finding) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// spanOf converts a segment span to the report's, offsets only.
func spanOf(s segment.Span) report.Span { return report.Span{Start: s.Start, End: s.End} }
