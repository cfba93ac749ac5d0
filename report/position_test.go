package report

import (
	"fmt"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tricky mixes the characters positions go wrong on: a thumbs-up with a
// skin-tone modifier (two code points, four UTF-16 units), a flag (two
// regional indicators), e + U+0301, CJK, and CRLF line ends.
const tricky = "Ok 👍🏽 and 🇺🇦.\r\ncafe\u0301 西乌 said\r\n\r\nend\n"

func TestLocatorConversions(t *testing.T) {
	l := NewLocator(tricky)
	tests := []struct {
		name       string
		sub        string // the first occurrence of sub is the offset
		runes      int
		utf16      int
		line, col  int
		col16      int
		colBytes   int
		wantOffset int
	}{
		{name: "start", sub: "Ok", runes: 0, utf16: 0, line: 1, col: 1, col16: 1, colBytes: 1, wantOffset: 0},
		{name: "after emoji with modifier", sub: " and", runes: 5, utf16: 7, line: 1, col: 6, col16: 8, colBytes: 12, wantOffset: 11},
		{name: "after flag", sub: ".\r\n", runes: 12, utf16: 16, line: 1, col: 13, col16: 17, colBytes: 25, wantOffset: 24},
		{name: "carriage return is on its line", sub: "\r\ncafe", runes: 13, utf16: 17, line: 1, col: 14, col16: 18, colBytes: 26, wantOffset: 25},
		{name: "line 2", sub: "cafe", runes: 15, utf16: 19, line: 2, col: 1, col16: 1, colBytes: 1, wantOffset: 27},
		{name: "combining mark counts as a code point", sub: " 西", runes: 20, utf16: 24, line: 2, col: 6, col16: 6, colBytes: 7, wantOffset: 33},
		{name: "CJK", sub: "乌", runes: 22, utf16: 26, line: 2, col: 8, col16: 8, colBytes: 11, wantOffset: 37},
		{name: "after CJK", sub: " said", runes: 23, utf16: 27, line: 2, col: 9, col16: 9, colBytes: 14, wantOffset: 40},
		{name: "empty line", sub: "\r\nend", runes: 30, utf16: 34, line: 3, col: 1, col16: 1, colBytes: 1, wantOffset: 47},
		{name: "last line", sub: "end", runes: 32, utf16: 36, line: 4, col: 1, col16: 1, colBytes: 1, wantOffset: 49},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := indexOf(t, tricky, tt.sub)
			require.Equal(t, tt.wantOffset, off)
			assert.Equal(t, tt.runes, l.Runes(off), "runes")
			assert.Equal(t, tt.utf16, l.UTF16(off), "utf16")
			line, col := l.LineColumn(off)
			assert.Equal(t, []int{tt.line, tt.col}, []int{line, col}, "line, column")
			line, col = l.LineColumnUTF16(off)
			assert.Equal(t, []int{tt.line, tt.col16}, []int{line, col}, "line, UTF-16 column")
			line, col = l.LineColumnBytes(off)
			assert.Equal(t, []int{tt.line, tt.colBytes}, []int{line, col}, "line, byte column")
			assert.Equal(t, off, l.ByteFromRunes(tt.runes), "from runes")
			assert.Equal(t, off, l.ByteFromUTF16(tt.utf16), "from UTF-16")
			assert.Equal(t, off, l.ByteFromLineColumn(tt.line, tt.col), "from line, column")
		})
	}
}

func TestLocatorUTF16MatchesEncoding(t *testing.T) {
	// The UTF-16 offset of every character must be what a JavaScript
	// editor counts: the length of the UTF-16 encoding of what precedes it.
	l := NewLocator(tricky)
	for off := range tricky {
		want := len(utf16.Encode([]rune(tricky[:off])))
		assert.Equal(t, want, l.UTF16(off), "offset %d", off)
	}
	assert.Equal(t, len(utf16.Encode([]rune(tricky))), l.UTF16(len(tricky)))
}

func TestLocatorClamp(t *testing.T) {
	text := "a👍b\xe4\xb9x\x80"
	l := NewLocator(text)
	tests := []struct {
		off, want int
	}{
		{-5, 0},
		{0, 0},
		{2, 1},   // inside the emoji
		{4, 1},   // last byte of the emoji
		{5, 5},   // b
		{6, 6},   // a truncated sequence's first byte is a character
		{7, 7},   // and so is its stray continuation byte
		{9, 9},   // a lone continuation byte at the end
		{10, 10}, // len(text)
		{99, 10},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.off), func(t *testing.T) {
			assert.Equal(t, tt.want, l.Clamp(tt.off))
		})
	}
}

