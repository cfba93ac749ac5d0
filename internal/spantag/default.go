package spantag

import (
	_ "embed"
	"fmt"
	"sync"
)

//go:embed data/phrases.bin
var phrasesBin []byte

var defaultPhrases = sync.OnceValues(func() (*Phrases, error) {
	p, err := ReadPhrases(phrasesBin)
	if err != nil {
		return nil, fmt.Errorf("spantag: embedded %w", err)
	}
	return p, nil
})

// DefaultPhrases returns the embedded phrase table of edited English (see
// data/README.md). It is read in place from the binary; later calls return
// the same table.
func DefaultPhrases() (*Phrases, error) { return defaultPhrases() }
