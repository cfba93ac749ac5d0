package lm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// Sentence boundary and unknown-word symbols of the model's vocabulary.
const (
	BOS = "<s>"
	EOS = "</s>"
	Unk = "<unk>"
)

const (
	magic      = "TCLM"
	version    = 1
	order      = 3
	bucketBits = 16
	buckets    = 1 << bucketBits
	headerSize = 4 + 4 + 4 + 3*4 + 4*4
)

// Model is a back-off trigram language model (interpolated modified
// Kneser-Ney, pruned and quantized) read in place from its serialized
// bytes: Load keeps slices of the given buffer and decodes nothing else, so
// a model embedded in the binary costs no start-up time.
//
// A Model is immutable and safe for concurrent use.
type Model struct {
	tables   [order]table
	probMin  float64
	probStep float64
	bowMin   float64
	bowStep  float64
	unk      uint64 // word hash of Unk
	bos      uint64 // word hash of BOS
}

// table holds the n-grams of one order: bucket start positions indexed by
// the top bits of the key, the sorted 32-bit keys, a quantized log10
// probability per key and, below the highest order, a quantized log10
// back-off weight.
type table struct {
	index []byte // (buckets+1) uint32
	keys  []byte // n uint32, sorted
	probs []byte // n uint8
	bows  []byte // n uint8, empty for the highest order
	n     int
}

// Load reads a model from b, as written by the generator in gen/. It keeps
// references into b, which must not change afterwards.
func Load(b []byte) (*Model, error) {
	if len(b) < headerSize || string(b[:4]) != magic {
		return nil, errors.New("lm: not a model (bad magic)")
	}
	if v := binary.LittleEndian.Uint32(b[4:]); v != version {
		return nil, fmt.Errorf("lm: model version %d, want %d", v, version)
	}
	if o := binary.LittleEndian.Uint32(b[8:]); o != order {
		return nil, fmt.Errorf("lm: model order %d, want %d", o, order)
	}
	m := &Model{unk: wordHash(Unk), bos: wordHash(BOS)}
	var counts [order]int
	for i := range counts {
		counts[i] = int(binary.LittleEndian.Uint32(b[12+4*i:]))
	}
	f := func(off int) float64 { return float64(math.Float32frombits(binary.LittleEndian.Uint32(b[off:]))) }
	m.probMin, m.probStep, m.bowMin, m.bowStep = f(24), f(28), f(32), f(36)
	off := headerSize
	take := func(n int) ([]byte, error) {
		if n < 0 || off+n > len(b) {
			return nil, errors.New("lm: model truncated")
		}
		s := b[off : off+n : off+n]
		off += n
		off = (off + 3) &^ 3
		return s, nil
	}
	for i := range m.tables {
		t := &m.tables[i]
		t.n = counts[i]
		var err error
		if t.index, err = take(4 * (buckets + 1)); err != nil {
			return nil, err
		}
		if t.keys, err = take(4 * t.n); err != nil {
			return nil, err
		}
		if t.probs, err = take(t.n); err != nil {
			return nil, err
		}
		if i < order-1 {
			if t.bows, err = take(t.n); err != nil {
				return nil, err
			}
		}
		// The bucket index must rise from 0 to n, so that find stays in range.
		prev := uint32(0)
		for k := 0; k <= buckets; k++ {
			v := binary.LittleEndian.Uint32(t.index[4*k:])
			if v < prev || v > uint32(t.n) || k == 0 && v != 0 {
				return nil, fmt.Errorf("lm: order %d index is damaged at bucket %d", i+1, k)
			}
			prev = v
		}
		if prev != uint32(t.n) {
			return nil, fmt.Errorf("lm: order %d index does not match its %d keys", i+1, t.n)
		}
	}
	if off != len(b) {
		return nil, fmt.Errorf("lm: %d trailing bytes", len(b)-off)
	}
	return m, nil
}

