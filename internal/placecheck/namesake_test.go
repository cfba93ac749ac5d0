package placecheck

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// TestObscureNamesake: a small village's name spelled like a place in the
// news of the region the text names gets that place as an informational
// suggestion; without the region, or for the place in the news itself,
// nothing is said.
func TestObscureNamesake(t *testing.T) {
	c := New(Options{})
	cases := []struct {
		text, word, want string
	}{
		{"Troops said they had pushed into Dvorichne, a settlement of the Kharkiv region, on Monday.", "Dvorichne", "Dvorichna"},
		{"Shelling was reported near Dvorichne overnight.", "Dvorichne", ""},
		// The place in the news may be a generated town of some size.
		{"Drones hit homes in Bilopil and elsewhere in the Sumy region.", "Bilopil", "Bilopillia"},
		{"Troops said they had pushed into Dvorichna, a settlement of the Kharkiv region, on Monday.", "Dvorichna", ""},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			fs := c.Check(segment.Split(tc.text), nil)
			f, ok := find(fs, tc.word)
			if tc.want == "" {
				assert.False(t, ok, "%+v", fs)
				return
			}
			if assert.True(t, ok, "%+v", fs) {
				assert.Equal(t, rules.PlaceTransliteration.ID, f.Rule)
				assert.Equal(t, report.Info, f.Severity)
				assert.Equal(t, []string{tc.want}, f.Suggestions)
			}
		})
	}
}
