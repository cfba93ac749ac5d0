package lingua

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"github.com/transcheck/transcheck/internal/rules"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/internal/mtmodel"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// The verdicts Analyze gives.
const (
	Machine   = "machine"
	Human     = "human"
	Uncertain = "uncertain"
)

// The passage categories, named as in the report model.
const (
	Garbled      = "garbled"
	Untranslated = "untranslated"
	Boilerplate  = "boilerplate"
	Style        = "style"
)

// Rule thresholds on Analysis.RuleScore, the score of the hand-written
// detectors. A rule score at or above machineThreshold makes the verdict
// machine whatever the learned model says (the rules that reach it are the
// exact kinds: foreign script, broken sentence boundaries, pinyin read-outs,
// several corroborating calques); below humanThreshold the rules leave the
// verdict to the model, which needs a rule score of corroboration to make
// it machine. See EVALUATION.md for what the override adds.
//
// Machine needs about two independent kinds of well-attested evidence: one
// strong signal alone reaches weight·strength ≤ 0.7 and a single instance
// half that, so two calques and a word-order fault (0.41, 0.25 → 0.56) stay
// uncertain and a third kind makes it machine. Human allows one instance of
// the strongest signal (a romanized word, 0.7·0.5 = 0.35): unusual names
// read as pinyin in about one in seven human texts (32 of 211 Brown Corpus
// news, editorial and essay texts) before names in person-name contexts
// were told apart, so one such word alone is no reason to doubt a text.
// Measured: the held-out machine translations score 0.83 to 0.96 (the
// fresh one 0.71), the held-out human texts 0 to 0.19, the seeds 0.77 and
// 0.97 (machine) and 0 (human); of the 211 Brown texts none reaches
// machine and 4 are uncertain (verse whose line breaks the corpus lost, an
// Elizabethan letter's abbreviations; with 0.35 for human: 0 and 7).
// Before names and abbreviations were told apart it was 10 and 22, nearly
// all through romanized-looking names and sentence boundaries "broken" by
// abbreviations ("Kan.", "lbs."); see TestHumanFalseAlarms and
// testdata/heldout/RESULTS.md.
const (
	machineThreshold = 0.6
	humanThreshold   = 0.4
)

// corroboration is the rule score that must back the learned model for
// the model to make the verdict machine: the model alone, however sure,
// makes it uncertain. Chosen on dev as the smallest of 0.05, 0.1, 0.2 and
// 0.3 at which no English original of the dev sets (mtdoc dev, the fp3
// web-news pool's tune and dev halves, webmt dev, Brown) is called machine:
// a Nigerian news page (model 0.93, rules 0) and a Brown text (model 0.92,
// rules 0.11) reached the model's threshold alone. With the blended model
// that followed, 0.05 would do; 0.2 is kept for margin (three web-news
// originals of the pool's tune half reach the model's threshold with no
// rule signal). See EVALUATION.md.
const corroboration = 0.2

// minModelSentences is the fewest sentences a document needs for the
// learned model's probability to enter the verdict. The model's
// calibration and thresholds were fitted on documents of at least three
// segments (mostly fifteen); one or two sentences, with their few words,
// are outside what it was measured on, and the rules decide alone.
const minModelSentences = 3

// Analysis is what Analyze found in one document.
type Analysis struct {
	// Language is the language of the whole document.
	Language Language `json:"language"`
	// Sentences gives each sentence's language, in document order.
	Sentences []SentenceLanguage `json:"sentences"`
	// Scripts are runs of letters in a script other than Latin.
	Scripts []ScriptSpan `json:"scripts"`
	// Verdict is Machine, Human or Uncertain.
	Verdict string `json:"verdict"`
	// Score is the machine-translation score, 0 to 1: the larger of
	// MachineProbability and RuleScore (RuleScore alone for documents
	// under three sentences, which the model does not judge).
	Score float64 `json:"score"`
	// MachineProbability is the learned model's calibrated probability
	// that the document is machine-translated (package internal/mtmodel).
	MachineProbability float64 `json:"machineProbability"`
	// RuleScore is the hand-written detectors' score, 0 to 1:
	// 1 − ∏(1 − Weight·Strength) over Signals.
	RuleScore float64 `json:"ruleScore"`
	// SourceLanguage is the ISO 639-1 code of the language the text was
	// most likely translated from, or "" when none stands out or the
	// verdict is Human.
	SourceLanguage string `json:"sourceLanguage"`
	// Signals summarize each detector over the document, strongest
	// contribution first. Detectors that did not fire are left out.
	Signals []Signal `json:"signals"`
	// Passages are the problem passages, sorted by span: findings whose
	// Span holds byte offsets into the document (Start and End; the caller
	// locates lines and columns) and whose Text is the passage.
	Passages []report.Finding `json:"passages"`
	// Fluency summarizes how English the word order of the prose
	// sentences is. It is reported for the editor and does not count for
	// Score (the "fluency" signal has weight 0).
	Fluency Fluency `json:"fluency"`
}

