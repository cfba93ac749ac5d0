package align

import (
	"context"
	"fmt"
	"github.com/transcheck/transcheck/internal/rules"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func query(d Document, i int) Query {
	return Query{Text: d.Seg.Slice(d.Seg.Sentences[i].Span), Fields: SentenceFields(d.Seg, i), Exclude: d.Path}
}

func TestIndexCandidates(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	require.NoError(t, x.Add(ctx, NewDocument("a.txt", "The mayor opened a new bridge over the river on Monday.\nFarmers expect a record harvest of wheat this year.\n")))
	require.NoError(t, x.Add(ctx, NewDocument("b.txt", "Officials say 4,200 people attended the festival.\nThe river bridge was opened by the mayor.\n")))
	docs, sents := x.Len()
	assert.Equal(t, 2, docs)
	assert.Equal(t, 4, sents)

	q := NewDocument("q.txt", "On Monday the mayor opened the bridge across the river.\nThe festival drew 4,200 visitors.\n")
	cands, err := x.Candidates(ctx, query(q, 0), 10)
	require.NoError(t, err)
	require.Len(t, cands, 2, "only sentences that share a field")
	assert.Equal(t, "a.txt", cands[0].Path, "more shared words rank first")
	assert.Equal(t, 0, cands[0].Sentence)
	assert.Equal(t, "The mayor opened a new bridge over the river on Monday.", cands[0].Text)
	assert.Equal(t, cands[0].Text, "The mayor opened a new bridge over the river on Monday.\n"[cands[0].Span.Start:cands[0].Span.End])
	assert.Equal(t, "b.txt", cands[1].Path)
	assert.Equal(t, 1, cands[1].Sentence)
	assert.Greater(t, cands[0].Score, cands[1].Score)

	text, ok := x.Text("./a.txt")
	assert.True(t, ok)
	assert.Equal(t, "The mayor opened a new bridge over the river on Monday.\nFarmers expect a record harvest of wheat this year.\n", text)
	_, ok = x.Text("c.txt")
	assert.False(t, ok)

	// a number is found in its normalized form
	cands, err = x.Candidates(ctx, query(q, 1), 1)
	require.NoError(t, err)
	require.Len(t, cands, 1)
	assert.Equal(t, "b.txt", cands[0].Path)
	assert.Equal(t, 0, cands[0].Sentence)

	// the excluded document never comes back
	cands, err = x.Candidates(ctx, Query{Fields: SentenceFields(q.Seg, 0), Exclude: "./a.txt"}, 10)
	require.NoError(t, err)
	for _, c := range cands {
		assert.NotEqual(t, "a.txt", c.Path)
	}

	// nothing in common, nothing back
	cands, err = x.Candidates(ctx, query(NewDocument("z.txt", "Quantum chromodynamics."), 0), 10)
	require.NoError(t, err)
	assert.Empty(t, cands)
}

func TestIndexErrors(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	require.NoError(t, x.Add(ctx, NewDocument("dir/a.txt", "Text.")))
	err := x.Add(ctx, NewDocument("dir/./a.txt", "Other text."))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"dir/a.txt"`)
	assert.Contains(t, err.Error(), "already")

	err = x.Add(ctx, Document{Path: "b.txt"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no segmentation")

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	require.ErrorIs(t, x.Add(canceled, NewDocument("c.txt", "Text.")), context.Canceled)
	_, err = x.Candidates(canceled, query(NewDocument("q", "Text."), 0), 3)
	require.ErrorIs(t, err, context.Canceled)

	empty := NewIndex()
	cands, err := empty.Candidates(ctx, query(NewDocument("q", "Text."), 0), 3)
	require.NoError(t, err)
	assert.Empty(t, cands)
}

// TestIndexHead checks that a term found in more sentences than the index
// keeps postings for still retrieves its best sentences, and that rescoring
// counts every query term.
func TestIndexHead(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	// many long sentences with "ceasefire", then one short sentence with
	// "ceasefire" and a rarer word
	for i := range 3 * headSize {
		require.NoError(t, x.Add(ctx, NewDocument(fmt.Sprintf("filler/%04d.txt", i),
			fmt.Sprintf("The ceasefire talks continued for day %d with delegates from many countries arguing over details of maps and corridors.", i))))
	}
	require.NoError(t, x.Add(ctx, NewDocument("target.txt", "Ceasefire collapses in Zaporizhzhia.")))
	cands, err := x.Candidates(ctx, query(NewDocument("q.txt", "The ceasefire in Zaporizhzhia collapsed overnight."), 0), 3)
	require.NoError(t, err)
	require.NotEmpty(t, cands)
	assert.Equal(t, "target.txt", cands[0].Path)
	assert.Len(t, x.terms[x.vocab[kindTerm]["ceasefir"]].top(), headSize, "a frequent term's head holds headSize postings")
	assert.Equal(t, 3*headSize+1, x.terms[x.vocab[kindTerm]["ceasefir"]].df(), "and counts them all")
}

func TestIndexConcurrent(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	docs := seeds(t)
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Go(func() { assert.NoError(t, x.Add(ctx, d)) })
		wg.Go(func() {
			for i := range d.Seg.Sentences {
				_, err := x.Candidates(ctx, query(d, i), 5)
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
	n, _ := x.Len()
	assert.Equal(t, len(docs), n)

	// once built, answers are the same from any goroutine
	want, err := x.Candidates(ctx, query(docs[0], 4), 5)
	require.NoError(t, err)
	for range 4 {
		wg.Go(func() {
			got, err := x.Candidates(ctx, query(docs[0], 4), 5)
			assert.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
	wg.Wait()
}

// TestRetrievalAtScale plants the seeds in a synthetic corpus, with the
// posting budget cut so that the query's frequent terms are read only from
// their heads, and checks that the seeds' related sentences are still found
// and aligned.
func TestRetrievalAtScale(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	x.budget = 2048
	for _, d := range synthCorpus(seeds(t), 1500, 3) {
		require.NoError(t, x.Add(ctx, d))
	}
	for _, d := range seeds(t) {
		require.NoError(t, x.Add(ctx, d))
	}
	docs := seeds(t)
	q := query(docs[0], sentenceWith(t, docs[0], "We believe that Putin"))
	total := 0
	for _, qt := range x.queryTerms(q.Fields, len(x.sents)) {
		total += x.terms[qt.id].df()
	}
	require.Greater(t, total, 2*x.budget, "the query's postings do not fit the budget")

	res, err := Comparable(ctx, docs[0], x, Options{})
	require.NoError(t, err)
	_, found := findAlignment(res, sentenceWith(t, docs[0], "We believe that Putin"), docs[3].Path, sentenceWith(t, docs[3], "We think Putin"))
	assert.True(t, found, "000's Times quote still aligns to 003's among 1,500 synthetic documents")
	quotes := 0
	for _, d := range res.Differences {
		if d.Rule == rules.QuoteReworded.ID && d.Evidence[0].Path == docs[3].Path {
			quotes++
		}
	}
	assert.Equal(t, 1, quotes)
}
