package align

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
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
// compares each sentence with its aligned passages for differences.
// Sentences of doc itself (the same path) are never candidates.
//
// A coverage sentence split in two, or two sentences of the text merged in
// one of the coverage (1-2 and 2-1), align through the pair read as one:
// when two adjacent sentences together resemble their counterpart more
// than either alone, both align at the pair's score.
func Comparable(ctx context.Context, doc Document, c Corpus, opts Options) (*Result, error) {
	cs, err := gatherCandidates(ctx, doc, c, opts.candidates())
	if err != nil {
		return nil, err
	}
	threshold := opts.threshold()
	res := &Result{}
	diffs := newDifferenceSet()
	sel := cs.selection(threshold, opts.maxTargets())
	for i, src := range cs.srcs {
		kept := sel[i]
		var tgts []target
		for _, p := range kept {
			res.Alignments = append(res.Alignments, makeAlignment(ModeComparable, src, p.view, p.score))
			tgts = append(tgts, p)
		}
		if len(tgts) > 0 {
			diffs.add(compare(src, tgts, opts, ModeComparable)...)
		}
		diffs.add(cs.anchoredNumbers(i, kept)...)
	}
	res.Differences = diffs.sorted()
	return res, nil
}

// candidateSet is what a comparable alignment weighs: each sentence of the
// text, the coverage sentences retrieved for it, and the collection that
// weighs shared words by rarity.
type candidateSet struct {
	srcs  []*passageView
	cands [][]*passageView
	coll  *collection
	// raw[i][k] is the similarity of srcs[i] and cands[i][k]; scores[i][k]
	// is that raised to the score of a 1-2 or 2-1 pair that holds them, or
	// by an aligned neighbouring pair
	raw, scores [][]float64
	// sim[i][k] is the model's similarity of the pair, before the rule for
	// thin pairs (comparableSimilarity)
	sim [][]float64
	// merged holds the scores of 1-2 pairs (sentence i against two
	// candidates a, b) and of 2-1 pairs (sentences -1-i and the next
	// against a), computed once: score runs again after addNeighbours
	merged map[mergedPair]float64
	// pairs holds sim and raw by sentence and candidate text: the views
	// of one text share its segmentation (see gatherCandidates)
	pairs map[pairKey]struct{ sim, raw float64 }
	// best is each candidate's best score with any sentence of the text,
	// and bestSrc that sentence
	best    map[*passageView]float64
	bestSrc map[*passageView]int
}

// mergedPair names a 1-2 or 2-1 pair of candidateSet.merged.
type mergedPair struct {
	i    int
	a, b *passageView
}

// pairKey names a sentence of the text and a candidate's text, by the
// segmentation the candidate views of that text share.
type pairKey struct {
	i   int
	doc *segment.Document
}

// gatherCandidates retrieves candidates for every sentence of doc: the
// text and what it retrieved form the collection.
func gatherCandidates(ctx context.Context, doc Document, c Corpus, k int) (*candidateSet, error) {
	if doc.Seg == nil {
		return nil, errors.New("align: comparable: document has no segmentation")
	}
	if c == nil {
		return nil, errors.New("align: comparable: no corpus")
	}
	coll := newCollection()
	views := make(map[string]map[int]*passageView)
	// A sentence several coverage documents share (wire copy republished)
	// is segmented and analysed once.
	byText := make(map[string]*passageView)
	// view returns the view of a candidate, made once; the retrieved
	// candidates (counted) form the collection with the text
	view := func(cand Candidate, counted bool) *passageView {
		byIndex := views[cand.Path]
		if byIndex == nil {
			byIndex = make(map[int]*passageView)
			views[cand.Path] = byIndex
		}
		v := byIndex[cand.Sentence]
		if v == nil {
			if same := byText[cand.Text]; same != nil {
				v = same.at(cand)
			} else {
				v = newCandidateView(cand)
				byText[cand.Text] = v
			}
			byIndex[cand.Sentence] = v
			if counted {
				coll.add(v.sentence)
			}
		}
		return v
	}
	self := make(map[string]bool) // candidate path → whether it names doc
	sameAsDoc := samePathAs(doc.Path)
	isSelf := func(path string) bool {
		v, ok := self[path]
		if !ok {
			v = sameAsDoc(path)
			self[path] = v
		}
		return v
	}
	srcs := make([]*passageView, len(doc.Seg.Sentences))
	for i := range srcs {
		srcs[i] = newSourceView(doc, []int{i})
		coll.add(srcs[i].sentence)
	}
	found, err := retrieve(ctx, doc, srcs, c, k)
	if err != nil {
		return nil, err
	}
	cs := &candidateSet{srcs: srcs, cands: make([][]*passageView, len(srcs)), coll: coll}
	for i := range srcs {
		for _, cand := range found[i] {
			if !isSelf(cand.Path) {
				cs.cands[i] = append(cs.cands[i], view(cand, true))
			}
		}
	}
	cs.score()
	if look, ok := c.(SentenceLookup); ok && cs.addNeighbours(look, view) {
		cs.score()
	}
	return cs, nil
}

