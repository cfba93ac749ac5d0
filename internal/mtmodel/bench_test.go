package mtmodel

import (
	"strings"
	"testing"
)

// BenchmarkDocument scores a 50-sentence document: features (language
// model, word classes, hashing) and the linear model, per byte of text.
func BenchmarkDocument(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := make([]string, 50)
	n := 0
	for i := range sents {
		sents[i] = "The minister said on Monday that the new rules would take effect next year, after talks with the unions."
		n += len(sents[i]) + 1
	}
	_ = strings.Join
	b.SetBytes(int64(n))
	for b.Loop() {
		m.Document(sents)
	}
}

// BenchmarkLoad is the start-up cost of the classifier: parsing its small
// header (the weights are used in place).
func BenchmarkLoad(b *testing.B) {
	x, err := NewExtractor()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Load(modelData, x); err != nil {
			b.Fatal(err)
		}
	}
}
