package spantag

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/segment"
)

//go:embed data/model.bin
var modelBin []byte

// Tagger scores each token of a text with the probability that it lies in a
// passage a professional annotator would mark as a major translation error,
// and joins high-scoring tokens into passages. It is read-only and safe for
// concurrent use.
type Tagger struct {
	ex    *Extractor
	model *Model
}

// NewTagger returns a tagger from its parts.
func NewTagger(ex *Extractor, m *Model) *Tagger { return &Tagger{ex: ex, model: m} }

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	lm, err := fluency.Default()
	if err != nil {
		return nil, fmt.Errorf("spantag: %w", err)
	}
	ph, err := DefaultPhrases()
	if err != nil {
		return nil, err
	}
	m, err := ReadModel(modelBin)
	if err != nil {
		return nil, fmt.Errorf("spantag: embedded %w", err)
	}
	return NewTagger(NewExtractor(lm, ph), m), nil
})

// Default returns the tagger built from the embedded model and phrase table
// and internal/fluency's default model. The tables are read in place; later
// calls return the same Tagger.
func Default() (*Tagger, error) { return defaultTagger() }

// WithModel returns a tagger with t's features and another model, for
// measuring models in training.
func (t *Tagger) WithModel(m *Model) *Tagger { return &Tagger{ex: t.ex, model: m} }

// Phrases returns the phrase table the tagger compares text with.
func (t *Tagger) Phrases() *Phrases { return t.ex.phrases }

// Scored is one token's probability and what the tagger saw there.
type Scored struct {
	Token
	// P is the calibrated probability that the token lies in a major error
	// span.
	P float64
}

// Sentence appends to dst the score of each token of s, in order.
func (t *Tagger) Sentence(dst []Scored, s segment.Sentence) []Scored {
	t.ex.Sentence(s, func(_ int, feats []uint32, tok Token) {
		dst = append(dst, Scored{Token: tok, P: t.model.Probability(t.model.Score(feats))})
	})
	return dst
}

// Passage is a run of high-scoring tokens of one sentence.
type Passage struct {
	segment.Span
	// Sentence is the index of the sentence in Document.Sentences; First
	// and Last are the passage's first and last token in Sentence.Tokens.
	Sentence, First, Last int
	// P is the highest token probability in the passage.
	P float64
	// Unseen is the pair of adjacent words in or at the edge of the
	// passage that the phrase table never saw together (at most once)
	// while each word is common on its own, as token indices [i-1, i] into
	// the sentence; -1 when there is none.
	Unseen int
	// Excess is the highest word-order surprise of a token in the passage
	// (see Token.Excess), in bits.
	Excess float64
	// Rare is the passage's word that the phrase table saw least often,
	// when it saw it fewer than twice (a token index into the sentence);
	// -1 when every word is in the table.
	Rare int
}

// Passages scores every sentence of doc that the tagger judges (see Judged)
// and returns the passages of tokens whose probability is at least
// threshold, a gap of one token joining two runs. Passages start and end on
// a word or number.
func (t *Tagger) Passages(doc *segment.Document, threshold float64) []Passage {
	var out []Passage
	var buf []Scored
	for si, s := range doc.Sentences {
		if !Judged(s) {
			continue
		}
		buf = t.Sentence(buf[:0], s)
		out = append(out, PassagesOf(si, s, buf, threshold)...)
	}
	return out
}

// PassagesOf returns the passages of sentence s (index si) whose token
// scores sc (from Sentence) reach threshold, as Passages does.
func PassagesOf(si int, s segment.Sentence, sc []Scored, threshold float64) []Passage {
	var out []Passage
	isContent := func(i int) bool {
		k := s.Tokens[i].Kind
		return k == segment.Word || k == segment.Number
	}
	i := 0
	for i < len(sc) {
		if sc[i].P < threshold || !isContent(i) {
			i++
			continue
		}
		first, last := i, i
		for j := i + 1; j < len(sc); j++ {
			if sc[j].P >= threshold {
				last = j
			} else if j-last > 1 {
				break
			}
		}
		for last > first && !isContent(last) {
			last--
		}
		p := Passage{
			Span:     segment.Span{Start: s.Tokens[first].Start, End: s.Tokens[last].End},
			Sentence: si, First: first, Last: last, Unseen: -1, Rare: -1,
		}
		bestUnseen := -1
		for k := first; k <= last; k++ {
			if p.Rare < 0 && sc[k].Uni == 0 && s.Tokens[k].Kind == segment.Word {
				p.Rare = k
			}
			p.P = max(p.P, sc[k].P)
			if k == first || sc[k].Excess > p.Excess {
				p.Excess = sc[k].Excess
			}
		}
		// The least expected pair: unseen, and made of the most common words.
		for k := max(first, 1); k <= min(last+1, len(sc)-1); k++ {
			if sc[k].Prev != 0 || !isContent(k) || !isContent(k-1) {
				continue
			}
			common := min(sc[k].Uni, sc[k-1].Uni)
			if common >= 4 && common > bestUnseen {
				bestUnseen, p.Unseen = common, k
			}
		}
		out = append(out, p)
		i = last + 1
	}
	return out
}

// MinWords is the shortest sentence, in words, that the tagger judges:
// shorter ones (captions, datelines, list items) give it too little
// context, and the training data leaves them out.
const MinWords = 5

// Judged reports whether the tagger judges sentence s: a sentence of at
// least MinWords words that is not a heading.
func Judged(s segment.Sentence) bool {
	return !s.Heading && len(s.Words()) >= MinWords
}

// NamesOnly reports whether every word of passage p of sentence s is
// capitalized: a name or a run of names. The tagger scores rare names high
// (in edited English they are rare; in MQM a mistranslated name is a major
// error), but a name is for the place and name checks to judge, not a
// garbled phrase of English.
func NamesOnly(s segment.Sentence, p Passage) bool {
	for _, t := range s.Tokens[p.First : p.Last+1] {
		if t.Kind == segment.Word && !t.IsCapitalized() {
			return false
		}
	}
	return true
}
