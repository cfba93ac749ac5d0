package placecheck

import (
	"fmt"
	"github.com/transcheck/transcheck/internal/persons"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/report"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/orgname"
	"github.com/transcheck/transcheck/internal/pinyin"
	"github.com/transcheck/transcheck/internal/segment"
)

// nameUse is one occurrence of a known name in a document.
type nameUse struct {
	span    segment.Span
	text    string // the name as written, possessive stripped
	matches []gazetteer.Match
	// inName is true when the name is part of a longer capitalized name:
	// an organization's ("Kiev Polytechnic Institute") or a person's
	// ("Stanislav Petrov"). Its spelling is that name's, not a place's.
	inName bool
	// adjectiveOf is the spelling a German adjective is made of ("Kiew"
	// for "Kiewer"); empty for a name.
	adjectiveOf string
	// before and after are the parts of a hyphenated compound around the
	// name ("pro-", "-held"); the fix keeps them.
	before, after string
	// derivedFrom is the spelling an adjective made of a place's name is
	// made of ("Kharkov" for "Kharkovsky"); empty for a name.
	derivedFrom string
	// placeLike is true when the words around the name say it is a place
	// (a preposition of place before it, a place noun after it) and
	// nothing says it is a person's name.
	placeLike bool
	// lower is true for a name written in lower case ("in kharkov").
	lower bool
	// also is a second suggestion after the flagged place's name: the
	// town a district adjective is made of ("Voznesensk" after
	// "Voznesenskyi").
	also string
}

// Suspect is a place-like word that nobody knows: capitalized, not English,
// not in the gazetteer or the coverage, not part of a person's or an
// organization's name.
type Suspect struct {
	Span     segment.Span // byte offsets into the document's text
	Text     string       // the word as written
	Word     string       // the word without a possessive ending
	Sentence int          // index in Document.Sentences
	// PlaceContext is true when a preposition of place precedes the word
	// ("in", "near", "from" …), a place noun follows it ("region"), or it
	// is listed with known places ("Kyiv, Zapozhe and Odesa").
	PlaceContext bool
	// PersonContext is true when the words around it (here or at another
	// use of the same word) make it a person's name: a speech verb
	// ("Peskov told", "said Oleksandr"), an age or "who" in apposition, a
	// kinship word before it ("her son Oleksandr"). Only romanized Chinese
	// readings are tried then ("Wufang said" is "the Ukrainian side said").
	PersonContext bool

	syllables int // pinyin syllables of a run of words; 0 for one word
	// multiword is true for a run of two or three words in place context
	// that may be a garbled name of as many words ("Velika Novoselka").
	multiword bool
	// lower is true for a word written in lower case after a
	// preposition of place ("in bakhmutt"): only a close spelling of a
	// place counts.
	lower bool
}

// wordSpan is the span and text of the suspect's word: the token without
// its possessive ending, or the whole run of spaced syllables.
func (s Suspect) wordSpan() (segment.Span, string) {
	if strings.HasPrefix(s.Text, s.Word) {
		return segment.Span{Start: s.Span.Start, End: s.Span.Start + len(s.Word)}, s.Word
	}
	return s.Span, s.Text
}

// scanResult is what one pass over a document finds.
type scanResult struct {
	doc      *segment.Document
	coverage []Coverage
	names    []nameUse
	suspects []Suspect
	calques  []report.Finding // admin calques and untranslated regional nouns
}

// personContext reports whether the words around toks[i] make it a
// person's name: a speech verb right after or before it ("Peskov told",
// "said Oleksandr"), a naming verb after a person noun ("a man named
// Oleksandr"), or an apposition that only people take ("Olena, 45,",
// "Yaroslav, who …").
func personContext(toks []segment.Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Kind == segment.Word && persons.IsSpeechVerb(toks[i+1].Norm) {
		return true
	}
	if i > 0 && toks[i-1].Kind == segment.Word && persons.IsSpeechVerb(toks[i-1].Norm) {
		return true
	}
	// "a man named Grabe", "her cousin, called Ostrin": a name given to
	// a person noun.
	if i > 1 && toks[i-1].Kind == segment.Word && namingVerbs[toks[i-1].Norm] {
		j := i - 2
		if toks[j].Text == "," && j > 0 {
			j--
		}
		if toks[j].Kind == segment.Word && persons.IsPersonNoun(toks[j].Norm) {
			return true
		}
	}
	if i+2 < len(toks) && toks[i+1].Text == "," {
		next := toks[i+2]
		if next.Kind == segment.Number || next.Kind == segment.Word && next.Norm == "who" {
			return true
		}
		// "Monastyrskyi, Ukraine's interior minister": a title in
		// apposition within a few words.
		for j := i + 2; j < len(toks) && j <= i+6; j++ {
			if toks[j].Kind != segment.Word && toks[j].Text != "'" && toks[j].Text != "’" {
				break
			}
			if persons.IsTitleOrRole(toks[j].Norm) {
				return true
			}
		}
	}
	return false
}

// namingVerbs before a name give it to the noun before them.
var namingVerbs = set("named", "called", "nicknamed", "christened", "dubbed")

// placePrepositions before a word make it place-like.
var placePrepositions = set("in", "into", "of", "from", "near", "at", "to", "towards", "toward",
	"outside", "around", "across", "through", "over", "above", "via", "within", "throughout", "captured", "seized", "liberated", "shelled",
	"recaptured", "retook", "entered", "attacked", "besieged", "city", "town", "village", "port")

// notPlaceTo are words before "to" that make it no preposition of place.
var notPlaceTo = set("according", "thanks", "due", "told", "said", "spoke", "talked", "listened",
	"wrote", "reported", "belongs", "belonged", "referring", "compared", "similar", "loyal")

// divisionNouns after an adjective make it a district's name.
var divisionNouns = set("district", "districts", "raion", "rayon")

// placeNouns after a word make it place-like.
var placeNouns = set("region", "city", "oblast", "province", "river", "district", "front",
	"area", "town", "village", "port", "peninsula", "island", "direction", "sector", "axis",
	"regions", "oblasts", "provinces", "districts", "areas", "towns", "villages", "settlement",
	"settlements", "community", "communities", "hromada")

// connectors may join the words of one name ("Sea of Azov",
// "Rostov-on-Don" is one token already).
var connectors = set("of", "on", "de", "la", "del", "upon")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// normWord lower-cases a token and drops a final full stop ("Gen." →
// "gen").
func normWord(t segment.Token) string {
	return strings.TrimSuffix(strings.ToLower(segment.StripPossessive(t.Text)), ".")
}

// isCap reports whether a word token starts with an upper-case letter.
func isCap(t segment.Token) bool { return t.Kind == segment.Word && t.IsCapitalized() }

