// Package align lines a text up against other coverage of the same story
// and reports what the coverage says differently.
//
// Two modes share one result type:
//
//   - Comparable aligns each sentence of a text with its most similar
//     sentences in a Corpus of other articles (different wording, different
//     order, partial overlap), keeping pairs whose calibrated similarity
//     reaches Options.Threshold and comes close to the best pair of either
//     sentence; two adjacent sentences that together match one sentence of
//     the other side better than either alone (a sentence split or merged)
//     align as a pair. A pair whose neighbouring pair, in the order of both
//     texts, aligns gains support (coverage tells a story in runs of
//     sentences even where it reorders paragraphs), and a corpus that
//     implements SentenceLookup adds the sentences beside an aligned
//     counterpart as candidates. A coverage sentence that joins two of the
//     text's statements aligns with both when one of its clauses is more
//     like the second statement than the first. A pair that does not align
//     but shares a rare number (1,000 or more) is still checked for what
//     that number counts.
//   - Parallel aligns a text with a reference translation of the same
//     source by monotonic dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1
//     beads, in the spirit of Gale and Church (1993) and Vecalign (Thompson
//     and Koehn, 2019).
//
// Every sentence is then compared with the passages aligned to it, and what
// differs becomes a finding that points at both sides. Numbers are read with
// their kind (a count, an amount of money, a percentage, an age, a year, a
// day, a time), ranges, scale words and number words ("2.5 million",
// "58-year-old", "twelve"); a number the coverage also gives agrees, and the
// numbers left on both sides pair up by kind and by the words around them,
// so that a changed value is reported against the number that counts the
// same thing (number/different-value), and a same number with an unrelated
// noun only when nothing ties the nouns (number/different-noun). A quotation
// is compared with the coverage's quotations, or the pieces of one cut in
// two, that repeat most of its words in order, with a word diff
// (quote/reworded); a partial quotation agrees, and so does one whose
// changed words are inflections or synonyms of the text's. A quotation
// that changes more than one word in four (against a reference translation,
// Parallel: one in twelve) is another rendering and is not reported. When the caller supplies the
// place-name hooks in Options, a suspect word where the coverage names a
// known place the text lacks is reported too (place-name/coverage).
//
// # Similarity
//
// Sentences are compared through the shared segmentation
// (internal/segment): content words reduced to light stems (stop words
// out), names (capitalized words), numbers in a normalized form ("300,000"
// is 300000, "twelve" is 12), quoted words and the character 4-grams of the
// content words. A logistic model over overlap features (Dice and
// containment of stems weighted by rarity, of names, numbers, stem bigrams
// and character 4-grams, shared stems counting the learned synonym pairs of
// synonyms.txt, whether the numbers or names are disjoint) gives a score
// from 0 to 1. The model, the threshold, the margin and the parallel costs
// were fitted on independent human translations of the same news stories
// and machine translations of them (WMT, see train/README.md) and are
// measured on held-out stories in EVALUATION.md.
//
// # Corpora
//
// Corpus is the interface to coverage: add documents, and retrieve candidate
// sentences for a sentence. Index is the in-memory implementation, a BM25
// inverted index over sentences built once and safe for concurrent use; a
// query reads a bounded number of postings (its rarest terms in full, the
// most frequent ones only where their BM25 impact is highest), so its cost
// does not grow with the corpus. Reading files is the root package's job
// (transcheck.ReadDocuments, NewCoverage).
//
// A search engine can stand behind Corpus instead (see README.md in this
// directory): index one record per sentence holding its path, sentence
// index, span, text and the SentenceFields (stems, names, numbers), and
// answer Candidates with a BM25 query over those fields that excludes
// Query.Exclude.
package align
