// Package lingua identifies the language of a text and tells whether an
// English text was machine-translated, from which language, and which
// passages are garbled, from the English text alone.
//
// A Detector wraps github.com/pemistahl/lingua-go for language
// identification (document and sentence languages) and runs a set of small
// detectors over the shared segmentation (internal/segment):
//
//   - broken sentence boundaries: a capitalized function word inside a
//     clause, a sentence starting in lower case, a clause repeated across a
//     break, sentences without a finite verb;
//   - romanized source words: words that are neither English (internal/lexicon)
//     nor known names and read as pinyin (internal/pinyin);
//   - calques, literal idioms and source conventions: data tables of word
//     patterns (tables.go), each row with its own examples and
//     counter-examples, and back-translated institution names;
//   - leftovers: foreign scripts, sentences in another language, page chrome
//     and bylines of the source site;
//   - fluency: each prose sentence's surprise under a class trigram model of
//     English word order (internal/fluency, trained on the Brown Corpus),
//     summarized in Analysis.Fluency. It is reported with weight 0 and
//     makes no passage of its own: real machine translation of news is
//     mostly fluent in word order, so it corroborates garbled passages but
//     does not move the verdict.
//
// Each detector gives spans, a strength and a reason; the document score
// combines them as independent evidence, 1 − ∏(1 − weight·strength), and the
// source language is the one the weighted signals point to most.
//
// A Detector is built once (it decodes lingua-go's models up front) and is
// safe for concurrent use.
package lingua
