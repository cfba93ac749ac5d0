package lingua

import (
	"bufio"
	"context"
	"fmt"
	"github.com/transcheck/transcheck/internal/rules"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/seeds"
)

// readFluencySet reads testdata/fluency/NAME: one sentence a line, "#"
// comments, an optional "source<TAB>" prefix.
func readFluencySet(t *testing.T, name string) (sents, sources []string) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "fluency", name))
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		src, s, ok := strings.Cut(l, "\t")
		if !ok {
			src, s = "", l
		}
		sents, sources = append(sents, s), append(sources, src)
	}
	require.NoError(t, sc.Err())
	return sents, sources
}

// auc is the probability that a random positive scores above a random
// negative (ties count half).
func auc(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return 0.5
	}
	var s float64
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				s++
			case p == n:
				s += 0.5
			}
		}
	}
	return s / float64(len(pos)*len(neg))
}

// sentenceScores scores each text's sentences of at least
// fluency.MinWords words.
func sentenceScores(m *fluency.Model, texts ...string) []fluency.Score {
	var out []fluency.Score
	for _, txt := range texts {
		doc := segment.Split(txt)
		for _, s := range doc.Sentences {
			if !s.Heading && len(s.Words()) >= fluency.MinWords {
				out = append(out, m.Sentence(s))
			}
		}
	}
	return out
}

func excessOf(sc []fluency.Score) []float64 {
	out := make([]float64, len(sc))
	for i, s := range sc {
		out[i] = s.Excess
	}
	return out
}

func flaggedShare(sc []fluency.Score) float64 {
	n := 0
	for _, s := range sc {
		if s.ExcessRank >= fluencyExcessRank || s.PeakRank >= fluencyPeakRank {
			n++
		}
	}
	return float64(n) / float64(len(sc))
}

// TestFluencyHeldOut measures the fluency model on held-out sentences
// written for this test (testdata/fluency), never used to build or tune it:
// fluent news-style English against literal Chinese→English and
// German→English translation. It also reports, without asserting a
// separation, the same figures on the seeds' sentences.
func TestFluencyHeldOut(t *testing.T) {
	m := detector(t).fluency
	fl, _ := readFluencySet(t, "fluent.txt")
	mt, src := readFluencySet(t, "mt.txt")
	require.GreaterOrEqual(t, len(fl), 40)
	require.GreaterOrEqual(t, len(mt), 40)
	var zh, de []string
	for i, s := range mt {
		switch src[i] {
		case "zh":
			zh = append(zh, s)
		case "de":
			de = append(de, s)
		default:
			t.Fatalf("mt.txt: sentence %d has source %q, want zh or de", i+1, src[i])
		}
	}
	flS, mtS := sentenceScores(m, fl...), sentenceScores(m, mt...)
	require.Len(t, flS, len(fl), "every held-out sentence is one sentence of six words or more")
	require.Len(t, mtS, len(mt))
	a := auc(excessOf(mtS), excessOf(flS))
	t.Logf("held-out: AUC %.3f (zh %.3f, de %.3f); median Excess fluent %.2f, literal %.2f; flagged fluent %.2f, literal %.2f",
		a, auc(excessOf(sentenceScores(m, zh...)), excessOf(flS)), auc(excessOf(sentenceScores(m, de...)), excessOf(flS)),
		median(excessOf(flS)), median(excessOf(mtS)), flaggedShare(flS), flaggedShare(mtS))
	assert.GreaterOrEqual(t, a, 0.7, "held-out AUC")
	assert.Less(t, median(excessOf(flS)), median(excessOf(mtS)))
	assert.LessOrEqual(t, flaggedShare(flS), 0.1, "fluent sentences flagged")
	assert.Greater(t, flaggedShare(mtS), 2*flaggedShare(flS), "literal sentences flagged")

	// The seeds: 000 and 002 are machine translations, the rest human.
	var human, machine []fluency.Score
	for _, s := range seeds.All() {
		sc := sentenceScores(m, string(s.Data))
		switch filepath.Base(s.Path)[:3] {
		case "000", "002":
			machine = append(machine, sc...)
		default:
			human = append(human, sc...)
		}
	}
	t.Logf("seeds' sentences: AUC %.3f; median Excess human %.2f, machine %.2f; flagged human %.2f, machine %.2f",
		auc(excessOf(machine), excessOf(human)), median(excessOf(human)), median(excessOf(machine)),
		flaggedShare(human), flaggedShare(machine))
}

