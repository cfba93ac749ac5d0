package align

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// A parallel test case is a seed text against a second version of itself
// in which sentences were merged, split, dropped, inserted and reworded, as
// a second translation of the same source would have them. Gold lists the
// true matched beads.
type parallelCase struct {
	name     string
	doc, ref Document
	gold     []bead
}

// rewordings reword a sentence the way a second translator might. Written for
// these tests.
var rewordings = map[string]string{
	"believe": "think", "believed": "thought", "decisions": "choices", "decision": "choice",
	"involved": "engaged", "normally": "usually", "expect": "anticipate", "reports": "says",
	"report": "account", "personally": "himself", "directs": "steers", "movements": "manoeuvres",
	"individual": "single", "extremely": "very", "unusual": "rare", "helpful": "useful",
	"planning": "preparation", "smaller": "minor", "continues": "goes on", "closely": "tightly",
	"level": "rank", "suspended": "sidelined", "failures": "setbacks", "former": "ex-",
	"strategy": "plan", "instead": "rather", "compared": "likened", "alleged": "supposed",
	"assessment": "evaluation", "information": "intelligence", "details": "particulars",
	"military": "armed", "typically": "usually", "apparently": "seemingly", "forced": "pushed",
	"killed": "slain", "death": "loss", "considered": "seen as", "conducting": "waging",
	"serious": "heavy", "attempt": "effort", "destruction": "loss", "resulted": "ended",
	"casualties": "losses", "significance": "importance", "battle": "fight", "lost": "gave",
	"probably": "likely", "major": "big", "setback": "blow", "prompted": "led", "rare": "unusual",
	"sign": "signal", "giving": "issuing", "orders": "commands", "officials": "officers",
	"suggest": "indicate", "collapsed": "broken down", "directly": "in person", "bypassing": "sidestepping",
	"arguing": "quarrelling", "complaining": "grumbling", "strategic": "strategy", "claimed": "said",
	"attempting": "trying", "shift": "move", "blame": "responsibility", "dramatic": "sharp",
	"acknowledged": "admitted", "estimate": "figure", "analysts": "experts", "hoping": "wishing",
	"recently": "lately", "expanded": "extended", "refusing": "declining", "retreat": "withdraw",
	"important": "key", "stronghold": "bastion", "request": "plea", "commander": "officer",
	"shortage": "lack", "weapons": "arms", "announced": "declared", "deeper": "greater",
	"supposed": "meant", "ensure": "make sure", "success": "triumph", "objectives": "goals",
	"irrelevant": "meaningless", "disasters": "catastrophes", "averse": "opposed", "perspective": "view",
	"absolutely": "utterly", "experience": "background", "isolated": "cut off", "reluctant": "unwilling",
	"worse": "bleaker", "history": "past", "immediately": "at once", "trust": "confidence",
	"changed": "shifted", "massive": "huge", "tiny": "small", "obvious": "clear", "improvise": "make do",
	"generals": "commanders", "blamed": "faulted", "visit": "trip", "poor": "weak", "progress": "advance",
	"terrified": "afraid", "closer": "nearer", "approach": "method", "variety": "range",
	"secret": "hidden", "significant": "large", "covert": "secret", "careful": "cautious",
}

// fillers are words a second translator may leave out.
var fillers = map[string]bool{
	"very": true, "extremely": true, "apparently": true, "obviously": true, "already": true,
	"still": true, "also": true, "even": true, "actually": true, "highly": true, "typically": true,
	"so": true, "just": true, "really": true, "only": true, "further": true,
}

