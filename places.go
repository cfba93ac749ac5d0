package transcheck

import (
	"slices"

	"github.com/transcheck/transcheck/report"
)

// locate completes a finding whose Span holds only byte offsets into t:
// the span's lines and columns, the text it covers, the confidence
// rounded, and each evidence's path and span located in the document it
// names (an empty path is t itself; lookup finds coverage by the cleaned
// path align names it by).
func locate(f report.Finding, t *text, lookup func(string) *text) report.Finding {
	f.Span = t.span(f.Span.Start, f.Span.End)
	f.Text = t.raw[f.Span.Start:f.Span.End]
	f.Confidence = round(f.Confidence)
	if len(f.Evidence) > 0 {
		ev := make([]report.Evidence, len(f.Evidence))
		for i, e := range f.Evidence {
			src := t
			if e.Path != "" {
				src = lookup(e.Path)
			}
			if src == nil {
				ev[i] = e
				continue
			}
			ev[i] = report.Evidence{Path: src.path, Span: src.span(e.Span.Start, e.Span.End), Text: e.Text}
		}
		f.Evidence = ev
	}
	return f
}

// mergeFindings adds extra findings to d. Where a place-name finding covers
// the span of a garbled or style one (a romanized word or a source-language
// spelling both checks caught, such as "Mei" inside "Mei E"), the
// place-name finding stays, since it says what was meant, and it inherits
// the other finding's signals.
func mergeFindings(d *report.Document, extra []report.Finding) {
	kept := d.Findings[:0]
	for _, f := range d.Findings {
		if i := coveringPlace(extra, f); i >= 0 {
			extra[i].Signals = appendNew(extra[i].Signals, f.Signals...)
			extra[i].Signals = appendNew(extra[i].Signals, f.Rule)
			continue
		}
		kept = append(kept, f)
	}
	d.Findings = append(kept, extra...)
}

// coveringPlace returns the index of the place-name finding in extra whose
// span contains f's, when f is a garbled or style finding, or -1.
func coveringPlace(extra []report.Finding, f report.Finding) int {
	if f.Category != report.Garbled && f.Category != report.Style {
		return -1
	}
	for i, p := range extra {
		if p.Category == report.PlaceName && p.Span.Start <= f.Span.Start && f.Span.End <= p.Span.End {
			return i
		}
	}
	return -1
}

// appendNew appends the strings of add that list lacks.
func appendNew(list []string, add ...string) []string {
	for _, a := range add {
		if !slices.Contains(list, a) {
			list = append(list, a)
		}
	}
	return list
}
