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

func embeddedPlaces() ([]Place, error) {
	names, err := fs.Glob(dataFS, "data/*.txt")
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	sort.Strings(names)
	var places []Place
	seen := make(map[string]string)
	for _, name := range names {
		f, err := dataFS.Open(name)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		file, err := ParseFile(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, p := range file.Places {
			if other, dup := seen[p.ID]; dup {
				return nil, fmt.Errorf("%s: duplicate id %q (also in %s)", name, p.ID, other)
			}
			seen[p.ID] = name
		}
		places = append(places, file.Places...)
	}
	return places, nil
}
