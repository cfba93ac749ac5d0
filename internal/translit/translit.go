// Package translit romanizes Ukrainian and Russian Cyrillic place names by
// rule tables: the Ukrainian national system of 2010 (the preferred English
// form), BGN/PCGN for Russian (the Russian-derived forms English news
// carries), and the conventions of German, French, Spanish, Polish, Czech
// and Italian, whose spellings machine translation carries over into
// English when it translates through those languages.
//
// Each system is a table of letters plus a few positional rules (a word's
// first letter, a letter after a vowel, a letter pair, a word's ending), so
// that "Charkiw", "Járkov", "Charkov" and "Kharkov" are outputs of rules
// applied to Харків and Харьков, not rows of a list.
package translit

import (
	"strings"
	"unicode"
)

// Lang is the language of a Cyrillic name: the letters г, и, е and the
// soft sign read differently in Ukrainian and Russian.
type Lang int

// The source languages.
const (
	Ukrainian Lang = iota
	Russian
)

// System is a romanization convention.
type System int

// The systems. National and BGN give English forms; the others give the
// spellings of other languages' press.
const (
	// National is Ukraine's national system (Cabinet resolution 55, 2010),
	// also the BGN/PCGN system for Ukrainian since 2012.
	National System = iota
	// BGN is BGN/PCGN romanization of Russian (soft and hard signs dropped,
	// as English news writes them).
	BGN
	// Simple is the simplified English romanization many outlets use: е is
	// always "e", й "i" inside a word, "ий" "y" at the end.
	Simple
	// Loose is a non-standard English romanization: я, ю, є, ї always "ya",
	// "yu", "ye", "yi", й always "y" (Mykolayiv, Vinnytsya).
	Loose
	// German follows Duden (ch, sch, tsch, w, s, j: Charkiw, Saporischschja).
	German
	// French (kh, j, ch, tch, ou, ss between vowels: Zaporijjia, Koupiansk).
	French
	// Spanish (j for х, y for ж: Járkov, Zaporiyia).
	Spanish
	// Polish (ch, ż, cz, sz, w, ł; Ukrainian -ів as -ów: Charków).
	Polish
	// Czech (ch, ž, č, š, j: Charkov, Záporoží-like forms).
	Czech
	// Italian follows the scientific transliteration Italian outlets use
	// (ch, ž, č, š, j: Charkiv).
	Italian
	// LC is the ALA-LC (Library of Congress) romanization scholars and
	// translators use, diacritics dropped: й i, ы y, я ia, ю iu
	// (Nizhnii Novgorod, Iurii).
	LC
	numSystems
)

var systemNames = [...]string{"national", "bgn", "simple", "loose", "german", "french", "spanish", "polish", "czech", "italian", "lc"}

// String returns the system's name in lower case.
func (s System) String() string {
	if s >= 0 && int(s) < len(systemNames) {
		return systemNames[s]
	}
	return "unknown"
}

// Systems lists every system.
func Systems() []System {
	out := make([]System, numSystems)
	for i := range out {
		out[i] = System(i)
	}
	return out
}

// rules is one system's table for one source language.
type rules struct {
	letters map[rune]string // default reading of a lower-case letter
	initial map[rune]string // at the start of a word
	vowel   map[rune]string // after a vowel, a soft or hard sign or an apostrophe
	pairs   map[string]string
	endings map[string]string // word-final letter sequences (longest first)
	// doubleS writes с as "ss" between vowels (French).
	doubleS bool
}

const cyrVowels = "аеєиіїоуюяыэё"

func isCyrVowel(r rune) bool { return strings.ContainsRune(cyrVowels, r) }

// base letters shared by every table, overridden per system.
var common = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "yo", 'є': "ye",
	'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya", '\'': "", '’': "", 'ʼ': "",
}

