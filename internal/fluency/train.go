package fluency

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// Tagged is one word of a training sentence and its class (one of the Class
// constants), as a tagged corpus gives it.
type Tagged struct {
	Word  string
	Class string
}

// TrainOptions configure Train. The zero value uses the defaults.
type TrainOptions struct {
	// Vocabulary is how many of the most frequent words and punctuation
	// marks the model keeps as themselves (default 300). Names, numbers,
	// foreign words and symbols never are.
	Vocabulary int
	// MinCount is how often a word must occur to enter the lexicon
	// (default 2).
	MinCount int
	// Source describes the corpus, for Model.Source.
	Source string
}

// Train builds a model from tagged sentences. It first learns each word's
// most frequent class and the vocabulary, then joins each sentence's words
// into text as print spaces them (no space before closing punctuation or
// after an opening quotation mark or bracket; give double quotes as “ and
// ”), segments the text with internal/segment and
// counts the trigrams of the symbols exactly as Model.Sentence will see
// them, so that training and scoring share one tokenization and one
// classification.
func Train(sents [][]Tagged, opts TrainOptions) (*Model, error) {
	if opts.Vocabulary <= 0 {
		opts.Vocabulary = 300
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 2
	}
	if len(sents) == 0 {
		return nil, errors.New("fluency: no training sentences")
	}
	known := map[string]bool{}
	for _, c := range classes {
		known[c] = true
	}
	freq := map[string]int{}
	byClass := map[string]map[string]int{}
	for i, s := range sents {
		for _, t := range s {
			if !known[t.Class] {
				return nil, fmt.Errorf("fluency: sentence %d: word %q has unknown class %q", i, t.Word, t.Class)
			}
			w := normWord(t.Word)
			if w == "" {
				continue
			}
			freq[w]++
			if byClass[w] == nil {
				byClass[w] = map[string]int{}
			}
			byClass[w][t.Class]++
		}
	}
	m := newModel(opts.Source)
	dominant := func(w string) string {
		best, bn := "", 0
		for c, n := range byClass[w] {
			if n > bn || n == bn && c < best {
				best, bn = c, n
			}
		}
		return best
	}
	words := make([]string, 0, len(freq))
	for w, n := range freq {
		if n >= opts.MinCount {
			words = append(words, w)
			m.lex.class[w] = dominant(w)
		}
	}
	slices.SortFunc(words, func(a, b string) int { return cmp.Or(cmp.Compare(freq[b], freq[a]), strings.Compare(a, b)) })
	for _, w := range words {
		if len(m.lex.vocab) == opts.Vocabulary {
			break
		}
		switch m.lex.class[w] {
		case ClassProperNoun, ClassNumber, ClassForeign, ClassSymbol:
			continue
		}
		m.lex.vocab[w] = true
		m.symbol(w)
	}
	start, end := m.ids[symStart], m.ids[symEnd]
	for _, s := range sents {
		doc := segment.Split(detokenize(s))
		for _, sent := range doc.Sentences {
			a, b := start, start
			for _, sym := range m.lex.symbols(sent.Tokens) {
				c := m.id(sym)
				m.add(a, b, c, 1)
				a, b = b, c
			}
			m.add(a, b, end, 1)
		}
	}
	m.finish()
	return m, nil
}

// normWord is the lexicon key of a corpus word: the Norm of its one token
// under internal/segment, punctuation folded as the model folds it, or ""
// when the word is not a single token.
func normWord(w string) string {
	doc := segment.Split(w)
	if len(doc.Tokens) != 1 {
		return ""
	}
	t := doc.Tokens[0]
	if t.Kind == segment.Punct {
		return punctSymbol(t.Text)
	}
	return t.Norm
}

// detokenize joins a tokenized sentence as it would be printed: a space
// between words, none before closing punctuation (. , ; : ? ! ) ] ” ’ ') and
// none after an opening quotation mark or bracket (“ ‘ ( [). A corpus should
// give opening and closing double quotes as “ and ”.
func detokenize(s []Tagged) string {
	var b strings.Builder
	glue := true // no space before the first word
	for _, t := range s {
		switch t.Word {
		case ".", ",", ";", ":", "?", "!", ")", "]", "”", "’", "'", "...":
			glue = true
		}
		if !glue {
			b.WriteByte(' ')
		}
		b.WriteString(t.Word)
		switch t.Word {
		case "“", "‘", "(", "[":
			glue = true
		default:
			glue = false
		}
	}
	return b.String()
}
