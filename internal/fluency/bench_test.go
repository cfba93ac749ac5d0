package fluency

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/seeds"
)

// BenchmarkSentences scores every sentence of one article (seed 002), the
// cost the fluency signal adds to an analysis.
func BenchmarkSentences(b *testing.B) {
	m, err := Default()
	require.NoError(b, err)
	s, ok := seeds.Get("002")
	require.True(b, ok)
	doc := segment.Split(string(s.Data))
	b.SetBytes(int64(len(s.Data)))
	for b.Loop() {
		for _, sent := range doc.Sentences {
			m.Sentence(sent)
		}
	}
}

// BenchmarkDefault decodes the embedded model, the one-off cost of the
// first Default call.
func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Read(bytes.NewReader(modelData)); err != nil {
			b.Fatal(err)
		}
	}
}
