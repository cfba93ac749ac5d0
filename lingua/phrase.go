package lingua

import (
	"fmt"
	"github.com/transcheck/transcheck/internal/rules"
	"slices"
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
//	word       the word itself; a capitalized Word matches only a
//	           capitalized word
//	a|b|{c}    any of the alternatives
//	{class}    a word (or phrase) of a class, see phraseClasses
//	?elem      optional
//	!elem      the next word, if any, must not match elem (consumes nothing)
//	~elem      the word follows the word before it with only spaces between
//	,elem      punctuation stands between the word and the word before it
//	$          the clause ends here: the sentence ends or punctuation
//	           follows (consumes nothing; !$ is its negation)
//	$$         the sentence ends here (consumes nothing)
//
// The prefixes combine in the order ?, !, then ~ or ",". A "~" or ","
// on the first element looks at the word before the match.
type phraseRule struct {
	id      string      // stable row id, unique in the tables
	rule    *rules.Rule // the rule a match is reported under
	signal  string
	pattern string
	// anchor restricts where a match may start: anywhere (""), at the
	// start of the sentence, at the start of a clause, after an
	// introductory phrase, or after a closing quotation mark.
	anchor anchor
	// notAfter are words that must not stand right before the match.
	notAfter   []string
	langs      []string
	message    string // may use %s for the matched text
	suggest    func(words []segment.Token) []string
	confidence float64
	// examples must fire the row; counter must not. Tests run both.
	examples, counter []string
	elems             []elem
	// indexed rules have a required literal element, listed in
	// rulesByFirst.
	indexed bool
	// keyFirst rules start with their required literal, so a match can
	// start only where one of its words stands.
	keyFirst bool
}

// anchor is where a phrase rule's match may start.
type anchor uint8

const (
	anywhere anchor = iota
	// anchorStart: the first word of the sentence.
	anchorStart
	// anchorClause: the first word of the sentence or a word with
	// punctuation before it.
	anchorClause
	// anchorIntro: the first word of the sentence, or the first word after
	// an introductory adverbial phrase and its comma ("Earlier, ...",
	// "On Monday, ...").
	anchorIntro
	// anchorQuote: a word right after a closing quotation mark (and a
	// comma), as in a quotation's attribution.
	anchorQuote
)

type elem struct {
	alts      []alt
	optional  bool
	negative  bool
	joined    bool // ~: only spaces before the word
	split     bool // ,: punctuation before the word
	clauseEnd bool // $: zero-width end of clause
	// sentenceEnd ($$) narrows clauseEnd to the end of the sentence.
	sentenceEnd bool
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
		switch {
		case strings.HasPrefix(f, "~"):
			e.joined, f = true, f[1:]
		case strings.HasPrefix(f, ",") && len(f) > 1:
			e.split, f = true, f[1:]
		}
		switch f {
		case "$":
			e.clauseEnd = true
		case "$$":
			e.clauseEnd, e.sentenceEnd = true, true
		default:
			for a := range strings.SplitSeq(f, "|") {
				e.alts = append(e.alts, compileAlt(a, pattern))
			}
		}
		out = append(out, e)
	}
	return out
}

// matcher matches patterns against the words of one sentence.
type matcher struct {
	text  string
	words []segment.Token
}

// gap returns the text between words[i-1] and words[i]; for i == 0 it is
// "." (a sentence boundary counts as punctuation) and for i past the last
// word also ".".
func (m *matcher) gap(i int) string {
	if i <= 0 || i >= len(m.words) {
		return "."
	}
	return m.text[m.words[i-1].End:m.words[i].Start]
}

// joined reports whether only spaces (no line break) stand before words[i].
func (m *matcher) joined(i int) bool {
	g := m.gap(i)
	return g != "" && strings.Trim(g, " ") == ""
}

// clauseEnd reports whether a clause ends before words[i].
func (m *matcher) clauseEnd(i int) bool { return !m.joined(i) }