// SentenceLanguage is the language of one sentence.
type SentenceLanguage struct {
	Span     segment.Span `json:"span"`
	Sentence int          `json:"sentence"`
	Language
	// MachineProbability is the learned model's calibrated probability
	// that this sentence is machine-translated, judged alone.
	MachineProbability float64 `json:"machineProbability"`
}

// Signal is one detector's summary over a document.
type Signal struct {
	// Name is a stable identifier such as "romanized-words".
	Name string `json:"name"`
	// Strength is how strongly the detector fired, 0 to 1.
	Strength float64 `json:"strength"`
	// Weight is what Strength counts for in the score.
	Weight float64 `json:"weight"`
	// Count is how many places fired.
	Count int `json:"count"`
	// Reason explains the signal to an editor.
	Reason string `json:"reason"`
	// Language is the source language the signal points to, or "".
	Language string `json:"language,omitempty"`
	// Spans are the places that fired.
	Spans []segment.Span `json:"spans"`
}

// hit is one place a detector fired; detectors return hits and Analyze turns
// them into signals and passages.
type hit struct {
	id         string       // the table row or check that fired, for tests
	key        string       // hits of a signal with one non-empty key count once for its strength
	signal     string       // signal name, e.g. "broken-boundary"
	rule       *rules.Rule  // the rule the passage is reported under
	span       segment.Span // smallest span that shows the problem
	message    string
	suggest    []string
	confidence float64
	langs      []string // source languages this hit points to
	// evidence points at the words in the checked text that support the
	// finding (Path ""), such as a word pair edited English never has.
	evidence []report.Evidence
	// signalOnly hits count for their signal but make no passage of their
	// own; they join the signals of a passage they overlap.
	signalOnly bool
}

// signalInfo describes a signal: its weight in the score and its reason.
type signalInfo struct {
	weight float64
	reason string
}

// signalInfos are the signals and their weights. The weights are the
// probability-like strength one well-attested instance lends to a
// machine-translation verdict; they combine as independent evidence.
//
// The rows added for German, Russian, French and Spanish (word-order,
// missing-article and the new calque and literal-idiom rows) fired 3 times
// in 211 Brown Corpus texts (about 420,000 words of edited English) and at
// least once in every held-out translation, so they weigh like the
// existing calque and broken-boundary signals; source-punctuation (", that")
// fired 13 times there and weighs half as much.
var signalInfos = map[string]signalInfo{
	"broken-boundary":   {0.5, "sentences break mid-clause: a capitalized function word inside a clause, a sentence starting in lower case, or a clause repeated across the break"},
	"no-finite-verb":    {0.15, "a sentence without a finite verb"},
	"romanized-words":   {0.7, "words that are not English but read as romanized Chinese (pinyin)"},
	"calque":            {0.55, "word-for-word renderings of source-language names, titles or administrative terms"},
	"literal-idiom":     {0.55, "idioms or constructions rendered word for word"},
	"source-convention": {0.4, "source-language conventions for citing newspapers, dates, numbers, quotation marks and bylines"},
	"word-order":        {0.5, "clauses in the word order of the source language: the verb last, modifiers after their noun, a reporting verb before its subject"},
	"missing-article":   {0.45, "articles left out where English needs them, as languages without articles (Russian, Ukrainian) do"},
	// Weak on purpose: literary English has ", that" relative clauses too
	// (13 in 211 Brown Corpus texts).
	"source-punctuation": {0.25, "punctuation of the source language: a comma before a relative “that”"},
	// Weak on purpose: these phrases are English too, only far more
	// frequent in translation (“the Russian side” of negotiations).
	"translationese":       {0.25, "phrases that are English but far more frequent in translation than in English news (“the Russian side”, “the above-mentioned”)"},
	"source-spelling":      {0.3, "spellings that follow the source language rather than English usage"},
	"page-chrome":          {0.45, "page furniture of the source site translated along with the article"},
	"foreign-script":       {0.3, "text in a non-Latin script left untranslated"},
	"english-page-chrome":  {0, "page furniture of an English site (not evidence of translation)"},
	"language-not-english": {0.2, "sentences identified as another language"},
	// Half as strong as romanized-words: words that only have the shape
	// of pinyin, with no abbreviation reading and nothing else in the text
	// pointing to Chinese, are mostly names (see discountRomanized).
	"romanized-name": {0.35, "words that read as pinyin but may be names: no Chinese abbreviation reading and no other sign of translation from Chinese"},
	// Weight 0: on our own held-out sentences the fluency model ranks
	// literal translations above fluent news (AUC 0.78), but real machine
	// translation of news is mostly fluent in word order: on the seeds the
	// German and Chinese translations score like the human articles, and a
	// human article with page furniture scores worst. So it is reported,
	// and joins garbled passages as corroboration, but moves no verdict.
	// Weight 0: the span tagger is trained to find garbled passages, not
	// to tell machine translation from human text; the verdict is left to
	// the other signals.
	"unusual-phrase": {0, "phrases that annotators of machine translation would likely mark as major errors (a model trained on their marks; reported only, it does not count for the verdict)"},
	"merged-words":   {0, "two words run together without a space (reported only, it does not count for the verdict)"},
	"split-compound": {0, "a hyphenated compound split by a space before its hyphen (reported only, it does not count for the verdict)"},
	"repeated-word":  {0, "a word doubled where edited English never doubles it (reported only, it does not count for the verdict)"},
	"fluency":        {0, "sentences whose order of function words and word classes is unusual for edited English (class trigram model over the Brown Corpus); reported only, it does not count for the verdict"},
}

