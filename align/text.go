package align

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/segment"
)

// stopWords are English function words and reporting verbs. They carry no
// evidence that two sentences say the same thing, so neither the index nor
// the similarity counts them. The list is written for this package.
var stopWords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for w := range strings.FieldsSeq(`
a about above after again against all also although am among an and another
any are as at be became because been before being below between both but by
can could did do does doing done down during each either else even ever every
few for from further had has have having he her here hers herself him himself
his how however i if in into is it its itself just least less many may me
might more most much must my myself neither no nor not now of off on once one
only or other others our ours ourselves out over own per quite rather same she
should since so some such than that the their theirs them themselves then
there these they this those though through thus to too toward towards under
until up upon us very via was we were what whatever when where whether which
while who whom whose why will with within without would yet you your yours
yourself 's s t can't cannot don't doesn't didn't isn't aren't wasn't weren't
won't wouldn't shouldn't couldn't it's that's he's she's they're we're i'm
there's what's let's
said say says saying told tell tells according reported reports reportedly
mr mrs ms
across along amid around behind beside besides beyond despite except inside
like near onto outside past unlike`) {
		m[w] = struct{}{}
	}
	return m
}()

// isContent reports whether a token is a content word: a word of two
// letters or more that is not a stop word.
func isContent(t segment.Token) bool {
	return t.Kind == segment.Word && len(t.Norm) >= 2 && !isStop(t.Norm)
}

// stopShape[n][c] is true when some stop word has n bytes and starts with
// byte c: most words fail this test and skip the map lookup.
var stopShape = func() (shape [maxStopLen + 1][256]bool) {
	for w := range stopWords {
		shape[len(w)][w[0]] = true
	}
	return shape
}()

const maxStopLen = 10

// isStop reports whether the normalized word w is a stop word.
func isStop(w string) bool {
	if len(w) == 0 || len(w) > maxStopLen || !stopShape[len(w)][w[0]] {
		return false
	}
	_, ok := stopWords[w]
	return ok
}

// stem reduces a normalized (lower-case) word to a light stem by stripping
// a possessive and common inflectional suffixes: "decisions" and "decision"
// share "decision", "involved" and "involve" share "involv", "armies" and
// "army" share "arm". It only ever slices its argument, so it does not
// allocate. It is deliberately light: it conflates inflections, not
// derivations, so that unrelated words rarely collide.
func stem(w string) string {
	w = stripPossessive(w)
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case n > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes")):
		w = w[:n-2]
	case n > 3 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing") && hasVowel(w[:n-3]):
		w = undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed") && hasVowel(w[:n-2]):
		w = undouble(w[:n-2])
	case n > 5 && strings.HasSuffix(w, "ly"):
		w = w[:n-2]
	}
	n = len(w)
	if n > 3 && (w[n-1] == 'e' || w[n-1] == 'y') {
		w = w[:n-1]
	}
	return w
}

// stripPossessive removes a trailing "'s" or "'" from a normalized word.
func stripPossessive(w string) string {
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	return strings.TrimSuffix(w, "'")
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// undouble turns "plann" into "plan" and "stopp" into "stop", but keeps
// "kill", "pass" and "buzz".
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && strings.IndexByte("bdfgmnprt", w[n-1]) >= 0 {
		return w[:n-1]
	}
	return w
}

// isName reports whether word token t is a name: a capitalized word that is
// not the first word of its sentence, or a first word that is not a common
// English word. All-capital words count only when they are not common words
// ("NATO", not "HIMSELF").
func isName(t segment.Token, first bool) bool {
	if t.Kind != segment.Word || !t.IsCapitalized() {
		return false
	}
	if first || isAllCaps(t.Text) {
		return !isStop(t.Norm) && !isCommonWord(t.Text)
	}
	return true
}

// commonWords caches lexicon.IsWord for the capitalized words that open
// sentences: the same few thousand recur, and a lexicon miss (a name) tries
// every inflection rule. The cache stops growing at maxCommonWords entries.
var commonWords struct {
	sync.Map // word → bool
	n        atomic.Int64
}

const maxCommonWords = 1 << 17

func isCommonWord(w string) bool {
	if v, ok := commonWords.Load(w); ok {
		return v.(bool)
	}
	v := lexicon.IsWord(w)
	if commonWords.n.Load() < maxCommonWords {
		if _, loaded := commonWords.LoadOrStore(strings.Clone(w), v); !loaded {
			commonWords.n.Add(1)
		}
	}
	return v
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z':
			return false
		case 'A' <= r && r <= 'Z':
			letters++
		}
	}
	return letters > 1
}

