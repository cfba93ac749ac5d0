package segment

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStem(t *testing.T) {
	// pairs that must share a stem, and pairs that must not
	same := [][2]string{
		{"decisions", "decision"},
		{"involved", "involve"},
		{"involving", "involves"},
		{"armies", "army"},
		{"planned", "plan"},
		{"planning", "plans"},
		{"killed", "kill"},
		{"soldiers'", "soldier"},
		{"putin's", "putin"},
		{"directly", "direct"},
		{"believed", "believe"},
		{"taking", "take"},
		{"crosses", "cross"},
		{"watches", "watch"},
		{"cities", "city"},
	}
	for _, p := range same {
		assert.Equal(t, Stem(p[0]), Stem(p[1]), "%q and %q", p[0], p[1])
	}
	differ := [][2]string{
		{"general", "generous"},
		{"bed", "b"},
		{"bus", "bu"},
		{"crisis", "crisi"},
		{"ring", "rin"},
	}
	for _, p := range differ {
		assert.NotEqual(t, Stem(p[0]), Stem(p[1]), "%q and %q", p[0], p[1])
	}
	// stemming only slices: no allocation
	assert.Zero(t, testing.AllocsPerRun(10, func() { Stem("decisions") }))
}

func TestStripPossessive(t *testing.T) {
	for in, want := range map[string]string{
		"Kherson’s": "Kherson", "Kyiv's": "Kyiv", "Ukraines'": "Ukraines", "Donbas’": "Donbas",
		"'s": "'s", "bus": "bus", "": "",
	} {
		assert.Equal(t, want, StripPossessive(in), in)
	}
}

func TestNested(t *testing.T) {
	for in, want := range map[string]string{
		"British “Guardian”":      "British ‘Guardian’",
		`US "New York Times"`:     "US ‘New York Times’",
		`"quoted" and (“nested”)`: "‘quoted’ and (‘nested’)",
		"no quotes":               "no quotes",
	} {
		assert.Equal(t, want, Nested(in), in)
	}
}
