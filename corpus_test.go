package transcheck_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/align"
)

// indexCorpus is align's in-memory Index behind transcheck.Corpus, with
// documents kept by path; missing names paths whose fetch fails.
type indexCorpus struct {
	*align.Index
	docs    map[string]transcheck.Document
	missing map[string]bool
}

func newIndexCorpus(t *testing.T, docs []transcheck.Document) *indexCorpus {
	c := &indexCorpus{Index: align.NewIndex(), docs: map[string]transcheck.Document{}, missing: map[string]bool{}}
	for _, d := range docs {
		p := filepath.Clean(d.Path)
		require.NoError(t, c.Add(context.Background(), align.NewDocument(p, string(d.Data))))
		c.docs[p] = d
	}
	return c
}

func (c *indexCorpus) Document(ctx context.Context, path string) (transcheck.Document, error) {
	d, ok := c.docs[path]
	if !ok || c.missing[path] {
		return transcheck.Document{}, errors.New("gone from the archive")
	}
	return d, nil
}

// TestCheckCorpusMatchesCoverage: behind the Corpus interface, align's own
// index gives the alignments and coverage evidence CheckCoverage gives.
func TestCheckCorpusMatchesCoverage(t *testing.T) {
	c := checker(t)
	docs := seedDocs()
	ctx := context.Background()
	for i, d := range docs {
		want, err := c.Check(ctx, d, others(docs, i)...)
		require.NoError(t, err)
		got, err := c.CheckCorpus(ctx, d, newIndexCorpus(t, others(docs, i)))
		require.NoError(t, err)
		assert.Equal(t, want.Documents[0].Alignments, got.Documents[0].Alignments, d.Path)
		assert.Equal(t, want.Documents[0].MachineTranslation, got.Documents[0].MachineTranslation, d.Path)
		assert.Empty(t, got.Notices)
	}
}

// TestCheckCorpusUnfetchable: a document the corpus returns but cannot
// fetch is left out and named in the notices.
func TestCheckCorpusUnfetchable(t *testing.T) {
	c := checker(t)
	docs := seedDocs()
	corpus := newIndexCorpus(t, others(docs, 2))
	gone := filepath.Clean(docs[3].Path) // 002 aligns with sentences of 003
	corpus.missing[gone] = true
	r, err := c.CheckCorpus(context.Background(), docs[2], corpus)
	require.NoError(t, err)
	require.Len(t, r.Notices, 1)
	assert.Equal(t, gone, r.Notices[0].Path)
	assert.Contains(t, r.Notices[0].Message, "gone from the archive")
	for _, a := range r.Documents[0].Alignments {
		assert.NotEqual(t, gone, a.Coverage.Path)
	}
}
