package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExcludeRange(t *testing.T) {
	ps := []posting{{sent: 1}, {sent: 3}, {sent: 4}, {sent: 7}, {sent: 9}}
	sents := func(p []posting) []uint32 {
		out := []uint32{}
		for _, e := range p {
			out = append(out, e.sent)
		}
		return out
	}
	for _, tc := range []struct {
		first, end    uint32
		before, after []uint32
	}{
		{0, 0, []uint32{1, 3, 4, 7, 9}, []uint32{}}, // nothing excluded
		{3, 5, []uint32{1}, []uint32{7, 9}},
		{2, 3, []uint32{1}, []uint32{3, 4, 7, 9}}, // a range without postings
		{0, 100, []uint32{}, []uint32{}},
		{9, 10, []uint32{1, 3, 4, 7}, []uint32{}},
	} {
		b, a := excludeRange(ps, tc.first, tc.end)
		assert.Equal(t, tc.before, sents(b), "[%d, %d)", tc.first, tc.end)
		assert.Equal(t, tc.after, sents(a), "[%d, %d)", tc.first, tc.end)
	}
}
