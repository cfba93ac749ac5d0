package align

import (
	"math"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/internal/segment"
)

// The kinds of quantity: what a number is, as far as its form tells.
// Numbers of different kinds are never compared as values of one thing.
const (
	qtyCount   = iota // a plain number: "83 people", "2.5 million"
	qtyPercent        // "5%", "7 per cent"
	qtyMoney          // "$5bn", "€3.5", "20 euros"
	qtyAge            // "58-year-old", "58 years old", "aged 58"
	qtyYear           // 1900 to 2100, alone
	qtyDay            // a day of a month: "March 5", "5 March"
	qtyTime           // a time of day: "12:30"
)

// quantity is a number of a passage and what it counts.
type quantity struct {
	value   float64
	kind    int
	noun    []string     // stems of the noun phrase after the number, head last
	context []string     // content stems near the number, sorted, numbers out
	span    segment.Span // the number, with its symbol, scale and noun phrase
	num     segment.Span // the number alone, with its scale word
	// next is the value of the sentence's next quantity when the two read
	// as a range ("from 10 to 20%", "between 5 and 7", "10-20"), else NaN
	next float64
	// scale is the factor of the scale word written after the number
	// ("million"), or 0
	scale float64
}

// rangeWords join the two ends of a range.
var rangeWords = map[string]bool{"to": true, "and": true, "or": true, "-": true, "–": true, "—": true}

// months name the months, in lower case: a number beside one is a day.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// scaleSuffixes multiply a number written with them in one token: "5bn".
var scaleSuffixes = [...]struct {
	suffix string
	factor float64
}{{"bn", 1e9}, {"mln", 1e6}, {"tln", 1e12}, {"mn", 1e6}, {"m", 1e6}, {"k", 1e3}, {"tn", 1e12}}

// moneyWords are currency names that follow an amount.
var moneyWords = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true,
	"ruble": true, "rubles": true, "rouble": true, "roubles": true, "yuan": true, "yen": true,
	"crown": true, "crowns": true, "koruna": true, "korun": true, "czk": true, "usd": true, "eur": true,
	"rmb": true, "hryvnia": true, "hryvnias": true, "francs": true,
}

// readNumberToken reads the values of a number token: one value, or two
// for a range ("10-15"); an age ("58-year-old") and a time ("12:30") have
// kinds of their own. ok is false for what is not a number (a date
// "2021-03-05" compares as text elsewhere).
func readNumberToken(norm string) (vals []float64, kind int, ok bool) {
	s := approxBase(norm)
	for _, suf := range [...]string{"-years-old", "-year-old", "-year", "-years"} {
		if strings.HasSuffix(s, suf) {
			v, ok := parseNumber(s[:len(s)-len(suf)])
			return []float64{v}, qtyAge, ok
		}
	}
	if h, m, found := strings.Cut(s, ":"); found {
		hv, err1 := strconv.Atoi(h)
		mv, err2 := strconv.Atoi(m)
		if err1 != nil || err2 != nil || len(m) != 2 || hv > 24 || mv > 59 {
			return nil, 0, false
		}
		return []float64{float64(hv*60 + mv)}, qtyTime, true
	}
	for _, dash := range [...]string{"-", "–", "—"} {
		if a, b, found := strings.Cut(s, dash); found && a != "" {
			va, ok1 := parseNumber(a)
			vb, ok2 := parseNumber(b)
			if !ok1 || !ok2 || strings.Contains(b, dash) {
				return nil, 0, false
			}
			if isYear(va) && vb < 100 && len(b) == 2 {
				// "2019-20": a season
				return []float64{va, math.Floor(va/100)*100 + vb}, qtyYear, true
			}
			if isYear(va) && isYear(vb) {
				return []float64{va, vb}, qtyYear, true
			}
			return []float64{va, vb}, qtyCount, true
		}
	}
	if len(s) > 1 && s[0] == '0' && s[1] != '.' {
		return nil, 0, false // a date or a code: "01.02", "007"
	}
	if v, ok := parseNumber(s); ok {
		return []float64{v}, qtyCount, true
	}
	if a, b, found := strings.Cut(s, ","); found && len(b) > 0 && len(b) != 3 {
		// a decimal comma: "62,41"
		if v, ok := parseNumber(a + "." + b); ok {
			return []float64{v}, qtyCount, true
		}
	}
	for _, sc := range scaleSuffixes {
		if strings.HasSuffix(s, sc.suffix) {
			if v, ok := parseNumber(s[:len(s)-len(sc.suffix)]); ok {
				return []float64{v * sc.factor}, qtyCount, true
			}
		}
	}
	return nil, 0, false
}

// moreScales are scale words written as abbreviations that the
// retrieval fields do not read.
var moreScales = map[string]float64{"tln": 1e12, "trln": 1e12, "mn": 1e6, "bln": 1e9}

