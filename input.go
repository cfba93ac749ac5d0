package transcheck

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/transcheck/transcheck/internal/textin"
)

// DefaultMaxBytes is the largest document Check accepts when
// Options.MaxBytes is zero: 10 MB.
const DefaultMaxBytes = 10 << 20

// The input errors. Check wraps them in an *InputError that names the
// document; test for them with errors.Is.
var (
	// ErrEmpty is returned for a document with no text, or only white space.
	ErrEmpty = errors.New("empty document")
	// ErrBinary is returned for a document that holds NUL bytes or other
	// signs of a binary file.
	ErrBinary = errors.New("binary file, not text")
	// ErrInvalidUTF8 is returned for a document that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrInvalidEncoding is returned for a document whose byte-order mark
	// announces UTF-16 or UTF-32 but whose code units are not valid in it.
	ErrInvalidEncoding = errors.New("invalid UTF-16 or UTF-32")
	// ErrTooLarge is returned for a document over the size limit.
	ErrTooLarge = errors.New("document too large")
)

// InputError reports a document that cannot be checked.
type InputError struct {
	// Path names the document.
	Path string
	// Offset is the byte offset of the problem, or -1 when it has none.
	Offset int
	// Err is one of ErrEmpty, ErrBinary, ErrInvalidUTF8,
	// ErrInvalidEncoding, ErrTooLarge, or the error that reading the
	// document returned.
	Err error
	// Detail says more, such as the size limit.
	Detail string
}

// Error returns "path: problem (detail)".
func (e *InputError) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if e.Offset >= 0 {
		msg += fmt.Sprintf(" at byte %d", e.Offset)
	}
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// validate checks that data is text transcheck can read and returns it as a
// string, with the encoding its byte-order mark announced ("" for none).
//
// UTF-8 text is never altered, so offsets into it are offsets into the
// file: a BOM and CR characters stay and count as white space. UTF-16 and
// UTF-32 text, recognized by its byte-order mark, is decoded to UTF-8 with
// the mark kept as U+FEFF (see textin.Decode): offsets are then offsets
// into that decoding, and a character's offset in the file is 2× its
// UTF-16 offset (UTF-16) or 4× its code-point offset (UTF-32).
func validate(path string, data []byte, max int64) (string, textin.Encoding, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if int64(len(data)) > max {
		return "", "", &InputError{Path: path, Offset: -1, Err: ErrTooLarge,
			Detail: fmt.Sprintf("%d bytes, limit %d", len(data), max)}
	}
	enc := textin.Sniff(data)
	if enc.UnitSize() > 1 {
		out, bad := textin.Decode(data, enc)
		if bad >= 0 {
			return "", "", &InputError{Path: path, Offset: bad, Err: ErrInvalidEncoding,
				Detail: "the byte-order mark says " + string(enc)}
		}
		data = out
	}
	if i := textin.FirstNUL(data); i >= 0 {
		if enc == "" && textin.LooksUTF16(data) {
			return "", "", &InputError{Path: path, Offset: i, Err: ErrInvalidUTF8,
				Detail: "it looks like UTF-16 without a byte-order mark: convert it to UTF-8 or add the mark"}
		}
		return "", "", &InputError{Path: path, Offset: i, Err: ErrBinary, Detail: "NUL byte"}
	}
	if i := textin.FirstInvalid(data); i >= 0 {
		if textin.LooksBinary(data) {
			return "", "", &InputError{Path: path, Offset: i, Err: ErrBinary}
		}
		return "", "", &InputError{Path: path, Offset: i, Err: ErrInvalidUTF8,
			Detail: "convert the file to UTF-8 first"}
	}
	if len(bytes.TrimFunc(data, isBlank)) == 0 {
		return "", "", &InputError{Path: path, Offset: -1, Err: ErrEmpty}
	}
	if enc == textin.UTF8 {
		enc = ""
	}
	return string(data), enc, nil
}

func isBlank(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\uFEFF', '\u00A0', '\u200B':
		return true
	}
	return false
}
