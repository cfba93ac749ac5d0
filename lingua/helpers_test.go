package lingua

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// sharedDetector builds one default Detector for all tests: decoding the
// models is the slow part.
var sharedDetector = sync.OnceValues(func() (*Detector, error) { return New(Options{}) })

func detector(t testing.TB) *Detector {
	t.Helper()
	d, err := sharedDetector()
	require.NoError(t, err)
	return d
}
