package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldTable maps precomposed Latin letters with diacritics (and pinyin tone
// marks) to their base letters, lower-cased. Letters not listed are lower-cased
// by unicode.ToLower; combining marks are dropped by Key.
var foldTable = func() map[rune]string {
	groups := []struct{ from, to string }{
		{"àáâãäåāăąǎ", "a"}, {"ÀÁÂÃÄÅĀĂĄǍ", "a"},
		{"çćĉċč", "c"}, {"ÇĆĈĊČ", "c"},
		{"ďđ", "d"}, {"ĎĐ", "d"},
		{"èéêëēĕėęěẽ", "e"}, {"ÈÉÊËĒĔĖĘĚẼ", "e"},
		{"ĝğġģ", "g"}, {"ĜĞĠĢ", "g"},
		{"ĥħ", "h"}, {"ĤĦ", "h"},
		{"ìíîïĩīĭįıǐ", "i"}, {"ÌÍÎÏĨĪĬĮİǏ", "i"},
		{"ĵ", "j"}, {"Ĵ", "j"},
		{"ķ", "k"}, {"Ķ", "k"},
		{"ĺļľŀł", "l"}, {"ĹĻĽĿŁ", "l"},
		{"ñńņňŉ", "n"}, {"ÑŃŅŇ", "n"},
		{"òóôõöøōŏőǒ", "o"}, {"ÒÓÔÕÖØŌŎŐǑ", "o"},
		{"ŕŗř", "r"}, {"ŔŖŘ", "r"},
		{"śŝşšș", "s"}, {"ŚŜŞŠȘ", "s"},
		{"ţťŧț", "t"}, {"ŢŤŦȚ", "t"},
		{"ùúûüũūŭůűųǔǖǘǚǜ", "u"}, {"ÙÚÛÜŨŪŬŮŰŲǓǕǗǙǛ", "u"},
		{"ŵ", "w"}, {"Ŵ", "w"},
		{"ýÿŷ", "y"}, {"ÝŸŶ", "y"},
		{"źżž", "z"}, {"ŹŻŽ", "z"},
		{"ß", "ss"}, {"æÆ", "ae"}, {"œŒ", "oe"}, {"þÞ", "th"},
	}
	m := make(map[rune]string)
	for _, g := range groups {
		for _, r := range g.from {
			m[r] = g.to
		}
	}
	return m
}()

// Fold lower-cases s and removes diacritics and tone marks from Latin
// letters ("Kraków" → "krakow", "Wūdōng" → "wudong"), keeping every other
// character, spaces and punctuation included.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if t, ok := foldTable[r]; ok {
			b.WriteString(t)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Key is the lookup key of a name: folded (see Fold) with everything but
// letters and digits removed, so that "Ivano-Frankivsk", "Ivano Frankivsk",
// "St. Petersburg" / "St Petersburg" and "Xi'an" / "Xi’an" / "Xian" compare
// equal. Chinese characters are kept.
func Key(s string) string {
	if k, ok := asciiKey(s); ok {
		return k
	}
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiKey is Key for the common case of a name of ASCII letters, digits
// and punctuation only, without Fold's rune-by-rune building; ok is false
// when s holds anything else.
func asciiKey(s string) (k string, ok bool) {
	clean := true // already lower-case letters and digits only
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		default:
			clean = false
		}
	}
	if clean {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b), true
}

// words splits a name into its words at spaces and hyphens.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '‐' || r == '–'
	})
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// digraphs are the letter groups Phonetic reads as one sound, longest
// first, so that "shch" wins over "sh" and "tsch" over "ts".
var digraphs = []struct {
	letters string
	code    byte
}{
	{"shch", 'S'}, {"szcz", 'S'}, {"tsch", 'C'}, {"sch", 'S'}, {"tch", 'C'},
	{"ch", 'C'}, {"cz", 'C'}, {"kh", 'H'}, {"gh", 'H'},
	{"ts", 'S'}, {"tz", 'S'}, {"dz", 'S'}, {"sh", 'S'}, {"zh", 'S'}, {"sz", 'S'},
	{"ph", 'F'}, {"ck", 'K'}, {"ng", 'N'},
}

// matchDigraph returns the digraph rest starts with, or false.
func matchDigraph(rest string) (letters string, code byte, ok bool) {
	for _, d := range digraphs {
		if strings.HasPrefix(rest, d.letters) {
			return d.letters, d.code, true
		}
	}
	return "", 0, false
}

// Phonetic returns a sound key for a Latin-script name, built for the ways
// East Slavic names get spelled in English, German, Polish and French, and
// for Chinese transcriptions read out syllable by syllable. Vowels are
// dropped (an initial vowel, y or j is kept as "A"); kh, h, g and gh merge; sibilants
// (s, z, sh, zh, sch, shch, x, ts) merge; b/p, d/t and v/f/w merge; ch, tsch,
// cz and pinyin q merge; repeated sounds collapse. So "Kharkiv", "Kharkov",
// "Harkov" and the pinyin "Haerkefu" share the key "HRKF", and "Luhansk",
// "Lugansk" and "Lugansike" share "LHNSK".
func Phonetic(s string) string {
	k := Key(s)
	var out []byte
	emit := func(c byte) {
		if len(out) == 0 || out[len(out)-1] != c {
			out = append(out, c)
		}
	}
	isVowel := func(c byte) bool { return strings.IndexByte("aeiouyj", c) >= 0 }
	for i := 0; i < len(k); {
		c := k[i]
		if c >= utf8.RuneSelf || !(c >= 'a' && c <= 'z') {
			i++ // digits and non-Latin letters carry no sound here
			continue
		}
		if letters, code, ok := matchDigraph(k[i:]); ok {
			emit(code) // no digraph starts with a vowel, so the initial-vowel rule never competes
			i += len(letters)
			continue
		}
		switch {
		case i == 0 && isVowel(c):
			emit('A') // an initial vowel or y/j: "Evpatoria" ~ "Yevpatoriia"
			i++
		case c == 'c':
			if i+1 < len(k) && strings.IndexByte("eiy", k[i+1]) >= 0 {
				emit('S')
			} else {
				emit('K')
			}
			i++
		default:
			i++
			switch c {
			case 'h', 'g':
				emit('H')
			case 'k':
				emit('K')
			case 'q':
				emit('C')
			case 's', 'z', 'x':
				emit('S')
			case 'b', 'p':
				emit('P')
			case 'd', 't':
				emit('T')
			case 'v', 'f', 'w':
				emit('F')
			case 'l':
				emit('L')
			case 'r':
				emit('R')
			case 'm':
				emit('M')
			case 'n':
				emit('N')
			default:
				// vowels and semivowels (a e i o u y j) are dropped; a
				// vowel between two equal consonants still separates
				// them ("Kakhovka" keeps K-H-F-K), so mark the gap.
				if len(out) > 0 && out[len(out)-1] != '.' {
					out = append(out, '.')
				}
			}
		}
	}
	// Drop the vowel markers: they only served to keep "k-a-k" from
	// collapsing into one K.
	res := out[:0]
	for _, c := range out {
		if c != '.' {
			res = append(res, c)
		}
	}
	return string(res)
}
