package lingua

import (
	"fmt"
	"math"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/spantag"
	"github.com/transcheck/transcheck/report"
)

// LearnedRule is the rule of garbled passages found by the learned span
// tagger (internal/spantag).
var LearnedRule = rules.GarbledUnusualPhrase.ID

// LearnedThreshold is the token probability from which the span tagger's
// passages become findings in a document not called machine (in one
// called human they are hints at info severity, see severity);
// LearnedMachineThreshold is the one in a document called machine, where
// the evidence of the whole text makes a garbled phrase more likely. Both
// were chosen on dev: LearnedThreshold (go run ./internal/spantag/eval
// threshold) as the lowest on a grid of 0.01 that keeps the tagger at most
// 0.25 passages per 5,000 words of dev English-original news and of the
// Brown Corpus; LearnedMachineThreshold (go run ./internal/spantag/eval
// gate) on its grid so that all garbled warnings, rules and tagger, stay
// under one per 5,000 words on both with a margin (0.16: 0.15 on dev news,
// 0.88 on Brown, where 1 of 500 texts is called machine; 0.14 would reach
// 1.0). The machine threshold depends on how few human texts the verdict
// calls machine: choose it again when the verdict changes.
const (
	LearnedThreshold        = 0.39
	LearnedMachineThreshold = 0.16
)

// learnedThreshold is the tagger's threshold in a document with verdict.
func learnedThreshold(verdict string) float64 {
	if verdict == Machine {
		return LearnedMachineThreshold
	}
	return LearnedThreshold
}

// learnedHits runs the span tagger, with passages from threshold, over the sentences it judges
// (spantag.Judged), leaving out page furniture and run-together extraction
// as fluencyHits does, and returns one garbled hit per passage. A passage
// that overlaps a garbled passage of another detector (skip) corroborates
// it instead of making a finding of its own.
func learnedHits(doc *segment.Document, skip []hit, threshold float64) []hit {
	tg, err := spantag.Default()
	if err != nil {
		return nil // New has checked that the tagger loads
	}
	boiler := spansOf(skip, func(h hit) bool { return h.rule.Category == Boilerplate })
	garbled := spansOf(skip, func(h hit) bool { return !h.signalOnly && h.rule.Category == Garbled })
	var out []hit
	var buf []spantag.Scored
	words := float64(tg.Phrases().Words())
	for si, s := range doc.Sentences {
		if !spantag.Judged(s) || runTogether(s) || boiler.overlaps(s.Span) {
			continue
		}
		buf = tg.Sentence(buf[:0], s)
		for _, p := range spantag.PassagesOf(si, s, buf, threshold) {
			if spantag.NamesOnly(s, p) && knownNames(s, p) {
				continue
			}
			h := learnedHit(doc, s, p, words)
			h.signalOnly = garbled.overlaps(p.Span)
			out = append(out, h)
		}
	}
	return out
}

// knownNames reports whether every capitalized word of passage p of
// sentence s is a name the lexicon or the gazetteer knows: the tagger finds
// such names rare in edited English, but a known name is no garbled phrase
// (the place checks judge its spelling). An unknown name stays: it may be
// a name translated word for word. (Names known from coverage are left out
// of the test so that a finding does not depend on the other documents.)
func knownNames(s segment.Sentence, p spantag.Passage) bool {
	gaz := gazetteer.Default()
	for _, t := range s.Tokens[p.First : p.Last+1] {
		if t.Kind != segment.Word || !t.IsCapitalized() {
			continue
		}
		w := segment.StripPossessive(t.Text)
		if !lexicon.IsProperName(w) && !gaz.KnownName(w) {
			return false
		}
	}
	return true
}

// spansOf indexes the spans of the hits that keep reports true of.
func spansOf(hits []hit, keep func(hit) bool) spanIndex {
	var spans []segment.Span
	for _, h := range hits {
		if keep(h) {
			spans = append(spans, h.span)
		}
	}
	return newSpanIndex(spans)
}

// learnedHit turns a passage of sentence s into a garbled hit, with the
// least expected word pair as evidence.
func learnedHit(doc *segment.Document, s segment.Sentence, p spantag.Passage, words float64) hit {
	var ev []report.Evidence
	if p.Unseen >= 0 {
		pair := segment.Span{Start: s.Tokens[p.Unseen-1].Start, End: s.Tokens[p.Unseen].End}
		ev = []report.Evidence{{Span: report.Span{Start: pair.Start, End: pair.End}, Text: doc.Slice(pair)}}
	}
	return hit{
		id:         "unusual-phrase",
		signal:     "unusual-phrase",
		rule:       rules.GarbledUnusualPhrase,
		span:       p.Span,
		message:    learnedMessage(doc, s, p, words),
		confidence: p.P,
		evidence:   ev,
	}
}

// learnedMessage says in plain words why the tagger flagged p: the
// probability, the least expected word pair, the word-order surprise.
func learnedMessage(doc *segment.Document, s segment.Sentence, p spantag.Passage, words float64) string {
	msg := fmt.Sprintf("this phrase reads like a machine-translation error: a model trained on professional annotators' marks of major errors in machine-translated news puts the chance at %.0f %% (a word of edited English: mostly under 10 %%)", 100*p.P)
	if p.Rare >= 0 {
		msg += fmt.Sprintf("; %q occurs at most once in %.1f million words of edited English", s.Tokens[p.Rare].Text, words/1e6)
	}
	if p.Unseen >= 0 {
		a, b := s.Tokens[p.Unseen-1], s.Tokens[p.Unseen]
		msg += fmt.Sprintf("; %q does not occur in %.1f million words of edited English, though both words are common",
			doc.Slice(segment.Span{Start: a.Start, End: b.End}), words/1e6)
	}
	if p.Excess >= 3 {
		msg += fmt.Sprintf("; the order of words here is about %.0f times less expected in English than the words themselves", math.Exp2(p.Excess))
	}
	return msg
}
