package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// File is the content of a gazetteer file: places, and the style an editor
// wants. The embedded data is such a file; so is a user's file.
type File struct {
	Places []Place
	Style  Style
}

// Style says which spellings an editor wants. Its zero value flags every
// variant kind and prefers the gazetteer's own names; DefaultStyle accepts
// the alternative names English news uses.
type Style struct {
	// Accept lists the variant kinds that are not to be flagged.
	Accept VariantKind
	// Prefer lists spellings to use instead of a place's preferred name
	// (e.g. "Kiev" for an editor whose house style keeps it).
	Prefer []string
	// Allow lists words and names never to be flagged.
	Allow []string
}

// DefaultStyle is the default: Ukrainian-based spellings as AP, BBC and the
// US Board on Geographic Names use them; alternative English names
// (Dnieper, Chernobyl) and adjectives are accepted.
// The embedded files' allowed words (names English prints as they are:
// Xinhua, renminbi) are allowed.
func DefaultStyle() Style {
	return Style{Accept: Alternative | Adjective, Allow: slices.Clip(embeddedAllow())}
}

// Merge returns s with o's accepted kinds, preferences and allowed words
// added.
func (s Style) Merge(o Style) Style {
	return Style{
		Accept: s.Accept | o.Accept,
		Prefer: append(slices.Clip(s.Prefer), o.Prefer...),
		Allow:  append(slices.Clip(s.Allow), o.Allow...),
	}
}

// Flags reports whether a spelling of the given kinds is to be flagged: it
// is a variant and none of its kinds is accepted ("Chernobyl", Russian and
// an accepted alternative, is not flagged; with "accept russian", neither
// is "Odessa", Russian, German and French).
func (s Style) Flags(kind VariantKind) bool {
	return kind != 0 && kind&(s.Accept|Chinese) == 0
}

// Preferred returns the spelling to suggest for p: the first of s.Prefer
// that is one of p's spellings, else p.Name.
func (s Style) Preferred(p *Place) string {
	for _, want := range s.Prefer {
		k := Key(want)
		if Key(p.Name) == k {
			return p.Name
		}
		for _, v := range p.Variants {
			if Key(v.Name) == k {
				return v.Name
			}
		}
	}
	return p.Name
}

// Allowed reports whether word (or name) is on the allow list, compared by
// Key.
func (s Style) Allowed(word string) bool {
	k := Key(word)
	return k != "" && slices.ContainsFunc(s.Allow, func(a string) bool { return Key(a) == k })
}

// maxLine bounds one line of a gazetteer file.
const maxLine = 64 << 10

// ParseFile reads a gazetteer file (format in the package documentation).
// Errors name the line: "gazetteer: line 12: unknown variant kind …".
func ParseFile(r io.Reader) (File, error) {
	var f File
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	firstLine := make(map[string]int)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return File{}, fmt.Errorf("gazetteer: line %d: not valid UTF-8", n)
		}
		verb, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		switch verb {
		case "place":
			p, err := parsePlace(rest)
			if err != nil {
				return File{}, fmt.Errorf("gazetteer: line %d: %w", n, err)
			}
			if first, dup := firstLine[p.ID]; dup {
				return File{}, fmt.Errorf("gazetteer: line %d: duplicate id %q (first on line %d)", n, p.ID, first)
			}
			firstLine[p.ID] = n
			f.Places = append(f.Places, p)
		case "prefer", "allow":
			if rest == "" || strings.Contains(rest, "|") {
				return File{}, fmt.Errorf("gazetteer: line %d: %s wants one name", n, verb)
			}
			if verb == "prefer" {
				f.Style.Prefer = append(f.Style.Prefer, rest)
			} else {
				f.Style.Allow = append(f.Style.Allow, rest)
			}
		case "accept":
			k, err := ParseVariantKind(rest)
			if err != nil {
				return File{}, fmt.Errorf("gazetteer: line %d: %w", n, err)
			}
			f.Style.Accept |= k
		default:
			return File{}, fmt.Errorf("gazetteer: line %d: unknown directive %q (want place, prefer, allow or accept)", n, verb)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return File{}, fmt.Errorf("gazetteer: line %d: longer than %d bytes", n+1, maxLine)
		}
		return File{}, fmt.Errorf("gazetteer: line %d: %w", n+1, err)
	}
	return f, nil
}