// isAcronym reports whether w is written in capitals (two letters or more).
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// isRunTogether reports whether w has a lower-case letter followed by an
// upper-case one, as when a page's layout glues words ("DonbasIN",
// "caveatsSpeed"), or has digits.
func isRunTogether(w string) bool {
	prevLower := false
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
		if prevLower && unicode.IsUpper(r) {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// joined reports whether tokens a and b are separated by spaces only (no
// line break, no punctuation).
func joined(text string, a, b segment.Token) bool {
	gap := text[a.End:b.Start]
	return gap != "" && strings.Trim(gap, " \t\u00a0") == ""
}

// run is a maximal sequence of capitalized words (with connectors) in a
// sentence, as token indices into the sentence [start, end).
type run struct {
	start, end int
	person     bool // a person's name
	org        bool // an organization's or publication's name
	historic   bool // an event's, work's, building's or venue's name
}

// runs finds the capitalized runs of a sentence.
func runs(text string, toks []segment.Token) []run {
	var out []run
	for i := 0; i < len(toks); i++ {
		if !isCap(toks[i]) || sentenceOpener(toks, i) && !pinyinPair(text, toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) {
			if isCap(toks[j]) && joined(text, toks[j-1], toks[j]) {
				j++
				continue
			}
			// "Sea of Azov", "Institute for the Study of War"
			if j+1 < len(toks) && toks[j].Kind == segment.Word && (connectors[toks[j].Norm] || toks[j].Norm == "for" || toks[j].Norm == "the" || toks[j].Norm == "and") &&
				isCap(toks[j+1]) && joined(text, toks[j-1], toks[j]) && joined(text, toks[j], toks[j+1]) {
				j += 2
				continue
			}
			// "Mark A. Milley": an initial
			if toks[j].Kind == segment.Punct && toks[j].Text == "." && j+1 < len(toks) && isCap(toks[j+1]) &&
				utf8.RuneCountInString(toks[j-1].Text) == 1 && toks[j-1].Start == toks[j].Start-1 {
				j += 2
				continue
			}
			break
		}
		out = append(out, run{start: i, end: j})
		i = j - 1
	}
	return out
}

// pinyinPair reports whether toks[i] and the next token are capitalized
// pinyin syllables joined by spaces: "Ha Er Ke Fu" opens its sentence with
// "Ha", an English word only by accident.
func pinyinPair(text string, toks []segment.Token, i int) bool {
	return i+1 < len(toks) && isCap(toks[i+1]) && joined(text, toks[i], toks[i+1]) &&
		pinyin.IsSyllable(toks[i].Text) && pinyin.IsSyllable(toks[i+1].Text)
}

// sentenceOpener reports whether toks[i] is a common English word
// capitalized only because it opens the sentence ("The", "In", "After");
// a word that is also a given name ("Jack", "Mark") may start a name.
func sentenceOpener(toks []segment.Token, i int) bool {
	for j := 0; j < i; j++ {
		if toks[j].Kind == segment.Word || toks[j].Kind == segment.Number {
			return false
		}
	}
	if functionWords[toks[i].Norm] {
		return true // "In" is indium to a dictionary, never a name here
	}
	return lexicon.IsWord(toks[i].Norm) && !lexicon.IsProperName(toks[i].Text)
}

// functionWords open sentences and never start a name.
var functionWords = set("a", "an", "the", "in", "on", "at", "as", "by", "to", "of", "or", "and",
	"but", "for", "nor", "so", "yet", "if", "it", "its", "is", "us", "we", "he", "she", "they",
	"his", "her", "our", "their", "this", "that", "these", "those", "there", "here", "with",
	"from", "near", "after", "before", "during", "since", "while", "when", "where", "then",
	"amid", "despite", "under", "over", "into", "across", "around", "through", "outside",
	"inside", "along", "against", "between", "among", "toward", "towards", "until", "meanwhile",
	"however", "also", "according", "some", "many", "most", "all", "both", "each", "every",
	"other", "such", "what", "which", "who", "why", "how", "no", "not", "up", "do", "be", "me")

// scan finds known names, calques and suspects in doc.
func (c *Checker) scan(doc *segment.Document, coverage []Coverage) *scanResult {
	sc := &scanResult{doc: doc, coverage: coverage}
	culinary := aboutFood(doc)
	orgs := orgname.Names(doc)
	covered := coverageNames(coverage)
	people := make(map[string]bool) // words seen in people's names, by Key
	type pending struct {
		tok      segment.Token
		sentence int
		context  bool
		// modifier: a lower-case word follows, which the word may modify
		// ("Izyumsky district", "Kakhovska plant").
		modifier bool
		// division: "district" or "raion" follows.
		division bool
	}
	personLike := make(map[string]bool) // words in a person's context, by Key
	var candidates []pending
	var spaced []Suspect
	for si, s := range doc.Sentences {
		toks := s.Tokens
		// chainEnd is the token index after the last place-like word or
		// run: "over A and B" makes B place-like too.
		chainEnd := -1
		chained := func(i int) bool {
			return chainEnd >= 0 && i == chainEnd+1 && isListWord(toks[chainEnd])
		}
		inRun := make([]int, len(toks)) // 1 + index into rs, 0 if none
		rs := c.classifiedRuns(doc.Text, toks)
		for ri := range rs {
			r := &rs[ri]
			for k := r.start; k < r.end; k++ {
				inRun[k] = ri + 1
				if r.person && toks[k].Kind == segment.Word {
					people[gazetteer.Key(segment.StripPossessive(toks[k].Text))] = true
				}
			}
		}
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if !isCap(t) {
				// "pro-Kiev": a lower-case prefix before a place's name.
				if t.Kind == segment.Word && strings.Contains(t.Text, "-") {
					if use, ok := c.affixedName(t, false); ok && use.before != "" {
						sc.names = append(sc.names, use)
					}
				} else if t.Kind == segment.Word && !dishName(toks, i, culinary) {
					// "in kharkov", "the zaporozhye region": a place's name
					// in lower case.
					ctx := placeContext(toks, i) || chained(i)
					if use, ok := c.lowerName(t, ctx); ok {
						sc.names = append(sc.names, use)
					} else if ctx && c.unknown(t.Text) && !lexicon.Known(t.Text) && utf8.RuneCountInString(gazetteer.Key(t.Text)) >= 6 {
						spaced = append(spaced, Suspect{Span: t.Span, Text: t.Text, Word: segment.StripPossessive(t.Text),
							Sentence: si, PlaceContext: true, lower: true})
					}
				}
				continue
			}
			// "Great Novosilka", "Azov Steel": a name translated word
			// for word.
			if ri := inRun[i]; ri > 0 && rs[ri-1].start == i && rs[ri-1].end-i >= 2 {
				if n, use, ok := c.calquedName(doc.Text, toks, i, rs[ri-1].end); ok {
					sc.names = append(sc.names, use)
					chainEnd = i + n
					i += n - 1
					continue
				}
			}
			// The longest known name starting here.
			if n, use, ok := c.matchName(doc.Text, toks, i); ok {
				// Part of a longer name: a person's, or an event's, work's
				// or building's ("Siege of Leningrad", "Kharkov Tractor
				// Plant"), which keep the spelling of their day. An
				// institution's ("Lugansk People's Republic", "Kiev
				// Polytechnic Institute") follows its current standard
				// English name, which spells its place the preferred way.
				// A name that is the whole run ("White Church") is the
				// place's own.
				if ri := inRun[i]; ri > 0 && rs[ri-1].end-rs[ri-1].start > n && (rs[ri-1].person || rs[ri-1].historic) {
					use.inName = true
				}
				if ri := inRun[i]; ri > 0 && rs[ri-1].start < i && !rs[ri-1].org && foreignOnly(use.matches) && !placeContext(toks, i) {
					// "Imran Ismail", "Hashim Ismail": a word after a given
					// name that is only a foreign exonym of a place (the
					// Romanian name of Izmail) is a surname.
					use.inName = true
				}
				use.matches = c.qualified(doc.Text, toks, i+n, use.matches)
				if dishName(toks, i, culinary) {
					use.inName = true // "chicken Marengo": a dish's name, not a place
				}
				use.placeLike = (placeContext(toks, i) || placeNounAt(toks, i+n) || chained(i) || c.listedWithPlace(doc.Text, toks, i)) && !personContext(toks, i)
				if use.placeLike {
					chainEnd = i + n
				}
				if f, ok := c.mergedKnown(t, n, use); ok {
					sc.calques = append(sc.calques, f)
					i += n - 1
					continue
				}
				sc.names = append(sc.names, use)
				if f, ok := c.calque(doc.Text, toks, i, i+n); ok {
					sc.calques = append(sc.calques, f)
				}
				i += n - 1
				continue
			}
			if f, ok := c.calque(doc.Text, toks, i, i+1); ok {
				sc.calques = append(sc.calques, f)
				continue
			}
			// "Mei E relations", "E jun units": an abbreviation written
			// as separate syllables.
			if end, ok := c.spacedAbbreviation(doc.Text, toks, i); ok {
				span := segment.Span{Start: toks[i].Start, End: toks[end-1].End}
				text := doc.Text[span.Start:span.End]
				spaced = append(spaced, Suspect{Span: span, Text: text, Word: text, Sentence: si,
					PlaceContext: placeContext(toks, i) || placeNounAt(toks, end)})
				i = end - 1
				continue
			}
			// "the Kakhovska HPP": an adjective where English writes the name.
			if f, ok := c.installationAdjective(toks, i); ok {
				sc.calques = append(sc.calques, f)
				continue
			}
			if ri := inRun[i]; ri > 0 {
				r := rs[ri-1]
				if r.end-r.start > 1 && r.start == i && !r.org {
					// "in Wu Dong", "in Ha Er Ke Fu": pinyin syllables
					// written apart, after a preposition of place; four
					// syllables or more are no person's name anywhere.
					ctx := placeContext(toks, i) || chained(i)
					if word, n, ok := c.spacedPinyin(toks, r); ok && (ctx || r.end-r.start >= 4) {
						span := segment.Span{Start: toks[r.start].Start, End: toks[r.end-1].End}
						spaced = append(spaced, Suspect{Span: span, Text: doc.Text[span.Start:span.End], Word: word, Sentence: si, PlaceContext: ctx, syllables: n})
						if ctx {
							chainEnd = r.end
						}
						i = r.end - 1
						continue
					}
				}
				if r.end-r.start > 1 && r.start == i && !r.org {
					// "near Velika Novoselka", "in Czasiw Jar": a place's
					// name of two or three words, garbled.
					ctx := placeContext(toks, i) || chained(i) || placeNounAt(toks, r.end)
					if s, ok := c.multiwordSuspect(doc.Text, toks, r, si, ctx); ok {
						spaced = append(spaced, s)
						chainEnd = r.end
						i = r.end - 1
						continue
					}
				}
				if r.person || r.org || r.end-r.start > 1 {
					// "Kramatorskand Sloviansk": a place's name run into
					// the next word makes a run of its own.
					if !r.person && !r.org && c.unknown(segment.StripPossessive(t.Text)) {
						if f, ok := c.mergedName(t); ok {
							sc.calques = append(sc.calques, f)
						}
					}
					continue // part of a longer name that is not a place
				}
			}
			if i > 0 && persons.IsTitleOrRole(normWord(toks[i-1])) || i > 1 && toks[i-1].Text == "." && persons.IsTitle(normWord(toks[i-2])) ||
				i == 0 && titleBefore(doc, si) {
				people[gazetteer.Key(segment.StripPossessive(t.Text))] = true
				continue
			}
			if personContext(toks, i) {
				personLike[gazetteer.Key(segment.StripPossessive(t.Text))] = true
			}
			ctx := placeContext(toks, i) || chained(i) || c.listedWithPlace(doc.Text, toks, i)
			if ctx {
				chainEnd = i + 1
			}
			if c.subdivisionOf(toks, i) {
				continue // "the Huangpu district of Shanghai": a named subdivision of a known place
			}
			if companyContext(toks, i) {
				continue // "the carmakers Geely and Changan": companies' names
			}
			// "Desnianskyi district", "Desnianskyi and Holosiivskyi
			// districts": a lower-case noun follows, or a list of names.
			modifier := i+1 < len(toks) && toks[i+1].Kind == segment.Word && toks[i+1].IsLower() &&
				!(toks[i+1].Norm == "and" || toks[i+1].Norm == "or") ||
				i+2 < len(toks) && (toks[i+1].Norm == "and" || toks[i+1].Norm == "or") && toks[i+2].Kind == segment.Word

			division := i+1 < len(toks) && divisionNouns[normWord(toks[i+1])]
			candidates = append(candidates, pending{tok: t, sentence: si, context: ctx, modifier: modifier, division: division})
		}
	}
	for _, p := range candidates {
		word := segment.StripPossessive(p.tok.Text)
		k := gazetteer.Key(word)
		if people[k] || covered[k] || orgs[strings.ToLower(word)] || !c.unknown(word) {
			continue
		}
		if personLike[k] {
			// "Umansky said": a surname, whatever adjective it looks like.
			sc.suspects = append(sc.suspects, Suspect{Span: p.tok.Span, Text: p.tok.Text, Word: word, Sentence: p.sentence, PersonContext: true})
			continue
		}
		if use, ok := c.germanAdjective(p.tok); ok {
			sc.names = append(sc.names, use)
			continue
		}
		if use, known, ok := c.placeAdjective(p.tok, p.context, p.modifier, p.division); ok && !c.nameNotAdjective(word, use) {
			if !known {
				sc.names = append(sc.names, use)
			}
			continue
		}
		if f, ok := c.regionNoun(doc.Text, p.tok); ok {
			sc.calques = append(sc.calques, f)
			continue
		}
		if f, ok := c.mergedName(p.tok); ok {
			sc.calques = append(sc.calques, f)
			continue
		}
		sc.suspects = append(sc.suspects, Suspect{
			Span: p.tok.Span, Text: p.tok.Text, Word: word, Sentence: p.sentence, PlaceContext: p.context,
			PersonContext: personLike[k],
		})
	}
	for _, s := range spaced {
		if !covered[gazetteer.Key(s.Word)] && !c.known[gazetteer.Key(s.Word)] && !c.style.Allowed(s.Word) {
			sc.suspects = append(sc.suspects, s)
		}
	}
	slices.SortFunc(sc.suspects, func(a, b Suspect) int { return a.Span.Start - b.Span.Start })
	return sc
}

// abbreviationCollocates are nouns that a country pair or a country's
// forces modify ("US-Russia relations", "Russian forces units"). After
// syllables the abbreviation grammar reads, they say the syllables are an
// untranslated abbreviation, not a person's name: a name before a noun in
// its base form is no subject of a verb.
var abbreviationCollocates = set("relations", "relationship", "ties", "war", "conflict", "summit",
	"cooperation", "partnership", "rivalry", "tensions", "tension", "negotiations", "dialogue",
	"diplomacy", "friendship", "alliance", "axis", "standoff", "confrontation", "competition",
	"rapprochement", "consultations", "agreement", "trade", "border", "frontier", "troops", "army",
	"armies", "military", "units", "positions", "leaders", "officials", "diplomats", "ministers",
	"delegations", "negotiators", "front", "hostilities", "ceasefire", "truce", "joint", "bilateral",
	"trilateral", "strategic", "economic", "naval", "air", "ground", "artillery", "drones", "drone",
	"missile", "missiles", "offensive", "counteroffensive", "attack", "attacks", "side", "camp",
	"soldiers", "commanders", "casualties", "losses", "personnel", "relation", "détente")

// ambiguousCollocates are such nouns that are also the third person of a
// verb ("Wu Dong talks to reporters"): they count only after a determiner
// ("the Zhong Mei talks").
var ambiguousCollocates = set("talks", "clashes", "exchanges", "borders", "deals", "fights",
	"battles", "contacts", "sanctions", "forces", "sides", "meetings", "meets", "fighting", "dispute",
	"disputes", "war's")

// determiners before a modifier.
var determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "their", "our",
	"his", "her", "any", "every", "no", "recent", "new", "latest", "further", "renewed", "future")

