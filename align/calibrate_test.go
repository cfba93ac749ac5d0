package align

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/calibration.txt")

// example is one labelled pair's features.
type example struct {
	a, b  sentence
	ra    seedRef // the seed sentence a
	rb    seedRef // the seed sentence b, or doc -1 and the rewrite's number
	x     [numFeatures]float64
	label bool
	note  string
}

// point is an example as the fit sees it.
type point struct {
	x     [numFeatures]float64
	label bool
}

// seedRef is a sentence of a seed: document and sentence index.
type seedRef struct{ doc, sent int }

// labelledPair is a line of testdata/pairs.tsv.
type labelledPair struct {
	line        int
	label, note string
	a, b        string
}

// readPairs reads testdata/pairs.tsv.
func readPairs(t testing.TB) []labelledPair {
	t.Helper()
	f, err := os.Open("testdata/pairs.tsv")
	require.NoError(t, err)
	defer f.Close()
	var out []labelledPair
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		require.Len(t, cols, 4, "pairs.tsv:%d", line)
		require.Contains(t, []string{"0", "1", "?"}, cols[0], "pairs.tsv:%d", line)
		out = append(out, labelledPair{line, cols[0], cols[1], cols[2], cols[3]})
	}
	require.NoError(t, sc.Err())
	return out
}

// labelledPairs builds the calibration set from testdata/pairs.tsv and the
// seeds (see the file's header for what counts as related).
func labelledPairs(t testing.TB) []example {
	t.Helper()
	docs := seeds(t)
	bySentence := make(map[string]seedRef)
	views := make([][]sentence, len(docs))
	for d, doc := range docs {
		views[d] = make([]sentence, len(doc.Seg.Sentences))
		for i, s := range doc.Seg.Sentences {
			views[d][i] = analyze(doc.Seg, i)
			bySentence[doc.Seg.Slice(s.Span)] = seedRef{d, i}
		}
	}
	type pairKey struct{ a, b seedRef }
	listed := make(map[pairKey]bool)  // cross-seed pairs the file labels
	related := make(map[pairKey]bool) // pairs labelled 1 or ?
	var out []example
	type rewrite struct {
		of   seedRef
		view sentence
	}
	var rewrites []rewrite

	for _, lp := range readPairs(t) {
		ra, ok := bySentence[lp.a]
		require.True(t, ok, "pairs.tsv:%d: sentence A is not a seed sentence", lp.line)
		rb, isSeed := bySentence[lp.b]
		if isSeed {
			listed[pairKey{ra, rb}], listed[pairKey{rb, ra}] = true, true
			if lp.label != "0" {
				related[pairKey{ra, rb}], related[pairKey{rb, ra}] = true, true
			}
		}
		if lp.label == "?" {
			continue
		}
		vb := textView(lp.b)
		if isSeed {
			vb = views[rb.doc][rb.sent]
		} else if lp.label == "1" {
			rewrites = append(rewrites, rewrite{ra, vb})
		}
		e := example{a: views[ra.doc][ra.sent], b: vb, ra: ra, rb: rb, label: lp.label == "1", note: lp.note}
		if !isSeed {
			e.rb = seedRef{-1, len(rewrites) - 1}
			if lp.label != "1" {
				e.rb = seedRef{-2, 0} // a hard negative: no context
			}
		}
		out = append(out, e)
	}

	// weigh items by their idf over the seeds and the rewrites, as the
	// aligner weighs them over a text and its coverage
	coll := newCollection()
	for _, vs := range views {
		for _, v := range vs {
			coll.add(v)
		}
	}
	for _, rw := range rewrites {
		coll.add(rw.view)
	}
	for k := range out {
		out[k].x = features(out[k].a, out[k].b, coll)
	}

	hasContent := func(s sentence) bool { return len(s.stems) > 0 }
	// every other pair of sentences from two different seeds is unrelated
	for da := range docs {
		for db := da + 1; db < len(docs); db++ {
			for i, va := range views[da] {
				for j, vb := range views[db] {
					if listed[pairKey{seedRef{da, i}, seedRef{db, j}}] || !hasContent(va) || !hasContent(vb) {
						continue
					}
					out = append(out, example{a: va, b: vb, ra: seedRef{da, i}, rb: seedRef{db, j}, x: features(va, vb, coll), note: fmt.Sprintf("%03d:%d %03d:%d", da, i, db, j)})
				}
			}
		}
	}
	// a rewrite is unrelated to what its source sentence is unrelated to
	for k, rw := range rewrites {
		for d := range docs {
			if d == rw.of.doc {
				continue
			}
			for j, v := range views[d] {
				if related[pairKey{rw.of, seedRef{d, j}}] || !hasContent(v) {
					continue
				}
				out = append(out, example{a: v, b: rw.view, ra: seedRef{d, j}, rb: seedRef{-1, k}, x: features(v, rw.view, coll), note: fmt.Sprintf("rewrite %d %03d:%d", k, d, j)})
			}
		}
	}
	return out
}