// find returns the position of key in t, or -1.
func (t *table) find(key uint32) int {
	bk := key >> (32 - bucketBits)
	lo := int(binary.LittleEndian.Uint32(t.index[4*bk:]))
	hi := int(binary.LittleEndian.Uint32(t.index[4*bk+4:]))
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		k := binary.LittleEndian.Uint32(t.keys[4*mid:])
		switch {
		case k == key:
			return mid
		case k < key:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

func (m *Model) prob(t *table, i int) float64 { return m.probMin + float64(t.probs[i])*m.probStep }
func (m *Model) bow(t *table, i int) float64  { return m.bowMin + float64(t.bows[i])*m.bowStep }

// word maps a token to its hash, or to Unk's when the vocabulary lacks it.
func (m *Model) word(tok string) uint64 {
	h := wordHash(tok)
	if m.tables[0].find(key1(h)) < 0 {
		return m.unk
	}
	return h
}

// logProb10 is log10 p(w | u v); u is 0 when the history is only v.
func (m *Model) logProb10(u, v, w uint64) float64 {
	p, _ := m.score(u, v, w)
	return p
}

// score is log10 p(w | u v) and the order of the longest n-gram found.
func (m *Model) score(u, v, w uint64) (float64, int) {
	backoff := 0.0
	cv := ctx(v)
	if u != 0 {
		cuv := chain(ctx(u), v)
		if i := m.tables[2].find(key(chain(cuv, w))); i >= 0 {
			return m.prob(&m.tables[2], i), 3
		}
		if i := m.tables[1].find(key(cuv)); i >= 0 {
			backoff += m.bow(&m.tables[1], i)
		}
	}
	if i := m.tables[1].find(key(chain(cv, w))); i >= 0 {
		return backoff + m.prob(&m.tables[1], i), 2
	}
	if i := m.tables[0].find(key1(v)); i >= 0 {
		backoff += m.bow(&m.tables[0], i)
	}
	if i := m.tables[0].find(key1(w)); i >= 0 {
		return backoff + m.prob(&m.tables[0], i), 1
	}
	return backoff + m.probMin, 1
}

// Surprisal returns, for each token of one sentence, −log2 of its
// probability given the two tokens before it (the first token is conditioned
// on the sentence start). Tokens are expected in the form Words and Tokenize
// give (normalized, lower-cased, digits as 0); words outside the vocabulary
// count as Unk. The result has len(tokens) entries, in bits.
func (m *Model) Surprisal(tokens []string) []float64 {
	out := make([]float64, len(tokens))
	m.SurprisalInto(out, tokens)
	return out
}

// SurprisalInto is Surprisal writing into dst, which must have at least
// len(tokens) entries; it allocates nothing.
func (m *Model) SurprisalInto(dst []float64, tokens []string) {
	u, v := uint64(0), m.bos
	for i, t := range tokens {
		w := m.word(t)
		dst[i] = math.Max(0, -m.logProb10(u, v, w)*math.Log2(10))
		u, v = v, w
	}
}

// Orders returns, for each token of one sentence, the order of the longest
// n-gram of the model that ends at it: 3 when the token was seen after the
// two before it, 2 after the one before it, 1 when only the word itself is
// known, 0 when the word is outside the vocabulary. Edited English finds
// most of its tokens at order 2 or 3; word salad falls to 1.
func (m *Model) Orders(tokens []string) []int {
	out := make([]int, len(tokens))
	u, v := uint64(0), m.bos
	for i, t := range tokens {
		w := m.word(t)
		if w == m.unk {
			out[i] = 0
		} else {
			_, out[i] = m.score(u, v, w)
		}
		u, v = v, w
	}
	return out
}

// EndSurprisal returns −log2 of the probability that the sentence ends after
// tokens (that EOS follows), in bits.
func (m *Model) EndSurprisal(tokens []string) float64 {
	u, v := uint64(0), m.bos
	if n := len(tokens); n >= 2 {
		u, v = m.word(tokens[n-2]), m.word(tokens[n-1])
	} else if n == 1 {
		u, v = m.bos, m.word(tokens[0])
	}
	return math.Max(0, -m.logProb10(u, v, wordHash(EOS))*math.Log2(10))
}

// Known reports whether tok is in the model's vocabulary.
func (m *Model) Known(tok string) bool { return m.tables[0].find(key1(wordHash(tok))) >= 0 }

// Size returns the number of n-grams of each order the model stores.
func (m *Model) Size() [order]int {
	return [order]int{m.tables[0].n, m.tables[1].n, m.tables[2].n}
}

// wordHash is FNV-1a 64 of the token.
func wordHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	if h == 0 {
		h = 1
	}
	return h
}

// mix is the splitmix64 finalizer.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func ctx(w uint64) uint64      { return mix(w) }
func chain(c, w uint64) uint64 { return mix(c*0x9E3779B97F4A7C15 ^ w) }
func key(h uint64) uint32      { return uint32(h >> 32) }
func key1(w uint64) uint32     { return key(mix(w ^ 0x5bd1e995)) }
