package lm

import (
	_ "embed"
	"sync"
)

//go:embed data/english.lm
var englishData []byte

var english = sync.OnceValues(func() (*Model, error) { return Load(englishData) })

// English returns the embedded model of human-written English (news wire,
// broadcast news, speeches; see data/README.md). Load reads it in place, so
// the first call costs well under a millisecond (it checks the bucket index). It is safe for concurrent use.
func English() (*Model, error) { return english() }
