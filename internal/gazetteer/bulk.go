package gazetteer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// bulk is the generated part of the gazetteer (tens of thousands of places
// from GeoNames and KATOTTG), used in place from the embedded bytes: a
// sorted key index is searched by binary search, and a place is parsed
// from its line only when a lookup reaches it. Building it costs one scan
// for line starts, done on first use.
type bulk struct {
	places string // generated.tsv: one place a line after '#' comments
	index  string // generated.idx: "key\tline,line,…" (base 36), sorted by key

	once  sync.Once
	lines []int32 // start offset in places of each place line
	keys  []int32 // start offset in index of each index line

	mu     sync.Mutex
	parsed map[int32]*Place
}

func newBulk(places, index string) *bulk {
	return &bulk{places: places, index: index, parsed: make(map[int32]*Place)}
}

func (b *bulk) init() {
	b.once.Do(func() {
		b.lines = lineStarts(b.places, true)
		b.keys = lineStarts(b.index, false)
	})
}

// lineStarts returns the start offset of every non-empty line of s,
// skipping lines that start with '#' when comments is set.
func lineStarts(s string, comments bool) []int32 {
	out := make([]int32, 0, strings.Count(s, "\n")+1)
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		if end < 0 {
			end = len(s) - off
		}
		if end > 0 && !(comments && s[off] == '#') {
			out = append(out, int32(off))
		}
		off += end + 1
	}
	return out
}

func lineAt(s string, off int32) string {
	l := s[off:]
	if i := strings.IndexByte(l, '\n'); i >= 0 {
		l = l[:i]
	}
	return l
}

// keyLine returns the key and the place list of index line i.
func (b *bulk) keyLine(i int) (key, ids string) {
	key, ids, _ = strings.Cut(lineAt(b.index, b.keys[i]), "\t")
	return key, ids
}

// find returns the places indexed under key.
func (b *bulk) find(key string) []*Place {
	if b == nil || key == "" {
		return nil
	}
	b.init()
	i := sort.Search(len(b.keys), func(i int) bool {
		k, _ := b.keyLine(i)
		return k >= key
	})
	if i == len(b.keys) {
		return nil
	}
	k, ids := b.keyLine(i)
	if k != key {
		return nil
	}
	return b.resolve(ids)
}

// scan calls fn for every index line whose key starts with prefix, in key
// order.
func (b *bulk) scan(prefix string, fn func(key, ids string)) {
	if b == nil || prefix == "" {
		return
	}
	b.init()
	i := sort.Search(len(b.keys), func(i int) bool {
		k, _ := b.keyLine(i)
		return k >= prefix
	})
	for ; i < len(b.keys); i++ {
		k, ids := b.keyLine(i)
		if !strings.HasPrefix(k, prefix) {
			return
		}
		fn(k, ids)
	}
}

// resolve parses a comma-separated list of base-36 line numbers.
func (b *bulk) resolve(ids string) []*Place {
	var out []*Place
	for _, s := range strings.Split(ids, ",") {
		n, err := strconv.ParseInt(s, 36, 32)
		if err != nil || n < 0 || int(n) >= len(b.lines) {
			continue
		}
		if p := b.place(int32(n)); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// place parses place line n once; later calls return the same pointer.
func (b *bulk) place(n int32) *Place {
	b.mu.Lock()
	defer b.mu.Unlock()
	if p, ok := b.parsed[n]; ok {
		return p
	}
	p, err := parseGenerated(lineAt(b.places, b.lines[n]))
	if err != nil {
		return nil // the data is tested; a bad line is left out
	}
	p.ID = deriveID(p.Country, p.Name) + "-" + strconv.Itoa(int(n))
	p.bulkLine = n + 1
	b.parsed[n] = &p
	return &p
}

// byID finds a generated place by the line number its ID ends with.
func (b *bulk) byID(id string) (*Place, bool) {
	if b == nil {
		return nil, false
	}
	i := strings.LastIndexByte(id, '-')
	n, err := strconv.Atoi(id[i+1:])
	if i < 0 || err != nil {
		return nil, false
	}
	b.init()
	if n < 0 || n >= len(b.lines) {
		return nil, false
	}
	p := b.place(int32(n))
	if p == nil || p.ID != id {
		return nil, false
	}
	return p, true
}

// parseGenerated reads one line of generated.tsv (see the generatedData
// comment).
func parseGenerated(line string) (Place, error) {
	f := strings.Split(line, "\t")
	if len(f) != 8 {
		return Place{}, fmt.Errorf("%d fields, want 8", len(f))
	}
	pop, err := strconv.Atoi(f[4])
	if err != nil {
		return Place{}, fmt.Errorf("population %q: %w", f[4], err)
	}
	vs, err := parseGeneratedVariants(f[7])
	if err != nil {
		return Place{}, err
	}
	return Place{Name: f[0], Kind: f[1], Country: f[2], Admin: f[3], Population: pop, Variants: vs}, nil
}

func parseGeneratedVariants(s string) ([]Variant, error) {
	if s == "" {
		return nil, nil
	}
	var vs []Variant
	for _, kv := range strings.Split(s, "|") {
		k, name, ok := strings.Cut(kv, ":")
		kind, err := ParseVariantKind(k)
		if !ok || err != nil || name == "" {
			return nil, fmt.Errorf("variant %q: want kind:Name", kv)
		}
		vs = append(vs, Variant{Name: name, Kind: kind})
	}
	return vs, nil
}

// matches returns the spelling of p whose Key is key, as a Match.
func bulkMatch(p *Place, key string) (Match, bool) {
	if Key(p.Name) == key {
		return Match{Place: p, Form: p.Name}, true
	}
	m := Match{Place: p}
	for _, v := range p.Variants {
		if Key(v.Name) == key {
			if m.Form == "" {
				m.Form = v.Name
			}
			m.Kind |= v.Kind
		}
	}
	return m, m.Form != ""
}

// addGeneratedVariants adds the variants of generated-hand.tsv ("@id\t
// kind:Name|…") to the hand-written places of those IDs.
func addGeneratedVariants(places []Place, data string) error {
	byID := make(map[string]int, len(places))
	for i, p := range places {
		byID[p.ID] = i
	}
	for n, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		ref, vars, ok := strings.Cut(line, "\t")
		id, ok2 := strings.CutPrefix(ref, "@")
		if !ok || !ok2 {
			return fmt.Errorf("gazetteer: generated-hand.tsv: line %d: want @id<TAB>variants", n+1)
		}
		i, found := byID[id]
		if !found {
			return fmt.Errorf("gazetteer: generated-hand.tsv: line %d: no hand-written place %q", n+1, id)
		}
		vs, err := parseGeneratedVariants(vars)
		if err != nil {
			return fmt.Errorf("gazetteer: generated-hand.tsv: line %d: %w", n+1, err)
		}
		p := &places[i]
		if p.genFrom == 0 {
			p.genFrom = int32(len(p.Variants)) + 1
		}
		for _, v := range vs {
			if !p.hasSpelling(v.Name) {
				p.Variants = append(p.Variants, v)
			}
		}
	}
	return nil
}

// hasSpelling reports whether name is p's name or one of its variants,
// compared by Key.
func (p *Place) hasSpelling(name string) bool {
	k := Key(name)
	if Key(p.Name) == k {
		return true
	}
	for _, v := range p.Variants {
		if Key(v.Name) == k {
			return true
		}
	}
	return false
}
