package transcheck

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/transcheck/transcheck/align"
	"github.com/transcheck/transcheck/internal/placecheck"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// smallCoverage is the number of coverage documents up to which every
// coverage document's names count as known to the place-name checks. Above
// it, only the documents the text aligns with count, so that a check's cost
// does not grow with the size of the corpus.
const smallCoverage = 64

// Coverage is a set of coverage documents (other articles on the same
// story), indexed once and reused across checks. It is safe for concurrent
// use: checks run in parallel with each other, and Add waits for the checks
// in progress (and they for it).
type Coverage struct {
	mu       sync.RWMutex
	index    *align.Index
	texts    []*text
	byPath   map[string]*text // by cleaned path, as align names documents
	maxBytes int64            // the largest document Add accepts
	// notices say which documents were left out and why; every report
	// made against the coverage carries them.
	notices []report.Notice
}

// NewCoverage reads and indexes coverage documents. A document that cannot
// be read as text, or that repeats another's path, is left out: the error,
// a *CoverageError, lists such documents, the Coverage holds the rest, and
// every report made against it says in its Notices what was left out.
func (c *Checker) NewCoverage(ctx context.Context, docs ...Document) (*Coverage, error) {
	cov := NewEmptyCoverage(c.opts.MaxBytes)
	if err := cov.Add(ctx, docs...); err != nil {
		if errors.Is(err, ctx.Err()) {
			return nil, err
		}
		return cov, err
	}
	return cov, nil
}

// NewEmptyCoverage returns a coverage without documents, which Add fills:
// for building an index to Save without a Checker (whose language models
// indexing does not need). maxBytes is the largest document Add accepts (0
// for DefaultMaxBytes).
func NewEmptyCoverage(maxBytes int64) *Coverage {
	return &Coverage{index: align.NewIndex(), byPath: make(map[string]*text), maxBytes: maxBytes}
}

// Add indexes more documents, as NewCoverage does: documents that cannot
// be read as text, or whose path the coverage already holds, are left out,
// listed in the error (a *CoverageError) and in the Notices of later
// reports. It stops with ctx's error if ctx is cancelled, keeping the
// documents added so far.
func (cov *Coverage) Add(ctx context.Context, docs ...Document) error {
	// Validating and segmenting take most of the time and need no lock:
	// they run on every core, a batch at a time; the documents are then
	// indexed in the order given, so that the index does not depend on
	// the scheduling.
	workers := runtime.GOMAXPROCS(0)
	batch := 16 * workers
	var errs []error
	for len(docs) > 0 {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("coverage: %w", err)
		}
		n := min(batch, len(docs))
		ts := make([]*text, n)
		segs := make([]*segment.Document, n)
		terrs := make([]error, n)
		var wg sync.WaitGroup
		next := make(chan int)
		for range min(workers, n) {
			wg.Go(func() {
				for i := range next {
					if ts[i], terrs[i] = prepareText(docs[i], cov.maxBytes); terrs[i] == nil {
						segs[i] = segment.Split(ts[i].body)
					}
				}
			})
		}
		for i := range n {
			next <- i
		}
		close(next)
		wg.Wait()
		errs = append(errs, cov.commit(ctx, ts, segs, terrs)...)
		docs = docs[n:]
	}
	if len(errs) == 0 {
		return nil
	}
	return &CoverageError{Errs: errs}
}

// commit indexes prepared texts and their segmentations in order under the
// write lock, and returns the errors of those left out. The first
// smallCoverage texts keep their segmentation (every check uses them);
// the others are segmented again by the checks that use them.
func (cov *Coverage) commit(ctx context.Context, ts []*text, segs []*segment.Document, terrs []error) []error {
	cov.mu.Lock()
	defer cov.mu.Unlock()
	var errs []error
	for i, t := range ts {
		err := terrs[i]
		if err == nil {
			key := filepath.Clean(t.path)
			if _, dup := cov.byPath[key]; dup {
				err = &InputError{Path: t.path, Offset: -1, Err: fmt.Errorf("given twice as coverage")}
			} else if aerr := cov.index.Add(ctx, align.Document{Path: key, Seg: segs[i]}); aerr != nil {
				err = fmt.Errorf("%s: %w", t.path, aerr)
			} else {
				if len(cov.texts) < smallCoverage {
					t.seg = segs[i]
				}
				cov.byPath[key] = t
				cov.texts = append(cov.texts, t)
				continue
			}
		}
		errs = append(errs, err)
		n := report.Notice{Message: "coverage left out: " + err.Error()}
		if ie := (*InputError)(nil); errors.As(err, &ie) {
			n.Path = ie.Path
		}
		cov.notices = append(cov.notices, n)
	}
	return errs
}

