package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations never end a sentence when followed by more text: titles,
// and short forms that are followed by a name or a number.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"lt": true, "col": true, "maj": true, "capt": true, "cpt": true, "sgt": true,
	"adm": true, "cmdr": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"st": true, "jr": true, "sr": true, "fr": true, "hon": true, "pres": true,
	"no": true, "nos": true, "vol": true, "pp": true, "p": true, "fig": true,
	"vs": true, "approx": true, "ca": true, "cf": true, "al": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mt": true, "ft": true, "ave": true, "blvd": true, "rd": true,
}

// needsNumber lists abbreviations that end a sentence unless a number
// follows ("No. 5", "Nov. 28", "p. 3").
var needsNumber = map[string]bool{
	"no": true, "nos": true, "vol": true, "pp": true, "p": true, "fig": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// companyAbbreviations end a name ("Smith & Co.", "Apple Inc.") and often
// a sentence too: they end one only before a typical sentence opener.
var companyAbbreviations = map[string]bool{
	"co": true, "corp": true, "inc": true, "ltd": true, "bros": true, "plc": true,
	"dept": true, "univ": true, "assn": true, "esq": true, "etc": true,
}

// sentenceStarters are words that, after an abbreviation such as "U.S.",
// show that a new sentence has begun.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "but": true, "and": true, "this": true,
	"that": true, "these": true, "those": true, "there": true, "in": true,
	"on": true, "however": true, "meanwhile": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "you": true,
}

func isTerminal(t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text {
	case ".", "!", "?", "…", "‼", "⁇", "。", "！", "？":
		return true
	}
	return strings.HasPrefix(t.Text, "...")
}

func isCloser(t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch t.Text {
	case "”", "’", "\"", "'", ")", "]", "»", "›", "」", "』":
		return true
	}
	return false
}

// splitParagraphs fills Paragraphs and Sentences from Tokens.
func (d *Document) splitParagraphs() {
	spans := paragraphSpans(d.Text)
	ti := 0
	for pi, ps := range spans {
		for ti < len(d.Tokens) && d.Tokens[ti].Start < ps.Start {
			ti++
		}
		first := ti
		for ti < len(d.Tokens) && d.Tokens[ti].End <= ps.End {
			ti++
		}
		p := Paragraph{Span: ps, First: len(d.Sentences)}
		d.splitSentences(pi, first, ti)
		p.End = len(d.Sentences)
		d.Paragraphs = append(d.Paragraphs, p)
	}
	for i := range d.Sentences {
		d.Sentences[i].Index = i
	}
}

// splitSentences appends the sentences of tokens [lo, hi) of paragraph pi.
func (d *Document) splitSentences(pi, lo, hi int) {
	start := lo
	emit := func(end int) {
		if end <= start {
			return
		}
		toks := d.Tokens[start:end:end]
		d.Sentences = append(d.Sentences, Sentence{
			Span:       Span{toks[0].Start, toks[len(toks)-1].End},
			Paragraph:  pi,
			Tokens:     toks,
			FirstToken: start,
		})
		start = end
	}
	for i := lo; i < hi; i++ {
		if t := d.Tokens[i]; t.Kind == Word && strings.HasSuffix(t.Text, ".") {
			// "U.S." ends a sentence only before a typical sentence opener.
			if i+1 < hi && d.Tokens[i+1].Start > t.End && d.Tokens[i+1].IsCapitalized() && sentenceStarters[d.Tokens[i+1].Norm] {
				emit(i + 1)
			}
			continue
		}
		if !isTerminal(d.Tokens[i]) {
			continue
		}
		end := i + 1
		quoted := false
		for end < hi && (isCloser(d.Tokens[end]) || isTerminal(d.Tokens[end])) && d.Tokens[end].Start == d.Tokens[end-1].End {
			quoted = quoted || isCloser(d.Tokens[end])
			end++
		}
		if end >= hi {
			break
		}
		if d.endsSentence(lo, i, end, quoted) {
			emit(end)
		}
		i = end - 1
	}
	emit(hi)
	if n := len(d.Sentences); hi > lo && n > 0 {
		s := &d.Sentences[n-1]
		if s.FirstToken == lo && isHeadingLike(s.Tokens) {
			s.Heading = true
		}
	}
}

// endsSentence decides whether the terminal token at i, followed by the
// closing marks up to next, ends a sentence before token next.
func (d *Document) endsSentence(lo, i, next int, quoted bool) bool {
	term, after := d.Tokens[i], d.Tokens[next]
	if after.Start == d.Tokens[next-1].End {
		return false // no space: "3.5", "TheWeek.com", "Yes.No"
	}
	ellipsis := term.Text != "." && term.Text != "!" && term.Text != "?"
	lowerNext := after.IsLower()
	if quoted && lowerNext {
		return false // “Why?” he asked.
	}
	if ellipsis && lowerNext {
		return false // an ellipsis inside a sentence
	}
	if term.Text != "." || i == lo {
		return true
	}
	prev := d.Tokens[i-1]
	if prev.End != term.Start || prev.Kind != Word {
		return true
	}
	key := strings.ToLower(prev.Text)
	if companyAbbreviations[key] && !quoted {
		return after.IsCapitalized() && sentenceStarters[after.Norm]
	}
	if abbreviations[key] && !quoted {
		if needsNumber[key] {
			return after.Kind != Number
		}
		return false
	}
	if utf8.RuneCountInString(prev.Text) == 1 && unicode.IsUpper(firstRune(prev.Text)) && after.IsCapitalized() {
		return false // an initial: Mark A. Milley
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isHeadingLike reports whether a whole paragraph's tokens look like a
// heading: short, and not ending in sentence punctuation.
func isHeadingLike(toks []Token) bool {
	if len(toks) == 0 || len(toks) > 16 {
		return false
	}
	last := toks[len(toks)-1]
	for j := len(toks) - 1; j >= 0 && isCloser(toks[j]); j-- {
		last = toks[j]
		if j > 0 {
			last = toks[j-1]
		}
	}
	if isTerminal(last) || last.Text == ":" || last.Text == "," || last.Text == ";" {
		return false
	}
	words := 0
	for _, t := range toks {
		if t.Kind == Word || t.Kind == Number {
			words++
		}
	}
	return words > 0 && words <= 12
}
