package report_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
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
	seedOnce   sync.Once
	seedRep    *report.Report
	seedErr    error
	seedText   string
	seedLoaded bool
)

// seed002 is the real checker's report on seed 002 against the other
// seeds, built once per test binary.
func seed002(t *testing.T) (*report.Report, string) {
	t.Helper()
	seedOnce.Do(func() {
		var doc transcheck.Document
		var coverage []transcheck.Document
		for _, s := range seeds.All() {
			d := transcheck.Document{Path: s.Path, Data: s.Data}
			if strings.HasPrefix(filepath.Base(s.Path), "002_") {
				doc = d
				seedText = string(s.Data)
				seedLoaded = true
			} else {
				coverage = append(coverage, d)
			}
		}
		c, err := transcheck.New(transcheck.Options{})
		if err != nil {
			seedErr = err
			return
		}
		seedRep, seedErr = c.Check(context.Background(), doc, coverage...)
	})
	require.True(t, seedLoaded, "seed 002 is not among the embedded seeds")
	require.NoError(t, seedErr)
	return seedRep, seedText
}

// TestSeedRendersInEveryFormat renders the checker's report on seed 002,
// checked against the other four seeds, in every format, and checks what
// each format must say rather than its bytes: the seeds' goldens would be
// rewritten by every detector change and reviewed by nobody. The small
// hand-built fixture keeps byte-for-byte goldens (TestGolden).
func TestSeedRendersInEveryFormat(t *testing.T) {
	r, text := seed002(t)
	require.Len(t, r.Documents, 1)
	doc := r.Documents[0]
	require.Equal(t, text, doc.Text)

	// The report must be worth rendering: the romanized place name is
	// flagged, with its exact span.
	var wunan *report.Finding
	for i, f := range doc.Findings {
		if f.Text == "Wunan" {
			wunan = &doc.Findings[i]
		}
	}
	require.NotNil(t, wunan, "no finding on Wunan")
	assert.Equal(t, "Wunan", text[wunan.Span.Start:wunan.Span.End])

	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, report.Write(&buf, r, format))
			out := buf.String()
			// Every format names the rule of every finding (HTML and
			// Markdown escape nothing in rule IDs).
			for _, f := range doc.Findings {
				assert.Contains(t, out, f.Rule, "%s lacks %s", format, f.Rule)
			}
			assert.Contains(t, out, "Wunan")
			switch format {
			case "sarif":
				assert.Empty(t, report.SARIFSchemaErrors(t, buf.Bytes()))
			case "json":
				assert.Empty(t, report.ReportSchemaErrors(t, buf.Bytes()))
			}
		})
	}
}

func TestSeedLineOutputPointsAtTheText(t *testing.T) {
	r, text := seed002(t)
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, r, "line"))
	loc := report.NewLocator(text)
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, len(r.Documents[0].Findings))
	for i, f := range r.Documents[0].Findings {
		// path:line:column:rule:message, the column in bytes.
		parts := strings.SplitN(lines[i], ":", 5)
		require.Len(t, parts, 5, lines[i])
		line, err := strconv.Atoi(parts[1])
		require.NoError(t, err)
		col, err := strconv.Atoi(parts[2])
		require.NoError(t, err)
		assert.Equal(t, f.Span.Start, loc.ByteFromLineColumn(line, 1)+col-1, lines[i])
		assert.Equal(t, f.Rule, parts[3])
	}
}