// addNeighbours adds to the candidates of the sentences beside each
// sentence that aligns (at DefaultThreshold) the coverage sentences beside
// its counterpart, in the order of both texts, when retrieval did not
// bring them: a reworded sentence shares too few words to be retrieved,
// but its place tells (supportNeighbours weighs it). It reports whether it
// added any.
func (cs *candidateSet) addNeighbours(look SentenceLookup, view func(Candidate, bool) *passageView) bool {
	added := false
	for i := range cs.srcs {
		for k, s := range cs.scores[i] {
			tgt := cs.cands[i][k]
			if s < DefaultThreshold || len(tgt.index) != 1 {
				continue
			}
			for _, st := range [...][2]int{{1, 1}, {-1, -1}} {
				n := i + st[0]
				if n < 0 || n >= len(cs.srcs) || len(cs.srcs[n].sentence.stems) == 0 {
					continue
				}
				cand, ok := look.Sentence(tgt.path, tgt.index[0]+st[1])
				if !ok {
					continue
				}
				v := view(cand, false)
				if !slices.Contains(cs.cands[n], v) {
					cs.cands[n] = append(cs.cands[n], v)
					added = true
				}
			}
		}
	}
	return added
}

// score fills cs.scores: each pair's similarity, raised where two adjacent
// coverage sentences retrieved for one sentence (1-2), or one coverage
// sentence retrieved for two adjacent sentences (2-1), score higher read
// as one.
func (cs *candidateSet) score() {
	if cs.raw == nil {
		cs.raw = make([][]float64, len(cs.srcs))
		cs.sim = make([][]float64, len(cs.srcs))
		cs.merged = make(map[mergedPair]float64)
		cs.pairs = make(map[pairKey]struct{ sim, raw float64 })
	}
	cs.scores = make([][]float64, len(cs.srcs))
	for i, src := range cs.srcs {
		// candidates scored before keep their score: the collection does
		// not change between calls (addNeighbours' views are not counted)
		for _, tgt := range cs.cands[i][len(cs.raw[i]):] {
			// candidates of one text share their doc and similarity view
			p, ok := cs.pairs[pairKey{i, tgt.doc}]
			if !ok {
				p.sim = similarity(src.sentence, tgt.sentence, cs.coll)
				p.raw = thinRule(src.sentence, tgt.sentence, p.sim)
				cs.pairs[pairKey{i, tgt.doc}] = p
			}
			cs.sim[i] = append(cs.sim[i], p.sim)
			cs.raw[i] = append(cs.raw[i], p.raw)
		}
		cs.scores[i] = slices.Clone(cs.raw[i])
	}
	for i, src := range cs.srcs {
		for k, a := range cs.cands[i] {
			for l, b := range cs.cands[i] {
				if a.path != b.path || b.index[0] != a.index[0]+1 {
					continue
				}
				s, ok := cs.merged[mergedPair{i, a, b}]
				if !ok {
					s = comparableSimilarity(src.sentence, merge(a.sentence, b.sentence), cs.coll)
					cs.merged[mergedPair{i, a, b}] = s
				}
				if s > cs.scores[i][k] && s > cs.scores[i][l] {
					cs.scores[i][k], cs.scores[i][l] = s, s
				}
			}
		}
	}
	for i := 0; i+1 < len(cs.srcs); i++ {
		pair := merge(cs.srcs[i].sentence, cs.srcs[i+1].sentence)
		for k, a := range cs.cands[i] {
			for l, b := range cs.cands[i+1] {
				if a != b {
					continue
				}
				s, ok := cs.merged[mergedPair{-1 - i, a, nil}]
				if !ok {
					s = comparableSimilarity(pair, a.sentence, cs.coll)
					cs.merged[mergedPair{-1 - i, a, nil}] = s
				}
				if s > cs.scores[i][k] && s > cs.scores[i+1][l] {
					cs.scores[i][k], cs.scores[i+1][l] = s, s
				}
			}
		}
	}
	cs.supportNeighbours()
	cs.best = make(map[*passageView]float64)
	cs.bestSrc = make(map[*passageView]int)
	for i := range cs.srcs {
		for k, tgt := range cs.cands[i] {
			if s := cs.scores[i][k]; s > cs.best[tgt] {
				cs.best[tgt], cs.bestSrc[tgt] = s, i
			}
		}
	}
}

// neighbourSteps are the moves from a pair (i, j) of a text sentence and
// a coverage sentence to the neighbouring pairs that keep the order of both
// texts: the next (or previous) sentence on both sides, or with one
// sentence between on one side (a sentence the other text lacks, or one it
// splits or merges).
var neighbourSteps = [...][2]int{{1, 1}, {-1, -1}, {1, 2}, {-1, -2}, {2, 1}, {-2, -1}}

