package placecheck

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
)

// TestInstallationAdjective: an adjective made of a place's name before
// an installation's noun is reported with the place's name; before an
// administrative unit's noun it is the unit's correct name.
func TestInstallationAdjective(t *testing.T) {
	c := New(Options{})
	cases := []struct {
		text, word, want string
	}{
		{"Engineers inspected the Kakhovska HPP after the spring floods.", "Kakhovska", "Kakhovka"},
		{"Water levels fell behind the Kakhovskaya dam in June.", "Kakhovskaya", "Kakhovka"},
		{"Engineers inspected the Kakhovka HPP after the spring floods.", "Kakhovka", ""},
		{"Volunteers cleared debris in the Kupianske community on Sunday.", "Kupianske", ""},
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
				assert.Equal(t, rules.PlaceVariant.ID, f.Rule)
				assert.Equal(t, []string{tc.want}, f.Suggestions)
			}
		})
	}
}

// TestRaionAdjective: a Russian adjective before "district" that names a
// raion gets the raion's Ukrainian name first, then its town's.
func TestRaionAdjective(t *testing.T) {
	c := New(Options{})
	fs := c.Check(segment.Split("Overnight drones struck two villages in the Voznesensky district, officials said."), nil)
	f, ok := find(fs, "Voznesensky")
	if assert.True(t, ok, "%+v", fs) {
		assert.Equal(t, rules.PlaceVariant.ID, f.Rule)
		assert.Equal(t, []string{"Voznesenskyi", "Voznesensk"}, f.Suggestions)
		assert.Contains(t, f.Message, "Russian-derived")
	}
	fs = c.Check(segment.Split("Overnight drones struck two villages in the Voznesenskyi district, officials said."), nil)
	_, ok = find(fs, "Voznesenskyi")
	assert.False(t, ok, "%+v", fs)
}

// TestGarbledRussianAdjective: a Russian adjective whose stem is a garbled
// spelling of a place's name suggests the place; a Ukrainian district
// adjective before its noun is left alone.
func TestGarbledRussianAdjective(t *testing.T) {
	c := New(Options{})
	fs := c.Check(segment.Split("Fighting went on in the Vremyevsky district until dawn."), nil)
	f, ok := find(fs, "Vremyevsky")
	if assert.True(t, ok, "%+v", fs) {
		assert.Equal(t, rules.PlaceTransliteration.ID, f.Rule)
		assert.Equal(t, "Vremivka", f.Suggestions[0])
		assert.Contains(t, f.Message, "adjective")
	}
	fs = c.Check(segment.Split("Power returned to homes in the Kyivskyi district on Tuesday."), nil)
	_, ok = find(fs, "Kyivskyi")
	assert.False(t, ok, "%+v", fs)
}

// TestNationalAdjectiveEnding: an adjective's name with an "-yy" ending
// gets the national "-yi" spelling of the same word first.
func TestNationalAdjectiveEnding(t *testing.T) {
	c := New(Options{})
	fs := c.Check(segment.Split("Grain ships left the port of Pivdennyy on Friday."), nil)
	f, ok := find(fs, "Pivdennyy")
	if assert.True(t, ok, "%+v", fs) {
		assert.Equal(t, "Pivdennyi", f.Suggestions[0])
	}
	for word, want := range map[string]string{"Pivdennyy": "Pivdennyi", "Zakhidniy": "Zakhidnyi", "Kyiv": "", "Rudyy Lis": ""} {
		got, ok := nationalAdjective(word)
		assert.Equal(t, want != "", ok, word)
		assert.Equal(t, want, got, word)
	}
}