func TestLocatorSpan(t *testing.T) {
	l := NewLocator(tricky)
	start := indexOf(t, tricky, "cafe")
	end := indexOf(t, tricky, "end")
	s := l.Span(start, end)
	assert.Equal(t, Span{Start: start, End: end, Line: 2, Column: 1, EndLine: 4, EndColumn: 1}, s)

	// Reversed and out-of-range spans are repaired, never a panic.
	s = l.Span(end, start)
	assert.Equal(t, end, s.Start)
	assert.Equal(t, end, s.End)
	s = l.Span(-3, 1<<20)
	assert.Equal(t, Span{Start: 0, End: len(tricky), Line: 1, Column: 1, EndLine: 5, EndColumn: 1}, s)
	// An offset inside the emoji falls back to its start.
	s = l.Span(4, 6)
	assert.Equal(t, 3, s.Start)
	assert.Equal(t, 3, s.End)
}

func TestLocatorByteFromLineColumnLimits(t *testing.T) {
	l := NewLocator(tricky)
	require.Equal(t, 5, l.Lines())
	tests := []struct {
		name         string
		line, column int
		want         int
	}{
		{"before line 1", 0, 4, 0},
		{"past the last line", 9, 1, len(tricky)},
		{"past the end of a CRLF line", 1, 99, indexOf(t, tricky, "\ncafe")},
		{"empty last line", 5, 1, len(tricky)},
		{"column 0 is the line start", 2, 0, indexOf(t, tricky, "cafe")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, l.ByteFromLineColumn(tt.line, tt.column))
		})
	}
}

func FuzzLocator(f *testing.F) {
	for _, s := range []string{
		"",
		tricky,
		"👍🏽🇺🇦",
		"e\u0301e\u0301\r\n",
		"乌南 and 乌东\r\n\r\n",
		"\r\n\n\r",
		"a\xe4\xb9\x80b\xff",
		"Ukrainian \"quote\" <script>alert(1)</script>\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 512 {
			text = text[:512] // every offset is checked, at O(len) each
		}
		l := NewLocator(text)
		prevLine, prevCol, prevRunes, prevUTF16 := 1, 0, -1, -1
		for off := 0; off <= len(text); off++ {
			c := l.Clamp(off)
			if c != off {
				// Offsets inside a character map to its start.
				if c > off || off-c >= utf8.UTFMax {
					t.Fatalf("Clamp(%d) = %d", off, c)
				}
				continue
			}
			// Round trips.
			r, u := l.Runes(off), l.UTF16(off)
			if got := l.ByteFromRunes(r); got != off {
				t.Fatalf("ByteFromRunes(Runes(%d)=%d) = %d", off, r, got)
			}
			if got := l.ByteFromUTF16(u); got != off {
				t.Fatalf("ByteFromUTF16(UTF16(%d)=%d) = %d", off, u, got)
			}
			line, col := l.LineColumn(off)
			if got := l.ByteFromLineColumn(line, col); got != off {
				t.Fatalf("ByteFromLineColumn(LineColumn(%d)=%d:%d) = %d", off, line, col, got)
			}
			// Monotone: each character moves every count forward.
			if r <= prevRunes || u <= prevUTF16 {
				t.Fatalf("offset %d: runes %d (before %d), utf16 %d (before %d)", off, r, prevRunes, u, prevUTF16)
			}
			if line < prevLine || (line == prevLine && col <= prevCol) {
				t.Fatalf("offset %d: %d:%d after %d:%d", off, line, col, prevLine, prevCol)
			}
			// The three column kinds agree on the line and on the line's start.
			l16, c16 := l.LineColumnUTF16(off)
			lb, cb := l.LineColumnBytes(off)
			if l16 != line || lb != line {
				t.Fatalf("offset %d: lines %d %d %d", off, line, l16, lb)
			}
			if (col == 1) != (c16 == 1) || (col == 1) != (cb == 1) || c16 < col || cb < c16 {
				t.Fatalf("offset %d: columns %d %d %d", off, col, c16, cb)
			}
			prevLine, prevCol, prevRunes, prevUTF16 = line, col, r, u
		}
		if l.Lines() != 1+countByte(text, '\n') {
			t.Fatalf("Lines() = %d", l.Lines())
		}
	})
}

func countByte(s string, b byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			n++
		}
	}
	return n
}

func indexOf(t testing.TB, text, sub string) int {
	t.Helper()
	for i := 0; i+len(sub) <= len(text); i++ {
		if text[i:i+len(sub)] == sub {
			return i
		}
	}
	t.Fatalf("%q not in text", sub)
	return -1
}

func ExampleLocator() {
	text := "Kyiv 👍🏽\r\n乌南 fell"
	l := NewLocator(text)
	off := len("Kyiv 👍🏽\r\n乌南 ") // the byte offset of "fell"
	line, col := l.LineColumn(off)
	_, col16 := l.LineColumnUTF16(off)
	_, colBytes := l.LineColumnBytes(off)
	fmt.Println("byte", off, "code point", l.Runes(off), "UTF-16", l.UTF16(off))
	fmt.Printf("line %d, column %d (UTF-16 %d, bytes %d)\n", line, col, col16, colBytes)
	// Output:
	// byte 22 code point 12 UTF-16 14
	// line 2, column 4 (UTF-16 4, bytes 8)
}
