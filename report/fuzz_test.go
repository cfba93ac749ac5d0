package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRenderers renders a document with arbitrary text, a finding at an
// arbitrary span (possibly out of range or reversed) and a sentence with an
// arbitrary probability in every format: none may fail or panic, the JSON
// must match the schema (when the span's offsets are not negative), and
// the HTML must show the text unchanged.
func FuzzRenderers(f *testing.F) {
	f.Add("Paragraph one.\n\nParagraph two. Second sentence.\r\n\r\n\r\nThree", 3, 20, 0.7)
	f.Add("", 0, 0, 0.0)
	f.Add("\n\n\n", 1, 2, 1.0)
	f.Add("西乌 “Guardian”\n \n\t\nend", -5, 400, -0.2)
	f.Fuzz(func(t *testing.T, text string, start, end int, p float64) {
		if !utf8.ValidString(text) {
			return
		}
		loc := NewLocator(text)
		s, e := loc.Clamp(start), loc.Clamp(end)
		prob := min(1, max(0, p))
		if prob != prob { // NaN
			prob = 0.5
		}
		d := Document{
			Path: "f.txt", Text: text, MachineTranslation: MachineTranslation{Verdict: Uncertain},
			Findings: []Finding{{
				Rule: "style/test", Category: Style, Severity: Warning, Span: Span{Start: start, End: end, Line: 1, Column: 1, EndLine: 1, EndColumn: 1},
				Text: text[min(s, e):max(s, e)], Message: "m", Diff: []DiffOp{{Op: DiffDelete, Text: text}, {Op: DiffInsert, Text: "x"}},
			}},
			Sentences: []SentenceLanguage{{Span: loc.Span(min(s, e), max(s, e)), Code: "en", Confidence: 1, MachineProbability: &prob}},
		}
		r := &Report{Documents: []Document{d}}
		for _, format := range Formats() {
			var buf bytes.Buffer
			if err := Write(&buf, r, format); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case "json":
				if start < 0 || end < 0 {
					break // the caller's span breaks the schema; rendering must still work
				}
				if errs := reportSchemaErrors(t, buf.Bytes()); len(errs) > 0 {
					t.Fatalf("schema: %v", errs)
				}
			case "html":
				// html/template writes NUL as U+FFFD (the checker rejects
				// NUL bytes as binary input anyway).
				if text != "" && !strings.ContainsRune(text, 0) {
					if got := pageText(t, buf.String(), 0); got != text {
						t.Fatalf("page text %q, want %q", got, text)
					}
				}
			}
		}
	})
}