// lambdas are the L2 penalties cross-validation chooses from.
var lambdas = []float64{1e-4, 1e-3, 1e-2, 1e-1}

// fitLogistic fits a class-balanced logistic regression with L2 penalty
// lambda (per example) by Newton's method, using only the features in use.
func fitLogistic(data []point, use [numFeatures]bool, lambda float64) model {
	var pos float64
	for _, e := range data {
		if e.label {
			pos++
		}
	}
	wPos, wNeg := float64(len(data))/(2*pos), float64(len(data))/(2*(float64(len(data))-pos))
	var idx []int // features in use; column 0 of the system is the bias
	for i, u := range use {
		if u {
			idx = append(idx, i)
		}
	}
	dim := len(idx) + 1
	theta := make([]float64, dim)
	rows := make([]float64, len(data)*dim) // the design matrix, bias column first
	for n, e := range data {
		r := rows[n*dim : (n+1)*dim]
		r[0] = 1
		for k, i := range idx {
			r[k+1] = e.x[i]
		}
	}
	for iter := 0; iter < 50; iter++ {
		var grad [numFeatures + 1]float64
		var h2 [numFeatures + 1][numFeatures + 1]float64
		for n, e := range data {
			r := rows[n*dim : (n+1)*dim]
			z := 0.0
			for k := range r {
				z += theta[k] * r[k]
			}
			p := 1 / (1 + math.Exp(-z))
			y, w := 0.0, wNeg
			if e.label {
				y, w = 1, wPos
			}
			g, h := w*(p-y), w*p*(1-p)
			for a := range r {
				grad[a] += g * r[a]
				ha := h * r[a]
				for b := a; b < dim; b++ {
					h2[a][b] += ha * r[b]
				}
			}
		}
		hess := make([][]float64, dim)
		for a := range dim {
			hess[a] = make([]float64, dim)
			for b := range dim {
				hess[a][b] = h2[min(a, b)][max(a, b)]
			}
		}
		for k := 1; k < dim; k++ {
			grad[k] += lambda * theta[k] * float64(len(data))
			hess[k][k] += lambda * float64(len(data))
		}
		step := solve(hess, grad[:dim])
		norm := 0.0
		for k := range theta {
			theta[k] -= step[k]
			norm += step[k] * step[k]
		}
		if norm < 1e-12 {
			break
		}
	}
	var m model
	m.bias = theta[0]
	for k, i := range idx {
		m.weights[i] = theta[k+1]
	}
	return m
}

