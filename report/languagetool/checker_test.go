package languagetool

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/report"
	"github.com/transcheck/transcheck/seeds"
)

var (
	seedCheckOnce sync.Once
	seedCheck     CheckFunc
	seedCheckErr  error
)

// checkerFunc is the CheckFunc a server builds from the real Checker, as
// the example command's -serve does: coverage (seeds other than 002) is
// indexed once, and every request is checked against it.
func checkerFunc(t testing.TB) CheckFunc {
	t.Helper()
	seedCheckOnce.Do(func() {
		c, err := transcheck.New(transcheck.Options{})
		if err != nil {
			seedCheckErr = err
			return
		}
		var docs []transcheck.Document
		for _, s := range seeds.All() {
			if !strings.HasPrefix(filepath.Base(s.Path), "002_") {
				docs = append(docs, transcheck.Document{Path: s.Path, Data: s.Data})
			}
		}
		cov, err := c.NewCoverage(context.Background(), docs...)
		if err != nil {
			seedCheckErr = err
			return
		}
		seedCheck = func(ctx context.Context, text, language string) (*report.Document, error) {
			r, err := c.CheckCoverage(ctx, transcheck.Document{Path: "request", Data: []byte(text)}, cov)
			if err != nil {
				return nil, err
			}
			return &r.Documents[0], nil
		}
	})
	require.NoError(t, seedCheckErr)
	return seedCheck
}

func findMatch(r Response, text, want string) (Match, bool) {
	for _, m := range r.Matches {
		if utf16Slice(text, m.Offset, m.Length) == want {
			return m, true
		}
	}
	return Match{}, false
}

func TestCheckerSeed002OverLoopback(t *testing.T) {
	text := readSeed(t, "002")
	srv := httptest.NewServer(NewHandler(checkerFunc(t), Options{}))
	defer srv.Close()
	resp, body := postForm(t, srv.Client(), srv.URL, url.Values{"text": {text}, "language": {"en-US"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	r := decode(t, body)
	assert.False(t, r.Warnings.IncompleteResults)
	require.NotEmpty(t, r.Matches)
	m, ok := findMatch(r, text, "Wunan")
	require.True(t, ok, "no match whose UTF-16 offset and length select \"Wunan\"")
	assert.NotEqual(t, strings.Index(text, "Wunan"), m.Offset, "the offset is in UTF-16 units, not bytes")
	assert.Equal(t, "Wunan", utf16Slice(m.Context.Text, m.Context.Offset, m.Context.Length))
	for _, m := range r.Matches {
		assert.NotEmpty(t, m.Rule.IssueType, m.Rule.ID)
		got := utf16Slice(text, m.Offset, m.Length)
		assert.False(t, strings.HasPrefix(got, "<out of range"), got)
		flat := strings.NewReplacer("\r", " ", "\n", " ", "\t", " ").Replace(got)
		assert.Equal(t, flat, utf16Slice(m.Context.Text, m.Context.Offset, m.Context.Length), "context of %s", m.Rule.ID)
	}
}

// BenchmarkLoadChecker is BenchmarkLoad with the real Checker behind the
// handler, each request checked against the other seeds:
//
//	go test -run '^$' -bench BenchmarkLoadChecker -benchtime 60s ./report/languagetool
func BenchmarkLoadChecker(b *testing.B) {
	text := readSeed(b, "002")
	runLoad(b, checkerFunc(b), func(r Response) error {
		if _, ok := findMatch(r, text, "Wunan"); !ok {
			return fmt.Errorf("no match on Wunan among %d", len(r.Matches))
		}
		return nil
	})
}
