package lingua

import (
	"github.com/transcheck/transcheck/internal/persons"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/pinyin"
	"github.com/transcheck/transcheck/internal/segment"
)

// adjacent reports whether b follows a after a single character, a space.
func adjacent(a, b segment.Token) bool { return b.Start-a.End == 1 }

// nameContext reports whether words[i], a capitalized word, stands where
// English puts a person's name or a part of a multi-word foreign name:
// after a title ("Mr. Tanabe", "Foreign Minister Sopa"), after an initial
// ("John B. Corvi"), after a capitalized given name English dictionaries
// list ("Bob Lumana", "Chou En-lai"), before a capitalized surname that is
// neither English nor pinyin ("Lumana Phillips", "Keng Tessaro"), or before
// a verb of speech ("Lumana said"). Romanized Chinese left by a translation
// stands in running text ("in Wubei", "the Zhongmei talks"), not there.
func nameContext(words []segment.Token, i int, known func(string) bool) bool {
	if !words[i].IsCapitalized() {
		return false
	}
	if i > 0 {
		p := words[i-1]
		gap := words[i].Start - p.End
		switch {
		case persons.IsTitle(p.Norm) && (gap == 1 || gap == 2):
			return true // "Mr. Tanabe" has ". " between the words
		case len(p.Text) == 1 && p.IsCapitalized() && gap == 2:
			return true // an initial: "John B. Corvi"
		case gap == 1 && i > 1 && p.IsCapitalized() && lexicon.IsProperName(segment.StripPossessive(p.Text)) && !placeOrNationality(p, known):
			return true
		}
	}
	if i+1 < len(words) {
		n := words[i+1]
		if !adjacent(words[i], n) {
			return false
		}
		if persons.IsSpeechVerb(n.Norm) {
			return true
		}
		bare := segment.StripPossessive(n.Text)
		if n.IsCapitalized() && len(bare) > 1 && !placeOrNationality(n, known) &&
			(lexicon.IsProperName(bare) || !lexicon.IsWord(bare)) && !readsAsChinese(bare, known) {
			return true
		}
	}
	return false
}

// placeOrNationality reports whether a capitalized word is a known place
// name or a nationality: "Russian Wubei" and "Kherson Dongou" are not a
// person's name.
func placeOrNationality(t segment.Token, known func(string) bool) bool {
	bare := segment.StripPossessive(t.Text)
	return known != nil && known(bare) || slices.Contains(nationalities, strings.ToLower(bare))
}

// nameUses tells whether a word stands, somewhere in a document, where
// English puts a person's name (see nameContext): news introduces a person
// once in full ("Bob Lumana") and then by surname alone ("Lumana kept his
// place"). It looks a word up only when asked and remembers the answer; it
// is not safe for concurrent use (each detector call makes its own).
type nameUses struct {
	doc   *segment.Document
	known func(string) bool
	memo  map[string]bool
}

func newNameUses(doc *segment.Document, known func(string) bool) *nameUses {
	return &nameUses{doc: doc, known: known, memo: map[string]bool{}}
}

// usedAsName reports whether word (compared case-insensitively, without a
// possessive) stands capitalized in a person-name context anywhere in the
// document.
func (u *nameUses) usedAsName(word string) bool {
	key := strings.ToLower(segment.StripPossessive(word))
	v, ok := u.memo[key]
	if !ok {
		v = !persons.IsTitle(key) && u.find(key) // "Coach Ed Hollister": a title is no name
		u.memo[key] = v
	}
	return v
}

func (u *nameUses) find(key string) bool {
	for _, s := range u.doc.Sentences {
		if !slices.ContainsFunc(s.Tokens, func(t segment.Token) bool { return segment.StripPossessive(t.Norm) == key }) {
			continue
		}
		words := s.Words()
		for i, w := range words {
			if w.Kind == segment.Word && w.IsCapitalized() && segment.StripPossessive(w.Norm) == key &&
				(nameContext(words, i, u.known) || afterForeignGivenName(words, i, u.known) ||
					glossedName(u.doc.Text, words, i) || designatedPlace(words, i)) {
				return true
			}
		}
	}
	return false
}

// readsAsChinese reports whether w would count as romanized Chinese (see
// romanizedHits) wherever it stood: a romanization suspect with a Chinese
// reading or at most two syllables.
func readsAsChinese(w string, known func(string) bool) bool {
	if !romanizationSuspect(w, known) {
		return false
	}
	if syl, _ := pinyin.Split(w); len(syl) <= 2 {
		return true
	}
	if _, ok := gazetteer.ParseAbbreviation(w); ok {
		return true
	}
	_, ok := chinesePlaceName(w)
	return ok
}

// glossedName reports whether words[i] belongs to a run of capitalized
// words that a parenthesized gloss in another script follows: "Chao
// Tian-lin (趙天麟)", "Fengshan District (鳳山)". The writer gave the name's
// original spelling, so the romanization is the name, not a word left
// untranslated.
func glossedName(text string, words []segment.Token, i int) bool {
	j := i
	for j+1 < len(words) && words[j+1].IsCapitalized() && words[j+1].Start-words[j].End == 1 {
		j++
	}
	rest := strings.TrimLeft(text[words[j].End:], " ")
	if !strings.HasPrefix(rest, "(") {
		return false
	}
	rest = strings.TrimLeft(rest[1:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	if scriptOf(r) < 0 {
		return false
	}
	runs := foreignScripts(rest[:min(len(rest), 64)])
	if len(runs) == 0 || runs[0].Span.Start != 0 {
		return false
	}
	off := len(text) - len(rest)
	return isGloss(text, segment.Span{Start: off, End: off + runs[0].Span.End})
}

// designatedPlace reports whether words[i] is followed by a capitalized
// subdivision noun that makes it a place's name: "Changhua County",
// "Yuanlin Township". English keeps such names romanized.
func designatedPlace(words []segment.Token, i int) bool {
	if i+1 >= len(words) || words[i+1].Start-words[i].End != 1 {
		return false
	}
	n := words[i+1]
	return n.IsCapitalized() && gazetteer.IsSubdivisionNoun(n.Norm)
}
