// Package lexicon is an embedded English word list: it tells whether a token
// is an English word, a proper name known to English dictionaries, or neither.
//
// The lists come from Debian's SCOWL-derived dictionaries wamerican and
// wbritish (see data/README.md and data/LICENSE for source, version and
// licence). Common words are the entries written in lower case; proper names
// are the entries with an upper-case letter. The two are kept apart, so that a
// rare proper name that is also, say, a pinyin syllable ("Wu", "Nan") is not
// taken for a common word.
//
// The lists are parsed once, on first use, and are read-only afterwards: every
// function in this package is safe for concurrent use.
package lexicon

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./gen -out data /usr/share/dict/american-english /usr/share/dict/british-english

//go:embed data/common.txt
var commonData string

//go:embed data/proper.txt
var properData string

type lists struct {
	common     map[string]struct{} // lower-case entries
	proper     map[string]struct{} // entries as written ("Wuhan", "NATO")
	properFold map[string]struct{} // proper entries, lower-cased
}

var load = sync.OnceValue(func() *lists {
	l := &lists{
		common:     make(map[string]struct{}, 66000),
		proper:     make(map[string]struct{}, 11000),
		properFold: make(map[string]struct{}, 11000),
	}
	for w := range strings.SplitSeq(commonData, "\n") {
		if w != "" {
			l.common[w] = struct{}{}
		}
	}
	for w := range strings.SplitSeq(properData, "\n") {
		if w != "" {
			l.proper[w] = struct{}{}
			l.properFold[strings.ToLower(w)] = struct{}{}
		}
	}
	return l
})

// Warm parses the embedded lists now rather than on first use. Calling it is
// optional; it is cheap after the first call.
func Warm() { load() }

// Size reports how many common words and proper names the lexicon holds.
func Size() (common, proper int) {
	l := load()
	return len(l.common), len(l.proper)
}

// IsWord reports whether w is a common English word. The test ignores case
// ("The", "HIMSELF" are words), strips a possessive ("army's", "army’s",
// "soldiers'"), accepts a hyphenated compound whose parts are all words
// ("day-to-day"), and accepts regular inflections and a few productive
// prefixes of listed words when the list lacks the derived form
// ("counteroffensives", "micromanaging"). Proper names alone ("Wuhan", "Wu")
// are not common words; see IsProperName.
func IsWord(w string) bool {
	w = normalize(w)
	if w == "" {
		return false
	}
	if strings.Contains(w, "-") {
		return allParts(w, isWordPart)
	}
	return isWordPart(w)
}

// commonLines indexes the start of each line of the embedded common-word
// list, which the generator writes sorted (byte order), for prefix
// look-ups without building a sorted copy; it is built on first use.
var commonLines = sync.OnceValue(func() []int32 {
	out := make([]int32, 0, 66000)
	for i := 0; i < len(commonData); {
		out = append(out, int32(i))
		j := strings.IndexByte(commonData[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return out
})

// commonLine returns the k-th line of the common-word list.
func commonLine(lines []int32, k int) string {
	line := commonData[lines[k]:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	return line
}

// IsClipped reports whether w, without its case, is not a common word but
// the start of a longer one: a word clipped to an abbreviation ("med" for
// medium, "emp" for employed, "Aust" for Australian). Only clippings of two
// to five letters count; a common word ("fin", "round") never does.
func IsClipped(w string) bool {
	w = strings.ToLower(normalize(w))
	if n := len(w); n < 2 || n > 5 || strings.ContainsFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) || IsWord(w) {
		return false
	}
	lines := commonLines()
	i := sort.Search(len(lines), func(k int) bool { return commonLine(lines, k) >= w })
	for ; i < len(lines); i++ {
		line := commonLine(lines, i)
		if !strings.HasPrefix(line, w) {
			break
		}
		if len(line) >= len(w)+2 {
			return true
		}
	}
	return false
}

// IsProperName reports whether w is a proper name (or acronym) listed with a
// capital letter, such as "Wuhan", "Putin" or "NATO". A possessive is
// stripped first ("Putin’s"). The match is exact, or case-insensitive when w
// itself has an upper-case letter ("WUHAN"); an all lower-case w is never a
// proper name.
func IsProperName(w string) bool {
	w = normalize(w)
	if w == "" {
		return false
	}
	l := load()
	if _, ok := l.proper[w]; ok {
		return true
	}
	if !strings.ContainsFunc(w, unicode.IsUpper) {
		return false
	}
	_, ok := l.properFold[strings.ToLower(w)]
	return ok
}

// Known reports whether w is a common word or a proper name, or a hyphenated
// compound whose parts all are ("Ukraine-Russia").
func Known(w string) bool {
	w = normalize(w)
	if w == "" {
		return false
	}
	if IsWord(w) || IsProperName(w) {
		return true
	}
	if strings.Contains(w, "-") {
		return allParts(w, func(p string) bool { return isWordPart(p) || IsProperName(p) })
	}
	return false
}

// normalize trims spaces, folds typographic apostrophes and strips a
// possessive suffix.
func normalize(w string) string {
	w = strings.TrimSpace(w)
	if strings.ContainsAny(w, "’‘ʼ") {
		w = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'").Replace(w)
	}
	switch {
	case strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'S"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "S'"):
		w = w[:len(w)-1]
	}
	return w
}

func allParts(w string, ok func(string) bool) bool {
	for p := range strings.SplitSeq(w, "-") {
		if p == "" || !ok(p) {
			return false
		}
	}
	return true
}

// isWordPart is IsWord for a normalized word without hyphens.
func isWordPart(w string) bool {
	l := load()
	lw := lower(w)
	if l.isCommon(lw) {
		return true
	}
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(lw, p); ok && utf8.RuneCountInString(rest) >= 4 && l.isCommon(rest) {
			return true
		}
	}
	return false
}

// lower lower-cases w without allocating when it already is lower case.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(w)
		}
	}
	return w
}

// prefixes are productive English prefixes: "counteroffensive" is a word when
// "offensive" is, even if the list lacks the compound.
var prefixes = []string{
	"anti", "counter", "inter", "micro", "mis", "multi", "non", "over",
	"post", "pre", "re", "semi", "sub", "super", "un", "under",
}

// isCommon looks lw up directly or as a regular inflection of a listed word.
func (l *lists) isCommon(lw string) bool {
	if _, ok := l.common[lw]; ok {
		return true
	}
	for _, r := range suffixRules {
		stem, ok := strings.CutSuffix(lw, r.suffix)
		if !ok || len(stem) < max(r.minStem, 3) {
			continue
		}
		if l.has(stem + r.add) {
			return true
		}
		if r.undouble && len(stem) >= 4 && stem[len(stem)-1] == stem[len(stem)-2] && l.has(stem[:len(stem)-1]) {
			return true
		}
	}
	return false
}

func (l *lists) has(w string) bool {
	_, ok := l.common[w]
	return ok
}

// suffixRule derives a base form: strip suffix, append add; undouble also
// tries the stem without a doubled final consonant ("planned" → "plan").
type suffixRule struct {
	suffix, add string
	undouble    bool
	minStem     int
}

var suffixRules = []suffixRule{
	{"ies", "y", false, 0},
	{"es", "", false, 0},
	{"s", "", false, 0},
	{"ied", "y", false, 0},
	{"ed", "", true, 0},
	{"ed", "e", false, 0},
	{"ing", "", true, 0},
	{"ing", "e", false, 0},
	{"ily", "y", false, 0},
	{"ly", "", false, 0},
	{"ness", "", false, 0},
	{"man", "", false, 5}, // "artilleryman"
	{"men", "", false, 5},
}
