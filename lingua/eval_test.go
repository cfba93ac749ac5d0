package lingua

import (
	"bufio"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/seeds"
)

// label is one annotated passage of a label file: doc, category and the
// quoted text whose first occurrence is the span. Category "verdict" gives
// the expected verdict and source language instead ("machine zh", "human").
type label struct {
	doc, category, quote string
}

// verdictLabel is the category of the rows that give a document's verdict.
const verdictLabel = "verdict"

func readLabels(t *testing.T, path string) []label {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		require.Len(t, parts, 3, "%s: line %d", path, n)
		out = append(out, label{parts[0], parts[1], parts[2]})
	}
	require.NoError(t, sc.Err())
	return out
}

// readDocs returns the .txt files of dir by base name.
func readDocs(t *testing.T, dir string) map[string]string {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	docs := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		docs[filepath.Base(f)] = string(b)
	}
	return docs
}

// evalDocs returns every evaluated document by name: the seeds by prefix and
// the files under testdata/eval.
func evalDocs(t *testing.T) map[string]string {
	docs := readDocs(t, filepath.Join("testdata", "eval"))
	for _, s := range seeds.All() {
		docs[filepath.Base(s.Path)[:3]] = string(s.Data)
	}
	return docs
}

type tally struct{ labels, found, predicted, correct int }

func (tl *tally) precision() float64 { return ratio(tl.correct, tl.predicted) }
func (tl *tally) recall() float64    { return ratio(tl.found, tl.labels) }

// evaluation is the outcome of running Analyze over labelled documents.
type evaluation struct {
	tallies  map[string]*tally    // by passage category
	analyses map[string]*Analysis // by document
	verdicts map[string]string    // by document: the labelled verdict row
	misses   []string             // labelled spans no passage overlapped
	falses   []string             // passages overlapping no label
}

func (e *evaluation) tally(c string) *tally {
	if e.tallies[c] == nil {
		e.tallies[c] = &tally{}
	}
	return e.tallies[c]
}

// evaluate runs d over docs and scores its passages against labels. A label
// is found when a passage of its category overlaps it; a passage is correct
// when it overlaps a label of its category.
func evaluate(t *testing.T, d *Detector, docs map[string]string, labels []label) *evaluation {
	e := &evaluation{tallies: map[string]*tally{}, analyses: map[string]*Analysis{}, verdicts: map[string]string{}}
	spans := map[string][]segment.Span{} // doc+category → labelled spans
	for _, l := range labels {
		text, ok := docs[l.doc]
		require.True(t, ok, "label for unknown doc %q", l.doc)
		if l.category == verdictLabel {
			e.verdicts[l.doc] = l.quote
			continue
		}
		i := strings.Index(text, l.quote)
		require.GreaterOrEqual(t, i, 0, "%s: quote %q not found", l.doc, l.quote)
		key := l.doc + "\t" + l.category
		spans[key] = append(spans[key], segment.Span{Start: i, End: i + len(l.quote)})
	}
	for _, name := range slices.Sorted(maps.Keys(docs)) {
		doc := segment.Split(docs[name])
		a, err := d.Analyze(context.Background(), doc)
		require.NoError(t, err)
		e.analyses[name] = a
		found := map[string][]bool{}
		for _, p := range a.Passages {
			cat := string(p.Category)
			if p.Rule == LearnedRule {
				// The span tagger is measured on real machine
				// translation (EVALUATION.md), not on fixtures the
				// authors wrote: its passages are tallied apart.
				cat = learnedCategory
			}
			key := name + "\t" + cat
			tl := e.tally(cat)
			tl.predicted++
			hitAny := false
			for i, s := range spans[key] {
				if s.Overlaps(segment.Span{Start: p.Span.Start, End: p.Span.End}) {
					hitAny = true
					if found[key] == nil {
						found[key] = make([]bool, len(spans[key]))
					}
					found[key][i] = true
				}
			}
			if hitAny {
				tl.correct++
			} else {
				e.falses = append(e.falses, name+" "+p.Rule+" "+strconvQuote(p.Text))
			}
		}
		for _, key := range slices.Sorted(maps.Keys(spans)) {
			if !strings.HasPrefix(key, name+"\t") {
				continue
			}
			cat := strings.TrimPrefix(key, name+"\t")
			for i, s := range spans[key] {
				e.tally(cat).labels++
				if found[key] != nil && found[key][i] {
					e.tally(cat).found++
				} else {
					e.misses = append(e.misses, name+" "+cat+" "+strconvQuote(docs[name][s.Start:s.End]))
				}
			}
		}
	}
	return e
}

// learnedCategory is the tally of the span tagger's passages.
const learnedCategory = "learned"

func strconvQuote(s string) string { return "“" + s + "”" }

// log writes the misses, false positives and per-category figures.
func (e *evaluation) log(t *testing.T) {
	for _, m := range e.misses {
		t.Logf("missed %s", m)
	}
	for _, f := range e.falses {
		t.Logf("false positive %s", f)
	}
	for _, c := range slices.Sorted(maps.Keys(e.tallies)) {
		tl := e.tallies[c]
		t.Logf("%-12s precision %.2f (%d/%d)  recall %.2f (%d/%d)", c,
			tl.precision(), tl.correct, tl.predicted, tl.recall(), tl.found, tl.labels)
	}
}

// TestEvaluation runs Analyze on the annotated documents and reports
// precision and recall per category. Garbled passages must reach 0.8 recall
// and 0.7 precision.
func TestEvaluation(t *testing.T) {
	e := evaluate(t, detector(t), evalDocs(t), readLabels(t, filepath.Join("testdata", "eval_labels.tsv")))
	e.log(t)
	g := e.tally(Garbled)
	require.GreaterOrEqual(t, g.recall(), 0.8, "garbled recall")
	require.GreaterOrEqual(t, g.precision(), 0.7, "garbled precision")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
