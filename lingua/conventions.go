package lingua

import (
	"github.com/transcheck/transcheck/internal/rules"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/segment"
)

// Source-language conventions that survive machine translation in the
// characters themselves: quotation marks, number formats, and the
// spellings of names.

// quoteStyles are quotation marks English does not use, with the languages
// that use them. English news uses “…”, "…", ‘…’ and '…'.
var quoteStyles = []struct {
	open, close string
	langs       []string
	name        string
}{
	{"„", "“", []string{"de"}, "German „…“"},
	{"„", "”", []string{"de"}, "German „…“"},
	{"‚", "‘", []string{"de"}, "German ‚…‘"},
	{"«", "»", []string{"fr", "ru", "es"}, "French, Russian or Spanish «…»"},
	{"»", "«", []string{"de"}, "German »…«"},
	{"「", "」", []string{"zh"}, "Chinese 「…」"},
	{"『", "』", []string{"zh"}, "Chinese 『…』"},
	{"《", "》", []string{"zh"}, "Chinese 《…》"},
}

// quoteMarkHits finds quotations set in the quotation marks of another
// language, each opening mark paired with the next closing one in the same
// paragraph.
func quoteMarkHits(doc *segment.Document) []hit {
	var out []hit
	for _, p := range doc.Paragraphs {
		text := doc.Text[p.Span.Start:p.Span.End]
		for _, q := range quoteStyles {
			if !strings.Contains(text, q.open) {
				continue
			}
			for off := 0; ; {
				i := strings.Index(text[off:], q.open)
				if i < 0 {
					break
				}
				start := off + i + len(q.open)
				j := strings.Index(text[start:], q.close)
				if j < 0 || j == 0 {
					break
				}
				end := start + j + len(q.close)
				if j > 300 {
					off = start // a stray mark, not a quotation
					continue
				}
				out = append(out, hit{
					id:         "source-quotes",
					signal:     "source-convention",
					rule:       rules.StyleSourceQuotes,
					span:       segment.Span{Start: p.Span.Start + off + i, End: p.Span.Start + end},
					message:    "quotation marks in " + q.name + " style: the source language's, not English “…”",
					suggest:    []string{"“" + text[start:start+j] + "”"},
					confidence: 0.7,
					langs:      q.langs,
				})
				off = end
			}
		}
	}
	return out
}

// numberFormatHits finds numbers written the way German, French, Spanish
// or Russian write them: a decimal comma ("5,4 billion"), a dot grouping
// thousands ("1.200 soldiers"), a date with dots ("24.2.2022").
func numberFormatHits(doc *segment.Document) []hit {
	var out []hit
	for _, s := range doc.Sentences {
		for k, t := range s.Tokens {
			if t.Kind != segment.Number {
				continue
			}
			var next *segment.Token
			if k+1 < len(s.Tokens) {
				next = &s.Tokens[k+1]
			}
			what, langs := numberFormat(doc.Text, t, next, s.Tokens[k+1:])
			if what == "" {
				continue
			}
			span := t.Span
			if next != nil && next.Kind == segment.Word && next.Start == t.End+1 && !isDottedDate(t.Text) {
				span.End = next.End
			}
			out = append(out, hit{
				id:         "number-format",
				signal:     "source-convention",
				rule:       rules.StyleNumberFormat,
				span:       span,
				message:    "“" + t.Text + "” " + what,
				confidence: 0.65,
				langs:      langs,
			})
		}
	}
	return out
}

// numberUnits are words after a number that make a decimal comma or a
// grouping dot unambiguous.
var numberUnits = set("million", "billion", "trillion", "thousand", "percent", "per", "euros",
	"euro", "dollars", "rubles", "roubles", "hryvnias", "yuan", "pounds", "tons", "tonnes",
	"kilometres", "kilometers", "km", "metres", "meters", "miles", "hours", "degrees", "points")

// numberFormat tells what source convention the number text follows, if
// any, and the languages that write numbers so.
func numberFormat(doc string, number segment.Token, next *segment.Token, after []segment.Token) (string, []string) {
	text := number.Text
	nextWord := ""
	if next != nil {
		nextWord = next.Norm
	}
	switch {
	case isDottedDate(text):
		return "is a date written with dots, day first, as German and Russian do; English writes “24 February 2022” or “February 24, 2022”", []string{"de", "ru"}
	case isDecimalComma(text) && (numberUnits[nextWord] || nextWord == "%"):
		return "has a decimal comma, as German, French, Spanish and Russian write it; English writes a decimal point", []string{"de", "fr", "es", "ru"}
	case isDotGrouped(number.Text) && countedNoun(doc, number, after):
		return "groups thousands with a dot, as German and Spanish do; English writes a comma", []string{"de", "es"}
	}
	return "", nil
}

