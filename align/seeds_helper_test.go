package align

import (
	"os"
	"path"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// seedDocs are the seed documents, read once from ../seeds.
var seedDocs = sync.OnceValues(func() ([]Document, error) {
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil {
		return nil, err
	}
	var docs []Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		docs = append(docs, NewDocument(path.Join("seeds", filepath.Base(f)), string(b)))
	}
	return docs, nil
})

// seeds returns the seed documents, ordered by file name.
func seeds(t testing.TB) []Document {
	t.Helper()
	docs, err := seedDocs()
	require.NoError(t, err)
	require.Len(t, docs, 5, "the seeds are five documents")
	return docs
}

// seedIndex returns an index holding every seed.
func seedIndex(t testing.TB) *Index {
	t.Helper()
	x := NewIndex()
	for _, d := range seeds(t) {
		require.NoError(t, x.Add(t.Context(), d))
	}
	return x
}

// textView is the similarity view of a text read as one passage.
func textView(text string) sentence {
	return newCandidateView(Candidate{Text: text}).sentence
}
