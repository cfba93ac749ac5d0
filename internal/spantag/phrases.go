package spantag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"
)

// phrasesMagic starts a phrase table file.
const phrasesMagic = "SPANPHR1"

// phraseHeader is the size of a phrase table's header: the magic, the log2
// of the slot count, the number of running words counted and a source
// string's length, then the source string itself.
const phraseHeader = 8 + 4 + 8 + 4

// Phrases is a table of how often words and word sequences of two and three
// words occur in a corpus of edited English. It holds, for every n-gram seen
// at least twice, a 12-bit fingerprint and the binary order of magnitude of
// its count (bits.Len of the count, 2 to 15), in open-addressed 16-bit slots
// read in place from the file's bytes: nothing is decoded at load time. A
// fingerprint collision makes an unseen n-gram look seen with probability
// about 1 in 4,096 per slot probed.
//
// Words are compared in lower case with digits folded to 0 ("1,200" and
// "3,400" are one word shape). A Phrases is read-only and safe for
// concurrent use.
type Phrases struct {
	slots  []byte
	mask   uint64
	words  uint64
	source string
}

// ReadPhrases reads a phrase table from b, which it keeps and must not be
// modified afterwards.
func ReadPhrases(b []byte) (*Phrases, error) {
	if len(b) < phraseHeader || string(b[:8]) != phrasesMagic {
		return nil, errors.New("read phrases: not a phrase table")
	}
	logSlots := binary.LittleEndian.Uint32(b[8:])
	words := binary.LittleEndian.Uint64(b[12:])
	n := int(binary.LittleEndian.Uint32(b[20:]))
	if logSlots > 30 || len(b) < phraseHeader+n {
		return nil, fmt.Errorf("read phrases: bad header (%d slots bits, source %d bytes)", logSlots, n)
	}
	source := string(b[phraseHeader : phraseHeader+n])
	slots := b[phraseHeader+n:]
	if len(slots) != 2<<logSlots {
		return nil, fmt.Errorf("read phrases: %d bytes of slots, want %d", len(slots), 2<<logSlots)
	}
	return &Phrases{slots: slots, mask: 1<<logSlots - 1, words: words, source: source}, nil
}

// Words is how many running words the table was counted from.
func (p *Phrases) Words() uint64 { return p.words }

// Source describes the corpus the table was counted from.
func (p *Phrases) Source() string { return p.source }

// Magnitude returns the order of magnitude of how often the n-gram of the
// given words (one to three, already folded with Fold) occurred: 0 when it
// occurred fewer than twice, otherwise bits.Len of its count, so that 2 and
// 3 give 2, 4 to 7 give 3, and so on.
func (p *Phrases) Magnitude(words ...string) int {
	h := ngramHash(words...)
	fp := fingerprint(h)
	for i, n := h&p.mask, uint64(0); n <= p.mask; i, n = (i+1)&p.mask, n+1 {
		v := binary.LittleEndian.Uint16(p.slots[2*i:])
		if v == 0 {
			return 0
		}
		if v>>4 == fp {
			return int(v & 15)
		}
	}
	return 0
}

// fingerprint is the 12 bits of h that the slot keeps, never 0 (an empty slot).
func fingerprint(h uint64) uint16 {
	fp := uint16(h >> 52)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// ngramHash is FNV-1a over the words with a separator byte after each.
func ngramHash(words ...string) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= 1099511628211
		}
		h ^= 0x1f
		h *= 1099511628211
	}
	// Final mix so that the low bits (the slot) and the high bits (the
	// fingerprint) are independent.
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}

// Fold is the form in which Phrases compares a word: lower case, digits as
// 0, typographic apostrophes as ASCII.
func Fold(norm string) string {
	if !strings.ContainsFunc(norm, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsUpper(r) || r == '’' }) {
		return norm
	}
	var b strings.Builder
	b.Grow(len(norm))
	for _, r := range norm {
		switch {
		case unicode.IsDigit(r):
			b.WriteByte('0')
		case r == '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// PhraseBuilder counts n-grams and writes a phrase table. It is for the
// generator, not for use at run time.
type PhraseBuilder struct {
	counts map[uint64]uint32
	words  uint64
}

// NewPhraseBuilder returns an empty builder.
func NewPhraseBuilder() *PhraseBuilder {
	return &PhraseBuilder{counts: make(map[uint64]uint32)}
}

// AddSentence counts the unigrams, bigrams and trigrams of one sentence's
// folded words.
func (b *PhraseBuilder) AddSentence(words []string) {
	b.words += uint64(len(words))
	for i := range words {
		b.counts[ngramHash(words[i])]++
		if i >= 1 {
			b.counts[ngramHash(words[i-1], words[i])]++
		}
		if i >= 2 {
			b.counts[ngramHash(words[i-2], words[i-1], words[i])]++
		}
	}
}

// Bytes writes the table with 2^logSlots slots, keeping the n-grams seen at
// least twice. It fails when they fill more than 70 % of the slots.
func (b *PhraseBuilder) Bytes(logSlots uint, source string) ([]byte, error) {
	n := uint64(1) << logSlots
	kept := 0
	for _, c := range b.counts {
		if c >= 2 {
			kept++
		}
	}
	if float64(kept) > 0.7*float64(n) {
		return nil, fmt.Errorf("phrase table: %d n-grams do not fit %d slots", kept, n)
	}
	out := make([]byte, phraseHeader+len(source)+int(2*n))
	copy(out, phrasesMagic)
	binary.LittleEndian.PutUint32(out[8:], uint32(logSlots))
	binary.LittleEndian.PutUint64(out[12:], b.words)
	binary.LittleEndian.PutUint32(out[20:], uint32(len(source)))
	copy(out[phraseHeader:], source)
	slots := out[phraseHeader+len(source):]
	// Insert in a fixed order so the same counts always give the same bytes.
	keys := make([]uint64, 0, kept)
	for h, c := range b.counts {
		if c >= 2 {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	for _, h := range keys {
		mag := min(bits.Len32(b.counts[h]), 15)
		v := fingerprint(h)<<4 | uint16(mag)
		for i := h & (n - 1); ; i = (i + 1) & (n - 1) {
			if binary.LittleEndian.Uint16(slots[2*i:]) == 0 {
				binary.LittleEndian.PutUint16(slots[2*i:], v)
				break
			}
		}
	}
	return out, nil
}
