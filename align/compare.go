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

// compare returns what the coverage passages tgts, all aligned with the
// text's passage src, say differently from it. mode is ModeComparable or
// ModeParallel (the coverage is a reference translation of the text's
// source).
func compare(src *passageView, tgts []target, opts Options, mode string) []report.Finding {
	out := compareNumbers(src, tgts)
	out = append(out, compareQuotes(src, tgts, mode == ModeParallel)...)
	if opts.PlaceSuspect != nil && opts.KnownPlace != nil {
		for _, t := range tgts {
			out = append(out, comparePlaces(src, t.view, t.score, t.evidence(), opts)...)
		}
	}
	return out
}

// target is a coverage passage aligned with a passage of the text, and
// the alignment's score.
type target struct {
	view  *passageView
	score float64
}

func (t target) evidence() report.Evidence {
	return report.Evidence{Path: t.view.path, Span: rspan(t.view.span()), Text: t.view.text()}
}

// sameValue reports whether two numbers are equal, or one is the other
// rounded: 5,940 for 5,936 and 300 for 298, but not 40 for 38 (rounding
// moves a number by under half its last unit and by at most a hundredth).
func sameValue(a, b float64) bool {
	return a == b || roundsTo(a, b) || roundsTo(b, a)
}

// sameQuantity reports whether two quantities give the same value: exactly
// for dates and times, allowing for rounding otherwise.
func sameQuantity(a, b quantity) bool {
	if exactKind(a.kind) || exactKind(b.kind) {
		return a.value == b.value
	}
	return sameValue(a.value, b.value)
}

// roundsTo reports whether r reads as x rounded.
func roundsTo(x, r float64) bool {
	if r == 0 || r != math.Trunc(r) {
		return false
	}
	unit := 1.0
	for unit < math.Abs(r) && math.Mod(r, unit*10) == 0 {
		unit *= 10
	}
	return unit >= 10 && math.Abs(x-r) < unit/2 && math.Abs(x-r) <= 0.01*math.Abs(r)
}

// sameNoun reports whether two noun phrases name the same thing: the head
// (last word) of one occurs in the other.
func sameNoun(a, b []string) bool {
	return slices.Contains(b, a[len(a)-1]) || slices.Contains(a, b[len(b)-1])
}

// Two numbers of the same kind that the text and the coverage do not share
// are taken as values of the same thing when their contexts overlap this
// much (Dice of the content stems around them), or when each is the only
// one of its kind left on its side and the passages align at
// minSoleScore or more.
const (
	minValueContext = 0.25
	minSoleScore    = 0.8
)

// maxNounWords bounds the noun phrase read after a number.
const maxNounWords = 3

// tgtQuantity is a quantity of one of the aligned coverage passages.
type tgtQuantity struct {
	quantity
	t int // index into the targets
}

