package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/seeds"
)

// TestIndexCommand indexes coverage, adds to the index incrementally, and
// checks a text against it: the report equals the one made with -coverage
// on the same files.
func TestIndexCommand(t *testing.T) {
	dir := t.TempDir()
	covDir := filepath.Join(dir, "wire")
	require.NoError(t, os.Mkdir(covDir, 0o755))
	for _, id := range []string{"001", "003"} {
		s, _ := seeds.Get(id)
		writeFile(t, covDir, id+".txt", s.Data)
	}
	s000, _ := seeds.Get("000")
	text := writeFile(t, dir, "000.txt", s000.Data)
	idx := filepath.Join(dir, "idx")

	code, out, stderr := runCmd(t, "index", "-o", idx, covDir)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "2 documents (2 added, 0 already indexed)")
	assert.Empty(t, stderr, "no progress when stderr is not a terminal")

	// a new file joins; the two indexed ones are skipped
	s004, _ := seeds.Get("004")
	writeFile(t, covDir, "004.txt", s004.Data)
	code, out, stderr = runCmd(t, "index", "-o", idx, covDir)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "3 documents (1 added, 2 already indexed)")

	code, fromIndex, stderr := runCmd(t, "-format", "json", "-coverage-index", idx, text)
	require.NotEqual(t, exitError, code, stderr)
	code, fromFiles, stderr := runCmd(t, "-format", "json", "-coverage", covDir, text)
	require.NotEqual(t, exitError, code, stderr)
	assert.JSONEq(t, fromFiles, fromIndex)
	assert.Contains(t, fromIndex, `"comparable"`)

	// -rebuild starts over
	code, out, stderr = runCmd(t, "index", "-rebuild", "-o", idx, filepath.Join(covDir, "001.txt"))
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "1 documents (1 added, 0 already indexed)")
}

func TestIndexCommandErrors(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "a.txt", []byte(humanText))
	bad := filepath.Join(dir, "bad")
	require.NoError(t, os.Mkdir(bad, 0o755))
	writeFile(t, bad, transcheck.CoverageIndexFile, []byte("not an index\n"))

	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"no -o":           {[]string{"index", good}, "-o DIR is required"},
		"no paths":        {[]string{"index", "-o", dir}, "give the coverage files"},
		"damaged index":   {[]string{"index", "-o", bad, good}, "-rebuild"},
		"missing index":   {[]string{"-coverage-index", filepath.Join(dir, "none"), good}, "no such file"},
		"foreign index":   {[]string{"-coverage-index", bad, good}, "not a valid transcheck coverage index"},
		"with -reference": {[]string{"-coverage-index", bad, "-reference", good, good}, "choose one"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tc.args...)
			assert.Equal(t, exitError, code)
			assert.Contains(t, stderr, tc.want)
		})
	}

	// an unreadable file is reported; the others are indexed
	code, out, stderr := runCmd(t, "index", "-o", filepath.Join(dir, "idx"), good, writeFile(t, dir, "bin.txt", []byte{0, 1, 2}))
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "bin.txt")
	assert.Contains(t, out, "1 documents")
}

func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, "files indexed", 100)
	p.add(50, 1e6)
	p.finish()
	assert.Empty(t, buf.String(), "a buffer is not a terminal")

	p = &progress{w: &buf, what: "files indexed", total: 100}
	p.add(50, 1e6)
	p.add(50, 1e6) // the last one is always drawn
	p.finish()
	assert.Equal(t, "\rtranscheck: 50/100 files indexed (1.0 MB)\rtranscheck: 100/100 files indexed (2.0 MB)\n", buf.String())
}
