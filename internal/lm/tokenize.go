package lm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word, number or punctuation mark of a text, with its byte
// offsets in the text given to Tokenize.
type Token struct {
	// Text is the token as the model sees it: typography normalized,
	// lower-cased, every digit replaced by 0.
	Text string
	// Start and End are byte offsets of the token in the original text.
	Start, End int
}

// typography maps characters whose form varies between publishers (curly
// and straight quotes, dash widths, special spaces) to one form, so that no
// model learns a publisher's typography instead of its language.
var typography = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '`': "'", '\u00B4': "'",
	'\u201C': "\"", '\u201D': "\"", '\u201E': "\"", '\u201F': "\"", '\u00AB': "\"", '\u00BB': "\"",
	'\u2033': "\"", '\u2039': "'", '\u203A': "'",
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-", '\u2015': "-", '\u2212': "-",
	'\u2026': "...",
	'\u00A0': " ", '\u2002': " ", '\u2003': " ", '\u2009': " ", '\u200A': " ", '\u202F': " ", '\u3000': " ",
	'\u200B': "", '\u00AD': "", '\uFEFF': "",
}

// Normalize returns s with typography made uniform: curly quotes, guillemets
// and primes become straight quotes, every dash a hyphen, the ellipsis
// character three full stops, special spaces a space, runs of white space one
// space, and "”" or "“" a double quote. It does not change letters.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if t, ok := typography[r]; ok {
			if t == " " {
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(t)
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := b.String()
	if strings.Contains(out, "''") {
		out = strings.ReplaceAll(out, "''", "\"")
	}
	return out
}

// Tokenize splits text into tokens: runs of letters and digits (with
// apostrophes, hyphens and full stops inside them kept when a letter or
// digit follows), and each other visible character alone. Typography is
// normalized per token, so offsets point into text as given.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == '\u00AD' || r == '\u200B' || r == '\uFEFF' {
			i += n
			continue
		}
		start := i
		if isWord(r) {
			i += n
			for i < len(text) {
				r, n := utf8.DecodeRuneInString(text[i:])
				if isWord(r) {
					i += n
					continue
				}
				if isJoiner(r) && i+n < len(text) {
					r2, _ := utf8.DecodeRuneInString(text[i+n:])
					if isWord(r2) {
						i += n
						continue
					}
				}
				break
			}
		} else {
			i += n
		}
		toks = append(toks, Token{Text: fold(text[start:i]), Start: start, End: i})
	}
	return toks
}

// Words returns the Text of each token of text, the form Surprisal takes.
func Words(text string) []string {
	toks := Tokenize(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isJoiner(r rune) bool {
	switch r {
	case '\'', '-', '.', '\u2019', '\u2010', '\u2011':
		return true
	}
	return false
}

// fold normalizes one token: typography, lower case, digits to 0.
func fold(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= '1' && c <= '9') || c == '`' {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if t, ok := typography[r]; ok {
			b.WriteString(t)
			continue
		}
		if unicode.IsDigit(r) {
			b.WriteByte('0')
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