// reword replaces some words with rewordings and leaves out some fillers.
func reword(s string, rng *rand.Rand, rate float64) string {
	d := segment.Split(s)
	var b strings.Builder
	at := 0
	for _, t := range d.Tokens {
		if t.Kind != segment.Word || rng.Float64() >= rate {
			continue
		}
		if fillers[t.Norm] {
			b.WriteString(s[at:t.Start])
			// drop the word and the space after it
			at = t.End
			if at < len(s) && s[at] == ' ' {
				at++
			}
			continue
		}
		syn, ok := rewordings[t.Norm]
		if !ok {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			syn = upperFirst(syn)
		}
		b.WriteString(s[at:t.Start])
		b.WriteString(syn)
		at = t.End
	}
	b.WriteString(s[at:])
	out := b.String()
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsUpper(r) {
		out = upperFirst(out) // a dropped first word leaves the sentence capitalized
	}
	return out
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// mergeSentences joins two sentences with a semicolon, or returns false
// when the first does not end in a plain full stop.
func mergeSentences(a, b string) (string, bool) {
	if !strings.HasSuffix(a, ".") || strings.HasSuffix(a, "..") {
		return "", false
	}
	d := segment.Split(b)
	if len(d.Tokens) == 0 || d.Tokens[0].Kind != segment.Word {
		return "", false
	}
	if !isName(d.Tokens[0], true) {
		b = lowerFirst(b)
	}
	return a[:len(a)-1] + "; " + b, true
}

// swapClauses moves the clause after the comma nearest the middle of a
// sentence to its front: "A, B." becomes "B, a.".
func swapClauses(s string) string {
	a, b, ok := splitSentence(s)
	if !ok {
		return s
	}
	a = strings.TrimSuffix(a, ".")
	end := ""
	if n := len(b); n > 0 && strings.ContainsAny(b[n-1:], ".!?") {
		b, end = b[:n-1], b[n-1:]
	}
	d := segment.Split(a)
	if len(d.Tokens) > 0 && !isName(d.Tokens[0], true) {
		a = lowerFirst(a)
	}
	return b + ", " + a + end
}

// splitSentence cuts a long sentence at the comma nearest its middle.
func splitSentence(s string) (string, string, bool) {
	best := -1
	for i := strings.Index(s, ", "); i >= 0; {
		if best < 0 || abs(i-len(s)/2) < abs(best-len(s)/2) {
			best = i
		}
		j := strings.Index(s[i+2:], ", ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	if best < 0 {
		return "", "", false
	}
	a, b := s[:best]+".", upperFirst(s[best+2:])
	if len(strings.Fields(a)) < 6 || len(strings.Fields(b)) < 6 {
		return "", "", false
	}
	return a, b, true
}

// makeParallelCase builds a case from seed d, inserting sentences of the
// other documents where the reference gains one.
func makeParallelCase(t testing.TB, name string, d Document, others []Document, rng *rand.Rand) parallelCase {
	t.Helper()
	// the text: the seed's sentences that have words, one per line
	var src []string
	for _, s := range d.Seg.Sentences {
		if hasWord(s.Tokens) {
			src = append(src, d.Seg.Text[s.Span.Start:s.Span.End])
		}
	}
	var ref []string
	var gold []bead
	emit := func(i, a int, texts ...string) {
		gold = append(gold, bead{i: i, j: len(ref), a: a, b: len(texts)})
		for _, t := range texts {
			if rng.Float64() < 0.7 {
				t = reword(t, rng, 0.7)
				if rng.Float64() < 0.3 {
					t = swapClauses(t)
				}
			}
			ref = append(ref, t)
		}
	}
	for i := 0; i < len(src); {
		r := rng.Float64()
		switch {
		case r < 0.10 && i+1 < len(src):
			if m, ok := mergeSentences(src[i], src[i+1]); ok {
				emit(i, 2, m)
				i += 2
				continue
			}
		case r < 0.20:
			if a, b, ok := splitSentence(src[i]); ok {
				emit(i, 1, a, b)
				i++
				continue
			}
		case r < 0.27:
			i++ // dropped: the reference lacks it
			continue
		case r < 0.34:
			o := others[rng.IntN(len(others))]
			for {
				s := o.Seg.Sentences[rng.IntN(len(o.Seg.Sentences))]
				if hasWord(s.Tokens) && len(s.Words()) >= 5 {
					ref = append(ref, o.Seg.Text[s.Span.Start:s.Span.End]) // added: the text lacks it
					break
				}
			}
		}
		emit(i, 1, src[i])
		i++
	}
	pc := parallelCase{
		name: name,
		doc:  NewDocument(d.Path, strings.Join(src, "\n")+"\n"),
		ref:  NewDocument(d.Path+".ref", strings.Join(ref, "\n")+"\n"),
		gold: gold,
	}
	require.Equal(t, len(src), len(pc.doc.Seg.Sentences), "%s: the text re-segments as built", name)
	require.Equal(t, len(ref), len(pc.ref.Seg.Sentences), "%s: the reference re-segments as built:\n%s", name, pc.ref.Seg.Text)
	return pc
}

func hasWord(toks []segment.Token) bool {
	for _, t := range toks {
		if t.Kind == segment.Word {
			return true
		}
	}
	return false
}

// parallelCases builds variants of every seed with rng seeds first..last.
func parallelCases(t testing.TB, docs []Document, first, last uint64) []parallelCase {
	t.Helper()
	all := seeds(t)
	var out []parallelCase
	for v := first; v <= last; v++ {
		for k, d := range docs {
			var others []Document
			for _, o := range all {
				if o.Path != d.Path {
					others = append(others, o)
				}
			}
			rng := rand.New(rand.NewPCG(v, uint64(k)))
			out = append(out, makeParallelCase(t, fmt.Sprintf("%s#%d", d.Path, v), d, others, rng))
		}
	}
	return out
}

// beadScore counts matched beads: predicted, gold and correct (exactly the
// same sentences on both sides).
type beadScore struct{ predicted, gold, correct int }

func (s *beadScore) add(pred, gold []bead) {
	type key struct{ i, j, a, b int }
	want := make(map[key]bool)
	for _, g := range gold {
		if g.a > 0 && g.b > 0 {
			want[key{g.i, g.j, g.a, g.b}] = true
			s.gold++
		}
	}
	for _, p := range pred {
		if p.a > 0 && p.b > 0 {
			s.predicted++
			if want[key{p.i, p.j, p.a, p.b}] {
				s.correct++
			}
		}
	}
}

func (s beadScore) prf() (p, r, f float64) {
	if s.predicted > 0 {
		p = float64(s.correct) / float64(s.predicted)
	}
	if s.gold > 0 {
		r = float64(s.correct) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// caseScores scores the beads of a parallel case.
func caseScores(t testing.TB, pc parallelCase) *beadScores {
	t.Helper()
	src := make([]sentence, len(pc.doc.Seg.Sentences))
	for i := range src {
		src[i] = analyze(pc.doc.Seg, i)
	}
	tgt := make([]sentence, len(pc.ref.Seg.Sentences))
	for j := range tgt {
		tgt[j] = analyze(pc.ref.Seg, j)
	}
	bs, err := scoreBeads(t.Context(), src, tgt)
	require.NoError(t, err)
	return bs
}
