package lingua

import (
	"cmp"
	"fmt"
	"github.com/transcheck/transcheck/internal/rules"
	"slices"
	"unicode"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/segment"
)

// Fluency thresholds on the ranks of internal/fluency, which place a
// sentence among held-out sentences of edited English prose (the Brown
// Corpus files the model was not trained on).
const (
	// fluencyExcessRank flags a sentence whose word order as a whole is
	// more surprising than that of 95 % of edited sentences.
	fluencyExcessRank = 0.95
	// fluencyPeakRank flags a sentence with a stretch of four symbols more
	// surprising than the worst stretch of 99.5 % of edited sentences: a
	// local break such as a sentence boundary in the middle of a clause.
	fluencyPeakRank = 0.995
)

// Fluency summarizes the fluency model (internal/fluency) over a document's
// prose sentences: those of at least six words that are neither headings nor
// page furniture.
type Fluency struct {
	// Sentences is how many sentences were scored.
	Sentences int `json:"sentences"`
	// Surprise is the median surprise of a word or punctuation mark given
	// the two before it, in bits, under a model of the order of English
	// function words and word classes.
	Surprise float64 `json:"surprise"`
	// Excess is the median of each sentence's surprise minus the surprise
	// of the same words without context, in bits: how much less the
	// sentence's order predicts its words than English order would. Edited
	// English prose has a median of about −1.4; word salad nears 0.
	Excess float64 `json:"excess"`
	// Disfluent is how many sentences read as unusual for edited English:
	// an Excess above that of 95 % of edited sentences, or a local stretch
	// more surprising than in 99.5 % of them.
	Disfluent int `json:"disfluent"`
	// Fraction is Disfluent / Sentences; about 0.05 for edited prose.
	Fraction float64 `json:"fraction"`
}

// fluencyHits scores the prose sentences of doc and returns the summary and
// one signal-only hit per disfluent sentence: its span is the most
// surprising stretch when that stretch is what flagged it, the sentence
// otherwise. Sentences overlapping a boilerplate hit (skip) and run-together
// text are not scored: navigation, link lists and headlines glued to teasers
// by text extraction are not prose.
func fluencyHits(doc *segment.Document, m *fluency.Model, skip []hit) (Fluency, []hit) {
	var f Fluency
	var out []hit
	var surprise, excess []float64
	var boiler []segment.Span
	for _, h := range skip {
		if h.rule.Category == Boilerplate {
			boiler = append(boiler, h.span)
		}
	}
	boilerplate := newSpanIndex(boiler)
	for _, s := range doc.Sentences {
		if s.Heading || len(s.Words()) < fluency.MinWords || runTogether(s) || boilerplate.overlaps(s.Span) {
			continue
		}
		sc := m.Sentence(s)
		f.Sentences++
		surprise, excess = append(surprise, sc.Surprise), append(excess, sc.Excess)
		h := hit{
			signal:     "fluency",
			rule:       rules.GarbledFluency,
			confidence: 0.3,
			signalOnly: true,
		}
		switch {
		case sc.PeakRank >= fluencyPeakRank:
			h.id, h.span = "fluency-peak", sc.PeakSpan
			h.message = "the word order here is more surprising than anywhere in " + share(sc.PeakRank) + " of edited English sentences"
		case sc.ExcessRank >= fluencyExcessRank:
			h.id, h.span = "fluency-sentence", s.Span
			h.message = "the sentence's word order is more surprising than that of " + share(sc.ExcessRank) + " of edited English sentences"
		default:
			continue
		}
		f.Disfluent++
		out = append(out, h)
	}
	if f.Sentences > 0 {
		f.Surprise, f.Excess = median(surprise), median(excess)
		f.Fraction = float64(f.Disfluent) / float64(f.Sentences)
	}
	return f, out
}

// runTogether reports whether a sentence holds text that extraction glued
// together: a word with a capital after three or more lower-case letters
// ("reformsThe"), or a capitalized word right after a question or
// exclamation mark without a space ("deal?Latest").
func runTogether(s segment.Sentence) bool {
	for i, t := range s.Tokens {
		switch t.Kind {
		case segment.Word:
			lower := 0
			for _, r := range t.Text {
				switch {
				case unicode.IsLower(r):
					lower++
				case unicode.IsUpper(r) && lower >= 3:
					return true
				default:
					lower = 0
				}
			}
		case segment.Punct:
			if (t.Text == "?" || t.Text == "!") && i+1 < len(s.Tokens) {
				n := s.Tokens[i+1]
				if n.Start == t.End && n.IsCapitalized() {
					return true
				}
			}
		}
	}
	return false
}

// share formats a rank as a percentage for a message: "96.3 %", and "over
// 99.9 %" at the top, where the calibration cannot tell more.
func share(rank float64) string {
	if rank >= 0.999 {
		return "over 99.9 %"
	}
	return fmt.Sprintf("%.1f %%", 100*rank)
}

func median(v []float64) float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// spanIndex finds which of a set of spans overlap a given one in about
// logarithmic time: the spans sorted by start, with the largest end of each
// prefix. A finding-dense text has thousands of spans and sentences.
type spanIndex struct {
	spans  []segment.Span // by start
	orig   []int          // orig[k]: the index of spans[k] in the set given
	maxEnd []int          // maxEnd[k]: the largest end among spans[:k+1]
}

func newSpanIndex(spans []segment.Span) spanIndex {
	x := spanIndex{orig: make([]int, len(spans)), maxEnd: make([]int, len(spans))}
	for i := range x.orig {
		x.orig[i] = i
	}
	slices.SortStableFunc(x.orig, func(a, b int) int { return cmp.Compare(spans[a].Start, spans[b].Start) })
	x.spans = make([]segment.Span, len(spans))
	for k, i := range x.orig {
		x.spans[k] = spans[i]
		x.maxEnd[k] = spans[i].End
		if k > 0 {
			x.maxEnd[k] = max(x.maxEnd[k], x.maxEnd[k-1])
		}
	}
	return x
}

// before returns how many spans start before end.
func (x spanIndex) before(end int) int {
	k, _ := slices.BinarySearchFunc(x.spans, end, func(e segment.Span, end int) int {
		return cmp.Compare(e.Start, end)
	})
	return k
}

// overlaps reports whether a span of the index overlaps s (as
// segment.Span.Overlaps: they share a byte).
func (x spanIndex) overlaps(s segment.Span) bool {
	// of the spans that start before s ends, one overlaps s when the
	// furthest end among them lies past s's start
	k := x.before(s.End)
	return k > 0 && x.maxEnd[k-1] > s.Start
}

// overlapping appends to dst the indexes (in the set given) of the spans
// that overlap s, in increasing order.
func (x spanIndex) overlapping(dst []int, s segment.Span) []int {
	n := len(dst)
	for k := x.before(s.End) - 1; k >= 0 && x.maxEnd[k] > s.Start; k-- {
		if x.spans[k].Overlaps(s) {
			dst = append(dst, x.orig[k])
		}
	}
	slices.Sort(dst[n:])
	return dst
}
