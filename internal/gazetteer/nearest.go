package gazetteer

import (
	"slices"
	"strings"
)

// Method says how Nearest related a word to a place.
type Method string

// The ways Nearest finds a suggestion.
const (
	// BySpelling: few letters differ from a name or variant (edit distance).
	BySpelling Method = "spelling"
	// BySound: the word sounds like a name or variant (same Phonetic key).
	BySound Method = "sound"
	// ByPinyin: the word is close to the pinyin of the place's Chinese name,
	// i.e. a Chinese transcription read out syllable by syllable.
	ByPinyin Method = "pinyin"
)

// Suggestion is a place that a word may have been meant to name.
type Suggestion struct {
	Place *Place
	// Form is the spelling the word was compared with: a name, a variant,
	// or (ByPinyin) the Chinese characters whose pinyin was compared.
	Form   string
	Kind   VariantKind // Form's kind (0: the preferred name)
	Method Method
	// Distance is the weighted edit distance between the word's Key and the
	// form's Key (or its pinyin): a change between two vowels, between
	// letters that transliterations swap (v/w/f, g/h, s/z, c/k, i/y/j), or
	// inserting a vowel or an h costs 0.5; any other edit or an adjacent
	// transposition costs 1.
	Distance float64
	// Score is the similarity in [0, 1]; 1 is identical: 1 - Distance
	// divided by the longer key's length, plus SoundBonus when the
	// Phonetic keys (4 sounds or more) agree.
	Score float64
	// Spelling is how close the letters are, without the sound bonus:
	// 1 - Distance divided by the longer key's length, for the place's
	// closest spelling (which may be another form than Form, when Form
	// won on sound). A word that only sounds like a name ("Prudianka" ~
	// "Borodianka") scores high but spells far.
	Spelling float64
}

// MinScore is the lowest Score that Nearest returns; SoundBonus is added
// to the spelling similarity when the word and the form sound alike.
const (
	MinScore   = 0.6
	SoundBonus = 0.15
)

// form is one spelling prepared for Nearest.
type form struct {
	place *Place
	text  string // the spelling (for Chinese: the characters)
	kind  VariantKind
	key   string // Key of the spelling, or of the concatenated pinyin
	sound string // Phonetic of key
}

func newForm(p *Place, text string, kind VariantKind, key string) form {
	return form{place: p, text: text, kind: kind, key: key, sound: Phonetic(key)}
}

