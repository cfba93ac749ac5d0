package gazetteer

import (
	"slices"
	"strings"
)

// Pattern names the grammar rule an abbreviation was parsed with.
type Pattern string

// The abbreviation patterns, in the order the parser prefers them.
const (
	// PatternFixed is a lexicalised compound (中东 Middle East, 北约 NATO).
	PatternFixed Pattern = "fixed"
	// PatternCountryDirection is country + direction (+ 部 "part"):
	// 乌东 "eastern Ukraine", 俄西南部 "southwestern Russia".
	PatternCountryDirection Pattern = "country+direction"
	// PatternDirectionRegion is direction + continent: 东欧 "Eastern
	// Europe", 北美 "North America".
	PatternDirectionRegion Pattern = "direction+region"
	// PatternCountrySide is country + 军 "forces" or 方 "side": 俄军
	// "Russian forces", 乌方 "the Ukrainian side".
	PatternCountrySide Pattern = "country+side"
	// PatternCountries is two or three countries: 美俄 "US-Russia".
	PatternCountries Pattern = "countries"
)

// Abbreviation is a parsed romanized Chinese geographic abbreviation.
type Abbreviation struct {
	Input   string   // the word as given
	Hanzi   string   // the Chinese it was read as, e.g. 乌东
	Pinyin  []string // one entry per table unit, e.g. ["wu", "dong"]
	Meaning string   // English meaning, e.g. "eastern Ukraine"
	// Alternatives are other meanings when a syllable is ambiguous (yi is
	// Iran, Israel or Italy; zhong is China or "central").
	Alternatives []string
	Pattern      Pattern
}

type unitRole uint8

const (
	roleCountry unitRole = 1 << iota
	roleDirection
	roleContinent
	roleSuffix
	roleForces
	roleFixed
)

// unit is one entry of the abbreviation table.
type unit struct {
	hanzi, pinyin string
	role          unitRole
	noun, adj     string // country/continent: "Ukraine", "Ukrainian"; direction: "East", "eastern"
	europeStyle   bool   // continent named "Eastern Europe" rather than "East Asia"
}

