package mtmodel

import (
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// sourceModel is the source-language head: multinomial logistic regression
// over the same hashed features, folded to 2^FoldBits positions, one int8
// weight row per language, read in place.
type sourceModel struct {
	head struct {
		FoldBits  int       `json:"foldBits"`
		Classes   []string  `json:"classes"`
		Bias      []float64 `json:"bias"`
		Scale     float64   `json:"scale"`
		Threshold float64   `json:"threshold"`
	}
	weights []byte // len(Classes) rows of 2^FoldBits int8
}

//go:embed data/source.bin
var sourceData []byte

func loadSource(b []byte) (*sourceModel, error) {
	if len(b) < 12 || string(b[:4]) != "TCSL" {
		return nil, errors.New("mtmodel: not a source-language model (bad magic)")
	}
	if v := binary.LittleEndian.Uint32(b[4:]); v != 1 {
		return nil, fmt.Errorf("mtmodel: source-language model version %d, want 1", v)
	}
	n := int(binary.LittleEndian.Uint32(b[8:]))
	if 12+n > len(b) {
		return nil, errors.New("mtmodel: source-language model truncated")
	}
	s := &sourceModel{}
	if err := json.Unmarshal(b[12:12+n], &s.head); err != nil {
		return nil, fmt.Errorf("mtmodel: source-language model header: %w", err)
	}
	k := len(s.head.Classes)
	if k < 2 || len(s.head.Bias) != k || s.head.FoldBits < 1 || s.head.FoldBits > HashBits {
		return nil, errors.New("mtmodel: source-language model header is inconsistent")
	}
	off := 12 + n + (-n)&3
	if len(b)-off != k<<s.head.FoldBits {
		return nil, fmt.Errorf("mtmodel: source-language model has %d weight bytes, want %d", len(b)-off, k<<s.head.FoldBits)
	}
	s.weights = b[off:]
	return s, nil
}

// scores adds one sentence's features to per-language sums.
func (s *sourceModel) add(sums []float64, f Features) {
	mask := uint32(1)<<s.head.FoldBits - 1
	row := 1 << s.head.FoldBits
	for _, h := range f.Sparse {
		h &= mask
		for c := range sums {
			sums[c] += float64(int8(s.weights[c*row+int(h)]))
		}
	}
}

// decide turns the sums over n sentences into the likeliest language and
// its probability; the language is "" below the threshold chosen on dev.
func (s *sourceModel) decide(sums []float64, n int) (string, float64) {
	if n == 0 {
		return "", 0
	}
	best, mx := 0, math.Inf(-1)
	z := make([]float64, len(sums))
	for c := range sums {
		z[c] = sums[c]*s.head.Scale/float64(n) + s.head.Bias[c]
		if z[c] > mx {
			best, mx = c, z[c]
		}
	}
	var total float64
	for c := range z {
		total += math.Exp(z[c] - mx)
	}
	p := 1 / total
	if p < s.head.Threshold {
		return "", p
	}
	return s.head.Classes[best], p
}
