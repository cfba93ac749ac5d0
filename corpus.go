package transcheck

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/transcheck/transcheck/align"
	"github.com/transcheck/transcheck/report"
)

// Corpus is coverage kept outside transcheck, such as a newsroom's search
// engine over the day's wire copy: an align.Corpus that finds coverage
// sentences like a query sentence, and a way to fetch a document it
// returned, so that the checker can cite it. Coverage is the in-memory
// index; a Corpus is for coverage that lives elsewhere. Implementations
// must be safe for concurrent use.
type Corpus interface {
	align.Corpus
	// Document returns the coverage document that Candidates named path,
	// with the text the candidates' spans point into.
	Document(ctx context.Context, path string) (Document, error)
}

// CheckCorpus checks one document against any Corpus, as CheckCoverage
// does against a Coverage: each sentence is aligned with the most similar
// sentences the corpus returns, in any order, and what they say
// differently becomes evidence. The documents the text aligns with are
// fetched once per check; their place names count as known. A document
// that cannot be fetched is left out of the evidence and named in the
// report's Notices.
func (c *Checker) CheckCorpus(ctx context.Context, doc Document, corpus Corpus) (*report.Report, error) {
	t, err := c.prepare(doc)
	if err != nil {
		return nil, err
	}
	d, err := c.analyze(ctx, t, nil) // the corpus is fetched after alignment
	if err != nil {
		return nil, err
	}
	self := filepath.Clean(t.path)
	suspects := c.places.Suspects(t.segment())
	res, err := align.Comparable(ctx, align.Document{Path: self, Seg: t.segment()}, corpus, c.alignOptions(suspects))
	if err != nil {
		return nil, fmt.Errorf("%s: align: %w", t.path, err)
	}
	fetched := map[string]*text{}
	var others []*text
	var notices []report.Notice
	fetch := func(path string) {
		if _, done := fetched[path]; done || path == self || path == "" {
			return
		}
		fetched[path] = nil
		cd, err := corpus.Document(ctx, path)
		if err == nil {
			var ct *text
			if ct, err = c.prepare(cd); err == nil {
				fetched[path] = ct
				others = append(others, ct)
				return
			}
		}
		notices = append(notices, report.Notice{Path: path, Message: "coverage left out: " + err.Error()})
	}
	for _, a := range res.Alignments {
		fetch(a.Target)
	}
	for _, df := range res.Differences {
		for _, e := range df.Evidence {
			fetch(e.Path)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	places, _ := c.places.Analyze(t.segment(), placeCoverage(others))
	c.finish(d, t, places, res, func(path string) *text { return fetched[path] })
	r := newReport(d)
	r.Notices = notices
	return r, nil
}
