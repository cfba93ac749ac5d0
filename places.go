package transcheck

import (
	"github.com/transcheck/transcheck/internal/placecheck"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// placeFindings runs the place-name checks on t, with the names of the
// coverage texts counted as known.
func (c *Checker) placeFindings(t *text, cov []*text) []report.Finding {
	segs := make([]*segment.Document, len(cov))
	for i, ct := range cov {
		segs[i] = ct.seg
	}
	var out []report.Finding
	for _, f := range c.places.Check(t.seg, segs) {
		out = append(out, placeFinding(t, cov, f))
	}
	return out
}

// placeFinding converts a place-name finding to the report's form.
func placeFinding(t *text, cov []*text, f placecheck.Finding) report.Finding {
	rf := report.Finding{
		Rule:        f.Rule,
		Category:    report.PlaceName,
		Severity:    report.Severity(f.Severity),
		Span:        t.span(f.Span.Start, f.Span.End),
		Text:        t.raw[f.Span.Start:f.Span.End],
		Message:     f.Message,
		Suggestions: f.Suggestions,
		Confidence:  round(f.Confidence),
	}
	for _, e := range f.Evidence {
		src := t
		if e.DocIndex >= 0 && e.DocIndex < len(cov) {
			src = cov[e.DocIndex]
		}
		rf.Evidence = append(rf.Evidence, report.Evidence{
			Path: src.path, Span: src.span(e.Span.Start, e.Span.End), Text: e.Text,
		})
	}
	return rf
}

// mergeFindings adds extra findings to d. Where a place-name finding covers
// exactly the span of a garbled or style one (a romanized word or a
// source-language spelling both checks caught),
// the place-name finding stays, since it says what was meant, and it
// inherits the garbled finding's signals.
func mergeFindings(d *report.Document, extra []report.Finding) {
	type key struct{ start, end int }
	places := map[key]int{}
	for i, f := range extra {
		if f.Category == report.PlaceName {
			places[key{f.Span.Start, f.Span.End}] = i
		}
	}
	kept := d.Findings[:0]
	for _, f := range d.Findings {
		if i, ok := places[key{f.Span.Start, f.Span.End}]; ok && (f.Category == report.Garbled || f.Category == report.Style) {
			extra[i].Signals = append(extra[i].Signals, f.Signals...)
			extra[i].Signals = append(extra[i].Signals, f.Rule)
			continue
		}
		kept = append(kept, f)
	}
	d.Findings = append(kept, extra...)
}
