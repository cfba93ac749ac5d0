package gazetteer

import (
	"fmt"
	"github.com/transcheck/transcheck/internal/lexicon"
	"slices"
	"strings"
)

// VariantKind classifies a variant spelling of a place name. It is a bit
// set: "Odessa" is Russian-derived, German and French at once.
type VariantKind uint16

// The variant kinds. A zero VariantKind in a Match means the preferred name.
const (
	// Russian is a spelling transliterated from the Russian form of a
	// non-Russian place (Kharkov, Kiev, Lugansk).
	Russian VariantKind = 1 << iota
	// Historic is a former name (Dnipropetrovsk, Artemivsk, Kirovohrad).
	Historic
	// German is the German exonym or transliteration (Charkiw, Lemberg).
	German
	// French is the French exonym or transliteration (Dniepr).
	French
	// Polish is the Polish exonym (Lwów, Charków).
	Polish
	// Romanian is the Romanian exonym (Cernăuți).
	Romanian
	// Hungarian is the Hungarian exonym (Ungvár).
	Hungarian
	// Translit is a non-standard romanization of the local name
	// (Mykolayiv, Kyyiv, Vinnytsya).
	Translit
	// Misspelling is a common misspelling (Kharkhiv, Zaporizhia).
	Misspelling
	// Literal is the name translated word by word by its meaning, as machine
	// translation through Chinese does ("North Donetsk" for Sievierodonetsk).
	Literal
	// Alternative is an accepted alternative English name or spelling
	// (Dnieper, Chernobyl, Gomel); the default style does not flag it.
	Alternative
	// Adjective is the adjective or demonym of a place (Crimean); never a
	// spelling problem.
	Adjective
	// Chinese marks a match through a Chinese name (哈尔科夫) or its pinyin.
	Chinese
	// Spanish is the Spanish transliteration (Járkov, Zaporiyia).
	Spanish
	// Czech is the Czech transliteration (Charkov, Žytomyr).
	Czech
	// Italian is the Italian (scientific) transliteration (Charkiv).
	Italian
)

var variantKindNames = []string{"russian", "historic", "german", "french", "polish", "romanian",
	"hungarian", "translit", "misspelling", "literal", "alternative", "adjective", "chinese", "spanish", "czech", "italian"}

