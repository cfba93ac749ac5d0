package placecheck

import (
	"fmt"
	"github.com/transcheck/transcheck/internal/rules"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/segment"
)

// Suspects returns the place-like words of doc that nobody knows (see
// Suspect), in document order, whether or not Check reports them. Names
// used in coverage count as known, as in Check.
//
// It is the hook for alignment: for each suspect, the caller finds the
// aligned passage of a coverage text and calls ResolveWithCoverage.
func (c *Checker) Suspects(doc *segment.Document, coverage []*segment.Document) []Suspect {
	return c.scan(doc, coverage).suspects
}

// minCoverageResemblance is how much a suspect must resemble a place the
// aligned passage names; the alignment itself is the rest of the evidence.
const minCoverageResemblance = 0.5

// minCoverageWarning is the resemblance from which a coverage-resolved
// suspect is a warning; below it, information.
const minCoverageWarning = 0.7

// ResolveWithCoverage pairs a suspect with a passage of coverage aligned to
// the suspect's sentence (Evidence.Text is the passage, Evidence.Span its
// offsets in coverage document Evidence.DocIndex). If the passage names a
// known place the suspect resembles (by spelling, sound or the pinyin of
// the place's Chinese name), it returns a place-name/transliteration
// finding that suggests that place, with the place's span in the coverage
// as evidence: a warning when the resemblance is at least
// minCoverageWarning, else information. A suspect in a person's context
// is never resolved. A word that Check already reports may be resolved
// too; the caller keeps whichever finding it trusts more.
func (c *Checker) ResolveWithCoverage(s Suspect, passage Evidence) (Finding, bool) {
	if passage.Text == "" || s.PersonContext {
		return Finding{}, false
	}
	cov := segment.Split(passage.Text)
	type cand struct {
		use  nameUse
		sugg gazetteer.Suggestion
	}
	var best *cand
	for _, sent := range cov.Sentences {
		toks := sent.Tokens
		for i := 0; i < len(toks); i++ {
			if !isCap(toks[i]) {
				continue
			}
			n, use, ok := c.matchName(cov.Text, toks, i)
			if !ok {
				continue
			}
			i += n - 1
			for _, m := range use.matches {
				r, ok := c.gaz.Resemblance(s.Word, m.Place)
				if !ok || r.Score < minCoverageResemblance {
					continue
				}
				if best == nil || r.Score > best.sugg.Score {
					best = &cand{use: use, sugg: r}
				}
			}
		}
	}
	if best == nil {
		return Finding{}, false
	}
	want := c.style.Preferred(best.sugg.Place)
	span := segment.Span{Start: passage.Span.Start + best.use.span.Start, End: passage.Span.Start + best.use.span.End}
	wordSpan, text := s.wordSpan()
	conf := 0.5 + 0.5*best.sugg.Score
	// The alignment is evidence, but a loose resemblance may be another
	// place the passage also names (a nearby village).
	sev := SeverityWarning
	if best.sugg.Score < minCoverageWarning {
		sev = SeverityInfo
	}
	return Finding{
		Rule:        rules.PlaceTransliteration.ID,
		Span:        wordSpan,
		Text:        text,
		Message:     fmt.Sprintf("“%s” is no known place; the aligned coverage names %s here: did you mean %s?", text, best.use.text, want),
		Suggestions: []string{want},
		Severity:    sev,
		Confidence:  conf,
		Evidence:    []Evidence{{DocIndex: passage.DocIndex, Span: span, Text: best.use.text}},
	}, true
}