// spacedAbbreviation reads an abbreviation written as separate words from
// toks[i]: two to four syllables joined by spaces, each a unit of the
// gazetteer's abbreviation grammar ("Mei E", "Zhong Mei", "E jun", "Wu
// dong"), the first capitalized. Such syllables are also people's names
// (Wu Jun, Zhong Mei), so the words around them must say otherwise: a
// lower-case syllable that no name would have ("E jun", "Mei fang"), a
// preposition of place or a place noun ("in Wu Dong", "Wu Dong region"),
// or a noun the abbreviation modifies ("Mei E relations", "the Zhong Mei
// talks"). A title before it, a capitalized word joined to it, or an
// initial ("E. Smith") makes it a name. end is the index after the last
// syllable.
func (c *Checker) spacedAbbreviation(text string, toks []segment.Token, i int) (end int, ok bool) {
	if !isCap(toks[i]) || !gazetteer.IsAbbreviationUnit(toks[i].Text) {
		return 0, false
	}
	if i > 0 && (persons.IsTitleOrRole(normWord(toks[i-1])) || isCap(toks[i-1]) && joined(text, toks[i-1], toks[i]) && !sentenceOpener(toks, i-1)) {
		return 0, false
	}
	end = i + 1
	for end < len(toks) && end-i < 4 && toks[end].Kind == segment.Word && joined(text, toks[end-1], toks[end]) &&
		gazetteer.IsAbbreviationUnit(toks[end].Text) {
		end++
	}
	for ; end-i >= 2; end-- {
		if c.spacedEvidence(text, toks, i, end) {
			break
		}
	}
	if end-i < 2 {
		return 0, false
	}
	var parts []string
	for k := i; k < end; k++ {
		parts = append(parts, toks[k].Text)
	}
	if _, ok := gazetteer.ParseAbbreviation(strings.Join(parts, " ")); !ok {
		return 0, false
	}
	return end, true
}

