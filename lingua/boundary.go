package lingua

import (
	"fmt"
	"github.com/transcheck/transcheck/internal/persons"
	"github.com/transcheck/transcheck/internal/rules"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/segment"
)

// functionWords are closed-class words (articles, prepositions,
// conjunctions, pronouns) that English capitalizes only at the start of a
// sentence or inside a title or name.
var functionWords = set(
	"a", "an", "the", "at", "for", "in", "on", "of", "to", "from", "with", "by",
	"after", "before", "as", "and", "but", "or", "nor", "if", "when", "while",
	"since", "because", "although", "though", "unless", "until", "during",
	"under", "over", "about", "against", "between", "through", "without",
	"within", "into", "onto", "upon", "among", "across", "toward", "towards",
	"this", "that", "these", "those", "which", "who", "whom", "whose", "where",
	"however", "therefore", "moreover", "meanwhile", "then", "also", "not",
	"its", "their", "his", "her", "our", "it", "they", "we", "he", "she",
)

// determiners before a capitalized word make it part of a name or title
// ("the War Between the States").
var determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your")

// midClauseVerbs are auxiliaries and modals that, like function words,
// English capitalizes only at the start of a sentence or in a title ("may"
// and "will" are left out: May and Will are names).
var midClauseVerbs = set("can", "could", "would", "should", "must", "might", "shall",
	"is", "are", "was", "were", "has", "have", "had", "does", "did")

// titleIntroducers precede titles of works, which capitalize function words.
var titleIntroducers = set("called", "titled", "entitled", "named", "dubbed", "headlined", "read", "reads", "says", "said", "slogan")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// boundaryHits finds sentence boundaries broken mid-clause: a capitalized
// function word inside a clause ("to avoid short-term For the second
// time"), a sentence starting in lower case ("... was announced. will be
// threatened."), and a clause repeated across a break.
func boundaryHits(doc *segment.Document) []hit {
	var out []hit
	reverent := reverentialCapitals(doc)
	lowerStyle := writtenInLowerCase(doc)
	for i, s := range doc.Sentences {
		if s.Heading {
			continue
		}
		out = append(out, capitalizedFunctionWords(doc, s, reverent)...)
		if i == 0 {
			continue
		}
		prev := doc.Sentences[i-1]
		if prev.Paragraph != s.Paragraph || prev.Heading {
			continue
		}
		if h, ok := lowercaseStart(doc, prev, s); ok && !lowerStyle {
			out = append(out, h)
		}
		if h, ok := repeatedClause(doc, prev, s); ok {
			out = append(out, h)
		}
	}
	return out
}

// headlineRunIn reports whether the words before toks[i] of sentence s are
// a headline run into the text: s opens its paragraph and nothing before
// toks[i] is a finite verb ("Lavender under threat from drought It has
// become a symbol ..."), as pages copied without their layout show.
func headlineRunIn(doc *segment.Document, s segment.Sentence, i int) bool {
	if s.Index > 0 && doc.Sentences[s.Index-1].Paragraph == s.Paragraph {
		return false
	}
	var before []segment.Token
	for _, t := range s.Tokens[:i] {
		if t.Kind == segment.Word {
			before = append(before, t)
		}
	}
	return len(before) >= 2 && !hasFiniteVerb(before)
}

// writtenInLowerCase reports whether at least half of the document's
// sentences (four or more of them) start with a lower-case word: text
// written without capitals, such as a speech-to-text transcript, where a
// lower-case start is the house style rather than a broken boundary.
func writtenInLowerCase(doc *segment.Document) bool {
	lower, all := 0, 0
	for _, s := range doc.Sentences {
		if len(s.Tokens) == 0 || s.Tokens[0].Kind != segment.Word {
			continue
		}
		all++
		if s.Tokens[0].IsLower() {
			lower++
		}
	}
	return all >= 4 && 2*lower >= all
}

// clauseOpeners are words a clause cannot end with: articles, possessive
// determiners, coordinating conjunctions and "of". A capitalized word after
// one ("of His creatures", "and He will know") is not the start of a
// sentence whose full stop was lost.
var clauseOpeners = set("a", "an", "the", "and", "or", "nor", "but", "of", "my", "your", "our", "their", "its")

// reverentPronouns are the pronouns religious writing capitalizes
// mid-sentence when they refer to God ("in His mercy").
var reverentPronouns = set("he", "his", "him", "himself")

// reverentialCapitals reports whether the document capitalizes He, His or
// Him inside sentences at least twice: the reverential house style of
// religious writing, not sentence boundaries lost twice before the same
// pronoun.
func reverentialCapitals(doc *segment.Document) bool {
	n := 0
	for _, s := range doc.Sentences {
		for i := 1; i < len(s.Tokens); i++ {
			t, p := s.Tokens[i], s.Tokens[i-1]
			if t.Kind == segment.Word && reverentPronouns[t.Norm] && t.IsCapitalized() && t.Text != strings.ToUpper(t.Text) &&
				(p.Kind == segment.Word && p.IsLower() || p.Text == ";") {
				n++
			}
		}
	}
	return n >= 2
}

