package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/report"
)

// The sentences below were written for this test; they are not evidence.

func mention(text, name, class, preferred string) Mention {
	i := strings.Index(text, name)
	return Mention{Start: i, End: i + len(name), Text: name, Class: class, Preferred: preferred}
}

func finding(text, covered, rule string, sev report.Severity, suggestions ...string) report.Finding {
	i := strings.Index(text, covered)
	return report.Finding{Rule: rule, Severity: sev, Span: report.Span{Start: i, End: i + len(covered)}, Suggestions: suggestions}
}

func TestScore(t *testing.T) {
	mt := "Shelling hit Kharkov and Zaporozhye while Charkiw and Jarkov lost power."
	orig := "The Odeon in Kyiv showed a film about chicken Kiev and Odesa harbour."
	results := []Result{
		{
			Item: Item{ID: "mt", Source: "a.example", Kind: "mt", Text: mt, Mentions: []Mention{
				mention(mt, "Kharkov", classVariant, "Kharkiv"),
				mention(mt, "Zaporozhye", classVariant, "Zaporizhzhia"),
				mention(mt, "Charkiw", classGarbled, "Kharkiv"),
				mention(mt, "Jarkov", classGarbled, "Kharkiv"),
			}},
			Findings: []report.Finding{
				finding(mt, "Kharkov", "place-name/variant", report.Error, "Kharkiv"),
				finding(mt, "Zaporozhye", "place-name/variant", report.Warning, "Zaporizhia", "Zaporizhzhia"),
				finding(mt, "Charkiw and", "place-name/transliteration", report.Info, "Kharkiv and"),
				finding(mt, "Jarkov", "garbled/calque", report.Warning, "Kharkiv"),
			},
			Verdict: report.Machine,
		},
		{
			Item: Item{ID: "orig", Source: "b.example", Kind: kindOriginal, Text: orig, Words: 13, Mentions: []Mention{
				mention(orig, "Odeon", classNotPlace, ""),
				mention(orig, "Kyiv", classCorrect, "Kyiv"),
				mention(orig, "chicken Kiev", classNotPlace, ""),
				mention(orig, "Odesa", classCorrect, "Odesa"),
			}},
			Findings: []report.Finding{
				finding(orig, "Odeon", "place-name/transliteration", report.Info, "Don"),
				finding(orig, "Kiev", "place-name/variant", report.Error, "Kyiv"),
				finding(orig, "a film", "garbled/clause", report.Warning),
				finding(orig, "harbour", "place-name/romanized", report.Info),
			},
			Verdict: report.Machine,
		},
	}
	s := Score(results)
	check := func(name string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", name, got, want)
		}
	}
	check("Items", s.Items, 2)
	check("Sources", s.Sources, 2)
	check("Variant.Total", s.Variant.Total, 2)
	check("Variant.Found", s.Variant.Found, 2)
	check("Variant.RightFirst", s.Variant.RightFirst, 1) // Zaporizhia comes first
	check("Garbled.Total", s.Garbled.Total, 2)
	check("Garbled.Found", s.Garbled.Found, 1) // a garbled/ rule is not a place finding
	check("Garbled.RightFirst", s.Garbled.RightFirst, 1)
	check("OriginalItems", s.OriginalItems, 1)
	check("OriginalWords", s.OriginalWords, 13)
	check("OriginalAlarms", s.OriginalAlarms, 2) // Kiev (labelled not-place) and the clause; infos do not count
	check("OriginalPlace", s.OriginalPlace, 1)
	check("OriginalMachine", s.OriginalMachine, 1)
	check("NotPlace", s.NotPlace, 2)
	check("NotPlaceFlagged", s.NotPlaceFlagged, 2) // Odeon (info counts) and chicken Kiev
	check("Correct", s.Correct, 2)
	check("CorrectFlagged", s.CorrectFlagged, 0) // the info on "harbour" does not cover Odesa
	if got, want := s.AlarmsPer10k(), 2*10000.0/13; got != want {
		t.Errorf("AlarmsPer10k = %v, want %v", got, want)
	}
	if len(s.Misses) == 0 {
		t.Error("no misses listed")
	}
}

func TestSuggests(t *testing.T) {
	tests := []struct {
		suggestion, preferred string
		want                  bool
	}{
		{"Kharkiv", "Kharkiv", true},
		{"kharkiv", "Kharkiv", true},
		{"Kharkiv region", "Kharkiv", true},
		{"Kharkivskyi", "Kharkiv", false},
		{"Bila Tserkva", "Tserkva", true},
		{"Kyiv’s", "Kyiv's", true},
		{"Kyiv", "", false},
	}
	for _, tt := range tests {
		if got := suggests(tt.suggestion, tt.preferred); got != tt.want {
			t.Errorf("suggests(%q, %q) = %v, want %v", tt.suggestion, tt.preferred, got, tt.want)
		}
	}
}

func TestReadItems(t *testing.T) {
	good := `{"id":"x","kind":"mt","text":"Near Kharkov.","mentions":[{"start":5,"end":12,"text":"Kharkov","cls":"variant","preferred":"Kharkiv"}]}` + "\n"
	items, err := readItems(strings.NewReader(good))
	if err != nil || len(items) != 1 || items[0].Words != 2 {
		t.Fatalf("readItems(good) = %+v, %v", items, err)
	}
	for name, bad := range map[string]string{
		"range":   `{"id":"x","text":"Near Kharkov.","mentions":[{"start":4,"end":12,"text":"Kharkov","cls":"variant"}]}`,
		"class":   `{"id":"x","text":"Near Kharkov.","mentions":[{"start":5,"end":12,"text":"Kharkov","cls":"wrong"}]}`,
		"json":    `{"id":`,
		"outside": `{"id":"x","text":"Near","mentions":[{"start":5,"end":12,"text":"Kharkov","cls":"variant"}]}`,
	} {
		if _, err := readItems(strings.NewReader(bad)); err == nil {
			t.Errorf("%s: readItems accepted %s", name, bad)
		}
	}
}

func TestWriteSection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "EVAL.md")
	if err := os.WriteFile(path, []byte("# Title\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{"first\n", "second\n"} {
		if err := writeSection(path, "baseline dev", body); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeSection(path, "final dev", "third\n"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	got := string(b)
	want := "# Title\n\n<!-- begin baseline dev -->\nsecond\n<!-- end baseline dev -->\n\n<!-- begin final dev -->\nthird\n<!-- end final dev -->\n"
	if got != want {
		t.Errorf("file =\n%s\nwant\n%s", got, want)
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"-data", t.TempDir(), "-split", "train"},
		{"-data", t.TempDir(), "-split", "test", "-v"},
		{"-data", t.TempDir()}, // no dev.jsonl
	} {
		var out, errOut strings.Builder
		if err := run(args, &out, &errOut); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
