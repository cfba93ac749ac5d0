package lingua

import (
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// finiteForms are auxiliaries, modals and irregular past tenses: words that
// are finite verbs wherever they stand.
var finiteForms = set(
	"is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did",
	"will", "would", "can", "could", "shall", "should", "may", "might", "must",
	"said", "told", "took", "made", "went", "came", "saw", "gave", "got", "found",
	"thought", "knew", "left", "felt", "kept", "held", "brought", "began",
	"became", "ran", "met", "led", "sent", "spent", "stood", "lost", "won",
	"paid", "put", "set", "cut", "hit", "let", "read", "fell", "rose", "shot",
	"fought", "sought", "caught", "taught", "bought", "built", "wrote", "spoke",
	"broke", "chose", "drove", "flew", "grew", "drew", "threw", "wore", "struck",
	"hung", "sold", "understood", "fled", "hid", "ate", "lay", "sat", "meant",
	"heard", "seemed", "need", "want", "think", "say", "says", "know", "see",
)

// subjectPronouns make the next word a finite verb ("they fight").
var subjectPronouns = set("i", "we", "they", "you", "he", "she", "it")

// hasFiniteVerb is a lenient test: it accepts any auxiliary, modal, listed
// past form, contraction, -ed or -s form, or word after a subject pronoun,
// so that it only fails on clear fragments.
func hasFiniteVerb(words []segment.Token) bool {
	for i, w := range words {
		n := w.Norm
		switch {
		case finiteForms[n]:
			return true
		case strings.Contains(n, "'") && (strings.HasSuffix(n, "n't") || strings.HasSuffix(n, "'s") || strings.HasSuffix(n, "'re") || strings.HasSuffix(n, "'ll") || strings.HasSuffix(n, "'ve") || strings.HasSuffix(n, "'d")):
			return true
		case len(n) > 3 && (strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "s")):
			return true
		case subjectPronouns[n] && i+1 < len(words):
			return true
		}
	}
	return false
}

// noFiniteVerbHits reports sentences of six words or more, not headings,
// with no finite verb. They count for the verdict but make a passage only
// together with another garbled signal on the same words.
func noFiniteVerbHits(doc *segment.Document) []hit {
	var out []hit
	for _, s := range doc.Sentences {
		w := s.Words()
		if s.Heading || len(w) < 6 || hasFiniteVerb(w) {
			continue
		}
		out = append(out, hit{
			signal:     "no-finite-verb",
			rule:       "garbled/no-finite-verb",
			category:   Garbled,
			span:       s.Span,
			message:    "the sentence has no finite verb",
			confidence: 0.4,
			signalOnly: true,
		})
	}
	return out
}
