package align

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/align/internal/simdata"
	"github.com/transcheck/transcheck/internal/segment"
)

var simDir = flag.String("alignsim", "", "train the similarity model on the cases align/train/build_alignsim.py wrote to this directory, and rewrite simmodel.go")

// simCase is a case with its candidates gathered and each candidate's
// relation to the text known.
type simCase struct {
	c  *simdata.Case
	cs *candidateSet
	k  int // the case's number, which prefixes its files in the index
}

// related reports whether the text's passage src and the coverage passage
// tgt translate a common segment.
func (sc *simCase) related(src, tgt *passageView) bool {
	s, t := src.span(), tgt.span()
	p, ok := strings.CutPrefix(tgt.path, caseFile(sc.k, ""))
	return ok && sc.c.Gold.Related(s.Start, s.End, p, t.Start, t.End)
}

// loadComparable reads the comparable cases under dir and gathers their
// candidates. With shared, every case's coverage goes into one index (each
// file under its case's name), so that retrieval also brings sentences of
// the other stories: the negatives a corpus of many documents yields.
func loadComparable(t *testing.T, dir string, shared bool) []*simCase {
	cases, err := simdata.Read(dir)
	require.NoError(t, err)
	ctx := context.Background()
	var out []*simCase
	var all *Index
	if shared {
		all = NewIndex()
		for k, c := range cases {
			for _, p := range c.Paths() {
				// a case's distractor is another case's story: once is enough
				if len(c.Gold.Coverage[p]) > 0 {
					require.NoError(t, all.Add(ctx, NewDocument(caseFile(k, p), c.Files[p])))
				}
			}
		}
	}
	for k, c := range cases {
		x := all
		if !shared {
			x = NewIndex()
			for _, p := range c.Paths() {
				require.NoError(t, x.Add(ctx, NewDocument(caseFile(k, p), c.Files[p])))
			}
		}
		cs, err := gatherCandidates(ctx, NewDocument("text.txt", c.Text), x, Options{}.candidates())
		require.NoError(t, err)
		out = append(out, &simCase{c, cs, k})
	}
	return out
}

// caseFile names coverage file p of case k in an index.
func caseFile(k int, p string) string { return fmt.Sprintf("%04d/%s", k, p) }

// comparableExamples labels every retrieved pair, every pair of adjacent
// candidates read as one (1-2) and every pair of adjacent sentences read
// as one against a candidate both retrieved (2-1).
func comparableExamples(cases []*simCase) []point {
	var out []point
	for _, sc := range cases {
		cs := sc.cs
		for i, src := range cs.srcs {
			for _, tgt := range cs.cands[i] {
				out = append(out, point{features(src.sentence, tgt.sentence, cs.coll), sc.related(src, tgt)})
			}
			for _, a := range cs.cands[i] {
				for _, b := range cs.cands[i] {
					if a.path == b.path && b.index[0] == a.index[0]+1 {
						out = append(out, point{features(src.sentence, merge(a.sentence, b.sentence), cs.coll), sc.related(src, a) && sc.related(src, b)})
					}
				}
			}
			if i+1 < len(cs.srcs) {
				pair := merge(src.sentence, cs.srcs[i+1].sentence)
				for _, a := range cs.cands[i] {
					if slices.Contains(cs.cands[i+1], a) {
						out = append(out, point{features(pair, a.sentence, cs.coll), sc.related(src, a) && sc.related(cs.srcs[i+1], a)})
					}
				}
			}
		}
	}
	return out
}

// simParallel is a parallel case, segmented, with its gold.
type simParallel struct {
	c        *simdata.Case
	doc, ref Document
	src, tgt []sentence
}

func loadParallel(t *testing.T, dir string) []*simParallel {
	cases, err := simdata.Read(dir)
	require.NoError(t, err)
	var out []*simParallel
	for _, c := range cases {
		pc := &simParallel{c: c, doc: NewDocument("text.txt", c.Text), ref: NewDocument("reference.txt", c.Files["reference.txt"])}
		for i := range pc.doc.Seg.Sentences {
			pc.src = append(pc.src, analyze(pc.doc.Seg, i))
		}
		for j := range pc.ref.Seg.Sentences {
			pc.tgt = append(pc.tgt, analyze(pc.ref.Seg, j))
		}
		out = append(out, pc)
	}
	return out
}

// parallelExamples labels each sentence of the text against the
// reference's sentences near its place, which are what the dynamic
// programme weighs.
func parallelExamples(cases []*simParallel) []point {
	var out []point
	for _, pc := range cases {
		coll := newCollection()
		for _, s := range pc.src {
			coll.add(s)
		}
		for _, s := range pc.tgt {
			coll.add(s)
		}
		n, m := len(pc.src), len(pc.tgt)
		for i := range pc.src {
			c := i * m / max(n, 1)
			for j := max(0, c-3); j < min(m, c+4); j++ {
				s, e := pc.doc.Seg.Sentences[i].Start, pc.doc.Seg.Sentences[i].End
				ts, te := pc.ref.Seg.Sentences[j].Start, pc.ref.Seg.Sentences[j].End
				out = append(out, point{features(pc.src[i], pc.tgt[j], coll), pc.c.Gold.Related(s, e, "reference.txt", ts, te)})
			}
		}
	}
	return out
}