// TestFluencySeeds checks what the fluency signal does on the seeds: it is
// reported with weight 0, the human seeds stay human, and it adds no
// passage of its own.
func TestFluencySeeds(t *testing.T) {
	d := detector(t)
	for _, tc := range []struct {
		seed, verdict string
	}{
		{"000", Machine}, {"001", Human}, {"002", Machine}, {"003", Human}, {"004", Human},
	} {
		t.Run(tc.seed, func(t *testing.T) {
			s, ok := seeds.Get(tc.seed)
			require.True(t, ok)
			doc := segment.Split(string(s.Data))
			a, err := d.Analyze(context.Background(), doc)
			require.NoError(t, err)
			assert.Equal(t, tc.verdict, a.Verdict)
			assert.Greater(t, a.Fluency.Sentences, 10)
			assert.InDelta(t, float64(a.Fluency.Disfluent)/float64(a.Fluency.Sentences), a.Fluency.Fraction, 1e-9)
			assert.Less(t, a.Fluency.Excess, -0.5, "median Excess of news prose")
			for _, sig := range a.Signals {
				if sig.Name == "fluency" {
					assert.Zero(t, sig.Weight)
					assert.Equal(t, a.Fluency.Disfluent, sig.Count)
				}
			}
			for _, p := range a.Passages {
				assert.NotEqual(t, "garbled/fluency", p.Rule, "fluency makes no passage of its own")
			}
			t.Logf("%s: %+v", tc.seed, a.Fluency)
		})
	}
}

func TestFluencyHits(t *testing.T) {
	m := detector(t).fluency
	for _, tc := range []struct {
		name      string
		text      string
		sentences int
		disfluent int
	}{
		{"fluent news", "The council voted on Tuesday to delay the decision until after the summer. " +
			"Officials said the fire had been brought under control by early morning.", 2, 0},
		{"word salad", "Of the and decision to council the voted Tuesday delay on until the. " +
			"Said had officials been fire the by brought control under morning early.", 2, 2},
		{"heading and short sentences are not scored", "Storm hits coast\n\nIt rained. Then it stopped.", 0, 0},
		{"run-together extraction debris is not scored", "Why the pension reform stalled in the senateAnalysis The labour minister resigned on the same day.", 0, 0},
		{"empty", "", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := segment.Split(tc.text)
			f, hits := fluencyHits(doc, m, nil)
			assert.Equal(t, tc.sentences, f.Sentences)
			assert.Equal(t, tc.disfluent, f.Disfluent)
			require.Len(t, hits, tc.disfluent)
			for _, h := range hits {
				assert.True(t, h.signalOnly)
				assert.Equal(t, "fluency", h.signal)
				assert.True(t, h.span.Start >= 0 && h.span.End <= len(tc.text) && h.span.Start < h.span.End)
			}
		})
	}
}

func TestFluencySkipsBoilerplate(t *testing.T) {
	m := detector(t).fluency
	text := "Of the and decision to council the voted Tuesday delay on until the."
	doc := segment.Split(text)
	f, _ := fluencyHits(doc, m, nil)
	require.Equal(t, 1, f.Sentences)
	skip := []hit{{rule: rules.BoilerplatePageChrome, span: segment.Span{Start: 0, End: 2}}}
	f, hits := fluencyHits(doc, m, skip)
	assert.Zero(t, f.Sentences)
	assert.Empty(t, hits)
}

func TestRunTogether(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Why the pension reform stalled in the senateAnalysis The labour minister resigned", true},
		{"Will the trade deal survive the summer?Opinion Our columnist weighs in", true},
		{"He bought a PlayStation and an iPhone at McDonald's.", true}, // a known cost: such sentences go unscored
		{"He watched YouTube and ate at McDonald's.", false},
		{"Is it over? Nobody knows.", false},
		{"The U.S. Army said so.", false},
	} {
		doc := segment.Split(tc.text)
		require.NotEmpty(t, doc.Sentences)
		assert.Equal(t, tc.want, runTogether(doc.Sentences[0]), tc.text)
	}
}

func TestShare(t *testing.T) {
	for _, tc := range []struct {
		rank float64
		want string
	}{{0.95, "95.0 %"}, {0.9987, "99.9 %"}, {0.999, "over 99.9 %"}, {1, "over 99.9 %"}} {
		assert.Equal(t, tc.want, share(tc.rank))
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
	}{
		{[]float64{3}, 3}, {[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5},
	} {
		assert.InDelta(t, tc.want, median(tc.in), 1e-12)
	}
}

func ExampleFluency() {
	d, err := New(Options{LowAccuracy: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "The council voted on Tuesday to delay the decision until after the summer. " +
		"The police said that the man the woman before the house with a knife threatened had. " +
		"Officials said the fire had been brought under control by early morning."
	a, err := d.Analyze(context.Background(), segment.Split(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d of %d sentences read as unusual for edited English\n", a.Fluency.Disfluent, a.Fluency.Sentences)
	// Output:
	// 1 of 3 sentences read as unusual for edited English
}
