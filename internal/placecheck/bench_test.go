package placecheck

import (
	"fmt"
	"testing"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/seeds"
)

func BenchmarkCheck(b *testing.B) {
	c := New(Options{})
	var docs []*segment.Document
	size := 0
	for _, s := range seeds.All() {
		docs = append(docs, segment.Split(string(s.Data)))
		size += len(s.Data)
	}
	covs := make([]Coverage, len(docs))
	for i, d := range docs {
		covs[i] = Coverage{Path: fmt.Sprint(i), Doc: d}
	}
	c.Check(docs[0], nil) // warm the lexicon and gazetteer
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, d := range docs {
			c.Check(d, covs[:i])
		}
	}
}
