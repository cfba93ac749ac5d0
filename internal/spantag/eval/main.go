// Command eval measures the garbled-span tagger (internal/spantag) and the
// garbled findings of package lingua against MQM major error spans and on
// human English.
//
//	go run ./internal/spantag/eval threshold   # dev: false passages per 5,000 words of English originals
//	go run ./internal/spantag/eval gate        # dev: the threshold in documents called machine
//	go run ./internal/spantag/eval report      # test split and human English; writes Markdown to stdout
//
// Inputs (not shipped; rebuilt by the commands in internal/spantag/train/README.md):
// -segments, the MQM segments of train/build_data.py; -docs, the documents
// of internal/mtmodel/train/build_data.py (English originals with their
// split); -brown, its Brown Corpus texts.
package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/spantag"
	"github.com/transcheck/transcheck/lingua"
	"github.com/transcheck/transcheck/report"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: eval threshold|gate|report [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	segs := fs.String("segments", "/work/data/mtspan/segments.jsonl", "MQM segments (train/build_data.py)")
	docs := fs.String("docs", "/work/data/mtdoc/docs.jsonl", "documents with English originals (internal/mtmodel/train/build_data.py)")
	brown := fs.String("brown", "/work/data/mtdoc/brown.jsonl", "Brown Corpus texts (same)")
	split := fs.String("split", "test", "report: the MQM split to measure (dev while developing; test once per model)")
	verb := fs.Bool("v", false, "report: garbled findings per rule on human English, to stderr")
	model := fs.String("model", "", "threshold: a model file to measure instead of the embedded one")
	fs.Parse(os.Args[2:])
	modelPath = *model
	verbose = *verb
	var err error
	switch os.Args[1] {
	case "threshold":
		err = threshold(os.Stdout, *docs, *segs, *brown)
	case "gate":
		err = gate(os.Stdout, *docs, *segs, *brown)
	case "report":
		err = reportTest(os.Stdout, *split, *segs, *docs, *brown)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

// segmentRec is one MQM segment of train/build_data.py.
type segmentRec struct {
	ID     string   `json:"id"`
	Doc    string   `json:"doc"`
	System string   `json:"system"`
	Text   string   `json:"text"`
	Raters []string `json:"raters"`
	Major  [][3]any `json:"major"`
	Split  string   `json:"split"`
}

// docRec is one document of internal/mtmodel/train/build_data.py.
type docRec struct {
	ID     string   `json:"id"`
	Kind   string   `json:"kind"`
	Split  string   `json:"split"`
	Corpus string   `json:"corpus"`
	Segs   []string `json:"segs"`
}

func readJSONL[T any](name string, keep func(*T) bool) ([]T, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<28)
	for line := 1; sc.Scan(); line++ {
		var r T
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if keep(&r) {
			out = append(out, r)
		}
	}
	return out, sc.Err()
}

// isNews reports whether a document comes from a news corpus: the WMT test
// sets and HT-vs-MT (the data also holds web text, speeches and treebank
// text, which the garbled budget is not measured on).
func (d docRec) isNews() bool {
	return strings.HasPrefix(d.Corpus, "wmt") || d.Corpus == "htvsmt"
}

// text joins a document's segments as paragraphs.
func (d docRec) text() string { return strings.Join(d.Segs, "\n\n") }

func words(doc *segment.Document) int {
	n := 0
	for _, t := range doc.Tokens {
		if t.Kind == segment.Word {
			n++
		}
	}
	return n
}

// thresholds are the probabilities the threshold command tries.
var thresholds = []float64{0.3, 0.33, 0.35, 0.36, 0.37, 0.38, 0.39, 0.4, 0.45, 0.5}

// modelPath and verbose are the -model and -v flags.
var (
	modelPath string
	verbose   bool
)

func threshold(w io.Writer, docsPath, segsPath, brownPath string) error {
	tg, err := spantag.Default()
	if err != nil {
		return err
	}
	if modelPath != "" {
		b, err := os.ReadFile(modelPath)
		if err != nil {
			return err
		}
		m, err := spantag.ReadModel(b)
		if err != nil {
			return err
		}
		tg = tg.WithModel(m)
	}
	docs, err := readJSONL(docsPath, func(d *docRec) bool { return d.Kind == "orig" && d.Split == "dev" && d.isNews() })
	if err != nil {
		return err
	}
	brown, err := readJSONL(brownPath, func(d *docRec) bool { return true })
	if err != nil {
		return err
	}
	rate := func(docs []docRec) ([]int, int) {
		counts := make([]int, len(thresholds))
		total := 0
		for _, d := range docs {
			doc := segment.Split(d.text())
			total += words(doc)
			for k, th := range thresholds {
				counts[k] += len(tg.Passages(doc, th))
			}
		}
		return counts, total
	}
	counts, total := rate(docs)
	bcounts, btotal := rate(brown)
	recs, err := readJSONL(segsPath, func(r *segmentRec) bool { return r.Split == "dev" })
	if err != nil {
		return err
	}
	toks := mqmTokens(tg, recs)
	fmt.Fprintf(w, "dev English originals: %d documents, %d words; dev MQM: %d segments\n", len(docs), total, len(recs))
	for k, th := range thresholds {
		pr, rc, np, ng := prf(toks, func(t tokenEval) bool { return t.p >= th })
		fmt.Fprintf(w, "threshold %.2f: %d passages, %.2f per 5,000 words; Brown %.2f per 5,000 words; MQM dev: %d passages, precision %.2f, recall %.2f of %d\n",
			th, counts[k], 5000*float64(counts[k])/float64(total), 5000*float64(bcounts[k])/float64(btotal), np, pr, rc, ng)
	}
	return nil
}

// mqmTokens scores the tokens of MQM segments with the tagger alone.
func mqmTokens(tg *spantag.Tagger, recs []segmentRec) []tokenEval {
	var toks []tokenEval
	var sc []spantag.Scored
	for ri, r := range recs {
		at := runeOffsets(r.Text)
		doc := segment.Split(r.Text)
		for _, s := range doc.Sentences {
			if !spantag.Judged(s) {
				continue
			}
			sc = tg.Sentence(sc[:0], s)
			for i, t := range s.Tokens {
				te := tokenEval{seg: ri, p: sc[i].P}
				for _, m := range r.Major {
					if int(m[0].(float64)) < at[t.End] && at[t.Start] < int(m[1].(float64)) {
						te.gold = true
					}
				}
				toks = append(toks, te)
			}
		}
	}
	return toks
}

// tokenEval is one token of an MQM segment.
type tokenEval struct {
	seg   int
	gold  bool    // inside a major span of any rater
	p     float64 // tagger probability
	rules bool    // inside a rule-based garbled passage of lingua
	all   bool    // inside any garbled passage of lingua (rules and tagger)
	// learned: inside a tagger passage of lingua (threshold by verdict);
	// warn: inside a garbled passage lingua reports above info.
	learned, warn bool
	// flu is the fluency model's word-order surprise (internal/fluency,
	// the highest TokenExcess within two tokens); fluFlag whether
	// lingua's garbled/fluency check flags the token (signal only).
	flu     float64
	fluFlag bool
}

// The garbled/fluency check's thresholds on the fluency model's
// ranks, as in lingua/fluency.go.
const (
	fluencyExcessRank = 0.95
	fluencyPeakRank   = 0.995
)

// fluencyScores fills the fluency fields of the tokens of s (toks holds
// them, in order).
func fluencyScores(fm *fluency.Model, s segment.Sentence, toks []tokenEval) {
	ex := fm.TokenExcess(nil, s)
	sc := fm.Sentence(s)
	for i := range toks {
		m := math.Inf(-1)
		for j := max(i-2, 0); j <= min(i+2, len(ex)-1); j++ {
			m = math.Max(m, ex[j])
		}
		toks[i].flu = m
		t := s.Tokens[i]
		switch {
		case len(s.Words()) < fluency.MinWords:
		case sc.PeakRank >= fluencyPeakRank:
			toks[i].fluFlag = t.Start < sc.PeakSpan.End && sc.PeakSpan.Start < t.End
		case sc.ExcessRank >= fluencyExcessRank:
			toks[i].fluFlag = true
		}
	}
}

// runeOffsets maps each byte offset of s to its code-point offset.
func runeOffsets(s string) []int {
	at := make([]int, len(s)+1)
	n := 0
	for i := range s {
		at[i] = n
		n++
	}
	at[len(s)] = utf8.RuneCountInString(s)
	for i := len(s) - 1; i >= 0; i-- {
		if !utf8.RuneStart(s[i]) {
			at[i] = at[i+1]
		}
	}
	return at
}

// mqmText is the segments of one system and document joined as one
// text for lingua, as a page would hold them: recs indexes the segments,
// starts gives each one's byte offset in text.
type mqmText struct {
	recs   []int
	starts []int
	text   string
}

// mqmTexts joins recs into texts by system and document, in order of
// first appearance.
func mqmTexts(recs []segmentRec) []mqmText {
	at := map[string]int{}
	var out []mqmText
	for i, r := range recs {
		k := r.System + "\x00" + r.Doc
		n, ok := at[k]
		if !ok {
			n = len(out)
			at[k] = n
			out = append(out, mqmText{})
		}
		out[n].recs = append(out[n].recs, i)
	}
	for n := range out {
		var b strings.Builder
		for j, ri := range out[n].recs {
			if j > 0 {
				b.WriteString("\n\n")
			}
			out[n].starts = append(out[n].starts, b.Len())
			b.WriteString(recs[ri].Text)
		}
		out[n].text = b.String()
	}
	return out
}

// taggerAndDetector loads the embedded span tagger and a lingua detector
// with default options.
func taggerAndDetector() (*spantag.Tagger, *lingua.Detector, error) {
	tg, err := spantag.Default()
	if err != nil {
		return nil, nil, err
	}
	det, err := lingua.New(lingua.Options{})
	return tg, det, err
}

func reportTest(w io.Writer, split, segsPath, docsPath, brownPath string) error {
	tg, det, err := taggerAndDetector()
	if err != nil {
		return err
	}
	fm, err := fluency.Default()
	if err != nil {
		return err
	}
	recs, err := readJSONL(segsPath, func(r *segmentRec) bool { return r.Split == split })
	if err != nil {
		return err
	}
	var toks []tokenEval
	ctx := context.Background()
	ruleHits := map[string][2]int{}
	defer func() {
		for r, n := range ruleHits {
			fmt.Fprintf(os.Stderr, "MQM %s: %s %d passages, %d on a major span\n", split, r, n[0], n[1])
		}
	}()
	for _, g := range mqmTexts(recs) {
		starts := g.starts
		full := segment.Split(g.text)
		an, err := det.Analyze(ctx, full)
		if err != nil {
			return err
		}
		if verbose {
			rulePrecision(an.Passages, g.recs, starts, recs, ruleHits)
		}
		for j, ri := range g.recs {
			r := recs[ri]
			at := runeOffsets(r.Text)
			doc := segment.Split(r.Text)
			var sc []spantag.Scored
			for _, s := range doc.Sentences {
				if !spantag.Judged(s) {
					continue
				}
				sc = tg.Sentence(sc[:0], s)
				first := len(toks)
				for i, t := range s.Tokens {
					rs, re := at[t.Start], at[t.End]
					te := tokenEval{seg: ri, p: sc[i].P}
					for _, m := range r.Major {
						if int(m[0].(float64)) < re && rs < int(m[1].(float64)) {
							te.gold = true
						}
					}
					fs, fe := starts[j]+t.Start, starts[j]+t.End
					for _, p := range an.Passages {
						if p.Category == report.Garbled && p.Span.Start < fe && fs < p.Span.End {
							te.all = true
							if p.Rule != lingua.LearnedRule {
								te.rules = true
							} else {
								te.learned = true
							}
							if p.Severity != report.Info {
								te.warn = true
							}
						}
					}
					toks = append(toks, te)
				}
				fluencyScores(fm, s, toks[first:])
			}
		}
	}
	return writeReport(w, split, tg, toks, len(recs), docsPath, brownPath, det)
}

// rulePrecision counts, per rule, the garbled passages of one text of
// MQM segments and those overlapping a major span.
func rulePrecision(ps []report.Finding, idx, starts []int, recs []segmentRec, out map[string][2]int) {
	for _, p := range ps {
		if p.Category != report.Garbled {
			continue
		}
		n := out[p.Rule]
		n[0]++
		for j, ri := range idx {
			r := recs[ri]
			if p.Span.Start < starts[j] || p.Span.Start >= starts[j]+len(r.Text) {
				continue
			}
			at := runeOffsets(r.Text)
			s, e := at[p.Span.Start-starts[j]], at[min(p.Span.End-starts[j], len(r.Text))]
			for _, m := range r.Major {
				if int(m[0].(float64)) < e && s < int(m[1].(float64)) {
					n[1]++
					break
				}
			}
		}
		out[p.Rule] = n
	}
}

// auc is the probability that a random positive scores above a random
// negative, ties counting half.
func auc(scores []float64, labels []bool) float64 {
	type sl struct {
		s float64
		l bool
	}
	v := make([]sl, len(scores))
	for i := range scores {
		v[i] = sl{scores[i], labels[i]}
	}
	slices.SortFunc(v, func(a, b sl) int { return cmp.Compare(a.s, b.s) })
	var pos, neg, rankSum float64
	for i := 0; i < len(v); {
		j := i
		for j < len(v) && v[j].s == v[i].s {
			j++
		}
		mid := float64(i+j+1) / 2 // average 1-based rank of the tie group
		for k := i; k < j; k++ {
			if v[k].l {
				pos++
				rankSum += mid
			} else {
				neg++
			}
		}
		i = j
	}
	if pos == 0 || neg == 0 {
		return 0.5
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

// spanAUC compares each gold stretch (a maximal run of tokens inside major
// spans, scored by its highest token score) with a stretch of the same
// length without a major mark, taken in a fixed order from the clean runs of
// the split: the same definition as train/train.py.
func spanAUC(toks []tokenEval, score func(tokenEval) float64) (float64, int) {
	type run struct{ a, b int }
	var pos []run
	var clean []run
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].gold == toks[i].gold && toks[j].seg == toks[i].seg {
			j++
		}
		if toks[i].gold {
			pos = append(pos, run{i, j})
		} else {
			clean = append(clean, run{i, j})
		}
		i = j
	}
	maxOf := func(r run) float64 {
		m := score(toks[r.a])
		for k := r.a + 1; k < r.b; k++ {
			m = max(m, score(toks[k]))
		}
		return m
	}
	var scores []float64
	var labels []bool
	k := 0
	for _, p := range pos {
		scores, labels = append(scores, maxOf(p)), append(labels, true)
		n := p.b - p.a
		for range clean {
			c := clean[k%len(clean)]
			k++
			if c.b-c.a >= n {
				scores, labels = append(scores, maxOf(run{c.a, c.a + n})), append(labels, false)
				break
			}
		}
	}
	return auc(scores, labels), len(pos)
}

// segmentAUC scores each segment by its highest token score against
// whether any rater marked a major span in it.
func segmentAUC(toks []tokenEval, score func(tokenEval) float64) float64 {
	var scores []float64
	var labels []bool
	for i := 0; i < len(toks); {
		j, m, g := i, score(toks[i]), false
		for j < len(toks) && toks[j].seg == toks[i].seg {
			m, g = max(m, score(toks[j])), g || toks[j].gold
			j++
		}
		scores, labels = append(scores, m), append(labels, g)
		i = j
	}
	return auc(scores, labels)
}

// prf counts passages (maximal runs of flagged tokens in a segment) that
// overlap a gold stretch, and gold stretches overlapped by a passage.
func prf(toks []tokenEval, flagged func(tokenEval) bool) (prec, rec float64, nPred, nGold int) {
	var hitPred, hitGold int
	for i := 0; i < len(toks); {
		j := i
		for j < len(toks) && toks[j].seg == toks[i].seg {
			j++
		}
		for a := i; a < j; {
			b := a
			if flagged(toks[a]) {
				ov := false
				for b < j && flagged(toks[b]) {
					ov = ov || toks[b].gold
					b++
				}
				nPred++
				if ov {
					hitPred++
				}
			} else {
				b++
			}
			a = b
		}
		for a := i; a < j; {
			b := a
			if toks[a].gold {
				ov := false
				for b < j && toks[b].gold {
					ov = ov || flagged(toks[b])
					b++
				}
				nGold++
				if ov {
					hitGold++
				}
			} else {
				b++
			}
			a = b
		}
		i = j
	}
	if nPred > 0 {
		prec = float64(hitPred) / float64(nPred)
	}
	if nGold > 0 {
		rec = float64(hitGold) / float64(nGold)
	}
	return prec, rec, nPred, nGold
}

func writeReport(w io.Writer, split string, tg *spantag.Tagger, toks []tokenEval, nSegs int, docsPath, brownPath string, det *lingua.Detector) error {
	p := func(t tokenEval) float64 { return t.p }
	b2f := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	rules := func(t tokenEval) float64 { return b2f(t.rules) }
	flu := func(t tokenEval) float64 { return t.flu }
	fluFlag := func(t tokenEval) float64 { return b2f(t.fluFlag) }
	all := func(t tokenEval) float64 { return b2f(t.all) }
	labels := make([]bool, len(toks))
	var ps, rs, as, fs, ffs []float64
	for i, t := range toks {
		labels[i] = t.gold
		ps, rs, as = append(ps, t.p), append(rs, rules(t)), append(as, all(t))
		fs, ffs = append(fs, t.flu), append(ffs, fluFlag(t))
	}
	spanP, nSpans := spanAUC(toks, p)
	spanR, _ := spanAUC(toks, rules)
	spanA, _ := spanAUC(toks, all)
	spanF, _ := spanAUC(toks, flu)
	spanFF, _ := spanAUC(toks, fluFlag)
	fmt.Fprintf(w, "MQM %s split: %d segments, %d tokens, %d gold major stretches\n\n", split, nSegs, len(toks), nSpans)
	fmt.Fprintln(w, "| detector | token AUC | span AUC | segment AUC | passages | precision | recall |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	row := func(name string, score func(tokenEval) float64, scores []float64, span float64, flagged func(tokenEval) bool) {
		pr, rc, np, _ := prf(toks, flagged)
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %d | %.2f | %.2f |\n", name, auc(scores, labels), span, segmentAUC(toks, score), np, pr, rc)
	}
	row("rules only (lingua garbled findings without the tagger)", rules, rs, spanR, func(t tokenEval) bool { return t.rules })
	row("garbled/fluency check (class-trigram word order; signal-only flags)", fluFlag, ffs, spanFF, func(t tokenEval) bool { return t.fluFlag })
	row("fluency model's word-order surprise (continuous)", flu, fs, spanF, func(t tokenEval) bool { return false })
	row("lingua garbled findings (rules and tagger)", all, as, spanA, func(t tokenEval) bool { return t.all })
	row(fmt.Sprintf("tagger probability (passages at p ≥ %.2f)", lingua.LearnedThreshold), p, ps, spanP, func(t tokenEval) bool { return t.p >= lingua.LearnedThreshold })
	row(fmt.Sprintf("tagger probability (passages at p ≥ %.2f)", lingua.LearnedMachineThreshold), p, ps, spanP, func(t tokenEval) bool { return t.p >= lingua.LearnedMachineThreshold })
	learned := func(t tokenEval) float64 { return b2f(t.learned) }
	warn := func(t tokenEval) float64 { return b2f(t.warn) }
	var ls, ws []float64
	for _, t := range toks {
		ls, ws = append(ls, learned(t)), append(ws, warn(t))
	}
	spanL, _ := spanAUC(toks, learned)
	spanW, _ := spanAUC(toks, warn)
	row(fmt.Sprintf("tagger findings of lingua (p ≥ %.2f in texts called machine, %.2f elsewhere)", lingua.LearnedMachineThreshold, lingua.LearnedThreshold), learned, ls, spanL, func(t tokenEval) bool { return t.learned })
	row("lingua garbled warnings (rules and tagger; texts called human give info)", warn, ws, spanW, func(t tokenEval) bool { return t.warn })
	fmt.Fprintln(w)
	return humanReport(w, split, docsPath, brownPath, det)
}

func humanReport(w io.Writer, mqmSplit string, docsPath, brownPath string, det *lingua.Detector) error {
	ctx := context.Background()
	measure := func(name string, docs []docRec) error {
		var nWords, learned, ruled, hints int
		perRule := map[string]int{}
		for _, d := range docs {
			doc := segment.Split(d.text())
			nWords += words(doc)
			an, err := det.Analyze(ctx, doc)
			if err != nil {
				return err
			}
			for _, p := range an.Passages {
				if p.Category != lingua.Garbled {
					continue
				}
				if p.Severity == report.Info {
					hints++
					continue
				}
				perRule[p.Rule]++
				if p.Rule == lingua.LearnedRule {
					learned++
				} else {
					ruled++
				}
			}
		}
		per := func(n int) float64 { return 5000 * float64(n) / float64(max(nWords, 1)) }
		fmt.Fprintf(w, "| %s | %d | %d | %.2f | %.2f | %.2f | %.2f |\n", name, len(docs), nWords, per(learned), per(ruled), per(learned+ruled), per(hints))
		if verbose {
			for r, n := range perRule {
				fmt.Fprintf(os.Stderr, "%s: %s %d\n", name, r, n)
			}
		}
		return nil
	}
	fmt.Fprintln(w, "| human English | documents | words | tagger garbled warnings per 5,000 words | rule garbled warnings | all garbled warnings | garbled hints (info) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	splits := []string{"dev"}
	if mqmSplit == "test" {
		splits = append(splits, "test")
	}
	for _, split := range splits {
		docs, err := readJSONL(docsPath, func(d *docRec) bool { return d.Kind == "orig" && d.Split == split && d.isNews() })
		if err != nil {
			return err
		}
		if err := measure("English-original news, "+split+" split", docs); err != nil {
			return err
		}
	}
	brown, err := readJSONL(brownPath, func(d *docRec) bool { return true })
	if err != nil {
		return err
	}
	return measure("Brown Corpus (all 500 texts)", brown)
}
