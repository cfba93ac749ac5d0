package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture has two dev originals (one plain, one with a doubled word that
// the checker may flag), a dev machine translation and a test original,
// which must both be left out.
const fixture = `{"id":"a","split":"dev","kind":"orig","segs":["The council met on Tuesday to discuss the new budget.","Members voted to keep the library open on weekends."]}
{"id":"b","split":"dev","kind":"mt","segs":["This row is not an original."]}
{"id":"c","split":"test","kind":"orig","segs":["This row is reserved."]}
{"id":"d","split":"dev","kind":"orig","source":"wire","segs":["Rain is expected across the region later this week.","Farmers said the harvest had started early."]}
`

func TestReadRowsKeepsOriginalsOfSplit(t *testing.T) {
	rows, err := readRows(strings.NewReader(fixture), "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].ID != "a" || rows[1].ID != "d" {
		t.Fatalf("rows = %+v, want a and d", rows)
	}
}

func TestRunReportsWordsAndRefusesTest(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "docs.jsonl"), []byte(fixture), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run([]string{"-data", dir, "-split", "dev"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "2 English originals, 35 words") {
		t.Errorf("output lacks the document and word counts:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "called machine: 0 of 2") {
		t.Errorf("plain originals called machine:\n%s", out.String())
	}
	if err := run([]string{"-data", dir, "-split", "test"}, &out, &errb); err == nil {
		t.Error("-split test accepted")
	}
	if err := run([]string{"-data", dir, "-split", "train"}, &out, &errb); err == nil {
		t.Error("a split with no originals gave no error")
	}
	if !strings.Contains(out.String(), "wire                  16     0    0.00") {
		t.Errorf("output lacks the by-source line of the one named source:\n%s", out.String())
	}
}

func TestHeldoutAllowsTestAndLogsTheLook(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "docs.jsonl"), []byte(fixture), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run([]string{"-data", dir, "-split", "test", "-heldout"}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "1 English originals, 4 words") {
		t.Errorf("test rows not measured:\n%s", out.String())
	}
	log, err := os.ReadFile(filepath.Join(dir, "test-looks.log"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(log), "fpeval -split test -file docs.jsonl") {
		t.Errorf("test-looks.log = %q", log)
	}
}

func TestPer10k(t *testing.T) {
	if got := per10k(3, 5000); got != 6 {
		t.Errorf("per10k(3, 5000) = %v, want 6", got)
	}
	if got := per10k(3, 0); got != 0 {
		t.Errorf("per10k(3, 0) = %v, want 0", got)
	}
}
