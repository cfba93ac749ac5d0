package report

import (
	"sort"
	"unicode/utf8"
)

// Locator converts byte offsets in one text to the other units editors and
// their tools count in: Unicode code points, UTF-16 code units, and 1-based
// lines and columns. It is the one place transcheck converts positions.
//
// A line ends after "\n"; a "\r" before it belongs to the line it ends, so
// columns stay right for CRLF files. Offsets inside a multi-byte character
// count as that character's start. A Locator is read-only after NewLocator
// and safe for concurrent use.
type Locator struct {
	text  string
	lines []int // byte offset at which each line starts
}

// NewLocator returns a Locator for text.
func NewLocator(text string) *Locator {
	l := &Locator{text: text, lines: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			l.lines = append(l.lines, i+1)
		}
	}
	return l
}

// Text returns the text the Locator was made for.
func (l *Locator) Text() string { return l.text }

// Clamp limits off to [0, len(text)] and moves it back to the start of the
// character it falls in. Characters are counted as Go's range loop counts
// them: a byte that starts no valid UTF-8 sequence is a character of its
// own (U+FFFD), so every offset Clamp returns is one a range loop visits.
func (l *Locator) Clamp(off int) int { return l.clamp(off) }

func (l *Locator) clamp(off int) int {
	if off <= 0 {
		return 0
	}
	if off >= len(l.text) {
		return len(l.text)
	}
	if utf8.RuneStart(l.text[off]) {
		return off
	}
	// off is a continuation byte: it belongs to the character that starts
	// at most three bytes back, if that sequence is valid and reaches it.
	for back := off - 1; back >= 0 && off-back < utf8.UTFMax; back-- {
		if utf8.RuneStart(l.text[back]) {
			if _, w := utf8.DecodeRuneInString(l.text[back:]); back+w > off {
				return back
			}
			break
		}
	}
	return off
}

// LineColumn returns the 1-based line and the 1-based column, in code
// points, of byte offset off.
func (l *Locator) LineColumn(off int) (line, column int) {
	off = l.clamp(off)
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off }) - 1
	return i + 1, utf8.RuneCountInString(l.text[l.lines[i]:off]) + 1
}

// LineColumnUTF16 returns the 1-based line and the 1-based column, in
// UTF-16 code units, of byte offset off.
func (l *Locator) LineColumnUTF16(off int) (line, column int) {
	off = l.clamp(off)
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off }) - 1
	return i + 1, utf16Len(l.text[l.lines[i]:off]) + 1
}

// LineColumnBytes returns the 1-based line and the 1-based column, in
// bytes, of byte offset off.
func (l *Locator) LineColumnBytes(off int) (line, column int) {
	off = l.clamp(off)
	i := sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off }) - 1
	return i + 1, off - l.lines[i] + 1
}

// Runes returns the number of code points before byte offset off.
func (l *Locator) Runes(off int) int {
	return utf8.RuneCountInString(l.text[:l.clamp(off)])
}

// UTF16 returns the number of UTF-16 code units before byte offset off.
func (l *Locator) UTF16(off int) int {
	return utf16Len(l.text[:l.clamp(off)])
}

// ByteFromUTF16 returns the byte offset of the character that starts at
// UTF-16 offset u (or contains it, for half a surrogate pair). Offsets past
// the end give len(text).
func (l *Locator) ByteFromUTF16(u int) int {
	n := 0
	for i, r := range l.text {
		if n >= u {
			return i
		}
		n += runeUTF16(r)
		if n > u {
			return i
		}
	}
	return len(l.text)
}

// ByteFromRunes returns the byte offset of code point number r.
func (l *Locator) ByteFromRunes(r int) int {
	n := 0
	for i := range l.text {
		if n == r {
			return i
		}
		n++
	}
	return len(l.text)
}

// Lines returns the number of lines in the text: one more than the number
// of "\n" in it.
func (l *Locator) Lines() int { return len(l.lines) }

// ByteFromLineColumn returns the byte offset of 1-based line and column (in
// code points), the inverse of LineColumn. A line or column out of range is
// limited to the nearest position that exists: before line 1 is offset 0,
// past the last line is len(text), and past the end of a line is the offset
// of its "\n".
func (l *Locator) ByteFromLineColumn(line, column int) int {
	if line < 1 {
		return 0
	}
	if line > len(l.lines) {
		return len(l.text)
	}
	start, end := l.lines[line-1], len(l.text)
	if line < len(l.lines) {
		end = l.lines[line] - 1 // the "\n"
	}
	n := 1
	for i := range l.text[start:end] {
		if n >= column {
			return start + i
		}
		n++
	}
	return end
}

// Span returns the report span of bytes [start, end), with its line and
// column filled in.
func (l *Locator) Span(start, end int) Span {
	s := Span{Start: l.clamp(start), End: l.clamp(end)}
	if s.End < s.Start {
		s.End = s.Start
	}
	s.Line, s.Column = l.LineColumn(s.Start)
	s.EndLine, s.EndColumn = l.LineColumn(s.End)
	return s
}

func runeUTF16(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += runeUTF16(r)
	}
	return n
}
