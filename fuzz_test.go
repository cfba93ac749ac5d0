package transcheck_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/report"
	"github.com/transcheck/transcheck/seeds"
)

// fuzzSeeds adds a few kinds of input every fuzz target starts from:
// a seed, HTML, UTF-16, mojibake, CRLF, invalid UTF-8 and NUL bytes.
func fuzzInputs() [][]byte {
	s, _ := seeds.Get("002")
	head := s.Data
	if len(head) > 800 {
		head = head[:800]
	}
	return [][]byte{
		head,
		[]byte("<html><body><p>Troops left Kiev.</p><p>He said “no”.</p></body></html>"),
		encodeUnicode("Troops left Kiev on Tuesday. Officials in Zürich agreed.", 2, false, true),
		encodeUnicode("Troops left Kiev.", 4, true, true),
		[]byte("The minister didn\u00e2\u20ac\u2122t go to Z\u00c3\u00bcrich.\r\nIt rained.\r\n"),
		[]byte("caf\xe9 \x00 \xff\xfe"),
		[]byte("\uFEFF“Quote ‘inner’” — 300,000 reservists, 38 people; 乌南 Wunan."),
	}
}

// checkReport fails t unless every span of r lies in its document's text
// and every finding's Text is what its span covers.
func checkReport(t *testing.T, r *report.Report) {
	t.Helper()
	for _, d := range r.Documents {
		in := func(what string, s report.Span) {
			if s.Start < 0 || s.Start > s.End || s.End > len(d.Text) || s.Line < 1 || s.Column < 1 {
				t.Fatalf("%s span %+v outside the text (%d bytes)", what, s, len(d.Text))
			}
		}
		for _, f := range d.Findings {
			in("finding "+f.Rule, f.Span)
			if d.Text[f.Span.Start:f.Span.End] != f.Text {
				t.Fatalf("finding %s: text %q, span covers %q", f.Rule, f.Text, d.Text[f.Span.Start:f.Span.End])
			}
		}
		for _, a := range d.Alignments {
			in("alignment", a.Span)
		}
		for _, s := range d.Sentences {
			in("sentence", s.Span)
		}
	}
	var buf bytes.Buffer
	for _, format := range []string{"json", "text"} {
		buf.Reset()
		if err := report.Write(&buf, r, format); err != nil {
			t.Fatalf("render %s: %v", format, err)
		}
	}
}

// isInputError fails t unless err is nil or an *InputError: any other
// error from a check of bytes is a bug.
func isInputError(t *testing.T, err error) bool {
	t.Helper()
	if err == nil {
		return false
	}
	if ie := (*transcheck.InputError)(nil); !errors.As(err, &ie) {
		t.Fatalf("not an input error: %v", err)
	}
	return true
}

func FuzzCheck(f *testing.F) {
	for _, in := range fuzzInputs() {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := checker(t).Check(context.Background(), transcheck.Document{Path: "in.txt", Data: data})
		if isInputError(t, err) {
			return
		}
		if len(r.Documents) != 1 {
			t.Fatalf("%d documents", len(r.Documents))
		}
		checkReport(t, r)
	})
}

func FuzzCheckReference(f *testing.F) {
	in := fuzzInputs()
	for i := range in {
		f.Add(in[i], in[(i+1)%len(in)])
	}
	s, _ := seeds.Get("000")
	f.Add(s.Data, bytes.Replace(s.Data, []byte("extremely unusual"), []byte("very unusual"), 1))
	f.Fuzz(func(t *testing.T, doc, ref []byte) {
		r, err := checker(t).CheckReference(context.Background(),
			transcheck.Document{Path: "doc.txt", Data: doc}, transcheck.Document{Path: "ref.txt", Data: ref})
		if isInputError(t, err) {
			return
		}
		checkReport(t, r)
		for _, a := range r.Documents[0].Alignments {
			if a.Coverage.Path != "ref.txt" {
				t.Fatalf("aligned with %q", a.Coverage.Path)
			}
		}
	})
}

// FuzzNewCoverage indexes three arbitrary coverage documents (two share a
// path) and checks a seed against them: every document is either indexed
// or named in one error and one notice, and evidence spans lie in the
// coverage texts.
func FuzzNewCoverage(f *testing.F) {
	in := fuzzInputs()
	for i := range in {
		f.Add(in[i], in[(i+1)%len(in)], in[(i+2)%len(in)])
	}
	// A short text to check, so that each run spends its time on the
	// coverage rather than on analysing the text.
	doc := transcheck.Document{Path: "doc.txt", Data: []byte("Troops left Kiev on Tuesday. The mayor of Kharkiv said 300 drones flew.\n")}
	f.Fuzz(func(t *testing.T, a, b, c []byte) {
		docs := []transcheck.Document{{Path: "a.txt", Data: a}, {Path: "b.txt", Data: b}, {Path: "a.txt", Data: c}}
		cov, err := checker(t).NewCoverage(context.Background(), docs...)
		var nerr int
		if err != nil {
			var ce *transcheck.CoverageError
			if !errors.As(err, &ce) {
				t.Fatalf("not a *CoverageError: %v", err)
			}
			for _, e := range ce.Errs {
				isInputError(t, e)
			}
			nerr = len(ce.Errs)
		}
		if cov.Len()+nerr != len(docs) {
			t.Fatalf("%d indexed + %d errors for %d documents", cov.Len(), nerr, len(docs))
		}
		r, err := checker(t).CheckCoverage(context.Background(), doc, cov)
		if err != nil {
			t.Fatal(err)
		}
		checkReport(t, r)
		leftOut := 0
		for _, n := range r.Notices {
			if strings.HasPrefix(n.Message, "coverage left out: ") {
				leftOut++
			}
		}
		if leftOut != nerr {
			t.Fatalf("%d notices of documents left out for %d errors", leftOut, nerr)
		}
		texts := map[string]int{"a.txt": len(a), "b.txt": len(b)}
		for _, f := range r.Documents[0].Findings {
			for _, e := range f.Evidence {
				if n, ok := texts[e.Path]; ok && (e.Span.Start < 0 || e.Span.End > 4*n+4 || e.Span.Start > e.Span.End) {
					t.Fatalf("evidence span %+v outside %s", e.Span, e.Path)
				}
			}
		}
	})
}
