package placecheck

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/rules"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// kindPhrases describe variant kinds in messages, most telling first.
var kindPhrases = []struct {
	kind   gazetteer.VariantKind
	phrase string
}{
	{gazetteer.Literal, "a word-for-word translation of the name"},
	{gazetteer.Russian, "the Russian-derived spelling"},
	{gazetteer.German, "the German spelling"},
	{gazetteer.French, "the French spelling"},
	{gazetteer.Polish, "the Polish name"},
	{gazetteer.Romanian, "the Romanian name"},
	{gazetteer.Hungarian, "the Hungarian name"},
	{gazetteer.Misspelling, "a misspelling"},
	{gazetteer.Historic, "a former name"},
	{gazetteer.Translit, "a non-standard romanization"},
	{gazetteer.Alternative, "an alternative name"},
}

// firstWord returns the first word of a name.
func firstWord(s string) string {
	if i := strings.IndexAny(s, " -"); i >= 0 {
		return s[:i]
	}
	return s
}

func describeKind(k gazetteer.VariantKind) string {
	for _, p := range kindPhrases {
		if k.Has(p.kind) {
			return p.phrase
		}
	}
	return "a variant spelling"
}

// variantSeverity grades a flagged variant: spellings that betray a
// translation through another language are warnings; a former name or a
// non-standard romanization alone is information.
func variantSeverity(k gazetteer.VariantKind) (report.Severity, float64) {
	switch {
	case k.Has(gazetteer.Russian | gazetteer.Literal | gazetteer.Misspelling):
		return report.Warning, 0.8
	case k.Has(gazetteer.German | gazetteer.French | gazetteer.Polish | gazetteer.Romanian | gazetteer.Hungarian):
		return report.Warning, 0.7
	}
	return report.Info, 0.5
}

// flagged picks, among the places a name matches, the one whose spelling
// the style flags: nil when the name is some place's preferred (or
// style-preferred) name or an accepted variant of one.
//
// The generated places (every village of the open data) yield to the
// hand-written ones, which are the places in the news: a spelling that
// is a variant of a hand-written place is judged by those alone
// ("Odessa" is Odesa's before it is a Texan city's). A variant of a
// generated place alone is flagged only where the words around it say it
// is a place ("near Lavrov" but not "Lavrov said").
func (c *Checker) flagged(u nameUse) *gazetteer.Match {
	matches := slices.Clone(u.matches)
	// A generated village named like a hand-written town ("Mykolaiv" in
	// Lviv Oblast) lends its spellings to the town the news means.
	for i := range matches {
		if m := &matches[i]; m.Place.Generated() && m.Kind != 0 {
			if p := c.namesake(m.Place); p != nil {
				m.Place = p
			}
		}
	}
	if slices.ContainsFunc(matches, func(m gazetteer.Match) bool { return !m.Place.Generated() }) {
		matches = slices.DeleteFunc(matches, func(m gazetteer.Match) bool { return m.Place.Generated() })
	} else if !u.placeLike {
		return nil
	}
	var pick *gazetteer.Match
	for i := range matches {
		m := &matches[i]
		want := gazetteer.Key(c.style.Preferred(m.Place))
		if gazetteer.Key(m.Form) == want || !c.style.Flags(m.Kind) && (m.Kind != 0 || want == gazetteer.Key(m.Place.Name)) {
			return nil // correct for at least one reading
		}
		if pick == nil {
			pick = m
		}
	}
	return pick
}

// lowerFinding reports a place's accepted name written in lower case.
func (c *Checker) lowerFinding(u nameUse) report.Finding {
	m := u.matches[0]
	want := m.Form
	if m.Kind == 0 {
		want = c.style.Preferred(m.Place)
	}
	if w := []rune(want); len(w) > 0 && unicode.IsLower(w[0]) {
		want = string(unicode.ToUpper(w[0])) + string(w[1:])
	}
	f := report.Finding{
		Rule:        rules.PlaceVariant.ID,
		Category:    report.PlaceName,
		Span:        spanOf(u.span),
		Text:        u.text,
		Suggestions: []string{want},
		Message:     fmt.Sprintf("“%s” is the name of %s written in lower case: %s", u.text, c.style.Preferred(m.Place), want),
		Severity:    report.Warning,
		Confidence:  0.8,
	}
	if !u.placeLike {
		// "the chicago Board of Trade", "a lhasa apso": a slip, or a
		// name that has become a common noun's.
		f.Severity, f.Confidence = report.Info, 0.5
	}
	return f
}

