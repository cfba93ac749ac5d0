package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

func TestQuantities(t *testing.T) {
	tests := []struct {
		text   string
		values []float64
		kind   int
		span   string
	}{
		{"It cost 2.5 million euros.", []float64{2.5e6}, qtyMoney, "2.5 million euros"},
		{"The 58-year-old man left.", []float64{58}, qtyAge, "58-year-old"},
		{"He is 58 years old.", []float64{58}, qtyAge, "58 years old"},
		{"About 10-15 people were there.", []float64{10, 15}, qtyCount, "10-15 people"},
		{"Prices rose 7 per cent.", []float64{7}, qtyPercent, "7 per cent"},
		{"Turnout was 62,41 %.", []float64{62.41}, qtyPercent, "62,41 %"},
		{"It opened on March 5 in Prague.", []float64{5}, qtyDay, "5"},
		{"The 2019-20 season ended.", []float64{2019, 2020}, qtyYear, "2019-20"},
		{"It starts at 6:30 PM.", []float64{18*60 + 30}, qtyTime, "6:30"},
		{"They spent $1 tln on it.", []float64{1e12}, qtyMoney, "$1 tln"},
		{"Twelve generals were killed.", []float64{12}, qtyCount, "Twelve generals"},
		{"It was signed in 2015.", []float64{2015}, qtyYear, "2015"},
		{"Call 01.02 for details.", nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := segment.Split(tt.text)
			qs := quantitiesIn(d.Sentences[0].Tokens)
			if tt.values == nil {
				assert.Empty(t, qs)
				return
			}
			require.Len(t, qs, len(tt.values))
			for k, q := range qs {
				assert.Equal(t, tt.values[k], q.value)
				assert.Equal(t, tt.kind, q.kind)
				assert.Equal(t, tt.span, d.Slice(q.span))
			}
		})
	}
}

func TestSameValue(t *testing.T) {
	assert.True(t, sameValue(5936, 5940), "rounded to tens")
	assert.True(t, sameValue(298, 300), "rounded to hundreds")
	assert.False(t, sameValue(38, 40), "more than a hundredth apart")
	assert.False(t, sameValue(2014, 2015))
	assert.False(t, sameQuantity(quantity{value: 2010, kind: qtyYear}, quantity{value: 2011, kind: qtyYear}), "years compare exactly")
}

func FuzzQuantities(f *testing.F) {
	for _, s := range []string{"2.5 million", "58-year-old", "10-15%", "6:30 pm", "$5bn", "2019–20", "62,41 %", "March 5", "1,2,3", "0:99", "-5", "9999999999999999999999", "a 24-hour period", "a ten-year-old deal", "line no. 400", "in 1717", "112 km/h", "5-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := segment.Split(text)
		for _, s := range d.Sentences {
			for _, q := range quantitiesIn(s.Tokens) {
				if q.span.Start < 0 || q.span.End > len(text) || q.span.Start > q.span.End ||
					q.num.Start < q.span.Start || q.num.End > len(text) {
					t.Fatalf("span %v (number %v) outside %q", q.span, q.num, text)
				}
			}
		}
	})
}
