// Command lmratio measures the two-language-model likelihood ratio as a
// machine-translation signal on the dev split: Kneser-Ney trigram models
// (package lm) of words and of word classes (package fluency) trained on
// the train split's machine translations and on its human translations
// (the same number of sentences of each, machine translations subsampled),
// then each dev document's mean per-token log ratio and its quantiles, as
// document AUCs. It writes no model; the figures go to lingua/EVALUATION.md.
//
//	go run ./internal/mtmodel/lmratio -data /work/data/mtdoc
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"path/filepath"
	"sort"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/lm"
	"github.com/transcheck/transcheck/internal/segment"
)

type doc struct {
	ID     string   `json:"id"`
	Split  string   `json:"split"`
	Label  int      `json:"label"`
	Kind   string   `json:"kind"`
	Corpus string   `json:"corpus"`
	Segs   []string `json:"segs"`
	words  [][]string
	class  [][]string
}

func main() {
	dir := flag.String("data", "/work/data/mtdoc", "directory of docs.jsonl")
	flag.Parse()
	cls, err := fluency.Default()
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Open(filepath.Join(*dir, "docs.jsonl"))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var train, dev []*doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		d := &doc{}
		if err := json.Unmarshal(sc.Bytes(), d); err != nil {
			log.Fatal(err)
		}
		if d.Split != "train" && d.Split != "dev" {
			continue // test is not read
		}
		for _, seg := range d.Segs {
			sd := segment.Split(lm.Normalize(seg))
			for _, s := range sd.Sentences {
				d.words = append(d.words, lm.Words(sd.Text[s.Start:s.End]))
				d.class = append(d.class, cls.Symbols(s))
			}
		}
		d.Segs = nil
		if d.Split == "train" {
			train = append(train, d)
		} else {
			dev = append(dev, d)
		}
	}
	for _, v := range []struct {
		name string
		get  func(*doc) [][]string
	}{{"words", func(d *doc) [][]string { return d.words }}, {"word classes", func(d *doc) [][]string { return d.class }}} {
		var mt, ht [][]string
		for _, d := range train {
			switch d.Kind {
			case "mt":
				mt = append(mt, v.get(d)...)
			case "ht":
				ht = append(ht, v.get(d)...)
			}
		}
		rand.New(rand.NewSource(1)).Shuffle(len(mt), func(i, j int) { mt[i], mt[j] = mt[j], mt[i] })
		mt = mt[:len(ht)]
		mm, hm := train1(mt), train1(ht)
		stats := make([][3]float64, len(dev))
		for i, d := range dev {
			var r []float64
			for _, s := range v.get(d) {
				a, b := mm.Surprisal(s), hm.Surprisal(s)
				for j := range a {
					r = append(r, b[j]-a[j]) // bits: positive leans machine
				}
			}
			stats[i] = summary(r)
		}
		fmt.Printf("%s: %d machine and %d human training sentences\n", v.name, len(mt), len(ht))
		for k, name := range []string{"mean log ratio", "median", "upper quartile"} {
			fmt.Printf("  %-15s %s\n", name, aucs(dev, func(i int) float64 { return stats[i][k] }))
		}
	}
}

func train1(s [][]string) *lm.Model {
	b, err := lm.Train(s, lm.TrainOptions{})
	if err != nil {
		log.Fatal(err)
	}
	m, err := lm.Load(b)
	if err != nil {
		log.Fatal(err)
	}
	return m
}

func summary(r []float64) [3]float64 {
	if len(r) == 0 {
		return [3]float64{}
	}
	sum := 0.0
	for _, v := range r {
		sum += v
	}
	sort.Float64s(r)
	return [3]float64{sum / float64(len(r)), r[len(r)/2], r[3*len(r)/4]}
}

// aucs reports the AUC of score over dev documents: all, machine against
// human translations, against originals, and HT-vs-MT's DeepL/Google
// against their human translations.
func aucs(dev []*doc, score func(int) float64) string {
	out := ""
	for _, c := range []struct {
		name string
		keep func(*doc) bool
	}{
		{"all", func(*doc) bool { return true }},
		{"mt-ht", func(d *doc) bool { return d.Kind != "orig" }},
		{"mt-orig", func(d *doc) bool { return d.Kind != "ht" }},
		{"deepl/google", func(d *doc) bool { return d.Corpus == "htvsmt" && d.Kind != "orig" }},
	} {
		var pos, neg []float64
		for i, d := range dev {
			if !c.keep(d) {
				continue
			}
			if d.Label == 1 {
				pos = append(pos, score(i))
			} else {
				neg = append(neg, score(i))
			}
		}
		out += fmt.Sprintf("%s %.3f  ", c.name, auc(pos, neg))
	}
	return out
}

func auc(pos, neg []float64) float64 {
	sort.Float64s(neg)
	s := 0.0
	for _, p := range pos {
		lo := sort.SearchFloat64s(neg, p)
		hi := sort.Search(len(neg), func(i int) bool { return neg[i] > p })
		s += float64(lo) + 0.5*float64(hi-lo)
	}
	return s / float64(len(pos)*len(neg))
}
