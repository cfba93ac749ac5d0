package lingua

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/gazetteer"
)

// gazetteerDetector is a default Detector whose known names come from the
// built-in gazetteer, as the root Checker wires it: the held-out set is
// scored the way the tool runs.
var gazetteerDetector = sync.OnceValues(func() (*Detector, error) {
	gaz := gazetteer.Default()
	return New(Options{KnownNames: gaz.KnownName})
})

// confusion counts verdicts: labelled verdict → given verdict → documents.
type confusion map[string]map[string]int

func (c confusion) add(want, got string) {
	if c[want] == nil {
		c[want] = map[string]int{}
	}
	c[want][got]++
}

func (c confusion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %8s %10s %6s\n", "labelled", Machine, Uncertain, Human)
	for _, want := range []string{Machine, Human} {
		fmt.Fprintf(&b, "%-10s %8d %10d %6d\n", want, c[want][Machine], c[want][Uncertain], c[want][Human])
	}
	return b.String()
}

// heldOut is the scored held-out set: passages, verdicts and source
// languages.
type heldOut struct {
	*evaluation
	confusion     confusion
	sourceRight   int // machine documents given the labelled source language
	machineDocs   int
	verdictsRight int
}

func scoreHeldOut(t *testing.T, dir string) *heldOut {
	d, err := gazetteerDetector()
	require.NoError(t, err)
	docs := readDocs(t, dir)
	e := evaluate(t, d, docs, readLabels(t, filepath.Join(dir, "labels.tsv")))
	h := &heldOut{evaluation: e, confusion: confusion{}}
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		want, ok := e.verdicts[name]
		require.True(t, ok, "%s has no verdict label", name)
		f := strings.Fields(want)
		a := e.analyses[name]
		h.confusion.add(f[0], ruleVerdict(a))
		if ruleVerdict(a) == f[0] {
			h.verdictsRight++
		}
		src := ""
		if f[0] == Machine {
			require.Len(t, f, 2, "%s: a machine verdict names its source language", name)
			src = f[1]
			h.machineDocs++
			if a.SourceLanguage == src {
				h.sourceRight++
			}
		}
		t.Logf("%-24s want %-10s got %-9s %-3s score %.2f  %s", name, want, a.Verdict, a.SourceLanguage, a.Score, signalSummary(a))
	}
	e.log(t)
	t.Logf("verdicts right %d/%d; source language right %d/%d machine documents\n%s",
		h.verdictsRight, len(docs), h.sourceRight, h.machineDocs, h.confusion)
	return h
}

func signalSummary(a *Analysis) string {
	var parts []string
	for _, s := range a.Signals {
		if s.Weight == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s×%d", s.Name, s.Count))
	}
	return strings.Join(parts, " ")
}

// TestHeldOut scores the held-out set with the hand-written detectors
// (the rule verdict: the set was written by the authors, which is no
// evidence for the learned model; EVALUATION.md measures that on real text) (testdata/heldout, written before
// the rules it measures were tuned; see RESULTS.md there). The floors
// guard against regressions; they sit a little under what the set scores
// since the rules were tuned on it (RESULTS.md has the first, untuned run
// and the run on fresh documents).
func TestHeldOut(t *testing.T) {
	h := scoreHeldOut(t, filepath.Join("testdata", "heldout"))
	g := h.tally(Garbled)
	assert.GreaterOrEqual(t, g.recall(), 0.75, "garbled recall")
	assert.GreaterOrEqual(t, g.precision(), 0.85, "garbled precision")
	assert.GreaterOrEqual(t, h.verdictsRight, 13, "verdicts right of %d", len(h.analyses))
	assert.Zero(t, h.confusion[Human][Machine], "human texts called machine")
	assert.GreaterOrEqual(t, h.sourceRight, 6, "source languages right of %d", h.machineDocs)
}

// TestHeldOutFresh scores the two documents written after the rules were
// changed (testdata/heldout/fresh): a check on overfitting. Their first
// run is recorded in RESULTS.md; after the fixes it prompted, the test
// keeps the verdicts.
func TestHeldOutFresh(t *testing.T) {
	h := scoreHeldOut(t, filepath.Join("testdata", "heldout", "fresh"))
	assert.Equal(t, 2, h.verdictsRight, "verdicts right")
	assert.Equal(t, 1, h.sourceRight, "source languages right")
}

// ruleVerdict is the verdict of the hand-written detectors alone, from
// Analysis.RuleScore: what the rule-guard tests check, since their
// fixtures were written by the authors and are no evidence for the
// learned model.
func ruleVerdict(a *Analysis) string {
	switch {
	case a.RuleScore >= machineThreshold:
		return Machine
	case a.RuleScore < humanThreshold:
		return Human
	}
	return Uncertain
}
