package lingua

import (
	"context"
	"testing"

	"github.com/transcheck/transcheck/internal/cputime"
	"github.com/transcheck/transcheck/internal/densetext"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/seeds"
)

func benchSeed(b *testing.B) string {
	s, ok := seeds.Get("002")
	if !ok {
		b.Fatal("seed 002 missing")
	}
	return string(s.Data)
}

// BenchmarkAnalyze measures the whole lingua analysis of one article
// (segmentation included), in MB/s.
func BenchmarkAnalyze(b *testing.B) {
	text := benchSeed(b)
	d := detector(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := d.Analyze(context.Background(), segment.Split(text)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSignals measures the detectors alone, without lingua-go.
func BenchmarkSignals(b *testing.B) {
	text := benchSeed(b)
	doc := segment.Split(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		hits := boundaryHits(doc)
		hits = append(hits, noFiniteVerbHits(doc)...)
		hits = append(hits, romanizedHits(doc, nil)...)
		hits = append(hits, phraseHits(doc)...)
		hits = append(hits, institutionHits(doc)...)
		hits = append(hits, chromeHits(doc)...)
		hits = append(hits, quoteMarkHits(doc)...)
		hits = append(hits, numberFormatHits(doc)...)
		hits = append(hits, spellingHits(doc, nil)...)
		hits = append(hits, relativeThatHits(doc)...)
		hits = append(hits, reportedConditionalHits(doc)...)
		summarize(hits)
		passages(doc.Text, hits, Uncertain)
	}
}

// BenchmarkLinguaGoDetect is lingua-go's own cost on the same text: one
// DetectLanguageOf over the whole article with the same seven languages.
func BenchmarkLinguaGoDetect(b *testing.B) {
	text := benchSeed(b)
	d := detector(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.full().DetectLanguageOf(text)
	}
}

// BenchmarkFluency measures the fluency signal alone: scoring every prose
// sentence of the article under the class trigram model.
func BenchmarkFluency(b *testing.B) {
	text := benchSeed(b)
	doc := segment.Split(text)
	d := detector(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		fluencyHits(doc, d.fluency, nil)
	}
}

// BenchmarkDenseAnalyze measures the whole analysis of finding-dense text
// (internal/densetext) at 100 KB, 1 MB and 10 MB: time per byte must not
// grow with the size.
func BenchmarkDenseAnalyze(b *testing.B) {
	d := detector(b)
	for _, n := range densetext.Sizes {
		text := string(densetext.Generate(n, 1))
		doc := segment.Split(text)
		b.Run(densetext.Name(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			cpu := cputime.Start()
			for b.Loop() {
				if _, err := d.Analyze(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			cpu.Report(b, len(text))
		})
	}
}

// BenchmarkDenseLanguages measures language identification alone on
// finding-dense text: the whole document's and each sentence's.
func BenchmarkDenseLanguages(b *testing.B) {
	d := detector(b)
	for _, n := range densetext.Sizes {
		text := string(densetext.Generate(n, 1))
		doc := segment.Split(text)
		b.Run("document/"+densetext.Name(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			cpu := cputime.Start()
			for b.Loop() {
				d.Identify(text)
			}
			cpu.Report(b, len(text))
		})
		b.Run("sentences/"+densetext.Name(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			cpu := cputime.Start()
			for b.Loop() {
				if _, err := d.sentenceLanguages(context.Background(), doc, d.identifyDocument(text)); err != nil {
					b.Fatal(err)
				}
			}
			cpu.Report(b, len(text))
		})
	}
}

// BenchmarkSlips measures the word-slip checks (merged and doubled words)
// on one segmented article, in cpu-ms per article.
func BenchmarkSlips(b *testing.B) {
	text := benchSeed(b)
	doc := segment.Split(text)
	mergedHits(doc) // load the phrase table
	b.SetBytes(int64(len(text)))
	cpu := cputime.Start()
	for b.Loop() {
		mergedHits(doc)
		repeatedWordHits(doc)
	}
	cpu.Report(b, len(text))
}