func with(base map[rune]string, pairs ...string) map[rune]string {
	m := make(map[rune]string, len(base)+len(pairs)/2)
	for k, v := range base {
		m[k] = v
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[[]rune(pairs[i])[0]] = pairs[i+1]
	}
	return m
}

func set(pairs ...string) map[rune]string { return with(nil, pairs...) }

func strs(pairs ...string) map[string]string {
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// tables[system][lang].
var tables = func() (t [numSystems][2]*rules) {
	// Ukrainian national system, 2010: г h, ґ g, и y, і i; є ї й ю я are
	// ye yi y yu ya at the start of a word, ie i i iu ia elsewhere; зг is
	// zgh; soft sign and apostrophe are dropped.
	uk := &rules{
		letters: with(common, "г", "h", "и", "y", "є", "ie", "ї", "i", "й", "i", "ю", "iu", "я", "ia"),
		initial: set("є", "ye", "ї", "yi", "й", "y", "ю", "yu", "я", "ya"),
		pairs:   strs("зг", "zgh"),
	}
	// BGN/PCGN Russian: е is ye at the start and after vowels and signs;
	// ё yë (written yo), э e; -ий/-ый -iy/-yy.
	ru := &rules{
		letters: common,
		initial: set("е", "ye", "ё", "yo"),
		vowel:   set("е", "ye", "ё", "yo"),
		endings: strs("ий", "iy", "ый", "yy"),
	}
	t[National][Ukrainian] = uk
	t[National][Russian] = &rules{letters: with(ru.letters, "ё", "e"), endings: strs("ий", "iy", "ый", "y")} // never the preferred system for Russian
	t[BGN][Russian] = ru
	// BGN applied to a Ukrainian name: the Russian-style reading of the
	// Ukrainian letters (г g, и i, і i).
	t[BGN][Ukrainian] = &rules{letters: with(common, "и", "y", "ї", "yi"), initial: set("є", "ye"), vowel: set("є", "ye")}
	simple := &rules{letters: with(common, "ё", "e", "й", "i"), initial: set("й", "y"), vowel: set("й", "y"),
		endings: strs("ий", "y", "ый", "y", "ой", "oy", "ая", "aya", "ое", "oe", "ье", "ye", "ьи", "yi")}
	t[Simple][Russian] = simple
	// Simple English from Ukrainian writes ї as "ii" inside a word
	// (Zaiizd for Заїзд).
	t[Simple][Ukrainian] = &rules{letters: with(uk.letters, "й", "i", "ї", "ii"), initial: uk.initial, vowel: set("й", "y"),
		endings: strs("ий", "yi", "ій", "ii")}
	t[Loose][Ukrainian] = &rules{letters: with(uk.letters, "є", "ye", "ї", "yi", "й", "y", "ю", "yu", "я", "ya"),
		endings: strs("ий", "yy", "ій", "iy")}
	t[Loose][Russian] = &rules{letters: with(common, "ё", "e"), endings: strs("ий", "iy", "ый", "yy")}

	// German (Duden): в w, ж sch, з s, й j, х ch, ц z, ч tsch, ш sch,
	// щ schtsch, ю ju, я ja, е je at the start and after vowels; from
	// Ukrainian г h, и y, ї ji, є je.
	de := with(common, "в", "w", "ж", "sch", "з", "s", "й", "j", "х", "ch", "ц", "z", "ч", "tsch", "ш", "sch",
		"щ", "schtsch", "ю", "ju", "я", "ja", "ё", "jo", "є", "je", "ї", "ji", "ы", "y")
	t[German][Russian] = &rules{letters: de, initial: set("е", "je"), vowel: set("е", "je"), endings: strs("ий", "ij", "ый", "yj")}
	t[German][Ukrainian] = &rules{letters: with(de, "г", "h", "и", "y"), endings: strs("ий", "yj")}

	// French: ж j, х kh, у ou, ш ch, ч tch, щ chtch, й ï, ю iou, я ia,
	// е ie at the start, с ss between vowels.
	fr := with(common, "ж", "j", "у", "ou", "ш", "ch", "ч", "tch", "щ", "chtch", "й", "ï", "ю", "iou", "я", "ia",
		"ё", "io", "є", "ie", "ї", "ï")
	t[French][Russian] = &rules{letters: fr, initial: set("е", "ie", "й", "i"), vowel: set("е", "ie"), doubleS: true, endings: strs("ий", "i", "ый", "y")}
	t[French][Ukrainian] = &rules{letters: with(fr, "г", "h", "и", "y"), initial: set("й", "i"), doubleS: true, endings: strs("ий", "y")}

	// Spanish: х j, ж y (Zaporiyia, Yitómir), й i, ю iu, я ia, ш sh,
	// щ sch, ц ts.
	es := with(common, "х", "j", "ж", "y", "й", "i", "ю", "iu", "я", "ia", "щ", "sch", "ё", "io", "є", "ie", "ї", "i")
	t[Spanish][Russian] = &rules{letters: es, pairs: strs("жж", "y"), initial: set("я", "ya", "ю", "yu", "е", "ye"), vowel: set("й", "y"), endings: strs("ий", "i", "ый", "i")}
	t[Spanish][Ukrainian] = &rules{letters: with(es, "г", "h", "и", "y"), pairs: strs("жж", "y"), initial: set("я", "ya", "ю", "yu", "є", "ye"), vowel: set("й", "y")}

	// Polish: в w, ж ż, х ch, ч cz, ш sz, щ szcz, ц c, й j, ю ju, я ja,
	// е je at the start; л ł except before a soft vowel or sign;
	// Ukrainian -ів is -ów (Charków, Lwów).
	pl := with(common, "в", "w", "ж", "ż", "х", "ch", "ч", "cz", "ш", "sz", "щ", "szcz", "ц", "c", "й", "j",
		"ю", "ju", "я", "ja", "ё", "jo", "є", "je", "ї", "ji", "ы", "y", "л", "ł")
	plPairs := strs("ль", "l", "ля", "la", "лю", "lu", "ле", "le", "ли", "li", "лі", "li", "лє", "le", "лё", "lo")
	t[Polish][Russian] = &rules{letters: pl, initial: set("е", "je"), vowel: set("е", "je"), pairs: plPairs, endings: strs("ий", "ij", "ый", "yj")}
	t[Polish][Ukrainian] = &rules{letters: with(pl, "г", "h", "и", "y"), pairs: plPairs, endings: strs("ів", "ów", "ий", "yj")}

	// Czech: х ch, ж ž, ч č, ш š, щ šč, ц c, й j, ю ju, я ja, е je at the
	// start; Ukrainian г h, и y.
	cs := with(common, "х", "ch", "ж", "ž", "ч", "č", "ш", "š", "щ", "šč", "ц", "c", "й", "j", "ю", "ju", "я", "ja",
		"ё", "jo", "є", "je", "ї", "ji")
	t[Czech][Russian] = &rules{letters: cs, initial: set("е", "je"), vowel: set("е", "je"), endings: strs("ий", "ij", "ый", "yj")}
	t[Czech][Ukrainian] = &rules{letters: with(cs, "г", "h", "и", "y"), endings: strs("ий", "yj")}

	// Italian (scientific): like Czech, but х ch and Ukrainian ї ï, е e.
	it := with(cs, "ї", "ï")
	t[Italian][Russian] = &rules{letters: it, endings: strs("ий", "ij", "ый", "yj")}
	t[Italian][Ukrainian] = &rules{letters: with(it, "г", "h", "и", "y"), endings: strs("ий", "yj")}

	// ALA-LC: й ĭ, я i͡a, ю i͡u, ё ë, э ė, ы y; written without the marks.
	lc := with(common, "й", "i", "я", "ia", "ю", "iu", "ё", "e", "є", "ie", "ї", "ï")
	t[LC][Russian] = &rules{letters: lc}
	t[LC][Ukrainian] = &rules{letters: with(lc, "г", "h", "и", "y")}
	return t
}()

// Romanize writes a Cyrillic name in the Latin alphabet by system, reading
// it as lang. Letters outside the tables (spaces, hyphens, Latin letters)
// are kept; a capital Cyrillic letter gives a capitalized Latin rendering
// ("Щ" → "Shch"). Romanize never fails: unknown letters pass through.
func Romanize(s string, lang Lang, system System) string {
	if system < 0 || system >= numSystems || lang < Ukrainian || lang > Russian {
		return s
	}
	r := tables[system][lang]
	src := []rune(s)
	var b strings.Builder
	b.Grow(len(s) * 2)
	for i := 0; i < len(src); {
		c := src[i]
		lc := unicode.ToLower(c)
		upper := c != lc
		wordStart := i == 0 || !unicode.IsLetter(src[i-1]) && !isApostrophe(src[i-1])
		var out string
		n := 1
		if e, ok := r.ending(src, i); ok {
			out, n = e.text, e.n
		} else if p, ok := r.pair(src, i); ok {
			out, n = p, 2
		} else if v, ok := r.initial[lc]; ok && wordStart {
			out = v
		} else if v, ok := r.vowel[lc]; ok && i > 0 && afterVowel(src[i-1]) {
			out = v
		} else if lc == 'с' && r.doubleS && i > 0 && i+1 < len(src) && isCyrVowel(unicode.ToLower(src[i-1])) && isCyrVowel(unicode.ToLower(src[i+1])) {
			out = "ss"
		} else if v, ok := r.letters[lc]; ok {
			out = v
		} else {
			out = string(c)
			upper = false
		}
		if upper && out != "" {
			rs := []rune(out)
			rs[0] = unicode.ToUpper(rs[0])
			out = string(rs)
		} else if out == "" && upper && i+1 < len(src) {
			// A capital soft sign: pass the capital on.
			src[i+1] = unicode.ToUpper(src[i+1])
		}
		b.WriteString(out)
		i += n
	}
	return b.String()
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func afterVowel(r rune) bool {
	r = unicode.ToLower(r)
	return isCyrVowel(r) || r == 'ь' || r == 'ъ' || isApostrophe(r)
}

type span struct {
	text string
	n    int
}

func (r *rules) pair(src []rune, i int) (string, bool) {
	if len(r.pairs) == 0 || i+1 >= len(src) {
		return "", false
	}
	v, ok := r.pairs[strings.ToLower(string(src[i:i+2]))]
	return v, ok
}

// ending matches a word-final sequence of two letters at src[i:].
func (r *rules) ending(src []rune, i int) (span, bool) {
	if len(r.endings) == 0 || i+2 > len(src) || i+2 < len(src) && unicode.IsLetter(src[i+2]) {
		return span{}, false
	}
	v, ok := r.endings[strings.ToLower(string(src[i:i+2]))]
	return span{v, 2}, ok
}

// Form is one romanization of a name.
type Form struct {
	Text   string
	Lang   Lang   // the language of the Cyrillic name it was read from
	System System // the system that wrote it
}

// Forms romanizes a place's Ukrainian name (uk) and Russian name (ru) by
// every system, the Ukrainian national form first, each distinct spelling
// once (compared without case), tagged with the first language and system
// that gave it. Either name may be empty.
func Forms(uk, ru string) []Form {
	var out []Form
	seen := make(map[string]bool)
	add := func(name string, lang Lang, sys System) {
		if name == "" {
			return
		}
		t := Romanize(name, lang, sys)
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, Form{Text: t, Lang: lang, System: sys})
	}
	add(uk, Ukrainian, National)
	for sys := BGN; sys < numSystems; sys++ {
		add(ru, Russian, sys)
	}
	for sys := BGN; sys < numSystems; sys++ {
		add(uk, Ukrainian, sys)
	}
	return out
}
