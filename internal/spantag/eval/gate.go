package main

import (
	"context"
	"fmt"
	"io"
	"math"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/spantag"
	"github.com/transcheck/transcheck/lingua"
	"github.com/transcheck/transcheck/report"
)

// gateThresholds are the tagger thresholds the gate command tries for
// documents not called human.
var gateThresholds = []float64{0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.32, 0.34, 0.36, 0.39}

// A gateScore combines a token's tagger probability p with the learned
// model's machine-translation probability s of its sentence.
type gateScore struct {
	name string
	f    func(p, s float64) float64
}

var gateScores = []gateScore{
	{"tagger probability", func(p, s float64) float64 { return p }},
	{"geometric mean with the sentence's MT probability", func(p, s float64) float64 { return math.Sqrt(p * s) }},
	{"tagger probability in sentences of MT probability ≥ 0.5", func(p, s float64) float64 {
		if s < 0.5 {
			return 0
		}
		return p
	}},
}

// gate measures, on dev only, the tagger's passages once garbled findings
// of documents called human are hints (info): garbled warnings per 5,000
// words on dev English-original news and the Brown Corpus (rules, plus the
// tagger's passages in documents not called human), and precision and
// recall against the MQM dev major spans of the tagger's passages in MQM
// texts not called human, for each threshold and way of scoring.
func gate(w io.Writer, docsPath, segsPath, brownPath string) error {
	tg, det, err := taggerAndDetector()
	if err != nil {
		return err
	}
	ctx := context.Background()
	// sentenceP returns the machine-translation probability of the
	// sentence of an covering byte offset at.
	sentenceP := func(an *lingua.Analysis, at int) float64 {
		for _, s := range an.Sentences {
			if s.Span.Start <= at && at < s.Span.End {
				return s.MachineProbability
			}
		}
		return an.MachineProbability
	}
	type humanRate struct {
		words, ruleWarn, docs, notHuman int
		machine                         int
		tagger                          [2][][]int // [machine, uncertain][score][threshold] passages
	}
	human := func(docs []docRec) (humanRate, error) {
		r := humanRate{docs: len(docs)}
		for v := range r.tagger {
			r.tagger[v] = make([][]int, len(gateScores))
			for k := range r.tagger[v] {
				r.tagger[v][k] = make([]int, len(gateThresholds))
			}
		}
		var buf []spantag.Scored
		for _, d := range docs {
			doc := segment.Split(d.text())
			r.words += words(doc)
			an, err := det.Analyze(ctx, doc)
			if err != nil {
				return r, err
			}
			for _, p := range an.Passages {
				if p.Category == report.Garbled && p.Rule != lingua.LearnedRule && p.Severity != report.Info {
					r.ruleWarn++
				}
			}
			if an.Verdict == lingua.Human {
				continue
			}
			r.notHuman++
			v := 1
			if an.Verdict == lingua.Machine {
				r.machine++
				v = 0
			}
			for si, s := range doc.Sentences {
				if !spantag.Judged(s) {
					continue
				}
				buf = tg.Sentence(buf[:0], s)
				sp := sentenceP(an, s.Start)
				for k, g := range gateScores {
					sc := make([]spantag.Scored, len(buf))
					copy(sc, buf)
					for i := range sc {
						sc[i].P = g.f(buf[i].P, sp)
					}
					for ti, th := range gateThresholds {
						r.tagger[v][k][ti] += len(spantag.PassagesOf(si, s, sc, th))
					}
				}
			}
		}
		return r, nil
	}
	news, err := readJSONL(docsPath, func(d *docRec) bool { return d.Kind == "orig" && d.Split == "dev" && d.isNews() })
	if err != nil {
		return err
	}
	brown, err := readJSONL(brownPath, func(d *docRec) bool { return true })
	if err != nil {
		return err
	}
	hn, err := human(news)
	if err != nil {
		return err
	}
	hb, err := human(brown)
	if err != nil {
		return err
	}
	recs, err := readJSONL(segsPath, func(r *segmentRec) bool { return r.Split == "dev" })
	if err != nil {
		return err
	}
	toks, verdicts, err := gateTokens(det, tg, recs, sentenceP)
	if err != nil {
		return err
	}
	per := func(n, words int) float64 { return 5000 * float64(n) / float64(max(words, 1)) }
	fmt.Fprintf(w, "dev English-original news: %d documents, %d words, %d not called human (%d machine); rule garbled warnings %.2f per 5,000 words\n",
		hn.docs, hn.words, hn.notHuman, hn.machine, per(hn.ruleWarn, hn.words))
	fmt.Fprintf(w, "Brown Corpus: %d documents, %d words, %d not called human (%d machine); rule garbled warnings %.2f per 5,000 words\n",
		hb.docs, hb.words, hb.notHuman, hb.machine, per(hb.ruleWarn, hb.words))
	fmt.Fprintf(w, "MQM dev: %d segments, %d tokens; texts (system, document) by verdict: %v\n\n", len(recs), len(toks), verdicts)
	for k, g := range gateScores {
		score := func(t tokenEval) float64 { return g.f(t.p, t.flu) }
		span, n := spanAUC(toks, score)
		fmt.Fprintf(w, "%s: MQM dev span AUC %.3f (%d major stretches), token AUC %.3f\n", g.name, span, n, tokenAUC(toks, score))
		fmt.Fprintln(w, "| threshold | tagger passages per 5,000 words, news: machine docs, uncertain docs | Brown: machine, uncertain | MQM machine texts: passages, precision, recall | MQM texts not called human: passages, precision, recall |")
		fmt.Fprintln(w, "|---|---|---|---|---|")
		for ti, th := range gateThresholds {
			pr, rc, np, _ := prf(toks, func(t tokenEval) bool { return t.rules && score(t) >= th })
			pr2, rc2, np2, _ := prf(toks, func(t tokenEval) bool { return !t.fluFlag && score(t) >= th })
			fmt.Fprintf(w, "| %.2f | %.2f, %.2f | %.2f, %.2f | %d, %.2f, %.2f | %d, %.2f, %.2f |\n", th,
				per(hn.tagger[0][k][ti], hn.words), per(hn.tagger[1][k][ti], hn.words),
				per(hb.tagger[0][k][ti], hb.words), per(hb.tagger[1][k][ti], hb.words), np, pr, rc, np2, pr2, rc2)
		}
		fmt.Fprintln(w)
	}
	return nil
}