// spacedEvidence reports whether the words around the syllables toks[i:end]
// mark them as an abbreviation rather than a name (see spacedAbbreviation).
func (c *Checker) spacedEvidence(text string, toks []segment.Token, i, end int) bool {
	var parts []string
	english := 0
	lowerForeign := false
	for k := i; k < end; k++ {
		t := toks[k]
		parts = append(parts, t.Text)
		isWord := lexicon.IsWord(t.Text)
		if isWord && utf8.RuneCountInString(t.Text) > 1 {
			english++ // a capital letter alone is not telling
		}
		// A lower-case syllable after a capitalized one: no name is
		// written so, unless both are English ("Fa fang").
		if k > i && t.IsLower() && (!isWord || !lexicon.IsWord(toks[i].Text) || utf8.RuneCountInString(toks[i].Text) == 1) {
			lowerForeign = true
		}
		// "Mark E. Smith": an initial.
		if utf8.RuneCountInString(t.Text) == 1 && k+1 < len(toks) && toks[k+1].Text == "." && toks[k+1].Start == t.End {
			return false
		}
	}
	if english == end-i {
		return false // "Fa Gang": English words, whatever the grammar reads
	}
	if _, ok := gazetteer.ParseAbbreviation(strings.Join(parts, " ")); !ok {
		return false
	}
	// A longer capitalized name goes on ("Wu Dong Sheng", "Han Dong Lee").
	if end < len(toks) && isCap(toks[end]) && joined(text, toks[end-1], toks[end]) && !placeNouns[normWord(toks[end])] {
		return false
	}
	if lowerForeign || placeContext(toks, i) || placeNounAt(toks, end) {
		return true
	}
	if end >= len(toks) || toks[end].Kind != segment.Word || !joined(text, toks[end-1], toks[end]) {
		return false
	}
	next := toks[end].Norm
	if abbreviationCollocates[next] {
		return true
	}
	if ambiguousCollocates[next] {
		for j := i - 1; j >= 0 && j >= i-2; j-- {
			if toks[j].Kind != segment.Word {
				break
			}
			if determiners[toks[j].Norm] {
				return true
			}
		}
	}
	return false
}

// qualified narrows the places a name denotes by the qualifier after it:
// ", Texas" in "Odessa, Texas" or ", Ukraine" in "Odessa, Ukraine" keeps
// the places of the qualifier's country. A name whose places are all in
// another country than the qualifier's is a namesake the gazetteer does
// not know, and none of its places is meant: the result is empty. toks[j]
// is the token after the name.
func (c *Checker) qualified(text string, toks []segment.Token, j int, ms []gazetteer.Match) []gazetteer.Match {
	if j+1 >= len(toks) || toks[j].Text != "," || !isCap(toks[j+1]) {
		return ms
	}
	_, q, ok := c.matchName(text, toks, j+1)
	if !ok {
		return ms
	}
	countries := make(map[string]bool)
	for _, m := range q.matches {
		switch m.Place.Kind {
		case gazetteer.KindCountry, gazetteer.KindAdmin1:
			if !m.Kind.Has(gazetteer.Adjective) {
				countries[m.Place.Country] = true
			}
		}
	}
	if len(countries) == 0 {
		return ms // "Kyiv, Kharkiv and Odesa": a list, not a qualifier
	}
	var out []gazetteer.Match
	for _, m := range ms {
		if countries[m.Place.Country] {
			out = append(out, m)
		}
	}
	return out
}

// regionNoun reports a regional noun that translation left in Ukrainian
// or Russian: "Kharkivshchyna" for the Kharkiv region.
func (c *Checker) regionNoun(text string, t segment.Token) (report.Finding, bool) {
	word := segment.StripPossessive(t.Text)
	m, ok := c.gaz.RegionNoun(word)
	if !ok {
		return report.Finding{}, false
	}
	base := divisionBase(c.style.Preferred(m.Place))
	sugg := []string{base + " region", c.style.Preferred(m.Place)}
	return report.Finding{
		Rule:     rules.PlaceVariant.ID,
		Category: report.PlaceName,
		Span:     report.Span{Start: t.Start, End: t.Start + len(word)},
		Text:     word,
		Message: fmt.Sprintf("“%s” is the Ukrainian (or Russian) name of the %s region, left untranslated: write the %s region or %s",
			word, base, base, sugg[1]),
		Suggestions: sugg,
		Severity:    report.Warning,
		Confidence:  0.8,
	}, true
}

// germanAdjective reads a German place adjective that translation left
// in English text: a German spelling plus "-er" ("Kiewer", "Charkiwer").
// The use matches the places whose German spelling it is.
// placeAdjective reads an adjective made of a place's name
// (gazetteer.Adjective: "Izyumsky", "Kupianske", "Desnianskyi"). With a
// Russian ending (-sky, -skiy, -skoye, -skaya) it is a Russian-derived
// form, reported like a variant of the place ("Kharkovsky", "Pokrovsky");
// with a Ukrainian ending (-skyi, -ske, -ska) and a noun after it
// ("Desnianskyi district", "Kupianske community") it is a correct name
// (known). A stem that only a generated village matches counts only in
// place context: surnames end the same way ("Zelensky"). A Russian
// adjective before "district" that names a raion is that raion's
// (division).
func (c *Checker) placeAdjective(t segment.Token, context, modifier, division bool) (use nameUse, known, ok bool) {
	word := segment.StripPossessive(t.Text)
	a, ok := c.gaz.Adjective(word)
	if !ok {
		return nameUse{}, false, false
	}
	if division && a.Russian {
		if m, ok := c.gaz.RaionAdjective(word); ok {
			// "the Voznesensky district": a raion's name with a Russian
			// ending; the raion's own name is the fix, not its town's.
			m.Kind, m.Form = m.Kind|gazetteer.Russian, word
			span := segment.Span{Start: t.Start, End: t.Start + len(word)}
			return nameUse{span: span, text: word, matches: []gazetteer.Match{m}, placeLike: true, also: c.style.Preferred(a.Place)}, false, true
		}
	}
	if !a.Russian && modifier && (a.Kind == 0 || !c.style.Flags(a.Kind)) {
		return nameUse{}, true, true // a correct adjective before its noun, any place's
	}
	if a.Match.Place.Generated() && !context {
		return nameUse{}, false, false
	}
	m := a.Match
	if a.Russian && m.Kind == 0 {
		m.Kind, m.Form = gazetteer.Russian, word // the ending is the variant
	}
	if m.Kind == 0 || !c.style.Flags(m.Kind) {
		return nameUse{}, true, modifier // a correct adjective before its noun
	}
	span := segment.Span{Start: t.Start, End: t.Start + len(word)}
	return nameUse{span: span, text: word, matches: []gazetteer.Match{m}, derivedFrom: a.Form, placeLike: true}, false, true
}