// namesake returns the hand-written place of the same country whose
// preferred name is p's, or nil.
func (c *Checker) namesake(p *gazetteer.Place) *gazetteer.Place {
	for _, m := range c.gaz.Lookup(p.Name) {
		if m.Kind == 0 && !m.Place.Generated() && m.Place.Country == p.Country && m.Place.Kind == p.Kind {
			return m.Place
		}
	}
	return nil
}

// variantFindings reports flagged spellings, as inconsistent when the text
// also spells the same place another way.
func (c *Checker) variantFindings(sc *scanResult) []report.Finding {
	var out []report.Finding
	ix := newNameIndex(sc.names)
	var cov coverageIndex
	for _, u := range sc.names {
		if u.inName {
			continue
		}
		m := c.flagged(u)
		if m == nil {
			if u.lower {
				out = append(out, c.lowerFinding(u))
			}
			continue
		}
		want := c.style.Preferred(m.Place)
		if m.Place.Kind == gazetteer.KindAdmin1 && u.before == "" && gazetteer.Key(u.text) != gazetteer.Key(m.Form) {
			// Named through its base ("Lvov region", "Oblast Charkiw"):
			// fix the base only, keeping the generic term where it stands.
			if first := firstWord(u.text); gazetteer.IsDivisionTerm(first) {
				want = first + " " + divisionBase(want)
			} else {
				want = divisionBase(want) + " " + lastWord(u.text)
			}
		}
		if m.Place.Kind == gazetteer.KindRaion && !strings.Contains(u.text, " ") {
			want = divisionBase(want) // "Voznesensky" (district) → Voznesenskyi
		}
		if u.before != "" || u.after != "" {
			want = u.before + want + u.after
			if u.before != "" && u.text[0] >= 'A' && u.text[0] <= 'Z' {
				want = strings.ToUpper(want[:1]) + want[1:]
			}
		}
		f := report.Finding{
			Rule:        rules.PlaceVariant.ID,
			Category:    report.PlaceName,
			Span:        spanOf(u.span),
			Text:        u.text,
			Suggestions: []string{want},
		}
		if u.also != "" && u.also != want {
			f.Suggestions = append(f.Suggestions, u.also)
		}
		what := describeKind(m.Kind)
		if m.Kind == 0 {
			what = "not the house style's spelling"
		}
		if u.adjectiveOf != "" {
			what = fmt.Sprintf("the German adjective of %s, %s", u.adjectiveOf, what)
		}
		if u.derivedFrom != "" {
			what = fmt.Sprintf("an adjective made of %s, %s", u.derivedFrom, what)
		}
		f.Severity, f.Confidence = variantSeverity(m.Kind)
		if other, ok := c.otherSpelling(ix, u, m.Place); ok {
			f.Rule = rules.PlaceInconsistent.ID
			f.Message = fmt.Sprintf("“%s” is %s of %s, which this text also writes “%s”", u.text, what, want, other.text)
			f.Evidence = append(f.Evidence, report.Evidence{Span: spanOf(other.span), Text: other.text})
			f.Confidence = min(1, f.Confidence+0.1)
		} else {
			f.Message = fmt.Sprintf("“%s” is %s of %s", u.text, what, want)
		}
		if ev, ok := cov.use(sc.coverage, want); ok {
			f.Evidence = append(f.Evidence, ev)
			f.Message += fmt.Sprintf("; the coverage writes “%s”", ev.Text)
		} else if _, same := cov.use(sc.coverage, u.text); same && f.Rule == rules.PlaceVariant.ID {
			// The coverage spells it the same way: a matter of style.
			f.Severity, f.Confidence = report.Info, f.Confidence*0.6
		}
		out = append(out, f)
	}
	return out
}

