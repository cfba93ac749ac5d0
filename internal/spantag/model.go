package spantag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// modelMagic starts a model file.
const modelMagic = "SPANTAG1"

// Model holds the weights of the logistic regression over hashed token
// features, and the Platt scaling that turns its score into a probability,
// read in place from the file's bytes.
type Model struct {
	weights []byte // float32, little endian, 1<<FeatureBits of them
	a, b    float64
}

// ReadModel reads a model written by train/train.py from b, which it keeps
// and must not be modified afterwards.
func ReadModel(b []byte) (*Model, error) {
	const header = 8 + 4 + 4 + 4
	if len(b) < header || string(b[:8]) != modelMagic {
		return nil, errors.New("read model: not a span tagger model")
	}
	if fb := binary.LittleEndian.Uint32(b[8:]); fb != FeatureBits {
		return nil, fmt.Errorf("read model: %d feature bits, want %d", fb, FeatureBits)
	}
	if len(b) != header+4<<FeatureBits {
		return nil, fmt.Errorf("read model: %d bytes, want %d", len(b), header+4<<FeatureBits)
	}
	return &Model{
		weights: b[header:],
		a:       float64(math.Float32frombits(binary.LittleEndian.Uint32(b[12:]))),
		b:       float64(math.Float32frombits(binary.LittleEndian.Uint32(b[16:]))),
	}, nil
}

// Score is the model's raw score for one token's features: the sum of
// their weights, each feature counted once.
func (m *Model) Score(feats []uint32) float64 {
	var z float64
	for k, f := range feats {
		if dup(feats[:k], f) {
			continue
		}
		z += float64(math.Float32frombits(binary.LittleEndian.Uint32(m.weights[4*f:])))
	}
	return z
}

// Probability maps a raw score to the calibrated probability that the
// token lies in a major error span.
func (m *Model) Probability(z float64) float64 {
	return 1 / (1 + math.Exp(-(m.a*z + m.b)))
}

// dup reports whether f occurs in prev (a token has about twenty features,
// so a linear scan is cheaper than a set).
func dup(prev []uint32, f uint32) bool {
	for _, p := range prev {
		if p == f {
			return true
		}
	}
	return false
}