// matchAt tries elems against the words from index i and returns the index
// past the match. Optional elements are tried greedily, then skipped.
func (m *matcher) matchAt(elems []elem, i int) (int, bool) {
	if len(elems) == 0 {
		return i, true
	}
	e := elems[0]
	if e.clauseEnd {
		end := m.clauseEnd(i)
		if e.sentenceEnd {
			end = i >= len(m.words)
		}
		if end != e.negative {
			return m.matchAt(elems[1:], i)
		}
		return 0, false
	}
	if e.negative {
		if i < len(m.words) && m.gapOK(e, i) {
			if _, ok := matchAlts(e.alts, m.words, i); ok {
				return 0, false
			}
		}
		return m.matchAt(elems[1:], i)
	}
	if i < len(m.words) && m.gapOK(e, i) {
		if n, ok := matchAlts(e.alts, m.words, i); ok {
			if end, ok := m.matchAt(elems[1:], i+n); ok {
				return end, true
			}
		}
	}
	if e.optional {
		return m.matchAt(elems[1:], i)
	}
	return 0, false
}

func (m *matcher) gapOK(e elem, i int) bool {
	switch {
	case e.joined:
		return m.joined(i)
	case e.split:
		return i > 0 && !m.joined(i)
	}
	return true
}

// anchored reports whether a match of r may start at words[i].
func (m *matcher) anchored(r *phraseRule, i int) bool {
	if i > 0 && len(r.notAfter) > 0 && slices.Contains(r.notAfter, m.words[i-1].Norm) {
		return false
	}
	switch r.anchor {
	case anchorStart:
		return i == 0
	case anchorClause:
		return i == 0 || !m.joined(i)
	case anchorIntro:
		if i == 0 {
			return true
		}
		// words[0:i] is a short adverbial phrase closed by a comma.
		if i > 4 || !introWords[m.words[0].Norm] || !strings.Contains(m.gap(i), ",") {
			return false
		}
		for k := 1; k < i; k++ {
			if !m.joined(k) {
				return false
			}
		}
		return true
	case anchorQuote:
		return i > 0 && strings.ContainsAny(m.gap(i), "\"”»“")
	}
	return true
}

// introWords start the adverbial phrases anchorIntro skips.
var introWords = set("earlier", "later", "also", "meanwhile", "moreover", "furthermore",
	"additionally", "besides", "previously", "then", "now", "yesterday", "today",
	"tonight", "on", "in", "at", "by", "after", "before", "during", "overnight",
	"separately", "however", "since", "late", "early")

// alt is one alternative of a pattern element: a literal (in lower case;
// capOnly when the pattern wrote it capitalized) or a class.
type alt struct {
	lit     string
	capOnly bool
	class   func(words []segment.Token, i int) int
}

// compileAlt resolves one alternative. An unknown class or a stray
// operator is a bug in a table, which the tests catch: it panics.
func compileAlt(a, pattern string) alt {
	if a == "" || strings.ContainsAny(a, "$?!~") {
		panic(fmt.Sprintf("lingua: bad alternative %q in pattern %q", a, pattern))
	}
	if strings.HasPrefix(a, "{") {
		name := strings.Trim(a, "{}")
		c, ok := phraseClasses[name]
		if !ok {
			panic(fmt.Sprintf("lingua: unknown phrase class %q in pattern %q", name, pattern))
		}
		return alt{class: c}
	}
	return alt{lit: strings.ToLower(a), capOnly: a[0] >= 'A' && a[0] <= 'Z'}
}

// matchAlts returns how many words the first matching alternative covers.
func matchAlts(alts []alt, words []segment.Token, i int) (int, bool) {
	for _, a := range alts {
		if a.class != nil {
			if n := a.class(words, i); n > 0 {
				return n, true
			}
			continue
		}
		if words[i].Norm == a.lit && (!a.capOnly || words[i].IsCapitalized()) {
			return 1, true
		}
	}
	return 0, false
}

