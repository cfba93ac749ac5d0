package transcheck_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck"
)

// reportJSON renders a report for comparison.
func reportJSON(t *testing.T, c *transcheck.Checker, doc transcheck.Document, cov *transcheck.Coverage) string {
	t.Helper()
	r, err := c.CheckCoverage(context.Background(), doc, cov)
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	return string(b)
}

// TestCoverageSaveOpen checks that a saved and reopened coverage gives the
// same reports as the one built, before and after adding documents to both.
func TestCoverageSaveOpen(t *testing.T) {
	c := checker(t)
	ctx := context.Background()
	docs := seedDocs()
	html := transcheck.Document{Path: "wire/page.html", Data: []byte("<html><body><p>Officials in Kyiv said 300 drones were launched overnight.</p><p>The mayor of Kharkiv said the city was calm.</p></body></html>")}
	built, err := c.NewCoverage(ctx, append(newsCorpus(70), html)...) // more than smallCoverage
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, built.Save(dir))
	opened, err := transcheck.OpenCoverage(dir)
	require.NoError(t, err)
	require.Equal(t, built.Len(), opened.Len())
	for _, d := range docs {
		assert.Equal(t, reportJSON(t, c, d, built), reportJSON(t, c, d, opened), d.Path)
	}

	// Incremental: the seeds join both; each seed is then checked
	// against the others (a document never aligns with itself).
	require.NoError(t, built.Add(ctx, docs...))
	require.NoError(t, opened.Add(ctx, docs...))
	require.Equal(t, built.Len(), opened.Len())
	for _, d := range docs {
		assert.Equal(t, reportJSON(t, c, d, built), reportJSON(t, c, d, opened), d.Path)
	}
	// and the grown coverage saves and opens again
	require.NoError(t, opened.Save(dir))
	again, err := transcheck.OpenCoverage(dir)
	require.NoError(t, err)
	assert.Equal(t, built.Len(), again.Len())
	assert.Equal(t, reportJSON(t, c, docs[2], built), reportJSON(t, c, docs[2], again))

	var ce *transcheck.CoverageError
	require.ErrorAs(t, again.Add(ctx, docs[0]), &ce, "a path the coverage holds is refused")
	assert.Equal(t, built.Len(), again.Len())
}

func TestOpenCoverageRejects(t *testing.T) {
	c := checker(t)
	cov, err := c.NewCoverage(context.Background(), seedDocs()...)
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, cov.Save(dir))
	good, err := os.ReadFile(filepath.Join(dir, transcheck.CoverageIndexFile))
	require.NoError(t, err)

	_, err = transcheck.OpenCoverage(filepath.Join(dir, "missing"))
	require.ErrorIs(t, err, os.ErrNotExist)

	flipped := bytes.Clone(good)
	flipped[len(flipped)/2] ^= 1
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"text file":  {[]byte("Kyiv, 6 December. The mayor said the city was calm.\n"), "header"},
		"empty":      {nil, "header"},
		"truncated":  {good[:len(good)/3], "truncated"},
		"damaged":    {flipped, "checksum"},
		"newer":      {append([]byte("TCCOVIDX\x07\x00\x00\x00"), good[12:]...), "version 7"},
		"align file": {good[12+12+int(le64(good[16:]))+4+12:], "header"}, // the inner align index alone
	} {
		t.Run(name, func(t *testing.T) {
			d := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(d, transcheck.CoverageIndexFile), tc.data, 0o644))
			cov, err := transcheck.OpenCoverage(d)
			require.Error(t, err)
			assert.Nil(t, cov)
			assert.True(t, errors.Is(err, transcheck.ErrCoverageIndex), "%v", err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), transcheck.CoverageIndexFile, "the error names the file")
		})
	}
}

func le64(b []byte) uint64 {
	var v uint64
	for i := 7; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

func ExampleCoverage_Save() {
	c, err := transcheck.New(transcheck.Options{})
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	cov, err := c.NewCoverage(ctx, transcheck.Document{Path: "wire/1.txt", Data: []byte("Officials in Kyiv said 300 drones were launched overnight.\n")})
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "coverage")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := cov.Save(dir); err != nil {
		panic(err)
	}
	// Later, or in another process: open it and add the day's new copy.
	cov, err = transcheck.OpenCoverage(dir)
	if err != nil {
		panic(err)
	}
	if err := cov.Add(ctx, transcheck.Document{Path: "wire/2.txt", Data: []byte("The mayor of Kharkiv said the city was calm.\n")}); err != nil {
		panic(err)
	}
	r, err := c.CheckCoverage(ctx, transcheck.Document{Path: "mt.txt", Data: []byte("Officials in Kyiv said 200 drones were launched overnight.\n")}, cov)
	if err != nil {
		panic(err)
	}
	fmt.Println(cov.Len(), "coverage documents;", len(r.Documents[0].Alignments), "alignment")
	// Output: 2 coverage documents; 1 alignment
}

// TestCoverageAddWhileChecking adds documents to a coverage while other
// goroutines check against it and save it: run with -race.
func TestCoverageAddWhileChecking(t *testing.T) {
	c := checker(t)
	ctx := context.Background()
	docs := seedDocs()
	cov, err := c.NewCoverage(ctx, docs[:2]...)
	require.NoError(t, err)
	extra := newsCorpus(6)
	dir := t.TempDir()
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			_, err := c.CheckCoverage(ctx, docs[2+i], cov)
			assert.NoError(t, err)
		})
	}
	wg.Go(func() { assert.NoError(t, cov.Add(ctx, extra...)) })
	wg.Go(func() { assert.NoError(t, cov.Save(dir)) })
	wg.Wait()
	assert.Equal(t, 2+len(extra), cov.Len())
	for _, d := range extra {
		assert.True(t, cov.Contains(d.Path), d.Path)
	}
	opened, err := transcheck.OpenCoverage(dir)
	require.NoError(t, err)
	assert.Contains(t, []int{2, 2 + len(extra)}, opened.Len(), "a save sees the coverage between committed batches of an Add (six documents are one batch)")
}