// String returns the kinds joined by "+", e.g. "russian+german"; "preferred"
// for the zero value.
func (k VariantKind) String() string {
	if k == 0 {
		return "preferred"
	}
	var parts []string
	for i, n := range variantKindNames {
		if k&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	if rest := k &^ (1<<len(variantKindNames) - 1); rest != 0 {
		parts = append(parts, fmt.Sprintf("0x%x", uint16(rest)))
	}
	return strings.Join(parts, "+")
}

// Has reports whether k includes any of the kinds in o.
func (k VariantKind) Has(o VariantKind) bool { return k&o != 0 }

// ParseVariantKind parses kind names joined by "+" ("russian+german").
func ParseVariantKind(s string) (VariantKind, error) {
	var k VariantKind
	for _, part := range strings.Split(s, "+") {
		i := slices.Index(variantKindNames, strings.ToLower(strings.TrimSpace(part)))
		if i < 0 {
			return 0, fmt.Errorf("unknown variant kind %q (want one of %s)", part, strings.Join(variantKindNames, ", "))
		}
		k |= 1 << i
	}
	return k, nil
}

// Place kinds used by the embedded data. Place.Kind is a plain string so
// other sources (GeoNames) can add their own.
const (
	KindCountry   = "country"
	KindAdmin1    = "admin1" // first-level division: oblast, krai, voblast, voivodeship, province
	KindCity      = "city"   // any settlement, village to capital
	KindRiver     = "river"
	KindSea       = "sea"
	KindStrait    = "strait"
	KindLake      = "lake"
	KindReservoir = "reservoir"
	KindIsland    = "island"
	KindPeninsula = "peninsula"
	KindSpit      = "spit"
	KindRegion    = "region" // historical or informal region (Donbas)
	KindSite      = "site"   // a plant, works, bridge, airport, building
	KindContinent = "continent"
	KindMountain  = "mountain"
	KindRaion     = "raion" // second-level division of Ukraine
)

var placeKinds = []string{KindCountry, KindAdmin1, KindCity, KindRiver, KindSea, KindStrait, KindLake,
	KindReservoir, KindIsland, KindPeninsula, KindSpit, KindRegion, KindSite, KindContinent, KindMountain, KindRaion}

// Variant is one variant spelling of a place name.
type Variant struct {
	Name string
	Kind VariantKind
}

// ChineseName is a place's name in Chinese characters with the pinyin of
// each character (tone marks omitted), e.g. 哈尔科夫 [ha er ke fu].
type ChineseName struct {
	Hanzi  string
	Pinyin []string
}

// Place is one named place.
type Place struct {
	ID         string // unique, e.g. "ua-kharkiv"
	Name       string // preferred English spelling
	Kind       string // one of the Kind constants, or a source's own kind
	Country    string // ISO 3166-1 alpha-2 code, upper case; empty if none
	Admin      string // ID of the enclosing first-level division, if known
	Population int    // 0 if unknown
	Variants   []Variant
	Chinese    []ChineseName

	bulkLine int32 // 1 + line number in the generated data, 0 for others
	genFrom  int32 // 1 + index of the first variant the generator added, 0 if none
}

// Match is one place found for a name.
type Match struct {
	Place *Place
	// Form is the stored spelling that matched: the preferred name, a
	// variant, or (Kind Chinese) the Chinese characters. For a division
	// looked up as "<base> <generic term>" it is the base's spelling.
	Form string
	// Kind is 0 when the preferred name matched, else the variant's kinds.
	Kind VariantKind
}

// entry is one indexed spelling of a place.
type entry struct {
	place *Place
	form  string
	kind  VariantKind
}

// Gazetteer is an immutable index of places. It is safe for concurrent use.
type Gazetteer struct {
	places    []*Place
	byID      map[string]*Place
	byKey     map[string][]entry  // Key(form) → spellings
	pinyin    map[string][]entry  // Key(concatenated pinyin) → Chinese names
	divisions map[string][]*Place // Key(base name) → first-level divisions
	forms     []form              // spellings for Nearest
	byPlace   map[*Place][]int    // place → indices into forms
	maxWords  int
	bulk      *bulk // the generated places, searched in place; nil if none
}

// New builds a gazetteer from places. A later place with the same ID as an
// earlier one replaces it. The places are copied.
func New(places ...Place) *Gazetteer {
	g := &Gazetteer{
		byID:      make(map[string]*Place, len(places)),
		byKey:     make(map[string][]entry, 3*len(places)),
		pinyin:    make(map[string][]entry, len(places)),
		divisions: make(map[string][]*Place),
		byPlace:   make(map[*Place][]int, len(places)),
	}
	order := make([]string, 0, len(places))
	for i := range places {
		p := places[i]
		p.Variants = slices.Clone(p.Variants)
		p.Chinese = slices.Clone(p.Chinese)
		if _, dup := g.byID[p.ID]; !dup {
			order = append(order, p.ID)
		}
		g.byID[p.ID] = &p
	}
	for _, id := range order {
		g.add(g.byID[id])
	}
	return g
}

func (g *Gazetteer) add(p *Place) {
	g.places = append(g.places, p)
	g.index(p, p.Name, 0, true)
	for i, v := range p.Variants {
		// Other languages' spellings the generator added are found
		// exactly; near them lie English words and names ("Jerson" ~
		// "Johnson"), so Nearest does not compare with them.
		generated := p.genFrom > 0 && i >= int(p.genFrom-1)
		g.index(p, v.Name, v.Kind, !generated || !v.Kind.Has(otherLanguages))
	}
	for _, v := range mixedSpellings(p) {
		g.index(p, v.Name, v.Kind, false) // found exactly, not by Nearest
	}
	for _, c := range p.Chinese {
		if k := Key(c.Hanzi); k != "" {
			g.byKey[k] = appendEntry(g.byKey[k], entry{p, c.Hanzi, Chinese})
		}
		if len(c.Pinyin) > 0 {
			py := strings.Join(c.Pinyin, "")
			k := Key(py)
			g.pinyin[k] = appendEntry(g.pinyin[k], entry{p, c.Hanzi, Chinese})
			g.addForm(newForm(p, c.Hanzi, Chinese, k))
		}
	}
	if p.Kind == KindAdmin1 {
		if base := divisionBase(p.Name); base != "" {
			k := Key(base)
			g.divisions[k] = append(g.divisions[k], p)
		}
	}
}

// otherLanguages are the kinds of other languages' spellings.
const otherLanguages = German | French | Polish | Romanian | Hungarian | Spanish | Czech | Italian

func (g *Gazetteer) index(p *Place, name string, kind VariantKind, near bool) {
	k := Key(name)
	if k == "" {
		return
	}
	g.byKey[k] = appendEntry(g.byKey[k], entry{p, name, kind})
	if n := len(words(name)); n+1 > g.maxWords {
		g.maxWords = n + 1 // +1 for a generic term: "Kharkiv region"
	}
	if kind != Adjective && near {
		g.addForm(newForm(p, name, kind, k))
	}
}

func (g *Gazetteer) addForm(f form) {
	g.byPlace[f.place] = append(g.byPlace[f.place], len(g.forms))
	g.forms = append(g.forms, f)
}

// appendEntry adds e unless the same place already has the same form
// there, in which case the kinds are merged.
func appendEntry(es []entry, e entry) []entry {
	for i := range es {
		if es[i].place == e.place && es[i].form == e.form {
			if es[i].kind != 0 && e.kind != 0 {
				es[i].kind |= e.kind
			} else {
				es[i].kind = 0 // a variant spelled like the preferred name is the name
			}
			return es
		}
	}
	return append(es, e)
}

// divisionTerms are the English generic terms that follow a first-level
// division's base name.
var divisionTerms = []string{"oblast", "region", "province", "krai", "kray", "voblast",
	"voivodeship", "republic", "okrug", "county", "governorate"}

// subdivisionNouns name a subdivision of a city or province.
var subdivisionNouns = []string{"district", "county", "prefecture", "township", "borough", "municipality",
	"subdistrict", "ward", "neighbourhood", "neighborhood", "suburb", "quarter"}

// IsSubdivisionNoun reports whether word names a subdivision of a city or
// province ("district", "county"): "<Name> district of <Place>" names a
// real place, whatever its name reads like.
func IsSubdivisionNoun(word string) bool { return slices.Contains(subdivisionNouns, Key(word)) }

// IsDivisionTerm reports whether word is an English generic term of a
// first-level division ("Oblast", "region", "province").
func IsDivisionTerm(word string) bool { return slices.Contains(divisionTerms, Key(word)) }

// divisionBase strips a trailing generic term: "Kharkiv Oblast" → "Kharkiv".
func divisionBase(name string) string {
	w := words(name)
	if len(w) >= 2 && slices.Contains(divisionTerms, Key(w[len(w)-1])) {
		return strings.TrimSpace(name[:strings.LastIndex(name, w[len(w)-1])])
	}
	return name
}

// genericKinds maps a generic term that may follow a name to the place kinds
// it can name ("Dnieper River" → a river called Dnieper).
var genericKinds = map[string][]string{
	"river":     {KindRiver},
	"sea":       {KindSea},
	"strait":    {KindStrait},
	"lake":      {KindLake},
	"reservoir": {KindReservoir},
	"island":    {KindIsland},
	"peninsula": {KindPeninsula, KindRegion},
	"spit":      {KindSpit},
	"region":    {KindRegion},
	"city":      {KindCity},
}

// Default returns the gazetteer built from the embedded data (see the
// package documentation for its coverage, source and licence). It is parsed
// once and shared; it is safe for concurrent use.
func Default() *Gazetteer { return defaultGazetteer() }

// Places returns the places in the order they were added. The slice is
// shared: do not modify it or the places.
func (g *Gazetteer) Places() []*Place { return g.places }

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Generated reports whether p comes from the generated data (GeoNames,
// KATOTTG) rather than the hand-written files or a user's file.
func (p *Place) Generated() bool { return p.bulkLine != 0 }

// ByID returns the place with the given ID.
func (g *Gazetteer) ByID(id string) (*Place, bool) {
	if p, ok := g.byID[id]; ok {
		return p, ok
	}
	return g.bulk.byID(id)
}

// MaxWords returns the largest number of words a name that Lookup can
// match may have (counting a trailing generic term such as "region"); a
// caller scanning text for names tries word sequences up to this length.
func (g *Gazetteer) MaxWords() int {
	if g.bulk != nil {
		return max(g.maxWords, bulkMaxWords)
	}
	return max(g.maxWords, 1)
}

// bulkMaxWords bounds the words of a generated name plus a generic term
// ("Velyka Novosilka district").
const bulkMaxWords = 4

// Merge returns a new gazetteer holding the places of g followed by those
// of others; a place with the ID of an earlier one replaces it.
func (g *Gazetteer) Merge(others ...*Gazetteer) *Gazetteer {
	var all []Place
	for _, x := range append([]*Gazetteer{g}, others...) {
		if x == nil {
			continue
		}
		for _, p := range x.places {
			all = append(all, *p)
		}
	}
	out := New(all...)
	for _, x := range append([]*Gazetteer{g}, others...) {
		if x != nil && x.bulk != nil {
			out.bulk = x.bulk
		}
	}
	return out
}

// Lookup finds the places a name denotes: by preferred name, variant or
// Chinese characters, ignoring case, diacritics, apostrophes, hyphens and
// spaces. A name ending in a generic term is resolved through its base:
// "Kharkov region" finds Kharkiv Oblast (Kind Russian), "Dnieper River" the
// river; both readings are returned when a name also matches as a whole.
// The result is in a deterministic order: preferred-name matches
// first, then by population, then by ID.
func (g *Gazetteer) Lookup(name string) []Match {
	out := g.exact(name)
	w := words(name)
	if len(w) < 2 {
		return out
	}
	// The generic term before the name: "Oblast Charkiw", "Region
	// Kharkov", as German and French put it.
	if first := Key(w[0]); slices.Contains(divisionTerms, first) {
		rest := strings.TrimSpace(name[strings.Index(name, w[0])+len(w[0]):])
		for _, m := range g.Divisions(rest) {
			if !containsPlace(out, m.Place) {
				out = append(out, m)
			}
		}
	}
	last := Key(w[len(w)-1])
	base := strings.TrimSpace(name[:strings.LastIndex(name, w[len(w)-1])])
	if slices.Contains(divisionTerms, last) {
		for _, m := range g.Divisions(base) {
			if !containsPlace(out, m.Place) {
				out = append(out, m)
			}
		}
	}
	if kinds, ok := genericKinds[last]; ok {
		for _, m := range g.exact(base) {
			if slices.Contains(kinds, m.Place.Kind) && !containsPlace(out, m.Place) {
				out = append(out, m)
			}
		}
	}
	sortMatches(out)
	return out
}

// Divisions returns the first-level divisions (oblasts, krais, voblasts …)
// named after name, which may be any spelling of the division's base name or
// of its namesake city: Divisions("Kharkov") finds Kharkiv Oblast with Kind
// Russian. The calque check uses it for "Kharkiv state".
func (g *Gazetteer) Divisions(name string) []Match {
	var out []Match
	for _, d := range g.divisions[Key(name)] {
		out = append(out, Match{Place: d, Form: divisionBase(d.Name)})
	}
	for _, m := range g.exact(name) {
		for _, d := range g.divisions[Key(m.Place.Name)] {
			if !containsPlace(out, d) {
				out = append(out, Match{Place: d, Form: m.Form, Kind: m.Kind})
			}
		}
	}
	sortMatches(out)
	return out
}

// regionSuffixes make a region's noun from a place's name in Ukrainian
// (Харківщина Kharkivshchyna), Russian (Харьковщина Kharkovshchina) and
// Belarusian.
var regionSuffixes = []string{"shchyna", "shchina", "chchyna", "chchina", "shchyny", "shchyni"}

// RegionNoun reads a regional noun left untranslated: a division's base
// name with the Ukrainian, Russian or Belarusian suffix -shchyna
// ("Kharkivshchyna" → Kharkiv Oblast, "Donechchyna" → Donetsk Oblast,
// "Kharkovshchina" → Kharkiv Oblast). The stem may lose the base's last
// letters (Donech-, Odesh-, Sum-). Form in the Match is the division's
// base name.
func (g *Gazetteer) RegionNoun(word string) (Match, bool) {
	k := Key(word)
	var stem string
	for _, suf := range regionSuffixes {
		if s, ok := strings.CutSuffix(k, suf); ok {
			stem = s
			break
		}
	}
	if len(stem) < 3 || stem != asciiLetters(stem) {
		return Match{}, false
	}
	var best []*Place
	bestLen := 0
	for base, ds := range g.divisions {
		n := commonPrefix(stem, base)
		if n < max(3, len(stem)-2) || n < len(base)-4 || n < bestLen {
			continue
		}
		if n > bestLen {
			best, bestLen = nil, n
		}
		best = append(best, ds...)
	}
	if len(best) == 0 {
		return Match{}, false
	}
	slices.SortFunc(best, func(a, b *Place) int { return strings.Compare(a.ID, b.ID) })
	return Match{Place: best[0], Form: divisionBase(best[0].Name)}, true
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// LookupPinyin finds places whose Chinese name, read out in pinyin, is word
// ("Haerkefu", "Ha'erkefu", "Hā'ěrkēfū" → Kharkiv via 哈尔科夫). Form in each
// Match is the Chinese name, Kind is Chinese.
func (g *Gazetteer) LookupPinyin(word string) []Match {
	var out []Match
	for _, e := range g.pinyin[Key(word)] {
		out = append(out, Match{Place: e.place, Form: e.form, Kind: e.kind})
	}
	sortMatches(out)
	return out
}

func (g *Gazetteer) exact(name string) []Match {
	k := Key(name)
	es := g.byKey[k]
	gen := g.bulk.find(k)
	if len(es) == 0 && len(gen) == 0 {
		return nil
	}
	out := make([]Match, 0, len(es)+len(gen))
	for _, e := range es {
		out = append(out, Match{Place: e.place, Form: e.form, Kind: e.kind})
	}
	for _, p := range gen {
		if m, ok := bulkMatch(p, k); ok {
			out = append(out, m)
		}
	}
	sortMatches(out)
	return out
}

func containsPlace(ms []Match, p *Place) bool {
	return slices.ContainsFunc(ms, func(m Match) bool { return m.Place == p })
}

func sortMatches(ms []Match) {
	slices.SortStableFunc(ms, func(a, b Match) int {
		// The hand-written places are the ones in the news: they come
		// before generated namesakes ("Seversk" is first the Russian
		// spelling of Siversk, then a town in Siberia).
		if (a.Place.bulkLine == 0) != (b.Place.bulkLine == 0) {
			if a.Place.bulkLine == 0 {
				return -1
			}
			return 1
		}
		if (a.Kind == 0) != (b.Kind == 0) {
			if a.Kind == 0 {
				return -1
			}
			return 1
		}
		if a.Place.Population != b.Place.Population {
			return b.Place.Population - a.Place.Population
		}
		return strings.Compare(a.Place.ID, b.Place.ID)
	})
}

// KnownName reports whether word is a place's name as English writes it:
// the preferred name (or an accepted alternative) of a hand-written place,
// or of a generated place unless the English lexicon knows the word as a
// name or word of its own ("Benton", "Victoria": a surname or given name
// first, a small town's name second). Variant spellings (Kiev, Charkiw)
// are not known names: they are what the place checks flag. It is the
// known-name test lingua's romanized-word detector and the place checks
// share. The names the embedded files allow (agencies, companies,
// currencies English prints as they are) are known too.
func (g *Gazetteer) KnownName(word string) bool {
	if IsUsageName(word) {
		return true // a name English prints as it is (data/60-usage.txt)
	}
	for _, m := range g.Lookup(word) {
		if m.Kind != 0 && !m.Kind.Has(Alternative) {
			continue
		}
		if !m.Place.Generated() {
			return true
		}
		if !lexicon.IsProperName(word) && !lexicon.IsWord(word) {
			return true
		}
	}
	return false
}

// adjectiveSuffixes are the endings of Ukrainian and Russian adjectives
// made of place names, as English writes them, longest first; russian
// marks the Russian ones (Izyumsky, Izyumskiy, Kharkovskaya) against the
// Ukrainian (Iziumskyi, Kupianske, Kakhovska).
var adjectiveSuffixes = []struct {
	suffix  string
	russian bool
}{
	{"skoye", true}, {"skaya", true}, {"skiy", true}, {"skyy", false}, {"skyi", false}, {"skij", true},
	{"skyj", false}, {"skoe", true}, {"skoi", true}, {"sky", true}, {"ske", false}, {"ska", false}, {"ski", true},
}

// stemEndings restore a place's name from an adjective's stem: Izyum-sky →
// Izyum, Kurakhov-sky → Kurakhovo, Vasilev-sky → Vasilevka, Kupian-ske →
// Kupiansk, Desnian-skyi → Desnianske.
var stemEndings = []string{"", "sk", "e", "o", "a", "ka", "y", "i", "ia", "ske", "ska"}

// AdjectiveMatch is a place an adjective is made of.
type AdjectiveMatch struct {
	Match
	// Russian is true when the adjective has a Russian ending (-sky,
	// -skiy, -skoye, -skaya): Russian-derived whatever its stem.
	Russian bool
}

// Adjective reads word as an adjective made of a place's name, as raions,
// communities and hydroelectric plants are named ("Izyumsky district",
// "Kupianske community", "Kakhovska HPP"): it strips the adjectival ending
// and looks the stem up with the endings names have. The match is the
// place, its Form the name the stem matched (which may be a variant:
// "Kharkovsky" → Kharkiv through Kharkov). Stems shorter than four letters
// are not read.
func (g *Gazetteer) Adjective(word string) (AdjectiveMatch, bool) {
	if stem, russian, ok := adjectiveStem(word); ok {
		// The most populous hand-written place an ending names (a place
		// in the news: Pokrov-sky → Pokrovsk rather than Pokrov), else
		// the first place any ending names.
		var best, first *Match
		for _, end := range stemEndings {
			ms := g.exact(stem + end)
			if len(ms) == 0 {
				continue
			}
			if first == nil {
				first = &ms[0]
			}
			if m := ms[0]; !m.Place.Generated() && (best == nil || m.Place.Population > best.Place.Population) {
				best = &m
			}
		}
		if best == nil {
			best = first
		}
		if best == nil {
			return AdjectiveMatch{}, false
		}
		return AdjectiveMatch{Match: *best, Russian: russian}, true
	}
	return AdjectiveMatch{}, false
}

// adjectiveStem strips word's adjectival ending (adjectiveSuffixes, the
// longest that fits) and says whether it is Russian; ok is false without
// such an ending or when the stem is shorter than four letters.
func adjectiveStem(word string) (stem string, russian, ok bool) {
	k := Key(word)
	for _, suf := range adjectiveSuffixes {
		if stem, ok := strings.CutSuffix(k, suf.suffix); ok {
			return stem, suf.russian, len(stem) >= 4
		}
	}
	return "", false, false
}

// RaionAdjective returns the raion (second-level division) whose name is
// made of the same stem as the adjective word, with any adjectival ending
// ("Voznesensky" → Voznesenskyi Raion, through its Ukrainian or Russian
// name): what a district's adjective before "district" names.
func (g *Gazetteer) RaionAdjective(word string) (Match, bool) {
	if stem, _, ok := adjectiveStem(word); ok {
		for _, end := range adjectiveSuffixes {
			for _, generic := range []string{"raion", "rayon"} {
				for _, m := range g.exact(stem + end.suffix + generic) {
					if m.Place.Kind == KindRaion {
						return m, true
					}
				}
			}
		}
	}
	return Match{}, false
}

// AdjectiveBases returns the names an adjective made of a place's name
// may come from, by the same endings Adjective reads ("Vremyevsky" →
// Vremyev, Vremyevsk, Vremyevka, …), for a near match when no name is
// spelled exactly so, and whether the ending is Russian; nil when word
// has no adjectival ending or its stem is shorter than four letters.
func AdjectiveBases(word string) (bases []string, russian bool) {
	stem, russian, ok := adjectiveStem(word)
	if !ok {
		return nil, false
	}
	bases = make([]string, 0, len(stemEndings))
	for _, end := range stemEndings {
		bases = append(bases, stem+end)
	}
	return bases, russian
}
