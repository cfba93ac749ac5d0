package segment

import (
	"testing"

	"github.com/transcheck/transcheck/internal/cputime"
	"github.com/transcheck/transcheck/internal/densetext"
)

// BenchmarkDenseSplit segments finding-dense text (internal/densetext) at
// 100 KB, 1 MB and 10 MB: time per byte must not grow with the size.
func BenchmarkDenseSplit(b *testing.B) {
	for _, n := range densetext.Sizes {
		text := string(densetext.Generate(n, 1))
		b.Run(densetext.Name(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			cpu := cputime.Start()
			for b.Loop() {
				Split(text)
			}
			cpu.Report(b, len(text))
		})
	}
}
