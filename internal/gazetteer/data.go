package gazetteer

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"sync"
)

// dataFS holds the embedded gazetteer files (data/*.txt, read in name
// order). Their header states source and licence.
//
//go:embed data/*.txt
var dataFS embed.FS

// The files internal/gazetteer/gen writes from GeoNames and KATOTTG (see
// README.md). generated.tsv has one place a line, tab-separated: name,
// kind, country, enclosing division's ID, population, Ukrainian name,
// Russian name, and the variants as kind:Name joined by "|".
// generated.idx maps each Key of those names and variants to the places'
// line numbers (base 36), sorted by key. generated-hand.tsv holds the
// variants the rules give for hand-written places, by "@id".
var (
	//go:embed data/generated.tsv
	generatedPlaces string
	//go:embed data/generated.idx
	generatedIndex string
	//go:embed data/generated-hand.tsv
	generatedHand string
)

// defaultGazetteer parses the embedded data once. The data is part of the
// program and tested, so a parse error is a build defect: it panics with the
// file and line.
var defaultGazetteer = sync.OnceValue(func() *Gazetteer {
	places, err := embeddedPlaces()
	if err != nil {
		panic(err)
	}
	if err := addGeneratedVariants(places, generatedHand); err != nil {
		panic(err)
	}
	g := New(places...)
	g.bulk = newBulk(generatedPlaces, generatedIndex)
	return g
})

// embeddedAllow holds the words the embedded files allow (data/60-usage.txt:
// names English prints as they are); DefaultStyle allows them.
var embeddedAllow = sync.OnceValue(func() []string {
	_, allow, err := embeddedFiles()
	if err != nil {
		panic(err)
	}
	return allow
})

func embeddedPlaces() ([]Place, error) {
	places, _, err := embeddedFiles()
	return places, err
}

// embeddedFiles reads the hand-written files: their places and the words
// they allow.
func embeddedFiles() (places []Place, allow []string, err error) {
	names, err := fs.Glob(dataFS, "data/*.txt")
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %w", err)
	}
	sort.Strings(names)
	seen := make(map[string]string)
	for _, name := range names {
		f, err := dataFS.Open(name)
		if err != nil {
			return nil, nil, fmt.Errorf("gazetteer: %w", err)
		}
		file, err := ParseFile(f)
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		allow = append(allow, file.Style.Allow...)
		for _, p := range file.Places {
			if other, dup := seen[p.ID]; dup {
				return nil, nil, fmt.Errorf("%s: duplicate id %q (also in %s)", name, p.ID, other)
			}
			seen[p.ID] = name
		}
		places = append(places, file.Places...)
	}
	return places, allow, nil
}

var usageKeys = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range embeddedAllow() {
		m[Key(w)] = true
	}
	return m
})

// IsUsageName reports whether word is a name English prints as it is
// that is no place (an agency, company, currency or borrowed word:
// Xinhua, renminbi), as the embedded files allow it.
func IsUsageName(word string) bool { return usageKeys()[Key(word)] }
