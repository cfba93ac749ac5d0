package transcheck

import (
	"cmp"
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
	places := newPlaceSpans(extra)
	kept := d.Findings[:0]
	for _, f := range d.Findings {
		if i := places.covering(f); i >= 0 {
			extra[i].Signals = appendNew(extra[i].Signals, f.Signals...)
			extra[i].Signals = appendNew(extra[i].Signals, f.Rule)
			continue
		}
		kept = append(kept, f)
	}
	d.Findings = append(kept, extra...)
}

// placeSpans indexes the place-name findings of a list by where they
// start, so that finding the one that covers a span costs a binary search,
// not a pass over the list: a finding-dense text has thousands of each.
type placeSpans struct {
	list   []report.Finding
	order  []int // indexes into list of its place-name findings, by span start
	maxEnd []int // maxEnd[k]: the largest span end among order[:k+1]
}

func newPlaceSpans(list []report.Finding) placeSpans {
	ps := placeSpans{list: list}
	for i, p := range list {
		if p.Category == report.PlaceName {
			ps.order = append(ps.order, i)
		}
	}
	slices.SortStableFunc(ps.order, func(a, b int) int { return cmp.Compare(list[a].Span.Start, list[b].Span.Start) })
	ps.maxEnd = make([]int, len(ps.order))
	for k, i := range ps.order {
		ps.maxEnd[k] = list[i].Span.End
		if k > 0 {
			ps.maxEnd[k] = max(ps.maxEnd[k], ps.maxEnd[k-1])
		}
	}
	return ps
}

// covering returns the index of the first place-name finding in the list
// whose span contains f's, when f is a garbled or style finding, or -1.
func (ps placeSpans) covering(f report.Finding) int {
	if f.Category != report.Garbled && f.Category != report.Style {
		return -1
	}
	// the place findings that start at or before f, latest first, while
	// one of them can still reach f's end
	k, _ := slices.BinarySearchFunc(ps.order, f.Span.Start+1, func(i, start int) int {
		return cmp.Compare(ps.list[i].Span.Start, start)
	})
	best := -1
	for k--; k >= 0 && ps.maxEnd[k] >= f.Span.End; k-- {
		if i := ps.order[k]; ps.list[i].Span.End >= f.Span.End && (best < 0 || i < best) {
			best = i
		}
	}
	return best
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
