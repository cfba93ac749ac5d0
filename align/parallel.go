package align

import (
	"context"
	"errors"
	"math"
	"slices"
)

// dpCosts are the costs of the parallel alignment's dynamic programme. A
// bead that matches sentences costs the negative log-odds of its
// similarity, plus Merge when it joins two sentences on one side; a
// sentence left without a counterpart costs Skip.
type dpCosts struct {
	Skip  float64
	Merge float64
}

// bead is one step of a parallel alignment: source sentences [i, i+a)
// matched with target sentences [j, j+b). a or b is 0 for a sentence
// without counterpart.
type bead struct {
	i, j, a, b int
	score      float64
}

// beadShapes are the steps the programme may take, in the spirit of
// Gale and Church (1993) and Vecalign (Thompson and Koehn, 2019).
var beadShapes = [...][2]int{{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}}

// bandWidth is how far (in sentences) the alignment path may stray from the
// proportional diagonal, beyond the difference in length of the texts.
func bandWidth(n, m int) int {
	return 16 + abs(n-m) + max(n, m)/10
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// beadScores holds the similarity of every bead the programme may take
// within the band, so that costs can be varied without scoring again.
type beadScores struct {
	n, m   int
	lo, hi []int          // the band: row i spans columns lo[i]..hi[i]
	cells  [][][3]float64 // [i][j-lo[i]]: scores of the 1-1, 2-1 and 1-2 beads ending at (i, j)
}

// scoreBeads scores the beads of aligning src with tgt.
func scoreBeads(ctx context.Context, src, tgt []sentence) (*beadScores, error) {
	n, m := len(src), len(tgt)
	coll := newCollection()
	for _, s := range src {
		coll.add(s)
	}
	for _, s := range tgt {
		coll.add(s)
	}
	srcPair := make([]sentence, max(n-1, 0))
	for k := range srcPair {
		srcPair[k] = merge(src[k], src[k+1])
	}
	tgtPair := make([]sentence, max(m-1, 0))
	for k := range tgtPair {
		tgtPair[k] = merge(tgt[k], tgt[k+1])
	}
	bs := &beadScores{n: n, m: m, lo: make([]int, n+1), hi: make([]int, n+1), cells: make([][][3]float64, n+1)}
	w := bandWidth(n, m)
	for i := 0; i <= n; i++ {
		c := m / 2
		if n > 0 {
			c = i * m / n
		}
		bs.lo[i], bs.hi[i] = max(0, c-w), min(m, c+w)
		// the last row must reach the corner, the first start at it
		if i == n {
			bs.hi[i] = m
		}
		if i == 0 {
			bs.lo[i] = 0
		}
	}
	for i := 0; i <= n; i++ {
		if i%32 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		row := make([][3]float64, bs.hi[i]-bs.lo[i]+1)
		for j := bs.lo[i]; j <= bs.hi[i]; j++ {
			c := &row[j-bs.lo[i]]
			if i >= 1 && j >= 1 {
				c[0] = similarity(src[i-1], tgt[j-1], coll)
			}
			if i >= 2 && j >= 1 {
				c[1] = similarity(srcPair[i-2], tgt[j-1], coll)
			}
			if i >= 1 && j >= 2 {
				c[2] = similarity(src[i-1], tgtPair[j-2], coll)
			}
		}
		bs.cells[i] = row
	}
	return bs, nil
}

// solve returns the least-cost monotonic alignment.
func (bs *beadScores) solve(costs dpCosts) []bead {
	type cell struct {
		cost  float64
		shape int8
	}
	table := make([][]cell, bs.n+1)
	for i := range table {
		table[i] = make([]cell, len(bs.cells[i]))
		for k := range table[i] {
			table[i][k] = cell{math.Inf(1), -1}
		}
	}
	at := func(i, j int) *cell {
		if i < 0 || j < bs.lo[i] || j > bs.hi[i] {
			return nil
		}
		return &table[i][j-bs.lo[i]]
	}
	at(0, 0).cost = 0
	for i := 0; i <= bs.n; i++ {
		for j := bs.lo[i]; j <= bs.hi[i]; j++ {
			here := at(i, j)
			scores := bs.cells[i][j-bs.lo[i]]
			for s, shape := range beadShapes {
				a, b := shape[0], shape[1]
				if i < a || j < b {
					continue
				}
				prev := at(i-a, j-b)
				if prev == nil || math.IsInf(prev.cost, 1) {
					continue
				}
				var cost float64
				switch {
				case a == 0 || b == 0:
					cost = costs.Skip
				case a == 1 && b == 1:
					cost = -logOdds(scores[0])
				case a == 2:
					cost = costs.Merge - logOdds(scores[1])
				default:
					cost = costs.Merge - logOdds(scores[2])
				}
				if c := prev.cost + cost; c < here.cost {
					here.cost, here.shape = c, int8(s)
				}
			}
		}
	}
	if math.IsInf(at(bs.n, bs.m).cost, 1) {
		return nil // cannot happen: the band always links the corners
	}
	var beads []bead
	for i, j := bs.n, bs.m; i > 0 || j > 0; {
		shape := beadShapes[at(i, j).shape]
		a, b := shape[0], shape[1]
		bd := bead{i: i - a, j: j - b, a: a, b: b}
		if a > 0 && b > 0 {
			bd.score = bs.cells[i][j-bs.lo[i]][a+2*b-3] // 1-1 → 0, 2-1 → 1, 1-2 → 2
		}
		beads = append(beads, bd)
		i, j = i-a, j-b
	}
	slices.Reverse(beads)
	return beads
}

// logOdds is log(p / (1 − p)), bounded for p near 0 and 1.
func logOdds(p float64) float64 {
	const eps = 1e-6
	p = min(max(p, eps), 1-eps)
	return math.Log(p / (1 - p))
}

// Parallel aligns doc with ref, a translation of the same source (or the
// source's human reference translation), in order: each bead pairs one
// sentence with one or two adjacent sentences of the other text, or leaves
// a sentence without counterpart. Matched beads are compared for
// differences as in Comparable; sentences without counterpart are listed in
// Unaligned and TargetUnaligned.
func Parallel(ctx context.Context, doc, ref Document, opts Options) (*Result, error) {
	if doc.Seg == nil || ref.Seg == nil {
		return nil, errors.New("align: parallel: document has no segmentation")
	}
	src := make([]sentence, len(doc.Seg.Sentences))
	for i := range src {
		src[i] = analyze(doc.Seg, i)
	}
	tgt := make([]sentence, len(ref.Seg.Sentences))
	for j := range tgt {
		tgt[j] = analyze(ref.Seg, j)
	}
	scores, err := scoreBeads(ctx, src, tgt)
	if err != nil {
		return nil, err
	}
	beads := scores.solve(calibratedCosts)
	if beads == nil && len(src)+len(tgt) > 0 {
		return nil, errors.New("align: parallel: no alignment within the band")
	}
	res := &Result{}
	diffs := newDifferenceSet()
	for _, b := range beads {
		switch {
		case b.b == 0:
			res.Unaligned = append(res.Unaligned, b.i)
		case b.a == 0:
			res.TargetUnaligned = append(res.TargetUnaligned, b.j)
		default:
			sv := newSourceView(doc, sentenceRange(b.i, b.a))
			tv := newSourceView(ref, sentenceRange(b.j, b.b))
			res.Alignments = append(res.Alignments, makeAlignment(ModeParallel, sv, tv, b.score))
			diffs.add(compare(sv, []target{{tv, b.score}}, opts, ModeParallel)...)
		}
	}
	res.Differences = diffs.sorted()
	return res, nil
}

// sentenceRange lists n sentence indices from i.
func sentenceRange(i, n int) []int {
	out := make([]int, n)
	for k := range out {
		out[k] = i + k
	}
	return out
}