// AnalyzeText assesses text as Analyze does, segmenting it first with the
// segmentation every transcheck package shares. It is the entry point for
// programs outside this module, which cannot build the segment.Document
// Analyze takes. Every span in the Analysis is a byte offset into text.
func (d *Detector) AnalyzeText(ctx context.Context, text string) (*Analysis, error) {
	return d.Analyze(ctx, segment.Split(text))
}

// Analyze assesses doc: languages, foreign scripts, the machine-translation
// signals, the verdict and the problem passages. It stops with ctx's error if
// ctx is cancelled.
func (d *Detector) Analyze(ctx context.Context, doc *segment.Document) (*Analysis, error) {
	return d.AnalyzeKnown(ctx, doc, nil)
}

// AnalyzeKnown is Analyze with more known names for this document alone:
// a word known reports true for (the names other coverage of the same
// story uses, say) is a name, as Options.KnownNames' are, for the
// romanized-word and spelling checks. known may be nil; it is called from
// the calling goroutine only.
func (d *Detector) AnalyzeKnown(ctx context.Context, doc *segment.Document, known func(word string) bool) (*Analysis, error) {
	if doc == nil {
		return nil, errors.New("lingua: nil document")
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("lingua: %w", err)
	}
	a := &Analysis{Language: d.identifyDocument(doc.Text)}
	var err error
	if a.Sentences, err = d.sentenceLanguages(ctx, doc, a.Language); err != nil {
		return nil, err
	}
	a.Scripts = foreignScripts(doc.Text)

	knownNames := d.opts.KnownNames
	if known != nil {
		if base := knownNames; base != nil {
			knownNames = func(w string) bool { return known(w) || base(w) }
		} else {
			knownNames = known
		}
	}
	var hits []hit
	for _, detect := range []func() []hit{
		func() []hit { return scriptHits(doc, a.Scripts) },
		func() []hit { return foreignSentenceHits(doc, a.Sentences) },
		func() []hit { return boundaryHits(doc) },
		func() []hit { return noFiniteVerbHits(doc) },
		func() []hit { return romanizedHits(doc, knownNames) },
		func() []hit { return phraseHits(doc) },
		func() []hit { return institutionHits(doc) },
		func() []hit { return chromeHits(doc) },
		func() []hit { return quoteMarkHits(doc) },
		func() []hit { return numberFormatHits(doc) },
		func() []hit { return spellingHits(doc, knownNames) },
		func() []hit { return relativeThatHits(doc) },
		func() []hit { return reportedConditionalHits(doc) },
		func() []hit { return mergedHits(doc) },
		func() []hit { return repeatedWordHits(doc) },
		func() []hit { return splitCompoundHits(doc) },
	} {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("lingua: %w", err)
		}
		hits = append(hits, detect()...)
	}
	discountRomanized(hits)
	var fh []hit
	a.Fluency, fh = fluencyHits(doc, d.fluency, hits)
	hits = append(hits, fh...)
	a.Signals, a.RuleScore, a.SourceLanguage = summarize(hits)
	learned := d.machineProbability(doc, a.Sentences)
	a.MachineProbability = learned.Probability
	pMachine, pHuman := d.mt.Thresholds()
	if len(doc.Sentences) < minModelSentences {
		// Too short for the model (calibrated on documents of 3 or more
		// segments): the rules decide, the probability is still reported.
		pMachine, pHuman = math.Inf(1), math.Inf(1)
		a.Score = a.RuleScore
	} else {
		a.Score = max(a.MachineProbability, a.RuleScore)
	}
	a.Verdict = verdict(a.RuleScore, a.MachineProbability, pMachine, pHuman)
	if a.Verdict == Human {
		a.SourceLanguage = ""
	}
	if a.Verdict != Human && a.SourceLanguage == "" && len(doc.Sentences) >= minModelSentences {
		// The rules name no source language: take the model's, when it is
		// sure enough (threshold chosen on dev).
		a.SourceLanguage = learned.Source
	}
	// The span tagger's passages carry no weight in the verdict; how many
	// it reports depends on the verdict (learnedThreshold).
	if lh := learnedHits(doc, hits, learnedThreshold(a.Verdict)); len(lh) > 0 {
		hits = append(hits, lh...)
		a.Signals, _, _ = summarize(hits)
	}
	a.Passages = passages(doc.Text, hits, a.Verdict)
	return a, nil
}