func (c *Checker) germanAdjective(t segment.Token) (nameUse, bool) {
	word := segment.StripPossessive(t.Text)
	base, ok := strings.CutSuffix(word, "er")
	if !ok || utf8.RuneCountInString(base) < 3 {
		return nameUse{}, false
	}
	var ms []gazetteer.Match
	for _, m := range c.gaz.Lookup(base) {
		if m.Kind.Has(gazetteer.German) {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return nameUse{}, false
	}
	span := segment.Span{Start: t.Start, End: t.Start + len(word)}
	return nameUse{span: span, text: word, matches: ms, adjectiveOf: base}, true
}

// isListWord reports whether t joins the items of a list: a comma, "and"
// or "or".
func isListWord(t segment.Token) bool {
	return t.Text == "," || t.Kind == segment.Word && (t.Norm == "and" || t.Norm == "or")
}

// listedWithPlace reports whether toks[i] is listed with a known place:
// a comma, "and" or "or" joins it to a name the gazetteer knows ("Kyiv,
// Zapozhe and Odesa"). An adjective ("Russian and …") is no place.
func (c *Checker) listedWithPlace(text string, toks []segment.Token, i int) bool {
	isList := isListWord
	place := func(ms []gazetteer.Match) bool {
		for _, m := range ms {
			if !m.Kind.Has(gazetteer.Adjective) {
				return true
			}
		}
		return false
	}
	if i+2 < len(toks) && isList(toks[i+1]) && isCap(toks[i+2]) {
		if _, use, ok := c.matchName(text, toks, i+2); ok && place(use.matches) {
			return true
		}
	}
	if i >= 2 && isList(toks[i-1]) && isCap(toks[i-2]) {
		// The name before may have up to MaxWords words: find one that
		// ends right before the list word.
		for start := max(0, i-1-c.gaz.MaxWords()); start <= i-2; start++ {
			if !isCap(toks[start]) {
				continue
			}
			if n, use, ok := c.matchName(text, toks[:i-1], start); ok && start+n == i-1 && place(use.matches) {
				return true
			}
		}
	}
	return false
}

// placeNounAt reports whether toks[k] is a place noun ("region").
func placeNounAt(toks []segment.Token, k int) bool {
	return k < len(toks) && toks[k].Kind == segment.Word && placeNouns[normWord(toks[k])]
}

// spacedPinyin reads a run of capitalized words that are pinyin ("Wu
// Dong", "Ha Er Ke Fu", "Haerkefu Zhou") and returns them joined by
// spaces, with the number of syllables.
func (c *Checker) spacedPinyin(toks []segment.Token, r run) (string, int, bool) {
	var parts []string
	syllables := 0
	for k := r.start; k < r.end; k++ {
		t := toks[k]
		if t.Kind != segment.Word || lexicon.IsWord(t.Text) && len(t.Text) > 3 || lexicon.IsProperName(t.Text) && len(t.Text) > 4 {
			return "", 0, false
		}
		ss, ok := pinyin.Split(t.Text)
		if !ok {
			// Machine translation drops the apostrophe pinyin wants
			// ("Haerkefu" for Ha'erkefu): a place's name read out counts.
			ms := c.gaz.LookupPinyin(t.Text)
			if len(ms) == 0 {
				return "", 0, false
			}
			ss = make([]string, utf8.RuneCountInString(ms[0].Form))
		}
		syllables += len(ss)
		parts = append(parts, t.Text)
	}
	// Chinese transcriptions of long names run to eight syllables
	// (克罗佩夫尼茨基 ke luo pei fu ni ci ji), nine with 州.
	return strings.Join(parts, " "), syllables, len(parts) >= 2 && syllables <= 9
}

// classifiedRuns finds a sentence's capitalized runs and classifies them.
// A run joined by connectors ("Institute for the Study of War") stays whole
// only if it names an organization; otherwise its parts are runs of their
// own ("Wubei on Monday" is no one's name).
func (c *Checker) classifiedRuns(text string, toks []segment.Token) []run {
	var out []run
	for _, r := range runs(text, toks) {
		// "Wubei Province": a capitalized place noun ends a place's name,
		// not a person's.
		if r.end-r.start >= 2 && placeNouns[normWord(toks[r.end-1])] {
			r.end--
		}
		// "Beiyue Secretary General Stoltenberg", "Lugansk Governor Serhiy
		// Haidai": a title inside the run ends what comes before it (an
		// organization or a place); the name after it is a person's.
		if k, end := titleInside(toks, r); k > r.start {
			before := run{start: r.start, end: k}
			c.classifyRun(toks, &before)
			out = append(out, before)
			out = append(out, run{start: end, end: r.end, person: true})
			continue
		}
		c.classifyRun(toks, &r)
		if r.org || !hasConnector(toks, r) {
			out = append(out, r)
			continue
		}
		start := r.start
		for k := r.start; k <= r.end; k++ {
			if k == r.end || !isCap(toks[k]) && toks[k].Kind == segment.Word {
				if k > start {
					part := run{start: start, end: k}
					c.classifyRun(toks, &part)
					out = append(out, part)
				}
				start = k + 1
			}
		}
	}
	return out
}

// titleInside finds the first capitalized title word inside run r that
// has a capitalized name after it ("Secretary General Stoltenberg",
// "Secretary of State Blinken"): k is its index and end the index after
// it; k is r.start when there is none.
func titleInside(toks []segment.Token, r run) (k, end int) {
	for k = r.start + 1; k < r.end; k++ {
		if !isCap(toks[k]) || !persons.IsTitleOrRole(normWord(toks[k])) {
			continue
		}
		for j := k + 1; j < r.end; j++ {
			if isCap(toks[j]) && !persons.IsTitleOrRole(normWord(toks[j])) {
				return k, k + 1
			}
		}
	}
	return r.start, r.start
}

func hasConnector(toks []segment.Token, r run) bool {
	for k := r.start; k < r.end; k++ {
		if toks[k].Kind == segment.Word && !isCap(toks[k]) {
			return true
		}
	}
	return false
}

// classifyRun marks a capitalized run as a person's or an organization's
// name.
func (c *Checker) classifyRun(toks []segment.Token, r *run) {
	words := 0
	places := 0
	for k := r.start; k < r.end; k++ {
		t := toks[k]
		if t.Kind != segment.Word {
			continue
		}
		words++
		if orgname.IsOrganizationWord(normWord(t)) {
			r.org = true
		}
		if orgname.IsHistoricWord(normWord(t)) {
			r.historic = true
		}
		if c.prominentPlace(segment.StripPossessive(t.Text)) {
			places++
		}
	}
	// "The Telegraph", "The Week": a title in the middle of a sentence
	// (a sentence-initial "The" never starts a run).
	if normWord(toks[r.start]) == "the" && words > 1 {
		r.org = true
	}
	if r.start > 0 && persons.IsTitleOrRole(normWord(toks[r.start-1])) {
		r.person = true
		return
	}
	// Two or three capitalized words none of which is a place, the first a
	// name the lexicon knows or any word mid-sentence: a person ("Michael
	// Kofman", "Sun Yuqing").
	if !r.org && words >= 2 && words <= 4 && places == 0 {
		r.person = true
	}
}

// prominentPlace reports whether word names a hand-written place or a
// generated one of 10,000 people or more: a village's name is too often a
// given name or a surname too ("Denys") to make a run a place's.
func (c *Checker) prominentPlace(word string) bool {
	for _, m := range c.gaz.Lookup(word) {
		if !m.Place.Generated() || m.Place.Population >= 10000 {
			return true
		}
	}
	return false
}

// placeContext reports whether the words around toks[i] mark it as a place.
func placeContext(toks []segment.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if toks[j].Kind != segment.Word {
			break
		}
		if placePrepositions[toks[j].Norm] {
			// "according to Xinhua", "thanks to Weibo": no place.
			if toks[j].Norm == "to" && j > 0 && notPlaceTo[toks[j-1].Norm] {
				return false
			}
			return true
		}
		if toks[j].Norm != "the" {
			break
		}
	}
	if i+1 < len(toks) && toks[i+1].Kind == segment.Word && placeNouns[toks[i+1].Norm] {
		return true
	}
	return false
}

