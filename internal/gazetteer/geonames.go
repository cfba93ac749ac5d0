package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// geonamesColumns is the column count of GeoNames' "geoname" table
// (allCountries.txt, XX.txt, citiesNNNN.txt).
const geonamesColumns = 19

// maxGeoNamesLine bounds one line; the longest real lines (alternate names
// of famous places) are a few tens of kilobytes.
const maxGeoNamesLine = 1 << 20

// ReadGeoNames reads GeoNames' tab-separated "geoname" table: geonameid,
// name, asciiname, alternatenames (comma-separated), latitude, longitude,
// feature class, feature code, country code, cc2, admin1 … admin4 codes,
// population, elevation, dem, timezone, modification date.
//
// Each row becomes a Place with ID "geonames:<geonameid>"; name is the
// preferred name; asciiname and the Latin-script alternate names become
// Alternative variants (GeoNames does not say which are Russian-derived or
// historic); alternate names in Chinese characters become Chinese names
// without pinyin; names in other scripts are skipped. Kind comes from the
// feature class and code (PCLI → country, ADM1 → admin1, P → city, STM →
// river …); Admin is "<country>.<admin1 code>". Blank lines are skipped;
// a malformed row is an error naming its line.
func ReadGeoNames(r io.Reader) ([]Place, error) {
	var out []Place
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxGeoNamesLine)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		p, err := geonamesRow(line)
		if err != nil {
			return nil, fmt.Errorf("geonames: line %d: %w", n, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("geonames: line %d: longer than %d bytes", n+1, maxGeoNamesLine)
		}
		return nil, fmt.Errorf("geonames: line %d: %w", n+1, err)
	}
	return out, nil
}

func geonamesRow(line string) (Place, error) {
	col := strings.Split(line, "\t")
	if len(col) != geonamesColumns {
		return Place{}, fmt.Errorf("%d columns, want %d", len(col), geonamesColumns)
	}
	id := strings.TrimSpace(col[0])
	if _, err := strconv.ParseUint(id, 10, 64); err != nil {
		return Place{}, fmt.Errorf("geonameid %q is not a number", id)
	}
	name := strings.TrimSpace(col[1])
	if Key(name) == "" {
		return Place{}, fmt.Errorf("geonameid %s: empty name", id)
	}
	pop := 0
	if s := strings.TrimSpace(col[14]); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < 0 {
			return Place{}, fmt.Errorf("geonameid %s: population %q is not a non-negative number", id, s)
		}
		pop = int(min(v, int64(^uint32(0)>>1)))
	}
	country := strings.ToUpper(strings.TrimSpace(col[8]))
	p := Place{
		ID:         "geonames:" + id,
		Name:       name,
		Kind:       geonamesKind(col[6], col[7]),
		Country:    country,
		Population: pop,
	}
	if a1 := strings.TrimSpace(col[10]); a1 != "" && country != "" {
		p.Admin = country + "." + a1
	}
	seen := map[string]bool{Key(name): true}
	alts := append([]string{col[2]}, strings.Split(col[3], ",")...)
	for _, alt := range alts {
		alt = strings.TrimSpace(alt)
		k := Key(alt)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		switch script(alt) {
		case scriptLatin:
			p.Variants = append(p.Variants, Variant{Name: alt, Kind: Alternative})
		case scriptHan:
			p.Chinese = append(p.Chinese, ChineseName{Hanzi: alt})
		}
	}
	return p, nil
}

// geonamesKind maps a GeoNames feature class and code to a place kind.
func geonamesKind(class, code string) string {
	switch {
	case strings.HasPrefix(code, "PCL"):
		return KindCountry
	case code == "ADM1":
		return KindAdmin1
	case class == "P":
		return KindCity
	case code == "STM" || code == "STMI" || code == "STMS":
		return KindRiver
	case code == "SEA" || code == "GULF" || code == "BAY":
		return KindSea
	case code == "STRT":
		return KindStrait
	case code == "LK" || code == "LKS":
		return KindLake
	case code == "RSV":
		return KindReservoir
	case code == "ISL" || code == "ISLS":
		return KindIsland
	case code == "PEN":
		return KindPeninsula
	case code == "SPIT":
		return KindSpit
	case code == "CONT":
		return KindContinent
	case class == "T":
		return KindMountain
	case class == "A", class == "L":
		return KindRegion
	case class == "S":
		return KindSite
	case class == "H":
		return KindLake
	}
	return KindRegion
}

type scriptKind int

const (
	scriptOther scriptKind = iota
	scriptLatin
	scriptHan
)

// script classifies a name by its letters: all Latin, any Han, or other.
func script(s string) scriptKind {
	latin, han, other := 0, 0, 0
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		case isHan(r):
			han++
		default:
			other++
		}
	}
	switch {
	case han > 0 && latin == 0 && other == 0:
		return scriptHan
	case latin > 0 && han == 0 && other == 0:
		return scriptLatin
	}
	return scriptOther
}
