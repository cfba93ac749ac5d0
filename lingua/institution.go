package lingua

import (
	"fmt"
	"github.com/transcheck/transcheck/internal/rules"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// institutions are research institutes and bodies news cites, by their
// canonical English names. A name made of the same content words in another
// form ("Institute for War Studies") is a back-translation of the canonical
// one.
var institutions = []string{
	"Institute for the Study of War",
	"Center for Strategic and International Studies",
	"Royal United Services Institute",
	"International Institute for Strategic Studies",
	"Carnegie Endowment for International Peace",
	"Council on Foreign Relations",
	"European Council on Foreign Relations",
	"Stockholm International Peace Research Institute",
	"Kiel Institute for the World Economy",
	"German Institute for International and Security Affairs",
	"Center for Naval Analyses",
	"Center for European Policy Analysis",
	"Foreign Policy Research Institute",
	"Royal Institute of International Affairs",
	"American Enterprise Institute",
	"Centre for Eastern Studies",
	"Kyiv School of Economics",
	"Institute of World Economy and International Relations",
	"Peterson Institute for International Economics",
	"Chinese Academy of Social Sciences",
	"China Institutes of Contemporary International Relations",
	"Shanghai Institutes for International Studies",
}

// institutionHeads are the words an institution's name is built around.
var institutionHeads = set("institute", "institutes", "center", "centre", "council", "endowment",
	"academy", "school", "foundation", "institution", "society")

// nameConnectors join the capitalized words of a name.
var nameConnectors = set("for", "of", "on", "the", "and")

// contentKey is the sorted multiset of a name's content words, stemmed, so
// that word order, connectors and number do not matter.
func contentKey(words []string) string {
	var keys []string
	for _, w := range words {
		w = strings.ToLower(w)
		if nameConnectors[w] {
			continue
		}
		keys = append(keys, institutionStem(w))
	}
	slices.Sort(keys)
	return strings.Join(keys, " ")
}

// institutionStem reduces a word of an institution's name to the key its
// variants share: the shared light stem (segment.Stem) after folding the
// spellings and derivations institution names vary in ("centre", "analyses",
// "strategic").
func institutionStem(w string) string {
	switch {
	case w == "centre":
		w = "center"
	case strings.HasSuffix(w, "ses") && len(w) > 5: // analyses → analysis
		w = w[:len(w)-2] + "is"
	case strings.HasSuffix(w, "ic") && len(w) > 5: // strategic → strategy
		w = w[:len(w)-2] + "y"
	}
	return segment.Stem(w)
}

var institutionKeys = func() map[string]string {
	m := make(map[string]string, len(institutions))
	for _, name := range institutions {
		m[contentKey(strings.Fields(name))] = name
	}
	return m
}()

// institutionHits finds capitalized names built around an institution head
// word whose content words match a canonical institution's but whose form
// differs: a name translated back from the source language.
func institutionHits(doc *segment.Document) []hit {
	var out []hit
	for _, s := range doc.Sentences {
		words := s.Words()
		for i := 0; i < len(words); {
			j := nameEnd(words, i)
			if j == i {
				i++
				continue
			}
			name, canon, ok := matchInstitution(words[i:j])
			i = j
			if !ok {
				continue
			}
			got := joinText(name)
			out = append(out, hit{
				id:         "institution-name",
				signal:     "calque",
				rule:       rules.GarbledCalque,
				span:       segment.Span{Start: name[0].Start, End: name[len(name)-1].End},
				message:    fmt.Sprintf("“%s” looks like “%s” translated back from the source language", got, canon),
				suggest:    []string{canon},
				confidence: 0.75,
			})
		}
	}
	return out
}

// nameEnd returns the end of a run of capitalized words joined by lower-case
// connectors starting at words[i], or i when words[i] is not capitalized.
func nameEnd(words []segment.Token, i int) int {
	if !words[i].IsCapitalized() {
		return i
	}
	end := i + 1
	for j := i + 1; j < len(words); j++ {
		w := words[j]
		if w.IsCapitalized() {
			end = j + 1
			continue
		}
		if !nameConnectors[w.Norm] {
			break
		}
	}
	return end
}

// matchInstitution finds the longest part of a capitalized run that has an
// institution head word and the content words of a canonical institution in
// another form ("According to the Institute for War Studies (ISW)").
func matchInstitution(run []segment.Token) ([]segment.Token, string, bool) {
	for n := len(run); n >= 2; n-- {
		for a := 0; a+n <= len(run); a++ {
			part := run[a : a+n]
			if nameConnectors[part[0].Norm] || nameConnectors[part[n-1].Norm] {
				continue
			}
			if !slices.ContainsFunc(part, func(t segment.Token) bool { return institutionHeads[t.Norm] }) {
				continue
			}
			texts := make([]string, len(part))
			for k, t := range part {
				texts[k] = t.Text
			}
			canon, ok := institutionKeys[contentKey(texts)]
			if !ok {
				continue
			}
			if strings.EqualFold(strings.Join(texts, " "), canon) {
				return nil, "", false // the canonical name itself
			}
			return part, canon, true
		}
	}
	return nil, "", false
}

func joinText(ts []segment.Token) string {
	texts := make([]string, len(ts))
	for i, t := range ts {
		texts[i] = t.Text
	}
	return strings.Join(texts, " ")
}
