package lingua

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// phraseRule is one row of a phrase table: a word pattern, what it means and
// where it points. Patterns are matched against a sentence's words and
// numbers (punctuation, including quotation marks, is skipped), compared in
// lower case.
//
// Pattern syntax, elements separated by spaces:
//
//	word       the word itself
//	a|b|{c}    any of the alternatives
//	{class}    a word (or phrase) of a class, see phraseClasses
//	?elem      optional
//	!elem      the next word, if any, must not match elem (consumes nothing)
type phraseRule struct {
	id         string // stable row id, unique in the tables
	rule       string // passage rule, such as "garbled/calque"
	signal     string
	category   string
	pattern    string
	atStart    bool // the match must start the sentence
	langs      []string
	message    string // may use %s for the matched text
	suggest    func(words []segment.Token) []string
	confidence float64
	// examples must fire the row; counter must not. Tests run both.
	examples, counter []string
	elems             []elem
}

type elem struct {
	alts     []string // literals or "{class}"
	optional bool
	negative bool
}

func compile(pattern string) []elem {
	var out []elem
	for f := range strings.FieldsSeq(pattern) {
		e := elem{}
		switch {
		case strings.HasPrefix(f, "?"):
			e.optional, f = true, f[1:]
		case strings.HasPrefix(f, "!"):
			e.negative, f = true, f[1:]
		}
		e.alts = strings.Split(f, "|")
		out = append(out, e)
	}
	return out
}

// matchAt tries elems against words from index i and returns the index past
// the match. Optional elements are tried greedily, then skipped.
func matchAt(elems []elem, words []segment.Token, i int) (int, bool) {
	if len(elems) == 0 {
		return i, true
	}
	e := elems[0]
	if e.negative {
		if i < len(words) {
			if _, ok := matchAlts(e.alts, words, i); ok {
				return 0, false
			}
		}
		return matchAt(elems[1:], words, i)
	}
	if i < len(words) {
		if n, ok := matchAlts(e.alts, words, i); ok {
			if end, ok := matchAt(elems[1:], words, i+n); ok {
				return end, true
			}
		}
	}
	if e.optional {
		return matchAt(elems[1:], words, i)
	}
	return 0, false
}

// matchAlts returns how many words the first matching alternative covers.
func matchAlts(alts []string, words []segment.Token, i int) (int, bool) {
	for _, a := range alts {
		if strings.HasPrefix(a, "{") {
			name := strings.Trim(a, "{}")
			c, ok := phraseClasses[name]
			if !ok {
				panic(fmt.Sprintf("lingua: unknown phrase class %q", name)) // a table bug; tests catch it
			}
			if n := c(words, i); n > 0 {
				return n, true
			}
			continue
		}
		if words[i].Norm == a {
			return 1, true
		}
	}
	return 0, false
}

