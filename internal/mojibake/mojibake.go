// Package mojibake finds text that was decoded with the wrong character
// encoding, such as "â€™" where "’" was meant (UTF-8 read as Windows-1252),
// and repairs it.
//
// It works by reversing the damage: a run of characters that the wrong
// encoding can produce is encoded back with it, the bytes are decoded with
// each candidate right encoding, and a repair is kept only when it is valid
// and clearly more plausible than the text as it stands (fewer rare
// symbols and control characters, fewer characters for the same content,
// letters of one script with a natural pattern of case). The wrong
// encodings tried are Windows-1252 and Latin-1 (ISO-8859-1), the decodings
// most software falls back to; the right ones are UTF-8 (also applied
// twice, for double-encoded text), Windows-1251, KOI8-R and GBK.
//
// Find runs in time linear in the length of the text.
package mojibake

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
)

// The names of the encodings, as Repair reports them.
const (
	UTF8        = "UTF-8"
	Windows1251 = "Windows-1251"
	KOI8R       = "KOI8-R"
	GBK         = "GBK"
	Windows1252 = "Windows-1252"
	Latin1      = "ISO-8859-1"
)

// Repair is one passage of damaged text and what it should read.
type Repair struct {
	// Start and End are the byte offsets of the damaged passage.
	Start, End int
	// Text is the repaired passage.
	Text string
	// Was is the encoding the text's bytes were really in, such as "UTF-8".
	Was string
	// ReadAs is the encoding they were wrongly decoded with:
	// "Windows-1252" or "ISO-8859-1".
	ReadAs string
	// Times is how many times the wrong decoding was applied: 2 for UTF-8
	// that was encoded twice.
	Times int
}

// maxRun bounds the length in bytes of a passage that is tried as a
// whole; a longer one is cut into pieces of this size at word boundaries.
// It keeps the work per passage bounded, so Find stays linear.
const maxRun = 4096

// Find returns the damaged passages of text, in order, each with its
// repair. Text that reads as it should gives none.
func Find(text string) []Repair {
	var out []Repair
	for _, p := range passages(text) {
		if r, ok := repair(text[p.start:p.end]); ok {
			r.Start += p.start
			r.End += p.start
			out = append(out, r)
		}
	}
	return out
}

// Findings returns the encoding findings for text: one per damaged
// passage, with the repaired text as the suggestion. Spans are byte
// offsets into text; the caller fills in lines, columns and the text.
func Findings(text string) []report.Finding {
	reps := Find(text)
	out := make([]report.Finding, 0, len(reps))
	for _, r := range reps {
		out = append(out, report.Finding{
			Rule:        rules.EncodingMojibake.ID,
			Category:    rules.EncodingMojibake.Category,
			Severity:    rules.EncodingMojibake.Severity,
			Span:        report.Span{Start: r.Start, End: r.End},
			Message:     r.message(),
			Suggestions: []string{r.Text},
			Confidence:  0.9,
		})
	}
	return out
}

func (r Repair) message() string {
	how := r.Was + " text read as " + r.ReadAs
	if r.Times > 1 {
		how = r.Was + " text read as " + r.ReadAs + " twice (encoded twice)"
	}
	return "Encoding damage: this is " + how + "; it should read “" + r.Text + "”."
}

// span is a half-open byte range.
type span struct{ start, end int }

// wrongByte returns the byte that Windows-1252 or Latin-1 decodes to r, and
// whether there is one. Latin-1 decodes every byte to the code point of the
// same value; Windows-1252 differs only in 0x80–0x9F, where it has
// punctuation and a few letters (and, for its five unassigned bytes, the
// C1 control of the same value, as Latin-1).
func wrongByte(r rune) (byte, bool) {
	if r < 0x100 {
		return byte(r), true
	}
	b, ok := cp1252High[r]
	return b, ok
}

