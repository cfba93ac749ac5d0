package align

import (
	"cmp"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/segment"
)

// Fields are what one sentence offers to retrieval: its content-word
// stems (stop words out, in order, repeated as often as they occur), its
// names (capitalized words, lower case, possessive stripped) and its
// numbers (normalized: "300,000" is "300000", "1.5 million" is "1500000",
// "twelve" is "12"). A search engine indexes these per sentence and is
// queried with the same fields of the sentence being aligned.
type Fields struct {
	Terms   []string
	Names   []string
	Numbers []string
}

// SentenceFields returns the fields of sentence i of doc. It panics if i is
// out of range, like a slice index.
func SentenceFields(doc *segment.Document, i int) Fields {
	f, _ := fieldsOf(doc.Sentences[i].Tokens, nil)
	return f
}

// fieldsOf returns the fields of a sentence's tokens, appending their values
// to arena (so that a document's fields can share one allocation) and
// returning it. It reads the tokens once: terms go to the arena as they
// come, names and numbers wait in small buffers that follow them.
func fieldsOf(toks []segment.Token, arena []string) (Fields, []string) {
	var nameBuf, numberBuf [8]string
	names, numbers := nameBuf[:0], numberBuf[:0]
	start := len(arena)
	first := true
	nextNumber := 0 // a number's scale word starts no number of its own
	for i := range toks {
		t := &toks[i]
		switch t.Kind {
		case segment.Word:
			if len(t.Norm) >= 2 && !isStop(t.Norm) {
				arena = append(arena, segment.Stem(t.Norm))
			}
			if mayBeCapitalized(t.Text) && isName(*t, first) {
				names = append(names, segment.StripPossessive(t.Norm))
			}
			first = false
			if !maybeSpelled(t.Norm) {
				continue
			}
		case segment.Number:
			first = false
		default:
			continue
		}
		if i >= nextNumber {
			if m, ok := numberAt(toks, i); ok {
				numbers = append(numbers, m.value)
				nextNumber = m.end
			}
		}
	}
	var f Fields
	if n := len(arena) - start; n > 0 {
		f.Terms = arena[start:len(arena):len(arena)]
	}
	start = len(arena)
	arena = append(arena, names...)
	if n := len(arena) - start; n > 0 {
		f.Names = arena[start:len(arena):len(arena)]
	}
	start = len(arena)
	arena = append(arena, numbers...)
	if n := len(arena) - start; n > 0 {
		f.Numbers = arena[start:len(arena):len(arena)]
	}
	return f, arena
}

// mayBeCapitalized is a quick test that turns most words away before
// isName: a word that opens with an ASCII byte other than a capital
// letter is not capitalized.
func mayBeCapitalized(w string) bool {
	return len(w) > 0 && (w[0] >= utf8.RuneSelf || 'A' <= w[0] && w[0] <= 'Z')
}

// sentence is what the similarity model sees of one sentence, or of
// several adjacent sentences merged: sorted sets of stems, stem bigrams,
// names, numbers and quoted stems.
type sentence struct {
	stems   []string
	bigrams []uint64
	grams   []uint32 // hashed character 4-grams of the content words
	names   []string
	numbers []string
	quoted  []string
}

var bigramSeed = maphash.MakeSeed()

// analyze builds the similarity view of sentence i of doc.
func analyze(doc *segment.Document, i int) sentence {
	s := doc.Sentences[i]
	return analyzeTokens(doc, s.Tokens, s.Span)
}

// analyzeTokens builds the similarity view of toks, a run of tokens of doc
// that span covers (a sentence or a clause of one).
func analyzeTokens(doc *segment.Document, toks []segment.Token, span segment.Span) sentence {
	f, _ := fieldsOf(toks, nil)
	out := sentence{
		names:   sortedSet(f.Names),
		numbers: sortedSet(f.Numbers),
	}
	for k, t := range f.Terms {
		if k > 0 {
			var h maphash.Hash
			h.SetSeed(bigramSeed)
			h.WriteString(f.Terms[k-1])
			h.WriteByte(0)
			h.WriteString(t)
			out.bigrams = append(out.bigrams, h.Sum64())
		}
	}
	for _, t := range toks {
		if isContent(t) {
			out.grams = appendGrams(out.grams, t.Norm)
		}
	}
	out.grams = sortedSet(out.grams)
	out.stems = sortedSet(f.Terms)
	slices.Sort(out.bigrams)
	out.bigrams = slices.Compact(out.bigrams)
	for _, q := range doc.Quotes {
		if !q.Inner.Overlaps(span) {
			continue
		}
		for _, t := range toks {
			if q.Inner.Contains(t.Span) && isContent(t) {
				out.quoted = append(out.quoted, segment.Stem(t.Norm))
			}
		}
	}
	out.quoted = sortedSet(out.quoted)
	return out
}

// gramSize is the length in bytes of the character n-grams.
const gramSize = 4