// scaleOf returns the factor of a scale word.
func scaleOf(w string) (float64, bool) {
	w = approxBase(w)
	if f, ok := scaleWords[w]; ok {
		return f, true
	}
	f, ok := moreScales[w]
	return f, ok
}

// approxSuffixes make a number approximate without changing the value it
// is compared by: "200-plus", "a hundred-odd", "forty-some".
var approxSuffixes = [...]string{"-plus", "-odd", "-some", "-something"}

// approxBase returns a number word or token without its approximation
// suffix.
func approxBase(w string) string {
	for _, suf := range approxSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// isYear reports whether a value reads as a year.
func isYear(v float64) bool { return v >= 1900 && v <= 2100 && v == math.Trunc(v) }

// quantityWindow is how many tokens on each side of a number count as its
// context.
const quantityWindow = 6

// quantities reads the numbers of a passage's sentences and what they
// count.
func quantities(v *passageView) []quantity {
	var out []quantity
	for _, toks := range v.sentenceTokens() {
		out = append(out, quantitiesIn(toks)...)
	}
	return out
}

func quantitiesIn(toks []segment.Token) []quantity {
	var out []quantity
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var vals []float64
		kind := qtyCount
		unit := "" // the unit word of a compound: "24-hour", "ten-year"
		switch t.Kind {
		case segment.Number:
			var ok bool
			if vals, kind, ok = readNumberToken(t.Norm); !ok {
				var v float64
				if v, unit, ok = numberUnit(t.Norm); !ok {
					continue
				}
				vals = []float64{v}
			}
		case segment.Word:
			x, ok := spelledValue(approxBase(t.Norm))
			if !ok {
				var v float64
				if v, unit, ok = numberUnit(t.Norm); !ok {
					continue
				}
				x = int64(v)
			}
			vals = []float64{float64(x)}
		default:
			continue
		}
		q := quantity{kind: kind, span: t.Span, num: t.Span}
		if unit != "" {
			q.noun = append(q.noun, unitStem(unit))
		}
		if kind == qtyTime && i+1 < len(toks) {
			switch strings.ReplaceAll(toks[i+1].Norm, ".", "") {
			case "pm", "p":
				if vals[0] < 12*60 {
					vals[0] += 12 * 60
				}
			case "am", "a":
				if vals[0] >= 12*60 {
					vals[0] -= 12 * 60
				}
			}
		}
		end := i + 1
		if end < len(toks) && toks[end].Kind == segment.Word {
			if f, ok := scaleOf(toks[end].Norm); ok {
				for k := range vals {
					vals[k] *= f
				}
				q.scale = f
				q.span.End, q.num.End = toks[end].End, toks[end].End
				end++
			}
		}
		// "10 to 15": the second number is read on its own, with this
		// one's noun phrase
		if i > 0 && toks[i-1].Kind == segment.Symbol && strings.Contains("$€£¥", toks[i-1].Text) {
			q.kind = qtyMoney
			q.span.Start = toks[i-1].Start
			q.num.Start = toks[i-1].Start
		}
		// the noun phrase
		j := end
		for ; j < len(toks) && j < end+maxNounWords; j++ {
			w := toks[j]
			if w.Text == "%" || w.Norm == "percent" {
				q.kind = qtyPercent
				q.span.End = w.End
				break
			}
			if w.Norm == "per" && j+1 < len(toks) && toks[j+1].Norm == "cent" {
				q.kind = qtyPercent
				q.span.End = toks[j+1].End
				break
			}
			if moneyWords[w.Norm] {
				q.kind = qtyMoney
			}
			if (w.Norm == "year" || w.Norm == "years") && j+1 < len(toks) && toks[j+1].Norm == "old" {
				q.kind = qtyAge
				q.span.End = toks[j+1].End
				break
			}
			if months[w.Norm] && j == end && vals[0] < 100 {
				q.kind = qtyDay
				break
			}
			if !isContent(w) {
				break
			}
			if j > end && (strings.HasSuffix(w.Norm, "ed") || strings.HasSuffix(w.Norm, "ing") || strings.HasSuffix(w.Norm, "ly")) {
				break
			}
			q.noun = append(q.noun, unitStem(w.Norm))
			q.span.End = w.End
		}
		if i > 0 {
			switch p := toks[i-1].Norm; {
			case months[p] && vals[0] < 100:
				q.kind = qtyDay
			case p == "aged" || p == "age":
				q.kind = qtyAge
			case moneyWords[p]:
				q.kind = qtyMoney
			}
		}
		if q.kind == qtyCount && len(vals) == 1 && len(t.Norm) == 4 && end == i+1 && unit == "" &&
			(isYear(vals[0]) || vals[0] >= 1000 && vals[0] <= 2100 && i > 0 && yearPrepositions[toks[i-1].Norm]) {
			q.kind = qtyYear
		}
		if identifies(toks, i) {
			// "line no. 400", "§ 152": a label, what follows is not what
			// it counts
			q.noun, q.span = nil, q.num
		}
		if q.kind == qtyDay || q.kind == qtyYear || q.kind == qtyTime || kind == qtyAge {
			// what follows a date is not what it counts ("On April 14
			// Trump"), nor what follows "58-year-old" its age
			q.noun, q.span = nil, q.num
		}
		// the context: content stems around the number
		for k := max(0, i-quantityWindow); k < min(len(toks), end+quantityWindow); k++ {
			if k >= i && k < end {
				continue
			}
			if isContent(toks[k]) && !maybeNumberWord(toks[k].Norm) {
				q.context = append(q.context, segment.Stem(toks[k].Norm))
			}
		}
		q.context = sortedSet(q.context)
		q.next = math.NaN()
		for _, v := range vals {
			c := q
			c.value = v
			out = append(out, c)
		}
		i = end - 1
	}
	// each quantity's next one, when close enough to read as a pair
	for k := 0; k+1 < len(out); k++ {
		if joinsRange(toks, out[k].span.End, out[k+1].num.Start) {
			out[k].next = out[k+1].value
		}
	}
	return out
}