// nameIndex holds a text's name uses by the places they may name, with
// each use's Key computed once, so that looking a place's other spellings
// up costs the uses of that place, not of the whole text.
type nameIndex struct {
	names   []nameUse
	keys    []string                   // Key of names[i].text
	byPlace map[*gazetteer.Place][]int // indexes into names, in text order
	other   map[otherKey]otherUse      // otherSpelling's answers
}

// otherKey is a question otherSpelling answers: the answer depends only on
// the place and on the Key of the use asking (the use itself has that Key).
type otherKey struct {
	place *gazetteer.Place
	key   string
}

type otherUse struct {
	use nameUse
	ok  bool
}

func newNameIndex(names []nameUse) *nameIndex {
	ix := &nameIndex{names: names, keys: make([]string, len(names)),
		byPlace: make(map[*gazetteer.Place][]int), other: make(map[otherKey]otherUse)}
	for i, o := range names {
		ix.keys[i] = gazetteer.Key(o.text)
		if o.inName {
			continue
		}
		for j, m := range o.matches {
			if m.Kind.Has(gazetteer.Adjective) || slices.ContainsFunc(o.matches[:j], func(e gazetteer.Match) bool { return e.Place == m.Place }) {
				continue
			}
			ix.byPlace[m.Place] = append(ix.byPlace[m.Place], i)
		}
	}
	return ix
}

// otherSpelling finds another use in the text of an accepted spelling of
// place p (its preferred name, the style's, or an accepted variant),
// preferring the preferred one. Uses spelled like u (u among them) do not
// count.
func (c *Checker) otherSpelling(ix *nameIndex, u nameUse, p *gazetteer.Place) (nameUse, bool) {
	q := otherKey{p, gazetteer.Key(u.text)}
	if a, done := ix.other[q]; done {
		return a.use, a.ok
	}
	var found nameUse
	ok, best := false, false
	want := gazetteer.Key(c.style.Preferred(p))
	for _, i := range ix.byPlace[p] {
		o := ix.names[i]
		if ix.keys[i] == q.key || o.lower {
			continue // a name in lower case is no accepted spelling
		}
		for _, m := range o.matches {
			if m.Place != p || m.Kind.Has(gazetteer.Adjective) {
				continue
			}
			preferred := gazetteer.Key(m.Form) == want
			if !preferred && (c.style.Flags(m.Kind) || m.Kind == 0) {
				continue // another wrong spelling proves nothing
			}
			if !ok || preferred && !best {
				found, ok, best = o, true, preferred
			}
		}
	}
	ix.other[q] = otherUse{found, ok}
	return found, ok
}

// coverageIndex maps the Key of each capitalized word of the coverage to
// its first use. It is built on first use, once per scan.
type coverageIndex struct {
	built bool
	first map[string]report.Evidence
}

// use finds a capitalized word of the coverage spelled like name (compared
// by Key).
func (ci *coverageIndex) use(coverage []Coverage, name string) (report.Evidence, bool) {
	if !ci.built {
		ci.built = true
		ci.first = make(map[string]report.Evidence)
		for _, d := range coverage {
			if d.Doc == nil {
				continue
			}
			for _, t := range d.Doc.Tokens {
				if !isCap(t) {
					continue
				}
				w := segment.StripPossessive(t.Text)
				k := gazetteer.Key(w)
				if _, seen := ci.first[k]; !seen {
					ci.first[k] = report.Evidence{Path: d.Path, Span: report.Span{Start: t.Start, End: t.Start + len(w)}, Text: w}
				}
			}
		}
	}
	ev, ok := ci.first[gazetteer.Key(name)]
	return ev, ok
}

// The Nearest scores that make an unknown word a garbled transliteration.
// minTransliteration (minTransliterationContext after a preposition of
// place or before a place noun) is needed to report it at all. A warning
// needs more, because real villages the gazetteer lacks look like known
// towns (Kyslivka ~ Vasylivka): a close spelling (a letter or two off,
// "Bakhmutt", "Melitopl": Score minClose and Spelling closeSpelling), or
// minCorroborated in a text that other findings show to be
// machine-translated (see translatedEvidence). Everything else is
// information.
const (
	minTransliteration        = 0.85
	minTransliterationContext = 0.75
	minClose                  = 0.9
	closeSpelling             = 0.85
	minCorroborated           = 0.8
)

