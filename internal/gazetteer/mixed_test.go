package gazetteer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMixedSpellings: a two-word name whose words come from different
// spellings of the place is found as a variant; the spellings themselves
// keep their kinds and an all-preferred name stays the name.
func TestMixedSpellings(t *testing.T) {
	g := New(Place{ID: "x-gh", Name: "Stara Hora", Kind: KindCity, Country: "UA",
		Variants: []Variant{{"Staraya Gora", Russian}, {"Old Mountain", Literal}}})
	cases := []struct {
		name string
		kind VariantKind
	}{
		{"Stara Gora", Russian | Misspelling},
		{"Staraya Hora", Russian | Misspelling},
		{"Old Hora", Literal | Misspelling},
		{"Stara Mountain", Literal | Misspelling},
		{"Staraya Gora", Russian},
		{"Stara Hora", 0},
	}
	for _, c := range cases {
		ms := g.Lookup(c.name)
		require.Len(t, ms, 1, c.name)
		assert.Equal(t, c.kind, ms[0].Kind, c.name)
		assert.Equal(t, "x-gh", ms[0].Place.ID, c.name)
	}
	assert.Empty(t, g.Lookup("Stara Gorka"))
	assert.Empty(t, mixedSpellings(&Place{Name: "Hora", Variants: []Variant{{"Gora", Russian}}}), "one word: nothing to mix")
}