// phraseClasses match a class of words at words[i], returning how many words
// they cover (0: no match).
var phraseClasses = map[string]func(words []segment.Token, i int) int{
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
	// ("the 3rd attempt", not "the 3rd, officials"). "Local" is left out:
	// "on the 9th local time" is a date.
	"adjacent-content": func(w []segment.Token, i int) int {
		return b2i(i > 0 && w[i].Start-w[i-1].End <= 1 && w[i].Kind == segment.Word && w[i].IsLower() &&
			!functionWords[w[i].Norm] && w[i].Norm != "local")
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
	// bare-day is a day of the month in plain digits ("24", not "24th").
	"bare-day": func(w []segment.Token, i int) int {
		if w[i].Kind != segment.Number {
			return 0
		}
		d, err := strconv.Atoi(w[i].Norm)
		return b2i(err == nil && d >= 1 && d <= 31)
	},
	"year": func(w []segment.Token, i int) int {
		if w[i].Kind != segment.Number {
			return 0
		}
		y, err := strconv.Atoi(w[i].Norm)
		return b2i(err == nil && y >= 1900 && y <= 2100)
	},
	"weekday": wordClass(weekdays),
	// count is a number of things: digits (with any grouping) that are not
	// a year, a number word, or a vague quantifier ("several", "a few").
	"count": func(w []segment.Token, i int) int {
		if w[i].Norm == "a" && i+1 < len(w) && w[i+1].Norm == "few" {
			return 2
		}
		if w[i].Kind == segment.Number {
			n := w[i].Norm
			if strings.Trim(n, "0123456789.,") != "" {
				return 0 // "3rd", "5km"
			}
			y, err := strconv.Atoi(n)
			return b2i(err != nil || y < 1900 || y > 2100)
		}
		return b2i(countWords[w[i].Norm])
	},
	// measure-unit is a plural noun a size or strength is counted in.
	"measure-unit": wordClass(set("soldiers", "troops", "men", "personnel", "fighters", "metres",
		"meters", "kilometres", "kilometers", "km", "miles", "feet", "tonnes", "tons", "people", "members")),
	// concessive words follow "however" in "however long it takes".
	"concessive": wordClass(set("long", "much", "many", "little", "few", "hard", "often", "far",
		"small", "large", "big", "good", "bad", "great", "high", "low", "strong", "difficult",
		"slight", "brief", "painful", "costly", "unlikely", "well", "badly", "quickly", "slowly")),
	// modified is a lower-case word a name can modify ("Kremlin
	// officials"): a content word that is not a verb form.
	"modified": func(w []segment.Token, i int) int {
		n := w[i].Norm
		return b2i(w[i].Kind == segment.Word && w[i].IsLower() && !functionWords[n] && !finiteForms[n] &&
			!hasAnySuffix(n, "ed", "ly", "ing"))
	},
	// function is a closed-class word: article, preposition, conjunction,
	// pronoun, or a quantifier such as "no".
	"function": func(w []segment.Token, i int) int {
		n := w[i].Norm
		return b2i(functionWords[n] || subjectPronouns[n] || determiners[n] || n == "no" || n == "there" || n == "you")
	},
	// article-name is a name English writes with "the", capitalized.
	"article-name": func(w []segment.Token, i int) int {
		n := articleNameClass(w, i)
		for k := i; k < i+n; k++ {
			if !w[k].IsCapitalized() {
				return 0
			}
		}
		return n
	},
	"any": func(w []segment.Token, i int) int { return 1 },
	// lower is any word written in lower case.
	"lower":      func(w []segment.Token, i int) int { return b2i(w[i].Kind == segment.Word && w[i].IsLower()) },
	"plural":     pluralWord,
	"participle": participle,
	// acronym is a word of three or more capitals ("SCALP", "AFU").
	"acronym": func(w []segment.Token, i int) int {
		t := w[i].Text
		return b2i(w[i].Kind == segment.Word && len(t) >= 3 && strings.ToUpper(t) == t && strings.ToLower(t) != t)
	},
	// institution is a body that says things: "the Kremlin", "Ministry of
	// Defense of Russia", "the press service".
	"institution": func(w []segment.Token, i int) int {
		n := 0
		switch {
		case institutionNouns[w[i].Norm]:
			n = 1
		case w[i].Norm == "press" && i+1 < len(w) && (w[i+1].Norm == "service" || w[i+1].Norm == "office"),
			w[i].Norm == "general" && i+1 < len(w) && w[i+1].Norm == "staff":
			n = 2
		default:
			return 0
		}
		// "of Defense of Russia", "of the Russian Federation": a chain of
		// capitalized complements.
		for j := i + n; j+1 < len(w) && w[j].Norm == "of"; {
			k := j + 1
			if w[k].Norm == "the" && k+1 < len(w) {
				k++
			}
			if !w[k].IsCapitalized() {
				break
			}
			for k+1 < len(w) && w[k+1].IsCapitalized() {
				k++
			}
			n = k + 1 - i
			j = k + 1
		}
		return n
	},
	"emotion": wordClass(set("fear", "fears", "concern", "concerns", "worry", "worries", "scepticism",
		"skepticism", "uncertainty", "pressure", "anger", "hope", "hopes", "interest", "need",
		"danger", "risk", "damage", "relief", "frustration", "outrage", "disappointment",
		"excitement", "demand", "joy", "sorrow", "grief", "unrest", "dismay", "indignation")),
	"evaluative": wordClass(set("insufficient", "sufficient", "possible", "impossible", "likely",
		"unlikely", "necessary", "unnecessary", "wrong", "right", "correct", "realistic",
		"unrealistic", "dangerous", "plausible", "implausible", "sensible", "justified",
		"credible", "useful", "important", "inadequate", "adequate", "appropriate", "excessive")),
	// event is something that is carried out: an attack, a visit, a vote.
	"event": wordClass(set("attack", "attacks", "strike", "strikes", "operation", "operations",
		"visit", "visits", "meeting", "meetings", "bombing", "bombings", "offensive", "exercise",
		"exercises", "maneuvers", "manoeuvres", "search", "searches", "inspection", "inspections",
		"trip", "interview", "vote", "election", "test", "tests", "launch", "study", "survey",
		"raid", "raids", "assault", "evacuation", "detention", "arrest", "arrests", "shelling")),
	// capable is a compound in -capable ("war-capable").
	"capable": func(w []segment.Token, i int) int {
		return b2i(strings.HasSuffix(w[i].Norm, "-capable") && len(w[i].Norm) > len("-capable"))
	},
	// finite is a word that is a finite verb wherever it stands, or a
	// regular past form.
	"finite": func(w []segment.Token, i int) int {
		n := w[i].Norm
		return b2i(finiteForms[n] || w[i].IsLower() && len(n) > 4 && strings.HasSuffix(n, "ed") && !notParticiple[n])
	},
	// adjacent-cap is a capitalized word with nothing but a space before it.
	"adjacent-cap": func(w []segment.Token, i int) int {
		return b2i(i > 0 && w[i].Start-w[i-1].End <= 1 && w[i].IsCapitalized())
	},
	// title is a person's office that English names with an article or
	// before the name ("the governor of the region, X" or "Governor X").
	"title": wordClass(set("governor", "head", "mayor", "chief", "deputy", "commander", "chairman",
		"chairwoman", "director", "spokesman", "spokeswoman", "spokesperson", "representative",
		"secretary", "minister", "ambassador", "adviser", "advisor", "aide", "leader")),
}

// pluralWord matches a lower-case word with a plural -s that is not a mass
// noun or a singular in -s.
func pluralWord(w []segment.Token, i int) int {
	n := w[i].Norm
	return b2i(w[i].Kind == segment.Word && w[i].IsLower() && len(n) > 3 && strings.HasSuffix(n, "s") &&
		!hasAnySuffix(n, "ss", "'s", "us", "is", "as") && !notPlural[n])
}

// participle matches a past participle: a regular -ed form or a listed
// irregular one.
func participle(w []segment.Token, i int) int {
	n := w[i].Norm
	return b2i(w[i].Kind == segment.Word && w[i].IsLower() &&
		(len(n) > 4 && strings.HasSuffix(n, "ed") && !notParticiple[n] || irregularParticiples[n]))
}

var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

var countWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "several",
	"many", "some", "few", "dozens", "hundreds", "thousands")

