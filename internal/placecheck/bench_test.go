package placecheck

import (
	"fmt"
	"testing"

	"github.com/transcheck/transcheck/internal/cputime"
	"github.com/transcheck/transcheck/internal/densetext"
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

// BenchmarkDenseAnalyze scans finding-dense text (internal/densetext: a
// place variant in about every other sentence) at 100 KB, 1 MB and 10 MB,
// with a seed as coverage: time per byte must not grow with the size.
func BenchmarkDenseAnalyze(b *testing.B) {
	c := New(Options{})
	s, _ := seeds.Get("002")
	cov := []Coverage{{Path: s.Path, Doc: segment.Split(string(s.Data))}}
	for _, n := range densetext.Sizes {
		doc := segment.Split(string(densetext.Generate(n, 1)))
		b.Run(densetext.Name(n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Text)))
			cpu := cputime.Start()
			for b.Loop() {
				c.Analyze(doc, cov)
			}
			cpu.Report(b, len(doc.Text))
		})
	}
}
