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
// 1-based, the column counted in code points. A document with no findings
// writes nothing.
func WriteLine(w io.Writer, r *Report) error {
	r.Normalize()
	var b strings.Builder
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			fmt.Fprintf(&b, "%s:%d:%d:%s:%s\n", oneLine(d.Path), f.Span.Line, f.Span.Column, f.Rule, oneLine(f.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
