package align

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// A synthetic coverage corpus, generated from the seeds' vocabulary: a
// bigram chain over the seeds' tokens writes sentences that look like the
// seeds' (same words, names and numbers, in plausible order) but say
// nothing in particular, so every generated document is "on the story" and
// competes with the real coverage for every query. Nothing is committed:
// benchmarks and tests build it on the fly.
type synthGen struct {
	next  map[string][]string // token → the tokens that follow it in the seeds
	first []string            // sentence-initial tokens
}

const synthEnd = "\x00" // marks the end of a sentence in the chain

func newSynthGen(docs []Document) *synthGen {
	g := &synthGen{next: make(map[string][]string)}
	for _, d := range docs {
		for _, s := range d.Seg.Sentences {
			if len(s.Tokens) < 4 {
				continue
			}
			prev := ""
			for k, t := range s.Tokens {
				if k == 0 {
					g.first = append(g.first, t.Text)
				} else {
					g.next[prev] = append(g.next[prev], t.Text)
				}
				prev = t.Text
			}
			g.next[prev] = append(g.next[prev], synthEnd)
		}
	}
	return g
}

// sentence writes one sentence of at most 60 tokens.
func (g *synthGen) sentence(rng *rand.Rand, b *strings.Builder) {
	tok := g.first[rng.IntN(len(g.first))]
	for n := 0; n < 60; n++ {
		if n > 0 && !noSpaceBefore(tok) {
			b.WriteByte(' ')
		}
		b.WriteString(tok)
		follow := g.next[tok]
		if len(follow) == 0 {
			break
		}
		tok = follow[rng.IntN(len(follow))]
		if tok == synthEnd {
			break
		}
	}
	if s := b.String(); !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") && !strings.HasSuffix(s, "”") {
		b.WriteByte('.')
	}
}

func noSpaceBefore(tok string) bool {
	return tok == "," || tok == "." || tok == ";" || tok == ":" || tok == "?" || tok == "”" || tok == ")"
}

// document writes a document of about size bytes in paragraphs of a few
// sentences.
func (g *synthGen) document(rng *rand.Rand, size int) string {
	var b strings.Builder
	for b.Len() < size {
		for k := 0; k < 2+rng.IntN(3) && b.Len() < size; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			g.sentence(rng, &b)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// synthCorpus generates n documents of about 4 KB, like the seeds.
func synthCorpus(docs []Document, n int, seed uint64) []Document {
	g := newSynthGen(docs)
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]Document, n)
	for i := range out {
		out[i] = Document{Path: fmt.Sprintf("synthetic/%05d.txt", i), Seg: segment.Split(g.document(rng, 3000+rng.IntN(2000)))}
	}
	return out
}
