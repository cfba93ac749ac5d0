package fluency

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed data/model.gz
var modelData []byte

var defaultModel = sync.OnceValues(func() (*Model, error) { return Read(bytes.NewReader(modelData)) })

// Default returns the embedded model, decoding it on the first call (about
// 0.1 s). Later calls return the same Model. It is safe for concurrent use.
func Default() (*Model, error) { return defaultModel() }
