package align

import (
	"cmp"
	"fmt"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
	"math"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// compare returns what the coverage passage tgt says differently from the
// text's passage src, which it is aligned with at the given score.
func compare(src, tgt *passageView, score float64, opts Options) []report.Finding {
	ev := report.Evidence{Path: tgt.path, Span: rspan(tgt.span()), Text: tgt.text()}
	var out []report.Finding
	out = append(out, compareNumbers(src, tgt, score, ev)...)
	out = append(out, compareQuotes(src, tgt, score, ev)...)
	if opts.PlaceSuspect != nil && opts.KnownPlace != nil {
		out = append(out, comparePlaces(src, tgt, score, ev, opts)...)
	}
	return out
}

// numberFact is a number and the noun phrase after it: what it counts.
type numberFact struct {
	value float64
	noun  []string     // stems of the noun phrase, head last
	span  segment.Span // the number and its noun phrase
}

// maxNounWords bounds the noun phrase read after a number.
const maxNounWords = 3

// numberFacts finds the numbers of a passage and what they count.
func numberFacts(v *passageView) []numberFact {
	var out []numberFact
	for _, toks := range v.sentenceTokens() {
		for _, m := range numbersIn(toks) {
			f := numberFact{value: m.v, span: m.span}
			if m.first > 0 && toks[m.first-1].Kind == segment.Symbol && strings.Contains("$€£¥", toks[m.first-1].Text) {
				f.noun = append(f.noun, toks[m.first-1].Text)
				f.span.Start = toks[m.first-1].Start
			}
			for j := m.end; j < len(toks) && j < m.end+maxNounWords; j++ {
				t := toks[j]
				if t.Text == "%" || t.Norm == "percent" {
					f.noun = append(f.noun, "percent")
					f.span.End = t.End
					break
				}
				if !isContent(t) {
					break
				}
				// a participle or adverb after the first word starts the
				// predicate: "100 soldiers killed"
				if j > m.end && (strings.HasSuffix(t.Norm, "ed") || strings.HasSuffix(t.Norm, "ing") || strings.HasSuffix(t.Norm, "ly")) {
					break
				}
				f.noun = append(f.noun, segment.Stem(t.Norm))
				f.span.End = t.End
			}
			out = append(out, f)
		}
	}
	return out
}

// sameValue reports whether two numbers are equal, allowing for rounding.
func sameValue(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 0.005*math.Max(math.Abs(a), math.Abs(b))
}

// sameNoun reports whether two noun phrases name the same thing: the head
// (last word) of one occurs in the other.
func sameNoun(a, b []string) bool {
	return slices.Contains(b, a[len(a)-1]) || slices.Contains(a, b[len(b)-1])
}

// compareNumbers flags numbers the aligned coverage gives with another noun
// or another value. Confidence grows with the alignment's score; a
// different value is likelier a real error than a different noun, which is
// often a synonym ("12 generals", "12 senior military figures"). These
// confidences are judgement, not fitted: the labelled pairs say which
// sentences align, not which differences an editor accepts.
func compareNumbers(src, tgt *passageView, score float64, ev report.Evidence) []report.Finding {
	docFacts, covFacts := numberFacts(src), numberFacts(tgt)
	if len(docFacts) == 0 || len(covFacts) == 0 {
		return nil
	}
	inDoc := func(v float64) bool {
		return slices.ContainsFunc(docFacts, func(f numberFact) bool { return sameValue(f.value, v) })
	}
	var out []report.Finding
	for _, f := range docFacts {
		if len(f.noun) == 0 {
			continue
		}
		var same, sameThing []numberFact
		for _, c := range covFacts {
			switch {
			case sameValue(c.value, f.value):
				same = append(same, c)
			case len(c.noun) > 0 && sameNoun(f.noun, c.noun) && !inDoc(c.value):
				sameThing = append(sameThing, c)
			}
		}
		text := src.doc.Slice(f.span)
		flag := func(rule, format string, theirs numberFact, confidence float64) {
			t := tgt.doc.Slice(theirs.span)
			out = append(out, report.Finding{
				Category: report.Number, Rule: rule,
				Span: rspan(src.shift(f.span)), Text: text,
				Message:     fmt.Sprintf(format, text, t, tgt.path),
				Suggestions: []string{t},
				Confidence:  round3(confidence),
				Evidence:    []report.Evidence{ev},
			})
		}
		switch {
		case len(same) > 0:
			if !slices.ContainsFunc(same, func(c numberFact) bool { return len(c.noun) == 0 || sameNoun(f.noun, c.noun) }) {
				flag(rules.NumberDifferentNoun.ID, "the same number counts something else in coverage: %q here, %q in %s", same[0], 0.3+0.4*score)
			}
		case len(sameThing) == 1:
			flag(rules.NumberDifferentValue.ID, "coverage gives a different number: %q here, %q in %s", sameThing[0], 0.4+0.4*score)
		}
	}
	return out
}

// minQuoteWords is the shortest quotation compared: shorter ones are scare
// quotes and titles ("Guardian", "ready for action").
const minQuoteWords = 4

// quoteWords is a quotation's words: their span (inside the marks, without
// leading or trailing punctuation), normalized words and content stems.
type quoteWords struct {
	span  segment.Span
	words []string
	stems []string
}

func passageQuotes(v *passageView) []quoteWords {
	var out []quoteWords
	for _, q := range v.quotes() {
		var w quoteWords
		for _, t := range v.tokens() {
			if !q.Inner.Contains(t.Span) || (t.Kind != segment.Word && t.Kind != segment.Number) {
				continue
			}
			if len(w.words) == 0 {
				w.span.Start = t.Start
			}
			w.span.End = t.End
			w.words = append(w.words, t.Norm)
			if isContent(t) {
				w.stems = append(w.stems, segment.Stem(t.Norm))
			}
		}
		if len(w.words) >= minQuoteWords {
			w.stems = sortedSet(w.stems)
			out = append(out, w)
		}
	}
	return out
}

// containsRun reports whether needle occurs in hay as a contiguous run.
func containsRun(hay, needle []string) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

// Quotations are counterparts when their content stems overlap this much.
const (
	minQuoteDice   = 0.4
	minQuoteShared = 3
)

func compareQuotes(src, tgt *passageView, score float64, ev report.Evidence) []report.Finding {
	covQuotes := passageQuotes(tgt)
	if len(covQuotes) == 0 {
		return nil
	}
	var out []report.Finding
	for _, q := range passageQuotes(src) {
		best, bestDice := -1, 0.0
		for k, c := range covQuotes {
			if d := dice(q.stems, c.stems); d > bestDice && intersect(q.stems, c.stems) >= minQuoteShared {
				best, bestDice = k, d
			}
		}
		if best < 0 || bestDice < minQuoteDice {
			continue
		}
		c := covQuotes[best]
		if containsRun(c.words, q.words) || containsRun(q.words, c.words) {
			continue // the same words, or one quotes part of the other
		}
		text := src.doc.Slice(q.span)
		theirs := tgt.doc.Slice(c.span)
		out = append(out, report.Finding{
			Category: report.Quote, Rule: rules.QuoteReworded.ID,
			Span: rspan(src.shift(q.span)), Text: text,
			Message:     fmt.Sprintf("coverage quotes this differently (%s): %q", tgt.path, theirs),
			Suggestions: []string{theirs},
			Confidence:  round3(min(0.95, 0.3+0.4*bestDice+0.3*score)),
			Evidence:    []report.Evidence{ev},
			Diff:        WordDiff(text, theirs),
		})
	}
	return out
}

// maxPlaceWords is the longest run of capitalized words offered to
// Options.KnownPlace.
const maxPlaceWords = 3

type placeMention struct {
	name string  // canonical name
	text string  // as written
	pos  float64 // relative position in its passage, 0 to 1
}

func comparePlaces(src, tgt *passageView, score float64, ev report.Evidence, opts Options) []report.Finding {
	srcNorms := passageNorms(src)
	tgtNorms := passageNorms(tgt)
	// places the coverage names that the text's passage lacks
	var missing []placeMention
	tgtToks := tgt.tokens()
	for i := 0; i < len(tgtToks); i++ {
		if !tgtToks[i].IsCapitalized() {
			continue
		}
		for n := min(maxPlaceWords, len(tgtToks)-i); n >= 1; n-- {
			run := tgtToks[i : i+n]
			if !allCapitalizedWords(run) {
				continue
			}
			phrase := tgt.doc.Slice(segment.Span{Start: run[0].Start, End: run[n-1].End})
			name, ok := opts.KnownPlace(segment.StripPossessive(phrase))
			if !ok {
				continue
			}
			if !containsRun(srcNorms, runNorms(run)) && !strings.Contains(strings.ToLower(src.text()), strings.ToLower(name)) {
				missing = append(missing, placeMention{name, phrase, float64(i) / float64(len(tgtToks))})
			}
			i += n - 1
			break
		}
	}
	if len(missing) == 0 {
		return nil
	}
	var out []report.Finding
	srcToks := src.tokens()
	for i, t := range srcToks {
		if t.Kind != segment.Word || !t.IsCapitalized() {
			continue
		}
		word := segment.StripPossessive(t.Text)
		if slices.Contains(tgtNorms, segment.StripPossessive(t.Norm)) || !opts.PlaceSuspect(word) {
			continue
		}
		pos := float64(i) / float64(len(srcToks))
		ms := slices.Clone(missing)
		slices.SortStableFunc(ms, func(a, b placeMention) int {
			return cmp.Compare(math.Abs(a.pos-pos), math.Abs(b.pos-pos))
		})
		var sugg []string
		for _, m := range ms {
			if !slices.Contains(sugg, m.name) {
				sugg = append(sugg, m.name)
			}
		}
		span := segment.Span{Start: t.Start, End: t.Start + len(word)}
		out = append(out, report.Finding{
			Category: report.PlaceName, Rule: rules.PlaceCoverage.ID,
			Span: rspan(src.shift(span)), Text: word,
			Message:     fmt.Sprintf("aligned coverage (%s) names %s where the text has %q", tgt.path, sugg[0], word),
			Suggestions: sugg,
			Confidence:  round3(0.4 + 0.5*score),
			Evidence:    []report.Evidence{ev},
		})
	}
	return out
}

// passageNorms is the passage's words, normalized, possessives stripped.
func passageNorms(v *passageView) []string {
	var out []string
	for _, t := range v.tokens() {
		if t.Kind == segment.Word {
			out = append(out, segment.StripPossessive(t.Norm))
		}
	}
	return out
}

func runNorms(run []segment.Token) []string {
	out := make([]string, len(run))
	for i, t := range run {
		out[i] = segment.StripPossessive(t.Norm)
	}
	return out
}

func allCapitalizedWords(run []segment.Token) bool {
	for _, t := range run {
		if t.Kind != segment.Word || !t.IsCapitalized() {
			return false
		}
	}
	return true
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// differenceSet gathers differences found through several alignments,
// merging those that flag the same passage the same way.
type differenceSet struct {
	byKey map[string]int
	list  []report.Finding
}

func newDifferenceSet() *differenceSet { return &differenceSet{byKey: make(map[string]int)} }

func (s *differenceSet) add(ds ...report.Finding) {
	for _, d := range ds {
		key := fmt.Sprintf("%s|%d|%d|%s", d.Rule, d.Span.Start, d.Span.End, strings.Join(d.Suggestions, "|"))
		i, ok := s.byKey[key]
		if !ok {
			s.byKey[key] = len(s.list)
			s.list = append(s.list, d)
			continue
		}
		m := &s.list[i]
		for _, e := range d.Evidence {
			if !slices.Contains(m.Evidence, e) {
				m.Evidence = append(m.Evidence, e)
			}
		}
		m.Confidence = max(m.Confidence, d.Confidence)
	}
}

func (s *differenceSet) sorted() []report.Finding {
	out := slices.Clone(s.list)
	slices.SortStableFunc(out, func(a, b report.Finding) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), cmp.Compare(a.Rule, b.Rule))
	})
	return out
}

// rspan converts a segment span to the report's, offsets only.
func rspan(s segment.Span) report.Span { return report.Span{Start: s.Start, End: s.End} }
