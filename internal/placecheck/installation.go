package placecheck

import (
	"fmt"

	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// installationNouns name installations that English names after a place
// with the place's own name ("Kakhovka HPP", "Zaporizhzhia nuclear
// plant"), where Ukrainian and Russian use an adjective made of it.
// Administrative units (district, community) are not among them: English
// keeps their adjectival names ("Desnianskyi district").
var installationNouns = set("hpp", "npp", "tpp", "chp", "hydroelectric", "nuclear", "thermal",
	"power", "dam", "reservoir", "plant", "station", "bridge", "airport", "port", "mine",
	"refinery", "canal", "reactor")

// installationAdjective reports an adjective made of a place in the news
// left before an installation's noun: a word-for-word rendering of the
// Ukrainian or Russian name ("Kakhovska HPP") where English writes the
// place's name ("Kakhovka HPP"). toks[i] is the adjective.
func (c *Checker) installationAdjective(toks []segment.Token, i int) (report.Finding, bool) {
	if i+1 >= len(toks) || toks[i+1].Kind != segment.Word || !installationNouns[normWord(toks[i+1])] {
		return report.Finding{}, false
	}
	word := segment.StripPossessive(toks[i].Text)
	a, ok := c.gaz.Adjective(word)
	if !ok || a.Place.Generated() {
		return report.Finding{}, false
	}
	want := c.style.Preferred(a.Place)
	lang := "Ukrainian"
	if a.Russian {
		lang = "Russian"
	}
	span := segment.Span{Start: toks[i].Start, End: toks[i].Start + len(word)}
	return report.Finding{
		Rule:        rules.PlaceVariant.ID,
		Category:    report.PlaceName,
		Span:        spanOf(span),
		Text:        word,
		Suggestions: []string{want},
		Severity:    report.Warning,
		Confidence:  0.7,
		Message: fmt.Sprintf("“%s” is the %s adjective of %s, kept word for word; English names the %s after the place: %s %s",
			word, lang, want, toks[i+1].Text, want, toks[i+1].Text),
	}, true
}
