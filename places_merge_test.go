package transcheck

import (
	"math/rand/v2"
	"testing"

	"github.com/transcheck/transcheck/report"
)

// TestPlaceSpansCovering checks the indexed search against a pass over the
// list, on random spans that nest and overlap.
func TestPlaceSpansCovering(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cats := []report.Category{report.PlaceName, report.Garbled, report.Style, report.Number}
	span := func() report.Span {
		s := r.IntN(200)
		return report.Span{Start: s, End: s + r.IntN(12)}
	}
	for range 200 {
		list := make([]report.Finding, r.IntN(30))
		for i := range list {
			list[i] = report.Finding{Category: cats[r.IntN(2)*r.IntN(2)], Span: span()}
		}
		ps := newPlaceSpans(list)
		for range 50 {
			f := report.Finding{Category: cats[r.IntN(len(cats))], Span: span()}
			want := -1
			if f.Category == report.Garbled || f.Category == report.Style {
				for i, p := range list {
					if p.Category == report.PlaceName && p.Span.Start <= f.Span.Start && f.Span.End <= p.Span.End {
						want = i
						break
					}
				}
			}
			if got := ps.covering(f); got != want {
				t.Fatalf("covering(%v) = %d, want %d in %v", f.Span, got, want, list)
			}
		}
	}
}