// judgeRomanized decides whether an unknown place-like word is romanized
// Chinese: an abbreviation the grammar reads or a place's Chinese name
// read out in pinyin.
func (c *Checker) judgeRomanized(s Suspect) (report.Finding, bool) {
	word := s.Word
	span, text := s.wordSpan()
	f := report.Finding{Category: report.PlaceName, Span: spanOf(span), Text: text}

	if a, ok := gazetteer.ParseAbbreviation(word); ok {
		f.Rule = rules.PlaceRomanizedAbbreviation.ID
		f.Suggestions = append([]string{a.Meaning}, a.Alternatives...)
		f.Message = fmt.Sprintf("“%s” is the romanized Chinese abbreviation %s (%s): %s",
			word, a.Hanzi, strings.Join(a.Pinyin, "-"), a.Meaning)
		switch a.Pattern {
		case gazetteer.PatternCountryDirection, gazetteer.PatternFixed:
			f.Severity, f.Confidence = report.Error, 0.9
		case gazetteer.PatternCountrySide, gazetteer.PatternDirectionRegion:
			f.Severity, f.Confidence = report.Warning, 0.8
		default:
			f.Severity, f.Confidence = report.Warning, 0.7
		}
		if !s.PlaceContext && f.Severity == report.Warning {
			f.Confidence -= 0.1
		}
		return f, true
	}

	if ms := c.gaz.LookupPinyin(word); len(ms) > 0 {
		m := ms[0]
		want := c.style.Preferred(m.Place)
		f.Rule = rules.PlaceRomanized.ID
		f.Suggestions = []string{want}
		f.Message = fmt.Sprintf("“%s” is the Chinese name %s read out in pinyin: %s", word, m.Form, want)
		f.Severity, f.Confidence = report.Error, 0.9
		return f, true
	}

	// "Bolan Dongbu" (波兰东部): a place's Chinese name and a direction.
	k := gazetteer.Key(word)
	for p := len(k) - 2; p >= 4; p-- {
		adj, dir, ok := gazetteer.ParseDirection(k[p:])
		if !ok {
			continue
		}
		if ms := c.gaz.LookupPinyin(k[:p]); len(ms) > 0 {
			m := ms[0]
			want := adj + " " + c.style.Preferred(m.Place)
			f.Rule = rules.PlaceRomanized.ID
			f.Suggestions = []string{want}
			f.Message = fmt.Sprintf("“%s” is the Chinese %s%s read out in pinyin: %s", word, m.Form, dir, want)
			f.Severity, f.Confidence = report.Error, 0.85
			return f, true
		}
	}
	return report.Finding{}, false
}