// cp1252High maps Windows-1252's characters for bytes 0x80–0x9F that are
// not C1 controls back to their bytes. (x/text decodes the five unassigned
// bytes to U+FFFD, which says nothing of the byte; browsers decode them to
// the C1 control of the same value, which Latin-1's rule covers.)
var cp1252High = func() map[rune]byte {
	m := make(map[rune]byte, 32)
	for b := 0x80; b < 0xA0; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); r >= 0x100 && r != utf8.RuneError {
			m[r] = byte(b)
		}
	}
	return m
}()

// passages splits text into the runs worth trying: maximal runs of words
// that hold characters the wrong encodings produce above ASCII, joined
// across ASCII spaces, punctuation and digits, but not across an ASCII word
// or a character the wrong encodings cannot produce. A word is a run of
// characters between ASCII spaces.
func passages(text string) []span {
	var out []span
	start, end := -1, -1 // the passage being built
	lead := -1           // where punctuation words that may open one start
	flush := func() {
		if start >= 0 {
			out = append(out, span{start, end})
		}
		start, end, lead = -1, -1, -1
	}
	for i := 0; i < len(text); {
		// One word: from i to the next ASCII space.
		j := i
		for j < len(text) && !isASCIISpace(text[j]) {
			j++
		}
		if j > i {
			word := text[i:j]
			kind := classify(word)
			switch {
			case kind == hasHigh:
				if start >= 0 && i-start > maxRun {
					flush()
				}
				if start < 0 {
					start = i
					if lead >= 0 {
						start = lead
					}
				}
				end = j
			case kind == highPunct:
				if start < 0 && lead < 0 {
					lead = i
				}
			case kind == asciiLetters || kind == foreign:
				flush()
			}
		}
		// The spaces after it.
		for j < len(text) && isASCIISpace(text[j]) {
			j++
		}
		i = j
	}
	flush()
	// A word with both repairable characters and characters the wrong
	// encodings cannot produce is split: keep the runs of the former.
	var split []span
	for _, p := range out {
		split = append(split, encodableRuns(text, p)...)
	}
	return split
}

// The kinds of word passages distinguishes.
const (
	asciiOnly    = iota // digits and punctuation: joins a passage
	asciiLetters        // an ASCII word: ends a passage
	hasHigh             // letters above ASCII the wrong encodings produce
	highPunct           // only punctuation and symbols of theirs above ASCII
	foreign             // none of theirs, but other characters above ASCII
)

// classify says what a word is to passages. Only letters start a passage:
// UTF-8 damage always holds one (the character a lead byte decodes to,
// such as "Ã" or "â"), and legacy damage is mostly letters; a word whose
// only characters above ASCII are punctuation ("don’t", "—") is not tried,
// but does not end a passage either.
func classify(word string) int {
	kind := asciiOnly
	for _, r := range word {
		switch {
		case r < utf8.RuneSelf:
			if kind == asciiOnly && isASCIILetter(r) {
				kind = asciiLetters
			}
		case isWrongDecoded(r):
			if unicode.IsLetter(r) {
				return hasHigh
			}
			if kind != foreign {
				kind = highPunct
			}
		default:
			kind = foreign
		}
	}
	return kind
}

// isWrongDecoded reports whether r is above ASCII and one of the
// characters Windows-1252 or Latin-1 decode bytes to.
func isWrongDecoded(r rune) bool {
	_, ok := wrongByte(r)
	return ok && r >= utf8.RuneSelf
}

// encodableRuns cuts p at characters the wrong encodings cannot produce,
// and trims ASCII from the ends of each piece, returning the pieces that
// hold characters above ASCII.
func encodableRuns(text string, p span) []span {
	var out []span
	s := p.start
	emit := func(a, b int) {
		for a < b && text[a] < utf8.RuneSelf {
			a++
		}
		for b > a && text[b-1] < utf8.RuneSelf {
			b--
		}
		// Keep the ASCII letters that touch the run: UTF-8 damage sits
		// inside words ("donâ€™t"), and GBK's second bytes may be ASCII.
		for a > s && isASCIILetter(rune(text[a-1])) {
			a--
		}
		for b < len(text) && b < p.end && isASCIILetter(rune(text[b])) {
			b++
		}
		if a < b {
			out = append(out, span{a, b})
		}
	}
	for i := p.start; i < p.end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if _, ok := wrongByte(r); !ok || (r == utf8.RuneError && n == 1) {
			emit(s, i)
			s = i + n
		}
		i += n
	}
	emit(s, p.end)
	return out
}

func isASCIISpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

func isASCIILetter(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }

// toWrongBytes encodes s back to the bytes the wrong encoding decoded it
// from. Every character of a passage has such a byte.
func toWrongBytes(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		c, _ := wrongByte(r)
		b = append(b, c)
	}
	return b
}

// readAs names the wrong encoding that produced s: Latin-1 when s holds C1
// controls, which Windows-1252 decodes to punctuation, else Windows-1252.
func readAs(s string) string {
	for _, r := range s {
		if r >= 0x80 && r < 0xA0 {
			if d := charmap.Windows1252.DecodeByte(byte(r)); d >= 0x100 && d != utf8.RuneError {
				return Latin1
			}
		}
	}
	return Windows1252
}

// repair tries the reverse decodings on one passage and returns the most
// plausible repair that is clearly better than the passage as it stands.
func repair(seen string) (Repair, bool) {
	seenCost := cost(seen, nil)
	best := Repair{}
	bestCost := seenCost - minGain
	found := false

	// UTF-8 read as the wrong encoding, once or twice.
	cur, curCost, times := seen, seenCost, 0
	for times < 3 {
		next, ok := fromUTF8(cur)
		if !ok {
			break
		}
		c := cost(next, nil)
		if c > curCost-minGain {
			break
		}
		cur, curCost, times = next, c, times+1
	}
	if times > 0 && curCost <= bestCost {
		best, bestCost, found = Repair{Text: cur, Was: UTF8, Times: times}, curCost, true
	}

	// A legacy encoding read as the wrong one. Its letters must make up
	// most of the passage (a Latin word with an accent or two is left
	// alone), and the repair must gain on every letter: a list of Nordic
	// letters or capitals also reads, badly, as Cyrillic.
	if n := heavy(seen); n > 0 {
		raw := toWrongBytes(seen)
		for _, le := range legacy {
			out, ok := decodeStrict(le.enc, raw)
			if !ok {
				continue
			}
			c := cost(out, le.extra)
			if !oneScript(out, le.script) || seenCost-c < legacyGain*float64(n) {
				continue
			}
			if c < bestCost || (c <= bestCost && !found) {
				best, bestCost, found = Repair{Text: out, Was: le.name, Times: 1}, c, true
			}
		}
	}
	if !found {
		return Repair{}, false
	}
	best.ReadAs = readAs(seen)
	// Report only what changes: trim what the passage and its repair share
	// at either end.
	a, b := trimCommon(seen, best.Text)
	best.Start, best.End = a, len(seen)-b
	best.Text = best.Text[a : len(best.Text)-b]
	return best, true
}

// minGain is how much less implausible a repair must be than the text it
// replaces; legacyGain is how much less, per letter above ASCII, a repair
// from a legacy encoding must be. Text in such an encoding read wrongly
// gains about half a point per letter (see cost).
const (
	minGain    = 1.0
	legacyGain = 0.35
)

// fromUTF8 decodes, within s, every run of wrongly decoded characters whose
// bytes form a valid multi-byte UTF-8 sequence, and keeps the rest. It
// reports whether anything changed.
func fromUTF8(s string) (string, bool) {
	raw := toWrongBytesLoose(s)
	var b strings.Builder
	changed := false
	for i, k := 0, 0; i < len(raw); k++ {
		c := raw[i]
		if c.ok && c.b >= 0xC2 && c.b <= 0xF4 {
			n := seqLen(c.b)
			if i+n <= len(raw) {
				var buf [4]byte
				good := true
				for j := 0; j < n; j++ {
					if !raw[i+j].ok {
						good = false
						break
					}
					buf[j] = raw[i+j].b
				}
				if good {
					if r, w := utf8.DecodeRune(buf[:n]); w == n && r != utf8.RuneError {
						b.WriteRune(r)
						i += n
						changed = true
						continue
					}
				}
			}
		}
		b.WriteRune(c.r)
		i++
	}
	return b.String(), changed
}

