// Command eval measures the machine-translation verdict of package lingua
// (the learned model of internal/mtmodel with the rules) on the test split
// that internal/mtmodel/train/build_data.py writes, and writes
// lingua/EVALUATION.md. The dev split is read only to orient the one-feature
// baselines (which direction of the feature means machine).
//
//	go run ./internal/mtmodel/eval -data /work/data/mtdoc -out lingua/EVALUATION.md
//
// With -ci FILE it also writes the committed CI sample: the model's features
// (hashed n-gram positions and dense statistics; no text) of a stratified
// sample of test documents, which TestCISample scores.
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/transcheck/transcheck/internal/lm"
	"github.com/transcheck/transcheck/internal/mtmodel"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/lingua"
)

// marker starts this command's part of the report file; what comes before
// it (other sections, hand-written notes) and from the next level-2 heading
// after it on (sections that other commands write) is kept.
const marker = "<!-- internal/mtmodel/eval writes from here to the next level-2 heading -->"

type doc struct {
	ID     string   `json:"id"`
	Split  string   `json:"split"`
	Label  int      `json:"label"`
	Kind   string   `json:"kind"`
	Src    string   `json:"src"`
	Year   int      `json:"year"`
	System string   `json:"system"`
	Corpus string   `json:"corpus"`
	Genre  string   `json:"genre"`
	Segs   []string `json:"segs"`

	model, rules, score, lmMean, typo, length float64
	verdict, source                           string
}

func main() {
	dir := flag.String("data", "/work/data/mtdoc", "directory of docs.jsonl and brown.jsonl")
	out := flag.String("out", "lingua/EVALUATION.md", "report to write")
	ci := flag.String("ci", "", "also write the CI sample of test-document features here")
	split := flag.String("split", "test", "split to report on: test, or dev while developing (test is for the final figures)")
	looks := flag.Int("looks", 1, "how many times the test split has been looked at, this run included (for the report)")
	flag.Parse()
	var docs []*doc
	for _, name := range []string{"docs.jsonl", "brown.jsonl"} {
		f, err := os.Open(filepath.Join(*dir, name))
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			d := &doc{}
			if err := json.Unmarshal(sc.Bytes(), d); err != nil {
				log.Fatal(err)
			}
			if d.Split == "dev" || d.Split == *split || d.Corpus == "brown" {
				docs = append(docs, d)
			}
		}
		f.Close()
	}
	det, err := lingua.New(lingua.Options{})
	if err != nil {
		log.Fatal(err)
	}
	lmod, err := lm.English()
	if err != nil {
		log.Fatal(err)
	}
	var wg sync.WaitGroup
	next := make(chan *doc)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range next {
				score(det, lmod, d, d.Split == *split || d.Corpus == "brown")
			}
		}()
	}
	for i, d := range docs {
		if i%1000 == 0 {
			log.Printf("%d of %d documents", i, len(docs))
		}
		next <- d
	}
	close(next)
	wg.Wait()
	var b strings.Builder
	// Keep what other sections of the file hold: before the marker, and
	// from the next level-2 heading after it on.
	tail := ""
	if old, err := os.ReadFile(*out); err == nil {
		if i := strings.Index(string(old), marker); i >= 0 {
			b.WriteString(string(old[:i]))
			if j := strings.Index(string(old[i:]), "\n## "); j >= 0 {
				tail = string(old[i+j:])
			}
		} else {
			b.Write(old)
			b.WriteString("\n")
		}
	}
	b.WriteString(marker + "\n\n")
	report(&b, docs, *split, *looks)
	b.WriteString(tail)
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Print(b.String())
	if *ci != "" {
		if err := writeCI(*ci, docs); err != nil {
			log.Fatal(err)
		}
	}
}