// Nearest returns up to n places whose names, variants or Chinese
// transcriptions are close to word by spelling, sound or pinyin, best first
// (by Score, then population, then ID), one suggestion per place, each with
// Score at least MinScore. Words whose Key is shorter than 4 letters get no
// suggestions: they are too short to judge. The scan is linear in the
// number of spellings (about 0.3 ms per thousand); it is meant for the few
// unknown words of a text, not for bulk matching.
func (g *Gazetteer) Nearest(word string, n int) []Suggestion {
	k := Key(word)
	if n <= 0 || len(k) < 4 {
		return nil
	}
	sound := Phonetic(k)
	best := make(map[*Place]Suggestion)
	spelling := make(map[*Place]float64)
	var rows osaRows
	for i := range g.forms {
		f := &g.forms[i]
		if len(f.key) < 4 {
			continue // a name of three letters is too short to judge a word by ("Don")
		}
		s, ok := score(k, sound, f, &rows, float64(max(len(k), len(f.key)))*(1-MinScore))
		if !ok {
			continue
		}
		spelling[f.place] = max(spelling[f.place], s.Spelling)
		if old, seen := best[f.place]; !seen || better(s, old) {
			best[f.place] = s
		}
	}
	g.nearBulk(k, sound, &rows, best, spelling)
	out := make([]Suggestion, 0, len(best))
	for p, s := range best {
		s.Spelling = spelling[p]
		out = append(out, s)
	}
	out = oneByName(out)
	slices.SortFunc(out, func(a, b Suggestion) int {
		switch {
		case a.Score != b.Score:
			if a.Score > b.Score {
				return -1
			}
			return 1
		case a.Place.Population != b.Place.Population:
			return b.Place.Population - a.Place.Population
		default:
			return strings.Compare(a.Place.ID, b.Place.ID)
		}
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// nearBulk adds the generated places close to k. The generated index is
// sorted by key, so the candidates are the keys that start like k: its
// first two letters, or another first letter that transliterations swap
// for it (k/c/h/g, v/w/f, s/z, i/y/j/e, o/a/u), or an h dropped or added
// after the first letter (Kharkiv/Karkiv). A misspelling of a name's first
// letters is found only through those swaps.
func (g *Gazetteer) nearBulk(k, sound string, rows *osaRows, best map[*Place]Suggestion, spelling map[*Place]float64) {
	if g.bulk == nil || len(k) < 4 {
		return
	}
	seen := make(map[string]bool)
	for _, prefix := range bulkPrefixes(k) {
		if seen[prefix] {
			continue
		}
		seen[prefix] = true
		g.bulk.scan(prefix, func(key, ids string) {
			n := float64(max(len(k), len(key)))
			limit := n * (1 - MinScore)
			if float64(abs(len(k)-len(key)))*0.5 > limit+n*SoundBonus {
				return
			}
			f := form{key: key}
			// The sound key only matters when the spelling is near.
			if d := rows.distance(k, key, limit+n*SoundBonus); d > limit+n*SoundBonus {
				return
			}
			// A village is suggested on its spelling alone, and only a
			// close one: sounding alike is too easy among thousands of
			// villages ("Wilson" ~ "Vilshana").
			sc, ok := score(k, "", &f, rows, limit)
			if !ok || sc.Score < minBulkScore {
				return
			}
			for _, p := range g.bulk.resolve(ids) {
				m, found := bulkMatch(p, key)
				if !found || !suggestable[p.Country] {
					continue
				}
				s := sc
				s.Place, s.Form, s.Kind = p, m.Form, m.Kind
				spelling[p] = max(spelling[p], s.Spelling)
				if old, had := best[p]; !had || better(s, old) {
					best[p] = s
				}
			}
		})
	}
}

// minBulkScore is the lowest Score of a generated place's suggestion.
const minBulkScore = 0.8

// suggestable are the countries whose generated places Nearest suggests:
// Ukraine and the neighbours the war names. The world's other towns are
// there to be known, not to be guessed ("Johnston" for "Johnson").
var suggestable = map[string]bool{"UA": true, "RU": true, "BY": true, "MD": true}

// firstLetterSwaps are the first letters transliterations exchange.
var firstLetterSwaps = map[byte]string{
	'k': "chg", 'c': "kh", 'h': "gk", 'g': "hk", 'v': "wf", 'w': "v", 'f': "v",
	's': "z", 'z': "s", 'i': "yje", 'y': "ijeu", 'j': "yi", 'e': "iy", 'o': "au", 'a': "o", 'u': "oy",
}

func bulkPrefixes(k string) []string {
	out := []string{k[:2]}
	for _, c := range []byte(firstLetterSwaps[k[0]]) {
		out = append(out, string(c)+k[1:2])
	}
	if k[1] == 'h' {
		out = append(out, k[:1]+k[2:3])
	} else {
		out = append(out, k[:1]+"h")
	}
	return out
}

// oneByName keeps, among suggestions naming places of the same name (the
// generated Andriivkas), the best: a hand-written place, else the most
// populous.
func oneByName(ss []Suggestion) []Suggestion {
	keep := make(map[string]int)
	var out []Suggestion
	for _, s := range ss {
		k := Key(s.Place.Name)
		i, dup := keep[k]
		if !dup {
			keep[k] = len(out)
			out = append(out, s)
			continue
		}
		// The same name: the hand-written place (the one in the news), else
		// the more populous, with the better score of the two.
		o := out[i]
		pick, other := o, s
		if o.Place.Generated() && !s.Place.Generated() ||
			o.Place.Generated() == s.Place.Generated() && s.Place.Population > o.Place.Population {
			pick, other = s, o
		}
		if better(other, pick) {
			pick.Form, pick.Kind, pick.Method, pick.Distance, pick.Score = other.Form, other.Kind, other.Method, other.Distance, other.Score
		}
		pick.Spelling = max(pick.Spelling, other.Spelling)
		out[i] = pick
	}
	return out
}

// Resemblance compares word with every spelling of p (names, variants, the
// pinyin of its Chinese names) and returns the closest, scored like
// Nearest's suggestions but without the MinScore floor; ok is false when p
// is not in g or word is empty. Coverage resolution uses it to rank the
// places an aligned passage names.
func (g *Gazetteer) Resemblance(word string, p *Place) (s Suggestion, ok bool) {
	k := Key(word)
	idx, found := g.byPlace[p]
	if k == "" || !found {
		return Suggestion{}, false
	}
	sound := Phonetic(k)
	var rows osaRows
	spelling := 0.0
	for _, i := range idx {
		f := &g.forms[i]
		n := float64(max(len(k), len(f.key)))
		c, _ := score(k, sound, f, &rows, n)
		spelling = max(spelling, c.Spelling)
		if !ok || better(c, s) {
			s, ok = c, true
		}
	}
	s.Spelling = spelling
	return s, ok
}

func better(a, b Suggestion) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if a.Distance != b.Distance {
		return a.Distance < b.Distance
	}
	return a.Kind == 0 && b.Kind != 0
}

// score compares a word (Key k, Phonetic sound) with one form, giving up
// once the distance exceeds limit (plus the sound bonus). ok reports whether
// the score reaches MinScore.
func score(k, sound string, f *form, rows *osaRows, limit float64) (Suggestion, bool) {
	n := float64(max(len(k), len(f.key)))
	alike := len(sound) >= 4 && sound == f.sound
	if alike {
		limit += n * SoundBonus
	}
	if float64(abs(len(k)-len(f.key)))*0.5 > limit {
		return Suggestion{Place: f.place, Form: f.text, Kind: f.kind, Method: BySpelling, Distance: limit + 1}, false
	}
	d := rows.distance(k, f.key, limit)
	// A name with its ending cut ("Bilopil" for Bilopillia, "Yunakiv" for
	// Yunakivka): machine translation drops Ukrainian suffixes, so the
	// missing tail costs a quarter a letter.
	if len(k) >= 5 && len(f.key) > len(k) && 10*len(k) >= 7*len(f.key) && strings.HasPrefix(f.key, k) {
		d = min(d, 0.25*float64(len(f.key)-len(k)))
	}
	if d > limit {
		return Suggestion{Place: f.place, Form: f.text, Kind: f.kind, Method: BySpelling, Distance: d, Score: max(0, 1-d/n), Spelling: max(0, 1-d/n)}, false
	}
	method := BySpelling
	if f.kind == Chinese {
		method = ByPinyin
	}
	sc := 1 - d/n
	if alike && d > 0 {
		sc = min(sc+SoundBonus, 1-0.5/n)
		if method == BySpelling {
			method = BySound
		}
	}
	s := Suggestion{Place: f.place, Form: f.text, Kind: f.kind, Method: method, Distance: d, Score: sc, Spelling: 1 - d/n}
	return s, sc >= MinScore
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// indelCosts is the cost of inserting or deleting each byte: half for a
// vowel, semivowel or h, else 1.
var indelCosts = func() (t [256]float64) {
	for i := range t {
		t[i] = 1
	}
	for _, c := range []byte("aeiouyjh") {
		t[c] = 0.5
	}
	return t
}()

// letterGroups gives letters that transliterations interchange the same
// group number (vowels and semivowels; v/w/f; g/h; s/z; c/k); other bytes
// get 0. Substituting within a group costs half.
var letterGroups = func() (t [256]uint8) {
	for g, letters := range []string{"aeiouyj", "vwf", "gh", "sz", "ck"} {
		for _, c := range []byte(letters) {
			t[c] = uint8(g + 1)
		}
	}
	return t
}()

func subCost(a, b byte) float64 {
	switch {
	case a == b:
		return 0
	case letterGroups[a] != 0 && letterGroups[a] == letterGroups[b]:
		return 0.5
	}
	return 1
}

// osaRows holds the dynamic-programming rows of weighted OSA distances, so
// one Nearest call reuses them for every spelling.
type osaRows struct{ prev2, prev, cur []float64 }

// distance returns the optimal-string-alignment distance (edit distance
// with adjacent transpositions) between a and b with the costs described
// at Suggestion.Distance, or a value above limit as soon as the distance
// must exceed limit. It works on bytes: keys are folded to ASCII for Latin
// names.
func (r *osaRows) distance(a, b string, limit float64) float64 {
	if a == b {
		return 0
	}
	la, lb := len(a), len(b)
	if cap(r.cur) < lb+1 {
		r.prev2, r.prev, r.cur = make([]float64, lb+1), make([]float64, lb+1), make([]float64, lb+1)
	}
	prev2, prev, cur := r.prev2[:lb+1], r.prev[:lb+1], r.cur[:lb+1]
	prev[0] = 0
	for j := 1; j <= lb; j++ {
		prev[j] = prev[j-1] + indelCosts[b[j-1]]
	}
	for i := 1; i <= la; i++ {
		ai := a[i-1]
		delA := indelCosts[ai]
		cur[0] = prev[0] + delA
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			bj := b[j-1]
			v := min(prev[j]+delA, cur[j-1]+indelCosts[bj], prev[j-1]+subCost(ai, bj))
			if i > 1 && j > 1 && ai == b[j-2] && a[i-2] == bj {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}
