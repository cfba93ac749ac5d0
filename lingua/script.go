package lingua

import (
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/rules"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/segment"
)

// ScriptSpan is a run of text in a non-Latin script.
type ScriptSpan struct {
	Span segment.Span `json:"span"`
	// Script is the Unicode script name, such as "Han" or "Cyrillic".
	Script string `json:"script"`
	// Language is the ISO 639-1 code the script most likely stands for
	// ("zh" for Han, "uk" for Cyrillic with Ukrainian letters), or "".
	Language string `json:"language,omitempty"`
}

// scripts are the scripts foreignScripts looks for, with the language each
// most likely stands for in news translated into English.
var scripts = []struct {
	name  string
	table *unicode.RangeTable
	lang  string
}{
	{"Han", unicode.Han, "zh"},
	{"Hiragana", unicode.Hiragana, "ja"},
	{"Katakana", unicode.Katakana, "ja"},
	{"Hangul", unicode.Hangul, "ko"},
	{"Cyrillic", unicode.Cyrillic, "ru"},
	{"Arabic", unicode.Arabic, "ar"},
	{"Hebrew", unicode.Hebrew, "he"},
	{"Greek", unicode.Greek, "el"},
	{"Thai", unicode.Thai, "th"},
	{"Devanagari", unicode.Devanagari, "hi"},
	{"Georgian", unicode.Georgian, "ka"},
	{"Armenian", unicode.Armenian, "hy"},
}

func scriptOf(r rune) int {
	if r < 0x370 { // Latin, digits, ASCII punctuation
		return -1
	}
	for i, s := range scripts {
		if unicode.Is(s.table, r) {
			return i
		}
	}
	return -1
}

// foreignScripts finds runs of letters in the scripts above. A run goes on
// across spaces and punctuation while the next letter is in the same script,
// so "乌 北" or "Харків, Київ" is one run.
func foreignScripts(text string) []ScriptSpan {
	var out []ScriptSpan
	cur := -1
	start, end := 0, 0
	flush := func() {
		if cur >= 0 {
			lang := scripts[cur].lang
			if scripts[cur].name == "Cyrillic" && strings.ContainsAny(text[start:end], "іїєґІЇЄҐ") {
				lang = "uk"
			}
			out = append(out, ScriptSpan{Span: segment.Span{Start: start, End: end}, Script: scripts[cur].name, Language: lang})
		}
		cur = -1
	}
	for i, r := range text {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			size = 1
		}
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			if cur >= 0 && (unicode.IsSpace(r) || unicode.IsPunct(r)) && r != '\n' {
				continue // may continue the run
			}
			flush()
			continue
		}
		sc := scriptOf(r)
		if sc != cur {
			flush()
			if sc >= 0 {
				cur, start = sc, i
			}
		}
		if sc >= 0 {
			end = i + size
		}
	}
	flush()
	return out
}

// scriptHits reports each foreign-script run as untranslated text, and each
// long sentence lingua-go identifies as another language.
func scriptHits(doc *segment.Document, runs []ScriptSpan) []hit {
	var out []hit
	for _, r := range runs {
		if isGloss(doc.Text, r.Span) {
			continue
		}
		out = append(out, hit{
			signal:     "foreign-script",
			rule:       rules.UntranslatedForeignScript,
			span:       r.Span,
			message:    "text in " + r.Script + " script left untranslated",
			confidence: 0.9,
			langs:      []string{r.Language},
		})
	}
	return out
}

// foreignSentenceHits reports sentences that lingua-go identifies, with
// high confidence, as a language other than English: any of six words or
// more, and shorter ones of three words or more when most of their words
// are not English words either ("Die Lage bleibt angespannt."), since
// lingua-go alone is unreliable on so few words. A sentence of one or two
// words repeated is an interjection, not a language.
func foreignSentenceHits(doc *segment.Document, langs []SentenceLanguage) []hit {
	var out []hit
	for _, sl := range langs {
		if sl.Code == "" || sl.Code == "en" || sl.Confidence < 0.8 {
			continue
		}
		words := doc.Sentences[sl.Sentence].Words()
		if len(words) < 3 || len(words) < 6 && englishShare(words) > 0.5 || fewWordTypes(words) {
			continue
		}
		out = append(out, hit{
			signal:     "language-not-english",
			rule:       rules.UntranslatedForeignLanguage,
			span:       sl.Span,
			message:    "sentence reads as " + sl.Code + ", not English",
			confidence: sl.Confidence,
			langs:      []string{sl.Code},
		})
	}
	return out
}

// fewWordTypes reports whether a sentence repeats at most two distinct
// words: laughter and other interjections ("Heh heh heh!", "Ha ha ha"),
// which no language identifier reads reliably.
func fewWordTypes(words []segment.Token) bool {
	seen := map[string]bool{}
	for _, w := range words {
		seen[w.Norm] = true
		if len(seen) > 2 {
			return false
		}
	}
	return true
}

// englishShare returns the share of words that the English lexicon knows
// as common words.
func englishShare(words []segment.Token) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if w.Kind == segment.Number || lexicon.IsWord(w.Text) {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// isGloss reports whether the foreign-script run at span is a gloss: the
// whole of a parenthesis that follows a capitalized word in Latin script
// (the last word of a name), as English
// news gives a name's original spelling after its romanization ("Ko Wen-je
// (柯文哲)", "Xinyi District (信義)"). The writer put it there on purpose;
// it is not text left untranslated.
func isGloss(text string, span segment.Span) bool {
	before := strings.TrimRight(text[:span.Start], " ")
	after := strings.TrimLeft(text[span.End:], " ")
	if !strings.HasSuffix(before, "(") || !strings.HasPrefix(after, ")") {
		return false
	}
	before = strings.TrimRight(strings.TrimSuffix(before, "("), " ")
	// The word before the parenthesis must be a capitalized word in Latin
	// script: the last word of a name.
	start := strings.LastIndexFunc(before, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’'
	}) + 1
	first, _ := utf8.DecodeRuneInString(before[start:])
	last, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsUpper(first) && scriptOf(first) < 0 && unicode.IsLetter(last) && scriptOf(last) < 0
}
