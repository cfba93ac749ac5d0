// Package pinyin is a grammar of Hanyu Pinyin syllables: it tells whether a
// romanized word can be read as a sequence of Mandarin syllables, splits it,
// and scores how Chinese such a reading looks.
//
// The grammar knows all standard toneless syllables (see Syllables), folds
// tone marks (ā á ǎ à ...), ü and its spellings (v, u:), numeric tones
// ("zhong1guo2") and apostrophe separators ("Xi'an"). It follows the
// orthographic rule of pinyin that a syllable starting with a, o or e is
// written after an apostrophe unless it starts the word, so "Xian" is one
// syllable and "Xi'an" two, and "fangan" reads fan-gan.
//
// Many English words also split ("human" = hu-man, "shine" = shi-ne); the
// grammar cannot tell them apart alone. Plausibility scores how distinctively
// Chinese a split looks; callers combine it with an English lexicon.
//
// Everything in this package is read-only after initialization and safe for
// concurrent use.
package pinyin

import (
	"slices"
	"strings"
	"unicode"
)

// Syllables returns all canonical toneless syllables, sorted.
func Syllables() []string {
	out := make([]string, 0, len(syllables))
	for s := range syllables {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// IsSyllable reports whether s, after folding case, tone marks and ü
// spellings, is one pinyin syllable ("Zhōng", "lv", "nue").
func IsSyllable(s string) bool {
	f, ok := fold(s)
	if !ok || len(f.parts) != 1 {
		return false
	}
	_, ok = spellings[f.parts[0]]
	return ok
}

// Split reads word as a sequence of pinyin syllables and returns them in
// canonical toneless lower-case form ("Wǔhàn" → ["wu", "han"]). It reports
// false when no reading exists. Apostrophes, hyphens and numeric tones are
// syllable boundaries. Inside a run of letters, a syllable starting with a, o
// or e may only start the run, as pinyin orthography requires. Among valid
// readings Split prefers the fewest syllables, then the longest first
// syllable (maximal munch), so the result is deterministic.
func Split(word string) ([]string, bool) {
	f, ok := fold(word)
	if !ok {
		return nil, false
	}
	var out []string
	for _, part := range f.parts {
		syl, ok := splitRun(part)
		if !ok {
			return nil, false
		}
		out = append(out, syl...)
	}
	return out, len(out) > 0
}

// splitRun splits one run of letters with dynamic programming over suffixes:
// best[i] is the fewest syllables that spell run[i:], next[i] the end of the
// first of them (the longest one on ties).
func splitRun(run string) ([]string, bool) {
	n := len(run)
	const inf = 1 << 30
	best := make([]int, n+1)
	next := make([]int, n+1)
	for i := range best {
		best[i] = inf
	}
	best[n] = 0
	for i := n - 1; i >= 0; i-- {
		if i > 0 && isVowelStart(run[i]) {
			continue
		}
		for j := min(n, i+maxSyllableBytes+1); j > i; j-- { // +1: "ü" is two bytes
			if best[j] == inf {
				continue
			}
			if _, ok := spellings[run[i:j]]; ok && best[j]+1 < best[i] {
				best[i] = best[j] + 1
				next[i] = j
			}
		}
	}
	if best[0] == inf {
		return nil, false
	}
	out := make([]string, 0, best[0])
	for i := 0; i < n; i = next[i] {
		out = append(out, spellings[run[i:next[i]]])
	}
	return out, true
}

func isVowelStart(c byte) bool { return c == 'a' || c == 'o' || c == 'e' }

// folded is a word reduced to lower-case toneless runs of letters.
type folded struct {
	parts  []string // runs of letters between boundaries
	marked bool     // tone marks, numeric tones, ü or an apostrophe were seen
}

// fold lower-cases word, removes tone marks, rewrites ü spellings and splits
// at apostrophes, hyphens and tone digits. It fails on any other character.
func fold(word string) (folded, bool) {
	var f folded
	var b strings.Builder
	trailingSep := false // the last character was an apostrophe or hyphen
	flush := func() {
		if b.Len() > 0 {
			f.parts = append(f.parts, b.String())
			b.Reset()
		}
	}
	rs := []rune(word)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		trailingSep = false
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘':
			if b.Len() == 0 {
				return f, false // leading or doubled separator
			}
			f.marked = true
			flush()
			trailingSep = true
		case r == '-':
			if b.Len() == 0 {
				return f, false
			}
			flush()
			trailingSep = true
		case r >= '1' && r <= '5':
			if b.Len() == 0 {
				return f, false
			}
			f.marked = true
			flush()
		case r == ':' && i > 0 && (rs[i-1] == 'u' || rs[i-1] == 'U') && b.Len() > 0:
			// "u:" is ü: replace the u just written.
			s := b.String()
			b.Reset()
			b.WriteString(s[:len(s)-1])
			b.WriteString("ü")
			f.marked = true
		default:
			base, ok := toneless[unicode.ToLower(r)]
			if !ok {
				return f, false
			}
			if base != unicode.ToLower(r) && unicode.ToLower(r) != 'v' {
				f.marked = true
			}
			if base == 'ü' {
				f.marked = true
			}
			b.WriteRune(base)
		}
	}
	if trailingSep {
		return f, false
	}
	flush()
	return f, len(f.parts) > 0
}

// toneless maps every lower-case letter pinyin uses, with or without a tone
// mark, to its toneless form; v stands for ü.
var toneless = func() map[rune]rune {
	m := map[rune]rune{'v': 'ü', 'ü': 'ü'}
	for r := 'a'; r <= 'z'; r++ {
		if r != 'v' {
			m[r] = r
		}
	}
	for base, marked := range map[rune]string{
		'a': "āáǎà", 'e': "ēéěè", 'i': "īíǐì", 'o': "ōóǒò", 'u': "ūúǔù", 'ü': "ǖǘǚǜ",
	} {
		for _, r := range marked {
			m[r] = base
		}
	}
	return m
}()
