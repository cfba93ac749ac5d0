package transcheck

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/report"
)

// TestCoverageNamesReachLingua: a name the coverage uses is known to the
// language checks too, so a word that alone reads as romanized Chinese is
// no romanized word when other coverage of the story names it.
func TestCoverageNamesReachLingua(t *testing.T) {
	c, err := New(Options{})
	require.NoError(t, err)
	doc := Document{Path: "a.txt", Data: []byte("The market in Liangdian opens at six. Buses leave every hour.")}
	other := Document{Path: "b.txt", Data: []byte("Traders in Liangdian said the new market hall would open in spring.")}
	romanized := func(r *report.Report) int {
		n := 0
		for _, d := range r.Documents {
			for _, s := range d.MachineTranslation.Signals {
				if s.Name == "romanized-words" || s.Name == "romanized-name" {
					n++
				}
			}
		}
		return n
	}
	alone, err := c.Check(context.Background(), doc)
	require.NoError(t, err)
	assert.Positive(t, romanized(alone), "alone, the word reads as romanized")
	covered, err := c.Check(context.Background(), doc, other)
	require.NoError(t, err)
	assert.Zero(t, romanized(covered), "the coverage names it")
}
