package mtmodel

import (
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sync"
)

// Model is the machine-translation classifier: logistic regression weights
// (int8, read in place), the dense features' standardization, and the Platt
// calibrations and verdict thresholds chosen on the dev split.
// A Model is immutable and safe for concurrent use.
type Model struct {
	x       *Extractor
	weights []byte // int8, 2^HashBits
	head    header
	source  *sourceModel
}

type header struct {
	HashBits    int               `json:"hashBits"`
	DenseMean   [NumDense]float64 `json:"denseMean"`
	DenseStd    [NumDense]float64 `json:"denseStd"`
	DenseWeight [NumDense]float64 `json:"denseWeight"`
	// DenseQuad weighs the square of each standardized dense statistic,
	// so that a statistic can lean machine at both ends (fluent output is
	// more predictable than human prose, word salad much less). Zero in
	// models without it.
	DenseQuad        [NumDense]float64 `json:"denseQuad"`
	Bias             float64           `json:"bias"`
	Scale            float64           `json:"scale"`
	SentenceA        float64           `json:"sentenceA"`
	SentenceB        float64           `json:"sentenceB"`
	DocumentA        float64           `json:"documentA"`
	DocumentB        float64           `json:"documentB"`
	MachineThreshold float64           `json:"machineThreshold"`
	HumanThreshold   float64           `json:"humanThreshold"`
	Shrink           float64           `json:"shrink"`
}

//go:embed data/model.bin
var modelData []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	x, err := NewExtractor()
	if err != nil {
		return nil, err
	}
	m, err := Load(modelData, x)
	if err != nil {
		return nil, err
	}
	if m.source, err = loadSource(sourceData); err != nil {
		return nil, err
	}
	return m, nil
})

// Default returns the embedded model. It is safe for concurrent use; the
// first call reads the model's small header (the weights are used in place).
func Default() (*Model, error) { return defaultModel() }

// Load reads a model written by train/train.py from b, keeping references
// into b, and takes features with x.
func Load(b []byte, x *Extractor) (*Model, error) {
	if len(b) < 12 || string(b[:4]) != "TCMT" {
		return nil, errors.New("mtmodel: not a model (bad magic)")
	}
	if v := binary.LittleEndian.Uint32(b[4:]); v != 1 {
		return nil, fmt.Errorf("mtmodel: model version %d, want 1", v)
	}
	n := int(binary.LittleEndian.Uint32(b[8:]))
	if 12+n > len(b) {
		return nil, errors.New("mtmodel: model truncated")
	}
	m := &Model{x: x}
	if err := json.Unmarshal(b[12:12+n], &m.head); err != nil {
		return nil, fmt.Errorf("mtmodel: model header: %w", err)
	}
	if m.head.HashBits != HashBits {
		return nil, fmt.Errorf("mtmodel: model has %d hash bits, want %d", m.head.HashBits, HashBits)
	}
	off := 12 + n + (-n)&3
	if len(b)-off != 1<<HashBits {
		return nil, fmt.Errorf("mtmodel: %d weight bytes, want %d", len(b)-off, 1<<HashBits)
	}
	m.weights = b[off:]
	return m, nil
}

// Margin is the classifier's raw score of one sentence's features: positive
// leans machine. A document is scored by the sum of its sentences' margins.
func (m *Model) Margin(f Features) float64 {
	s := m.head.Bias
	for _, h := range f.Sparse {
		s += float64(int8(m.weights[h])) * m.head.Scale
	}
	for i, v := range f.Dense {
		z := (v - m.head.DenseMean[i]) / m.head.DenseStd[i]
		z = math.Min(math.Max(z, -5), 5)
		s += z*m.head.DenseWeight[i] + z*z*m.head.DenseQuad[i]
	}
	return s
}

// SentenceMargin is Margin of the sentence's features.
func (m *Model) SentenceMargin(text string) float64 { return m.Margin(m.x.Sentence(text)) }

// SentenceProbability turns a sentence margin into the calibrated
// probability that the sentence is machine-translated.
func (m *Model) SentenceProbability(margin float64) float64 {
	return sigmoid(m.head.SentenceA*margin + m.head.SentenceB)
}

// DocumentProbability turns the sum of a document's n sentence margins into
// the calibrated probability that it is machine-translated. The sum is
// divided by n plus a few pseudo-sentences of no evidence, so that a short
// text stays near the prior where a long one can be called.
func (m *Model) DocumentProbability(sum float64, n int) float64 {
	return sigmoid(m.head.DocumentA*sum/(float64(n)+m.head.Shrink) + m.head.DocumentB)
}

// Result is what the model says of one document.
type Result struct {
	// Probability is the calibrated probability that the document is
	// machine-translated.
	Probability float64
	// Sentences are each sentence's calibrated probability, judged alone.
	Sentences []float64
	// Source is the language a translation most likely came from (ISO
	// 639-1), or "" when the model is unsure or has no source-language
	// head; SourceProbability is its probability.
	Source            string
	SourceProbability float64
}

// Analyze scores a document given as its sentences' texts. A document
// without sentences gets probability 0.5 (no evidence).
func (m *Model) Analyze(sentences []string) Result {
	r := Result{Probability: 0.5}
	if len(sentences) == 0 {
		return r
	}
	r.Sentences = make([]float64, len(sentences))
	var sums []float64
	if m.source != nil {
		sums = make([]float64, len(m.source.head.Classes))
	}
	sum := 0.0
	for i, s := range sentences {
		f := m.x.Sentence(s)
		mg := m.Margin(f)
		sum += mg
		r.Sentences[i] = m.SentenceProbability(mg)
		if m.source != nil {
			m.source.add(sums, f)
		}
	}
	r.Probability = m.DocumentProbability(sum, len(sentences))
	if m.source != nil {
		r.Source, r.SourceProbability = m.source.decide(sums, len(sentences))
	}
	return r
}

// Document is Analyze's document and sentence probabilities.
func (m *Model) Document(sentences []string) (doc float64, perSentence []float64) {
	r := m.Analyze(sentences)
	return r.Probability, r.Sentences
}

// Thresholds are the document probabilities chosen on the dev split: at or
// above machine, the model finds a document machine-translated (no dev
// English original reaches it; lingua also wants the rules' corroboration
// before it says so); below human, it finds it human.
func (m *Model) Thresholds() (machine, human float64) {
	return m.head.MachineThreshold, m.head.HumanThreshold
}

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }
