package fluency

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/segment"
)

// The word classes. A word that is not one of the model's function words
// stands for its class, so that the model sees the order of function words
// and classes, never the content words of one domain.
const (
	ClassNoun        = "N"    // singular or mass noun
	ClassPluralNoun  = "NS"   // plural noun
	ClassProperNoun  = "NP"   // name, acronym, a capitalized word inside a sentence
	ClassVerb        = "V"    // base form or present tense other than third person
	ClassVerbPast    = "VD"   // past tense
	ClassParticiple  = "VN"   // past participle
	ClassGerund      = "VG"   // -ing form
	ClassVerbThird   = "VZ"   // third person singular present
	ClassAdjective   = "J"    // adjective, comparative, superlative
	ClassAdverb      = "R"    // adverb or particle
	ClassNumber      = "CD"   // cardinal or ordinal number, in words or digits
	ClassFunction    = "F"    // a closed-class word that is not in the vocabulary
	ClassCapFunction = "CAPF" // a function word capitalized inside a sentence
	ClassForeign     = "FW"   // foreign word
	ClassPunct       = "P"    // punctuation the model does not keep as itself
	ClassSymbol      = "SYM"  // currency signs, emoji and other symbols
)

// Boundary symbols of a sentence.
const (
	symStart = "<s>"
	symEnd   = "</s>"
)

// classes lists every class, so that the symbol table holds them all.
var classes = []string{
	ClassNoun, ClassPluralNoun, ClassProperNoun, ClassVerb, ClassVerbPast,
	ClassParticiple, ClassGerund, ClassVerbThird, ClassAdjective, ClassAdverb,
	ClassNumber, ClassFunction, ClassCapFunction, ClassForeign, ClassPunct,
	ClassSymbol,
}

// openClass reports whether c is a class of content words.
func openClass(c string) bool {
	switch c {
	case ClassFunction, ClassCapFunction, ClassPunct, ClassSymbol:
		return false
	}
	return true
}

// punctSymbol folds typographic punctuation to the ASCII form the model
// keeps: curly quotes to straight ones, dashes to "--".
func punctSymbol(text string) string {
	switch text {
	case "“", "”", "„", "«", "»", "\"", "``", "''":
		return `"`
	case "‘", "’", "'", "`":
		return "'"
	case "—", "–", "--", "―":
		return "--"
	case "…", "...":
		return "..."
	case "[", "{":
		return "("
	case "]", "}":
		return ")"
	}
	return text
}

// lexicon gives the class of a word (by its segment.Token Norm) and the
// vocabulary of words kept as themselves.
type lexicon struct {
	class map[string]string // word → dominant class
	vocab map[string]bool   // words the model keeps as themselves
}

// symbols maps a sentence's tokens to model symbols: vocabulary words as
// themselves (lower case), other words as their class, punctuation as
// itself. sym[i] is the symbol of toks[i].
func (lx *lexicon) symbols(toks []segment.Token) []string {
	out := make([]string, len(toks))
	first := true // no word seen yet in the sentence
	for i, t := range toks {
		switch t.Kind {
		case segment.Punct:
			p := punctSymbol(t.Text)
			if lx.vocab[p] {
				out[i] = p
			} else {
				out[i] = ClassPunct
			}
		case segment.Number:
			out[i] = ClassNumber
		case segment.Word:
			// After an opening quotation mark or a colon a capital is as
			// uninformative as at the start of the sentence.
			initial := first || i > 0 && (out[i-1] == `"` || out[i-1] == ":")
			out[i] = lx.wordSymbol(t, initial)
			first = false
		default:
			out[i] = ClassSymbol
		}
	}
	// The training corpus puts a closing quotation mark before a full stop
	// or comma ("said ” ."), modern American print after it ("said.”"):
	// put a quotation mark written right after such punctuation first.
	for i := 1; i < len(out); i++ {
		if (out[i] == `"` || out[i] == "'") && toks[i-1].End == toks[i].Start && closingPunct(out[i-1]) {
			out[i-1], out[i] = out[i], out[i-1]
		}
	}
	return out
}

func closingPunct(sym string) bool {
	switch sym {
	case ".", ",", "?", "!":
		return true
	}
	return false
}

// wordSymbol is the symbol of one word; initial tells whether it is the
// sentence's first word, where a capital letter says nothing.
func (lx *lexicon) wordSymbol(t segment.Token, initial bool) string {
	norm := t.Norm
	capital := t.IsCapitalized()
	if capital && acronym(t.Text) {
		return ClassProperNoun // "US" is not "us", "IT" not "it"
	}
	if capital && !initial {
		// Inside a sentence a capital marks a name or a title, and a
		// capitalized function word marks a title or a broken boundary.
		if c, ok := lx.class[norm]; ok && lx.vocab[norm] && !openClass(c) {
			return ClassCapFunction
		}
		return ClassProperNoun
	}
	if lx.vocab[norm] {
		return norm
	}
	if c, ok := lx.class[norm]; ok {
		return c
	}
	if capital {
		return ClassProperNoun // an unknown capitalized first word is most likely a name
	}
	for _, p := range prefixes {
		// "retaken" is what "taken" is, "overstretched" what "stretched" is.
		if rest, ok := strings.CutPrefix(norm, p); ok && len(rest) >= 4 {
			if c, ok := lx.class[strings.TrimPrefix(rest, "-")]; ok && openClass(c) {
				return c
			}
		}
	}
	return guessClass(norm)
}

// prefixes are productive prefixes that keep a word's class.
var prefixes = []string{"counter", "under", "over", "out", "mis", "non", "pre", "re", "un", "co"}

// guessClass gives the class of a word the lexicon lacks, from its shape.
func guessClass(w string) string {
	if i := strings.LastIndexByte(w, '-'); i >= 0 && i+1 < len(w) {
		w = w[i+1:] // a compound takes the class of its head
	}
	w = strings.TrimSuffix(w, "'s")
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsDigit(r):
		return ClassNumber
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return ClassGerund
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		return ClassParticiple
	case strings.HasSuffix(w, "ly") && len(w) > 4:
		return ClassAdverb
	case hasAnySuffix(w, "al", "ive", "ous", "ic", "ful", "less", "able", "ible", "ary", "ian", "ese"):
		return ClassAdjective
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return ClassPluralNoun
	}
	return ClassNoun
}

// acronym reports whether w has two or more letters, all of them upper case.
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

func hasAnySuffix(w string, suffixes ...string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return false
}
