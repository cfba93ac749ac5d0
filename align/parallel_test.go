package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParallelF1 aligns every seed with versions of itself in which
// sentences were merged, split, dropped, inserted and reworded (variants the
// calibration never saw) and checks that the beads found are the true ones.
// Run with -v to see precision, recall and F1.
func TestParallelF1(t *testing.T) {
	cases := parallelCases(t, seeds(t), 11, 14)
	var total beadScore
	for _, pc := range cases {
		res, err := Parallel(t.Context(), pc.doc, pc.ref, Options{})
		require.NoError(t, err, pc.name)
		var pred []bead
		for _, a := range res.Alignments {
			pred = append(pred, bead{i: a.Source[0], j: a.TargetSentences[0], a: len(a.Source), b: len(a.TargetSentences)})
		}
		var s beadScore
		s.add(pred, pc.gold)
		p, r, f := s.prf()
		t.Logf("%-40s beads %3d  precision %.3f  recall %.3f  F1 %.3f", pc.name, s.gold, p, r, f)
		total.predicted += s.predicted
		total.gold += s.gold
		total.correct += s.correct
	}
	p, r, f := total.prf()
	t.Logf("all %d cases (%d true beads): precision %.3f  recall %.3f  F1 %.3f", len(cases), total.gold, p, r, f)
	assert.GreaterOrEqual(t, f, 0.95, "parallel alignment F1")
}
