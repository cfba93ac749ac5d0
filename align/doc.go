// Package align lines a text up against other coverage of the same story
// and reports what the coverage says differently.
//
// Two modes share one result type:
//
//   - Comparable aligns each sentence of a text with its most similar
//     sentences in a Corpus of other articles (different wording, different
//     order, partial overlap), many to many, keeping pairs whose calibrated
//     similarity reaches Options.Threshold.
//   - Parallel aligns a text with a reference translation of the same
//     source by monotonic dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1
//     beads, in the spirit of Gale and Church (1993) and Vecalign (Thompson
//     and Koehn, 2019).
//
// Every aligned pair is then compared, and what differs becomes a
// report.Finding that points at both sides: a number that counts something else
// or has another value (number/different-noun, number/different-value), a
// quotation worded differently beyond punctuation, with a word diff
// (quote/reworded), and, when the caller supplies the place-name hooks in
// Options, a suspect word where the coverage names a known place the text
// lacks (place-name/coverage).
//
// # Similarity
//
// Sentences are compared through the shared segmentation
// (internal/segment): content words reduced to light stems (stop words
// out), names (capitalized words), numbers in a normalized form ("300,000"
// is 300000, "twelve" is 12) and quoted words. A logistic model over
// overlap features gives a score from 0 to 1; its weights, the threshold,
// the retrieval boosts and the parallel costs were fitted on labelled
// sentence pairs (testdata/pairs.tsv) and are reported with cross-validated
// precision and recall in testdata/calibration.txt, which
// "go test -run TestCalibration -update" regenerates.
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