// wrongChar is a character with the byte the wrong encoding decoded it
// from, if it has one.
type wrongChar struct {
	r  rune
	b  byte
	ok bool
}

func toWrongBytesLoose(s string) []wrongChar {
	out := make([]wrongChar, 0, len(s))
	for _, r := range s {
		b, ok := wrongByte(r)
		out = append(out, wrongChar{r, b, ok && r >= 0x80})
	}
	return out
}

func seqLen(lead byte) int {
	switch {
	case lead >= 0xF0:
		return 4
	case lead >= 0xE0:
		return 3
	}
	return 2
}

// legacyEncoding is a right encoding to try, with the script its letters
// are in and an extra cost for characters it encodes but text rarely uses.
type legacyEncoding struct {
	name   string
	enc    encoding.Encoding
	script *unicode.RangeTable
	extra  func(r rune) float64
}

var legacy = []legacyEncoding{
	{Windows1251, charmap.Windows1251, unicode.Cyrillic, nil},
	{KOI8R, charmap.KOI8R, unicode.Cyrillic, nil},
	{GBK, simplifiedchinese.GBK, unicode.Han, gbkRarity},
}

// gbkRarity costs a Chinese character by where GBK puts it: the 3,755
// characters of GB 2312's first level, the most used, cost nothing; its
// second level a little; GBK's extensions more.
func gbkRarity(r rune) float64 {
	if !unicode.Is(unicode.Han, r) {
		return 0
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(b) != 2 {
		return 2
	}
	lead, trail := b[0], b[1]
	switch {
	case trail < 0xA1:
		return 1.5
	case lead >= 0xB0 && lead <= 0xD7:
		return 0
	case lead >= 0xD8 && lead <= 0xF7:
		return 0.5
	}
	return 1.5
}

// decodeStrict decodes b with e and reports whether every byte decoded to
// a character (no replacement characters).
func decodeStrict(e encoding.Encoding, b []byte) (string, bool) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", false
	}
	s := string(out)
	if strings.ContainsRune(s, utf8.RuneError) {
		return "", false
	}
	return s, true
}

// heavy returns the number of letters above ASCII in s when they are at
// least four and most of its letters (no Latin-script language writes so,
// and a legacy encoding read as Windows-1252 or Latin-1 gives exactly
// that), and 0 otherwise.
func heavy(s string) int {
	high, letters := 0, 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if r >= utf8.RuneSelf {
			high++
		}
	}
	if high >= 4 && high*10 >= letters*6 {
		return high
	}
	return 0
}

// oneScript reports whether at least three quarters of the letters above
// ASCII in s are in script.
func oneScript(s string, script *unicode.RangeTable) bool {
	in, all := 0, 0
	for _, r := range s {
		if r < utf8.RuneSelf || !unicode.IsLetter(r) {
			continue
		}
		all++
		if unicode.Is(script, r) {
			in++
		}
	}
	return all > 0 && in*4 >= all*3
}

// trimCommon returns the lengths in bytes of the longest common prefix and
// suffix of a and b, in whole characters, not overlapping.
func trimCommon(a, b string) (prefix, suffix int) {
	for prefix < len(a) && prefix < len(b) {
		ra, n := utf8.DecodeRuneInString(a[prefix:])
		rb, _ := utf8.DecodeRuneInString(b[prefix:])
		if ra != rb {
			break
		}
		prefix += n
	}
	for suffix < len(a)-prefix && suffix < len(b)-prefix {
		ra, n := utf8.DecodeLastRuneInString(a[:len(a)-suffix])
		rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-suffix])
		if ra != rb {
			break
		}
		suffix += n
	}
	return prefix, suffix
}
