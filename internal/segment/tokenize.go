package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// joiners may stand inside a word when a letter or digit follows them.
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑', '_':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// tokenize splits text into tokens. Every byte that is not white space
// belongs to exactly one token.
func tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			toks = append(toks, mk(text, i, i+1, Symbol))
			i++
		case isSpace(r):
			i += n
		case unicode.IsDigit(r):
			end := scanWord(text, i, true)
			toks = append(toks, mk(text, i, end, Number))
			i = end
		case isWordRune(r):
			end := scanWord(text, i, false)
			toks = append(toks, mk(text, i, end, Word))
			i = end
		case r == '.' && strings.HasPrefix(text[i:], "..."):
			end := i
			for end < len(text) && text[end] == '.' {
				end++
			}
			toks = append(toks, mk(text, i, end, Punct))
			i = end
		case unicode.IsPunct(r):
			toks = append(toks, mk(text, i, i+n, Punct))
			i += n
		default:
			toks = append(toks, mk(text, i, i+n, Symbol))
			i += n
		}
	}
	return toks
}

// scanWord returns the end of the word or number that starts at i.
func scanWord(text string, i int, number bool) int {
	start := i
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+n:])
		if i+n >= len(text) {
			next = 0
		}
		switch {
		case isJoiner(r) && isWordRune(next):
			i += n
			continue
		case number && (r == ',' || r == '.' || r == ':') && unicode.IsDigit(next):
			// 300,000 · 12.5 · 10:30
			i += n
			continue
		case !number && r == '.':
			// U.S. · e.g. · TheWeek.com
			if end, ok := dotted(text, start, i); ok {
				return end
			}
			if isLetter(next) && i > start {
				i += n
				continue
			}
		}
		break
	}
	return i
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }

// dotted recognizes an abbreviation of single letters each followed by a
// dot ("U.S.", "e.g.", "U.K.") whose first part is text[start:dot]. It
// returns the end of the abbreviation, including its last dot.
func dotted(text string, start, dot int) (int, bool) {
	if utf8.RuneCountInString(text[start:dot]) != 1 {
		return 0, false
	}
	i, parts := dot+1, 1
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) || i+n >= len(text) || text[i+n] != '.' {
			break
		}
		// the letter must stand alone: "U.Sx" is not an abbreviation
		i += n + 1
		parts++
	}
	if parts < 2 {
		return 0, false
	}
	if i < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[i:]); isWordRune(r) {
			return 0, false
		}
	}
	return i, true
}

func mk(text string, start, end int, k Kind) Token {
	t := Token{Span: Span{start, end}, Text: text[start:end], Kind: k}
	switch k {
	case Word, Number:
		t.Norm = normalize(t.Text)
	default:
		t.Norm = t.Text
	}
	return t
}

// normalize lower-cases a word and folds typographic apostrophes and
// hyphens, without allocating when the word is plain lower-case ASCII and
// with one allocation otherwise.
func normalize(s string) string {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case 'A' <= r && r <= 'Z':
			b.WriteByte(byte(r) + 'a' - 'A')
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		case r == '‐' || r == '‑':
			b.WriteByte('-')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
