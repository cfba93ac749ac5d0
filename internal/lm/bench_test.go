package lm

import (
	"strings"
	"testing"
)

// BenchmarkSurprisal scores a 1,000-token text sentence by sentence, after
// tokenizing it: the cost per byte of analysed text.
func BenchmarkSurprisal(b *testing.B) {
	m, err := English()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("The minister said on Monday that the new rules would take effect next year, after talks with the unions. ", 50)
	b.SetBytes(int64(len(text)))
	dst := make([]float64, 0, 2048)
	for b.Loop() {
		w := Words(text)
		dst = dst[:len(w)]
		m.SurprisalInto(dst, w)
	}
}

// BenchmarkLoad is the cost of reading the embedded model in place.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(englishData); err != nil {
			b.Fatal(err)
		}
	}
}
