package transcheck_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
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

// newsCorpus returns n coverage documents of about 4 KB made of the seeds'
// sentences: each document draws 25 to 40 sentences from all five seeds,
// with the numbers changed, so that every document is on the seeds' story
// and no two are alike. Nothing is committed: benchmarks build it on the
// fly.
func newsCorpus(n int) []transcheck.Document {
	var sents []string
	for _, d := range seedDocs() {
		for _, line := range strings.Split(string(d.Data), "\n") {
			for s := range strings.SplitSeq(line, ". ") {
				if len(s) > 40 {
					sents = append(sents, strings.TrimSuffix(s, ".")+".")
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(uint64(n), 7))
	docs := make([]transcheck.Document, n)
	for i := range docs {
		var b strings.Builder
		for k := range 25 + r.IntN(16) {
			if k > 0 {
				if r.IntN(4) == 0 {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			s := sents[r.IntN(len(sents))]
			b.WriteString(strings.Map(func(c rune) rune {
				if c >= '0' && c <= '9' {
					return '0' + rune(r.IntN(10))
				}
				return c
			}, s))
		}
		b.WriteByte('\n')
		docs[i] = transcheck.Document{Path: fmt.Sprintf("coverage/%05d.txt", i), Data: []byte(b.String())}
	}
	return docs
}

func corpusBytes(docs []transcheck.Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Data)
	}
	return n
}

// BenchmarkNewCoverage indexes 1,000 news documents (about 4 MB) through
// the public API.
func BenchmarkNewCoverage(b *testing.B) {
	c := checker(b)
	docs := newsCorpus(1000)
	size := corpusBytes(docs)
	b.SetBytes(int64(size))
	cpu := cputime.Start()
	for b.Loop() {
		if _, err := c.NewCoverage(context.Background(), docs...); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b, size)
}

// BenchmarkCheckNews checks each seed in turn against 10,000 news coverage
// documents, warm, through the public API: the whole pipeline's throughput
// on news text.
func BenchmarkCheckNews(b *testing.B) {
	c := checker(b)
	cov, err := c.NewCoverage(context.Background(), newsCorpus(10000)...)
	if err != nil {
		b.Fatal(err)
	}
	docs := seedDocs()
	size := corpusBytes(docs)
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu := cputime.Start()
	for b.Loop() {
		for _, d := range docs {
			if _, err := c.CheckCoverage(context.Background(), d, cov); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpu.Report(b, size)
}

// BenchmarkOpenCoverage opens a saved coverage of 10,000 news documents
// (about 40 MB of text): reading, checking and rebuilding the index.
func BenchmarkOpenCoverage(b *testing.B) {
	c := checker(b)
	cov, err := c.NewCoverage(context.Background(), newsCorpus(10000)...)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := cov.Save(dir); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, transcheck.CoverageIndexFile))
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	b.ResetTimer()
	cpu := cputime.Start()
	for b.Loop() {
		if _, err := transcheck.OpenCoverage(dir); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b, 0)
	b.ReportMetric(float64(st.Size())/1e6, "file-MB")
}