// solve solves a·x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) []float64 {
	n := len(b)
	m := make([][]float64, n)
	for i := range m {
		m[i] = append(slices.Clone(a[i]), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x
}

// prediction is a model's score for a labelled example.
type prediction struct {
	score float64
	label bool
}

// crossValidate returns out-of-fold predictions of a k-fold cross-validation.
func crossValidate(data []point, use [numFeatures]bool, lambda float64, folds int) []prediction {
	perFold := make([][]prediction, folds)
	var wg sync.WaitGroup
	for f := range folds {
		wg.Go(func() {
			var train, test []point
			for i, e := range data {
				if i%folds == f {
					test = append(test, e)
				} else {
					train = append(train, e)
				}
			}
			m := fitLogistic(train, use, lambda)
			for _, e := range test {
				perFold[f] = append(perFold[f], prediction{m.score(e.x), e.label})
			}
		})
	}
	wg.Wait()
	return slices.Concat(perFold...)
}

// prfAt returns precision, recall and F1 at a threshold.
func prfAt(preds []prediction, threshold float64) (p, r, f float64) {
	var tp, fp, fn float64
	for _, q := range preds {
		switch {
		case q.score >= threshold && q.label:
			tp++
		case q.score >= threshold:
			fp++
		case q.label:
			fn++
		}
	}
	if tp+fp > 0 {
		p = tp / (tp + fp)
	}
	if tp+fn > 0 {
		r = tp / (tp + fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// targetPrecision is the cross-validated precision the operating threshold
// must keep. Alignments are evidence an editor reads, and the difference
// checks filter them again (a number finding needs the same number or the
// same noun, a quote finding overlapping quotations), so the threshold
// favours recall as far as 9 in 10 alignments stay right.
const targetPrecision = 0.9

// thresholdForPrecision is the threshold, on a grid of 0.01, with the
// highest recall whose precision reaches targetPrecision; ties go to the
// higher threshold.
func thresholdForPrecision(preds []prediction) float64 {
	best, bestR := 0.99, -1.0
	for k := 99; k >= 1; k-- {
		t := float64(k) / 100
		if p, r, _ := prfAt(preds, t); p >= targetPrecision && r > bestR+1e-12 {
			best, bestR = t, r
		}
	}
	return best
}

// bestThreshold is the threshold, on a grid of 0.01, with the highest F1;
// ties go to the middle of the best run.
func bestThreshold(preds []prediction) float64 {
	var best []float64
	bestF := -1.0
	for k := 1; k <= 99; k++ {
		t := float64(k) / 100
		_, _, f := prfAt(preds, t)
		switch {
		case f > bestF+1e-12:
			best, bestF = []float64{t}, f
		case math.Abs(f-bestF) <= 1e-12:
			best = append(best, t)
		}
	}
	return best[len(best)/2]
}

// calibrate fits the model and the parallel costs and writes the report.
func calibrate(t *testing.T) (model, float64, fieldBoost, dpCosts, string) {
	examples := labelledPairs(t)
	// interleave the folds deterministically, positives spread evenly
	slices.SortStableFunc(examples, func(a, b example) int {
		if a.label != b.label {
			if a.label {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.note, b.note)
	})
	data := make([]point, len(examples))
	for i, e := range examples {
		data[i] = point{e.x, e.label}
	}
	var all [numFeatures]bool
	for i := range all {
		all[i] = true
	}
	var b strings.Builder
	pos := 0
	for _, e := range data {
		if e.label {
			pos++
		}
	}
	fmt.Fprintf(&b, "# Calibration of align's similarity model and parallel costs.\n")
	fmt.Fprintf(&b, "# Generated by: go test ./align -run TestCalibration -update\n\n")
	fmt.Fprintf(&b, "labelled pairs: %d (%d related, %d unrelated) from testdata/pairs.tsv and the seeds\n\n", len(data), pos, len(data)-pos)

	const folds = 5
	// the L2 penalty: the strongest whose cross-validated F1 is within 0.01
	// of the best (the simplest model the data cannot tell from the best)
	cvs := make([][]prediction, len(lambdas))
	bestF := -1.0
	for k, l := range lambdas {
		cvs[k] = crossValidate(data, all, l, folds)
		_, _, f := prfAt(cvs[k], bestThreshold(cvs[k]))
		fmt.Fprintf(&b, "L2 penalty %g: cross-validated F1 %.3f\n", l, f)
		bestF = max(bestF, f)
	}
	var cv []prediction
	lambda := 0.0
	for k, l := range lambdas {
		if _, _, f := prfAt(cvs[k], bestThreshold(cvs[k])); f >= bestF-0.01 {
			cv, lambda = cvs[k], l
		}
	}
	threshold := bestThreshold(cv)
	p, r, f := prfAt(cv, threshold)
	fmt.Fprintf(&b, "\n%d-fold cross-validation, all features, L2 penalty %g: threshold %.2f  precision %.3f  recall %.3f  F1 %.3f\n", folds, lambda, threshold, p, r, f)
	for _, th := range []float64{0.3, 0.5, 0.7, 0.8, 0.9, 0.95} {
		p, r, f := prfAt(cv, th)
		fmt.Fprintf(&b, "  at %.2f: precision %.3f  recall %.3f  F1 %.3f\n", th, p, r, f)
	}
	// backward elimination: drop the feature whose removal helps
	// cross-validated F1 most, while that helps by at least 0.005
	use, useF := all, f
	fmt.Fprintf(&b, "\nfeature selection by backward elimination (cross-validated F1 at each model's best threshold):\n")
	for {
		drop, dropF := -1, useF
		for i := range numFeatures {
			if !use[i] {
				continue
			}
			try := use
			try[i] = false
			cvi := crossValidate(data, try, lambda, folds)
			_, _, fi := prfAt(cvi, bestThreshold(cvi))
			fmt.Fprintf(&b, "  without %-8s F1 %.3f\n", featureNames[i], fi)
			if fi > dropF {
				drop, dropF = i, fi
			}
		}
		if drop < 0 || dropF < useF+0.005 {
			fmt.Fprintf(&b, "  keep the rest (F1 %.3f)\n", useF)
			break
		}
		use[drop], useF = false, dropF
		fmt.Fprintf(&b, "  drop %s (F1 %.3f)\n", featureNames[drop], dropF)
	}
	cv = crossValidate(data, use, lambda, folds)
	threshold = bestThreshold(cv)
	p, r, f = prfAt(cv, threshold)
	fmt.Fprintf(&b, "\nselected features, %d-fold cross-validation:\n", folds)
	fmt.Fprintf(&b, "  best F1:             threshold %.2f  precision %.3f  recall %.3f  F1 %.3f\n", threshold, p, r, f)
	threshold = thresholdForPrecision(cv)
	p, r, f = prfAt(cv, threshold)
	fmt.Fprintf(&b, "  precision >= %.2f:   threshold %.2f  precision %.3f  recall %.3f  F1 %.3f  (the operating threshold)\n", targetPrecision, threshold, p, r, f)

	m := fitLogistic(data, use, lambda)
	// move the bias so that the chosen threshold falls at 0.5: a score
	// above one half means "aligned"
	m.bias -= math.Log(threshold / (1 - threshold))
	m.bias = math.Round(m.bias*1000) / 1000
	for i := range m.weights {
		m.weights[i] = math.Round(m.weights[i]*1000) / 1000
	}
	var full []prediction
	for _, e := range data {
		full = append(full, prediction{m.score(e.x), e.label})
	}
	threshold = 0.5
	p, r, f = prfAt(full, threshold)
	fmt.Fprintf(&b, "\nmodel fitted on all pairs, bias moved to put the threshold at 0.5 (rounded; the weights in calibration.go):\n")
	fmt.Fprintf(&b, "  bias %.3f\n", m.bias)
	for i, w := range m.weights {
		fmt.Fprintf(&b, "  %-8s %.3f\n", featureNames[i], w)
	}
	fmt.Fprintf(&b, "  on all pairs at threshold %.2f: precision %.3f  recall %.3f  F1 %.3f\n", threshold, p, r, f)

	boost, report := calibrateBoost(t)
	b.WriteString(report)

	// parallel costs: grid search on development cases, measured on test cases
	costs, report := calibrateCosts(t, m)
	b.WriteString(report)
	return m, threshold, boost, costs, b.String()
}

// calibrateCosts chooses the parallel programme's costs by grid search on
// development cases (seeds 000 to 002, variants 1 to 3) under model m.
func calibrateCosts(t *testing.T, m model) (dpCosts, string) {
	saved := calibrated
	calibrated = m
	defer func() { calibrated = saved }()
	docs := seeds(t)
	dev := parallelCases(t, docs[:3], 1, 3)
	var devScores []*beadScores
	for _, pc := range dev {
		devScores = append(devScores, caseScores(t, pc))
	}
	const step = 0.25
	skips := gridValues(-2, 6, step)
	merges := gridValues(0, 6, step)
	f1 := make([][]float64, len(skips))
	for a, skip := range skips {
		f1[a] = make([]float64, len(merges))
		for m, merge := range merges {
			var s beadScore
			for k, pc := range dev {
				s.add(devScores[k].solve(dpCosts{skip, merge}), pc.gold)
			}
			_, _, f1[a][m] = s.prf()
		}
	}
	// the best F1, ties broken by the mean F1 of the neighbouring grid
	// points, so that the choice sits on the plateau, not at its edge
	neighbourhood := func(a, m int) float64 {
		sum, n := 0.0, 0
		for da := -1; da <= 1; da++ {
			for dm := -1; dm <= 1; dm++ {
				if a+da >= 0 && a+da < len(skips) && m+dm >= 0 && m+dm < len(merges) {
					sum += f1[a+da][m+dm]
					n++
				}
			}
		}
		return sum / float64(n)
	}
	best, bestF, bestN := dpCosts{}, -1.0, -1.0
	for a := range skips {
		for m := range merges {
			f, n := f1[a][m], neighbourhood(a, m)
			if f > bestF+1e-12 || (math.Abs(f-bestF) <= 1e-12 && n > bestN+1e-12) {
				best, bestF, bestN = dpCosts{skips[a], merges[m]}, f, n
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nparallel costs, grid search (skip %g to %g, merge %g to %g, step %g) on %d development cases:\n",
		skips[0], skips[len(skips)-1], merges[0], merges[len(merges)-1], step, len(dev))
	fmt.Fprintf(&b, "  skip %.2f  merge %.2f  development F1 %.3f (neighbourhood mean %.3f)\n", best.Skip, best.Merge, bestF, bestN)
	return best, b.String()
}

// gridValues lists from, from+step, … up to to.
func gridValues(from, to, step float64) []float64 {
	var out []float64
	for k := 0; from+float64(k)*step <= to+1e-9; k++ {
		out = append(out, math.Round((from+float64(k)*step)*100)/100)
	}
	return out
}

// TestCalibration refits the similarity model and the parallel costs on
// the seeds' labelled pairs, a study of the features on the project's own
// examples kept in testdata/calibration.txt, and checks that the file is up
// to date and that the code uses the retrieval boosts it chose. The shipped
// model is fitted on WMT data by TestTrainSimilarity (simmodel.go). With
// -update it rewrites the file.
func TestCalibration(t *testing.T) {
	m, threshold, boost, costs, report := calibrate(t)
	t.Log("\n" + report)
	if *update {
		require.NoError(t, os.WriteFile("testdata/calibration.txt", []byte(report), 0o644))
		t.Logf("calibrated = model{bias: %v, weights: [numFeatures]float64{%v}}; DefaultThreshold = %v; calibratedBoost = %+v; calibratedCosts = %+v",
			m.bias, strings.Trim(strings.Join(strings.Fields(fmt.Sprint(m.weights)), ", "), "[]"), threshold, boost, costs)
	}
	want, err := os.ReadFile("testdata/calibration.txt")
	require.NoError(t, err)
	assert.Equal(t, string(want), report, "testdata/calibration.txt is stale: run go test ./align -run TestCalibration -update")
	assert.Equal(t, boost, calibratedBoost, "calibratedBoost differs from the grid search")
	_, _, _ = m, threshold, costs // the shipped model comes from TestTrainSimilarity (simmodel.go)
}

// retrievalK is how many candidates retrieval recall is measured at: the
// default of Options.Candidates.
const retrievalK = 10

// calibrateBoost chooses the retrieval boosts of names and numbers by the
// recall at retrievalK of related pairs: with the seeds and the rewrites
// indexed, each side of a related pair is a query and the other side must
// come back among the candidates.
func calibrateBoost(t *testing.T) (fieldBoost, string) {
	x := NewIndex()
	type loc struct {
		path string
		sent int
		doc  Document
	}
	bySentence := make(map[string]loc)
	for _, d := range seeds(t) {
		require.NoError(t, x.Add(t.Context(), d))
		for i, s := range d.Seg.Sentences {
			bySentence[d.Seg.Slice(s.Span)] = loc{d.Path, i, d}
		}
	}
	type pair struct{ a, b loc }
	var pairs []pair
	for k, lp := range readPairs(t) {
		if lp.label != "1" {
			continue
		}
		b, ok := bySentence[lp.b]
		if !ok {
			d := NewDocument(fmt.Sprintf("rewrites/%03d.txt", k), lp.b)
			require.Len(t, d.Seg.Sentences, 1, "pairs.tsv:%d: a rewrite is one sentence", lp.line)
			require.NoError(t, x.Add(t.Context(), d))
			b = loc{d.Path, 0, d}
		}
		pairs = append(pairs, pair{bySentence[lp.a], b})
	}
	found := func(q, want loc) (bool, int) {
		cands, err := x.Candidates(t.Context(), Query{Fields: SentenceFields(q.doc.Seg, q.sent), Exclude: q.path}, retrievalK)
		require.NoError(t, err)
		for r, c := range cands {
			if c.Path == want.path && c.Sentence == want.sent {
				return true, r + 1
			}
		}
		return false, 0
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\nretrieval boosts, grid search on recall@%d of %d related pairs (both directions; ties to the smaller boosts):\n", retrievalK, len(pairs))
	best, bestRecall, bestMRR := fieldBoost{}, -1.0, -1.0
	for _, names := range []float64{1, 1.5, 2, 3} {
		for _, numbers := range []float64{1, 1.5, 2, 3, 4, 6} {
			x.boost = fieldBoost{names, numbers}
			hits, mrr := 0, 0.0
			for _, p := range pairs {
				for _, dir := range [2][2]loc{{p.a, p.b}, {p.b, p.a}} {
					if ok, rank := found(dir[0], dir[1]); ok {
						hits++
						mrr += 1 / float64(rank)
					}
				}
			}
			recall := float64(hits) / float64(2*len(pairs))
			mrr /= float64(2 * len(pairs))
			fmt.Fprintf(&b, "  names %.1f numbers %.1f: recall %.3f  MRR %.3f\n", names, numbers, recall, mrr)
			if recall > bestRecall+1e-12 || (math.Abs(recall-bestRecall) <= 1e-12 && mrr > bestMRR+1e-12) {
				best, bestRecall, bestMRR = x.boost, recall, mrr
			}
		}
	}
	fmt.Fprintf(&b, "  chosen: names %.1f numbers %.1f\n", best.names, best.numbers)
	return best, b.String()
}
