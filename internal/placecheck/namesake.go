package placecheck

import (
	"fmt"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
)

// maxObscurePopulation is the largest population of a generated place
// that a close spelling of a place in the news may outrank.
const maxObscurePopulation = 5000

// minNewsPopulation is the population from which a generated place counts
// as one the news may name (a hand-written place always does).
const minNewsPopulation = 10000

// obscureNamesakeFindings reports names that only an obscure village
// bears (a generated place of few or unknown people) but that are spelled
// within a letter or two of a place in the news lying in a division the
// rest of the text names: "expelled from Dvorichne in the Kharkiv region"
// more likely garbles Dvorichna, the town the news names, than names its
// small neighbour. The village may be meant, so the finding is
// information, with the place in the news as its suggestion. A name
// already reported as a variant is left to that finding.
func (c *Checker) obscureNamesakeFindings(sc *scanResult, ctx docContext) []report.Finding {
	var out []report.Finding
	for _, u := range sc.names {
		if u.inName || !u.placeLike || u.derivedFrom != "" || u.adjectiveOf != "" || u.before != "" || u.after != "" || len(u.matches) == 0 {
			continue
		}
		own := u.matches[0].Place
		obscure := true
		for _, m := range u.matches {
			if !m.Place.Generated() || m.Place.Population > maxObscurePopulation {
				obscure = false
				break
			}
		}
		if !obscure || len([]rune(gazetteer.Key(u.text))) < 5 || c.flagged(u) != nil {
			continue
		}
		for _, s := range c.gaz.Nearest(u.text, 8) {
			p := s.Place
			inNews := !p.Generated() || p.Population >= minNewsPopulation
			if !inNews || p.Admin == "" || s.Score < minClose || s.Spelling < closeSpelling {
				continue
			}
			// The division must be named by another name of the text,
			// not only by the village itself.
			n := ctx.divisions[p.Admin]
			if own.Admin == p.Admin {
				n--
			}
			if n <= 0 {
				continue
			}
			want := c.style.Preferred(p)
			out = append(out, report.Finding{
				Rule:        rules.PlaceTransliteration.ID,
				Category:    report.PlaceName,
				Span:        spanOf(u.span),
				Text:        u.text,
				Suggestions: []string{want},
				Severity:    report.Info,
				Confidence:  max(0.3, s.Score-0.4),
				Message: fmt.Sprintf("“%s” is a small place's name, but it is spelled like %s, a place in the news in the region this text names: did you mean %s?",
					u.text, want, want),
			})
			break
		}
	}
	return out
}
