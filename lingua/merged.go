package lingua

import (
	"fmt"
	"strings"

	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/spantag"
)

// Thresholds of the merged-word check, as orders of magnitude of counts in
// the span tagger's phrase table of edited English (spantag.Phrases; 4
// means seen 8 to 15 times, 6 means 32 to 63 times): each part must be a
// common word and the two parts a common pair, while the run-together form
// occurs at most once. Chosen on dev English-original news and the Brown
// Corpus (go run ./internal/fpeval), where they flag nothing.
const (
	mergedMinPart = 6
	mergedMinPair = 5
	// mergedMinLen is the shortest run-together form, in letters.
	mergedMinLen = 5
)

// mergedHits finds two words run together without a space ("tothe",
// "hadbeen"): a lower-case word that is neither in the lexicon nor in the
// phrase table of edited English, and that splits in exactly one way into
// two common words which edited English often writes side by side. The
// split form is the suggestion.
func mergedHits(doc *segment.Document) []hit {
	tg, err := spantag.Default()
	if err != nil {
		return nil // New has checked that the tagger loads
	}
	ph := tg.Phrases()
	var out []hit
	for _, s := range doc.Sentences {
		for _, t := range s.Tokens {
			if t.Kind != segment.Word || !mergeCandidate(t.Text) || inAddress(doc.Text, t.Span) {
				continue
			}
			left, right, pair, ok := splitMerged(ph, t.Norm)
			if !ok {
				continue
			}
			out = append(out, hit{
				id:     "merged-words",
				key:    t.Norm,
				signal: "merged-words",
				rule:   rules.GarbledMergedWords,
				span:   t.Span,
				message: fmt.Sprintf("“%s” reads as two words run together: edited English has “%s %s” at least %d times in %.1f million words and “%s” at most once",
					t.Text, left, right, 1<<(pair-1), float64(ph.Words())/1e6, t.Text),
				suggest:    []string{left + " " + right},
				confidence: 0.8,
			})
		}
	}
	return out
}

// mergeCandidate reports whether a token can be two words run together: at
// least mergedMinLen letters, all lower-case ASCII (names, acronyms,
// foreign words and numbers are not), not in the lexicon, and not an -ing
// form with its g dropped.
func mergeCandidate(w string) bool {
	if len(w) < mergedMinLen {
		return false
	}
	if strings.HasSuffix(w, "in") && lexicon.IsWord(w+"g") {
		return false // a dropped g ("sayin'"), not "say in"
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return !lexicon.Known(w)
}

// inAddress reports whether span is part of a web or mail address, a
// handle or a hashtag: a token glued to "@", "#", "/", "." or "_".
func inAddress(text string, span segment.Span) bool {
	if span.Start > 0 && strings.IndexByte("@#/._", text[span.Start-1]) >= 0 {
		return true
	}
	if span.End < len(text) && strings.IndexByte("@/_", text[span.End]) >= 0 {
		return true
	}
	// "example.com": a full stop followed by a letter.
	return span.End+1 < len(text) && text[span.End] == '.' && text[span.End+1] >= 'a' && text[span.End+1] <= 'z'
}

// splitMerged returns the one way to cut w into two common words that
// edited English writes side by side (see mergedMinPart, mergedMinPair), and
// the pair's order of magnitude; ok is false when w itself occurs in edited
// English, or no cut or more than one cut qualifies.
func splitMerged(ph *spantag.Phrases, w string) (left, right string, pair int, ok bool) {
	if ph.Magnitude(w) > 0 {
		return "", "", 0, false
	}
	found := 0
	for k := 1; k < len(w); k++ {
		l, r := w[:k], w[k:]
		if !mergePart(l) || !mergePart(r) {
			continue
		}
		if ph.Magnitude(l) < mergedMinPart || ph.Magnitude(r) < mergedMinPart ||
			!lexicon.IsWord(l) || !lexicon.IsWord(r) {
			continue
		}
		m := ph.Magnitude(l, r)
		if m < mergedMinPair {
			continue
		}
		found++
		left, right, pair = l, r, m
	}
	return left, right, pair, found == 1
}

// mergePart reports whether w can be one part of a merge: two letters or
// more, or the article "a".
func mergePart(w string) bool { return len(w) >= 2 || w == "a" }