// judgeTransliteration decides whether an unknown place-like word is a
// garbled transliteration of a known place. translated says that other
// findings show the text to be machine-translated (see
// translatedEvidence).
func (c *Checker) judgeTransliteration(s Suspect, translated bool, ctx docContext) (report.Finding, bool) {
	word := s.Word
	if s.PersonContext {
		return report.Finding{}, false // a person's name is no garbled place
	}
	spaced := strings.Contains(word, " ") && !s.multiword
	ss := ctx.rank(c.gaz.Nearest(word, 8))
	adjective := false
	if s.PlaceContext && !spaced && (len(ss) == 0 || ss[0].Score < minTransliterationContext) {
		// "the Vremyevsky district": a Russian adjective whose stem is a
		// garbled place's name; compare the names it may be made of. (A
		// Ukrainian adjective before its noun is a district's own name.)
		if as := c.adjectiveNearest(word, ctx); len(as) > 0 {
			ss, adjective = as, true
		}
	}
	if len(ss) == 0 {
		return report.Finding{}, false
	}
	if len(ss) > 3 {
		ss = ss[:3]
	}
	top := ss[0]
	need := minTransliteration
	if s.PlaceContext && !spaced {
		need = minTransliterationContext
	}
	if spaced && (top.Method != gazetteer.ByPinyin || s.syllables < 4) {
		// Syllables written apart are a Chinese name read out, or no
		// place at all: only the pinyin of a Chinese name may match, and
		// not the two or three syllables of a person's name.
		return report.Finding{}, false
	}
	if top.Score < need || len([]rune(gazetteer.Key(word))) < 5 {
		return report.Finding{}, false
	}
	if s.multiword && (top.Score < minCorroborated || !strings.ContainsAny(top.Form, " -") && top.Method != gazetteer.ByPinyin) {
		return report.Finding{}, false // words apart must spell a name of words apart, closely
	}
	span, text := s.wordSpan()
	f := report.Finding{Category: report.PlaceName, Span: spanOf(span), Text: text, Rule: rules.PlaceTransliteration.ID}
	for _, x := range ss {
		if x.Score >= top.Score-0.05 {
			if w := c.style.Preferred(x.Place); !contains(f.Suggestions, w) {
				f.Suggestions = append(f.Suggestions, w)
			}
		}
	}
	how := "is spelled like " + top.Form
	switch top.Method {
	case gazetteer.BySound:
		how = "sounds like " + top.Form
	case gazetteer.ByPinyin:
		how = fmt.Sprintf("reads like %s, the Chinese transcription of %s, read out syllable by syllable", top.Form, f.Suggestions[0])
	}
	if adjective {
		how = "is an adjective made of a name that " + how
	}
	if adj, ok := nationalAdjective(word); ok && top.Place.Country == "UA" && !contains(f.Suggestions, adj) {
		// "Pivdennyy": an adjective's name (a port's, a plant's) in
		// another romanization; the same word in the national system
		// comes first.
		f.Suggestions = append([]string{adj}, f.Suggestions...)
		how += " and is an adjective, " + adj + " in the national system"
	}
	f.Message = fmt.Sprintf("“%s” is no known place; it %s: did you mean %s?",
		word, how, strings.Join(f.Suggestions, " or "))
	close := top.Score >= minClose && top.Spelling >= closeSpelling
	if s.lower && !close {
		return report.Finding{}, false // a lower-case word must spell a place closely
	}
	corroborated := translated && top.Score >= minCorroborated
	switch {
	case close && !spaced && !s.PlaceContext && !translated && !ctx.names(top.Place):
		// A capitalized word like a place's name in a text that names no
		// other place of that country, with no preposition or place noun
		// around it, is most often a brand, a wine, a surname: say so, softly.
		f.Severity, f.Confidence = report.Info, max(0.3, top.Score-0.3)
		f.Message += " It may also be a name that is no place: the text names no other place in that country."
	case close || corroborated:
		f.Severity, f.Confidence = report.Warning, top.Score
		if s.PlaceContext {
			f.Confidence = min(1, f.Confidence+0.05)
		}
		if !close {
			f.Message += " (other names in this text are machine-translated too)"
		}
	default:
		// A real village may look like a known town: say so, softly.
		f.Severity, f.Confidence = report.Info, max(0.3, top.Score-0.3)
		f.Message += " It may also be a real place the gazetteer does not know."
	}
	return f, true
}

// translatedEvidence reports whether findings show doc to be machine
// translation: a romanized Chinese name or abbreviation, an
// administrative calque, a spelling English writers never use (a German,
// French, Polish … exonym or a word-for-word translation, not also a
// Russian-derived, historic or accepted English form: "Charkiw", not
// "Odessa"), or Russian-derived spellings of minRussianPlaces places.
func (c *Checker) translatedEvidence(sc *scanResult, fs []report.Finding) bool {
	for _, f := range fs {
		switch f.Rule {
		case rules.PlaceRomanizedAbbreviation.ID, rules.PlaceRomanized.ID, rules.PlaceAdminCalque.ID:
			return true
		}
	}
	const foreign = gazetteer.German | gazetteer.French | gazetteer.Polish | gazetteer.Romanian |
		gazetteer.Hungarian | gazetteer.Literal
	const english = gazetteer.Russian | gazetteer.Historic | gazetteer.Alternative | gazetteer.Translit |
		gazetteer.Misspelling | gazetteer.Adjective
	russian := make(map[*gazetteer.Place]bool)
	for _, u := range sc.names {
		if u.inName {
			continue
		}
		m := c.flagged(u)
		if m == nil {
			continue
		}
		if m.Kind.Has(foreign) && !m.Kind.Has(english) {
			return true
		}
		if m.Kind.Has(gazetteer.Russian) && !m.Kind.Has(gazetteer.Historic|gazetteer.Alternative) {
			russian[m.Place] = true
		}
	}
	// Russian-derived spellings of three places or more (not the former
	// official names English long used, such as Kiev): a text translated
	// from Russian.
	return len(russian) >= minRussianPlaces
}