// abbrevUnits is the table of single-character abbreviations (and the few
// two-character directions and lexicalised compounds) the grammar composes.
var abbrevUnits = []unit{
	// Countries and territories by their one-character abbreviation.
	{hanzi: "乌", pinyin: "wu", role: roleCountry, noun: "Ukraine", adj: "Ukrainian"},
	{hanzi: "俄", pinyin: "e", role: roleCountry, noun: "Russia", adj: "Russian"},
	{hanzi: "美", pinyin: "mei", role: roleCountry, noun: "US", adj: "US"},
	{hanzi: "中", pinyin: "zhong", role: roleCountry, noun: "China", adj: "Chinese"},
	{hanzi: "英", pinyin: "ying", role: roleCountry, noun: "UK", adj: "British"},
	{hanzi: "德", pinyin: "de", role: roleCountry, noun: "Germany", adj: "German"},
	{hanzi: "法", pinyin: "fa", role: roleCountry, noun: "France", adj: "French"},
	{hanzi: "日", pinyin: "ri", role: roleCountry, noun: "Japan", adj: "Japanese"},
	{hanzi: "韩", pinyin: "han", role: roleCountry, noun: "South Korea", adj: "South Korean"},
	{hanzi: "朝", pinyin: "chao", role: roleCountry, noun: "North Korea", adj: "North Korean"},
	{hanzi: "印", pinyin: "yin", role: roleCountry, noun: "India", adj: "Indian"},
	{hanzi: "澳", pinyin: "ao", role: roleCountry, noun: "Australia", adj: "Australian"},
	{hanzi: "加", pinyin: "jia", role: roleCountry, noun: "Canada", adj: "Canadian"},
	{hanzi: "白", pinyin: "bai", role: roleCountry, noun: "Belarus", adj: "Belarusian"},
	{hanzi: "波", pinyin: "bo", role: roleCountry, noun: "Poland", adj: "Polish"},
	{hanzi: "土", pinyin: "tu", role: roleCountry, noun: "Turkey", adj: "Turkish"},
	{hanzi: "伊", pinyin: "yi", role: roleCountry, noun: "Iran", adj: "Iranian"},
	{hanzi: "以", pinyin: "yi", role: roleCountry, noun: "Israel", adj: "Israeli"},
	{hanzi: "意", pinyin: "yi", role: roleCountry, noun: "Italy", adj: "Italian"},
	{hanzi: "叙", pinyin: "xu", role: roleCountry, noun: "Syria", adj: "Syrian"},
	{hanzi: "越", pinyin: "yue", role: roleCountry, noun: "Vietnam", adj: "Vietnamese"},
	{hanzi: "台", pinyin: "tai", role: roleCountry, noun: "Taiwan", adj: "Taiwanese"},
	{hanzi: "港", pinyin: "gang", role: roleCountry, noun: "Hong Kong", adj: "Hong Kong"},
	{hanzi: "欧", pinyin: "ou", role: roleCountry | roleContinent, noun: "Europe", adj: "European", europeStyle: true},
	{hanzi: "亚", pinyin: "ya", role: roleContinent, noun: "Asia", adj: "Asian"},
	{hanzi: "非", pinyin: "fei", role: roleCountry | roleContinent, noun: "Africa", adj: "African"},
	{hanzi: "美", pinyin: "mei", role: roleContinent, noun: "America", adj: "American"},
	// Directions; two-character ones compose as one unit.
	{hanzi: "东", pinyin: "dong", role: roleDirection, noun: "East", adj: "eastern"},
	{hanzi: "西", pinyin: "xi", role: roleDirection, noun: "West", adj: "western"},
	{hanzi: "南", pinyin: "nan", role: roleDirection, noun: "South", adj: "southern"},
	{hanzi: "北", pinyin: "bei", role: roleDirection, noun: "North", adj: "northern"},
	{hanzi: "中", pinyin: "zhong", role: roleDirection, noun: "Central", adj: "central"},
	{hanzi: "东南", pinyin: "dongnan", role: roleDirection, noun: "Southeast", adj: "southeastern"},
	{hanzi: "东北", pinyin: "dongbei", role: roleDirection, noun: "Northeast", adj: "northeastern"},
	{hanzi: "西南", pinyin: "xinan", role: roleDirection, noun: "Southwest", adj: "southwestern"},
	{hanzi: "西北", pinyin: "xibei", role: roleDirection, noun: "Northwest", adj: "northwestern"},
	// What may follow: 部 "part", 地区 "region", 军 "forces", 方 "side".
	{hanzi: "部", pinyin: "bu", role: roleSuffix},
	{hanzi: "地区", pinyin: "diqu", role: roleSuffix},
	{hanzi: "军", pinyin: "jun", role: roleForces, noun: "forces"},
	{hanzi: "方", pinyin: "fang", role: roleForces, noun: "side"},
	// Lexicalised compounds whose meaning does not compose.
	{hanzi: "中东", pinyin: "zhongdong", role: roleFixed, noun: "the Middle East"},
	{hanzi: "远东", pinyin: "yuandong", role: roleFixed, noun: "the Far East"},
	{hanzi: "北约", pinyin: "beiyue", role: roleFixed, noun: "NATO"},
	{hanzi: "欧盟", pinyin: "oumeng", role: roleFixed, noun: "the EU"},
	{hanzi: "南非", pinyin: "nanfei", role: roleFixed, noun: "South Africa"},
}

// unitsByPinyin indexes abbrevUnits by pinyin.
var unitsByPinyin = func() map[string][]*unit {
	m := make(map[string][]*unit)
	for i := range abbrevUnits {
		u := &abbrevUnits[i]
		m[u.pinyin] = append(m[u.pinyin], u)
	}
	return m
}()

// maxUnitLen is the longest pinyin in the table.
var maxUnitLen = func() int {
	n := 0
	for _, u := range abbrevUnits {
		n = max(n, len(u.pinyin))
	}
	return n
}()

