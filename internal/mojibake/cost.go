package mojibake

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cost measures how implausible s is as text: the sum of its characters'
// costs (charCost, and extra when given), half a point for each character
// above ASCII (mojibake spends several characters on one), and a point for
// each place a word changes script or turns from lower to upper case
// between letters above ASCII, and half a point more for each letter of a
// word written mostly in Latin letters above ASCII (see heavyWord). Text
// written as it should be costs little; the same text decoded with the
// wrong encoding costs more.
func cost(s string, extra func(rune) float64) float64 {
	var c float64
	for start := 0; start < len(s); {
		c += 0.5 * float64(heavyWord(s[start:]))
		next := strings.IndexByte(s[start:], ' ')
		if next < 0 {
			break
		}
		start += next + 1
	}
	var prev rune = ' '
	for _, r := range s {
		if r >= utf8.RuneSelf {
			c += 0.5 + charCost(r)
			if extra != nil {
				c += extra(r)
			}
		}
		if unicode.IsLetter(prev) && unicode.IsLetter(r) && (prev >= utf8.RuneSelf || r >= utf8.RuneSelf) {
			if script(prev) != script(r) {
				c++
			} else if unicode.IsLower(prev) && unicode.IsUpper(r) {
				c++
			}
		}
		prev = r
	}
	return c
}

// heavyWord returns the number of Latin letters above ASCII in the word
// that s starts with, when they are at least three and at least 60 % of its
// letters: no language written in the Latin script spells a word so, and
// Cyrillic or Chinese read as Windows-1252 or Latin-1 gives exactly that.
// It returns 0 for any other word.
func heavyWord(s string) int {
	high, letters := 0, 0
	for _, r := range s {
		if r == ' ' {
			break
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if r >= utf8.RuneSelf && script(r) == latin {
			high++
		}
	}
	if high >= 3 && high*10 >= letters*6 {
		return high
	}
	return 0
}

// charCost is how rare a character above ASCII is in text: nothing for the
// letters of the common scripts and for common punctuation, a point for the
// symbols of Latin-1 and Windows-1252 that seldom stand inside words,
// two for other symbols and uncommon letters, four for what is never text
// (control characters, private use, unassigned code points, U+FFFD).
func charCost(r rune) float64 {
	switch {
	case r == utf8.RuneError || r == '\uFEFF':
		return 4
	case unicode.IsControl(r), unicode.Is(unicode.Co, r), !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z):
		return 4
	case r >= 0x400 && r < 0x460, r >= 0x4E00 && r < 0xA000: // Cyrillic, Han letters
		return 0
	case unicode.IsLetter(r):
		switch {
		case r >= 0x180 && r < 0x300: // Latin Extended-B, IPA, spacing modifiers
			return 2
		case script(r) == other:
			return 2
		}
		return 0
	case r >= 0xA0 && r < 0xC0, r == 0xD7, r == 0xF7: // Latin-1's symbols
		switch r {
		case '£', '«', '»', '°':
			return 0.5
		}
		return 1
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x203A: // dashes, quotes, …
		return 0
	case r >= 0x20A0 && r <= 0x20CF: // currency
		return 0
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF: // CJK punctuation, full width
		return 0
	case r == '™':
		return 1
	}
	return 2
}

// The scripts cost tells apart.
const (
	other = iota
	latin
	greek
	cyrillic
	armenian
	hebrew
	arabic
	indic
	thai
	georgian
	hangul
	kana
	han
)

var scripts = []struct {
	table *unicode.RangeTable
	id    int
}{
	{unicode.Latin, latin}, {unicode.Cyrillic, cyrillic}, {unicode.Han, han},
	{unicode.Greek, greek}, {unicode.Arabic, arabic}, {unicode.Hebrew, hebrew},
	{unicode.Hiragana, kana}, {unicode.Katakana, kana}, {unicode.Hangul, hangul},
	{unicode.Devanagari, indic}, {unicode.Bengali, indic}, {unicode.Tamil, indic},
	{unicode.Thai, thai}, {unicode.Armenian, armenian}, {unicode.Georgian, georgian},
}

// script returns the script of a letter, or other.
func script(r rune) int {
	switch { // the common cases first, without a table search
	case r < 0x250:
		if r < 0xC0 && !unicode.IsLetter(r) {
			return other
		}
		return latin
	case r >= 0x400 && r < 0x530:
		return cyrillic
	case r >= 0x4E00 && r < 0xA000:
		return han
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.id
		}
	}
	return other
}