// compareNumbers flags a number of the text that the aligned coverage
// gives with another value, or (when nothing suggests the two count the
// same thing) with another noun. A number the coverage also gives, with
// any noun, agrees; a number only one side has is an omission, not a
// difference. Among the numbers left on both sides, those of the same kind
// pair up by their contexts, best first. Confidence grows with the
// alignment's score and the contexts' overlap; the constants are judgement
// checked on the development cases of EVALUATION.md.
func compareNumbers(src *passageView, tgts []target) []report.Finding {
	docQ := quantities(src)
	if len(docQ) == 0 {
		return nil
	}
	var covQ []tgtQuantity
	for k, t := range tgts {
		for _, q := range quantities(t.view) {
			covQ = append(covQ, tgtQuantity{q, k})
		}
	}
	if len(covQ) == 0 {
		return nil
	}
	var out []report.Finding
	flag := func(f quantity, c tgtQuantity, rule, format string, confidence float64) {
		t := tgts[c.t]
		text := src.doc.Slice(f.span)
		theirs := t.view.doc.Slice(c.span)
		out = append(out, report.Finding{
			Category: report.Number, Rule: rule,
			Span: rspan(src.shift(f.span)), Text: text,
			Message:     fmt.Sprintf(format, text, theirs, t.view.path),
			Suggestions: []string{theirs},
			Confidence:  round3(confidence),
			Evidence:    []report.Evidence{t.evidence()},
		})
	}
	// numbers both sides give: a different noun, when nothing else ties them
	same := sameNumbers(docQ, covQ)
	var left []quantity
	used := make([]bool, len(covQ))
	for k, f := range docQ {
		if len(same[k]) == 0 {
			left = append(left, f)
			continue
		}
		var cs []tgtQuantity
		for _, c := range same[k] {
			used[c] = true
			cs = append(cs, covQ[c])
		}
		if c, ok := countsElse(src, f, cs, tgts); ok {
			flag(f, c, rules.NumberDifferentNoun.ID, "the same number counts something else in coverage: %q here, %q in %s", 0.3+0.4*tgts[c.t].score)
		}
	}
	// numbers left on both sides: pair those of a kind by context
	var free []tgtQuantity
	for k, c := range covQ {
		if !used[k] && !slices.ContainsFunc(free, func(x tgtQuantity) bool { return x.t == c.t && sameQuantity(x.quantity, c.quantity) }) {
			free = append(free, c)
		}
	}
	type match struct {
		f, c int
		ctx  float64
	}
	var ms []match
	for i, f := range left {
		sole := 1 == countKind(left, f.kind)
		for k, c := range free {
			if !sameKind(c.kind, f.kind) {
				continue
			}
			ctx := dice(f.context, c.context)
			if len(f.noun) > 0 && len(c.noun) > 0 && sameNoun(f.noun, c.noun) {
				ctx += 0.5
			}
			// the other end of a range agrees: "from 10% to 20%", "from 13 to 20%"
			if f.next == c.next {
				ctx += 0.5
			}
			soleHere := sole && 1 == countKindIn(free, c.kind, c.t) && tgts[c.t].score >= minSoleScore
			if ctx >= minValueContext || soleHere {
				ms = append(ms, match{i, k, ctx})
			}
		}
	}
	slices.SortStableFunc(ms, func(a, b match) int { return cmp.Compare(b.ctx, a.ctx) })
	usedF, usedC := map[int]bool{}, map[int]bool{}
	for _, m := range ms {
		if usedF[m.f] || usedC[m.c] {
			continue
		}
		usedF[m.f], usedC[m.c] = true, true
		c := free[m.c]
		flag(left[m.f], c, rules.NumberDifferentValue.ID, "coverage gives a different number: %q here, %q in %s",
			min(0.95, 0.35+0.35*tgts[c.t].score+0.3*min(1, 2*m.ctx)))
	}
	slices.SortStableFunc(out, func(a, b report.Finding) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return out
}

// sameNumbers pairs each number of the text with the numbers of the same
// value in the coverage, at most one in each target passage and each
// coverage number with one number of the text: a text that gives "10" twice
// where the coverage gives "10" and "13" has one "10" left to compare.
// Equal values pair first, then values one of which rounds the other, then
// a number written without a scale word with the coverage's value of it
// scaled by a scale the text writes elsewhere; among
// pairs of one kind, those whose contexts overlap most pair first (the
// "10" of "on the morning of December 10" with the coverage's "morning of
// December 10"). The result lists indices into covQ for each number of
// docQ.
func sameNumbers(docQ []quantity, covQ []tgtQuantity) [][]int {
	type pair struct {
		f, c int
		ctx  float64
	}
	out := make([][]int, len(docQ))
	taken := make([]bool, len(covQ))
	// the scales the text writes: a number written without one may share
	// another's ("between 5 and 7 million", "five million ... now seven")
	var scales []float64
	for _, f := range docQ {
		if f.scale >= 1000 && !slices.Contains(scales, f.scale) {
			scales = append(scales, f.scale)
		}
	}
	scaled := func(f, q quantity) bool {
		if f.scale > 0 || q.scale == 0 || !slices.Contains(scales, q.scale) {
			return false
		}
		return f.value*q.scale == q.value
	}
	for pass := range 3 {
		var ps []pair
		for k, f := range docQ {
			for c, q := range covQ {
				if taken[c] {
					continue
				}
				if pass == 0 && q.value == f.value || pass == 1 && sameQuantity(q.quantity, f) || pass == 2 && scaled(f, q.quantity) {
					ps = append(ps, pair{k, c, dice(f.context, q.context)})
				}
			}
		}
		slices.SortStableFunc(ps, func(a, b pair) int { return cmp.Compare(b.ctx, a.ctx) })
		for _, p := range ps {
			t := covQ[p.c].t
			if taken[p.c] || slices.ContainsFunc(out[p.f], func(c int) bool { return covQ[c].t == t }) {
				continue
			}
			taken[p.c] = true
			out[p.f] = append(out[p.f], p.c)
		}
	}
	return out
}

func countKind(qs []quantity, kind int) int {
	n := 0
	for _, q := range qs {
		if sameKind(q.kind, kind) {
			n++
		}
	}
	return n
}

func countKindIn(qs []tgtQuantity, kind, t int) int {
	n := 0
	for _, q := range qs {
		if sameKind(q.kind, kind) && q.t == t {
			n++
		}
	}
	return n
}

// usesStem reports whether any word of a document has the given stem.
func usesStem(d *segment.Document, st string) bool {
	for _, t := range d.Tokens {
		if t.Kind == segment.Word && segment.Stem(t.Norm) == st {
			return true
		}
	}
	return false
}

// minNounValue is the smallest number whose noun is compared: small
// numbers ("two boxes", "three places") recur for many things in a story
// and are worded freely by translators.
const minNounValue = 100

// alike reports whether two stems look like forms of one word: one holds
// the other, or they share their first five letters.
func alike(a, b string) bool {
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5
}

// countsElse reports whether the coverage gives the text's number f only
// for something else: every same-valued coverage number has a noun unlike
// f's (no word of the two noun phrases shared, a form of the other or a
// synonym of it), the text's head is not in the coverage's passage, and the
// coverage's head is a word the text never uses: a text that says "3,200
// residents" here and "41 people" elsewhere is not contradicted by "3,200
// people". It returns the coverage number to show.
func countsElse(src *passageView, f quantity, same []tgtQuantity, tgts []target) (tgtQuantity, bool) {
	if len(f.noun) == 0 || f.kind != qtyCount || f.value < minNounValue {
		return tgtQuantity{}, false
	}
	head := f.noun[len(f.noun)-1]
	for _, c := range same {
		if len(c.noun) == 0 || c.kind != f.kind || intersect(sortedSet(slices.Clone(f.noun)), sortedSet(slices.Clone(c.noun))) > 0 ||
			softShared(sortedSet(slices.Clone(f.noun)), sortedSet(slices.Clone(c.noun))) > 0 || alike(head, c.noun[len(c.noun)-1]) {
			return tgtQuantity{}, false
		}
		if slices.Contains(tgts[c.t].view.sentence.stems, head) || usesStem(src.doc, c.noun[len(c.noun)-1]) {
			return tgtQuantity{}, false
		}
		if genericNoun(head) || genericNoun(c.noun[len(c.noun)-1]) {
			return tgtQuantity{}, false
		}
	}
	return same[0], true
}

// genericNouns count people or things of any kind: "5,766 people" may be
// the coverage's "5,766 patients", and "300 items" its "300 parcels".
var genericNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"people", "persons", "individuals", "things", "items", "units", "cases", "pieces"} {
		m[segment.Stem(w)] = true
	}
	return m
}()