// matchName finds the longest known name of up to MaxWords words starting
// at toks[i]; n is the number of tokens it spans.
func (c *Checker) matchName(text string, toks []segment.Token, i int) (n int, use nameUse, ok bool) {
	maxWords := c.gaz.MaxWords()
	// Collect the candidate end positions: word tokens joined by spaces.
	ends := []int{i}
	for j := i + 1; j < len(toks) && len(ends) < maxWords; j++ {
		if toks[j].Kind != segment.Word || !joined(text, toks[j-1], toks[j]) {
			break
		}
		ends = append(ends, j)
	}
	if use, ok := c.affixedName(toks[i], placeContext(toks, i)); ok {
		return 1, use, true
	}
	for e := len(ends) - 1; e >= 0; e-- {
		last := toks[ends[e]]
		if e > 0 && !isCap(last) && !placeNouns[last.Norm] && !connectorsOrGeneric(last.Norm) {
			continue
		}
		name := text[toks[i].Start:last.Start] + segment.StripPossessive(last.Text)
		if isAcronym(name) && e == 0 && utf8.RuneCountInString(name) <= 3 && name != "UK" && name != "US" {
			continue
		}
		ms := wordsAgree(c.gaz.Lookup(name), e+1, e > 0 && (genericTerm(last.Norm) || gazetteer.IsDivisionTerm(toks[i].Text)))
		if len(ms) == 0 {
			continue
		}
		// "White Church city", "Dnieper river": a lower-case generic term
		// is not part of the name, unless it makes the name a division's
		// ("Lvov region").
		if e > 0 && last.IsLower() && ms[0].Place.Kind != gazetteer.KindAdmin1 {
			if n, use, ok := c.matchName(text, toks[:ends[e-1]+1], i); ok {
				return n, use, true
			}
		}
		span := segment.Span{Start: toks[i].Start, End: toks[i].Start + len(name)}
		return ends[e] - i + 1, nameUse{span: span, text: name, matches: ms}, true
	}
	return 0, nameUse{}, false
}

// subdivisionOf reports whether toks[i] names a subdivision of a known
// place: "<Name> district of <Place>".
func (c *Checker) subdivisionOf(toks []segment.Token, i int) bool {
	if i+3 >= len(toks) || !gazetteer.IsSubdivisionNoun(toks[i+1].Norm) || toks[i+2].Norm != "of" || !isCap(toks[i+3]) {
		return false
	}
	return len(c.gaz.Lookup(segment.StripPossessive(toks[i+3].Text))) > 0
}

// companyContext reports whether toks[i] stands in apposition to a common
// noun of companies or brands, alone or in a list of names ("the
// carmakers Geely and Changan").
func companyContext(toks []segment.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		t := toks[j]
		switch {
		case t.Kind != segment.Word:
			if t.Text != "," && t.Text != "&" {
				return false
			}
		case t.Norm == "and" || t.Norm == "or" || isCap(t):
		default:
			return orgname.IsCompanyNoun(t.Norm)
		}
	}
	return false
}

// culinaryWords mark a sentence about food: a place's name right after a
// lower-case noun there is a dish's ("chicken Marengo"), not a place.
var culinaryWords = set("menu", "menus", "dish", "dishes", "recipe", "recipes", "served", "serves", "serving",
	"cuisine", "restaurant", "restaurants", "cooked", "cook", "cooking", "ate", "eat", "eating", "ordered",
	"dinner", "lunch", "breakfast", "meal", "meals", "chef", "kitchen", "sauce", "baked", "fried", "roast",
	"cookbook", "dessert", "appetizer", "butter", "recipe's", "food", "foods", "delicious", "tasty")

// dishName reports whether the name at toks[i] follows a noun (a word the
// lexicon knows, not a function word or a preposition) in a text about
// food: "chicken Marengo", "Chicken Marengo".
func dishName(toks []segment.Token, i int, culinary bool) bool {
	if !culinary || i == 0 || toks[i-1].Kind != segment.Word || placePrepositions[toks[i-1].Norm] ||
		determiners[toks[i-1].Norm] || functionWords[toks[i-1].Norm] || !lexicon.IsWord(toks[i-1].Norm) {
		return false
	}
	return true
}

// aboutFood reports whether a document uses words of cooking and eating.
func aboutFood(doc *segment.Document) bool {
	for _, s := range doc.Sentences {
		for _, t := range s.Tokens {
			if t.Kind == segment.Word && culinaryWords[t.Norm] {
				return true
			}
		}
	}
	return false
}

// nameAffixes are the prefixes an English compound puts before a place's
// name ("pro-Kyiv", "anti-Moscow").
var nameAffixes = set("pro", "anti", "non", "ex", "post", "pre", "trans", "cross", "greater")

// affixedName reads a place's name inside a hyphenated compound: an
// English prefix before it ("pro-Kiev") or an English word after it
// ("Kiev-held", "Kharkov-based", "Odessa-bound"). The use spans the whole
// compound, whose fix keeps the affixes ("Kyiv-held").
func (c *Checker) affixedName(t segment.Token, context bool) (nameUse, bool) {
	word := segment.StripPossessive(t.Text)
	parts := strings.Split(word, "-")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return nameUse{}, false
	}
	name, before, after := parts[1], parts[0]+"-", ""
	if !nameAffixes[strings.ToLower(parts[0])] {
		if isCap(t) && isUpperWord(parts[1]) {
			return c.pairedName(t, word, parts, context)
		}
		if !lexicon.IsWord(parts[1]) || strings.ToLower(parts[1]) != parts[1] {
			return nameUse{}, false
		}
		name, before, after = parts[0], "", "-"+parts[1]
	}
	if len(c.gaz.Lookup(word)) > 0 {
		return nameUse{}, false // a hyphenated name of its own (Ivano-Frankivsk)
	}
	ms := c.gaz.Lookup(name)
	if len(ms) == 0 {
		return nameUse{}, false
	}
	span := segment.Span{Start: t.Start, End: t.Start + len(word)}
	return nameUse{span: span, text: word, matches: ms, before: before, after: after, placeLike: true}, true
}

// pairedName reads two places' names joined by a hyphen, as a road, a
// front line or a pair of villages is named ("Kharkov-Belgorod",
// "Novoselovka-Petrovka"). The use is the part whose spelling the style
// flags; the fix spells the other part its preferred way too. Villages
// alone (no hand-written place among either part's readings) count only
// in place context, like any village's name.
func (c *Checker) pairedName(t segment.Token, word string, parts []string, context bool) (nameUse, bool) {
	if len(c.gaz.Lookup(word)) > 0 {
		return nameUse{}, false // a hyphenated name of its own (Ivano-Frankivsk)
	}
	ms := [2][]gazetteer.Match{c.gaz.Lookup(parts[0]), c.gaz.Lookup(parts[1])}
	if len(ms[0]) == 0 || len(ms[1]) == 0 {
		return nameUse{}, false
	}
	var fix [2]string
	var flag [2]bool
	var country [2]string
	for k := range ms {
		fix[k] = parts[k]
		if m := c.flagged(nameUse{matches: ms[k], placeLike: context}); m != nil {
			flag[k], fix[k], country[k] = true, c.style.Preferred(m.Place), m.Place.Country
		}
	}
	// The other part names a place of the flagged part's country, if one
	// of its readings is there ("Petrovka" is a Russian village's name
	// too, but not next to Novoselovka in Ukraine).
	for k := range ms {
		o := 1 - k
		if !flag[k] || flag[o] {
			continue
		}
		local := slices.DeleteFunc(slices.Clone(ms[o]), func(m gazetteer.Match) bool { return m.Place.Country != country[k] })
		if m := c.flagged(nameUse{matches: local, placeLike: context}); len(local) > 0 && m != nil {
			flag[o], fix[o] = true, c.style.Preferred(m.Place)
		}
	}
	k := 0
	if !flag[0] && flag[1] {
		k = 1
	}
	span := segment.Span{Start: t.Start, End: t.Start + len(word)}
	use := nameUse{span: span, text: word, matches: ms[k], placeLike: context}
	if k == 0 {
		use.after = "-" + fix[1]
	} else {
		use.before = fix[0] + "-"
	}
	return use, true
}

