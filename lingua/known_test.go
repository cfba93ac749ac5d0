package lingua

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// TestAnalyzeKnown: a word the per-document known names hold is a name
// for the romanized-word detector; the same document without them keeps
// its romanized signal, and the detector's own options are unchanged.
func TestAnalyzeKnown(t *testing.T) {
	d := detector(t)
	doc := segment.Split("The market in Dongxi opens at six. Buses leave every hour.")
	romanized := func(a *Analysis) int {
		n := 0
		for _, s := range a.Signals {
			if s.Name == "romanized-words" || s.Name == "romanized-name" {
				n += s.Count
			}
		}
		return n
	}
	a, err := d.AnalyzeKnown(context.Background(), doc, func(w string) bool { return w == "Dongxi" })
	require.NoError(t, err)
	assert.Zero(t, romanized(a), "a known name is no romanized word")
	a, err = d.Analyze(context.Background(), doc)
	require.NoError(t, err)
	assert.Positive(t, romanized(a), "without the known names the word counts")
}