// countedNoun reports whether the words after a number are a plural noun,
// perhaps after an adjective ("1.200 soldiers", "20.000 additional
// soldiers"): things counted, which a decimal number does not count.
func countedNoun(text string, number segment.Token, after []segment.Token) bool {
	end := number.End
	for k := 0; k < len(after) && k < 2; k++ {
		if after[k].Kind != segment.Word || !after[k].IsLower() || text[end:after[k].Start] != " " {
			return false // another line, or punctuation between
		}
		end = after[k].End
		if pluralWord(after, k) == 1 {
			return true
		}
	}
	return false
}

// isDottedDate matches d.m.yyyy and dd.mm.yy.
func isDottedDate(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return false
	}
	d, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || len(parts[0]) > 2 || len(parts[1]) > 2 || d < 1 || d > 31 || m < 1 || m > 12 {
		return false
	}
	y := parts[2]
	_, err := strconv.Atoi(y)
	return err == nil && (len(y) == 4 || len(y) == 2)
}

// isDecimalComma matches "5,4" and "12,75": a comma followed by one or two
// digits (an English thousands comma has three).
func isDecimalComma(s string) bool {
	a, b, ok := strings.Cut(s, ",")
	return ok && allDigits(a) && len(a) <= 3 && allDigits(b) && (len(b) == 1 || len(b) == 2)
}