// isUpperWord reports whether w starts with an upper-case letter.
func isUpperWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// mergedName reads a place's name run together with the word after it,
// a place noun or a function word ("Zaporizhzhiaregion", "Kramatorskand"):
// the name is a prominent place's (hand-written, or a town of 10,000
// people or more), the fix puts the space back and spells the name the
// preferred way.
func (c *Checker) mergedName(t segment.Token) (report.Finding, bool) {
	word := segment.StripPossessive(t.Text)
	r := []rune(word)
	for cut := len(r) - 1; cut >= 4; cut-- {
		head, tail := string(r[:cut]), string(r[cut:])
		if !(placeNouns[tail] || divisionNouns[tail] || gazetteer.IsDivisionTerm(tail) || functionWords[tail] && len(r)-cut >= 3 && cut >= 6) {
			continue
		}
		var ms []gazetteer.Match
		for _, m := range c.gaz.Lookup(head) {
			if !m.Place.Generated() || m.Place.Population >= 10000 {
				ms = append(ms, m)
			}
		}
		if len(ms) == 0 {
			continue
		}
		name, place := head, ms[0].Place
		if m := c.flagged(nameUse{matches: ms, placeLike: true}); m != nil {
			name, place = c.style.Preferred(m.Place), m.Place
		}
		want := name + " " + tail
		return report.Finding{
			Rule: rules.PlaceTransliteration.ID, Category: report.PlaceName,
			Span: spanOf(segment.Span{Start: t.Start, End: t.Start + len(word)}), Text: word,
			Suggestions: []string{want},
			Message: fmt.Sprintf("“%s” runs the name of %s into the word after it: did you mean %s?",
				word, c.style.Preferred(place), want),
			Severity: report.Warning, Confidence: 0.8,
		}, true
	}
	return report.Finding{}, false
}

// mergedKnown reports a one-word name that the gazetteer knows only as
// words apart ("Kharkivoblast" for Kharkiv Oblast, "Kryvyirih"): the
// words were run together.
func (c *Checker) mergedKnown(t segment.Token, n int, use nameUse) (report.Finding, bool) {
	if n != 1 || strings.ContainsAny(use.text, " -‐'’") || len(use.matches) == 0 || use.before != "" || use.after != "" {
		return report.Finding{}, false
	}
	for _, m := range use.matches {
		if !strings.ContainsAny(m.Form, " -‐") || m.Kind.Has(gazetteer.Chinese) {
			return report.Finding{}, false
		}
		// A division run into its generic term ("Kharkivoblast"), or a
		// Ukrainian name of two words ("Kryvyirih"); elsewhere one-word
		// spellings of two-word names are common ("Fairlawn").
		if m.Place.Country != "UA" && !gazetteer.IsDivisionTerm(lastWord(m.Form)) {
			return report.Finding{}, false
		}
	}
	m := use.matches[0]
	want := m.Form
	if c.style.Flags(m.Kind) || m.Kind == 0 {
		want = c.style.Preferred(m.Place)
		if m.Place.Kind == gazetteer.KindAdmin1 && gazetteer.Key(m.Form) != gazetteer.Key(m.Place.Name) {
			want = divisionBase(want) + " " + lastWord(m.Form)
		}
	}
	return report.Finding{
		Rule: rules.PlaceTransliteration.ID, Category: report.PlaceName,
		Span: spanOf(use.span), Text: use.text, Suggestions: []string{want},
		Message:  fmt.Sprintf("“%s” runs the words of %s together: did you mean %s?", use.text, want, want),
		Severity: report.Warning, Confidence: 0.8,
	}, true
}

// nameNotAdjective reports whether a word read as a Russian adjective
// of a place ("Kamenskoe" from Kamen) is rather a place's own name in a
// close spelling (Kamianske, Russian Kamenskoye) and a larger place: a
// town named with an adjective is more often meant than an adjective of
// a smaller place's name.
func (c *Checker) nameNotAdjective(word string, use nameUse) bool {
	if use.derivedFrom == "" || len(use.matches) == 0 || use.also != "" {
		return false
	}
	ss := c.gaz.Nearest(word, 1)
	return len(ss) > 0 && ss[0].Score >= minClose && ss[0].Spelling >= closeSpelling && ss[0].Place != use.matches[0].Place &&
		ss[0].Place.Population > use.matches[0].Place.Population
}

// foreignOnly reports whether every reading of a name is a foreign
// language's exonym or transliteration, not an English spelling.
func foreignOnly(ms []gazetteer.Match) bool {
	const foreign = gazetteer.German | gazetteer.French | gazetteer.Polish | gazetteer.Romanian |
		gazetteer.Hungarian | gazetteer.Spanish | gazetteer.Czech | gazetteer.Italian
	const english = gazetteer.Russian | gazetteer.Historic | gazetteer.Alternative | gazetteer.Translit |
		gazetteer.Misspelling | gazetteer.Adjective
	for _, m := range ms {
		if m.Kind == 0 || !m.Kind.Has(foreign) || m.Kind.Has(english) {
			return false
		}
	}
	return len(ms) > 0
}

// titleBefore reports whether sentence si follows a sentence that ends
// in a person's title ("Mr. Baris" split after "Mr.").
func titleBefore(doc *segment.Document, si int) bool {
	if si == 0 {
		return false
	}
	prev := doc.Sentences[si-1].Tokens
	for k := len(prev) - 1; k >= 0; k-- {
		if prev[k].Kind == segment.Word {
			return strings.HasSuffix(prev[k].Text, ".") && persons.IsTitle(normWord(prev[k])) ||
				k+1 < len(prev) && prev[k+1].Text == "." && persons.IsTitle(normWord(prev[k]))
		}
	}
	return false
}

// multiwordSuspect reads a run of two or three capitalized words, one of
// them unknown, after a preposition of place or before a place noun, as
// one suspect name: a place of several words garbled ("Velika
// Novoselka", "Czasiw Jar"). People's names stand in place context too
// ("from Ivan Petrov"), so the run must spell a place of several words
// closely (judgeTransliteration).
func (c *Checker) multiwordSuspect(text string, toks []segment.Token, r run, si int, context bool) (Suspect, bool) {
	n := r.end - r.start
	if !context || n > 3 || personContext(toks, r.end-1) {
		return Suspect{}, false
	}
	unknown := false
	for k := r.start; k < r.end; k++ {
		t := toks[k]
		if t.Kind != segment.Word || !isCap(t) || k > r.start && !joined(text, toks[k-1], t) {
			return Suspect{}, false
		}
		if c.unknown(segment.StripPossessive(t.Text)) {
			unknown = true
		}
	}
	if !unknown {
		return Suspect{}, false
	}
	last := toks[r.end-1]
	span := segment.Span{Start: toks[r.start].Start, End: last.Start + len(segment.StripPossessive(last.Text))}
	word := text[span.Start:span.End]
	return Suspect{Span: span, Text: word, Word: word, Sentence: si, PlaceContext: true, multiword: true}, true
}

// calquedName reads two or three capitalized words from toks[i] as a
// place's or landmark's name translated word for word
// (gazetteer.Uncalque): the use is a Literal variant of the place the
// untranslated name is. Only places of the gazetteer's own region count:
// "New York" is no Nova York.
func (c *Checker) calquedName(text string, toks []segment.Token, i, end int) (int, nameUse, bool) {
	for e := min(end, i+3); e >= i+2; e-- {
		words := make([]string, 0, e-i)
		for k := i; k < e; k++ {
			if toks[k].Kind != segment.Word || k > i && !joined(text, toks[k-1], toks[k]) {
				return 0, nameUse{}, false
			}
			words = append(words, segment.StripPossessive(toks[k].Text))
		}
		cands := gazetteer.Uncalque(words)
		if len(cands) == 0 {
			continue
		}
		if len(c.gaz.Lookup(strings.Join(words, " "))) > 0 {
			return 0, nameUse{}, false // a name of its own ("New Kakhovka" is listed)
		}
		for _, cand := range cands {
			for _, m := range c.gaz.Lookup(cand) {
				if m.Place.Country != "UA" && m.Place.Country != "RU" && m.Place.Country != "BY" {
					continue
				}
				last := toks[e-1]
				span := segment.Span{Start: toks[i].Start, End: last.Start + len(segment.StripPossessive(last.Text))}
				m.Kind |= gazetteer.Literal
				m.Form = text[span.Start:span.End]
				return e - i, nameUse{span: span, text: m.Form, matches: []gazetteer.Match{m}, placeLike: true}, true
			}
		}
	}
	return 0, nameUse{}, false
}