// parsePlace parses the part of a place line after "place".
func parsePlace(s string) (Place, error) {
	fields := strings.Split(s, "|")
	p := Place{Name: strings.TrimSpace(fields[0]), Kind: KindCity}
	if err := checkName(p.Name); err != nil {
		return Place{}, err
	}
	for _, fld := range fields[1:] {
		key, val, ok := strings.Cut(strings.TrimSpace(fld), ":")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if !ok || key == "" || val == "" {
			return Place{}, fmt.Errorf("field %q: want key:value", strings.TrimSpace(fld))
		}
		switch key {
		case "id":
			if strings.ContainsFunc(val, unicode.IsSpace) {
				return Place{}, fmt.Errorf("id %q: no spaces allowed", val)
			}
			p.ID = val
		case "kind":
			if !slices.Contains(placeKinds, val) {
				return Place{}, fmt.Errorf("unknown place kind %q (want one of %s)", val, strings.Join(placeKinds, ", "))
			}
			p.Kind = val
		case "country":
			if len(val) != 2 || strings.ToUpper(val) != val || !isASCIIUpper(val) {
				return Place{}, fmt.Errorf("country %q: want a two-letter ISO code in capitals", val)
			}
			p.Country = val
		case "in":
			p.Admin = val
		case "pop":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 {
				return Place{}, fmt.Errorf("pop %q: want a non-negative integer", val)
			}
			p.Population = n
		case "zh":
			c, err := parseChinese(val)
			if err != nil {
				return Place{}, err
			}
			p.Chinese = append(p.Chinese, c)
		default:
			kind, err := ParseVariantKind(key)
			if err != nil {
				return Place{}, err
			}
			if kind.Has(Chinese) {
				return Place{}, errors.New("use zh: for Chinese names")
			}
			if err := checkName(val); err != nil {
				return Place{}, err
			}
			p.Variants = addVariant(p.Variants, Variant{Name: val, Kind: kind})
		}
	}
	if p.ID == "" {
		p.ID = deriveID(p.Country, p.Name)
	}
	return p, nil
}

// addVariant appends v, merging kinds with an existing variant of the same
// spelling.
func addVariant(vs []Variant, v Variant) []Variant {
	for i := range vs {
		if vs[i].Name == v.Name {
			vs[i].Kind |= v.Kind
			return vs
		}
	}
	return append(vs, v)
}

func checkName(name string) error {
	if name == "" || Key(name) == "" {
		return fmt.Errorf("empty name %q", name)
	}
	if strings.ContainsAny(name, ":\t") {
		return fmt.Errorf("name %q: no colons or tabs allowed", name)
	}
	return nil
}

func isASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// parseChinese parses "哈尔科夫 ha er ke fu": the characters, then one pinyin
// syllable per character (tone marks allowed, dropped).
func parseChinese(s string) (ChineseName, error) {
	f := strings.Fields(s)
	han := f[0]
	nHan := 0
	for _, r := range han {
		switch {
		case isHan(r):
			nHan++
		case r == '·' || r == '-':
		default:
			return ChineseName{}, fmt.Errorf("zh %q: %q is not a Chinese character", s, r)
		}
	}
	if nHan == 0 {
		return ChineseName{}, fmt.Errorf("zh %q: no Chinese characters", s)
	}
	c := ChineseName{Hanzi: han}
	for _, syl := range f[1:] {
		k := Key(syl)
		if k == "" || k != strings.ToLower(asciiLetters(k)) {
			return ChineseName{}, fmt.Errorf("zh %q: pinyin syllable %q is not Latin letters", s, syl)
		}
		c.Pinyin = append(c.Pinyin, k)
	}
	if len(c.Pinyin) != 0 && len(c.Pinyin) != nHan {
		return ChineseName{}, fmt.Errorf("zh %q: %d characters but %d pinyin syllables", s, nHan, len(c.Pinyin))
	}
	return c, nil
}

func asciiLetters(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return -1
	}, s)
}

// deriveID makes an ID from country and name: "UA", "Kharkiv Oblast" →
// "ua-kharkiv-oblast".
func deriveID(country, name string) string {
	var parts []string
	if country != "" {
		parts = append(parts, strings.ToLower(country))
	}
	for _, w := range words(Fold(name)) {
		if k := Key(w); k != "" {
			parts = append(parts, k)
		}
	}
	return strings.Join(parts, "-")
}
