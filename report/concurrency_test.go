package report

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// unsorted is the fixture with its findings, alignments, rules and
// notices out of canonical order and nil lists where Normalize puts empty
// ones: everything a renderer that normalized its argument would write to.
func unsorted(t testing.TB) *Report {
	r := fixture(t)
	fs := r.Documents[0].Findings
	for i, j := 0, len(fs)-1; i < j; i, j = i+1, j-1 {
		fs[i], fs[j] = fs[j], fs[i]
	}
	as := r.Documents[0].Alignments
	as[0], as[1] = as[1], as[0]
	r.Documents[1].Findings = nil
	r.Rules = []Rule{{ID: "z/z"}, {ID: "a/a"}}
	r.Notices = []Notice{{Path: "z"}, {Path: "a"}}
	return r
}

// TestRenderersDoNotMutate renders in every format and checks the report
// is exactly as it was: sorting, filling nil lists or setting the schema
// version on the caller's report would race with another renderer.
func TestRenderersDoNotMutate(t *testing.T) {
	for _, format := range Formats() {
		r, want := unsorted(t), unsorted(t)
		require.NoError(t, Write(&bytes.Buffer{}, r, format))
		assert.Equal(t, want, r, format)
	}
}

// TestConcurrentRendering renders one report in every format from many
// goroutines at once. Under go test -race it fails if a renderer writes to
// its input; without -race it still checks that every output is the same.
func TestConcurrentRendering(t *testing.T) {
	r := unsorted(t)
	want := map[string]string{}
	for _, format := range Formats() {
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, unsorted(t), format))
		want[format] = buf.String()
	}
	const rounds = 8
	var wg sync.WaitGroup
	for range rounds {
		for _, format := range Formats() {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				if assert.NoError(t, Write(&buf, r, format)) {
					assert.Equal(t, want[format], buf.String(), format)
				}
			}()
		}
	}
	wg.Wait()
}
