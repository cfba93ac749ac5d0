package lm

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
)

// TrainOptions set how Train counts and prunes. The zero value keeps
// every word seen twice or more and every bigram and trigram.
type TrainOptions struct {
	// MinWordCount is how often a word must occur to enter the vocabulary;
	// rarer words become Unk. Zero means 2.
	MinWordCount int
	// MinBigramCount and MinTrigramCount drop n-grams seen fewer times
	// (pruning); back-off weights are recomputed so that each context's
	// distribution still sums to one. Zero keeps all.
	MinBigramCount, MinTrigramCount int
}

type ctxStat struct {
	total      float64
	n          [4]float64 // context's n-grams by adjusted count 1, 2, 3+
	keptP      float64    // Σ p(w|h) over kept n-grams
	keptLower  float64    // Σ p(w|h') over the same w
	gamma, bow float64
}

// Train estimates an interpolated modified Kneser-Ney trigram model from
// tokenized sentences (each without boundary symbols; Train adds BOS and
// EOS), prunes it as opt says and returns its serialized form for Load.
func Train(sentences [][]string, opt TrainOptions) ([]byte, error) {
	if opt.MinWordCount == 0 {
		opt.MinWordCount = 2
	}
	// Vocabulary.
	freq := map[string]int{}
	for _, s := range sentences {
		for _, w := range s {
			freq[w]++
		}
	}
	ids := map[string]int32{BOS: 0, EOS: 1, Unk: 2}
	words := []string{BOS, EOS, Unk}
	for w, c := range freq {
		if c >= opt.MinWordCount {
			if _, ok := ids[w]; !ok {
				ids[w] = int32(len(words))
				words = append(words, w)
			}
		}
	}
	if len(words) >= 1<<21 {
		return nil, errors.New("lm: vocabulary over 2^21 words")
	}
	const bos, eos, unk = 0, 1, 2
	pack := func(a, b, c int32) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) }
	// Raw counts.
	c3 := map[uint64]float64{}
	c2raw := map[uint64]float64{}
	seq := make([]int32, 0, 64)
	for _, s := range sentences {
		seq = append(seq[:0], bos)
		for _, w := range s {
			id, ok := ids[w]
			if !ok {
				id = unk
			}
			seq = append(seq, id)
		}
		seq = append(seq, eos)
		for i := 1; i < len(seq); i++ {
			c2raw[pack(0, seq[i-1], seq[i])]++
			if i >= 2 {
				c3[pack(seq[i-2], seq[i-1], seq[i])]++
			}
		}
	}
	if len(c3) == 0 {
		return nil, errors.New("lm: no trigrams to train on")
	}
	// Adjusted (continuation) counts for lower orders; n-grams that start
	// with BOS keep their raw counts, since nothing precedes BOS.
	c2 := map[uint64]float64{}
	for k := range c3 {
		c2[k&(1<<42-1)]++
	}
	for k, c := range c2raw {
		if int32(k>>21&(1<<21-1)) == bos {
			c2[k] = c
		}
	}
	c1 := make([]float64, len(words))
	for k := range c2 {
		c1[k&(1<<21-1)]++
	}
	d3, d2, d1 := discounts(c3), discounts(c2), discounts1(c1)
	// Unigrams, interpolated with the uniform distribution.
	var total1, disc1 float64
	for i, c := range c1 {
		if i == bos {
			continue
		}
		total1 += c
		disc1 += d1[bucket(c)]
	}
	p1 := make([]float64, len(words))
	for i, c := range c1 {
		if i == bos {
			continue
		}
		p1[i] = (math.Max(c-d1[bucket(c)], 0) + disc1/float64(len(words)-1)) / total1
	}
	// Bigram contexts.
	ctx2 := map[int32]*ctxStat{}
	for k, c := range c2 {
		v := int32(k >> 21 & (1<<21 - 1))
		st := ctx2[v]
		if st == nil {
			st = &ctxStat{}
			ctx2[v] = st
		}
		st.total += c
		st.n[bucket(c)]++
	}
	for _, st := range ctx2 {
		st.gamma = (d2[1]*st.n[1] + d2[2]*st.n[2] + d2[3]*st.n[3]) / st.total
	}
	p2 := func(v, w int32) float64 {
		st := ctx2[v]
		if st == nil {
			return p1[w]
		}
		c := c2[pack(0, v, w)]
		return math.Max(c-d2[bucket(c)], 0)/st.total + st.gamma*p1[w]
	}
	// Trigram contexts.
	ctx3 := map[uint64]*ctxStat{}
	for k, c := range c3 {
		h := k >> 21
		st := ctx3[h]
		if st == nil {
			st = &ctxStat{}
			ctx3[h] = st
		}
		st.total += c
		st.n[bucket(c)]++
	}
	for _, st := range ctx3 {
		st.gamma = (d3[1]*st.n[1] + d3[2]*st.n[2] + d3[3]*st.n[3]) / st.total
	}
	// Pruning: keep trigrams by raw count; keep bigrams by raw count and
	// every bigram that is the context of a kept trigram.
	keep3 := map[uint64]float64{}
	for k, c := range c3 {
		if c >= float64(opt.MinTrigramCount) {
			u, v, w := int32(k>>42), int32(k>>21&(1<<21-1)), int32(k&(1<<21-1))
			st := ctx3[k>>21]
			p := math.Max(c-d3[bucket(c)], 0)/st.total + st.gamma*p2(v, w)
			keep3[k] = p
			_ = u
		}
	}
	keep2 := map[uint64]float64{}
	for k := range c2 {
		if c2raw[k] >= float64(opt.MinBigramCount) {
			keep2[k] = p2(int32(k>>21&(1<<21-1)), int32(k&(1<<21-1)))
		}
	}
	for k := range keep3 {
		h := k >> 21
		if _, ok := keep2[h]; !ok {
			keep2[h] = p2(int32(h>>21), int32(h&(1<<21-1)))
		}
	}
	// Back-off weights of the pruned model: bigram contexts first.
	for k, p := range keep2 {
		v, w := int32(k>>21&(1<<21-1)), int32(k&(1<<21-1))
		if st := ctx2[v]; st != nil {
			st.keptP += p
			st.keptLower += p1[w]
		}
	}
	bow1 := make([]float64, len(words))
	for v, st := range ctx2 {
		bow1[v] = backoffWeight(st)
	}
	p2pruned := func(v, w int32) float64 {
		if p, ok := keep2[pack(0, v, w)]; ok {
			return p
		}
		return bow1[v] * p1[w]
	}
	for k, p := range keep3 {
		v, w := int32(k>>21&(1<<21-1)), int32(k&(1<<21-1))
		st := ctx3[k>>21]
		st.keptP += p
		st.keptLower += p2pruned(v, w)
	}
	bow2 := map[uint64]float64{}
	for h, st := range ctx3 {
		if st.keptP > 0 {
			bow2[h] = backoffWeight(st)
		}
	}
	// Serialize with hashed keys.
	hs := make([]uint64, len(words))
	for i, w := range words {
		hs[i] = wordHash(w)
	}
	var e [order][]entry
	for i, p := range p1 {
		b := bow1[i]
		if i == bos {
			p = 1e-99
		}
		if b == 0 {
			b = 1
		}
		e[0] = append(e[0], entry{key1(hs[i]), log10(p), math.Log10(b)})
	}
	for k, p := range keep2 {
		v, w := int32(k>>21&(1<<21-1)), int32(k&(1<<21-1))
		b, ok := bow2[k]
		if !ok {
			b = 1
		}
		e[1] = append(e[1], entry{key(chain(ctx(hs[v]), hs[w])), log10(p), math.Log10(b)})
	}
	for k, p := range keep3 {
		u, v, w := int32(k>>42), int32(k>>21&(1<<21-1)), int32(k&(1<<21-1))
		e[2] = append(e[2], entry{key(chain(chain(ctx(hs[u]), hs[v]), hs[w])), log10(p), 0})
	}
	return serialize(e)
}