// verdict combines the rule score and the model's probability p, given the
// model's machine and human thresholds: the exact rules alone make a text
// machine, the model only with the rules' corroboration; human needs both
// below their human thresholds.
func verdict(rules, p, pMachine, pHuman float64) string {
	switch {
	case rules >= machineThreshold || p >= pMachine && rules >= corroboration:
		return Machine
	case rules < humanThreshold && p < pHuman:
		return Human
	default:
		return Uncertain
	}
}

// machineProbability scores every sentence with the learned model, fills
// each SentenceLanguage's MachineProbability and returns the model's result
// for the document. sentences holds one entry per doc.Sentences, in order.
func (d *Detector) machineProbability(doc *segment.Document, sentences []SentenceLanguage) mtmodel.Result {
	texts := make([]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		texts[i] = doc.Text[s.Start:s.End]
	}
	r := d.mt.Analyze(texts)
	for i := range sentences {
		if i < len(r.Sentences) {
			sentences[i].MachineProbability = r.Sentences[i]
		}
	}
	return r
}

// discountRomanized moves romanized-word hits to the weaker
// "romanized-name" signal when nothing corroborates them: none reads as a
// Chinese abbreviation or place name, and no other signal that counts
// points to Chinese. Human English is full of capitalized names with the
// shape of pinyin; machine translation from Chinese leaves more than that.
func discountRomanized(hits []hit) {
	for _, h := range hits {
		if h.signal == "romanized-words" && h.id == romanizedAbbreviation ||
			h.signal != "romanized-words" && signalInfos[h.signal].weight > 0 && slices.Contains(h.langs, "zh") {
			return
		}
	}
	for i := range hits {
		if hits[i].signal == "romanized-words" {
			hits[i].signal = "romanized-name"
			hits[i].message += "; nothing else in the text points to Chinese, so it may be a name"
			hits[i].confidence = 0.5
		}
	}
}

// strength maps a count of distinct hits to 0..1: one hit 0.5, two 0.75,
// three 0.875. Hits with the same key (hit.key) count once.
func strength(n int) float64 { return 1 - math.Pow(0.5, float64(n)) }