func capitalizedFunctionWords(doc *segment.Document, s segment.Sentence, reverent bool) []hit {
	var out []hit
	toks := s.Tokens
	for i := 1; i+1 < len(toks); i++ {
		t := toks[i]
		if t.Kind != segment.Word || !t.IsCapitalized() || !functionWords[t.Norm] && !midClauseVerbs[t.Norm] || strings.ToUpper(t.Text) == t.Text {
			continue
		}
		if reverent && reverentPronouns[t.Norm] {
			continue
		}
		// The word before is a lower-case word, or ";" after one, or a
		// name after a lower-case word ("to support Ukraine In the next
		// months"): the clause runs on in prose, not in a title. After a
		// comma a capital starts a line of verse or a quoted question
		// ("the question arises, On whose side …"); a lost full stop
		// leaves no comma behind.
		p := i - 1
		if toks[p].Kind == segment.Punct && toks[p].Text == ";" && p > 0 {
			p--
		}
		if toks[p].Kind == segment.Word && toks[p].IsCapitalized() && !functionWords[toks[p].Norm] && p > 1 &&
			toks[p-1].Kind == segment.Word && toks[p-1].Text == toks[p-1].Norm && !titleIntroducers[toks[p-1].Norm] &&
			!determiners[toks[p-1].Norm] {
			p--
		}
		if toks[p].Kind != segment.Word || !toks[p].IsLower() || titleIntroducers[toks[p].Norm] || clauseOpeners[toks[p].Norm] {
			continue
		}
		if headlineRunIn(doc, s, i) {
			continue
		}
		// The word after is lower case too: "For the second", not "The Times".
		n := toks[i+1]
		if n.Kind != segment.Word && n.Kind != segment.Number || n.Kind == segment.Word && !n.IsLower() {
			continue
		}
		start := toks[max(0, p-1)].Start
		if toks[max(0, p-1)].Kind != segment.Word {
			start = toks[p].Start
		}
		end := wordsEnd(toks, i, 4)
		out = append(out, hit{
			signal:     "broken-boundary",
			rule:       rules.GarbledCapitalizedFunctionWord,
			span:       segment.Span{Start: start, End: end},
			message:    fmt.Sprintf("“%s” is capitalized inside a clause: a sentence boundary was probably lost or misplaced here", t.Text),
			confidence: 0.8,
		})
	}
	return out
}

// wordsEnd returns the end of the n-th word token counted from toks[i]
// (inclusive), or of the last word before the sentence ends.
func wordsEnd(toks []segment.Token, i, n int) int {
	end := toks[i].End
	for j := i; j < len(toks) && n > 0; j++ {
		if toks[j].Kind == segment.Word || toks[j].Kind == segment.Number {
			end = toks[j].End
			n--
		}
	}
	return end
}

// tailStart returns the start of the last n word tokens of a sentence.
func tailStart(s segment.Sentence, n int) int {
	start := s.Start
	for j := len(s.Tokens) - 1; j >= 0 && n > 0; j-- {
		if s.Tokens[j].Kind == segment.Word || s.Tokens[j].Kind == segment.Number {
			start = s.Tokens[j].Start
			n--
		}
	}
	return start
}

func lowercaseStart(doc *segment.Document, prev, s segment.Sentence) (hit, bool) {
	if len(s.Tokens) == 0 {
		return hit{}, false
	}
	t := s.Tokens[0]
	if t.Kind != segment.Word || !t.IsLower() || strings.ToLower(t.Text) != t.Text {
		return hit{}, false // "iPhone" and other brand names start in lower case
	}
	prevText := strings.TrimSpace(doc.Slice(prev.Span))
	if strings.HasSuffix(prevText, "...") || strings.HasSuffix(prevText, "…") {
		return hit{}, false
	}
	if !fullStopAfterWord(prev) {
		return hit{}, false
	}
	end := s.End
	if len(s.Words()) > 8 {
		end = wordsEnd(s.Tokens, 0, 6)
	}
	return hit{
		signal:     "broken-boundary",
		rule:       rules.GarbledLowercaseStart,
		span:       segment.Span{Start: tailStart(prev, 4), End: end},
		message:    fmt.Sprintf("the sentence starting “%s” begins in lower case: the full stop before it breaks a clause", t.Text),
		confidence: 0.8,
	}, true
}

