package transcheck_test

import (
	"cmp"
	"context"
	"fmt"
	"log"
	"slices"
	"strings"
	"sync"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/align"
)

// wordCorpus is a toy transcheck.Corpus kept in memory: it ranks coverage
// sentences by the words they share with the query. A newsroom would put
// its search engine behind the same two interfaces.
type wordCorpus struct {
	mu    sync.RWMutex
	docs  map[string]string
	sents []align.Candidate
}

func newWordCorpus() *wordCorpus { return &wordCorpus{docs: map[string]string{}} }

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == ',')
	}) {
		m[w] = true
	}
	return m
}

// Add keeps the document's text and its sentences, as the segmentation
// align gives them.
func (c *wordCorpus) Add(ctx context.Context, d align.Document) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, dup := c.docs[d.Path]; dup {
		return fmt.Errorf("%s: added twice", d.Path)
	}
	c.docs[d.Path] = d.Seg.Text
	for i, s := range d.Seg.Sentences {
		c.sents = append(c.sents, align.Candidate{Path: d.Path, Sentence: i, Span: s.Span, Text: d.Seg.Slice(s.Span)})
	}
	return nil
}

// Candidates returns the k sentences sharing most words with the query.
func (c *wordCorpus) Candidates(ctx context.Context, q align.Query, k int) ([]align.Candidate, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	want := words(q.Text)
	var out []align.Candidate
	for _, s := range c.sents {
		if s.Path == q.Exclude {
			continue
		}
		n := 0
		for w := range words(s.Text) {
			if want[w] {
				n++
			}
		}
		if n > 0 {
			s.Score = float64(n)
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b align.Candidate) int { return cmp.Compare(b.Score, a.Score) })
	return out[:min(k, len(out))], nil
}

// Document fetches a document the corpus returned.
func (c *wordCorpus) Document(ctx context.Context, path string) (transcheck.Document, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	text, ok := c.docs[path]
	if !ok {
		return transcheck.Document{}, fmt.Errorf("%s: not in the corpus", path)
	}
	return transcheck.Document{Path: path, Data: []byte(text)}, nil
}

// ExampleChecker_CheckCorpus checks a story against coverage held by a
// Corpus of one's own instead of transcheck's Coverage.
func ExampleChecker_CheckCorpus() {
	ctx := context.Background()
	corpus := newWordCorpus()
	wire := "Moscow announced on Wednesday that 300,000 reservists would be called up for the war in Ukraine."
	if err := corpus.Add(ctx, align.NewDocument("wire/ap.txt", wire)); err != nil {
		log.Fatal(err)
	}
	c, err := transcheck.New(transcheck.Options{})
	if err != nil {
		log.Fatal(err)
	}
	story := "Moscow announced on Wednesday that 300,000 civilians would be called up for the war in Ukraine."
	rep, err := c.CheckCorpus(ctx, transcheck.Document{Path: "story.txt", Data: []byte(story)}, corpus)
	if err != nil {
		log.Fatal(err)
	}
	d := rep.Documents[0]
	for _, a := range d.Alignments {
		fmt.Printf("aligned with %s (score %.2f)\n", a.Coverage.Path, a.Score)
	}
	for _, f := range d.Findings {
		if len(f.Evidence) > 0 {
			fmt.Printf("%s %q, coverage: %q\n", f.Rule, f.Text, f.Evidence[0].Text)
		}
	}
	// Output:
	// aligned with wire/ap.txt (score 0.99)
	// number/different-noun "300,000 civilians", coverage: "Moscow announced on Wednesday that 300,000 reservists would be called up for the war in Ukraine."
}
