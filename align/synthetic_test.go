package align

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// A synthetic coverage corpus, generated from the seeds' vocabulary. Each
// sentence draws its length from the seeds' sentence lengths; each word is,
// with probability seedShare, a word, name or number of the seeds drawn at
// its frequency in the seeds, and otherwise a word of an open vocabulary
// made of the seeds' word beginnings and endings recombined
// ("brigadier" and "offensive" give "brigensive"), drawn from a Zipf
// distribution. The corpus is thus "on the story" (the seeds' words in
// every document) yet, like real text, has a long tail of rarer words, and
// it copies no sentence of the seeds, whose related sentences must still be
// found among it. Nothing is committed: benchmarks and tests build the
// corpus on the fly.
type synthGen struct {
	words   []string // every word and number token of the seeds, as written
	firsts  []string // the seeds' sentence-initial words
	lengths []int    // the seeds' sentence lengths, in words
	heads   []string // beginnings of the seeds' longer words
	tails   []string // their endings
}

// seedShare is the share of a synthetic text's words taken from the seeds
// as they are; the rest come from the open vocabulary.
const seedShare = 0.3

func newSynthGen(docs []Document) *synthGen {
	g := &synthGen{}
	seen := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Seg.Sentences {
			n := 0
			for _, t := range s.Tokens {
				if t.Kind != segment.Word && t.Kind != segment.Number {
					continue
				}
				if n == 0 {
					g.firsts = append(g.firsts, t.Text)
				}
				g.words = append(g.words, t.Text)
				n++
				if w := t.Norm; len(w) >= 6 && !seen[w] && isContent(t) {
					seen[w] = true
					g.heads = append(g.heads, w[:len(w)/2])
					g.tails = append(g.tails, w[len(w)/2:])
				}
			}
			if n >= 3 {
				g.lengths = append(g.lengths, n)
			}
		}
	}
	return g
}

// openWord is the word of rank r in the open vocabulary.
func (g *synthGen) openWord(r uint64) string {
	h := r*0x9E3779B97F4A7C15 + 1
	return g.heads[h%uint64(len(g.heads))] + g.tails[(h>>32)%uint64(len(g.tails))]
}

// sentence writes one sentence.
func (g *synthGen) sentence(rng *rand.Rand, zipf *rand.Zipf, b *strings.Builder) {
	n := g.lengths[rng.IntN(len(g.lengths))]
	for k := range n {
		var w string
		if k == 0 {
			w = g.firsts[rng.IntN(len(g.firsts))]
		} else if rng.Float64() < seedShare {
			w = g.words[rng.IntN(len(g.words))]
		} else {
			w = g.openWord(zipf.Uint64())
		}
		if k > 0 {
			if rng.IntN(12) == 0 {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
}

// document writes a document of about size bytes in paragraphs of one to
// four sentences.
func (g *synthGen) document(rng *rand.Rand, zipf *rand.Zipf, size int) string {
	var b strings.Builder
	for b.Len() < size {
		for k := 0; k < 1+rng.IntN(4) && b.Len() < size; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			g.sentence(rng, zipf, &b)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// synthCorpus generates n documents of 3 to 5 KB, like the seeds.
func synthCorpus(docs []Document, n int, seed uint64) []Document {
	g := newSynthGen(docs)
	rng := rand.New(rand.NewPCG(seed, 1))
	zipf := rand.NewZipf(rng, 1.1, 1, 1<<20)
	out := make([]Document, n)
	for i := range out {
		out[i] = Document{Path: fmt.Sprintf("synthetic/%05d.txt", i), Seg: segment.Split(g.document(rng, zipf, 3000+rng.IntN(2000)))}
	}
	return out
}
