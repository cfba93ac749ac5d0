package textin

import (
	"bytes"
	"encoding/binary"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Encoding names a Unicode encoding that a file announces with its
// byte-order mark.
type Encoding string

// The encodings Sniff recognizes. UTF-8 is named only when the file starts
// with its BOM; a file with no BOM is read as UTF-8 and Sniff returns "".
const (
	UTF8    Encoding = "UTF-8"
	UTF16LE Encoding = "UTF-16LE"
	UTF16BE Encoding = "UTF-16BE"
	UTF32LE Encoding = "UTF-32LE"
	UTF32BE Encoding = "UTF-32BE"
)

// Sniff returns the encoding whose byte-order mark b starts with, or ""
// when b starts with none. UTF-32LE's mark starts with UTF-16LE's; Sniff
// takes the longer one.
func Sniff(b []byte) Encoding {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		return UTF32LE
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return UTF32BE
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return UTF16LE
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return UTF16BE
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8
	}
	return ""
}

// UnitSize returns the size in bytes of one code unit of e: 2 for UTF-16,
// 4 for UTF-32 and 1 otherwise.
func (e Encoding) UnitSize() int {
	switch e {
	case UTF16LE, UTF16BE:
		return 2
	case UTF32LE, UTF32BE:
		return 4
	}
	return 1
}

func (e Encoding) order() binary.ByteOrder {
	if e == UTF16BE || e == UTF32BE {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

func (e Encoding) codec() encoding.Encoding {
	switch e {
	case UTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case UTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case UTF32LE:
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)
	case UTF32BE:
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)
	}
	return nil
}

// Decode converts b, UTF-16 or UTF-32 text in encoding e (as Sniff names
// it), to UTF-8. The byte-order mark is kept, as the character U+FEFF, so
// that positions map back to the file exactly: the character that starts
// at UTF-8 offset i of the result starts at byte 2×(UTF-16 code units
// before i) of a UTF-16 file, and at 4×(code points before i) of a UTF-32
// file.
//
// bad is the byte offset in b of the first code unit that is not valid
// (an unpaired surrogate, a value past U+10FFFF, a truncated unit at the
// end), or -1; when bad ≥ 0, out is nil. For any other e, Decode returns b
// unchanged.
func Decode(b []byte, e Encoding) (out []byte, bad int) {
	size := e.UnitSize()
	if size == 1 {
		return b, -1
	}
	if bad := firstInvalidUnit(b, e); bad >= 0 {
		return nil, bad
	}
	out, err := e.codec().NewDecoder().Bytes(b)
	if err != nil { // not reached: the units were checked above
		return nil, 0
	}
	return out, -1
}

// firstInvalidUnit returns the byte offset of the first invalid code unit
// of b in e, or -1.
func firstInvalidUnit(b []byte, e Encoding) int {
	size, order := e.UnitSize(), e.order()
	n := len(b) - len(b)%size
	if size == 4 {
		for i := 0; i < n; i += 4 {
			r := order.Uint32(b[i:])
			if r > 0x10FFFF || (r >= 0xD800 && r < 0xE000) {
				return i
			}
		}
	} else {
		for i := 0; i < n; i += 2 {
			u := rune(order.Uint16(b[i:]))
			if !utf16.IsSurrogate(u) {
				continue
			}
			if u >= 0xDC00 || i+2 >= n {
				return i // a low surrogate first, or a high one at the end
			}
			if next := rune(order.Uint16(b[i+2:])); next < 0xDC00 || next >= 0xE000 {
				return i
			}
			i += 2
		}
	}
	if n < len(b) {
		return n
	}
	return -1
}

// LooksUTF16 reports whether b, which has no byte-order mark, looks like
// UTF-16 text: NUL bytes at every other position in its first 512 bytes,
// as Latin text in UTF-16 has. It names the problem for a file that would
// otherwise be called binary.
func LooksUTF16(b []byte) bool {
	if len(b) > 512 {
		b = b[:512]
	}
	if len(b) < 4 {
		return false
	}
	var nul [2]int
	for i, c := range b {
		if c == 0 {
			nul[i%2]++
		}
	}
	half := len(b) / 2
	return (nul[0]*10 >= half*8 && nul[1] == 0) || (nul[1]*10 >= half*8 && nul[0] == 0)
}