// isDotGrouped matches "1.200" and "20.000.000".
func isDotGrouped(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || !allDigits(parts[0]) || len(parts[0]) > 3 || parts[0] == "0" {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || !allDigits(p) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// variantLangs are the gazetteer's variant kinds that name a source
// language.
var variantLangs = []struct {
	kind gazetteer.VariantKind
	lang string
}{
	{gazetteer.Russian, "ru"},
	{gazetteer.German, "de"},
	{gazetteer.French, "fr"},
}

// spellingHits finds names spelled as a source language spells them: place
// names the built-in gazetteer knows as Russian-derived, German or French
// variants ("Avdeevka", "Bachmut", "Charkiw"), and personal names in the
// German or French transliteration of Slavic names ("Peskow",
// "Selenskyj", "Pletentchouk"). Known names (Options.KnownNames) are
// never flagged. Personal names become style/source-spelling passages;
// place variants only count for the signal, since the place checks report
// them (place-name/variant) with the preferred spelling.
//
// A place variant the document also uses as a person's name ("Seymour
// Krim" … "Krim wrote") is that person's name throughout, unless the name
// around it is transliterated the same way ("Wolodymyr Selenskyj").
// Repetitions of one spelling count once for the signal's strength.
func spellingHits(doc *segment.Document, known func(string) bool) []hit {
	gaz := gazetteer.Default()
	names := newNameUses(doc, known)
	var out []hit
	for _, s := range doc.Sentences {
		words := s.Words()
		for i, w := range words {
			if w.Kind != segment.Word || !w.IsCapitalized() || utf8.RuneCountInString(w.Text) < 4 {
				continue
			}
			bare := segment.StripPossessive(w.Text)
			if strings.ToUpper(bare) == bare || lexicon.IsWord(bare) || known != nil && known(bare) {
				continue
			}
			english, langs, preferred := placeVariant(gaz, bare)
			if preferred || langs != nil && (names.usedAsName(bare) && !nextToTransliteration(words, i) || afterForeignGivenName(words, i, known)) {
				continue // a person who shares the name ("Seymour Krim")
			}
			what := "the source language's spelling of a place"
			place := langs != nil
			if langs == nil {
				if lang, ok := transliteration(bare); ok {
					langs, what = []string{lang}, translitNames[lang]+" transliteration of a Slavic name"
				}
			}
			if langs == nil {
				continue
			}
			h := hit{
				id:         "source-spelling",
				key:        strings.ToLower(bare),
				signal:     "source-spelling",
				rule:       rules.StyleSourceSpelling,
				span:       segment.Span{Start: w.Start, End: w.Start + len(bare)},
				message:    "“" + bare + "” follows " + what + "; English news spells it differently",
				confidence: 0.6,
				langs:      langs,
				// A place's variant spelling is the place checks' finding
				// (place-name/variant); here it only counts as evidence
				// of the source language.
				signalOnly: place,
			}
			if english != "" {
				h.message = "“" + bare + "” follows " + what + "; English news writes “" + english + "”"
				h.suggest = []string{english}
			}
			out = append(out, h)
		}
	}
	return out
}

// nextToTransliteration reports whether a capitalized word right before or
// after words[i] is a German or French transliteration of a Slavic name:
// words[i] is then part of a name transliterated the same way.
func nextToTransliteration(words []segment.Token, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(words) || !adjacent(words[min(i, j)], words[max(i, j)]) || !words[j].IsCapitalized() {
			continue
		}
		if _, ok := transliteration(segment.StripPossessive(words[j].Text)); ok {
			return true
		}
	}
	return false
}

// placeVariant returns the preferred spelling of a place the word is a
// source-language variant of, and those languages. preferred is true when
// the word is also a name English uses (a preferred name, an accepted
// alternative, an adjective).
func placeVariant(gaz *gazetteer.Gazetteer, w string) (english string, langs []string, preferred bool) {
	for _, m := range gaz.Lookup(w) {
		if m.Kind == 0 || m.Kind.Has(gazetteer.Alternative) || m.Kind.Has(gazetteer.Adjective) || m.Kind.Has(gazetteer.Chinese) {
			return "", nil, true
		}
		if m.Kind.Has(gazetteer.Historic) && lexicon.IsProperName(w) {
			// A former English exonym ("Kiev", "Odessa"): English texts
			// of any age use it, so it says nothing of a source language.
			return "", nil, true
		}
		for _, v := range variantLangs {
			if m.Kind.Has(v.kind) && !slices.Contains(langs, v.lang) {
				langs = append(langs, v.lang)
				if english == "" {
					english = m.Place.Name
				}
			}
		}
	}
	return english, variantSource(w, langs), false
}

// variantSource picks the source language of a spelling the gazetteer
// lists as a Russian-derived variant and also as a German or French one.
// The gazetteer marks German and French transliterations of the Russian
// name that way ("Tschernobyl", "Tchernigov") as well as Russian-derived
// spellings those languages share with older English ("Kharkov",
// "Donbass"). The letters decide: German sch or w before a vowel, French
// ou, tch or ï point to that language; a spelling with neither points to
// Russian, the commonest source of Russian-derived names in English
// translation. Other lists are returned unchanged.
func variantSource(w string, langs []string) []string {
	if len(langs) < 2 || !slices.Contains(langs, "ru") {
		return langs
	}
	n := strings.ToLower(w)
	switch {
	case slices.Contains(langs, "de") && (strings.Contains(n, "sch") || wBeforeVowel(n)):
		return []string{"de"}
	case slices.Contains(langs, "fr") && (strings.Contains(n, "ou") || strings.Contains(n, "tch") || strings.Contains(n, "ï")):
		return []string{"fr"}
	}
	return []string{"ru"}
}

var translitNames = map[string]string{"de": "the German", "fr": "the French"}

// transliteration recognizes the German and French transliteration of
// Russian and Ukrainian names by spellings English transliteration does
// not use: German -yj/-skij for -ий ("Selenskyj"), w for в together with
// -ow/-ew for -ов/-ев ("Lawrow", "Medwedew"), and -kow, -sow, -zow, -mow,
// -jew ("Peskow", "Sergejew"); French ou for у together with tch for ч or
// the ending -enko ("Pletentchouk", "Loukachenko"). French ou alone is
// left alone: English keeps it in names that came through French
// ("Farouk", "Sihanouk").
func transliteration(w string) (string, bool) {
	n := strings.ToLower(w)
	switch {
	case strings.HasSuffix(n, "skyj") || strings.HasSuffix(n, "skij") || strings.HasSuffix(n, "zkyj"):
		return "de", true
	case hasAnySuffix(n, "kow", "kowa", "sow", "sowa", "zow", "zowa", "mow", "mowa", "jew", "jewa", "jow", "tschow", "schow"):
		return "de", true
	case hasAnySuffix(n, "ow", "ew") && wBeforeVowel(n[:len(n)-2]), hasAnySuffix(n, "owa", "ewa") && wBeforeVowel(n[:len(n)-3]):
		return "de", true
	case strings.Contains(n, "ou") && (strings.Contains(n, "tch") || hasAnySuffix(n, "enko")):
		return "fr", true
	}
	return "", false
}

func hasAnySuffix(s string, sufs ...string) bool {
	for _, suf := range sufs {
		if len(s) > len(suf)+1 && strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// wBeforeVowel reports a w before a vowel or r inside the word ("Lawrow",
// "Medwedew"), where English transliteration writes v; "Brownlow" has none.
func wBeforeVowel(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == 'w' && strings.IndexByte("aeiouyr", s[i+1]) >= 0 {
			return true
		}
	}
	return false
}
