package align

import (
	"context"
	"testing"

	"github.com/transcheck/transcheck/internal/cputime"
	"github.com/transcheck/transcheck/internal/densetext"
	"github.com/transcheck/transcheck/internal/segment"
)

// BenchmarkDenseComparable aligns finding-dense text (internal/densetext)
// of 100 KB, 1 MB and 10 MB with 100 synthetic coverage documents and the
// seeds: time per byte must not grow with the size.
func BenchmarkDenseComparable(b *testing.B) {
	x := NewIndex()
	for _, d := range append(synthCorpus(seeds(b), 100, 7), seeds(b)...) {
		if err := x.Add(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	for _, n := range densetext.Sizes {
		doc := Document{Path: "dense.txt", Seg: segment.Split(string(densetext.Generate(n, 1)))}
		b.Run(densetext.Name(n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Seg.Text)))
			cpu := cputime.Start()
			for b.Loop() {
				if _, err := Comparable(context.Background(), doc, x, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			cpu.Report(b, len(doc.Seg.Text))
		})
	}
}
