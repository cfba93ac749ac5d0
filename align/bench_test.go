package align

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// checkArticle is the article the check benchmarks align: seed 000 followed
// by the opening paragraphs of seed 003, cut at the first paragraph end
// after 5,000 bytes.
func checkArticle(tb testing.TB) Document {
	docs := seeds(tb)
	text := docs[0].Seg.Text + docs[3].Seg.Text
	if i := strings.IndexByte(text[5000:], '\n'); i >= 0 {
		text = text[:5000+i+1]
	}
	return NewDocument("article.txt", text)
}

// BenchmarkIndex measures how fast the index takes in documents, in MB/s of
// text, segmentation included, over 1,000 synthetic documents: one
// document after another with Add ("add"). "segment-only" is the shared
// segmentation alone, for reference. (Loading files is the root's job:
// transcheck.NewCoverage prepares documents on every processor.)
func BenchmarkIndex(b *testing.B) {
	docs := synthCorpus(seeds(b), 1000, 7)
	size := 0
	for _, d := range docs {
		size += len(d.Seg.Text)
	}
	b.Run("segment-only", func(b *testing.B) {
		// the shared segmentation alone, for reference: the floor of "add"
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, d := range docs {
				segment.Split(d.Seg.Text)
			}
		}
	})
	b.Run("add", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			x := NewIndex()
			for _, d := range docs {
				if err := x.Add(context.Background(), NewDocument(d.Path, d.Seg.Text)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkCheck measures the comparable check of one 5 KB article against
// synthetic corpora of 100, 1,000 and 10,000 documents (with the seeds
// among them), reported as ms/check (wall time) and cpu-ms/check (processor
// time of the whole process, garbage collection included).
func BenchmarkCheck(b *testing.B) {
	article := checkArticle(b)
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			x := NewIndex()
			for _, d := range append(synthCorpus(seeds(b), n, 7), seeds(b)...) {
				require.NoError(b, x.Add(context.Background(), d))
			}
			res, err := Comparable(context.Background(), article, x, Options{})
			require.NoError(b, err)
			require.NotEmpty(b, res.Alignments)
			runtime.GC()
			b.ResetTimer()
			start := time.Now()
			cpu0, cpuOK := cpuTime()
			for b.Loop() {
				if _, err := Comparable(context.Background(), article, x, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/check")
			if cpu1, ok := cpuTime(); ok && cpuOK {
				b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/check")
			}
		})
	}
}

// BenchmarkRetrieval measures what the bounded retrieval gives up against
// exhaustive BM25 in a synthetic corpus of 10,000 documents with the seeds
// among them: each seed sentence that the labelled pairs relate to another
// seed is a query. It reports µs/query for Candidates (k = 10), the share
// of the exact top 10 it returns ("exact-overlap"), and how many related
// seed sentences come back in its top 10 ("pairs") and in the exact top 10
// ("pairs-exact"), out of "pairs-total".
func BenchmarkRetrieval(b *testing.B) {
	docs := seeds(b)
	x := NewIndex()
	for _, d := range append(synthCorpus(docs, 10000, 7), docs...) {
		require.NoError(b, x.Add(context.Background(), d))
	}
	type loc struct{ doc, sent int }
	bySentence := map[string]loc{}
	for k, d := range docs {
		for i, s := range d.Seg.Sentences {
			bySentence[d.Seg.Text[s.Span.Start:s.Span.End]] = loc{k, i}
		}
	}
	type pair struct{ q, want loc }
	var pairs []pair
	for _, lp := range readPairs(b) {
		w, ok := bySentence[lp.b]
		if lp.label != "1" || !ok {
			continue
		}
		a := bySentence[lp.a]
		pairs = append(pairs, pair{a, w}, pair{w, a})
	}
	const k = 10
	queries := make([]Query, len(pairs))
	for i, p := range pairs {
		d := docs[p.q.doc]
		queries[i] = Query{Fields: SentenceFields(d.Seg, p.q.sent), Exclude: d.Path}
	}
	// exhaustive BM25 over every sentence, for reference
	exact := func(q Query) []Candidate {
		n := len(x.sents)
		qts := x.queryTerms(q.Fields, n)
		avg := float64(x.sumLen) / float64(n)
		ex := x.byPath[q.Exclude]
		var all []scored
		for s := range n {
			if x.sents[s].doc != ex {
				all = append(all, scored{uint32(s), x.bm25(uint32(s), qts, avg)})
			}
		}
		slices.SortFunc(all, func(a, b scored) int {
			if better(a, b) {
				return -1
			}
			return 1
		})
		var out []Candidate
		for _, e := range all[:k] {
			r := x.sents[e.sent]
			out = append(out, Candidate{Path: x.docs[r.doc].path, Sentence: int(r.index)})
		}
		return out
	}
	has := func(cs []Candidate, path string, sent int) bool {
		return slices.ContainsFunc(cs, func(c Candidate) bool { return c.Path == path && c.Sentence == sent })
	}
	overlap, found, foundExact := 0, 0, 0
	for i, q := range queries {
		got, err := x.Candidates(context.Background(), q, k)
		require.NoError(b, err)
		ex := exact(q)
		for _, c := range got {
			if has(ex, c.Path, c.Sentence) {
				overlap++
			}
		}
		w := pairs[i].want
		if has(got, docs[w.doc].Path, w.sent) {
			found++
		}
		if has(ex, docs[w.doc].Path, w.sent) {
			foundExact++
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, q := range queries {
			if _, err := x.Candidates(context.Background(), q, k); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(queries)), "µs/query")
	b.ReportMetric(float64(overlap)/float64(k*len(queries)), "exact-overlap")
	b.ReportMetric(float64(found), "pairs")
	b.ReportMetric(float64(foundExact), "pairs-exact")
	b.ReportMetric(float64(len(pairs)), "pairs-total")
}
