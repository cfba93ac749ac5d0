package segment

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestFindQuotesSkipsAsEveryRune checks findQuotes, which skips the bytes
// that start no mark, against a scan that decodes every rune, on random
// texts of marks, letters, spaces, newlines and invalid UTF-8.
func TestFindQuotesSkipsAsEveryRune(t *testing.T) {
	pieces := []string{"“", "”", "«", "»", "„", "‘", "’", "\"", "\n", " ", "a", "s", "Ü", "é", "中", "’s", "don’t",
		"\xe2", "\xe2\x80", "\xc2", "\x80", "\xff", "€", "—", ".", "1"}
	r := rand.New(rand.NewPCG(1, 2))
	quotes := 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		want := findQuotesEveryRune(text)
		quotes += len(want)
		assert.Equal(t, want, findQuotes(text), "%q", text)
	}
	assert.Greater(t, quotes, 1000)
}

// findQuotesEveryRune is findQuotes decoding every rune, for reference.
func findQuotesEveryRune(text string) []Quote {
	var out []Quote
	type open struct {
		at   int // offset of the opening mark
		size int
		kind rune
	}
	var stack []open
	closeAt := func(k int, end, markLen int) {
		o := stack[k]
		out = append(out, Quote{
			Span:  Span{o.at, end + markLen},
			Inner: Span{o.at + o.size, end},
		})
		stack = stack[:k]
	}
	find := func(kind rune) int {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].kind == kind {
				return k
			}
		}
		return -1
	}
	flushParagraph := func(at int) {
		// Straight and single quotes do not run across paragraphs. A curly
		// double quote left open runs on: it closes here, and the next
		// paragraph's opening mark starts a new quotation.
		for k := len(stack) - 1; k >= 0; k-- {
			end := trimSpan(text, Span{stack[k].at, at}).End
			closeAt(k, end, 0)
		}
	}
	var prev rune
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		next, _ := utf8.DecodeRuneInString(text[i+n:])
		if i+n >= len(text) {
			next = 0
		}
		switch r {
		case '\n':
			flushParagraph(i)
		case '“', '«', '„':
			stack = append(stack, open{i, n, '“'})
		case '”', '»':
			if k := find('“'); k >= 0 {
				closeAt(k, i, n)
			}
		case '‘':
			stack = append(stack, open{i, n, '‘'})
		case '’':
			if unicode.IsLetter(prev) && unicode.IsLetter(next) {
				break // apostrophe: doesn’t
			}
			if k := find('‘'); k >= 0 {
				closeAt(k, i, n)
			}
		case '"':
			if k := find('"'); k >= 0 && !(isWordRuneOrZero(next) && !isWordRuneOrZero(prev)) {
				closeAt(k, i, n)
			} else if !unicode.IsLetter(prev) || prev == 0 {
				stack = append(stack, open{i, n, '"'})
			}
		}
		prev = r
		i += n
	}
	flushParagraph(len(text))
	sortQuotes(out)
	return out
}
