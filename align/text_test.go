package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"300,000", 300000, true},
		{"5,936", 5936, true},
		{"12", 12, true},
		{"1.5", 1.5, true},
		{"23rd", 23, true},
		{"1st", 1, true},
		{"2014", 2014, true},
		{"3,4", 0, false},      // not thousands groups
		{"1,0000", 0, false},   // a group of four
		{"10:30", 0, false},    // a time
		{"1990s", 0, false},    // a decade
		{"28puzzle", 0, false}, // run-on text
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumber(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestNumbersIn(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The Kremlin claimed to have lost just 1,351 soldiers.", []string{"1351"}},
		{"Russia called up 1.5 million reservists.", []string{"1500000"}},
		{"Twelve generals and twenty-five colonels died.", []string{"12", "25"}},
		{"About two thousand troops crossed.", []string{"2000"}},
		{"One of the sources said so.", nil},
		{"Covid-19 isolated him.", nil},
		{"between 10,000 and 50,000", []string{"10000", "50000"}},
	}
	for _, tt := range tests {
		d := segment.Split(tt.text)
		var got []string
		for _, s := range d.Sentences {
			for _, m := range numbersIn(s.Tokens) {
				got = append(got, m.value)
			}
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestNumberSpans(t *testing.T) {
	d := segment.Split("They mobilized 1.5 million reservists and twelve generals.")
	ms := numbersIn(d.Sentences[0].Tokens)
	require.Len(t, ms, 2)
	assert.Equal(t, "1.5 million", d.Slice(ms[0].span))
	assert.Equal(t, "twelve", d.Slice(ms[1].span))
}

func TestSentenceFields(t *testing.T) {
	d := segment.Split("Putin’s generals said the 300,000 reservists were moving to Kherson. According to Western sources, NATO agrees.")
	f := SentenceFields(d, 0)
	assert.Equal(t, []string{"putin", "kherson"}, f.Names, "capitalized words, possessive stripped")
	assert.Equal(t, []string{"300000"}, f.Numbers)
	assert.Equal(t, []string{"putin", "general", "reservist", "mov", "kherson"}, f.Terms, "stems of content words, in order")

	f = SentenceFields(d, 1)
	assert.Equal(t, []string{"western", "nato"}, f.Names, "a common word opening the sentence is no name; NATO is")
}

func TestSpecificity(t *testing.T) {
	assert.InDelta(t, 1.0, specificity("300000"), 1e-9)
	assert.Less(t, specificity("12"), specificity("2014"))
	assert.Less(t, specificity("2014"), specificity("5936"))
	assert.Greater(t, specificity("1.35"), specificity("1"))
	assert.Zero(t, specificity("abc"))
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"300,000", "1.5", "23rd", "3,4", "", ",", "1,000.5", "9999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseNumber(s)
		if !ok || v >= 1e15 {
			return
		}
		// a parsed number formats back to a parseable normalized form
		w, ok2 := parseNumber(formatNumber(v))
		if !ok2 || w != v {
			t.Fatalf("%q → %v → %q → %v, %v", s, v, formatNumber(v), w, ok2)
		}
	})
}

func TestIsStop(t *testing.T) {
	for w := range stopWords {
		assert.LessOrEqual(t, len(w), maxStopLen, w)
		assert.True(t, isStop(w), w)
	}
	for _, w := range []string{"", "general", "putin", "themselvesx", "x"} {
		assert.False(t, isStop(w), w)
	}
}
