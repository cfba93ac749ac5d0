// Package lm is an n-gram language model of human-written English that
// gives each token's surprisal: how unexpected a word is after the two
// before it, in bits.
//
// The embedded model (English) is a trigram model with interpolated
// modified Kneser-Ney smoothing, trained on several million words of
// edited English (news wire, broadcast news, speeches, English-original
// news of the WMT test sets; data/README.md lists the sources, licences and
// the command that rebuilds it), pruned to n-grams seen twice and stored
// with 32-bit hashed keys, 8-bit log probabilities and back-off weights. The
// serialized form is searched in place (Load decodes nothing), so the model
// adds no start-up time.
//
// Text goes through Tokenize or Words first, which make typography uniform
// (curly and straight quotes, dash widths, special spaces: see Normalize),
// lower-case letters and write every digit as 0, so surprisal does not
// depend on a publisher's typographic conventions.
package lm