// IsAbbreviationUnit reports whether syllable (compared by Key, so case
// and tone marks do not matter) is the pinyin of one unit of the
// abbreviation grammar: a one-character country or continent (wu, e, mei),
// a direction (dong, xinan), a suffix (bu, diqu), 军 jun or 方 fang, or a
// lexicalised compound (zhongdong). A caller reading an abbreviation
// written as separate words ("Mei E", "E jun") checks each word with it
// before joining them for ParseAbbreviation.
func IsAbbreviationUnit(syllable string) bool {
	_, ok := unitsByPinyin[Key(syllable)]
	return ok
}

// ParseDirection reads a romanized direction with an optional 部 "part" or
// 地区 "region" ("dongbu" 东部, "Xinan Bu" 西南部) and returns its English
// adjective ("eastern", "southwestern") and the Chinese. A caller reads
// "Bolan Dongbu" (波兰东部, eastern Poland) as a place's Chinese name read
// out in pinyin followed by a direction.
func ParseDirection(word string) (adjective, hanzi string, ok bool) {
	k := Key(word)
	if k == "" || len(k) > 4*maxUnitLen || k != asciiLetters(k) {
		return "", "", false
	}
	for _, seg := range segmentations(k) {
		if len(seg) == 0 || len(seg) > 2 {
			continue
		}
		dirs := pick(seg[0], roleDirection)
		if len(dirs) == 0 || len(seg) == 2 && len(pick(seg[1], roleSuffix)) == 0 {
			continue
		}
		hanzi = dirs[0].hanzi
		if len(seg) == 2 {
			hanzi += pick(seg[1], roleSuffix)[0].hanzi
		}
		return dirs[0].adj, hanzi, true
	}
	return "", "", false
}

// ParseAbbreviation reads a romanized Chinese geographic abbreviation:
// a one-character country abbreviation followed by a direction ("Wubei" →
// "northern Ukraine", "Exinan" → "southwestern Russia"), two or three
// countries ("Meie", "Mei'e", "Mei E", "Zhong-Mei" → "US-Russia",
// "China-US"), a country and 军/方 ("Ejun" → "Russian forces"), or a
// direction and a continent ("Dongou" → "Eastern Europe"). Case, tone marks
// (Wūdōng), apostrophes, hyphens and spaces are ignored. It is a grammar over
// a table of units, not a list of words: real names such as Wuhan or Wuxi
// parse too, and it is for the caller to rule out known names first.
func ParseAbbreviation(word string) (Abbreviation, bool) {
	k := Key(word)
	if len(k) < 2 || len(k) > 4*maxUnitLen || k != asciiLetters(k) {
		return Abbreviation{}, false
	}
	var all []reading
	for _, seg := range segmentations(k) {
		all = append(all, readings(seg)...)
	}
	if len(all) == 0 {
		return Abbreviation{}, false
	}
	slices.SortStableFunc(all, func(a, b reading) int { return a.rank - b.rank })
	a := all[0].abbr
	a.Input = word
	for _, r := range all[1:] {
		a.Alternatives = append(a.Alternatives, r.abbr.Meaning)
		a.Alternatives = append(a.Alternatives, r.abbr.Alternatives...)
	}
	a.Alternatives = dedupe(slices.DeleteFunc(a.Alternatives, func(m string) bool { return m == a.Meaning }))
	return a, true
}

// segmentations splits k into sequences of table pinyin, at most four units.
func segmentations(k string) [][]string {
	var out [][]string
	var cur []string
	var walk func(i int)
	walk = func(i int) {
		if i == len(k) {
			out = append(out, slices.Clone(cur))
			return
		}
		if len(cur) == 4 {
			return
		}
		for n := 1; n <= maxUnitLen && i+n <= len(k); n++ {
			if _, ok := unitsByPinyin[k[i:i+n]]; ok {
				cur = append(cur, k[i:i+n])
				walk(i + n)
				cur = cur[:len(cur)-1]
			}
		}
	}
	walk(0)
	return out
}

type reading struct {
	abbr Abbreviation
	rank int // lower is preferred
}

// pick returns the units for pinyin py having role.
func pick(py string, role unitRole) []*unit {
	var out []*unit
	for _, u := range unitsByPinyin[py] {
		if u.role&role != 0 {
			out = append(out, u)
		}
	}
	return out
}

