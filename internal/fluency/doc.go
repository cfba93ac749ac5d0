// Package fluency scores how much a sentence follows English word order.
//
// A Model is a class trigram model trained on edited English prose (the
// Brown Corpus; see data/README.md). It keeps the 300 most frequent words and
// punctuation marks of the corpus as themselves (mostly function words:
// "the", "of", "which", "has") and replaces every other word by a coarse word
// class: noun, plural noun, name, verb forms, adjective, adverb, number.
// Classes come from a lexicon derived from the corpus' tags, and, for words
// it lacks, from suffix and capitalization. What the model sees is therefore
// the order of function words and word classes, not the vocabulary of one
// domain: a news article about a war and a novel share it, phrase salad and
// literal translation break it ("the man had the woman before the house with
// a knife threatened").
//
// Model.Sentence gives a sentence's surprise in bits per symbol and its
// Excess over the same symbols' surprise without context, the statistic
// that cancels what a sentence is made of and keeps its order; the ranks
// place both among held-out sentences of the corpus.
//
// The model is embedded (data/model.gz, 0.7 MB) and decoded once, on first
// use of Default. A Model is read-only after it is built and safe for
// concurrent use.
package fluency

//go:generate go run gen.go -brown $BROWN
