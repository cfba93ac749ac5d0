package transcheck

import (
	"context"
	"fmt"
	"math"
	"os"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/mojibake"
	"github.com/transcheck/transcheck/internal/placecheck"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/lingua"
	"github.com/transcheck/transcheck/report"
)

// Checker checks documents. Build one with New and share it: a Checker is
// safe for concurrent use by multiple goroutines, and its language models
// and gazetteer are loaded once, when it is built.
type Checker struct {
	opts   Options
	lang   *lingua.Detector
	gaz    *gazetteer.Gazetteer
	style  gazetteer.Style
	places *placecheck.Checker
}

// New builds a Checker. Bad options (an unknown language code, an
// unreadable style or GeoNames file) give an error, never a panic.
func New(opts Options) (c *Checker, err error) {
	if opts.MaxBytes < 0 {
		return nil, fmt.Errorf("Options.MaxBytes is negative (%d)", opts.MaxBytes)
	}
	c = &Checker{opts: opts, gaz: gazetteer.Default(), style: gazetteer.DefaultStyle()}
	if err := c.loadGazetteers(); err != nil {
		return nil, err
	}
	c.places = placecheck.New(placecheck.Options{Gazetteer: c.gaz, Style: &c.style})
	c.lang, err = lingua.New(lingua.Options{Languages: opts.Languages, KnownNames: c.knownName})
	if err != nil {
		return nil, err // lingua's errors say where they come from
	}
	return c, nil
}

// knownName reports whether a word is a known name for the language
// detector: one the user's style allows, or a place's preferred spelling
// (a variant such as a Russian-derived spelling is not "known": the
// place-name checks report it).
func (c *Checker) knownName(w string) bool {
	if c.style.Allowed(w) {
		return true
	}
	return c.gaz.KnownName(w)
}

// loadGazetteers adds the user's style file and GeoNames extract to the
// built-in gazetteer.
func (c *Checker) loadGazetteers() error {
	if p := c.opts.StyleFile; p != "" {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("style file %w", fileError(p, err))
		}
		defer f.Close()
		file, err := gazetteer.ParseFile(f)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err) // "x: gazetteer: line 3: ..."
		}
		c.gaz = c.gaz.Merge(gazetteer.New(file.Places...))
		c.style = c.style.Merge(file.Style)
	}
	if p := c.opts.GeoNamesFile; p != "" {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("GeoNames file %w", fileError(p, err))
		}
		defer f.Close()
		places, err := gazetteer.ReadGeoNames(f)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err) // "x: geonames: line 3: ..."
		}
		c.gaz = c.gaz.Merge(gazetteer.New(places...))
	}
	return nil
}

// analyze runs the checks that need only the text itself; known (nil for
// none) adds the names the text's coverage uses to the names lingua knows.
func (c *Checker) analyze(ctx context.Context, t *text, known func(string) bool) (*report.Document, error) {
	a, err := c.lang.AnalyzeKnown(ctx, t.seg, known)
	if err != nil {
		return nil, fmt.Errorf("%s: language analysis: %w", t.path, err)
	}
	d := &report.Document{
		Path:     t.path,
		Text:     t.raw,
		Encoding: string(t.enc),
		Language: report.Language{Code: a.Language.Code, Confidence: round(a.Language.Confidence)},
		MachineTranslation: report.MachineTranslation{
			Verdict:        report.Verdict(a.Verdict),
			Score:          round(a.Score),
			SourceLanguage: a.SourceLanguage,
		},
	}
	for _, s := range a.Signals {
		d.MachineTranslation.Signals = append(d.MachineTranslation.Signals, report.Signal{
			Name: s.Name, Strength: round(s.Strength), Weight: round(s.Weight),
			Count: s.Count, Reason: s.Reason, Language: s.Language,
		})
	}
	for _, s := range a.Sentences {
		p := round(s.MachineProbability)
		d.Sentences = append(d.Sentences, report.SentenceLanguage{
			Span: t.span(s.Span.Start, s.Span.End), Code: s.Code, Confidence: round(s.Confidence),
			MachineProbability: &p,
		})
	}
	for _, p := range a.Passages {
		d.Findings = append(d.Findings, locate(p, t, nil))
	}
	for _, f := range mojibake.Findings(t.seg.Text) {
		d.Findings = append(d.Findings, locate(f, t, nil))
	}
	return d, nil
}

// round keeps three decimals, so reports stay short and stable across
// platforms.
func round(f float64) float64 {
	return math.Round(f*1000) / 1000
}

// newReport returns a report of one document with the documentation of the
// rules its findings use.
func newReport(d *report.Document) *report.Report {
	r := &report.Report{Documents: []report.Document{*d}}
	rules.Describe(r)
	return r
}

// Rules returns the documentation of every rule a Checker can emit, sorted
// by ID, for tools that describe rules before any finding (a LanguageTool
// server's matches, a rule list in an editor).
func Rules() []report.Rule {
	all := rules.All()
	out := make([]report.Rule, len(all))
	for i, r := range all {
		out[i] = r.Descriptor()
	}
	return out
}
