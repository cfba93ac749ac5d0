package transcheck_test

import (
	"context"
	"testing"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/internal/cputime"
	"github.com/transcheck/transcheck/internal/densetext"
)

// BenchmarkDense checks finding-dense text (internal/densetext: about 14
// findings per KB) of growing size alone, with the Checker built. Its
// MB/s must not fall with the size.
func BenchmarkDense(b *testing.B) {
	c := checker(b)
	for _, n := range densetext.Sizes {
		doc := transcheck.Document{Path: "dense.txt", Data: densetext.Generate(n, 1)}
		if int64(len(doc.Data)) > transcheck.DefaultMaxBytes {
			doc.Data = doc.Data[:transcheck.DefaultMaxBytes]
		}
		b.Run(densetext.Name(n), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Data)))
			b.ReportAllocs()
			cpu := cputime.Start()
			for b.Loop() {
				if _, err := c.Check(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			cpu.Report(b, len(doc.Data))
		})
	}
}