type entry struct {
	key       uint32
	prob, bow float64
}

func log10(p float64) float64 { return math.Max(math.Log10(p), -99) }

// backoffWeight is the mass a context leaves to the lower order after
// pruning, over the mass the lower order gives the words left out.
func backoffWeight(st *ctxStat) float64 {
	num, den := 1-st.keptP, 1-st.keptLower
	if num <= 0 || den <= 0 {
		return st.gamma
	}
	return num / den
}

func bucket(c float64) int {
	switch {
	case c >= 3:
		return 3
	case c >= 2:
		return 2
	case c >= 1:
		return 1
	}
	return 0
}

// discounts are modified Kneser-Ney's D1, D2, D3+ from counts of counts.
func discounts(c map[uint64]float64) [4]float64 {
	var n [5]float64
	for _, v := range c {
		if v >= 1 && v <= 4 {
			n[int(v)]++
		}
	}
	return discountsFrom(n)
}

func discounts1(c []float64) [4]float64 {
	var n [5]float64
	for _, v := range c {
		if v >= 1 && v <= 4 {
			n[int(v)]++
		}
	}
	return discountsFrom(n)
}

func discountsFrom(n [5]float64) [4]float64 {
	if n[1] == 0 || n[2] == 0 || n[3] == 0 || n[4] == 0 {
		return [4]float64{0, 0.5, 1, 1.5}
	}
	y := n[1] / (n[1] + 2*n[2])
	d := [4]float64{0, 1 - 2*y*n[2]/n[1], 2 - 3*y*n[3]/n[2], 3 - 4*y*n[4]/n[3]}
	for i := 1; i < 4; i++ {
		d[i] = math.Min(math.Max(d[i], 0.05), float64(i))
	}
	return d
}