func tokenAUC(toks []tokenEval, score func(tokenEval) float64) float64 {
	s := make([]float64, len(toks))
	l := make([]bool, len(toks))
	for i, t := range toks {
		s[i], l[i] = score(t), t.gold
	}
	return auc(s, l)
}

// gateTokens scores the tokens of MQM segments, joined per system and
// document into one text for lingua as reportTest does. In each tokenEval,
// flu holds the sentence's machine-translation probability, fluFlag
// whether the text was called human and rules whether it was called
// machine.
func gateTokens(det *lingua.Detector, tg *spantag.Tagger, recs []segmentRec, sentenceP func(*lingua.Analysis, int) float64) ([]tokenEval, map[string]int, error) {
	verdicts := map[string]int{}
	var toks []tokenEval
	var sc []spantag.Scored
	for _, mt := range mqmTexts(recs) {
		g, starts := mt.recs, mt.starts
		full := segment.Split(mt.text)
		an, err := det.Analyze(context.Background(), full)
		if err != nil {
			return nil, nil, err
		}
		verdicts[an.Verdict]++
		for _, s := range full.Sentences {
			if !spantag.Judged(s) {
				continue
			}
			j := 0
			for j+1 < len(starts) && starts[j+1] <= s.Start {
				j++
			}
			r := recs[g[j]]
			at := runeOffsets(r.Text)
			sp := sentenceP(an, s.Start)
			sc = tg.Sentence(sc[:0], s)
			for i, t := range s.Tokens {
				rs, re := at[min(t.Start-starts[j], len(r.Text))], at[min(t.End-starts[j], len(r.Text))]
				te := tokenEval{seg: g[j], p: sc[i].P, flu: sp, fluFlag: an.Verdict == lingua.Human, rules: an.Verdict == lingua.Machine}
				for _, m := range r.Major {
					if int(m[0].(float64)) < re && rs < int(m[1].(float64)) {
						te.gold = true
					}
				}
				toks = append(toks, te)
			}
		}
	}
	return toks, verdicts, nil
}
