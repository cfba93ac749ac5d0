package report_test

import (
	"io"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/internal/cputime"
	"github.com/transcheck/transcheck/internal/densetext"
	"github.com/transcheck/transcheck/report"
)

// denseReport returns a report of finding-dense text of about n bytes: a
// finding on the word after every 70th byte (about 14 per KB, as the
// checker gives on internal/densetext), each with a suggestion and a piece
// of evidence, and one sentence language per line.
func denseReport(n int) *report.Report {
	text := string(densetext.Generate(n, 1))
	loc := report.NewLocator(text)
	d := report.Document{Path: "dense.txt", Text: text, Language: report.Language{Code: "en", Confidence: 1},
		MachineTranslation: report.MachineTranslation{Verdict: report.Machine, Score: 0.97, SourceLanguage: "ru"}}
	for i := 0; i < len(text); i += 70 {
		s := strings.IndexByte(text[i:], ' ')
		if s < 0 {
			break
		}
		s += i + 1
		e := s + strings.IndexAny(text[s:]+" ", " \n")
		if e <= s {
			continue
		}
		d.Findings = append(d.Findings, report.Finding{
			Rule: "place-name/variant", Category: report.PlaceName, Severity: report.Warning,
			Span: loc.Span(s, e), Text: text[s:e], Message: "“" + text[s:e] + "” is a variant",
			Suggestions: []string{"Kyiv"}, Confidence: 0.9,
			Evidence: []report.Evidence{{Path: "coverage.txt", Span: report.Span{Start: 0, End: 4, Line: 1, Column: 1, EndLine: 1, EndColumn: 5}, Text: "Kyiv"}},
		})
	}
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text) - start
		}
		d.Sentences = append(d.Sentences, report.SentenceLanguage{Span: loc.Span(start, start+end), Code: "en", Confidence: 1})
		start += end + 1
	}
	return &report.Report{SchemaVersion: report.SchemaVersion, Documents: []report.Document{d}}
}

// BenchmarkDenseWrite renders a finding-dense report of 100 KB, 1 MB and
// 10 MB of text in every format: time per byte must not grow with the size.
func BenchmarkDenseWrite(b *testing.B) {
	for _, n := range densetext.Sizes {
		r := denseReport(n)
		size := len(r.Documents[0].Text)
		for _, format := range report.Formats() {
			b.Run(format+"/"+densetext.Name(n), func(b *testing.B) {
				b.SetBytes(int64(size))
				cpu := cputime.Start()
				for b.Loop() {
					if err := report.Write(io.Discard, r, format); err != nil {
						b.Fatal(err)
					}
				}
				cpu.Report(b, size)
			})
		}
	}
}
