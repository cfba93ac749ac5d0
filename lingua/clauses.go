package lingua

import (
	"github.com/transcheck/transcheck/internal/rules"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// Clause-level constructions of the source language that a word pattern
// alone cannot tell from English: they need to look at the whole sentence.

// subordinators open a clause after which English may go on with a comma
// and a demonstrative "that" ("If Kyiv falls, that would be a disaster").
var subordinators = set("if", "when", "once", "unless", "although", "though", "while",
	"because", "as", "since", "whether", "what", "whatever", "whoever", "where", "how",
	"after", "before", "until", "whenever", "wherever")

// interjections and list endings before ", that" make "that" a
// demonstrative or an old-fashioned relative, not a translation.
var interjections = set("ah", "oh", "well", "yes", "no", "etc", "etc.", "indeed", "so", "now", "and", "but")

// relativeThatHits finds ", that" opening a non-restrictive relative clause
// ("The war, that began in 2022, …"; "a package of aid, that will include
// …"): German, French, Spanish and Russian set every relative clause off
// with a comma, and machine translation renders die/que/qui/который as
// "that" and keeps the comma. English writes ", which" or drops the comma.
// A demonstrative "that" after an adverbial clause ("If Kyiv falls, that
// would …") and "that is," are left alone.
func relativeThatHits(doc *segment.Document) []hit {
	var out []hit
	for _, s := range doc.Sentences {
		m := matcher{text: doc.Text, words: s.Words()}
		for i := 1; i+1 < len(m.words); i++ {
			if m.words[i].Norm != "that" || m.gap(i) != ", " || !m.joined(i+1) || interjections[m.words[i-1].Norm] {
				continue // only a plain comma: not a quotation, not "Ah, that …"
			}
			next := m.words[i+1].Norm
			if !finiteForms[next] && !(len(next) > 4 && strings.HasSuffix(next, "ed")) || next == "is" || next == "was" {
				continue // "…, that is simple": a demonstrative
			}
			if i+2 < len(m.words) && m.clauseEnd(i+2) || i+2 == len(m.words) {
				continue // "…, that is, …", "…, that was."
			}
			if sub := clauseOpener(m.words[:i]); sub {
				continue
			}
			out = append(out, hit{
				id:         "comma-that",
				signal:     "source-punctuation",
				rule:       rules.GarbledRelativeClause,
				span:       segment.Span{Start: m.words[i-1].Start, End: wordsEnd(m.words, i, 3)},
				message:    "“, that” opens a relative clause set off by a comma, as German, French, Spanish and Russian punctuate it; English writes “, which” (or no comma)",
				suggest:    []string{", which"},
				confidence: 0.55,
				langs:      []string{"de", "fr", "es", "ru"},
			})
		}
	}
	return out
}

// clauseOpener reports whether the words before a comma start with a
// subordinating word (or follow one after a first word such as "But").
func clauseOpener(before []segment.Token) bool {
	for k, w := range before {
		if k > 1 {
			break
		}
		if subordinators[w.Norm] {
			return true
		}
	}
	return false
}

// hedgeWords make a sentence's "would have" a real conditional or a
// counterfactual in English.
var hedgeWords = set("if", "unless", "otherwise", "without", "had", "were", "but", "wish", "rather", "hoped", "expected", "thought", "believed", "said")

// reportedConditionalHits finds the conditional French and Spanish news
// use for unconfirmed reports (“la frappe aurait endommagé”, “habría
// dañado”), rendered word for word: “according to a source, the strike
// would have damaged …”. English says “reportedly damaged” or “is said to
// have damaged”. The sentence must cite a source and have no condition.
func reportedConditionalHits(doc *segment.Document) []hit {
	var out []hit
	for _, s := range doc.Sentences {
		words := s.Words()
		cites := false
		for i := 0; i+1 < len(words); i++ {
			if words[i].Norm == "according" && words[i+1].Norm == "to" {
				cites = true
			}
		}
		if !cites {
			continue
		}
		for i := 0; i+2 < len(words); i++ {
			if words[i].Norm != "would" && words[i].Norm != "could" || words[i+1].Norm != "have" {
				continue
			}
			j := i + 2
			for j < len(words) && j < i+4 && (words[j].Norm == "also" || words[j].Norm == "already" || strings.HasSuffix(words[j].Norm, "ly")) {
				j++
			}
			if j >= len(words) || participle(words, j) == 0 || hedged(words) {
				break
			}
			out = append(out, hit{
				id:         "reported-conditional",
				signal:     "literal-idiom",
				rule:       rules.GarbledReportedConditional,
				span:       segment.Span{Start: words[i].Start, End: words[j].End},
				message:    "“would have …” without a condition renders the French or Spanish conditional of unconfirmed reports (“aurait endommagé”, “habría dañado”); English says “reportedly …” or “is said to have …”",
				suggest:    []string{"reportedly"},
				confidence: 0.65,
				langs:      []string{"fr", "es"},
			})
			break
		}
	}
	return out
}

func hedged(words []segment.Token) bool {
	for _, w := range words {
		if hedgeWords[w.Norm] {
			return true
		}
	}
	return false
}
