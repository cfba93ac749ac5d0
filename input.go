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
	// ErrTooLarge is returned for a document over the size limit.
	ErrTooLarge = errors.New("document too large")
)

// InputError reports a document that cannot be checked.
type InputError struct {
	// Path names the document.
	Path string
	// Offset is the byte offset of the problem, or -1 when it has none.
	Offset int
	// Err is one of ErrEmpty, ErrBinary, ErrInvalidUTF8, ErrTooLarge, or
	// the error that reading the document returned.
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
// string. The text is never altered, so offsets into it are offsets into
// the file: a BOM and CR characters stay and count as white space.
func validate(path string, data []byte, max int64) (string, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	if int64(len(data)) > max {
		return "", &InputError{Path: path, Offset: -1, Err: ErrTooLarge,
			Detail: fmt.Sprintf("%d bytes, limit %d", len(data), max)}
	}
	if i := textin.FirstNUL(data); i >= 0 {
		return "", &InputError{Path: path, Offset: i, Err: ErrBinary, Detail: "NUL byte"}
	}
	if i := textin.FirstInvalid(data); i >= 0 {
		if textin.LooksBinary(data) {
			return "", &InputError{Path: path, Offset: i, Err: ErrBinary}
		}
		return "", &InputError{Path: path, Offset: i, Err: ErrInvalidUTF8,
			Detail: "convert the file to UTF-8 first"}
	}
	if len(bytes.TrimFunc(data, isBlank)) == 0 {
		return "", &InputError{Path: path, Offset: -1, Err: ErrEmpty}
	}
	return string(data), nil
}

func isBlank(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\uFEFF', '\u00A0', '\u200B':
		return true
	}
	return false
}

// joinErrors wraps several errors into one, or returns nil for none.
func joinErrors(what string, errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("%s: %w", what, errs[0])
	}
	return fmt.Errorf("%s: %w", what, errors.Join(errs...))
}
