package report

import (
	"fmt"
	"io"
	"strings"
)

func init() { Register("line", WriteLine) }

// WriteLine writes one line per finding in the form
// path:line:column:rule:message, as Vale's line output does, for editors
// and scripts that read compiler-style locations. Line and column are
// 1-based, and the column counts bytes of UTF-8, as errorformat readers
// expect: Vim's %c in 'errorformat', reviewdog's -efm and most compilers
// count bytes, so a column after "西乌" is 6 further on, not 2. A document
// without its Text keeps the span's column (code points), which is the
// same on lines of ASCII. A document with no findings writes nothing.
//
// Vim reads it with
//
//	:set errorformat=%f:%l:%c:%m
//
// and reviewdog with -efm="%f:%l:%c:%m".
func WriteLine(w io.Writer, r *Report) error {
	r = r.normalized()
	var b strings.Builder
	for _, d := range r.Documents {
		loc := NewLocator(d.Text)
		for _, f := range d.Findings {
			line, col := f.Span.Line, f.Span.Column
			if d.Text != "" {
				line, col = loc.LineColumnBytes(loc.Clamp(f.Span.Start))
			}
			fmt.Fprintf(&b, "%s:%d:%d:%s:%s\n", oneLine(d.Path), line, col, f.Rule, oneLine(f.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