// score fills d's scores; analyze false leaves out the (slow) lingua
// analysis, for dev documents that only orient the one-feature baselines.
func score(det *lingua.Detector, lmod *lm.Model, d *doc, analyze bool) {
	text := strings.Join(d.Segs, "\n\n")
	sd := segment.Split(text)
	if analyze {
		a, err := det.Analyze(context.Background(), sd)
		if err != nil {
			log.Fatal(err)
		}
		d.model, d.rules, d.score, d.verdict, d.source = a.MachineProbability, a.RuleScore, a.Score, a.Verdict, a.SourceLanguage
	}
	var sum float64
	n := 0
	for _, s := range sd.Sentences {
		for _, v := range lmod.Surprisal(lm.Words(sd.Text[s.Start:s.End])) {
			sum += v
			n++
		}
	}
	if n > 0 {
		d.lmMean = sum / float64(n)
	}
	curly := strings.Count(text, "\u201c") + strings.Count(text, "\u201d") + strings.Count(text, "\u2019") + strings.Count(text, "\u2018")
	straight := strings.Count(text, "\"") + strings.Count(text, "'")
	d.typo = float64(curly) / float64(curly+straight+1)
	if len(sd.Sentences) > 0 {
		d.length = float64(len(sd.Tokens)) / float64(len(sd.Sentences))
	}
}

// auc is the probability that a random positive scores above a random
// negative (ties count half).
func auc(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	type pt struct {
		v   float64
		pos bool
	}
	all := make([]pt, 0, len(pos)+len(neg))
	for _, v := range pos {
		all = append(all, pt{v, true})
	}
	for _, v := range neg {
		all = append(all, pt{v, false})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v < all[j].v })
	var rankSum float64
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].v == all[i].v {
			j++
		}
		r := float64(i+j+1) / 2
		for k := i; k < j; k++ {
			if all[k].pos {
				rankSum += r
			}
		}
		i = j
	}
	np, nn := float64(len(pos)), float64(len(neg))
	return (rankSum - np*(np+1)/2) / (np * nn)
}

type scorer struct {
	name string
	f    func(*doc) float64
}

func pick(docs []*doc, keep func(*doc) bool) []*doc {
	var out []*doc
	for _, d := range docs {
		if keep(d) {
			out = append(out, d)
		}
	}
	return out
}

func values(docs []*doc, f func(*doc) float64) []float64 {
	v := make([]float64, len(docs))
	for i, d := range docs {
		v[i] = f(d)
	}
	return v
}

func share(docs []*doc, keep func(*doc) bool) float64 {
	if len(docs) == 0 {
		return math.NaN()
	}
	n := 0
	for _, d := range docs {
		if keep(d) {
			n++
		}
	}
	return float64(n) / float64(len(docs))
}

func isMT(d *doc) bool    { return d.Label == 1 }
func isHuman(d *doc) bool { return d.Label == 0 }
func called(v string) func(*doc) bool {
	return func(d *doc) bool { return d.verdict == v }
}

// ruleVerdict is the verdict of the rules alone (today's detector).
func ruleVerdict(d *doc) string {
	switch {
	case d.rules >= 0.6:
		return lingua.Machine
	case d.rules < 0.4:
		return lingua.Human
	}
	return lingua.Uncertain
}

