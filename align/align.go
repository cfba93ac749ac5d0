package align

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"github.com/transcheck/transcheck/report"
	"runtime"
	"slices"
	"sync"

	"github.com/transcheck/transcheck/internal/segment"
)

// The alignment modes.
const (
	// ModeComparable pairs sentences with their best counterparts in other
	// coverage of the story, in any order.
	ModeComparable = "comparable"
	// ModeParallel aligns a text with a reference translation of the same
	// source, in order.
	ModeParallel = "parallel"
)

// Options tune an alignment. The zero value uses the calibrated defaults
// and turns the place-name check off. Threshold, Candidates and MaxTargets
// apply to Comparable only: Parallel pairs every sentence it can.
type Options struct {
	// Threshold is the similarity, 0 to 1, a comparable pair needs to
	// align. Zero means DefaultThreshold.
	Threshold float64
	// Candidates is how many coverage sentences to retrieve per sentence.
	// Zero means 10.
	Candidates int
	// MaxTargets is how many coverage sentences one sentence may align to
	// in comparable mode. Zero means 3.
	MaxTargets int
	// PlaceSuspect reports whether a capitalized word of the text looks
	// like a garbled or mistranslated place name. Nil turns the place-name
	// check off.
	PlaceSuspect func(word string) bool
	// KnownPlace reports whether a word or phrase of the coverage (one to
	// three capitalized words) names a known place, and its canonical
	// name. Nil turns the place-name check off.
	KnownPlace func(phrase string) (canonical string, ok bool)
}

func (o Options) threshold() float64 {
	if o.Threshold > 0 {
		return o.Threshold
	}
	return DefaultThreshold
}

func (o Options) candidates() int {
	if o.Candidates > 0 {
		return o.Candidates
	}
	return 10
}

func (o Options) maxTargets() int {
	if o.MaxTargets > 0 {
		return o.MaxTargets
	}
	return 3
}

// Alignment pairs one or more adjacent sentences of the text with one or
// more adjacent sentences of a coverage document. Spans are byte offsets
// into the respective texts.
type Alignment struct {
	// Mode is ModeComparable or ModeParallel.
	Mode string
	// Source lists the text's sentence indices, ascending.
	Source     []int
	SourceSpan segment.Span
	SourceText string
	// Target is the path of the coverage document.
	Target          string
	TargetSentences []int
	TargetSpan      segment.Span
	TargetText      string
	// Score is the calibrated similarity, 0 to 1.
	Score float64
	// Diff is the word diff from SourceText to TargetText.
	Diff []report.DiffOp
}

// Result is what an alignment found.
type Result struct {
	// Alignments are sorted by source span, then by score, best first.
	Alignments []Alignment
	// Differences are what aligned coverage passages say differently from
	// the text, sorted by span, then rule: findings whose Span holds byte
	// offsets into the text (Start and End) and whose Evidence names the
	// coverage passages (Path and byte offsets) that say it differently;
	// the first evidence is the one Diff compares with.
	Differences []report.Finding
	// Unaligned lists, in parallel mode, the text's sentences that have no
	// counterpart in the reference (added text), and TargetUnaligned the
	// reference's sentences the text lacks (omissions).
	Unaligned       []int
	TargetUnaligned []int
}

