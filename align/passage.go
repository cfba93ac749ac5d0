package align

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// passageView is one side of an alignment: adjacent sentences of a
// segmented text, with the similarity view of them read as one.
type passageView struct {
	path string
	// doc holds the sentences. For a coverage candidate it is the candidate
	// sentence segmented on its own, and base is where that text starts in
	// the coverage document.
	doc   *segment.Document
	base  int
	sents []int // indices into doc.Sentences, ascending and adjacent
	index []int // the sentences' indices in the named document
	// sentence is the similarity view.
	sentence sentence
	// clauses are the similarity views of the passage's clauses
	// (clauseViews), once clausesDone.
	clauses     []sentence
	clausesDone bool
}

// newSourceView is the view of sentences sents of d.
func newSourceView(d Document, sents []int) *passageView {
	v := &passageView{path: d.Path, doc: d.Seg, sents: sents, index: sents}
	for k, i := range sents {
		s := analyze(d.Seg, i)
		if k == 0 {
			v.sentence = s
		} else {
			v.sentence = merge(v.sentence, s)
		}
	}
	return v
}

// newCandidateView is the view of a coverage sentence returned by a corpus.
func newCandidateView(c Candidate) *passageView {
	d := segment.Split(c.Text)
	closeRunOnQuote(d)
	sents := make([]int, len(d.Sentences))
	for i := range sents {
		sents[i] = i
	}
	v := newSourceView(Document{Path: c.Path, Seg: d}, sents)
	v.base = c.Span.Start
	v.index = []int{c.Sentence}
	return v
}

// at is the view of the same text as candidate view v at another
// candidate's place: it shares v's segmentation and similarity view, which
// no one changes once built.
func (v *passageView) at(c Candidate) *passageView {
	return &passageView{path: c.Path, doc: v.doc, base: c.Span.Start, sents: v.sents, index: []int{c.Sentence}, sentence: v.sentence}
}

// local is the passage's span in doc.
func (v *passageView) local() segment.Span {
	if len(v.sents) == 0 {
		return segment.Span{}
	}
	return segment.Span{
		Start: v.doc.Sentences[v.sents[0]].Start,
		End:   v.doc.Sentences[v.sents[len(v.sents)-1]].End,
	}
}

// span is the passage's span in the named document.
func (v *passageView) span() segment.Span { return v.shift(v.local()) }

// shift maps a span of doc to the named document.
func (v *passageView) shift(s segment.Span) segment.Span {
	return segment.Span{Start: s.Start + v.base, End: s.End + v.base}
}

func (v *passageView) text() string { return v.doc.Slice(v.local()) }

func (v *passageView) indices() []int { return v.index }

// sentenceTokens returns the tokens of each sentence of the passage.
func (v *passageView) sentenceTokens() [][]segment.Token {
	out := make([][]segment.Token, len(v.sents))
	for k, i := range v.sents {
		out[k] = v.doc.Sentences[i].Tokens
	}
	return out
}

// quotes returns the quotations that overlap the passage, clipped to it.
func (v *passageView) quotes() []segment.Quote {
	span := v.local()
	var out []segment.Quote
	for _, q := range v.doc.Quotes {
		if !q.Inner.Overlaps(span) {
			continue
		}
		q.Span = clip(q.Span, span)
		q.Inner = clip(q.Inner, span)
		out = append(out, q)
	}
	return out
}

func clip(s, to segment.Span) segment.Span {
	return segment.Span{Start: max(s.Start, to.Start), End: min(s.End, to.End)}
}

// tokens returns the passage's tokens.
func (v *passageView) tokens() []segment.Token {
	if len(v.sents) == 0 {
		return nil
	}
	first, last := v.doc.Sentences[v.sents[0]], v.doc.Sentences[v.sents[len(v.sents)-1]]
	return v.doc.Tokens[first.FirstToken : last.FirstToken+len(last.Tokens)]
}

// passageDiff is the word diff from one passage to another.
func passageDiff(a, b *passageView) []report.DiffOp {
	return wordDiff(a.text(), a.tokens(), a.local().Start, b.text(), b.tokens(), b.local().Start)
}

// closeRunOnQuote mends the quotations of a coverage sentence read on its
// own whose quotation opened in an earlier sentence ("I will repeat it,"
// the governor said.): the sentence's first quotation mark closes it,
// though read alone the mark opens nothing (a curly ”) or opens a
// quotation of what follows (a straight "). The sentence up to that mark
// is then the quotation. A mark closes when it is the sentence's only
// unpaired one, follows punctuation or a word, and is followed by a space
// or the end.
func closeRunOnQuote(d *segment.Document) {
	text := d.Text
	straight, curlyOpen, curlyClose := 0, 0, 0
	first, size := -1, 0
	for i, r := range text {
		switch r {
		case '"':
			straight++
		case '“', '«', '„':
			curlyOpen++
		case '”', '»':
			curlyClose++
		default:
			continue
		}
		if first < 0 {
			first, size = i, utf8.RuneLen(r)
		}
	}
	if first <= 0 {
		return
	}
	switch r, _ := utf8.DecodeRuneInString(text[first:]); {
	case r == '"' && straight%2 == 1:
	case (r == '”' || r == '»') && curlyClose > curlyOpen:
	default:
		return
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:first])
	if unicode.IsSpace(prev) {
		return
	}
	if next, _ := utf8.DecodeRuneInString(text[first+size:]); first+size < len(text) && !unicode.IsSpace(next) {
		return
	}
	quotes := slices.DeleteFunc(d.Quotes, func(q segment.Quote) bool { return q.Start == first })
	d.Quotes = append([]segment.Quote{{Span: segment.Span{Start: 0, End: first + size}, Inner: segment.Span{Start: 0, End: first}}}, quotes...)
}
