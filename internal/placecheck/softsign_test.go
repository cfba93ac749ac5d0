package placecheck

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// TestSoftSign: a Ukrainian place written with a soft-sign mark is given
// its preferred spelling as information; the plain spelling and a
// possessive are left alone.
func TestSoftSign(t *testing.T) {
	c := New(Options{})
	fs := c.Check(segment.Split("Trains to Vil’nohirsk were delayed by the storm."), nil)
	f, ok := find(fs, "Vil’nohirsk")
	if assert.True(t, ok, "%+v", fs) {
		assert.Equal(t, rules.PlaceVariant.ID, f.Rule)
		assert.Equal(t, report.Info, f.Severity)
		assert.Equal(t, []string{"Vilnohirsk"}, f.Suggestions)
	}
	for _, text := range []string{"Trains to Vilnohirsk were delayed by the storm.", "Vilnohirsk’s trains were delayed by the storm."} {
		assert.Empty(t, c.Check(segment.Split(text), nil), text)
	}
}
