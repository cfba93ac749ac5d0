package placecheck

import (
	"fmt"
	"strings"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
)

// softSignMarks are what transliterations write for the Cyrillic soft
// sign (ь) and apostrophe: the Ukrainian national system writes neither.
const softSignMarks = "’'ʹʼ′"

// softSignFindings reports names of Ukrainian places written with a mark
// for the soft sign or apostrophe ("Vil’cha", "L'viv") where the
// preferred spelling, otherwise the same letters, has none: an older or
// scholarly transliteration, reported as information.
func (c *Checker) softSignFindings(sc *scanResult) []report.Finding {
	var out []report.Finding
	for _, u := range sc.names {
		if u.inName || len(u.matches) == 0 || !strings.ContainsAny(u.text, softSignMarks) {
			continue
		}
		m := u.matches[0]
		if m.Place.Country != "UA" || c.flagged(u) != nil {
			continue
		}
		want := c.style.Preferred(m.Place)
		if strings.ContainsAny(want, softSignMarks) || gazetteer.Key(want) != gazetteer.Key(u.text) {
			continue
		}
		out = append(out, report.Finding{
			Rule:        rules.PlaceVariant.ID,
			Category:    report.PlaceName,
			Span:        spanOf(u.span),
			Text:        u.text,
			Suggestions: []string{want},
			Severity:    report.Info,
			Confidence:  0.5,
			Message:     fmt.Sprintf("“%s” marks a soft sign or apostrophe the national transliteration leaves out: %s", u.text, want),
		})
	}
	return out
}
