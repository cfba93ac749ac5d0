package textin

import (
	"encoding/binary"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// encode writes s, with a BOM, in e, without using the package under test.
func encode(s string, e Encoding) []byte {
	s = "\uFEFF" + s
	var order binary.AppendByteOrder = binary.LittleEndian
	if e == UTF16BE || e == UTF32BE {
		order = binary.BigEndian
	}
	var out []byte
	for _, r := range s {
		if e.UnitSize() == 4 {
			out = order.AppendUint32(out, uint32(r))
			continue
		}
		for _, u := range utf16.Encode([]rune{r}) {
			out = order.AppendUint16(out, u)
		}
	}
	return out
}

func TestDecodeRoundTripAndOffsets(t *testing.T) {
	const text = "Zürich, 乌南 and 👍 in Łódź.\r\nSecond line."
	for _, e := range []Encoding{UTF16LE, UTF16BE, UTF32LE, UTF32BE} {
		t.Run(string(e), func(t *testing.T) {
			file := encode(text, e)
			require.Equal(t, e, Sniff(file))
			out, bad := Decode(file, e)
			require.Equal(t, -1, bad)
			assert.Equal(t, "\uFEFF"+text, string(out), "the BOM is kept as U+FEFF")
			// Every character's UTF-8 offset maps to its offset in the file
			// by the documented rule.
			units := 0
			for i, r := range string(out) {
				fileOff := e.UnitSize() * units
				if e.UnitSize() == 4 {
					fileOff = 4 * utf8.RuneCountInString(string(out)[:i])
				}
				units += len(utf16.Encode([]rune{r}))
				// The bytes at fileOff decode to r itself.
				var want []byte
				if e.UnitSize() == 4 {
					want = encode(string(r), e)[4:]
				} else {
					want = encode(string(r), e)[2:]
				}
				assert.Equal(t, want, file[fileOff:fileOff+len(want)], "character %q at %d", r, i)
			}
		})
	}
}

func TestDecodeInvalid(t *testing.T) {
	le := func(units ...uint16) []byte {
		var b []byte
		for _, u := range units {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		return b
	}
	tests := []struct {
		name string
		in   []byte
		e    Encoding
		bad  int
	}{
		{"lone low surrogate", le(0xFEFF, 'a', 0xDC00, 'b'), UTF16LE, 4},
		{"high surrogate then letter", le(0xFEFF, 0xD800, 'b'), UTF16LE, 2},
		{"high surrogate at the end", le(0xFEFF, 'a', 0xD83D), UTF16LE, 4},
		{"odd length", append(le(0xFEFF, 'a'), 'b'), UTF16LE, 4},
		{"surrogate pair is fine", le(0xFEFF, 0xD83D, 0xDC4D), UTF16LE, -1},
		{"UTF-32 past U+10FFFF", []byte{0xFF, 0xFE, 0, 0, 0, 0, 0x11, 0}, UTF32LE, 4},
		{"UTF-32 surrogate", []byte{0, 0, 0xFE, 0xFF, 0, 0, 0xD8, 0}, UTF32BE, 4},
		{"UTF-32 truncated", []byte{0xFF, 0xFE, 0, 0, 'a', 0}, UTF32LE, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, bad := Decode(tt.in, tt.e)
			assert.Equal(t, tt.bad, bad)
			if bad >= 0 {
				assert.Nil(t, out)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	assert.Equal(t, UTF8, Sniff([]byte("\xEF\xBB\xBFtext")))
	assert.Equal(t, Encoding(""), Sniff([]byte("text")))
	assert.Equal(t, UTF32LE, Sniff([]byte{0xFF, 0xFE, 0, 0}))
	assert.Equal(t, UTF16LE, Sniff([]byte{0xFF, 0xFE, 'a', 0}))
	assert.Equal(t, UTF16BE, Sniff([]byte{0xFE, 0xFF}))
	assert.Equal(t, UTF32BE, Sniff([]byte{0, 0, 0xFE, 0xFF}))
}

func TestLooksUTF16(t *testing.T) {
	assert.True(t, LooksUTF16(encode("Plain English text.", UTF16LE)[2:]))
	assert.True(t, LooksUTF16(encode("Plain English text.", UTF16BE)[2:]))
	assert.False(t, LooksUTF16([]byte("Plain English text.")))
	assert.False(t, LooksUTF16([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")))
}

// FuzzDecode checks that Decode gives valid UTF-8 or the offset of a bad
// code unit, at a unit boundary inside the input.
func FuzzDecode(f *testing.F) {
	f.Add(encode("Zürich 👍", UTF16LE))
	f.Add(encode("Kyiv", UTF32BE))
	f.Add([]byte{0xFF, 0xFE, 0x00, 0xDC})
	f.Fuzz(func(t *testing.T, b []byte) {
		e := Sniff(b)
		out, bad := Decode(b, e)
		if bad >= 0 {
			if bad >= len(b) || bad%e.UnitSize() != 0 || out != nil {
				t.Fatalf("bad unit at %d of %d bytes (%s)", bad, len(b), e)
			}
			return
		}
		if e.UnitSize() > 1 && !utf8.Valid(out) {
			t.Fatalf("%s decoding is not valid UTF-8", e)
		}
	})
}
