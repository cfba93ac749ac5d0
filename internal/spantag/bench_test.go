package spantag

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/internal/cputime"
	"github.com/transcheck/transcheck/internal/segment"
)

// BenchmarkPassages measures the tagger over an article-sized text of
// edited-English-like sentences, reporting MB/s of wall time and, as
// cpu-MB/s, of processor time (internal/cputime: on a busy machine wall
// time includes waiting for a core).
func BenchmarkPassages(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("The regional government said on Monday that it would spend 1.2 billion euros on new railway lines, "+
		"although critics warned that the plan of the ministry was not enough for the needs of the northern towns. ", 40)
	doc := segment.Split(text)
	b.SetBytes(int64(len(text)))
	cpu := cputime.Start()
	for b.Loop() {
		tg.Passages(doc, 0.4)
	}
	cpu.Report(b, len(text))
}