// appendGrams appends the hashes (FNV-1a) of the character 4-grams of a
// word padded with a space on each side, so that inflections,
// transliterations and compounds written apart share most of them:
// "Roscosmos" and "Roskosmos", "pushbacks" and "push-backs".
func appendGrams(out []uint32, w string) []uint32 {
	if len(w) > 64 {
		w = w[:64]
	}
	var buf [66]byte
	n := copy(buf[1:], w) + 2
	buf[0], buf[n-1] = ' ', ' '
	for i := 0; i+gramSize <= n; i++ {
		h := uint32(2166136261)
		for _, c := range buf[i : i+gramSize] {
			h = (h ^ uint32(c)) * 16777619
		}
		out = append(out, h)
	}
	return out
}

func sortedSet[T cmp.Ordered](xs []T) []T {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// merge returns the view of two adjacent sentences read as one.
func merge(a, b sentence) sentence {
	return sentence{
		stems:   union(a.stems, b.stems),
		bigrams: union(a.bigrams, b.bigrams),
		grams:   union(a.grams, b.grams),
		names:   union(a.names, b.names),
		numbers: union(a.numbers, b.numbers),
		quoted:  union(a.quoted, b.quoted),
	}
}

func union[T cmp.Ordered](a, b []T) []T {
	out := make([]T, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// common calls f for each element two sorted sets share.
func common[T cmp.Ordered](a, b []T, f func(T)) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			f(a[i])
			i++
			j++
		}
	}
}

func intersect[T cmp.Ordered](a, b []T) int {
	n := 0
	common(a, b, func(T) { n++ })
	return n
}

func dice[T cmp.Ordered](a, b []T) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(intersect(a, b)) / float64(len(a)+len(b))
}

// collection counts how many sentences of a collection hold each stem,
// name and number, so that what most sentences share (the story's topic
// words: its protagonist, "military", "war") weighs less than what few do.
// A nil collection weighs every item 1.
type collection struct {
	n                     int
	stems, names, numbers map[string]int
	// idfs[k] is the idf of an item k sentences hold, for the n of idfsN
	// (NaN until computed): a pair's similarity looks up the same few
	// counts again and again
	idfs  []float64
	idfsN int
}

func newCollection() *collection {
	return &collection{stems: map[string]int{}, names: map[string]int{}, numbers: map[string]int{}}
}

// add counts a sentence.
func (c *collection) add(s sentence) {
	c.n++
	for _, x := range s.stems {
		c.stems[x]++
	}
	for _, x := range s.names {
		c.names[x]++
	}
	for _, x := range s.numbers {
		c.numbers[x]++
	}
}

// idf is the inverse document frequency of an item, scaled to (0, 1]: 1
// for an item no sentence of the collection holds.
func (c *collection) idf(df map[string]int, x string) float64 {
	if c == nil {
		return 1
	}
	k := df[x]
	if c.idfs == nil || c.idfsN != c.n {
		c.idfs = slices.Repeat([]float64{math.NaN()}, c.n+1)
		c.idfsN = c.n
	}
	if k < len(c.idfs) && !math.IsNaN(c.idfs[k]) {
		return c.idfs[k]
	}
	top := math.Log((float64(c.n) + 1) / 0.5)
	v := math.Log((float64(c.n)+1)/(float64(k)+0.5)) / top
	if k < len(c.idfs) {
		c.idfs[k] = v
	}
	return v
}

// weighted returns the summed idf of the items a and b share and of each
// set's items.
func (c *collection) weighted(df map[string]int, a, b []string) (shared, wa, wb float64) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			wa += c.idf(df, a[i])
			i++
		case i == len(a) || a[i] > b[j]:
			wb += c.idf(df, b[j])
			j++
		default:
			w := c.idf(df, a[i])
			shared += w
			wa += w
			wb += w
			i++
			j++
		}
	}
	return shared, wa, wb
}

// The similarity features, each in [0, 1].
const (
	featStems        = iota // Dice coefficient of the stem sets
	featWStems              // Dice coefficient of the stem sets, items weighted by idf, smoothed
	featBigrams             // Dice coefficient of the stem-bigram sets
	featNames               // Dice coefficient of the name sets (0 when neither has names)
	featNumbers             // specificity of the most specific shared number (0 when none)
	featQuoted              // Dice coefficient of quoted stems (0 unless both quote)
	featShared              // shared stems, min(n, 8) / 8
	featWShared             // idf of the shared stems, names and numbers, min(sum, 4) / 4
	featLength              // shorter stem set / longer stem set
	featContain             // idf of the shared stems / idf of the smaller side's stems
	featGrams               // Dice coefficient of the character 4-gram sets, smoothed
	featGramContain         // shared character 4-grams / the smaller side's
	featNumbersApart        // 1 when both have numbers and share none
	featNamesApart          // 1 when both have names and share none
	featSynonyms            // Dice coefficient of the stem sets, counting synonyms as shared, smoothed
	numFeatures
)

