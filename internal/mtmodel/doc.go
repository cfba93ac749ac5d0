// Package mtmodel tells machine-translated English from human English,
// sentence by sentence and document by document, with a calibrated
// probability.
//
// The classifier is logistic regression over features taken after
// typography is normalized (lm.Normalize): hashed word unigrams and
// bigrams, hashed word-class bigrams and trigrams (function words kept,
// other words replaced by their class, from package fluency), and
// statistics of the sentence under the language model of human English
// (package lm). A document's score is the sum of its sentences' margins
// over their number plus a few pseudo-sentences of no evidence,
// calibrated on the dev split. See train/README.md for the data and
// lingua/EVALUATION.md for the measurements.
package mtmodel
