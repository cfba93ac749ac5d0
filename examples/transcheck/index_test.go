package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

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

// TestServeCoverageIndex serves against a saved coverage index: it is
// opened at start-up, and a damaged one stops the server from starting.
func TestServeCoverageIndex(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "idx")
	code, _, stderr := runCmd(t, "index", "-o", idx, "../../seeds/001_3800fd556f55c46a.txt", "../../seeds/003_12b6e9c1d785f567.txt")
	require.Equal(t, exitOK, code, stderr)

	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var errb safeBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"-serve", addr, "-coverage-index", idx}, io.Discard, &errb) }()
	s, _ := seeds.Get("002")
	var resp *http.Response
	var err error
	for range 100 { // wait for the listener
		if resp, err = http.PostForm("http://"+addr+"/v2/check", url.Values{"text": {string(s.Data)}, "language": {"en-US"}}); err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	cancel()
	assert.Equal(t, exitOK, <-done)
	assert.Contains(t, errb.String(), "(2 coverage documents)")

	bad := filepath.Join(dir, "bad")
	require.NoError(t, os.Mkdir(bad, 0o755))
	writeFile(t, bad, transcheck.CoverageIndexFile, []byte("junk"))
	code, _, stderr = runCmd(t, "-serve", freeAddr(t), "-coverage-index", bad)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "not a valid transcheck coverage index")
}

// safeBuffer is a bytes.Buffer safe for the server's goroutines.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