var featureNames = [numFeatures]string{"stems", "wstems", "bigrams", "names", "numbers", "quoted", "shared", "wshared", "length",
	"contain", "grams", "gramcontain", "numbersapart", "namesapart", "synonyms"}

// diceSmoothing (stems) and gramSmoothing (character 4-grams, about two
// words' worth) are added to the sizes of the sets whose Dice coefficients
// stand for most of the evidence, so that two short sentences that share
// one common word ("What will happen next?", "That is not supposed to
// happen.") are weaker evidence than two long ones that share most.
const (
	diceSmoothing = 2
	gramSmoothing = 12
)

// features computes the similarity features of a pair, weighing items by
// their idf in the collection c (nil: uniformly).
func features(a, b sentence, c *collection) [numFeatures]float64 {
	var f [numFeatures]float64
	f[featStems] = dice(a.stems, b.stems)
	var stems, names, numbers, wa, wb float64
	if c != nil {
		stems, wa, wb = c.weighted(c.stems, a.stems, b.stems)
		names, _, _ = c.weighted(c.names, a.names, b.names)
		numbers, _, _ = c.weighted(c.numbers, a.numbers, b.numbers)
	} else {
		stems = float64(intersect(a.stems, b.stems))
		wa, wb = float64(len(a.stems)), float64(len(b.stems))
		names = float64(intersect(a.names, b.names))
		numbers = float64(intersect(a.numbers, b.numbers))
	}
	f[featWStems] = 2 * stems / (wa + wb + diceSmoothing)
	if m := min(wa, wb); m > 0 {
		f[featContain] = min(1, stems/m)
	}
	if len(a.grams) > 0 && len(b.grams) > 0 {
		shared := float64(intersect(a.grams, b.grams))
		f[featGrams] = 2 * shared / (float64(len(a.grams)+len(b.grams)) + gramSmoothing)
		f[featGramContain] = shared / float64(min(len(a.grams), len(b.grams)))
	}
	if len(a.numbers) > 0 && len(b.numbers) > 0 && intersect(a.numbers, b.numbers) == 0 {
		f[featNumbersApart] = 1
	}
	if len(a.names) > 0 && len(b.names) > 0 && intersect(a.names, b.names) == 0 {
		f[featNamesApart] = 1
	}
	// smoothed by diceSmoothing, so that a sentence of one or two words
	// sharing one of them is weaker evidence than a long sentence sharing
	// most of its words
	f[featSynonyms] = 2 * float64(intersect(a.stems, b.stems)+softShared(a.stems, b.stems)) / (float64(len(a.stems)+len(b.stems)) + 2*diceSmoothing)
	f[featWShared] = math.Min(stems+names+numbers, 4) / 4
	f[featBigrams] = dice(a.bigrams, b.bigrams)
	f[featNames] = dice(a.names, b.names)
	f[featNumbers] = sharedNumber(a.numbers, b.numbers)
	if len(a.quoted) > 0 && len(b.quoted) > 0 {
		f[featQuoted] = dice(a.quoted, b.quoted)
	}
	f[featShared] = math.Min(float64(intersect(a.stems, b.stems)), 8) / 8
	if la, lb := len(a.stems), len(b.stems); la > 0 && lb > 0 {
		f[featLength] = float64(min(la, lb)) / float64(max(la, lb))
	}
	return f
}

// sharedNumber is the specificity of the most specific number two sorted
// sets of normalized numbers share: a shared "5,936" or "300,000" is strong
// evidence that two sentences report the same fact, a shared "12" weak.
func sharedNumber(a, b []string) float64 {
	best := 0.0
	common(a, b, func(x string) { best = max(best, specificity(x)) })
	return best
}

// specificity grows with the digits a number needs: log10(1+|v|)/5,
// capped at 1 (12 → 0.23, 2014 → 0.66, 300,000 → 1). A fraction counts
// its decimals as digits.
func specificity(norm string) float64 {
	v, ok := parseNumber(norm)
	if !ok {
		return 0
	}
	digits := math.Log10(1 + math.Abs(v))
	if _, frac, ok := strings.Cut(norm, "."); ok {
		digits += float64(len(frac))
	}
	return math.Min(1, digits/5)
}

// model is a logistic model over the features: the similarity of a pair
// is sigmoid(bias + Σ weight·feature), a probability-like score in [0, 1].
type model struct {
	bias    float64
	weights [numFeatures]float64
}

func (m model) score(f [numFeatures]float64) float64 {
	z := m.bias
	for i, w := range m.weights {
		z += w * f[i]
	}
	return 1 / (1 + math.Exp(-z))
}

// similarity scores a pair with the calibrated model, weighing items by
// their idf in c.
func similarity(a, b sentence, c *collection) float64 {
	return calibrated.score(features(a, b, c))
}