// summarize turns hits into per-signal summaries, the score and the source
// language (the language with the most weighted votes).
func summarize(hits []hit) ([]Signal, float64, string) {
	bySignal := map[string]*Signal{}
	votes := map[string]map[string]float64{} // signal → language → votes
	kinds := map[string]int{}                // signal → distinct places that fired
	distinct := map[string]map[string]bool{} // signal → keys seen
	for _, h := range hits {
		s := bySignal[h.signal]
		if s == nil {
			info := signalInfos[h.signal]
			s = &Signal{Name: h.signal, Weight: info.weight, Reason: info.reason}
			bySignal[h.signal] = s
			votes[h.signal] = map[string]float64{}
		}
		s.Count++
		if h.key == "" || !distinct[h.signal][h.key] {
			kinds[h.signal]++
		}
		if h.key != "" {
			if distinct[h.signal] == nil {
				distinct[h.signal] = map[string]bool{}
			}
			distinct[h.signal][h.key] = true
		}
		s.Spans = append(s.Spans, h.span)
		for _, l := range h.langs {
			votes[h.signal][l] += 1 / float64(len(h.langs))
		}
	}
	names := make([]string, 0, len(bySignal))
	for name := range bySignal {
		names = append(names, name)
	}
	slices.Sort(names) // a fixed order keeps the floating-point sums reproducible
	miss := 1.0
	total := map[string]float64{}
	var out []Signal
	for _, name := range names {
		s := bySignal[name]
		s.Strength = strength(kinds[name])
		miss *= 1 - s.Weight*s.Strength
		s.Language, _ = top(votes[name])
		for _, l := range slices.Sorted(maps.Keys(votes[name])) {
			// A signal's votes count by its contribution to the score.
			total[l] += s.Weight * s.Strength * votes[name][l] / float64(s.Count)
		}
		slices.SortFunc(s.Spans, func(a, b segment.Span) int { return cmp.Compare(a.Start, b.Start) })
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b Signal) int {
		if c := cmp.Compare(b.Weight*b.Strength, a.Weight*a.Strength); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	src, v := top(total)
	if v < 0.15 {
		src = ""
	}
	return out, 1 - miss, src
}

// top returns the key with the largest value, ties broken by key order.
func top(m map[string]float64) (string, float64) {
	best, bv := "", 0.0
	for k, v := range m {
		if v > bv || v == bv && k < best {
			best, bv = k, v
		}
	}
	return best, bv
}

// passages merges hits into passages: overlapping hits of one signal (a
// lower-case start that also repeats a clause) become one passage, and
// signal-only hits add their names to the passages they overlap.
func passages(text string, hits []hit, verdict string) []report.Finding {
	var hs, quiet []hit
	for _, h := range hits {
		if h.signalOnly {
			quiet = append(quiet, h)
		} else {
			hs = append(hs, h)
		}
	}
	slices.SortStableFunc(hs, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.rule.Category, b.rule.Category), cmp.Compare(a.span.Start, b.span.Start), cmp.Compare(a.span.End, b.span.End))
	})
	quietSpans := make([]segment.Span, len(quiet))
	for i, q := range quiet {
		quietSpans[i] = q.span
	}
	quietIndex := newSpanIndex(quietSpans)
	var near []int
	var out []report.Finding
	for i := 0; i < len(hs); {
		p := newPassage(hs[i])
		j := i + 1
		for ; j < len(hs) && hs[j].rule.Category == hs[i].rule.Category && hs[j].span.Start < p.Span.End; j++ {
			h := hs[j]
			if h.signal != hs[i].signal {
				break // different problems in overlapping words stay apart
			}
			p.Span.End = max(p.Span.End, h.span.End)
			if !slices.Contains(p.Signals, h.signal) {
				p.Signals = append(p.Signals, h.signal)
			}
			if !strings.Contains(p.Message, h.message) {
				p.Message += "; " + h.message
			}
			p.Suggestions = append(p.Suggestions, h.suggest...)
			// Independent detectors agreeing raise confidence.
			p.Confidence = 1 - (1-p.Confidence)*(1-h.confidence)
		}
		near = quietIndex.overlapping(near[:0], segment.Span{Start: p.Span.Start, End: p.Span.End})
		for _, k := range near {
			if q := quiet[k]; !slices.Contains(p.Signals, q.signal) {
				p.Signals = append(p.Signals, q.signal)
				p.Message += "; " + q.message
			}
		}
		p.Severity = severity(p, verdict)
		p.Text = text[p.Span.Start:p.Span.End]
		out = append(out, p)
		i = j
	}
	slices.SortFunc(out, func(a, b report.Finding) int {
		return cmp.Or(cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End), strings.Compare(a.Rule, b.Rule))
	})
	return out
}

func newPassage(h hit) report.Finding {
	return report.Finding{
		Span:        report.Span{Start: h.span.Start, End: h.span.End},
		Category:    h.rule.Category,
		Rule:        h.rule.ID,
		Message:     h.message,
		Suggestions: slices.Clone(h.suggest),
		Confidence:  h.confidence,
		Signals:     []string{h.signal},
		Evidence:    slices.Clone(h.evidence),
	}
}

// severity is the rule's default severity, raised to an error for a
// garbled passage that detectors agree on with high confidence, and
// lowered to info for a garbled passage of a document whose verdict is
// human: there the evidence of the whole text (the learned model and the
// rules) says the writer wrote English, and an odd phrase is an editor's
// hint, not a sign of machine translation.
func severity(p report.Finding, verdict string) report.Severity {
	if p.Category == report.Garbled && verdict == Human {
		return report.Info
	}

	if p.Category == report.Garbled && p.Confidence >= 0.7 {
		return report.Error
	}
	r, ok := rules.Lookup(p.Rule)
	if !ok {
		return report.Info
	}
	return r.Severity
}
