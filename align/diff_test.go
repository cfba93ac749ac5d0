package align

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/report"
)

// spell joins the steps of a diff that belong to one side.
func spell(ops []report.DiffOp, skip string) string {
	var b strings.Builder
	for _, op := range ops {
		if op.Op != skip {
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []report.DiffOp
	}{
		{"equal", "Putin decides.", "Putin decides.", []report.DiffOp{{Op: report.DiffEqual, Text: "Putin decides."}}},
		{"empty", "", "", nil},
		{
			"changed words, never split",
			"We believe that Putin decides",
			"We think Putin decides",
			[]report.DiffOp{{Op: report.DiffEqual, Text: "We "}, {Op: report.DiffDelete, Text: "believe that"}, {Op: report.DiffInsert, Text: "think"}, {Op: report.DiffEqual, Text: " Putin decides"}},
		},
		{
			"typographic punctuation and spacing compare equal",
			"Putin’s “war”  goes on",
			"Putin's \"war\" goes on",
			[]report.DiffOp{{Op: report.DiffEqual, Text: "Putin’s “war”  goes on"}},
		},
		{
			"insertion at the end",
			"a brigadier",
			"a brigadier general",
			[]report.DiffOp{{Op: report.DiffEqual, Text: "a brigadier"}, {Op: report.DiffInsert, Text: " general"}},
		},
		{
			"everything differs",
			"alpha",
			"omega",
			[]report.DiffOp{{Op: report.DiffDelete, Text: "alpha"}, {Op: report.DiffInsert, Text: "omega"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WordDiff(tt.a, tt.b)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.a, spell(got, report.DiffInsert), "equal and delete steps spell a")
		})
	}
}

func TestWordDiffSeedQuote(t *testing.T) {
	a := "We believe that Putin and Gerasimov are involved in tactical decisions at a level that we would normally expect a colonel or a brigadier general to make"
	b := "We think Putin and Gerasimov are involved in tactical decision-making at a level we would normally expect to be taken by a colonel or a brigadier"
	ops := WordDiff(a, b)
	assert.Equal(t, a, spell(ops, report.DiffInsert))
	assert.Equal(t, b, spell(ops, report.DiffDelete), "with no typographic differences, insert and equal steps spell b")
	var deleted, inserted []string
	for _, op := range ops {
		switch op.Op {
		case report.DiffDelete:
			deleted = append(deleted, strings.Fields(op.Text)...)
		case report.DiffInsert:
			inserted = append(inserted, strings.Fields(op.Text)...)
		}
	}
	assert.Contains(t, deleted, "believe")
	assert.Contains(t, deleted, "decisions")
	assert.Contains(t, inserted, "think")
	assert.Contains(t, inserted, "decision-making")
	assert.NotContains(t, deleted, "Gerasimov", "unchanged words stay equal")
}

func FuzzWordDiff(f *testing.F) {
	f.Add("We believe that Putin decides", "We think Putin decides")
	f.Add("", "x")
	f.Add("a\n\nb", "a b")
	f.Add("Putin’s", "Putin's")
	f.Add("\xff\xfe", "ok")
	f.Fuzz(func(t *testing.T, a, b string) {
		ops := WordDiff(a, b)
		if got := spell(ops, report.DiffInsert); got != a {
			t.Fatalf("equal+delete spell %q, want %q", got, a)
		}
		if !utf8.ValidString(b) || !utf8.ValidString(a) {
			return
		}
		// insert and equal steps hold b's words (whitespace and typographic
		// punctuation may come from a)
		if got, want := strings.Fields(foldPunct.Replace(spell(ops, report.DiffDelete))), strings.Fields(foldPunct.Replace(b)); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("equal+insert spell %q, want %q", got, want)
		}
		for k := 1; k < len(ops); k++ {
			if ops[k].Op == ops[k-1].Op {
				t.Fatalf("steps %d and %d are both %s", k-1, k, ops[k].Op)
			}
		}
	})
}

// TestWordDiffPastTheBound checks the linear diff of texts longer than
// maxDiffUnits: it keeps the common head and tail, still spells both texts,
// and gives the same steps every time.
func TestWordDiffPastTheBound(t *testing.T) {
	body := strings.Repeat("the army moved north and the town was quiet ", maxDiffUnits/16)
	a := "Officials said " + body + "on Monday."
	b := "Officials said " + body + "on Tuesday."
	ops := WordDiff(a, b)
	assert.Equal(t, a, spell(ops, report.DiffInsert))
	assert.Equal(t, b, spell(ops, report.DiffDelete))
	require.GreaterOrEqual(t, len(ops), 3)
	assert.Equal(t, report.DiffEqual, ops[0].Op)
	assert.True(t, strings.HasPrefix(ops[0].Text, "Officials said the army"))
	assert.Equal(t, report.DiffOp{Op: report.DiffEqual, Text: "."}, ops[len(ops)-1])
	assert.Equal(t, ops, WordDiff(a, b))
}
