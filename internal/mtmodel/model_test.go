package mtmodel

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestLoadRejectsBadInput(t *testing.T) {
	x, err := NewExtractor()
	require.NoError(t, err)
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("XXXX\x01\x00\x00\x00\x02\x00\x00\x00{}"),
		"truncated": modelData[:100],
		"short":     modelData[:len(modelData)-1],
	} {
		_, err := Load(b, x)
		require.Error(t, err, name)
	}
}

func TestDocument(t *testing.T) {
	m, err := Default()
	require.NoError(t, err)
	p, per := m.Document(nil)
	require.Equal(t, 0.5, p)
	require.Empty(t, per)
	p, per = m.Document([]string{"The council approved the budget on Tuesday.", "It takes effect in January."})
	require.Len(t, per, 2)
	for _, v := range append(per, p) {
		require.True(t, v > 0 && v < 1, "probability %v", v)
	}
	// Typography does not reach the features.
	a := m.SentenceMargin("“It’s over,” she said — twice.")
	b := m.SentenceMargin("\"It's over,\" she said - twice.")
	require.Equal(t, a, b)
	machine, human := m.Thresholds()
	require.Less(t, human, machine)
}

// ciDoc is one document of the committed CI sample (see eval/main.go).
type ciDoc struct {
	Label     int    `json:"label"`
	Kind      string `json:"kind"`
	System    string `json:"system"`
	Sentences []struct {
		Sparse []uint32          `json:"h"`
		Dense  [NumDense]float32 `json:"d"`
	} `json:"sentences"`
}

// TestCISample scores the committed sample of test-split documents (their
// features only, no text; written by go run ./internal/mtmodel/eval -ci) and
// asserts floors on what the full evaluation measured on the whole test
// split (lingua/EVALUATION.md), a little below it for the sample's size.
func TestCISample(t *testing.T) {
	f, err := os.Open("testdata/ci-sample.jsonl.gz")
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	dec := json.NewDecoder(zr)
	m, err := Default()
	require.NoError(t, err)
	machine, _ := m.Thresholds()
	var pos, neg []float64
	origMachine, orig := 0, 0
	for {
		var d ciDoc
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else {
			require.NoError(t, err)
		}
		sum := 0.0
		for _, s := range d.Sentences {
			var ft Features
			ft.Sparse = s.Sparse
			for i, v := range s.Dense {
				ft.Dense[i] = float64(v)
			}
			sum += m.Margin(ft)
		}
		p := m.DocumentProbability(sum, len(d.Sentences))
		if d.Label == 1 {
			pos = append(pos, p)
		} else {
			neg = append(neg, p)
		}
		if d.Kind == "orig" {
			orig++
			if p >= machine {
				origMachine++
			}
		}
	}
	require.Len(t, pos, 80)
	require.Len(t, neg, 80)
	a := auc(pos, neg)
	t.Logf("CI sample: AUC %.3f, English originals called machine %d of %d", a, origMachine, orig)
	require.GreaterOrEqual(t, a, ciAUCFloor)
	require.LessOrEqual(t, origMachine, ciOriginalsMachineCeiling)
}

func auc(pos, neg []float64) float64 {
	sort.Float64s(neg)
	var s float64
	for _, p := range pos {
		lo := sort.SearchFloat64s(neg, p)
		hi := lo
		for hi < len(neg) && neg[hi] == p {
			hi++
		}
		s += float64(lo) + float64(hi-lo)/2
	}
	return s / float64(len(pos)*len(neg))
}

// TestConcurrentDocuments scores documents from several goroutines: a Model
// is safe for concurrent use (run with -race).
func TestConcurrentDocuments(t *testing.T) {
	m, err := Default()
	require.NoError(t, err)
	sents := []string{"The council approved the budget on Tuesday.", "It takes effect in January.", "Critics said it was too small."}
	want, wantPer := m.Document(sents)
	done := make(chan struct{})
	for range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 20 {
				p, per := m.Document(sents)
				if p != want || per[2] != wantPer[2] {
					t.Errorf("got %v, want %v", p, want)
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}

func FuzzSentence(f *testing.F) {
	f.Add("“Don’t,” she said — twice…")
	f.Add("Flights to Taibei were cancelled. 3.5% of U.S. firms")
	f.Add("")
	x, err := NewExtractor()
	require.NoError(f, err)
	m, err := Default()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, s string) {
		ft := x.Sentence(s)
		for _, h := range ft.Sparse {
			if h >= 1<<HashBits {
				t.Fatalf("feature %d out of range", h)
			}
		}
		p := m.SentenceProbability(m.Margin(ft))
		if !(p >= 0 && p <= 1) {
			t.Fatalf("probability %v for %q", p, s)
		}
	})
}

func TestSourceHead(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("XXXX\x01\x00\x00\x00\x02\x00\x00\x00{}"),
		"truncated": sourceData[:len(sourceData)-1],
	} {
		_, err := loadSource(b)
		require.Error(t, err, name)
	}
	s, err := loadSource(sourceData)
	require.NoError(t, err)
	require.Contains(t, s.head.Classes, "de")
	m, err := Default()
	require.NoError(t, err)
	r := m.Analyze([]string{"The council approved the budget on Tuesday.", "It takes effect in January.", "Critics said it was too small."})
	require.Len(t, r.Sentences, 3)
	require.True(t, r.SourceProbability > 0 && r.SourceProbability <= 1)
	if r.Source != "" {
		require.Contains(t, s.head.Classes, r.Source)
	}
	// Below the threshold no language is named.
	lang, p := s.decide(make([]float64, len(s.head.Classes)), 3)
	require.Equal(t, "", lang)
	require.Less(t, p, s.head.Threshold)
}
