package align

import (
	"context"
	"errors"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// findAlignment returns the alignment of source sentence i to sentence j of
// the document at path, if any.
func findAlignment(res *Result, i int, path string, j int) (Alignment, bool) {
	for _, a := range res.Alignments {
		if len(a.Source) > 0 && a.Source[0] == i && a.Target == path && a.TargetSentences[0] == j {
			return a, true
		}
	}
	return Alignment{}, false
}

func TestComparableSeeds(t *testing.T) {
	x := seedIndex(t)
	docs := seeds(t)
	ctx := context.Background()
	results := make([]*Result, len(docs))
	for k, d := range docs {
		res, err := Comparable(ctx, d, x, Options{})
		require.NoError(t, err)
		results[k] = res
		for _, a := range res.Alignments {
			assert.NotEqual(t, d.Path, a.Target, "%s never aligns to itself", d.Path)
			assert.GreaterOrEqual(t, a.Score, DefaultThreshold)
			assert.Equal(t, ModeComparable, a.Mode)
			assert.Equal(t, a.SourceText, d.Seg.Slice(a.SourceSpan))
			assert.Equal(t, a.SourceText, spell(a.Diff, report.DiffInsert), "the diff is from the source text")
		}
	}

	t.Run("000's Times quote aligns to 003's and differs", func(t *testing.T) {
		src, tgt := docs[0], docs[3]
		i := sentenceWith(t, src, "We believe that Putin and Gerasimov")
		j := sentenceWith(t, tgt, "We think Putin and Gerasimov")
		a, ok := findAlignment(results[0], i, tgt.Path, j)
		require.True(t, ok, "sentence %d of 000 aligns to sentence %d of 003", i, j)
		assert.Equal(t, tgt.Seg.Slice(a.TargetSpan), a.TargetText)

		var quote *report.Finding
		for k, d := range results[0].Differences {
			if d.Rule == rules.QuoteReworded.ID {
				quote = &results[0].Differences[k]
			}
		}
		require.NotNil(t, quote, "a quote difference")
		assert.Equal(t, report.Quote, quote.Category)
		assert.True(t, strings.HasPrefix(quote.Text, "We believe that Putin"), quote.Text)
		assert.Equal(t, quote.Text, src.Seg.Text[quote.Span.Start:quote.Span.End])
		assert.Equal(t, tgt.Path, quote.Evidence[0].Path)
		assert.Equal(t, rspan(a.TargetSpan), quote.Evidence[0].Span)
		assert.Contains(t, quote.Diff, report.DiffOp{Op: report.DiffDelete, Text: "believe that"})
		assert.Contains(t, quote.Diff, report.DiffOp{Op: report.DiffInsert, Text: "think"})
		assert.Contains(t, quote.Diff, report.DiffOp{Op: report.DiffDelete, Text: "decisions"})
		assert.Contains(t, quote.Diff, report.DiffOp{Op: report.DiffInsert, Text: "decision-making"})
		assert.True(t, strings.HasPrefix(quote.Suggestions[0], "We think Putin"), quote.Suggestions)
	})

	t.Run("001's 300,000 aligns to 002's and the noun differs", func(t *testing.T) {
		// the other way round (002 against 001) is not reported: 002 itself
		// speaks of soldiers elsewhere, so its "civilians" may be a choice
		// 002's sentence is three times as long and holds the fact in its
		// last clause: the default threshold, fitted on translations of
		// whole sentences, is too strict for it, a lower one is not
		src, tgt := docs[1], docs[2]
		res, err := Comparable(t.Context(), src, seedIndex(t), Options{Threshold: 0.15})
		require.NoError(t, err)
		i := sentenceWith(t, src, "300,000 reserve soldiers")
		j := sentenceWith(t, tgt, "300,000 civilians")
		_, ok := findAlignment(res, i, tgt.Path, j)
		require.True(t, ok, "sentence %d of 001 aligns to sentence %d of 002", i, j)
		var number *report.Finding
		for k, d := range res.Differences {
			if d.Rule == rules.NumberDifferentNoun.ID {
				number = &res.Differences[k]
			}
		}
		require.NotNil(t, number, "a number difference")
		assert.Equal(t, report.Number, number.Category)
		assert.Equal(t, "300,000 reserve soldiers", number.Text)
		assert.Equal(t, "300,000 reserve soldiers", src.Seg.Text[number.Span.Start:number.Span.End])
		assert.Equal(t, []string{"300,000 civilians"}, number.Suggestions)
		assert.Equal(t, tgt.Path, number.Evidence[0].Path)
	})

	t.Run("001's 300,000 is checked against 002's at the default threshold", func(t *testing.T) {
		// the two sentences do not align, but the rare number they share
		// anchors the fact (anchoredNumbers)
		src, tgt := docs[1], docs[2]
		i := sentenceWith(t, src, "300,000 reserve soldiers")
		j := sentenceWith(t, tgt, "300,000 civilians")
		_, aligned := findAlignment(results[1], i, tgt.Path, j)
		assert.False(t, aligned, "the sentences do not align at the default threshold")
		var number *report.Finding
		for k, d := range results[1].Differences {
			if d.Rule == rules.NumberDifferentNoun.ID {
				number = &results[1].Differences[k]
			}
		}
		require.NotNil(t, number, "a number difference")
		assert.Equal(t, "300,000 reserve soldiers", src.Seg.Text[number.Span.Start:number.Span.End])
		assert.Equal(t, []string{"300,000 civilians"}, number.Suggestions)
		assert.Equal(t, tgt.Path, number.Evidence[0].Path)
		// 002 against 001: 002 speaks of soldiers elsewhere
		for _, d := range results[2].Differences {
			assert.NotEqual(t, rules.NumberDifferentNoun.ID, d.Rule, d.Message)
		}
	})

	t.Run("004's newsletter chrome aligns to nothing", func(t *testing.T) {
		d := docs[4]
		var chrome []int
		// the sign-up box: from "The Week" to the second "get the best of The Week"
		for i := sentenceWith(t, d, "The Week"); i <= sentenceWith(t, d, "get the best of The Week")+1; i++ {
			chrome = append(chrome, i)
		}
		// the e-mail footer line
		chrome = append(chrome, sentenceWith(t, d, "TheWeek.com"))
		// the related-articles list, from its first "-" to the end
		for i := sentenceWith(t, d, "Magazine printables") - 1; i < len(d.Seg.Sentences); i++ {
			chrome = append(chrome, i)
		}
		require.Len(t, chrome, 6+1+23)
		for _, a := range results[4].Alignments {
			assert.NotContains(t, chrome, a.Source[0], "chrome sentence %q aligned to %q (%.2f)", a.SourceText, a.TargetText, a.Score)
		}
	})
}

// sentenceWith returns the index of the first sentence of d containing s.
func sentenceWith(t *testing.T, d Document, s string) int {
	t.Helper()
	for i, sent := range d.Seg.Sentences {
		if strings.Contains(d.Seg.Text[sent.Span.Start:sent.Span.End], s) {
			return i
		}
	}
	t.Fatalf("%s has no sentence with %q", d.Path, s)
	return -1
}

func TestComparableNeverAlignsToItself(t *testing.T) {
	ctx := context.Background()
	x := NewIndex()
	text := "The mayor opened the new bridge over the river on Monday morning.\n"
	require.NoError(t, x.Add(ctx, NewDocument("coverage/story.txt", text)))

	for _, path := range []string{"coverage/story.txt", "./coverage/story.txt", "coverage//story.txt"} {
		res, err := Comparable(ctx, NewDocument(path, text), x, Options{})
		require.NoError(t, err)
		assert.Empty(t, res.Alignments, path)
	}
	res, err := Comparable(ctx, NewDocument("elsewhere/story.txt", text), x, Options{})
	require.NoError(t, err)
	require.Len(t, res.Alignments, 1, "the same text under another name aligns")
	assert.Greater(t, res.Alignments[0].Score, 0.9)
	assert.Equal(t, []report.DiffOp{{Op: report.DiffEqual, Text: strings.TrimSpace(text)}}, res.Alignments[0].Diff)
}

func TestComparableOptions(t *testing.T) {
	x := seedIndex(t)
	docs := seeds(t)
	ctx := context.Background()
	all, err := Comparable(ctx, docs[0], x, Options{Threshold: 0.01, MaxTargets: 10})
	require.NoError(t, err)
	def, err := Comparable(ctx, docs[0], x, Options{})
	require.NoError(t, err)
	assert.Greater(t, len(all.Alignments), len(def.Alignments), "a lower threshold aligns more")

	one, err := Comparable(ctx, docs[0], x, Options{Threshold: 0.01, MaxTargets: 1})
	require.NoError(t, err)
	perSource := map[int]int{}
	for _, a := range one.Alignments {
		perSource[a.Source[0]]++
	}
	for i, n := range perSource {
		assert.Equal(t, 1, n, "sentence %d", i)
	}
}

func TestComparableErrors(t *testing.T) {
	ctx := context.Background()
	_, err := Comparable(ctx, Document{Path: "x"}, NewIndex(), Options{})
	require.Error(t, err)
	_, err = Comparable(ctx, NewDocument("x", "Text here."), nil, Options{})
	require.Error(t, err)

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = Comparable(canceled, seeds(t)[0], seedIndex(t), Options{})
	require.ErrorIs(t, err, context.Canceled)

	_, err = Comparable(ctx, seeds(t)[0], failingCorpus{}, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "search engine down")
}

type failingCorpus struct{}

func (failingCorpus) Add(context.Context, Document) error { return nil }
func (failingCorpus) Candidates(context.Context, Query, int) ([]Candidate, error) {
	return nil, errors.New("search engine down")
}

func TestParallel(t *testing.T) {
	ctx := context.Background()
	doc := NewDocument("mt.txt", strings.Join([]string{
		"Russian troops withdrew from Zhovtograd on Friday.",
		"“We believe that the city will be rebuilt within two years,” the mayor said.",
		"The governor said 4,000 people had returned.",
		"Aid convoys arrived on Sunday.",
	}, "\n"))
	ref := NewDocument("reference.txt", strings.Join([]string{
		"Russian troops withdrew from Kherson on Friday.",
		"“We believe that the city will be abandoned within two years,” the mayor said.",
		"The governor said 40,000 people had returned.",
		"Shops reopened on Saturday.",
		"Aid convoys arrived on Sunday.",
	}, "\n"))
	res, err := Parallel(ctx, doc, ref, placeHooks())
	require.NoError(t, err)
	require.Len(t, res.Alignments, 4)
	for k, a := range res.Alignments {
		assert.Equal(t, ModeParallel, a.Mode)
		assert.Equal(t, []int{k}, a.Source)
		assert.Equal(t, "reference.txt", a.Target)
	}
	assert.Equal(t, []int{2}, res.Alignments[2].TargetSentences)
	assert.Equal(t, []int{4}, res.Alignments[3].TargetSentences, "past the reference's extra sentence")
	assert.Empty(t, res.Unaligned)
	assert.Equal(t, []int{3}, res.TargetUnaligned, "the reference's extra sentence")

	got := map[string]string{}
	for _, d := range res.Differences {
		got[d.Rule] = d.Text
	}
	assert.Equal(t, map[string]string{
		rules.PlaceCoverage.ID:        "Zhovtograd",
		rules.QuoteReworded.ID:        "We believe that the city will be rebuilt within two years",
		rules.NumberDifferentValue.ID: "4,000 people",
	}, got)
}

func TestParallelEdgeCases(t *testing.T) {
	ctx := context.Background()
	empty := NewDocument("empty.txt", "")
	one := NewDocument("one.txt", "A single sentence about the harbour.")
	res, err := Parallel(ctx, empty, empty, Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Alignments)

	res, err = Parallel(ctx, one, empty, Options{})
	require.NoError(t, err)
	assert.Equal(t, []int{0}, res.Unaligned)

	res, err = Parallel(ctx, empty, one, Options{})
	require.NoError(t, err)
	assert.Equal(t, []int{0}, res.TargetUnaligned)

	_, err = Parallel(ctx, Document{}, one, Options{})
	require.Error(t, err)

	// texts of very different lengths stay within the band
	long := NewDocument("long.txt", strings.Repeat("Another sentence about the harbour and its ships.\n", 200))
	res, err = Parallel(ctx, one, long, Options{})
	require.NoError(t, err)
	assert.Len(t, res.Alignments, 1)
	assert.Len(t, res.TargetUnaligned, 199)
}

// TestComparableSharedSentence checks that a sentence several coverage
// documents hold (analysed once) aligns to each of them, at its own place
// in each, and that the number it changes is found.
func TestComparableSharedSentence(t *testing.T) {
	ctx := context.Background()
	shared := "The regional governor said 14 people were injured when the bridge over the Dnipro collapsed on Tuesday."
	x := NewIndex()
	covs := []Document{
		NewDocument("wire/a.txt", "Rescue teams worked through the night. "+shared+" Traffic was diverted."),
		NewDocument("wire/b.txt", "From our correspondent in the region, with reporting by agencies. "+shared),
	}
	for _, d := range covs {
		require.NoError(t, x.Add(ctx, d))
	}
	doc := NewDocument("check.txt", "The regional governor said 41 people were injured when the bridge over the Dnipro collapsed on Tuesday.")
	res, err := Comparable(ctx, doc, x, Options{})
	require.NoError(t, err)
	got := map[string]Alignment{}
	for _, a := range res.Alignments {
		got[a.Target] = a
	}
	for _, d := range covs {
		a, ok := got[d.Path]
		require.True(t, ok, "aligns to %s", d.Path)
		assert.Equal(t, shared, a.TargetText)
		assert.Equal(t, shared, d.Seg.Slice(a.TargetSpan), "%s: the span is the sentence's place there", d.Path)
		assert.Equal(t, []int{len(d.Seg.Sentences) - 1 - boolInt(d.Path == "wire/a.txt")}, a.TargetSentences)
	}
	paths := map[string]bool{}
	for _, f := range res.Differences {
		for _, e := range f.Evidence {
			paths[e.Path] = true
		}
	}
	assert.True(t, paths["wire/a.txt"] || paths["wire/b.txt"], "the number difference cites the coverage: %v", paths)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