// notPlural are words in -s that the plural class must not take.
var notPlural = set("news", "series", "species", "means", "chess", "politics", "economics",
	"physics", "mathematics", "logistics", "tactics", "ethics", "headquarters", "whereabouts",
	"crossroads", "this", "thus", "was", "has", "is", "does", "his", "its", "yes", "us", "plus",
	"perhaps", "always", "sometimes", "towards", "afterwards", "besides", "unless", "across")

// notParticiple are words in -ed that are not participles.
var notParticiple = set("indeed", "hundred", "speed", "seed", "need", "feed", "breed", "creed",
	"steed", "greed", "bleed", "proceed", "succeed", "exceed", "naked", "wicked", "sacred",
	"kindred", "shed", "bed", "red", "shred", "sled", "wed", "bred", "fled", "led", "fed")

// irregularParticiples are past participles without -ed.
var irregularParticiples = set("taken", "given", "done", "made", "seen", "known", "shown",
	"begun", "written", "brought", "built", "lost", "won", "held", "left", "sent", "spent",
	"kept", "said", "told", "found", "paid", "put", "set", "cut", "hit", "struck", "fought",
	"bought", "caught", "taught", "thought", "sold", "driven", "flown", "grown", "drawn",
	"thrown", "worn", "broken", "chosen", "spoken", "stolen", "frozen", "fallen", "forgotten",
	"gotten", "risen", "eaten", "hidden", "ridden", "shaken", "beaten", "bitten", "gone",
	"come", "become", "run", "met", "led", "fled", "shot", "understood", "undertaken", "withdrawn",
	"overtaken", "overseen", "rebuilt", "destroyed", "sunk", "begun", "laid", "lain", "sought")

