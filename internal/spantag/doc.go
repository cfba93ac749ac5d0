// Package spantag finds passages of English text that read like the major
// errors of machine translation, token by token, with a model learned from
// professional annotators' error marks.
//
// The model is a logistic regression over hashed features of each token and
// its neighbours (Extractor): the words and word pairs themselves; their
// word classes and shapes (case, digits, punctuation); how often the word,
// the pair it forms with each neighbour and the triple ending at it occur in
// several million words of edited English (Phrases, an n-gram count table);
// the token's surprise under internal/fluency's class trigram model of
// English word order, and the highest such surprise nearby; whether the word
// is in the English lexicon (internal/lexicon); and the sentence's length,
// average surprise and share of word pairs unseen in edited English. It was
// trained on MQM annotations of Chinese→English news and TED translations
// (WMT 2020 and 2021: see train/README.md), where a token inside a span that
// k of a segment's n raters marked as a major error counts as k/n of a
// positive, and on English-original news as negatives; Platt scaling on the
// dev split turns its score into a probability.
//
// Tagger.Sentence gives each token's probability and what the model saw
// there (Token); Tagger.Passages joins tokens above a threshold into
// passages, with the evidence a finding can quote: the least expected word
// pair and the highest word-order surprise. The embedded model and phrase
// table are read in place from the binary (no decoding) and are read-only:
// a Tagger is safe for concurrent use.
//
// How well it works is measured by go run ./internal/spantag/eval report
// (lingua/EVALUATION.md, section "Garbled spans"); TestCommittedEvaluation
// checks a floor on a committed sample of test-split feature vectors.
package spantag