func serialize(e [order][]entry) ([]byte, error) {
	probMin, bowMin, bowMax := 0.0, 0.0, 0.0
	for i := range e {
		sort.Slice(e[i], func(a, b int) bool {
			x, y := e[i][a], e[i][b]
			if x.key != y.key {
				return x.key < y.key
			}
			return x.prob > y.prob || x.prob == y.prob && x.bow < y.bow
		})
		// Drop keys that collide within an order, keeping the likeliest.
		out := e[i][:0]
		for j, x := range e[i] {
			if j > 0 && x.key == e[i][j-1].key {
				continue
			}
			out = append(out, x)
		}
		e[i] = out
		for _, x := range e[i] {
			if x.prob > -99 {
				probMin = math.Min(probMin, x.prob)
			}
			bowMin, bowMax = math.Min(bowMin, x.bow), math.Max(bowMax, x.bow)
		}
	}
	probMin = math.Max(probMin, -10)
	probStep := -probMin / 255
	bowStep := (bowMax - bowMin) / 255
	if bowStep == 0 {
		bowStep = 1
	}
	q := func(x, lo, step float64) byte {
		v := math.Round((x - lo) / step)
		return byte(math.Min(math.Max(v, 0), 255))
	}
	buf := make([]byte, 0, 1<<20)
	le := binary.LittleEndian
	buf = append(buf, magic...)
	buf = le.AppendUint32(buf, version)
	buf = le.AppendUint32(buf, order)
	for i := range e {
		buf = le.AppendUint32(buf, uint32(len(e[i])))
	}
	for _, f := range []float64{probMin, probStep, bowMin, bowStep} {
		buf = le.AppendUint32(buf, math.Float32bits(float32(f)))
	}
	pad := func() {
		for len(buf)%4 != 0 {
			buf = append(buf, 0)
		}
	}
	for i := range e {
		idx := make([]uint32, buckets+1)
		for _, x := range e[i] {
			idx[(x.key>>(32-bucketBits))+1]++
		}
		for b := 1; b <= buckets; b++ {
			idx[b] += idx[b-1]
		}
		for _, v := range idx {
			buf = le.AppendUint32(buf, v)
		}
		for _, x := range e[i] {
			buf = le.AppendUint32(buf, x.key)
		}
		for _, x := range e[i] {
			buf = append(buf, q(x.prob, probMin, probStep))
		}
		pad()
		if i < order-1 {
			for _, x := range e[i] {
				buf = append(buf, q(x.bow, bowMin, bowStep))
			}
			pad()
		}
	}
	if len(buf) > math.MaxUint32 {
		return nil, fmt.Errorf("lm: model of %d bytes too large", len(buf))
	}
	return buf, nil
}