// genericNoun reports whether a noun's stem is one of genericNouns.
func genericNoun(stem string) bool { return genericNouns[stem] }

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

func passageQuotes(v *passageView) []quoteWords { return passageQuotesMin(v, minQuoteWords) }

// passageQuotesMin returns the passage's quotations of at least minWords
// words.
func passageQuotesMin(v *passageView, minWords int) []quoteWords {
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
			// a word hyphenated or not is one word: "push-backs", "pushbacks";
			// a possessive is its noun ("Trump's blackmail", "Trump blackmail")
			w.words = append(w.words, strings.ReplaceAll(segment.StripPossessive(t.Norm), "-", ""))
			if isContent(t) {
				w.stems = append(w.stems, segment.Stem(t.Norm))
			}
		}
		if len(w.words) >= minWords {
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

// A coverage quotation (or a piece of one, where the coverage cuts a
// quotation in two around its attribution) is the same quotation as the
// text's when the longest common word subsequence of the two holds at least
// minPieceWords words and minQuoteShare of the piece's words. Two
// quotations of different statements rarely keep that many words in order;
// two renderings of one statement, or a copied quotation with a word
// changed, do.
const (
	minPieceWords = 3
	minQuoteShare = 0.7
)

// quotePiece is how a coverage quotation lines up with the text's.
type quotePiece struct {
	q        quoteWords
	t        int      // index into the targets
	common   int      // words in the longest common subsequence
	srcEdits int      // the text's words it leaves out, within the part it covers
	tgtEdits int      // its words the text's quotation lacks
	srcOnly  []string // the text's words it leaves out, within the part it covers
	covOnly  []string // its words the text's quotation lacks
}

// matchQuote lines a coverage quotation up with the text's quotation src.
func matchQuote(src, cov []string) quotePiece {
	n, m := len(src), len(cov)
	// lcs[i][j] is the longest common subsequence of src[i:] and cov[j:]
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if src[i] == cov[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	first, last := -1, -1
	var srcOnly []int // positions in src left out, to be cut to first..last
	var p quotePiece
	for i, j := 0, 0; i < n || j < m; {
		switch {
		// before the first common word, a word that a later one can
		// replace is skipped: the common subsequence starts as late as it
		// can, so that a piece that opens with "the" does not match the
		// text's first "the", far from the rest
		case i < n && j < m && src[i] == cov[j] && (first >= 0 || lcs[i+1][j] < lcs[i][j]):
			if first < 0 {
				first = i
			}
			last = i
			i++
			j++
		case j == m || (i < n && lcs[i+1][j] >= lcs[i][j+1]):
			srcOnly = append(srcOnly, i)
			i++
		default:
			p.covOnly = append(p.covOnly, cov[j])
			j++
		}
	}
	p.common = lcs[0][0]
	if first >= 0 {
		p.srcEdits = last - first + 1 - p.common
		for _, i := range srcOnly {
			if i > first && i < last {
				p.srcOnly = append(p.srcOnly, src[i])
			}
		}
	}
	p.tgtEdits = m - p.common
	return p
}

// quoteWordsPerChange is how many words of the text's quotation allow one
// changed word when the coverage is a translation of the same source
// (parallel mode): there a quotation that changes more words (on either
// side) than one, or one per quoteWordsPerChange words, is the reference's
// own rendering of the statement, not the text's quotation copied with a
// change, and says nothing about the text's wording. Coverage written in
// English quotes the original words, and a rewording is reported up to one
// changed word per quoteWordsPerChangeComparable; a quotation changed more
// than that is another rendering there too.
const (
	quoteWordsPerChange           = 12
	quoteWordsPerChangeComparable = 4
)

// copiedWithChange reports whether the coverage quotation p repeats the
// text's quotation (of srcWords words) with words changed that do not mean
// the same: a word changed for its own inflection ("say", "said") or for a
// synonym that independent translations use for each other ("kids",
// "children") keeps the quotation's sense. translated chooses the limit on
// changed words (quoteWordsPerChange).
func copiedWithChange(p quotePiece, srcWords int, translated bool) bool {
	limit := max(1, srcWords/quoteWordsPerChangeComparable)
	if translated {
		limit = max(1, srcWords/quoteWordsPerChange)
	}
	if len(p.srcOnly) > limit || len(p.covOnly) > limit {
		return false
	}
	for _, a := range p.srcOnly {
		if !hasEquivalent(a, p.covOnly) {
			return true
		}
	}
	for _, b := range p.covOnly {
		if !hasEquivalent(b, p.srcOnly) {
			return true
		}
	}
	return false
}

// hasEquivalent reports whether one of words has w's stem, a synonym of
// it, or a synonym of one of its synonyms (the pairs are learned stem by
// stem: "kid child" and "child children" make "kids" and "children" one
// sense).
func hasEquivalent(w string, words []string) bool {
	sw := segment.Stem(w)
	for _, x := range words {
		sx := segment.Stem(x)
		if sx == sw || slices.Contains(synonyms[sw], sx) {
			return true
		}
		for _, y := range synonyms[sw] {
			if slices.Contains(synonyms[y], sx) {
				return true
			}
		}
	}
	return false
}

// compareQuotes flags a quotation of the text that the aligned coverage
// quotes with some words changed. Quotations of the text shorter than
// minQuoteWords are scare quotes and titles; a coverage quotation that
// repeats a run of the text's words (all of it or a part) agrees, and so
// does one that changes words only for equivalents (copiedWithChange).
// translated says the coverage is a translation of the text's source.
func compareQuotes(src *passageView, tgts []target, translated bool) []report.Finding {
	var pieces []quotePiece
	for k, t := range tgts {
		for _, q := range passageQuotesMin(t.view, minPieceWords) {
			pieces = append(pieces, quotePiece{q: q, t: k})
		}
	}
	if len(pieces) == 0 {
		return nil
	}
	var out []report.Finding
	for _, q := range passageQuotes(src) {
		best, bestEdits := -1, 0
		for k := range pieces {
			c := pieces[k].q
			if containsRun(c.words, q.words) {
				best = -1 // the coverage repeats the whole quotation
				break
			}
			if containsRun(q.words, c.words) {
				continue // the coverage repeats a part of it
			}
			p := matchQuote(q.words, c.words)
			if p.common < minPieceWords || float64(p.common) < minQuoteShare*float64(len(c.words)) {
				continue
			}
			if !copiedWithChange(p, len(q.words), translated) {
				continue
			}
			if edits := p.srcEdits + p.tgtEdits; edits > 0 && (best < 0 || edits < bestEdits) {
				p.q, p.t = c, pieces[k].t
				pieces[k] = p
				best, bestEdits = k, edits
			}
		}
		if best < 0 {
			continue
		}
		p := pieces[best]
		t := tgts[p.t]
		text := src.doc.Slice(q.span)
		theirs := t.view.doc.Slice(p.q.span)
		share := float64(p.common) / float64(len(p.q.words))
		out = append(out, report.Finding{
			Category: report.Quote, Rule: rules.QuoteReworded.ID,
			Span: rspan(src.shift(q.span)), Text: text,
			Message:     fmt.Sprintf("coverage quotes this differently (%s): %q", t.view.path, theirs),
			Suggestions: []string{theirs},
			Confidence:  round3(min(0.95, 0.3+0.4*share+0.3*t.score)),
			Evidence:    []report.Evidence{t.evidence()},
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