var articleNameClass = listClass(articleNames)

// articleNames are names English writes with "the" ("the Kremlin").
var articleNames = []string{"russian federation", "kremlin", "pentagon", "united states",
	"united kingdom", "european union", "general staff", "state duma", "security council",
	"white house", "armed forces", "verkhovna rada", "hague", "netherlands"}

// institutionNouns head the names of bodies that issue statements.
var institutionNouns = set("kremlin", "ministry", "pentagon", "department", "headquarters",
	"administration", "government", "embassy", "duma", "office", "parliament", "rada",
	"staff", "command", "presidency", "cabinet", "mission", "agency", "committee", "council")

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
// "times"), looked up by its first word.
func listClass(phrases []string) func([]segment.Token, int) int {
	byFirst := map[string][][]string{}
	for _, p := range phrases {
		f := strings.Fields(strings.ToLower(p))
		byFirst[f[0]] = append(byFirst[f[0]], f)
	}
	return func(w []segment.Token, i int) int {
		best := 0
		for _, p := range byFirst[w[i].Norm] {
			if len(p) <= best || i+len(p) > len(w) {
				continue
			}
			ok := true
			for k, pw := range p[1:] {
				if w[i+1+k].Norm != pw {
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
// Rules with a required literal element are tried only on sentences that
// have one of its words (rulesByFirst); the others on every sentence.
func phraseHits(doc *segment.Document) []hit {
	var out []hit
	// at[ri] lists the positions of the words of rule ri's required
	// literal in the sentence.
	at := make([][]int, len(phraseRules))
	for _, s := range doc.Sentences {
		m := matcher{text: doc.Text, words: s.Words()}
		for ri := range at {
			at[ri] = at[ri][:0]
		}
		// Headlines, captions and other verbless fragments drop articles
		// in English too ("Head of district visits front").
		headline := s.Heading || !hasFiniteVerb(m.words)
		for i, w := range m.words {
			for _, ri := range rulesByFirst[w.Norm] {
				at[ri] = append(at[ri], i)
			}
		}
		for ri := range phraseRules {
			r := &phraseRules[ri]
			if r.indexed && len(at[ri]) == 0 || headline && r.signal == "missing-article" {
				continue
			}
			try := func(i int) bool {
				if r.anchor == anchorStart && i > 0 || !m.anchored(r, i) {
					return false
				}
				end, ok := m.matchAt(r.elems, i)
				if !ok || end == i {
					return false
				}
				out = append(out, r.hit(doc, m.words[i:end]))
				return true // one hit per row and sentence
			}
			if r.keyFirst {
				for _, i := range at[ri] {
					if try(i) {
						break
					}
				}
				continue
			}
			for i := range m.words {
				if r.anchor == anchorStart && i > 0 || try(i) {
					break
				}
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
		// The messages quote the text in double quotation marks; a text
		// that holds its own (a newspaper's quoted title) nests them.
		msg = fmt.Sprintf(msg, segment.Nested(text))
	}
	h := hit{
		id:         r.id,
		signal:     r.signal,
		rule:       r.rule,
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

// rulesByFirst maps a word to the rules that cannot match a sentence
// without it.
var rulesByFirst = map[string][]int{}

// requiredLiteral returns the element every match must have a word of,
// made of literals only, with the fewest alternatives (the later one on a
// tie, usually the rarer word), or the first element when it is one; nil
// when there is none.
func requiredLiteral(elems []elem) *elem {
	var best *elem
	for k := range elems {
		e := &elems[k]
		if e.optional || e.negative || e.clauseEnd || slices.ContainsFunc(e.alts, func(a alt) bool { return a.class != nil }) {
			continue
		}
		if k == 0 {
			return e // the words a match starts with: the cheapest to try
		}
		if best == nil || len(e.alts) <= len(best.alts) {
			best = e
		}
	}
	return best
}

func init() {
	for i := range phraseRules {
		r := &phraseRules[i]
		r.elems = compile(r.pattern)
		key := requiredLiteral(r.elems)
		if key == nil {
			continue
		}
		r.indexed, r.keyFirst = true, key == &r.elems[0]
		for _, a := range key.alts {
			if !slices.Contains(rulesByFirst[a.lit], i) {
				rulesByFirst[a.lit] = append(rulesByFirst[a.lit], i)
			}
		}
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