// minRussianPlaces is how many places a text must spell the Russian way
// to count as translated from Russian.
const minRussianPlaces = 3

// divisionBase strips the generic term from a division's name: "Kharkiv
// Oblast" → "Kharkiv".
func divisionBase(name string) string {
	if w := strings.Fields(name); len(w) > 1 {
		return strings.Join(w[:len(w)-1], " ")
	}
	return name
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// docContext is where the places a text names lie: their countries and
// first-level divisions, counted.
type docContext struct {
	countries, divisions map[string]int
}

// context collects the countries and divisions of the places the text
// names (each name's first reading).
func (c *Checker) context(sc *scanResult) docContext {
	d := docContext{countries: make(map[string]int), divisions: make(map[string]int)}
	for _, u := range sc.names {
		if len(u.matches) == 0 {
			continue
		}
		p := u.matches[0].Place
		if p.Country != "" {
			d.countries[p.Country]++
		}
		if p.Admin != "" {
			d.divisions[p.Admin]++
		}
		if p.Kind == gazetteer.KindAdmin1 {
			d.divisions[p.ID]++
		}
	}
	return d
}

// names reports whether the text names another place of p's country (or,
// for a place of no country, of its division).
func (d docContext) names(p *gazetteer.Place) bool {
	if p.Country != "" {
		return d.countries[p.Country] > 0
	}
	return p.Admin != "" && d.divisions[p.Admin] > 0
}

// prior is what the text's context adds to a suggestion's score: a place
// in a division the text names, or in a country it names, is likelier
// meant than one elsewhere.
func (d docContext) prior(p *gazetteer.Place) float64 {
	b := 0.0
	if p.Admin != "" && d.divisions[p.Admin] > 0 {
		b += 0.04
	}
	switch {
	case p.Country != "" && d.countries[p.Country] > 0:
		b += 0.02
	case len(d.countries) > 0:
		b -= 0.03
	}
	return b
}

// rank orders suggestions by score plus the context's prior, keeping the
// order of equals; the scores themselves are left as they are.
func (d docContext) rank(ss []gazetteer.Suggestion) []gazetteer.Suggestion {
	slices.SortStableFunc(ss, func(a, b gazetteer.Suggestion) int {
		x, y := a.Score+d.prior(a.Place), b.Score+d.prior(b.Place)
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	return ss
}

// adjectiveNearest returns the places nearest to the names a Russian
// adjective may be made of (gazetteer.AdjectiveBases), ranked by the context, one
// suggestion per place with its best score.
func (c *Checker) adjectiveNearest(word string, ctx docContext) []gazetteer.Suggestion {
	best := make(map[*gazetteer.Place]gazetteer.Suggestion)
	var order []*gazetteer.Place
	bases, russian := gazetteer.AdjectiveBases(word)
	if !russian {
		return nil
	}
	for _, base := range bases {
		for _, s := range c.gaz.Nearest(base, 3) {
			if b, ok := best[s.Place]; !ok || s.Score > b.Score {
				if !ok {
					order = append(order, s.Place)
				}
				best[s.Place] = s
			}
		}
	}
	out := make([]gazetteer.Suggestion, 0, len(order))
	for _, p := range order {
		out = append(out, best[p])
	}
	slices.SortStableFunc(out, func(a, b gazetteer.Suggestion) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	return ctx.rank(out)
}