// supportNeighbours raises the score of a pair whose neighbouring pair,
// in the order of both texts, aligns: coverage of a story tells it in
// runs of sentences in the text's order (a paragraph), even where it
// reorders the paragraphs, so a reworded sentence beside an aligned pair
// is most likely the counterpart of the text's sentence beside it. The
// support adds neighbourWeight to the pair's log-odds when the
// neighbouring pair reaches the threshold on its own; a pair that shares
// too little to be scored at all (comparableSimilarity's thin pairs) is
// scored by the model alone. Only the scores before support count as
// support, so that support does not chain along a run of unrelated
// sentences.
func (cs *candidateSet) supportNeighbours() {
	type key struct {
		path  string
		index int
	}
	at := make(map[key]*passageView)
	for i := range cs.srcs {
		for _, v := range cs.cands[i] {
			at[key{v.path, v.index[0]}] = v
		}
	}
	scoreOf := func(i int, v *passageView) float64 {
		if i < 0 || i >= len(cs.srcs) {
			return 0
		}
		for k, c := range cs.cands[i] {
			if c == v {
				return cs.scores[i][k]
			}
		}
		return 0
	}
	raised := make([][]float64, len(cs.srcs))
	for i := range cs.srcs {
		for k, tgt := range cs.cands[i] {
			support := 0.0
			for _, st := range neighbourSteps {
				if v := at[key{tgt.path, tgt.index[0] + st[1]}]; v != nil {
					support = max(support, scoreOf(i+st[0], v))
				}
			}
			if support < DefaultThreshold {
				continue
			}
			s := cs.scores[i][k]
			if s == 0 {
				s = cs.sim[i][k]
			}
			if raised[i] == nil {
				raised[i] = slices.Clone(cs.scores[i])
			}
			raised[i][k] = max(cs.scores[i][k], 1/(1+math.Exp(-(logOdds(s)+neighbourWeight))))
		}
	}
	for i, r := range raised {
		if r != nil {
			cs.scores[i] = r
		}
	}
}

// comparableSimilarity is the similarity of a comparable pair, or 0 when
// the pair shares too little to tell: fewer than two stems, synonyms or
// numbers, unless that is all the shorter sentence holds or the model is
// nearly sure (minThinScore). In a large corpus
// two short sentences sharing one word ("What will happen next?", "That is
// not supposed to happen.") are common and unrelated.
func comparableSimilarity(a, b sentence, c *collection) float64 {
	return thinRule(a, b, similarity(a, b, c))
}

// thinRule is the similarity s of a comparable pair, or 0 when the pair
// shares too little to tell (see comparableSimilarity).
func thinRule(a, b sentence, s float64) float64 {
	shared := intersect(a.stems, b.stems) + softShared(a.stems, b.stems) + intersect(a.numbers, b.numbers)
	held := min(len(a.stems)+len(a.numbers), len(b.stems)+len(b.numbers))
	if shared < 2 && shared < held && s < minThinScore {
		return 0
	}
	return s
}

// minThinScore is the similarity a pair that shares a single word needs.
const minThinScore = 0.9

// selection returns, for each sentence of the text, the candidates that
// align with it, best first: those that reach the threshold and come
// within calibratedMargin of both the best candidate of the sentence in the
// same coverage document and the best sentence of the text for that
// candidate (a headline and a lede that repeat each other each align with
// their own counterpart), at most maxTargets of them. Each coverage
// document may hold a counterpart of its own. A coverage sentence whose
// best counterpart is another sentence of the text still aligns with the
// sentence when it holds a clause of its own for it (ownClause): coverage
// that joins two statements of the text in one sentence is the
// counterpart of both.
func (cs *candidateSet) selection(threshold float64, maxTargets int) [][]target {
	out := make([][]target, len(cs.srcs))
	for i := range cs.srcs {
		var kept []target
		best := map[string]float64{}
		for k, tgt := range cs.cands[i] {
			s := cs.scores[i][k]
			if s < threshold {
				continue
			}
			if s >= cs.best[tgt]-calibratedMargin || cs.ownClause(i, cs.bestSrc[tgt], tgt, threshold) {
				kept = append(kept, target{tgt, s})
				best[tgt.path] = max(best[tgt.path], s)
			}
		}
		kept = slices.DeleteFunc(kept, func(t target) bool { return t.score < best[t.view.path]-calibratedMargin })
		slices.SortStableFunc(kept, func(a, b target) int { return cmp.Compare(b.score, a.score) })
		out[i] = kept[:min(len(kept), maxTargets)]
	}
	return out
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

// neighbourWeight is the log-odds a pair gains from an aligned neighbouring
// pair (supportNeighbours), chosen by link F1 on the train cases (1 to 3
// gave 0.957 to 0.961; see EVALUATION.md).
const neighbourWeight = 1.5