// Comparable aligns each sentence of doc with its most similar sentences
// in the corpus, in any order and in any number of coverage documents,
// keeping pairs whose calibrated similarity reaches the threshold, and
// compares each pair for differences. Sentences of doc itself (the same
// path) are never candidates.
func Comparable(ctx context.Context, doc Document, c Corpus, opts Options) (*Result, error) {
	if doc.Seg == nil {
		return nil, errors.New("align: comparable: document has no segmentation")
	}
	if c == nil {
		return nil, errors.New("align: comparable: no corpus")
	}
	threshold := opts.threshold()
	// Retrieve candidates for every sentence first: the text and what it
	// retrieved form the collection that weighs shared words by rarity.
	coll := newCollection()
	views := make(map[string]map[int]*passageView)
	view := func(cand Candidate) *passageView {
		byIndex := views[cand.Path]
		if byIndex == nil {
			byIndex = make(map[int]*passageView)
			views[cand.Path] = byIndex
		}
		v := byIndex[cand.Sentence]
		if v == nil {
			v = newCandidateView(cand)
			byIndex[cand.Sentence] = v
			coll.add(v.sentence)
		}
		return v
	}
	self := make(map[string]bool) // candidate path → whether it names doc
	isSelf := func(path string) bool {
		v, ok := self[path]
		if !ok {
			v = samePath(path, doc.Path)
			self[path] = v
		}
		return v
	}
	srcs := make([]*passageView, len(doc.Seg.Sentences))
	for i := range srcs {
		srcs[i] = newSourceView(doc, []int{i})
		coll.add(srcs[i].sentence)
	}
	found, err := retrieve(ctx, doc, srcs, c, opts.candidates())
	if err != nil {
		return nil, err
	}
	cands := make([][]*passageView, len(srcs))
	for i := range srcs {
		for _, cand := range found[i] {
			if !isSelf(cand.Path) {
				cands[i] = append(cands[i], view(cand))
			}
		}
	}
	res := &Result{}
	diffs := newDifferenceSet()
	type pair struct {
		tgt   *passageView
		score float64
	}
	for i, src := range srcs {
		var kept []pair
		for _, tgt := range cands[i] {
			if s := similarity(src.sentence, tgt.sentence, coll); s >= threshold {
				kept = append(kept, pair{tgt, s})
			}
		}
		slices.SortStableFunc(kept, func(a, b pair) int { return cmp.Compare(b.score, a.score) })
		var tgts []target
		for _, p := range kept[:min(len(kept), opts.maxTargets())] {
			res.Alignments = append(res.Alignments, makeAlignment(ModeComparable, src, p.tgt, p.score))
			tgts = append(tgts, target{p.tgt, p.score})
		}
		if len(tgts) > 0 {
			diffs.add(compare(src, tgts, opts)...)
		}
	}
	res.Differences = diffs.sorted()
	return res, nil
}

// retrieveWorkers is how many queries Comparable keeps in flight: enough to
// use every core with the in-memory index and to hide a search engine's
// round trips.
func retrieveWorkers() int { return max(runtime.GOMAXPROCS(0), 4) }

// retrieve asks the corpus for candidates for every sentence that has
// content words, several queries at a time.
func retrieve(ctx context.Context, doc Document, srcs []*passageView, c Corpus, k int) ([][]Candidate, error) {
	found := make([][]Candidate, len(srcs))
	errs := make([]error, len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(retrieveWorkers(), len(srcs)) {
		wg.Go(func() {
			for i := range next {
				if err := ctx.Err(); err != nil {
					errs[i] = err
					continue
				}
				q := Query{Text: srcs[i].text(), Fields: SentenceFields(doc.Seg, i), Exclude: doc.Path}
				found[i], errs[i] = c.Candidates(ctx, q, k)
			}
		})
	}
	for i, src := range srcs {
		if len(src.sentence.stems) > 0 {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return nil, ctxErr
			}
			return nil, fmt.Errorf("align: comparable: sentence %d: %w", i, err)
		}
	}
	return found, nil
}

// makeAlignment builds the alignment of two passages.
func makeAlignment(mode string, src, tgt *passageView, score float64) Alignment {
	a := Alignment{
		Mode:            mode,
		Source:          src.sents,
		SourceSpan:      src.span(),
		SourceText:      src.text(),
		Target:          tgt.path,
		TargetSentences: tgt.indices(),
		TargetSpan:      tgt.span(),
		TargetText:      tgt.text(),
		Score:           score,
	}
	a.Diff = passageDiff(src, tgt)
	return a
}
