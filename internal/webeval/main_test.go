package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/report"
)

// row builds a JSON line of the data file from project-written text.
func row(t *testing.T, id, kind, split, text string, garbled ...span) string {
	t.Helper()
	b, err := json.Marshal(page{ID: id, Site: id + ".example", Lang: "de", Basis: "text", Kind: kind, Split: split, Text: text, Garbled: garbled})
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

const (
	mtText   = "The minister has made the visit in the region yesterday. He said that the measures are taken. The talks will be continued on the next week."
	origText = "The council met on Tuesday to discuss the new budget. Members voted to keep the library open on weekends. The mayor said the vote was close."
)

func fixture(t *testing.T) string {
	i := strings.Index(mtText, "made the visit")
	return row(t, "a", kindMT, "dev", mtText, span{Start: i, End: i + len("made the visit"), Text: "made the visit"}) +
		row(t, "b", kindOriginal, "dev", origText) +
		row(t, "c", kindOriginal, "test", origText)
}

func TestReadPagesKeepsSplitAndChecksRows(t *testing.T) {
	pages, err := readPages(strings.NewReader(fixture(t)), "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].ID != "a" || pages[1].ID != "b" {
		t.Fatalf("dev pages = %+v, want a and b", pages)
	}
	bad := []struct {
		name, line string
	}{
		{"unknown kind", row(t, "x", "summary", "dev", origText)},
		{"unknown split", row(t, "x", kindOriginal, "train", origText)},
		{"empty text", row(t, "x", kindOriginal, "dev", "  ")},
		{"span past the end", row(t, "x", kindMT, "dev", "short text", span{Start: 6, End: 40})},
		{"span text differs", row(t, "x", kindMT, "dev", "short text", span{Start: 0, End: 5, Text: "long"})},
		{"not JSON", "{\n"},
	}
	for _, tc := range bad {
		if _, err := readPages(strings.NewReader(tc.line), "dev"); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func TestAUC(t *testing.T) {
	tests := []struct {
		pos, neg []float64
		want     float64
	}{
		{[]float64{0.9, 0.8}, []float64{0.1, 0.2}, 1},
		{[]float64{0.1}, []float64{0.9}, 0},
		{[]float64{0.5, 0.9}, []float64{0.5}, 0.75},
	}
	for _, tc := range tests {
		if got, ok := auc(tc.pos, tc.neg); !ok || got != tc.want {
			t.Errorf("auc(%v, %v) = %v, %v; want %v", tc.pos, tc.neg, got, ok, tc.want)
		}
	}
	if _, ok := auc([]float64{1}, nil); ok {
		t.Error("auc with no negatives reported a value")
	}
}

func TestRecallCountsOverlapsBySeverity(t *testing.T) {
	f := func(cat report.Category, sev report.Severity, start, end int) report.Finding {
		return report.Finding{Category: cat, Severity: sev, Span: report.Span{Start: start, End: end}}
	}
	p := checked{page: page{Kind: kindMT, Garbled: []span{{Start: 10, End: 20}, {Start: 30, End: 40}, {Start: 50, End: 60}, {Start: 70, End: 80}}}}
	p.Findings = []report.Finding{
		f(report.Garbled, report.Warning, 15, 25),   // overlaps the first: found as a warning
		f(report.Garbled, report.Info, 35, 36),      // inside the second: found, info only
		f(report.PlaceName, report.Error, 50, 60),   // the third: not a garbled finding
		f(report.Garbled, report.Error, 80, 90),     // touches the fourth's end: no overlap
		f(report.Garbled, report.Error, 1000, 1010), // elsewhere
	}
	marked, warn, anyFound := recall([]checked{p})
	if marked != 4 || warn != 1 || anyFound != 2 {
		t.Errorf("recall = %d marked, %d warning+, %d any; want 4, 1, 2", marked, warn, anyFound)
	}
	// Three garbled warnings or errors; only the first lies on a marked passage.
	if flagged, onMarked, _ := precision([]checked{p}); flagged != 3 || onMarked != 1 {
		t.Errorf("precision = %d flagged, %d on marks; want 3, 1", flagged, onMarked)
	}
}

func TestRunPrintsFiguresAndLogsTestRuns(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pages.jsonl"), []byte(fixture(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run([]string{"-data", dir, "-split", "dev", "-v"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"mt                   1 pages",
		"original             1 pages",
		"garbled passages marked by hand in machine translations: 1",
		"machine translations vs originals",
		`"made the visit"`,
		"machine translations by what the label rests on",
		"garbled warnings+errors in machine translations:",
		"  text   1:",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("dev output lacks %q:\n%s", want, out.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "test-runs.log")); err == nil {
		t.Error("a dev run wrote the test log")
	}
	if err := run([]string{"-data", dir, "-split", "test", "-v"}, &out, &errb); err == nil {
		t.Error("-v accepted on the test split")
	}
	for i := 1; i <= 2; i++ {
		out.Reset()
		if err := run([]string{"-data", dir, "-split", "test"}, &out, &errb); err != nil {
			t.Fatal(err)
		}
		if want := "test split run " + string(rune('0'+i)) + " time(s)"; !strings.Contains(out.String(), want) {
			t.Errorf("run %d: output lacks %q:\n%s", i, want, out.String())
		}
	}
	for _, args := range [][]string{{"-split", "dev"}, {"-data", dir, "-split", "train"}, {"-data", dir, "-split", "dev", "-file", "none.jsonl"}} {
		if err := run(args, &out, &errb); err == nil {
			t.Errorf("run %v: no error", args)
		}
	}
}
