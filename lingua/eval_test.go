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

// label is one annotated passage of testdata/eval_labels.tsv.
type label struct {
	doc, category, quote string
}

func readLabels(t *testing.T) []label {
	f, err := os.Open(filepath.Join("testdata", "eval_labels.tsv"))
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
		require.Len(t, parts, 3, "eval_labels.tsv: line %d", n)
		out = append(out, label{parts[0], parts[1], parts[2]})
	}
	require.NoError(t, sc.Err())
	return out
}

// evalDocs returns every evaluated document by name: the seeds by prefix and
// the files under testdata/eval.
func evalDocs(t *testing.T) map[string]string {
	docs := map[string]string{}
	for _, s := range seeds.All() {
		docs[filepath.Base(s.Path)[:3]] = string(s.Data)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "eval", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		docs[filepath.Base(f)] = string(b)
	}
	return docs
}

type tally struct{ labels, found, predicted, correct int }

// TestEvaluation runs Analyze on the annotated documents and reports
// precision and recall per category. A label is found when a passage of its
// category overlaps it; a passage is correct when it overlaps a label of its
// category. Garbled passages must reach 0.8 recall and 0.7 precision.
func TestEvaluation(t *testing.T) {
	d := detector(t)
	docs := evalDocs(t)
	labels := readLabels(t)
	spans := map[string][]segment.Span{} // doc+category → labelled spans
	for _, l := range labels {
		text, ok := docs[l.doc]
		require.True(t, ok, "label for unknown doc %q", l.doc)
		i := strings.Index(text, l.quote)
		require.GreaterOrEqual(t, i, 0, "%s: quote %q not found", l.doc, l.quote)
		key := l.doc + "\t" + l.category
		spans[key] = append(spans[key], segment.Span{Start: i, End: i + len(l.quote)})
	}
	tallies := map[string]*tally{}
	get := func(c string) *tally {
		if tallies[c] == nil {
			tallies[c] = &tally{}
		}
		return tallies[c]
	}
	names := slices.Sorted(maps.Keys(docs))
	for _, name := range names {
		doc := segment.Split(docs[name])
		a, err := d.Analyze(context.Background(), doc)
		require.NoError(t, err)
		found := map[string][]bool{}
		for _, p := range a.Passages {
			key := name + "\t" + p.Category
			tl := get(p.Category)
			tl.predicted++
			hitAny := false
			for i, s := range spans[key] {
				if s.Overlaps(p.Span) {
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
				t.Logf("false positive %s %s %q", name, p.Rule, doc.Slice(p.Span))
			}
		}
		for key, ss := range spans {
			if !strings.HasPrefix(key, name+"\t") {
				continue
			}
			cat := strings.TrimPrefix(key, name+"\t")
			for i, s := range ss {
				get(cat).labels++
				if found[key] != nil && found[key][i] {
					get(cat).found++
				} else {
					t.Logf("missed %s %s %q", name, cat, docs[name][s.Start:s.End])
				}
			}
		}
	}
	for _, c := range slices.Sorted(maps.Keys(tallies)) {
		tl := tallies[c]
		t.Logf("%-12s precision %.2f (%d/%d)  recall %.2f (%d/%d)", c,
			ratio(tl.correct, tl.predicted), tl.correct, tl.predicted, ratio(tl.found, tl.labels), tl.found, tl.labels)
	}
	g := get(Garbled)
	require.GreaterOrEqual(t, ratio(g.found, g.labels), 0.8, "garbled recall")
	require.GreaterOrEqual(t, ratio(g.correct, g.predicted), 0.7, "garbled precision")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