// readings applies the grammar's patterns to one segmentation.
func readings(seg []string) []reading {
	var out []reading
	add := func(p Pattern, rank int, units []*unit, meanings []string) {
		if len(meanings) == 0 {
			return
		}
		var han strings.Builder
		for _, u := range units {
			han.WriteString(u.hanzi)
		}
		out = append(out, reading{rank: rank, abbr: Abbreviation{
			Hanzi: han.String(), Pinyin: slices.Clone(seg), Meaning: meanings[0],
			Alternatives: dedupe(meanings[1:]), Pattern: p,
		}})
	}
	switch {
	case len(seg) == 1:
		for _, u := range pick(seg[0], roleFixed) {
			add(PatternFixed, 0, []*unit{u}, []string{u.noun})
		}
	case len(seg) >= 2:
		countries := pick(seg[0], roleCountry)
		// country + direction (+ suffix)
		if dirs := pick(seg[1], roleDirection); len(countries) > 0 && len(dirs) > 0 &&
			(len(seg) == 2 || len(seg) == 3 && len(pick(seg[2], roleSuffix)) > 0) {
			var ms []string
			for _, c := range countries {
				ms = append(ms, dirs[0].adj+" "+c.noun)
			}
			rank := 1
			// 中 after a country without 部 reads more often as "China"
			// (俄中 Russia-China) than as "central".
			if seg[1] == "zhong" && len(seg) == 2 {
				rank = 5
			}
			units := []*unit{countries[0], dirs[0]}
			if len(seg) == 3 {
				units = append(units, pick(seg[2], roleSuffix)[0])
			}
			add(PatternCountryDirection, rank, units, ms)
		}
		// direction + continent
		if dirs, conts := pick(seg[0], roleDirection), pick(seg[1], roleContinent); len(seg) == 2 && len(dirs) > 0 && len(conts) > 0 {
			d, c := dirs[0], conts[0]
			name := d.noun + " " + c.noun
			if c.europeStyle {
				name = strings.ToUpper(d.adj[:1]) + d.adj[1:] + " " + c.noun
			}
			rank := 2
			// 中美, 中欧, 中非 read more often as China-US, China-Europe,
			// China-Africa than as Central America, Europe, Africa.
			if len(pick(seg[0], roleCountry)) > 0 && len(pick(seg[1], roleCountry)) > 0 {
				rank = 6
			}
			add(PatternDirectionRegion, rank, []*unit{d, c}, []string{name})
		}
		// country + forces/side
		if forces := pick(seg[1], roleForces); len(seg) == 2 && len(countries) > 0 && len(forces) > 0 {
			var ms []string
			for _, c := range countries {
				if forces[0].noun == "side" {
					ms = append(ms, "the "+c.adj+" side")
				} else {
					ms = append(ms, c.adj+" forces")
				}
			}
			add(PatternCountrySide, 3, []*unit{countries[0], forces[0]}, ms)
		}
		// two or three countries
		if len(seg) <= 3 {
			var sets [][]*unit
			for _, py := range seg {
				cs := pick(py, roleCountry)
				if len(cs) == 0 {
					sets = nil
					break
				}
				sets = append(sets, cs)
			}
			if len(sets) == len(seg) {
				var ms []string
				var first []*unit
				for _, combo := range product(sets) {
					if distinct(combo) {
						if first == nil {
							first = combo
						}
						var names []string
						for _, c := range combo {
							names = append(names, c.noun)
						}
						ms = append(ms, strings.Join(names, "-"))
					}
				}
				if first != nil {
					add(PatternCountries, 4, first, ms)
				}
			}
		}
	}
	return out
}

// product returns every choice of one unit from each set, in table order.
func product(sets [][]*unit) [][]*unit {
	out := [][]*unit{nil}
	for _, s := range sets {
		var next [][]*unit
		for _, prefix := range out {
			for _, u := range s {
				next = append(next, append(slices.Clone(prefix), u))
			}
		}
		out = next
	}
	return out
}

func distinct(us []*unit) bool {
	for i := range us {
		for j := i + 1; j < len(us); j++ {
			if us[i].noun == us[j].noun {
				return false
			}
		}
	}
	return true
}

func dedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