// repeatedClause finds a sentence whose first words repeat words at the end
// of the sentence before ("... will be destroyed. will be threatened."):
// two alternative renderings of one source clause. A capitalized start must
// repeat at least three words, not the last three of the sentence before,
// so rhetorical anaphora and anadiplosis stay clean.
func repeatedClause(doc *segment.Document, prev, s segment.Sentence) (hit, bool) {
	cur, before := s.Words(), prev.Words()
	if len(cur) < 2 || len(before) < 2 {
		return hit{}, false
	}
	need := 2
	if !cur[0].IsLower() {
		need = 3
	}
	if len(cur) < need {
		return hit{}, false
	}
	// The repeated words must sit at the end of the sentence before, not
	// start it: "He sees himself as a tsar. He sees himself as ..." is
	// rhetoric, "... built will be destroyed. will be threatened." is not.
	tail := before[max(1, len(before)-4):]
	for i := 0; i+need <= len(tail); i++ {
		match := true
		for k := 0; k < need; k++ {
			if tail[i+k].Norm != cur[k].Norm {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		// A capitalized sentence that takes up the very last words of the
		// one before ("... preferred shares. Preferred shares aren't ...")
		// repeats them on purpose (anadiplosis); two renderings of one
		// clause part ways after the shared words.
		if need == 3 && i+need == len(tail) {
			continue
		}
		var rep []string
		for _, w := range cur[:need] {
			rep = append(rep, w.Text)
		}
		return hit{
			signal:     "broken-boundary",
			rule:       rules.GarbledRepeatedClause,
			span:       segment.Span{Start: tail[i].Start, End: s.End},
			message:    fmt.Sprintf("“%s” repeats across the sentence break: two renderings of one clause", strings.Join(rep, " ")),
			confidence: 0.7,
		}, true
	}
	return hit{}, false
}

// commonAbbreviations are abbreviations with vowels that run on into the
// rest of a sentence ("lamps, etc. and food", "a circle, viz. a ring").
var commonAbbreviations = set("etc", "viz", "ibid", "approx", "esp", "incl", "vol", "vols", "dept",
	"univ", "assn", "ave", "corp", "inc", "co", "bros", "ltd", "est", "fig", "al", "ca", "op", "cit", "seq")

// closingMarks may follow a sentence's final punctuation.
const closingMarks = "\"'”’)]»"

// fullStopAfterWord reports whether a sentence ends with a full stop
// that ends a word, not an abbreviation: a lower-case start after it is a
// broken boundary. A sentence ending in "!" or "?" ("to Oklahoma! and My
// Fair Lady") or in an abbreviation's full stop ("Topeka, Kan. plant",
// "8 lbs. or more", "the U. S. and its allies") is left alone: segment
// ends a sentence at every full stop before a lower-case word and leaves
// the abbreviations to the detectors.
func fullStopAfterWord(s segment.Sentence) bool {
	toks := s.Tokens
	j := len(toks) - 1
	for j >= 0 && toks[j].Kind == segment.Punct && strings.Contains(closingMarks, toks[j].Text) {
		j--
	}
	if j < 1 || toks[j].Text != "." {
		return false
	}
	return !abbreviation(toks, j-1)
}

// abbreviation reports whether toks[i], before a full stop, is an
// abbreviation: an initial ("U.", "w."), a word without vowels ("lbs.",
// "Mfg.", "Drs."), a title ("Messrs.", "Gen."), a common abbreviation
// ("etc.", "viz."), a unit after a number ("6 ft. 4 in.", "8-oz."), or a
// state after a town and a comma ("Wichita, Kan.").
func abbreviation(toks []segment.Token, i int) bool {
	t := toks[i]
	if t.Kind == segment.Number {
		// "8-oz", "12-ft": a number glued to a unit.
		_, unit, ok := strings.Cut(t.Text, "-")
		return ok && unit != "" && len(unit) <= 3 && !strings.ContainsAny(unit, "0123456789")
	}
	if t.Kind != segment.Word {
		return false
	}
	letters := utf8.RuneCountInString(t.Text)
	switch {
	case letters == 1, persons.IsTitle(t.Norm), commonAbbreviations[t.Norm]:
		return true
	case strings.Contains(t.Text, ".") && !strings.HasPrefix(t.Text, "."):
		return true // a dotted initialism: "U.S", "y.o", "a.m"
	case lexicon.IsClipped(t.Text) && !lexicon.IsProperName(t.Text):
		return true // a clipped word: "self emp.", "Aust. lady", "pref."
	case !strings.ContainsAny(t.Norm, "aeiouy") && !lexicon.IsProperName(t.Text):
		return true // "lbs", "Mfg", "Drs"; not "Brno"
	case letters <= 3 && i > 0 && toks[i-1].Kind == segment.Number && toks[i-1].End < t.Start:
		return true // "1,200 lbs", "4 in"
	case letters <= 5 && t.IsCapitalized() && i > 1 && toks[i-1].Text == "," &&
		toks[i-2].Kind == segment.Word && toks[i-2].IsCapitalized() && !readsAsChinese(t.Text, nil):
		return true // "Fresno, Calif", "Galena, Ill"
	}
	return false
}
