package mtmodel

import (
	"math"
	"strconv"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/lm"
	"github.com/transcheck/transcheck/internal/segment"
)

// HashBits is the size of the hashed feature space: 2^HashBits weights.
const HashBits = 20

// NumDense is the number of dense (language-model) features of a sentence.
const NumDense = 12

// DenseNames name the dense features, in order.
var DenseNames = [NumDense]string{
	"lm mean surprisal", "lm surprisal sd", "lm max surprisal", "share of tokens over 12 bits",
	"share of unknown words", "log tokens", "lm end surprisal", "word-order excess (class model)",
	"word-order peak (class model)", "share of tokens found as trigrams",
	"share of tokens found as bigrams", "share of known tokens found only as unigrams",
}

// Features are what the classifier sees of one sentence: hashed n-grams of
// words and of word classes (their positions in the 2^HashBits weight
// table, each once) and the dense language-model statistics.
type Features struct {
	Sparse []uint32
	Dense  [NumDense]float64
}

// Extractor takes Features of sentences. Everything is taken after
// lm.Normalize, so quotes, dashes and spacing do not reach the classifier.
// An Extractor is safe for concurrent use.
type Extractor struct {
	lm      *lm.Model
	classes *fluency.Model
}

// NewExtractor returns an Extractor using the embedded English language
// model and the word-class model of package fluency.
func NewExtractor() (*Extractor, error) {
	l, err := lm.English()
	if err != nil {
		return nil, err
	}
	c, err := fluency.Default()
	if err != nil {
		return nil, err
	}
	return &Extractor{lm: l, classes: c}, nil
}

// Sentence returns the features of one sentence's text.
func (x *Extractor) Sentence(text string) Features {
	var f Features
	norm := lm.Normalize(text)
	words := lm.Words(norm)
	seen := make(map[uint32]struct{}, 4*len(words)+8)
	add := func(h uint32) {
		h &= 1<<HashBits - 1
		if _, ok := seen[h]; !ok {
			seen[h] = struct{}{}
			f.Sparse = append(f.Sparse, h)
		}
	}
	prev := lm.BOS
	for _, w := range words {
		add(hash('u', w, "", ""))
		add(hash('b', prev, w, ""))
		prev = w
	}
	if len(words) > 0 {
		add(hash('b', prev, lm.EOS, ""))
	}
	// Word-class n-grams: function words as themselves, other words as
	// their class (noun, verb form, name, number, ...).
	doc := segment.Split(norm)
	for _, s := range doc.Sentences {
		syms := x.classes.Symbols(s)
		a, b := "<s>", "<s>"
		for _, c := range append(syms, "</s>") {
			add(hash('c', b, c, ""))
			add(hash('t', a, b, c))
			a, b = b, c
		}
	}
	// Language-model statistics.
	if n := len(words); n > 0 {
		s := x.lm.Surprisal(words)
		var sum, sq, mx float64
		high, unk := 0, 0
		for i, v := range s {
			sum += v
			sq += v * v
			mx = math.Max(mx, v)
			if v >= 12 {
				high++
			}
			if !x.lm.Known(words[i]) {
				unk++
			}
		}
		mean := sum / float64(n)
		f.Dense[0] = mean
		f.Dense[1] = math.Sqrt(math.Max(sq/float64(n)-mean*mean, 0))
		f.Dense[2] = mx
		f.Dense[3] = float64(high) / float64(n)
		f.Dense[4] = float64(unk) / float64(n)
		f.Dense[5] = math.Log1p(float64(n))
		f.Dense[6] = x.lm.EndSurprisal(words)
		var byOrder [4]int
		for _, o := range x.lm.Orders(words) {
			byOrder[o]++
		}
		f.Dense[9] = float64(byOrder[3]) / float64(n)
		f.Dense[10] = float64(byOrder[2]) / float64(n)
		f.Dense[11] = float64(byOrder[1]) / float64(n)
		// The same statistics as bins (one-hot hashed features), so that
		// the linear model can score both ends: fluent machine translation
		// is more predictable than human prose, word salad much less.
		add(hash('z', "mean", bin(mean, 1), ""))
		add(hash('z', "high", bin(f.Dense[3], 0.05), ""))
		add(hash('z', "uni", bin(f.Dense[11], 0.05), ""))
		add(hash('z', "tri", bin(f.Dense[9], 0.1), ""))
		add(hash('z', "len", bin(f.Dense[5], 0.5), ""))
	}
	var ex, peak float64
	k := 0
	for _, s := range doc.Sentences {
		sc := x.classes.Sentence(s)
		if sc.Symbols > 0 {
			ex += sc.Excess
			peak = math.Max(peak, sc.Peak)
			k++
		}
	}
	if k > 0 {
		f.Dense[7] = ex / float64(k)
		f.Dense[8] = peak
	}
	return f
}

// bin names the interval of width w that holds v.
func bin(v, w float64) string { return strconv.Itoa(int(math.Floor(v / w))) }

// hash is FNV-1a 32 over a feature kind and up to three strings.
func hash(kind byte, a, b, c string) uint32 {
	h := uint32(2166136261)
	h = (h ^ uint32(kind)) * 16777619
	for _, s := range [3]string{a, b, c} {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint32(s[i])) * 16777619
		}
		h = (h ^ 0xff) * 16777619
	}
	return h
}
