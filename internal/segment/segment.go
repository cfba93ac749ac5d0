// Package segment splits plain text into paragraphs, sentences and tokens,
// each with half-open byte spans into the text as read.
//
// It is the single segmentation shared by every transcheck package: the
// language detector, the aligner and the place-name checks all see the same
// sentences and the same tokens, so a span found by one lines up with a span
// found by another.
//
// The text is never modified. A UTF-8 byte order mark and carriage returns are
// treated as white space, so offsets stay right for files with a BOM and CRLF
// line ends. Abbreviations such as "U.S.", "Nov. 28", "Mr." and initials do not
// end a sentence; a closing quotation mark or bracket after a full stop stays
// with its sentence. A full stop followed by a lower-case word does end one:
// machine translation leaves such broken boundaries, and the detectors must
// see them.
package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of byte offsets into a text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Kind classifies a token.
type Kind uint8

// The token kinds.
const (
	// Word is a run of letters, possibly with digits, marks and inner
	// apostrophes, hyphens or dots ("Putin’s", "decision-making", "U.S.",
	// "Covid-19", "TheWeek.com").
	Word Kind = iota + 1
	// Number is a token that starts with a digit ("300,000", "2014", "23rd").
	Number
	// Punct is a single punctuation rune, or an ellipsis written as dots.
	Punct
	// Symbol is any other visible rune (currency signs, emoji, …).
	Symbol
)

// String returns the kind's name.
func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Symbol:
		return "symbol"
	}
	return "invalid"
}

// Token is one word, number, punctuation mark or symbol.
type Token struct {
	Span
	// Text is the token exactly as it stands in the document.
	Text string
	// Norm is Text in lower case with typographic apostrophes and hyphens
	// folded to ASCII; it is what lexicons and indexes should compare.
	Norm string
	Kind Kind
}

// IsWord reports whether the token is a word.
func (t Token) IsWord() bool { return t.Kind == Word }

// IsCapitalized reports whether the token starts with an upper-case letter.
func (t Token) IsCapitalized() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// IsLower reports whether the token starts with a lower-case letter.
func (t Token) IsLower() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r)
}

// Sentence is one sentence, or one heading line.
type Sentence struct {
	Span
	// Index is the sentence's position in Document.Sentences.
	Index int
	// Paragraph is the index of the paragraph that holds the sentence.
	Paragraph int
	// Tokens are the sentence's tokens, a sub-slice of Document.Tokens.
	Tokens []Token
	// FirstToken is the index in Document.Tokens of Tokens[0].
	FirstToken int
	// Heading is true for a short paragraph of one sentence with no
	// terminal punctuation, such as a title or a section heading.
	Heading bool
}

// Words returns the sentence's word and number tokens, in order.
func (s Sentence) Words() []Token {
	out := make([]Token, 0, len(s.Tokens))
	for _, t := range s.Tokens {
		if t.Kind == Word || t.Kind == Number {
			out = append(out, t)
		}
	}
	return out
}

// Paragraph is a block of text separated from its neighbours by a line
// break. Sentences never cross a paragraph boundary.
type Paragraph struct {
	Span
	// First and End delimit the paragraph's sentences in
	// Document.Sentences: [First, End).
	First, End int
}

// Quote is a quotation: the text between a pair of quotation marks.
type Quote struct {
	// Span covers the quotation marks and what they enclose.
	Span
	// Inner covers what the marks enclose.
	Inner Span
}

// Document is a segmented text. It is read-only after Split returns and so
// safe to share between goroutines.
type Document struct {
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
	Quotes     []Quote
}

// Slice returns the text a span covers.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// SentenceAt returns the index of the sentence that contains byte offset off,
// or -1 if the offset lies between sentences.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// Split segments text. It accepts any string; invalid UTF-8 bytes become
// Symbol tokens of their own, so no byte is lost, but callers should reject
// invalid input before they get here.
func Split(text string) *Document {
	d := &Document{Text: text}
	d.Tokens = tokenize(text)
	d.splitParagraphs()
	d.Quotes = findQuotes(text)
	return d
}

// isSpace reports whether r separates tokens. The byte order mark counts as
// space so that files that start with one keep their offsets.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// lineBreaks returns the paragraphs' spans: each non-blank line is a
// paragraph, except that a hard-wrapped line (no terminal punctuation,
// followed by a line that starts in lower case) continues on the next line.
func paragraphSpans(text string) []Span {
	var lines []Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			s := trimSpan(text, Span{start, i})
			if s.Len() > 0 {
				lines = append(lines, s)
			}
			start = i + 1
		}
	}
	var out []Span
	for i := 0; i < len(lines); i++ {
		cur := lines[i]
		for i+1 < len(lines) && hardWrapped(text, cur, lines[i+1]) {
			cur.End = lines[i+1].End
			i++
		}
		out = append(out, cur)
	}
	return out
}

// hardWrapped reports whether line b continues line a: a does not end a
// sentence and b starts with a lower-case letter, and only one line break
// lies between them.
func hardWrapped(text string, a, b Span) bool {
	if strings.Count(text[a.End:b.Start], "\n") != 1 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[a.Start:a.End])
	if strings.ContainsRune(".!?…:;\"”’)]", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[b.Start:b.End])
	return unicode.IsLower(first)
}

func trimSpan(text string, s Span) Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !isSpace(r) {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !isSpace(r) {
			break
		}
		s.End -= n
	}
	return s
}