// linkCount accumulates link precision and recall the way
// align/internal/simeval counts them: a link joins a segment of the text
// and a unit of a coverage file.
type linkCount struct{ pred, gold, correct int }

func (l *linkCount) f1() (p, r, f float64) {
	if l.pred > 0 {
		p = float64(l.correct) / float64(l.pred)
	}
	if l.gold > 0 {
		r = float64(l.correct) / float64(l.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

type goldLink struct {
	seg  int
	path string
	unit int
}

func (l *linkCount) add(g *simdata.Gold, pairs [][2]segmentSpanPath) {
	pred := map[goldLink]bool{}
	for _, pr := range pairs {
		for _, seg := range g.SegsAt(pr[0].start, pr[0].end) {
			units := g.Units(pr[1].path, pr[1].start, pr[1].end)
			// a sentence that spans several segments links each of them to
			// the units that translate it, if the target holds any
			if hit := slices.DeleteFunc(slices.Clone(units), func(u int) bool {
				return !slices.Contains(g.Coverage[pr[1].path][u].Segs, seg)
			}); len(hit) > 0 {
				units = hit
			}
			if len(g.Coverage[pr[1].path]) == 0 {
				units = []int{-1}
			}
			for _, u := range units {
				pred[goldLink{seg, pr[1].path, u}] = true
			}
		}
	}
	gold := map[goldLink]bool{}
	for p, units := range g.Coverage {
		for u, un := range units {
			for _, seg := range un.Segs {
				gold[goldLink{seg, p, u}] = true
			}
		}
	}
	l.pred += len(pred)
	l.gold += len(gold)
	for k := range pred {
		if gold[k] {
			l.correct++
		}
	}
}

type segmentSpanPath struct {
	path       string
	start, end int
}

// rescore scores the candidates of the comparable cases under the current
// model.
func rescore(cases []*simCase) {
	for _, sc := range cases {
		sc.cs.raw = nil // scored under the previous model
		sc.cs.score()
	}
}

// comparableLinks counts the links of the comparable cases, scored under
// the current model, with a threshold and a margin.
func comparableLinks(cases []*simCase, threshold, margin float64) linkCount {
	saved := calibratedMargin
	calibratedMargin = margin
	defer func() { calibratedMargin = saved }()
	var lc linkCount
	for _, sc := range cases {
		var pairs [][2]segmentSpanPath
		sel := sc.cs.selection(threshold, Options{}.maxTargets())
		for i, src := range sc.cs.srcs {
			for _, tg := range sel[i] {
				s, t := src.span(), tg.view.span()
				p, ok := strings.CutPrefix(tg.view.path, caseFile(sc.k, ""))
				if !ok {
					p = "elsewhere"
				}
				pairs = append(pairs, [2]segmentSpanPath{{"text.txt", s.Start, s.End}, {p, t.Start, t.End}})
			}
		}
		lc.add(&sc.c.Gold, pairs)
	}
	return lc
}

// parallelLinks scores the parallel cases under the current model.
func parallelLinks(cases []*simParallel, costs dpCosts) linkCount {
	var lc linkCount
	for _, pc := range cases {
		bs, _ := scoreBeads(context.Background(), pc.src, pc.tgt)
		var pairs [][2]segmentSpanPath
		for _, b := range bs.solve(costs) {
			if b.a == 0 || b.b == 0 {
				continue
			}
			s := pc.doc.Seg.Sentences[b.i].Start
			e := pc.doc.Seg.Sentences[b.i+b.a-1].End
			ts := pc.ref.Seg.Sentences[b.j].Start
			te := pc.ref.Seg.Sentences[b.j+b.b-1].End
			pairs = append(pairs, [2]segmentSpanPath{{"text.txt", s, e}, {"reference.txt", ts, te}})
		}
		lc.add(&pc.c.Gold, pairs)
	}
	return lc
}

// Synonym pairs are kept when they are left unshared together in at least
// minSynonymPairs aligned sentence pairs, with a Dice coefficient of at
// least minSynonymDice over the pairs that leave each unshared, and are
// among the best maxSynonyms partners of each side.
const (
	minSynonymPairs = 3
	minSynonymDice  = 0.05
	maxSynonyms     = 3
)

// learnSynonyms learns the synonym pairs from the train stories: every
// pair of renderings of one segment (reference A, reference B, the machine
// translations) is a sentence pair.
func learnSynonyms(t *testing.T, path string) string {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	dec := json.NewDecoder(f)
	type pair struct{ a, b string }
	co := map[pair]int{}
	alone := map[string]int{}
	stemsOf := func(text string) []string {
		d := segment.Split(text)
		var out []string
		for i := range d.Sentences {
			out = append(out, analyze(d, i).stems...)
		}
		return sortedSet(out)
	}
	for {
		var raw struct {
			Split string              `json:"split"`
			A     []string            `json:"a"`
			B     []string            `json:"b"`
			MT    map[string][]string `json:"mt"`
		}
		if err := dec.Decode(&raw); err != nil {
			break
		}
		if raw.Split != "train" {
			continue
		}
		for i := range raw.A {
			sides := [][]string{stemsOf(raw.A[i]), stemsOf(raw.B[i])}
			for _, sys := range slices.Sorted(maps.Keys(raw.MT)) {
				if i < len(raw.MT[sys]) {
					sides = append(sides, stemsOf(raw.MT[sys][i]))
				}
			}
			for x := 0; x < len(sides); x++ {
				for y := x + 1; y < len(sides); y++ {
					onlyA := slices.DeleteFunc(slices.Clone(sides[x]), func(s string) bool { return containsSorted(sides[y], s) })
					onlyB := slices.DeleteFunc(slices.Clone(sides[y]), func(s string) bool { return containsSorted(sides[x], s) })
					for _, a := range onlyA {
						alone[a]++
					}
					for _, b := range onlyB {
						alone[b]++
					}
					for _, a := range onlyA {
						for _, b := range onlyB {
							if a < b {
								co[pair{a, b}]++
							} else {
								co[pair{b, a}]++
							}
						}
					}
				}
			}
		}
	}
	type scored struct {
		p    pair
		dice float64
	}
	partners := map[string][]scored{}
	for p, n := range co {
		if n < minSynonymPairs {
			continue
		}
		d := 2 * float64(n) / float64(alone[p.a]+alone[p.b])
		if d < minSynonymDice {
			continue
		}
		partners[p.a] = append(partners[p.a], scored{p, d})
		partners[p.b] = append(partners[p.b], scored{p, d})
	}
	top := func(w string) []pair {
		ps := partners[w]
		slices.SortFunc(ps, func(x, y scored) int {
			if c := cmp.Compare(y.dice, x.dice); c != 0 {
				return c
			}
			return cmp.Compare(x.p.a+" "+x.p.b, y.p.a+" "+y.p.b)
		})
		var out []pair
		for _, s := range ps[:min(len(ps), maxSynonyms)] {
			out = append(out, s.p)
		}
		return out
	}
	var lines []string
	for w := range partners {
		for _, p := range top(w) {
			other := p.b
			if other == w {
				other = p.a
			}
			if slices.Contains(top(other), p) {
				lines = append(lines, p.a+" "+p.b)
			}
		}
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	return "# Generated by go test ./align -run TestTrainSimilarity -alignsim DIR; see synonyms.go.\n" + strings.Join(lines, "\n") + "\n"
}

// TestTrainSimilarity fits the similarity model on the train split of the
// cases built from WMT double references (align/train/README.md), chooses
// the L2 penalty, the threshold, the margin and the parallel costs on the
// dev split, and rewrites simmodel.go:
//
//	go test ./align -run TestTrainSimilarity -alignsim /work/data/alignsim -v
//
// Without -alignsim it checks that the shipped model is well formed.
func TestTrainSimilarity(t *testing.T) {
	if *simDir == "" {
		for i, w := range calibrated.weights {
			assert.False(t, math.IsNaN(w) || math.IsInf(w, 0), "weight of %s", featureNames[i])
		}
		assert.GreaterOrEqual(t, calibratedMargin, 0.0)
		assert.Greater(t, calibratedCosts.Skip, 0.0)
		return
	}
	syn := learnSynonyms(t, filepath.Join(*simDir, "stories.jsonl"))
	require.NoError(t, os.WriteFile("synonyms.txt", []byte(syn), 0o644))
	savedSyn := synonyms
	synonyms = parseSynonyms(syn)
	defer func() { synonyms = savedSyn }()
	dir := filepath.Join(*simDir, "cases")
	trainC := loadComparable(t, filepath.Join(dir, "train", "comparable"), true)
	trainP := loadParallel(t, filepath.Join(dir, "train", "parallel"))
	devC := loadComparable(t, filepath.Join(dir, "dev", "comparable"), false)
	devShared := loadComparable(t, filepath.Join(dir, "dev", "comparable"), true)
	devP := loadParallel(t, filepath.Join(dir, "dev", "parallel"))
	train := append(comparableExamples(trainC), parallelExamples(trainP)...)
	dev := append(comparableExamples(devC), parallelExamples(devP)...)
	var report strings.Builder
	pos := 0
	for _, p := range train {
		if p.label {
			pos++
		}
	}
	fmt.Fprintf(&report, "synonym pairs: %d\n", strings.Count(syn, "\n")-1)
	fmt.Fprintf(&report, "train: %d comparable and %d parallel cases, %d labelled pairs (%d related)\n", len(trainC), len(trainP), len(train), pos)
	var all [numFeatures]bool
	for i := range all {
		all[i] = true
	}
	saved, savedCosts, savedMargin := calibrated, calibratedCosts, calibratedMargin
	defer func() { calibrated, calibratedCosts, calibratedMargin = saved, savedCosts, savedMargin }()
	// the L2 penalty by the dev pairs' F1 at their best threshold
	best, bestF := model{}, -1.0
	for _, l := range lambdas {
		m := fitLogistic(train, all, l)
		var preds []prediction
		for _, p := range dev {
			preds = append(preds, prediction{m.score(p.x), p.label})
		}
		_, _, f := prfAt(preds, bestThreshold(preds))
		fmt.Fprintf(&report, "L2 %g: dev pair F1 %.4f\n", l, f)
		if f > bestF {
			best, bestF = m, f
		}
	}
	calibrated = best
	rescore(devC)
	rescore(devShared)
	// the threshold and margin by the dev comparable links' F1, each case
	// against its own coverage plus all dev stories in one index (where most
	// candidates have no counterpart, as in a large corpus)
	bestTh, bestMargin, bestLF := 0.5, 1.0, -1.0
	for _, th := range gridValues(0.05, 0.95, 0.05) {
		for _, mg := range []float64{0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1} {
			lc := comparableLinks(devC, th, mg)
			ls := comparableLinks(devShared, th, mg)
			_, _, fc := lc.f1()
			_, _, fs := ls.f1()
			if f := fc + fs; f > bestLF+1e-9 {
				bestTh, bestMargin, bestLF = th, mg, f
			}
		}
	}
	// move the bias so that the chosen threshold falls at one half
	calibrated.bias -= logOdds(bestTh)
	calibratedMargin = bestMargin
	rescore(devC)
	rescore(devShared)
	lc := comparableLinks(devC, DefaultThreshold, bestMargin)
	p, r, f := lc.f1()
	fmt.Fprintf(&report, "comparable: threshold %.2f margin %.2f: dev link P %.4f R %.4f F1 %.4f\n", bestTh, bestMargin, p, r, f)
	lc = comparableLinks(devShared, DefaultThreshold, bestMargin)
	p, r, f = lc.f1()
	fmt.Fprintf(&report, "comparable, all dev stories in one index: dev link P %.4f R %.4f F1 %.4f\n", p, r, f)
	bestCosts, bestPF := dpCosts{}, -1.0
	for _, skip := range gridValues(0, 6, 0.5) {
		for _, mg := range gridValues(0, 6, 0.5) {
			lc := parallelLinks(devP, dpCosts{skip, mg})
			if _, _, f := lc.f1(); f > bestPF+1e-9 {
				bestCosts, bestPF = dpCosts{skip, mg}, f
			}
		}
	}
	fmt.Fprintf(&report, "parallel: skip %.2f merge %.2f: dev link F1 %.4f\n", bestCosts.Skip, bestCosts.Merge, bestPF)
	t.Log("\n" + report.String())
	var src strings.Builder
	fmt.Fprintf(&src, "// Code generated by go test ./align -run TestTrainSimilarity -alignsim DIR; DO NOT EDIT.\n\npackage align\n\n")
	fmt.Fprintf(&src, "// calibrated is the similarity model, fitted on the train split of the\n// cases built from WMT double references (see train/README.md); the\n// comments below are the fit's report.\n//\n")
	for _, line := range strings.Split(strings.TrimSpace(report.String()), "\n") {
		fmt.Fprintf(&src, "//\t%s\n", line)
	}
	fmt.Fprintf(&src, "var calibrated = model{\n\tbias: %.4f,\n\tweights: [numFeatures]float64{", calibrated.bias)
	for i, w := range calibrated.weights {
		if i > 0 {
			src.WriteString(", ")
		}
		fmt.Fprintf(&src, "%.4f", w)
	}
	fmt.Fprintf(&src, "},\n}\n\n// calibratedMargin is how far below the best candidate of a sentence\n// another may score and still align.\nvar calibratedMargin = %.2f\n\n", bestMargin)
	fmt.Fprintf(&src, "// calibratedCosts are the parallel alignment's costs, chosen on the dev\n// split.\nvar calibratedCosts = dpCosts{Skip: %.2f, Merge: %.2f}\n", bestCosts.Skip, bestCosts.Merge)
	formatted, err := format.Source([]byte(src.String()))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile("simmodel.go", formatted, 0o644))
}