// spelledNumber returns the value of a number word. "one" is left out: it
// is more often a pronoun than a count.
func spelledNumber(w string) (int64, bool) {
	switch w {
	case "two":
		return 2, true
	case "three":
		return 3, true
	case "four":
		return 4, true
	case "five":
		return 5, true
	case "six":
		return 6, true
	case "seven":
		return 7, true
	case "eight":
		return 8, true
	case "nine":
		return 9, true
	case "ten":
		return 10, true
	case "eleven":
		return 11, true
	case "twelve", "dozen":
		return 12, true
	case "thirteen":
		return 13, true
	case "fourteen":
		return 14, true
	case "fifteen":
		return 15, true
	case "sixteen":
		return 16, true
	case "seventeen":
		return 17, true
	case "eighteen":
		return 18, true
	case "nineteen":
		return 19, true
	case "twenty":
		return 20, true
	case "thirty":
		return 30, true
	case "forty":
		return 40, true
	case "fifty":
		return 50, true
	case "sixty":
		return 60, true
	case "seventy":
		return 70, true
	case "eighty":
		return 80, true
	case "ninety":
		return 90, true
	}
	return 0, false
}

// scaleWords multiply the number before them: "1.5 million".
var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "mln": 1e6,
}

// numberMention is a number in a sentence: its normalized value, the tokens
// it covers and the words that follow it (what it counts).
type numberMention struct {
	value string       // normalized: "300000", "12", "1.5"
	v     float64      // the value
	span  segment.Span // the number, with a scale word if any
	first int          // index in the sentence's tokens of the number
	end   int          // index after the number and its scale word
}

// parseNumber returns the numeric value of a number token's normalized text:
// thousands separators dropped, ordinal suffixes dropped ("23rd" is 23).
// Tokens that are not plain numbers (times, ranges, "1990s") return ok false.
func parseNumber(norm string) (float64, bool) {
	s := norm
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suf) {
			s = s[:len(s)-2]
			break
		}
	}
	if s == "" || len(s) > 40 {
		return 0, false
	}
	// a comma must group digits in threes: "300,000", not "3,4"
	if strings.IndexByte(s, ',') >= 0 {
		intPart, _, _ := strings.Cut(s, ".")
		groups := strings.Split(intPart, ",")
		for i, g := range groups {
			if (i > 0 && len(g) != 3) || g == "" || len(g) > 3 {
				return 0, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '.' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// formatNumber writes a value in the normalized form numbers are indexed
// and compared by.
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// numbersIn finds the numbers among a sentence's tokens, in order.
func numbersIn(toks []segment.Token) []numberMention {
	var out []numberMention
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var v float64
		switch {
		case t.Kind == segment.Number:
			x, ok := parseNumber(t.Norm)
			if !ok {
				continue
			}
			v = x
		case t.Kind == segment.Word:
			x, ok := spelledValue(t.Norm)
			if !ok {
				continue
			}
			v = float64(x)
		default:
			continue
		}
		m := numberMention{span: t.Span, first: i, end: i + 1}
		if i+1 < len(toks) && toks[i+1].Kind == segment.Word {
			if f, ok := scaleWords[toks[i+1].Norm]; ok {
				v *= f
				m.span.End = toks[i+1].End
				m.end = i + 2
			}
		}
		m.v, m.value = v, formatNumber(v)
		out = append(out, m)
		i = m.end - 1
	}
	return out
}

// spelledValue reads a number word ("twelve") or a hyphenated pair
// ("twenty-five").
func spelledValue(norm string) (int64, bool) {
	// every number word is 3 to 13 bytes long and starts with one of these
	// letters: most words are turned away here
	if len(norm) < 3 || len(norm) > 13 || strings.IndexByte("defnst", norm[0]) < 0 {
		return 0, false
	}
	if v, ok := spelledNumber(norm); ok {
		return v, true
	}
	tens, unit, ok := strings.Cut(norm, "-")
	if !ok {
		return 0, false
	}
	t, _ := spelledNumber(tens)
	u, _ := spelledNumber(unit)
	if unit == "one" {
		u = 1
	}
	if t < 20 || t > 90 || t%10 != 0 || u < 1 || u > 9 {
		return 0, false
	}
	return t + u, true
}
