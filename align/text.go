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
// byte c: most words fail this test and skip the table lookup.
var stopShape = func() (shape [maxStopLen + 1][256]bool) {
	for w := range stopWords {
		shape[len(w)][w[0]] = true
	}
	return shape
}()

const maxStopLen = 10

// stopTable is an open-addressed hash table of the stop words under
// stopHash, probed linearly: each slot holds 1 + the word's index in
// stopList, 0 when empty. A lookup hashes four bytes inline instead of
// calling the map's hash function (which made isStop the costliest step of
// reading a sentence's fields), and the table and the list together take
// 6 KB, which stays in the processor's first-level cache.
var stopList, stopTable = func() (list []string, table [stopTableSize]uint16) {
	for w := range stopWords {
		list = append(list, w)
		i := stopHash(w)
		for table[i] != 0 {
			i = (i + 1) % stopTableSize
		}
		table[i] = uint16(len(list))
	}
	return list, table
}()

// The stop table has 2^stopTableBits slots, more than four times the stop
// words, so that probes are short.
const (
	stopTableBits = 10
	stopTableSize = 1 << stopTableBits
)

// stopHash hashes a word's length and its first, middle and last bytes,
// which tell the stop words apart well enough that a lookup probes 1.1
// slots on average, without a loop over the word.
func stopHash(w string) uint32 {
	n := len(w)
	key := uint32(n) | uint32(w[0])<<8 | uint32(w[n>>1])<<16 | uint32(w[n-1])<<24
	return (key * 0x85ebca6b) >> (32 - stopTableBits)
}

// isStop reports whether the normalized word w is a stop word.
func isStop(w string) bool {
	if len(w) == 0 || len(w) > maxStopLen || !stopShape[len(w)][w[0]] {
		return false
	}
	for i := stopHash(w); stopTable[i] != 0; i = (i + 1) % stopTableSize {
		if stopList[stopTable[i]-1] == w {
			return true
		}
	}
	return false
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

// spelledNumbers are the number words and their values. "one" is left
// out: it is more often a pronoun than a count.
var spelledNumbers = map[string]int64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// spelledShape[n][c] has bit b set when a number word of n bytes starts
// with byte c and ends with a byte whose low five bits are b: nearly every
// word fails this test and skips the map lookup.
var spelledShape = func() (shape [maxSpelledLen + 1][256]uint32) {
	for w := range spelledNumbers {
		shape[len(w)][w[0]] |= 1 << (w[len(w)-1] & 31)
	}
	return shape
}()

const maxSpelledLen = 9

// spelledStart[c] is true when a number word starts with byte c.
var spelledStart = func() (start [256]bool) {
	for w := range spelledNumbers {
		start[w[0]] = true
	}
	return start
}()

// maybeSpelled is a quick test that turns most words away before
// spelledValue: a number word or pair ("twenty-five") has 3 to 13 bytes
// and starts with the first letter of a number word.
func maybeSpelled(w string) bool {
	return len(w) >= 3 && len(w) <= 13 && spelledStart[w[0]]
}

// spelledNumber returns the value of a number word.
func spelledNumber(w string) (int64, bool) {
	n := len(w)
	if n == 0 || n > maxSpelledLen || spelledShape[n][w[0]]&(1<<(w[n-1]&31)) == 0 {
		return 0, false
	}
	v, ok := spelledNumbers[w]
	return v, ok
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
		if m, ok := numberAt(toks, i); ok {
			out = append(out, m)
			i = m.end - 1
		}
	}
	return out
}

// numberAt reads the number that starts at token i, if any: a number
// token or a spelled number, with the scale word that follows it.
func numberAt(toks []segment.Token, i int) (numberMention, bool) {
	t := &toks[i]
	var v float64
	value := "" // the normalized value, when it is already at hand
	switch t.Kind {
	case segment.Number:
		if digits, x, ok := plainInteger(t.Norm); ok {
			v, value = x, digits
			break
		}
		x, ok := parseNumber(t.Norm)
		if !ok {
			return numberMention{}, false
		}
		v = x
	case segment.Word:
		x, ok := spelledValue(t.Norm)
		if !ok {
			return numberMention{}, false
		}
		v = float64(x)
		value = strconv.FormatInt(x, 10) // below 100: no allocation
	default:
		return numberMention{}, false
	}
	m := numberMention{span: t.Span, first: i, end: i + 1}
	if i+1 < len(toks) && toks[i+1].Kind == segment.Word {
		if f, ok := scaleWords[toks[i+1].Norm]; ok {
			v *= f
			value = ""
			m.span.End = toks[i+1].End
			m.end = i + 2
		}
	}
	if value == "" {
		value = formatNumber(v)
	}
	m.v, m.value = v, value
	return m, true
}

// plainInteger reads a number token that is already in normalized form:
// 1 to 15 digits without a leading zero, perhaps with an ordinal suffix
// ("2014", "23rd"). It returns the digits, a slice of norm, and their
// value, which is exact (below 2^53), so formatNumber would write the
// same digits: the common case costs no allocation.
func plainInteger(norm string) (string, float64, bool) {
	s := norm
	if n := len(s); n > 2 {
		switch s[n-2:] {
		case "st", "nd", "rd", "th":
			s = s[:n-2]
		}
	}
	if s == "" || len(s) > 15 || (s[0] == '0' && len(s) > 1) {
		return "", 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return "", 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return s, float64(v), true
}

// spelledValue reads a number word ("twelve") or a hyphenated pair
// ("twenty-five").
func spelledValue(norm string) (int64, bool) {
	if v, ok := spelledNumber(norm); ok {
		return v, true
	}
	// a pair is 9 to 13 bytes long: "forty-one" to "seventy-three"
	if len(norm) < 9 || len(norm) > 13 {
		return 0, false
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
