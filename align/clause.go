package align

import "github.com/transcheck/transcheck/internal/segment"

// minClauseStems is how many content stems a clause needs to stand on its
// own; a shorter piece stays with the clause before it.
const minClauseStems = 3

// clauseOpeners are the words that, after a comma, open a clause of its
// own: writers join two statements into one sentence with them ("…, and
// on April 24 Trump signed …", "…, while …").
var clauseOpeners = map[string]bool{"and": true, "but": true, "while": true, "whereas": true, "although": true, "though": true, "yet": true, "so": true}

// clauseJoint reports whether a clause starts at toks[i]: after a
// semicolon, a colon or a dash standing alone, or at a clause opener after
// a comma.
func clauseJoint(toks []segment.Token, i int) bool {
	if i == 0 || i >= len(toks) {
		return false
	}
	prev := toks[i-1]
	if prev.Kind != segment.Punct {
		return false
	}
	switch prev.Text {
	case ";", ":", "—", "–":
		return true
	case ",":
		return toks[i].Kind == segment.Word && clauseOpeners[toks[i].Norm]
	}
	return false
}

// clauses splits a sentence's tokens at its clause joints, keeping a piece
// with fewer than minClauseStems content words with the piece before it
// (or, at the start, after it). It returns nil when the sentence is one
// clause.
func clauses(toks []segment.Token) [][]segment.Token {
	var out [][]segment.Token
	start, content := 0, 0
	for i := range toks {
		if clauseJoint(toks, i) && content >= minClauseStems {
			out = append(out, toks[start:i])
			start, content = i, 0
		}
		if isContent(toks[i]) {
			content++
		}
	}
	if content < minClauseStems && len(out) > 0 {
		out[len(out)-1] = toks[start-len(out[len(out)-1]):]
	} else {
		out = append(out, toks[start:])
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// clauseViews returns the similarity views of the passage's clauses, or
// nil when it is a single clause. Views are computed once.
func (v *passageView) clauseViews() []sentence {
	if v.clausesDone {
		return v.clauses
	}
	v.clausesDone = true
	for _, i := range v.sents {
		s := v.doc.Sentences[i]
		parts := clauses(s.Tokens)
		if parts == nil {
			parts = [][]segment.Token{s.Tokens}
		}
		for _, p := range parts {
			if len(p) == 0 {
				continue
			}
			span := segment.Span{Start: p[0].Start, End: p[len(p)-1].End}
			v.clauses = append(v.clauses, analyzeTokens(v.doc, p, span))
		}
	}
	if len(v.clauses) < 2 {
		v.clauses = nil
	}
	return v.clauses
}

// ownClause reports whether coverage passage tgt, whose best counterpart
// in the text is sentence other, holds a clause of its own for sentence i:
// a clause that aligns with i and is more like i than like other. A
// coverage sentence that joins two of the text's statements ("…, and …")
// is then the counterpart of both.
func (cs *candidateSet) ownClause(i, other int, tgt *passageView, threshold float64) bool {
	if other < 0 || other == i {
		return false
	}
	src, rival := cs.srcs[i].sentence, cs.srcs[other].sentence
	for _, c := range tgt.clauseViews() {
		s := comparableSimilarity(src, c, cs.coll)
		if s >= threshold && s > comparableSimilarity(rival, c, cs.coll) {
			return true
		}
	}
	return false
}