// joinsRange reports whether the tokens that start in [from, to) are one
// range word.
func joinsRange(toks []segment.Token, from, to int) bool {
	n := 0
	for _, t := range toks {
		if t.Start >= from && t.Start < to {
			if !rangeWords[t.Norm] {
				return false
			}
			n++
		}
	}
	return n == 1
}

// yearPrepositions introduce a year: a four-digit number after one of
// them reads as a year even before 1900 ("in 1717").
var yearPrepositions = map[string]bool{"in": true, "since": true, "until": true, "till": true, "before": true, "after": true, "from": true, "through": true, "circa": true}

// identifies reports whether the number at toks[i] is a label: after "no.",
// "number", "nr", "#" or "§".
func identifies(toks []segment.Token, i int) bool {
	k := i - 1
	if k >= 0 && toks[k].Text == "." {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].Norm {
	case "no", "nr", "number", "#", "§", "№":
		return true
	}
	return false
}

// numberUnit reads a number joined to its unit by a hyphen ("24-hour",
// "ten-year", "5-km"): the value and the unit word.
func numberUnit(norm string) (float64, string, bool) {
	k := strings.LastIndexAny(norm, "-–")
	if k <= 0 {
		return 0, "", false
	}
	num, unit := norm[:k], strings.TrimLeft(norm[k:], "-–")
	if unit == "" || strings.ContainsFunc(unit, func(r rune) bool { return r < 'a' || r > 'z' }) {
		return 0, "", false
	}
	if v, ok := parseNumber(num); ok {
		return v, unit, true
	}
	if v, ok := spelledValue(num); ok {
		return float64(v), unit, true
	}
	return 0, "", false
}

// unitNames spell out the abbreviations of units of measure, so that "500
// mm" and "500 millimetres" count the same thing.
var unitNames = map[string]string{
	"mm": "millimetre", "cm": "centimetre", "km": "kilometre",
	"kg": "kilogram", "mg": "milligram", "ml": "millilitre", "ha": "hectare", "mi": "mile", "ft": "foot",
	"kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt-hour",
	"mph": "mile", "kmh": "kilometre", "kph": "kilometre", "km/h": "kilometre", "sq": "square",
	"hr": "hour", "hrs": "hour", "min": "minute", "mins": "minute", "sec": "second", "secs": "second",
}

// unitStem is the stem of a word of a noun phrase after a number, with
// the abbreviations of units spelled out and the American spellings of
// -metre and -litre taken as the British.
func unitStem(w string) string {
	if full, ok := unitNames[w]; ok {
		w = full
	}
	w = strings.TrimSuffix(w, "s")
	for _, pair := range [...][2]string{{"meter", "metre"}, {"liter", "litre"}} {
		if strings.HasSuffix(w, pair[0]) {
			w = strings.TrimSuffix(w, pair[0]) + pair[1]
		}
	}
	return segment.Stem(w)
}

// sameKind reports whether two quantities may be values of one thing.
// Dates and times are kinds of their own; a bare count mixes with an
// amount of money, a percentage or an age, because a unit is often written
// once for several numbers ("from 10 to 20%", "69 and 33 years old"); two
// numbers that carry different units (a percentage, an age) do not.
func sameKind(a, b int) bool {
	return a == b || measure(a) && measure(b) && (a == qtyCount || b == qtyCount)
}

func measure(k int) bool { return k == qtyCount || k == qtyMoney || k == qtyPercent || k == qtyAge }

// exactKind reports whether values of kind k compare exactly, without
// allowing for rounding: years, days and times.
func exactKind(k int) bool { return k == qtyYear || k == qtyDay || k == qtyTime }

// maybeNumberWord reports whether a word is a number word or scale word.
func maybeNumberWord(w string) bool {
	if _, ok := spelledValue(w); ok {
		return true
	}
	_, ok := scaleWords[w]
	return ok
}
