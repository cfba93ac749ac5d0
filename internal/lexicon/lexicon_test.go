package lexicon

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSize(t *testing.T) {
	common, proper := Size()
	assert.Greater(t, common, 60000)
	assert.Greater(t, proper, 10000)
}

func TestIsWord(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		// common words, any case
		{"the", true},
		{"The", true},
		{"HIMSELF", true},
		{"battlefield", true},
		{"shine", true},
		{"change", true},
		{"bang", true},
		{"hang", true},
		{"long", true},
		{"man", true},
		{"pan", true},
		{"tie", true},
		// British spellings (wbritish)
		{"defence", true},
		{"criticise", true},
		{"demoralised", true},
		// inflections listed or derived
		{"soldiers", true},
		{"retreating", true},
		{"planned", true},
		{"counteroffensive", true},
		{"counteroffensives", true},
		{"micromanagement", true},
		{"artilleryman", true},
		{"unconfirmed", true},
		// possessives
		{"army's", true},
		{"army’s", true},
		{"soldiers'", true},
		{"it's", true},
		{"don't", true},
		// hyphenated compounds
		{"day-to-day", true},
		{"high-ranking", true},
		{"top-down", true},
		{"day--day", false},
		{"day-zhongmei", false},
		// proper names are not common words
		{"Wuhan", false},
		{"Putin", false},
		{"NATO", false},
		{"Wu", false},
		{"Nan", false},
		{"Chang", false},
		// romanized Chinese is not English
		{"Wubei", false},
		{"Zhongmei", false},
		{"Nei", false},
		{"Mei", false},
		{"Dong", false},
		{"Jin", false},
		{"Zhou", false},
		{"Tieman", false},
		{"Nanxi", false},
		// empty and junk
		{"", false},
		{"   ", false},
		{"123", false},
		{"-", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			assert.Equal(t, tt.want, IsWord(tt.w))
		})
	}
}

func TestIsProperName(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"Wuhan", true},
		{"WUHAN", true},
		{"wuhan", false},
		{"Putin", true},
		{"Putin’s", true},
		{"NATO", true},
		{"Beijing", true},
		{"Wu", true},
		{"O'Brien", true},
		{"the", false},
		{"The", false},
		{"Wubei", false},
		{"Nei", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			assert.Equal(t, tt.want, IsProperName(tt.w))
		})
	}
}

func TestKnown(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"soldier", true},
		{"Wuhan", true},
		{"Ukraine-Russia", true},
		{"Moscow-backed", true},
		{"Wubei", false},
		{"Mei-E", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			assert.Equal(t, tt.want, Known(tt.w))
		})
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	var wg sync.WaitGroup
	results := make([]bool, 8)
	for i := range results {
		wg.Go(func() { results[i] = IsWord("retreat") && !IsWord("Wubei") })
	}
	wg.Wait()
	for i, r := range results {
		require.True(t, r, "goroutine %d", i)
	}
}

func ExampleIsWord() {
	for _, w := range []string{"Soldiers’", "counteroffensives", "Wuhan", "Wubei"} {
		fmt.Println(w, IsWord(w), IsProperName(w))
	}
	// Output:
	// Soldiers’ true false
	// counteroffensives true false
	// Wuhan false true
	// Wubei false false
}

func BenchmarkIsWord(b *testing.B) {
	words := []string{"the", "Retreating", "army’s", "day-to-day", "Wubei", "counteroffensives", "Zhongmei", "soldiers"}
	Warm()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		IsWord(words[i%len(words)])
	}
}

func TestIsClipped(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"emp", true}, {"Aust", true}, {"pref", true},
		{"round", false}, {"fin", false}, {"the", false}, {"x", false},
		{"medium", false}, {"zzqx", false}, {"U.S", false},
	} {
		if got := IsClipped(tc.w); got != tc.want {
			t.Errorf("IsClipped(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

// TestCommonListSorted guards IsClipped's binary search: the generator
// must keep writing the common words in byte order.
func TestCommonListSorted(t *testing.T) {
	lines := commonLines()
	for k := 1; k < len(lines); k++ {
		if a, b := commonLine(lines, k-1), commonLine(lines, k); a >= b {
			t.Fatalf("common.txt not sorted at line %d: %q >= %q", k+1, a, b)
		}
	}
}
