// Package langid identifies the language of text written in the letters
// a–z exactly as lingua-go's trigram models do (its low-accuracy mode, the
// mode its high-accuracy detector also takes for text of 120 letters or
// more), from a table of those models' log-probabilities read in place from
// the embedded bytes.
//
// lingua-go spends most of such a call on its script rules (regular
// expressions run on every word and character), on building n-gram strings
// and on arbitrary-precision exponentials; none of them changes the answer
// for text whose letters are a–z, which is most English news. For such text
// Identify gives lingua-go's confidences (to about 1e-15: lingua-go itself
// sums in map order); for any other text it says so, and the caller asks
// lingua-go.
package langid

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sync"
	"unicode"
)

// Magic starts the table's serialized form.
const Magic = "TCLID1\n"

// Languages are the ISO 639-1 codes of the Latin-script languages the
// table holds, in its column order: the Latin-script languages among
// lingua's default candidates.
var Languages = []string{"en", "de", "fr", "es"}

// Trigrams is the number of trigrams of the letters a–z: the rows of the
// table, numbered as TrigramOf reads them.
const Trigrams = 26 * 26 * 26

// TrigramOf returns trigram number i ("aaa" is 0, "aab" 1, "zzz"
// Trigrams-1).
func TrigramOf(i int) string {
	return string([]byte{byte('a' + i/676), byte('a' + i/26%26), byte('a' + i%26)})
}

//go:embed data/ascii.bin
var ascii string

// Table holds, for each language, the log-probability lingua-go adds for
// each trigram (that of the trigram, else of its first two letters' bigram,
// else of its first letter's unigram; a positive value when it knows none).
type Table struct {
	data  string // the columns, Trigrams float64s each, little-endian
	codes []string
}

// Default returns the embedded table, read once.
var Default = sync.OnceValues(func() (*Table, error) { return Load(ascii) })

// Load reads a serialized table in place.
func Load(b string) (*Table, error) {
	if len(b) < len(Magic)+1 || b[:len(Magic)] != Magic {
		return nil, errors.New("langid: not a language table")
	}
	n := int(b[len(Magic)])
	b = b[len(Magic)+1:]
	if len(b) != n*2+n*Trigrams*8 {
		return nil, fmt.Errorf("langid: table of %d languages has %d bytes, want %d", n, len(b), n*2+n*Trigrams*8)
	}
	t := &Table{data: b[n*2:]}
	for i := range n {
		t.codes = append(t.codes, b[i*2:i*2+2])
	}
	return t, nil
}

// Codes returns the table's languages in column order.
func (t *Table) Codes() []string { return t.codes }

// logProb is column lang's value for trigram g.
func (t *Table) logProb(lang, g int) float64 {
	d := t.data[(lang*Trigrams+g)*8:]
	_ = d[7]
	u := uint64(d[0]) | uint64(d[1])<<8 | uint64(d[2])<<16 | uint64(d[3])<<24 |
		uint64(d[4])<<32 | uint64(d[5])<<40 | uint64(d[6])<<48 | uint64(d[7])<<56
	return math.Float64frombits(u)
}

// Identify gives the confidences lingua-go's ComputeLanguageConfidenceValues
// computes with trigram models only, for a detector whose Latin-script
// languages are the columns langs (the detector's other languages, of other
// scripts, get 0 for such text): conf[i] is the confidence of langs[i].
// ok is false, and conf nil, when the text, lower-cased, holds a letter
// outside a–z or a character of the scripts lingua-go reads one at a time
// (Han, Hangul, Hiragana, Katakana): there lingua-go's script rules decide,
// and the caller must ask lingua-go.
func (t *Table) Identify(text string, langs []int) (conf []float64, ok bool) {
	var seen [(Trigrams + 63) / 64]uint64
	words, letters := 0, 0
	run := 0     // letters of the current word
	var a, b int // its last two letters, 0–25
	for _, r := range text {
		l := unicode.ToLower(r)
		if l >= 'a' && l <= 'z' {
			c := int(l - 'a')
			if run == 0 {
				words++
			}
			if run >= 2 {
				g := a*676 + b*26 + c
				seen[g/64] |= 1 << (g % 64)
			}
			run++
			letters++
			a, b = b, c
			continue
		}
		if l >= 0x80 && (unicode.IsLetter(l) || unicode.In(l, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)) {
			return nil, false
		}
		run = 0
	}
	conf = make([]float64, len(langs))
	switch {
	case words == 0:
		return conf, true
	case len(langs) == 1:
		// the script rules leave one candidate: lingua-go is sure
		conf[0] = 1
		return conf, true
	case letters < 3:
		return conf, true
	}
	sums := make([]float64, len(langs))
	for w, set := range seen {
		for set != 0 {
			g := w*64 + bits.TrailingZeros64(set)
			set &= set - 1
			for i, lang := range langs {
				if v := t.logProb(lang, g); v <= 0 {
					sums[i] += v
				}
			}
		}
	}
	// lingua-go keeps the languages whose sum is below zero and gives each
	// exp(sum) over the sum of them all.
	for i, s := range sums {
		if s >= 0 {
			continue
		}
		d := 0.0
		for _, o := range sums {
			if o < 0 {
				d += math.Exp(o - s)
			}
		}
		conf[i] = 1 / d
	}
	return conf, true
}
