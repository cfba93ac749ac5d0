package align

import (
	"fmt"
	"slices"

	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
)

// Coverage by another outlet often holds one fact of a long sentence of the
// text in a clause of a sentence about something else ("…, and with 300,000
// reserve soldiers on their way" / "…, the mobilization of 300,000 civilians
// was announced"): too little of the two sentences is shared for them to
// align, but a rare number they share anchors the fact. Such anchored pairs
// are not alignments; they are only checked for what that number counts.
const (
	// minAnchorValue is the smallest number that anchors a pair: smaller
	// ones recur for unrelated things.
	minAnchorValue = 1000
	// minAnchorScore is the similarity an anchored pair needs: besides the
	// number, the two sentences must be about something alike.
	minAnchorScore = 0.1
)

// anchoredNumbers returns the number/different-noun findings of sentence i
// against the candidates it does not align with but shares a rare number
// with, in coverage documents where it aligns with nothing. A coverage
// sentence aligned with another sentence of the text is its counterpart,
// not this one's.
func (cs *candidateSet) anchoredNumbers(i int, kept []target) []report.Finding {
	src := cs.srcs[i]
	var out []report.Finding
	var docQ []quantity
	for k, tgt := range cs.cands[i] {
		s := cs.scores[i][k]
		if s < minAnchorScore || s >= DefaultThreshold && cs.bestSrc[tgt] != i {
			continue
		}
		if slices.ContainsFunc(kept, func(t target) bool { return t.view.path == tgt.path }) {
			continue
		}
		if !sharesRareNumber(src.sentence, tgt.sentence) {
			continue
		}
		if docQ == nil {
			docQ = quantities(src)
		}
		tgts := []target{{tgt, s}}
		covQ := quantities(tgt)
		for _, f := range docQ {
			if f.kind != qtyCount || f.value < minAnchorValue {
				continue
			}
			var same []tgtQuantity
			for _, c := range covQ {
				if c.kind == qtyCount && c.value == f.value {
					same = append(same, tgtQuantity{c, 0})
				}
			}
			if len(same) == 0 {
				continue
			}
			c, ok := countsElse(src, f, same, tgts)
			if !ok {
				continue
			}
			text, theirs := src.doc.Slice(f.span), tgt.doc.Slice(c.span)
			out = append(out, report.Finding{
				Category: report.Number, Rule: rules.NumberDifferentNoun.ID,
				Span: rspan(src.shift(f.span)), Text: text,
				Message:     fmt.Sprintf("the same number counts something else in coverage: %q here, %q in %s", text, theirs, tgt.path),
				Suggestions: []string{theirs},
				Confidence:  round3(0.3 + 0.4*s),
				Evidence:    []report.Evidence{target{tgt, s}.evidence()},
			})
		}
	}
	return out
}

// sharesRareNumber reports whether two sentences share a number of at
// least minAnchorValue and something else: a stem, a synonym or a name.
func sharesRareNumber(a, b sentence) bool {
	rare := false
	common(a.numbers, b.numbers, func(x string) {
		if v, ok := parseNumber(x); ok && v >= minAnchorValue {
			rare = true
		}
	})
	return rare && intersect(a.stems, b.stems)+softShared(a.stems, b.stems)+intersect(a.names, b.names) > 0
}