// phraseClasses match a class of words at words[i], returning how many words
// they cover (0: no match).
var phraseClasses = map[string]func(words []segment.Token, i int) int{
	"ua-region":   listClass(ukrainianRegions),
	"nationality": listClass(nationalities),
	"newspaper":   listClass(newspaperTitles),
	"subject":     wordClass(subjectPronouns),
	"think":       wordClass(set("thought", "believed", "said", "hoped", "expected", "assumed", "claimed", "feared", "knew", "think", "believe")),
	"month":       wordClass(months),
	"person-group": wordClass(set("government", "people", "company", "party", "administration", "family",
		"majority", "community", "group", "country", "nation", "kremlin", "team", "union", "ministry",
		"president", "whole", "rest", "entire", "generation", "victims", "voters", "members", "public")),
	"adverb": func(w []segment.Token, i int) int {
		return b2i(len(w[i].Norm) > 4 && strings.HasSuffix(w[i].Norm, "ly"))
	},
	"content": func(w []segment.Token, i int) int {
		return b2i(w[i].Kind == segment.Word && w[i].IsLower() && !functionWords[w[i].Norm])
	},
	// adjacent-content is a content word with nothing but a space before it
	// ("the 3rd attempt", not "the 3rd, officials").
	"adjacent-content": func(w []segment.Token, i int) int {
		return b2i(i > 0 && w[i].Start-w[i-1].End <= 1 && w[i].Kind == segment.Word && w[i].IsLower() && !functionWords[w[i].Norm])
	},
	"cap": func(w []segment.Token, i int) int { return b2i(w[i].IsCapitalized()) },
	"abstract": func(w []segment.Token, i int) int {
		n := w[i].Norm
		for _, suf := range []string{"ance", "ence", "tion", "sion", "ment", "ship", "ness", "ity"} {
			if len(n) > len(suf)+2 && strings.HasSuffix(n, suf) && w[i].IsLower() {
				return 1
			}
		}
		return 0
	},
	"day-ordinal": func(w []segment.Token, i int) int {
		n := w[i].Norm
		if w[i].Kind != segment.Number || len(n) < 3 {
			return 0
		}
		suf := n[len(n)-2:]
		if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
			return 0
		}
		d, err := strconv.Atoi(n[:len(n)-2])
		return b2i(err == nil && d >= 1 && d <= 31)
	},
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func wordClass(words map[string]bool) func([]segment.Token, int) int {
	return func(w []segment.Token, i int) int { return b2i(words[w[i].Norm]) }
}

// listClass matches the longest phrase of a list ("new york times" before
// "times").
func listClass(phrases []string) func([]segment.Token, int) int {
	split := make([][]string, len(phrases))
	for i, p := range phrases {
		split[i] = strings.Fields(strings.ToLower(p))
	}
	return func(w []segment.Token, i int) int {
		best := 0
		for _, p := range split {
			if len(p) <= best || i+len(p) > len(w) {
				continue
			}
			ok := true
			for k, pw := range p {
				if w[i+k].Norm != pw {
					ok = false
					break
				}
			}
			if ok {
				best = len(p)
			}
		}
		return best
	}
}

// phraseHits runs every phrase table over every sentence.
func phraseHits(doc *segment.Document) []hit {
	var out []hit
	for _, s := range doc.Sentences {
		words := s.Words()
		for ri := range phraseRules {
			r := &phraseRules[ri]
			for i := range words {
				if r.atStart && i > 0 {
					break
				}
				end, ok := matchAt(r.elems, words, i)
				if !ok || end == i {
					continue
				}
				out = append(out, r.hit(doc, words[i:end]))
				break // one hit per row and sentence
			}
		}
	}
	return out
}

func (r *phraseRule) hit(doc *segment.Document, m []segment.Token) hit {
	span := closeQuote(doc, segment.Span{Start: m[0].Start, End: m[len(m)-1].End})
	text := doc.Slice(span)
	msg := r.message
	if strings.Contains(msg, "%s") {
		msg = fmt.Sprintf(msg, text)
	}
	h := hit{
		id:         r.id,
		signal:     r.signal,
		rule:       r.rule,
		category:   r.category,
		span:       span,
		message:    msg,
		confidence: r.confidence,
		langs:      r.langs,
	}
	if r.suggest != nil {
		h.suggest = r.suggest(m)
	}
	return h
}

func init() {
	for i := range phraseRules {
		phraseRules[i].elems = compile(phraseRules[i].pattern)
	}
}

// closeQuote extends a span that opens a quotation without closing it
// (`US "New York Times`) over the closing mark right after it, so the
// passage an editor sees is whole.
func closeQuote(doc *segment.Document, span segment.Span) segment.Span {
	for _, q := range doc.Quotes {
		if q.Start >= span.Start && q.Start < span.End && q.End > span.End && q.Inner.End <= span.End {
			return segment.Span{Start: span.Start, End: q.End}
		}
	}
	return span
}