// lowerName reads a place's name written in lower case: a word English
// does not have that names a prominent place (a hand-written one or a
// town of 10,000 people or more), in place context or as a spelling the
// style flags ("kharkov"). The fix capitalizes it.
func (c *Checker) lowerName(t segment.Token, context bool) (nameUse, bool) {
	word := segment.StripPossessive(t.Text)
	if utf8.RuneCountInString(gazetteer.Key(word)) < 4 || lexicon.IsWord(word) || strings.ContainsAny(word, "'’") {
		return nameUse{}, false
	}
	var ms []gazetteer.Match
	for _, m := range c.gaz.Lookup(word) {
		if m.Kind.Has(gazetteer.Adjective) {
			return nameUse{}, false // "english", "russian": an adjective in lower case
		}
		if !m.Place.Generated() || m.Place.Population >= 10000 {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return nameUse{}, false
	}
	use := nameUse{span: segment.Span{Start: t.Start, End: t.Start + len(word)}, text: word, matches: ms, placeLike: context, lower: true}
	if !context && c.flagged(use) == nil && ms[0].Place.Generated() {
		return nameUse{}, false
	}
	return use, true
}

// wordsAgree keeps the matches whose spelling has as many words as the
// text has tokens (one more for a trailing generic term: "Lvov region"
// through "Lvov"). The gazetteer compares names without spaces, so
// "Ivano Frankivsk" finds Ivano-Frankivsk; but syllables written apart
// are no one-word name: "Ma Li Wu Bo Er" is not Mali, "Bu Cha" not Bucha.
func wordsAgree(ms []gazetteer.Match, tokens int, generic bool) []gazetteer.Match {
	if tokens < 2 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		n := len(strings.FieldsFunc(m.Form, func(r rune) bool {
			return unicode.IsSpace(r) || r == '-' || r == '‐' || r == '–'
		}))
		if generic && gazetteer.Key(lastWord(m.Form)) != gazetteer.Key(lastWord(m.Place.Name)) {
			n++ // matched through its base
		}
		if tokens <= n || m.Kind.Has(gazetteer.Chinese) {
			out = append(out, m)
		}
	}
	return out
}

// genericTerm reports whether a word may follow a name as its generic term
// ("region", "oblast", "river").
func genericTerm(w string) bool {
	return placeNouns[w] || connectorsOrGeneric(w) || w == "krai" || w == "province"
}

// connectorsOrGeneric are lower-case words that may end or sit inside a
// name ("Sea of Azov", "Kharkiv oblast").
func connectorsOrGeneric(w string) bool {
	switch w {
	case "oblast", "krai", "voblast", "sea", "strait", "spit", "reservoir", "lake", "bridge", "dam":
		return true
	}
	return false
}

// unknown reports whether word is nobody's name: not English, not a proper
// name the lexicon knows, not in the gazetteer, not allowed or known by
// the options, and shaped like a name (no digits, no run-together words,
// not an acronym, three letters or more).
func (c *Checker) unknown(word string) bool {
	if isAcronym(word) || isRunTogether(word) || utf8.RuneCountInString(gazetteer.Key(word)) < 3 {
		return false
	}
	if c.known[gazetteer.Key(word)] || c.style.Allowed(word) {
		return false
	}
	if lexicon.IsWord(word) || lexicon.IsProperName(word) || len(c.gaz.Lookup(word)) > 0 {
		return false
	}
	// A hyphenated word whose parts are all known ("Kharkiv-based",
	// "Ukraine-Russia") is known.
	if parts := strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '‐' }); len(parts) > 1 {
		all := true
		for _, p := range parts {
			if !(lexicon.Known(p) || len(c.gaz.Lookup(p)) > 0 || c.known[gazetteer.Key(p)]) {
				all = false
				break
			}
		}
		if all {
			return false
		}
	}
	return true
}

// KnownIn returns whether a word is a name the coverage uses (a
// capitalized word of any of its documents, possessive ignored): the one
// test of a coverage name, for the place checks and for lingua's
// romanized-word detector. It returns nil for no coverage.
func KnownIn(coverage []Coverage) func(word string) bool {
	if len(coverage) == 0 {
		return nil
	}
	names := coverageNames(coverage)
	return func(w string) bool { return names[gazetteer.Key(segment.StripPossessive(w))] }
}

// coverageNames collects the Keys of the capitalized words of the coverage:
// a name the coverage uses is known.
func coverageNames(coverage []Coverage) map[string]bool {
	m := make(map[string]bool)
	for _, d := range coverage {
		if d.Doc == nil {
			continue
		}
		for _, t := range d.Doc.Tokens {
			if isCap(t) {
				m[gazetteer.Key(segment.StripPossessive(t.Text))] = true
			}
		}
	}
	return m
}

// divisionGenerics end the names of first-level divisions that are not
// states ("Kharkiv Oblast", "Krasnodar Krai").
var divisionGenerics = set("oblast", "region", "province", "krai", "kray", "voblast", "voivodeship",
	"republic", "okrug", "county", "governorate")

// calqueNouns are what machine translation from Chinese makes of 州, the
// word Chinese uses for an oblast, a krai or a US state: "state",
// "prefecture", or the syllable left romanized, "zhou".
var calqueNouns = set("state", "prefecture", "zhou")

func calqueNoun(w string) string {
	if w == "zhou" {
		return "zhou (州 left romanized)"
	}
	return w
}

// calque reports "<division> state": a first-level division (an oblast,
// a krai, a province) that machine translation from Chinese (州) calls a
// state or a prefecture, or leaves as "zhou". toks[i:j] is the name.
func (c *Checker) calque(text string, toks []segment.Token, i, j int) (report.Finding, bool) {
	if j >= len(toks) || !calqueNouns[toks[j].Norm] || !joined(text, toks[j-1], toks[j]) {
		return report.Finding{}, false
	}
	// "Kherson State University": a name goes on.
	if j+1 < len(toks) && isCap(toks[j+1]) && joined(text, toks[j], toks[j+1]) {
		return report.Finding{}, false
	}
	base := text[toks[i].Start:toks[j-1].End]
	divs := c.gaz.Divisions(base)
	if len(divs) == 0 {
		return report.Finding{}, false
	}
	d := divs[0]
	preferred := c.style.Preferred(d.Place)
	baseName := divisionBase(preferred)
	if !divisionGenerics[strings.ToLower(lastWord(preferred))] {
		return report.Finding{}, false // a division named without a generic term: Texas, Washington state
	}
	generic := strings.ToLower(lastWord(preferred))
	if calqueNouns[strings.ToLower(generic)] {
		return report.Finding{}, false
	}
	span := segment.Span{Start: toks[i].Start, End: toks[j].End}
	sugg := []string{preferred}
	if generic != "region" {
		sugg = append(sugg, baseName+" region")
	}
	return report.Finding{
		Rule:     rules.PlaceAdminCalque.ID,
		Category: report.PlaceName,
		Span:     spanOf(span),
		Text:     text[span.Start:span.End],
		Message: fmt.Sprintf("“%s” calls an %s a %s (a calque, typically of the Chinese 州): write %s",
			text[span.Start:span.End], genericName(generic), calqueNoun(toks[j].Norm), strings.Join(sugg, " or the ")),
		Suggestions: sugg,
		Severity:    report.Warning,
		Confidence:  0.8,
	}, true
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func genericName(g string) string {
	switch g {
	case "oblast", "region", "province", "krai", "voblast", "voivodeship", "republic":
		return g
	}
	return "administrative region"
}
