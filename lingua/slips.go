package lingua

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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
				id:     "merged-split",
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
	out = append(out, gluedNameHits(doc, ph)...)
	return append(out, gluedQuoteHits(doc)...)
}

// gluedNameMinWord is the least order of magnitude (see mergedMinPart) of
// the word run into a name: a very common word (10: seen 512 times or more),
// as function words and the commonest nouns are.
const gluedNameMinWord = 10

// gluedNameHits finds a name run into the next word ("Peskovpress",
// "Babišwho"): a capitalized word that neither the lexicon nor the phrase
// table of edited English has, made of a name the same text writes alone
// elsewhere (three letters or more, not a common word: "All", "New" start
// sentences) and a very common lower-case word of three letters or more.
// Names that end like a word ("Johnson", "Warrenton") are in the table, or
// their parts fail these tests. Chosen on the Brown Corpus and dev
// English-original news (go run ./internal/fpeval), where the first version,
// without the tests on the parts, flagged 27 names ("Allstates", "Hamrick").
func gluedNameHits(doc *segment.Document, ph *spantag.Phrases) []hit {
	alone := map[string]bool{}
	for _, t := range doc.Tokens {
		if t.Kind == segment.Word && t.IsCapitalized() {
			alone[segment.StripPossessive(t.Text)] = true
		}
	}
	var out []hit
	for _, t := range doc.Tokens {
		w := t.Text
		if t.Kind != segment.Word || !t.IsCapitalized() || len(w) < 6 || strings.ToUpper(w) == w ||
			lexicon.Known(w) || ph.Magnitude(spantag.Fold(t.Norm)) > 0 {
			continue
		}
		found := 0
		var name, word string
		for k := 3; k < len(w)-2; k++ {
			if !utf8.RuneStart(w[k]) || !alone[w[:k]] || lexicon.IsWord(w[:k]) {
				continue
			}
			rest := w[k:]
			if strings.ToLower(rest) != rest || !lexicon.IsWord(rest) || ph.Magnitude(rest) < gluedNameMinWord {
				continue
			}
			found++
			name, word = w[:k], rest
		}
		if found != 1 {
			continue
		}
		out = append(out, hit{
			id:         "merged-name",
			key:        t.Norm,
			signal:     "merged-words",
			rule:       rules.GarbledMergedWords,
			span:       t.Span,
			message:    fmt.Sprintf("“%s” reads as the name “%s”, which the text writes alone elsewhere, run into the word “%s”", w, name, word),
			suggest:    []string{name + " " + word},
			confidence: 0.8,
		})
	}
	return out
}

// doubleQuotes are the typographic quotation marks that open or close a
// quotation (a straight quote between letters is as often a mistyped
// apostrophe: "o\"s").
const doubleQuotes = "“”„«»"

// gluedQuoteHits finds a double quotation mark with a letter right before
// and right after it ("months”notes", "said“We"): whether it opens or closes
// the quotation, the space on one side is missing. A per cent sign between
// a digit and a letter ("70%of") has lost its space too.
func gluedQuoteHits(doc *segment.Document) []hit {
	var out []hit
	text := doc.Text
	for i, r := range text {
		if !strings.ContainsRune(doubleQuotes, r) && r != '%' || i == 0 {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
		if !unicode.IsLetter(after) || r == '%' && !unicode.IsDigit(before) || r != '%' && !unicode.IsLetter(before) {
			continue
		}
		span := wordAround(text, i, i+utf8.RuneLen(r))
		out = append(out, hit{
			id:         "merged-quote",
			key:        "quote",
			signal:     "merged-words",
			rule:       rules.GarbledMergedWords,
			span:       span,
			message:    fmt.Sprintf("“%s”: the %s is glued to the words on both sides; a space is missing", segment.Nested(text[span.Start:span.End]), markName(r)),
			confidence: 0.8,
		})
	}
	return out
}

// markName names a glued mark for messages.
func markName(r rune) string {
	if r == '%' {
		return "per cent sign"
	}
	return "quotation mark"
}

// wordAround widens [start, end) over the letters on both sides.
func wordAround(text string, start, end int) segment.Span {
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' {
			break
		}
		start -= n
	}
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += n
	}
	return segment.Span{Start: start, End: end}
}