// CoverageError lists the coverage documents NewCoverage left out, one
// error (usually an *InputError) for each.
type CoverageError struct {
	Errs []error
}

// Error returns "coverage: " and the errors, separated by "; ".
func (e *CoverageError) Error() string {
	msgs := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		msgs[i] = err.Error()
	}
	return "coverage: " + strings.Join(msgs, "; ")
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (e *CoverageError) Unwrap() []error { return e.Errs }

// Len returns the number of documents in the coverage.
func (cov *Coverage) Len() int {
	if cov == nil {
		return 0
	}
	cov.mu.RLock()
	defer cov.mu.RUnlock()
	return len(cov.texts)
}

// Contains reports whether the coverage holds a document with path (paths
// compare cleaned, as Add compares them).
func (cov *Coverage) Contains(path string) bool {
	if cov == nil {
		return false
	}
	cov.mu.RLock()
	defer cov.mu.RUnlock()
	_, ok := cov.byPath[filepath.Clean(path)]
	return ok
}

// len is Len for callers that hold the lock.
func (cov *Coverage) len() int {
	if cov == nil {
		return 0
	}
	return len(cov.texts)
}

// CheckCoverage checks one document against an indexed Coverage (nil for
// none): each sentence is aligned with its most similar coverage sentences
// in any order (comparable mode), and what the aligned passages say
// differently becomes evidence. A coverage document with the same path as
// doc is never aligned with it, so one Coverage of a whole set of articles
// serves to check each of them against the others.
func (c *Checker) CheckCoverage(ctx context.Context, doc Document, cov *Coverage) (*report.Report, error) {
	t, err := c.prepare(doc)
	if err != nil {
		return nil, err
	}
	if cov != nil {
		cov.mu.RLock()
		defer cov.mu.RUnlock()
	}
	// With a small coverage, every other document's names are known to
	// the language checks as to the place checks.
	var others []placecheck.Coverage
	if cov.len() <= smallCoverage {
		others = placeCoverage(cov.others(t.path, nil))
	}
	d, err := c.analyze(ctx, t, placecheck.KnownIn(others))
	if err != nil {
		return nil, err
	}
	// The place-name scan gives the findings and the suspects align pairs
	// with coverage. With a small coverage every other document's names
	// count as known, and one scan serves both; with a large one, the
	// names of the documents the text aligns with count, so the findings
	// wait for the alignment and the first scan gives the suspects alone.
	var places []report.Finding
	var suspects []placecheck.Suspect
	if cov.len() > smallCoverage {
		suspects = c.places.Suspects(t.seg)
	} else {
		places, suspects = c.places.Analyze(t.seg, others)
	}
	var res *align.Result
	if cov.len() > 0 {
		res, err = align.Comparable(ctx, align.Document{Path: filepath.Clean(t.path), Seg: t.seg}, cov.index, c.alignOptions(suspects))
		if err != nil {
			return nil, fmt.Errorf("%s: align: %w", t.path, err)
		}
	}
	if cov.len() > smallCoverage {
		places, _ = c.places.Analyze(t.seg, placeCoverage(cov.others(t.path, res)))
	}
	c.finish(d, t, places, res, cov.lookup)
	r := newReport(d)
	if cov != nil {
		r.Notices = slices.Clone(cov.notices)
	}
	r.Notices = append(r.Notices, damageNotices(res, cov.lookup)...)
	return r, nil
}

// CheckReference checks one document against a reference translation of
// the same source, aligned in order (parallel mode): sentences merged,
// split, added or dropped are found, and aligned sentences are compared.
func (c *Checker) CheckReference(ctx context.Context, doc, ref Document) (*report.Report, error) {
	t, err := c.prepare(doc)
	if err != nil {
		return nil, err
	}
	rt, err := c.prepare(ref)
	if err != nil {
		return nil, fmt.Errorf("reference: %w", err)
	}
	refCov := placeCoverage([]*text{rt})
	d, err := c.analyze(ctx, t, placecheck.KnownIn(refCov))
	if err != nil {
		return nil, err
	}
	places, suspects := c.places.Analyze(t.seg, refCov)
	res, err := align.Parallel(ctx,
		align.Document{Path: filepath.Clean(t.path), Seg: t.seg},
		align.Document{Path: filepath.Clean(rt.path), Seg: rt.seg},
		c.alignOptions(suspects))
	if err != nil {
		return nil, fmt.Errorf("%s: align with reference: %w", t.path, err)
	}
	lookup := func(path string) *text {
		if path == filepath.Clean(rt.path) {
			return rt
		}
		return nil
	}
	c.finish(d, t, places, res, lookup)
	r := newReport(d)
	r.Notices = damageNotices(res, lookup)
	return r, nil
}