func report(b *strings.Builder, docs []*doc, split string, looks int) {
	dev := pick(docs, func(d *doc) bool { return d.Split == "dev" })
	test := pick(docs, func(d *doc) bool { return d.Split == split })
	brown := pick(docs, func(d *doc) bool { return d.Corpus == "brown" })
	// One-feature baselines: orient on dev.
	orient := func(f func(*doc) float64) func(*doc) float64 {
		a := auc(values(pick(dev, isMT), f), values(pick(dev, isHuman), f))
		if a < 0.5 {
			return func(d *doc) float64 { return -f(d) }
		}
		return f
	}
	scorers := []scorer{
		{"lingua (model + rules)", func(d *doc) float64 { return d.score }},
		{"classifier only (mtmodel probability)", func(d *doc) float64 { return d.model }},
		{"rules only (today's detector score)", func(d *doc) float64 { return d.rules }},
		{"LM only (mean surprisal, direction from dev)", orient(func(d *doc) float64 { return d.lmMean })},
		{"typography only (curly-quote share, direction from dev)", orient(func(d *doc) float64 { return d.typo })},
		{"length only (tokens per sentence, direction from dev)", orient(func(d *doc) float64 { return d.length })},
	}
	mt, hu := pick(test, isMT), pick(test, isHuman)
	fmt.Fprintf(b, "### Document verdict: tables (generated)\n\n")
	if split != "test" {
		fmt.Fprintf(b, "**This run reports the %s split, not test: a development figure.**\n\n", split)
	}
	fmt.Fprintf(b, "Written by `go run ./internal/mtmodel/eval -data /work/data/mtdoc -out lingua/EVALUATION.md`\n")
	fmt.Fprintf(b, "on the TEST split of `internal/mtmodel/train/build_data.py` (WMT23 X→en systems and references, WMT23\n")
	fmt.Fprintf(b, "en→X English sources, HT-vs-MT WMT17 DeepL/Google/human, HT-vs-MT WMT17 English originals) and on\n")
	fmt.Fprintf(b, "the Brown corpus. Training used other years (WMT21, HT-vs-MT WMT08-16); calibration and thresholds\n")
	fmt.Fprintf(b, "used dev (WMT22, HT-vs-MT WMT18). Documents are chunks of 15 consecutive segments (see\n")
	fmt.Fprintf(b, "`internal/mtmodel/train/README.md`). The test split has been looked at %d time(s) for the model\n", looks)
	fmt.Fprintf(b, "reported here.\n\n")
	fmt.Fprintf(b, "Test: %d machine-translated documents, %d human translations, %d English originals; Brown: %d samples.\n\n",
		len(mt), len(pick(test, func(d *doc) bool { return d.Kind == "ht" })), len(pick(test, func(d *doc) bool { return d.Kind == "orig" })), len(brown))
	fmt.Fprintf(b, "### Document AUC, machine vs human (test)\n\n")
	fmt.Fprintf(b, "| scorer | all MT vs human translations + originals | MT vs human translations | MT vs English originals | DeepL/Google vs their human translations |\n| --- | --- | --- | --- | --- |\n")
	fluent := pick(test, func(d *doc) bool { return d.Corpus == "htvsmt" && d.Kind != "orig" })
	for _, s := range scorers {
		fmt.Fprintf(b, "| %s | %.3f | %.3f | %.3f | %.3f |\n", s.name,
			auc(values(mt, s.f), values(hu, s.f)),
			auc(values(mt, s.f), values(pick(test, func(d *doc) bool { return d.Kind == "ht" }), s.f)),
			auc(values(mt, s.f), values(pick(test, func(d *doc) bool { return d.Kind == "orig" }), s.f)),
			auc(values(pick(fluent, isMT), s.f), values(pick(fluent, isHuman), s.f)))
	}
	fmt.Fprintf(b, "\n### Verdicts (test)\n\nAccuracy: machine translations called `machine`, human documents called `human`; `uncertain` counts as wrong for both.\n\n")
	fmt.Fprintf(b, "| set | n | lingua machine | lingua uncertain | lingua human | rules-only machine | rules-only human |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	row := func(name string, set []*doc) {
		fmt.Fprintf(b, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name, len(set),
			share(set, called(lingua.Machine)), share(set, called(lingua.Uncertain)), share(set, called(lingua.Human)),
			share(set, func(d *doc) bool { return ruleVerdict(d) == lingua.Machine }),
			share(set, func(d *doc) bool { return ruleVerdict(d) == lingua.Human }))
	}
	row("all machine translations", mt)
	row("fluent: DeepL + Google (HT-vs-MT WMT17)", pick(fluent, isMT))
	row("their human translations", pick(fluent, isHuman))
	row("WMT23 human translations", pick(test, func(d *doc) bool { return d.Kind == "ht" && d.Corpus == "wmt23" }))
	row("English originals: HT-vs-MT WMT17 news", pick(test, func(d *doc) bool { return d.Kind == "orig" && d.Corpus == "htvsmt" }))
	row("English originals: WMT23 en→X sources (news, speech, social, literary)", pick(test, func(d *doc) bool { return d.Kind == "orig" && d.Corpus == "wmt23" }))
	row("Brown corpus, all 500 samples", brown)
	row("Brown corpus, press (A-C)", pick(brown, func(d *doc) bool { return d.Genre <= "cc" }))
	// Accuracy on fluent docs at the probability 0.5.
	acc := func(set []*doc, f func(*doc) float64, t float64) float64 {
		return share(set, func(d *doc) bool { return (f(d) >= t) == (d.Label == 1) })
	}
	fmt.Fprintf(b, "\nFluent DeepL/Google documents with their human translations (balanced: %d machine, %d human), accuracy of the calibrated probability at 0.5: classifier %.3f, rules %.3f.\n",
		len(pick(fluent, isMT)), len(pick(fluent, isHuman)), accBalanced(fluent, func(d *doc) float64 { return d.model }, 0.5), accBalanced(fluent, func(d *doc) float64 { return d.rules }, 0.5))
	_ = acc
	fmt.Fprintf(b, "\n### Per source language (test)\n\n| source | MT docs | AUC vs human translations of that language + all originals | lingua AUC | rules AUC | MT called machine | its human translations called machine | MT: source language named right | named wrong | none named |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	srcs := map[string]bool{}
	for _, d := range mt {
		srcs[d.Src] = true
	}
	for _, s := range sortedKeys(srcs) {
		m := pick(mt, func(d *doc) bool { return d.Src == s })
		h := pick(test, func(d *doc) bool { return d.Kind == "orig" || d.Kind == "ht" && d.Src == s })
		ht := pick(test, func(d *doc) bool { return d.Kind == "ht" && d.Src == s })
		fmt.Fprintf(b, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", s, len(m),
			auc(values(m, func(d *doc) float64 { return d.model }), values(h, func(d *doc) float64 { return d.model })),
			auc(values(m, func(d *doc) float64 { return d.score }), values(h, func(d *doc) float64 { return d.score })),
			auc(values(m, func(d *doc) float64 { return d.rules }), values(h, func(d *doc) float64 { return d.rules })),
			share(m, called(lingua.Machine)), share(ht, called(lingua.Machine)),
			share(m, func(d *doc) bool { return d.source == d.Src }),
			share(m, func(d *doc) bool { return d.source != "" && d.source != d.Src }),
			share(m, func(d *doc) bool { return d.source == "" }))
	}
	fmt.Fprintf(b, "\n### Per system (test)\n\nAUC of the classifier probability against all test human documents.\n\n| system | docs | classifier AUC | rules AUC | called machine | uncertain | called human |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	systems := map[string]bool{}
	for _, d := range mt {
		systems[d.System] = true
	}
	for _, s := range sortedKeys(systems) {
		m := pick(mt, func(d *doc) bool { return d.System == s })
		fmt.Fprintf(b, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |\n", s, len(m),
			auc(values(m, func(d *doc) float64 { return d.model }), values(hu, func(d *doc) float64 { return d.model })),
			auc(values(m, func(d *doc) float64 { return d.rules }), values(hu, func(d *doc) float64 { return d.rules })),
			share(m, called(lingua.Machine)), share(m, called(lingua.Uncertain)), share(m, called(lingua.Human)))
	}
}

// accBalanced is the mean of the accuracy on positives and on negatives.
func accBalanced(set []*doc, f func(*doc) float64, t float64) float64 {
	p := share(pick(set, isMT), func(d *doc) bool { return f(d) >= t })
	n := share(pick(set, isHuman), func(d *doc) bool { return f(d) < t })
	return (p + n) / 2
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ciDoc is one document of the CI sample: its class and its sentences'
// features. No text.
type ciDoc struct {
	Label     int          `json:"label"`
	Kind      string       `json:"kind"`
	System    string       `json:"system"`
	Sentences []ciSentence `json:"sentences"`
}

type ciSentence struct {
	Sparse []uint32                  `json:"h"`
	Dense  [mtmodel.NumDense]float32 `json:"d"`
}

// writeCI samples up to 80 machine-translated documents, 40 human
// translations and 40 English originals of the test split (fixed seed) and
// writes their features, gzipped JSON lines.
func writeCI(path string, docs []*doc) error {
	x, err := mtmodel.NewExtractor()
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(9, 9))
	test := pick(docs, func(d *doc) bool { return d.Split == "test" })
	r.Shuffle(len(test), func(i, j int) { test[i], test[j] = test[j], test[i] })
	quota := map[string]int{"mt": 80, "ht": 40, "orig": 40}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	enc := json.NewEncoder(zw)
	for _, d := range test {
		if quota[d.Kind] == 0 {
			continue
		}
		quota[d.Kind]--
		c := ciDoc{Label: d.Label, Kind: d.Kind, System: d.System}
		sd := segment.Split(strings.Join(d.Segs, "\n\n"))
		for _, s := range sd.Sentences {
			ft := x.Sentence(sd.Text[s.Start:s.End])
			cs := ciSentence{Sparse: ft.Sparse}
			sort.Slice(cs.Sparse, func(i, j int) bool { return cs.Sparse[i] < cs.Sparse[j] })
			for i, v := range ft.Dense {
				cs.Dense[i] = float32(v)
			}
			c.Sentences = append(c.Sentences, cs)
		}
		if err := enc.Encode(c); err != nil {
			return err
		}
	}
	return zw.Close()
}
