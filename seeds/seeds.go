// Package seeds embeds transcheck's seed documents: five news texts on one
// story, two of them machine-translated (000 from German, 002 from
// Chinese) and three English originals. The example command checks them
// when it is given no files, and tests use them without file paths.
//
// The files are kept byte for byte as they were supplied.
package seeds

import (
	"embed"
	"io/fs"
	"path"
)

//go:embed *.txt
var files embed.FS

// Seed is one embedded document.
type Seed struct {
	// Path is the document's path from the repository root, such as
	// "seeds/002_1b412a2938b23637.txt".
	Path string
	// Data is the file's bytes.
	Data []byte
}

// FS returns the seed files as a read-only file system.
func FS() fs.FS { return files }

// All returns every seed, ordered by file name.
func All() []Seed {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic("seeds: embedded directory unreadable: " + err.Error()) // cannot happen with go:embed
	}
	out := make([]Seed, 0, len(entries))
	for _, e := range entries {
		b, err := fs.ReadFile(files, e.Name())
		if err != nil {
			panic("seeds: embedded file unreadable: " + err.Error())
		}
		out = append(out, Seed{Path: path.Join("seeds", e.Name()), Data: b})
	}
	return out
}

// Get returns the seed whose file name starts with prefix (such as "002"),
// and whether there is exactly one.
func Get(prefix string) (Seed, bool) {
	var found []Seed
	for _, s := range All() {
		if len(path.Base(s.Path)) >= len(prefix) && path.Base(s.Path)[:len(prefix)] == prefix {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		return Seed{}, false
	}
	return found[0], true
}
