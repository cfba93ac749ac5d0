// Package textin tells text from what is not: the checks every reader of
// transcheck's input (the root package's documents, align's coverage
// files) makes before it segments anything.
package textin

import (
	"bytes"
	"unicode/utf8"
)

// FirstNUL returns the offset of the first NUL byte in b, or -1. Text files
// have none; binary files nearly always do.
func FirstNUL(b []byte) int { return bytes.IndexByte(b, 0) }

// FirstInvalid returns the offset of the first byte of b that is not valid
// UTF-8, or -1 when b is valid UTF-8.
func FirstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// LooksBinary reports whether many of the first 8 KB of b are control
// bytes or invalid UTF-8, as in an image or an executable.
func LooksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	bad := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			bad++
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		i += n
	}
	return bad*10 > len(b)
}
