package lingua

import (
	"github.com/transcheck/transcheck/internal/rules"
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

// rhetoricalStarts begin the verbless sentences of edited prose: the
// rhetorical fragments of op-eds and features ("Not anymore.", "But far
// cheaper than the alternative.") and answers ("Yes, and soon.").
var rhetoricalStarts = set("not", "no", "yes", "but", "and", "or", "so", "only", "just", "even",
	"hardly", "perhaps", "maybe", "never", "still", "also", "nor", "yet", "then", "now",
	"again", "instead", "hence", "thus", "certainly", "probably", "absolutely", "exactly",
	"far", "much", "all", "none", "nothing", "everything", "plenty", "enough")

// speakerLabel returns how many words at the start of a sentence are a
// speaker's label in an interview or a transcript ("Q:", "A:", "MR MILLER:",
// "QUESTION:"): words in capitals followed by a colon.
func speakerLabel(s segment.Sentence) int {
	n := 0
	for _, t := range s.Tokens {
		switch {
		case t.Kind == segment.Punct && t.Text == ":":
			if n > 0 && n <= 3 {
				return n
			}
			return 0
		case t.Kind == segment.Word && strings.ToUpper(t.Text) == t.Text && n < 3:
			n++
		case t.Kind == segment.Punct && t.Text == ".":
		default:
			return 0
		}
	}
	return 0
}

// noFiniteVerbHits reports sentences of six words or more, not headings,
// with no finite verb. They count for the verdict but make a passage only
// together with another garbled signal on the same words. A speaker's label
// is not part of the sentence, and sentences that start as rhetorical
// fragments do, or questions, or that start with an -ing form (an answer:
// "Planning for a long war."), are left alone: edited English has them.
func noFiniteVerbHits(doc *segment.Document) []hit {
	var out []hit
	for _, s := range doc.Sentences {
		w := s.Words()[speakerLabel(s):]
		if s.Heading || len(w) < 6 || hasFiniteVerb(w) || rhetoricalStarts[w[0].Norm] ||
			strings.HasSuffix(w[0].Norm, "ing") || strings.HasSuffix(strings.TrimSpace(doc.Slice(s.Span)), "?") {
			continue
		}
		out = append(out, hit{
			signal:     "no-finite-verb",
			rule:       rules.GarbledNoFiniteVerb,
			span:       s.Span,
			message:    "the sentence has no finite verb",
			confidence: 0.4,
			signalOnly: true,
		})
	}
	return out
}