// damageNotices returns a notice for each coverage document the alignments
// quote whose text has encoding damage (see internal/mojibake), so that the
// editor knows its evidence may read garbled. Each document is searched
// once, however many checks quote it.
func damageNotices(res *align.Result, lookup func(string) *text) []report.Notice {
	if res == nil {
		return nil
	}
	var out []report.Notice
	seen := make(map[string]bool)
	for _, a := range res.Alignments {
		if seen[a.Target] {
			continue
		}
		seen[a.Target] = true
		ct := lookup(a.Target)
		if ct == nil {
			continue
		}
		dmg := ct.encodingDamage()
		if len(dmg) == 0 {
			continue
		}
		first := dmg[0]
		sp := ct.span(first.Start, first.End)
		out = append(out, report.Notice{Path: ct.path, Message: fmt.Sprintf(
			"coverage %s has encoding damage in %d places (line %d: “%s” should read “%s”): evidence quoted from it may read garbled",
			ct.path, len(dmg), sp.Line, ct.raw[first.Start:first.End], first.Text)})
	}
	return out
}

// lookup returns the coverage text with the given cleaned path, or nil.
func (cov *Coverage) lookup(path string) *text {
	if cov == nil {
		return nil
	}
	return cov.byPath[path]
}

// others returns the coverage texts whose names count as known when
// checking the document at path: all of them but that document for a small
// coverage, and otherwise those that res aligned with.
func (cov *Coverage) others(path string, res *align.Result) []*text {
	if cov == nil {
		return nil
	}
	self := filepath.Clean(path)
	var out []*text
	if len(cov.texts) <= smallCoverage {
		for _, t := range cov.texts {
			if filepath.Clean(t.path) != self {
				out = append(out, t)
			}
		}
		return out
	}
	if res == nil {
		return nil
	}
	seen := map[string]bool{self: true}
	for _, a := range res.Alignments {
		if !seen[a.Target] {
			seen[a.Target] = true
			if t := cov.byPath[a.Target]; t != nil {
				out = append(out, t)
			}
		}
	}
	return out
}

// alignOptions returns the alignment options with the place-name hooks
// wired to the gazetteer.
func (c *Checker) alignOptions(suspects []placecheck.Suspect) align.Options {
	set := make(map[string]bool, 2*len(suspects))
	for _, s := range suspects {
		set[s.Word] = true
		set[s.Text] = true
	}
	return align.Options{
		PlaceSuspect: func(w string) bool { return set[w] },
		KnownPlace: func(phrase string) (string, bool) {
			for _, m := range c.gaz.Lookup(phrase) {
				return c.style.Preferred(m.Place), true
			}
			return "", false
		},
	}
}

// placeCoverage names coverage texts for the place-name checks by the
// cleaned path align uses, so that evidence from either resolves alike.
func placeCoverage(ts []*text) []placecheck.Coverage {
	out := make([]placecheck.Coverage, len(ts))
	for i, t := range ts {
		out[i] = placecheck.Coverage{Path: filepath.Clean(t.path), Doc: t.segment()}
	}
	return out
}

// finish adds the place-name findings and the alignment evidence to d and
// puts it in canonical order.
func (c *Checker) finish(d *report.Document, t *text, places []report.Finding, res *align.Result, lookup func(string) *text) {
	pf := make([]report.Finding, len(places))
	for i, f := range places {
		pf[i] = locate(f, t, lookup)
	}
	mergeFindings(d, pf)
	if res != nil {
		for _, a := range res.Alignments {
			ct := lookup(a.Target)
			if ct == nil {
				continue
			}
			d.Alignments = append(d.Alignments, report.Alignment{
				Span:     t.span(a.SourceSpan.Start, a.SourceSpan.End),
				Text:     a.SourceText,
				Coverage: report.Evidence{Path: ct.path, Span: ct.span(a.TargetSpan.Start, a.TargetSpan.End), Text: a.TargetText},
				Score:    round(a.Score),
				Mode:     a.Mode,
				Diff:     a.Diff,
			})
		}
		sev := differenceSeverity(d.MachineTranslation.Verdict)
		extra := make([]report.Finding, len(res.Differences))
		for i, df := range res.Differences {
			extra[i] = locate(df, t, lookup)
			extra[i].Severity = sev
		}
		mergeFindings(d, extra)
	}
	r := report.Report{Documents: []report.Document{*d}}
	r.Normalize()
	*d = r.Documents[0]
}

// differenceSeverity says how serious a difference from coverage is. In a
// text that reads as machine-translated (or might be), a place, a number or
// a quotation that coverage gives differently is a likely mistranslation: a
// warning. In a text written in English it is more likely the other
// outlet's wording, or its error: information for the editor to verify.
func differenceSeverity(v report.Verdict) report.Severity {
	if v == report.Human {
		return report.Info
	}
	return report.Warning
}
