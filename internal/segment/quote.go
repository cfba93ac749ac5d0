package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findQuotes returns the quotations in text, in order of their opening
// marks. Curly double quotes pair across paragraphs (a quotation that runs
// on into the next paragraph in news style); straight double quotes and
// single curly quotes pair within a paragraph. An apostrophe (’ between
// letters, or after an s) is never taken for a quotation mark. A quotation
// left open at the end of its paragraph closes there.
func findQuotes(text string) []Quote {
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
		// Skip to the next byte that may start a mark; prev is then the
		// rune before it, as decoding every rune would have left it.
		j := i
		for j < len(text) && !markLead[text[j]] {
			j++
		}
		if j == len(text) {
			break
		}
		if j > i {
			prev, _ = utf8.DecodeLastRuneInString(text[:j])
			i = j
		}
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

// markLead marks the bytes that may start a mark findQuotes acts on: a
// newline, a straight double quote, and the lead bytes of « and » (0xC2)
// and of the curly quotes and „ (0xE2).
var markLead = [256]bool{'\n': true, '"': true, 0xC2: true, 0xE2: true}

func isWordRuneOrZero(r rune) bool { return r != 0 && isWordRune(r) }

// sortQuotes orders quotations by start offset (insertion sort: the list is
// nearly sorted already, only nested quotations close out of order).
func sortQuotes(q []Quote) {
	for i := 1; i < len(q); i++ {
		for j := i; j > 0 && q[j].Start < q[j-1].Start; j-- {
			q[j], q[j-1] = q[j-1], q[j]
		}
	}
}

// Nested returns s with its double quotation marks made single (“ and ”
// become ‘ and ’, and a straight " becomes ‘ or ’ by its place), so that
// s can stand inside double quotation marks in a message, as English
// nests quotations: “British ‘Guardian’”, never “British “Guardian””.
func Nested(s string) string {
	if !strings.ContainsAny(s, "\"“”") {
		return s
	}
	var b strings.Builder
	prev := rune(0)
	for _, r := range s {
		switch r {
		case '“':
			b.WriteRune('‘')
		case '”':
			b.WriteRune('’')
		case '"':
			if prev == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{‘“", prev) {
				b.WriteRune('‘')
			} else {
				b.WriteRune('’')
			}
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}