// repeatedWordHits finds a lower-case word that directly follows itself
// ("foreign exchange exchange") where edited English never doubles it: the
// doubled form is not in the span tagger's phrase table ("had had", "that
// that" are, and stay); so is a capitalized common word doubled inside a
// sentence ("as President President of"). Numbers, names ("Bora Bora"), a
// stutter at a sentence's start, runs of three or more (a
// deliberate figure: "down down down") and repetition across a comma
// (rhetoric in edited English: "very, very", "old, old") are left alone.
func repeatedWordHits(doc *segment.Document) []hit {
	tg, err := spantag.Default()
	if err != nil {
		return nil // New has checked that the tagger loads
	}
	ph := tg.Phrases()
	var out []hit
	for _, s := range doc.Sentences {
		toks := s.Tokens
		same := func(i, j int) bool {
			return i >= 0 && j < len(toks) && toks[i].Kind == segment.Word && toks[j].Kind == segment.Word &&
				toks[i].Norm == toks[j].Norm
		}
		for i := 1; i < len(toks); i++ {
			a, b := toks[i-1], toks[i]
			if !same(i-1, i) || same(i-2, i-1) || same(i, i+1) {
				continue
			}
			lower := a.IsLower() && b.IsLower()
			// A capitalized common word doubled inside the sentence
			// ("as President President of"), not a name.
			title := i-1 > 0 && a.IsCapitalized() && b.IsCapitalized() && lexicon.IsWord(a.Norm)
			if !lower && !title {
				continue
			}
			if ph.Magnitude(spantag.Fold(a.Norm), spantag.Fold(b.Norm)) > 0 {
				continue
			}
			out = append(out, hit{
				id:         "repeated-word",
				key:        b.Norm,
				signal:     "repeated-word",
				rule:       rules.GarbledRepeatedWord,
				span:       segment.Span{Start: a.Start, End: b.End},
				message:    fmt.Sprintf("“%s” is doubled; edited English never writes it twice in a row", b.Text),
				suggest:    []string{a.Text},
				confidence: 0.7,
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

// splitCompoundMin is the least order of magnitude (see mergedMinPart) of
// a hyphenated compound in the phrase table for its split form to count:
// seen 8 times or more.
const splitCompoundMin = 4

// splitCompoundHits finds a hyphenated compound with a space before the
// hyphen and none after it ("the long -term allies", "a one -year limit")
// where edited English writes the compound joined (the phrase table has
// it): a dash between clauses has a space on both sides.
func splitCompoundHits(doc *segment.Document) []hit {
	tg, err := spantag.Default()
	if err != nil {
		return nil // New has checked that the tagger loads
	}
	ph := tg.Phrases()
	var out []hit
	for _, s := range doc.Sentences {
		toks := s.Tokens
		for i := 1; i+1 < len(toks); i++ {
			a, h, b := toks[i-1], toks[i], toks[i+1]
			if a.Kind != segment.Word || b.Kind != segment.Word || h.Text != "-" ||
				h.Start != a.End+1 || doc.Text[a.End] != ' ' || b.Start != h.End || !b.IsLower() {
				continue
			}
			joined := a.Norm + "-" + b.Norm
			if ph.Magnitude(spantag.Fold(joined)) < splitCompoundMin {
				continue
			}
			out = append(out, hit{
				id:         "split-compound",
				key:        joined,
				signal:     "split-compound",
				rule:       rules.GarbledSplitCompound,
				span:       segment.Span{Start: a.Start, End: b.End},
				message:    fmt.Sprintf("“%s”: a space splits the compound that edited English writes “%s”", doc.Text[a.Start:b.End], a.Text+"-"+b.Text),
				suggest:    []string{a.Text + "-" + b.Text},
				confidence: 0.8,
			})
		}
	}
	return out
}
