package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/gazetteer"
)

// TestMineDoc labels a system's spellings against the reference's on
// sentences written for the test.
func TestMineDoc(t *testing.T) {
	d := doc{Set: "t", Split: "dev", Doc: "d1",
		Ref: map[string]string{"1": "Missiles hit Kharkiv and Mykolaiv on Monday.", "2": "The governor of Odesa spoke."},
		Hyps: map[string]map[string]string{
			"A": {"1": "Missiles hit Kharkov and Mikolajiv on Monday.", "2": "The governor of Odesa spoke."},
			"B": {"1": "Missiles hit Kharkov and Mykolaiv on Monday.", "2": "The governor of Odesa spoke."},
		}}
	items := mineDoc(gazetteer.Default(), d, map[string]bool{})
	// B's only wrong form (Kharkov) was seen in A: B is left out, and no
	// output is clean.
	require.Len(t, items, 1)
	got := map[string]string{}
	for _, m := range items[0].Mentions {
		got[m.Text] = m.Class + " " + m.Preferred
		assert.Equal(t, m.Text, items[0].Text[m.Start:m.End])
	}
	assert.Equal(t, map[string]string{"Kharkov": "variant Kharkiv", "Mikolajiv": "garbled Mykolaiv", "Odesa": "correct Odesa"}, got)
}

func TestSimilarity(t *testing.T) {
	assert.InDelta(t, 1.0, similarity("kyiv", "kyiv"), 1e-9)
	assert.InDelta(t, 0.75, similarity("kyiv", "kiiv"), 1e-9)
	assert.Equal(t, 0.0, similarity("", "kyiv"))
}
