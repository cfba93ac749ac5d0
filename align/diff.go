package align

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// maxDiffUnits bounds the units (words and the white space between them)
// a word diff compares. go-diff's O(ND) search runs to the end, with no
// wall-clock deadline: a deadline made the diff depend on the machine's
// load, so that the same texts could give another diff on a busy machine.
// Two 5 KB articles are about 2,000 units and take a few milliseconds;
// past the bound, the common head and tail are kept and the middle is
// shown deleted and inserted whole.
const maxDiffUnits = 16000

// WordDiff returns a word-level diff from a to b. The texts are cut into
// tokens by the shared segmentation, with the white space between them as
// units of their own, and each distinct unit is diffed as one symbol (go-diff
// over runes, then its semantic cleanup), so the diff never splits a word.
// Typographic apostrophes, quotation marks and dashes compare equal to
// their ASCII forms, and any run of white space equals any other.
//
// The equal and delete steps, in order, spell a exactly; the insert steps
// hold b's text. Consecutive steps of the same kind are merged.
func WordDiff(a, b string) []report.DiffOp {
	if a == b {
		return wordDiff(a, nil, 0, b, nil, 0)
	}
	return wordDiff(a, segment.Split(a).Tokens, 0, b, segment.Split(b).Tokens, 0)
}

// wordDiff is WordDiff for texts already segmented: at are a's tokens, with
// spans aBase bytes ahead of a's offsets (a is a slice of a larger text).
func wordDiff(a string, at []segment.Token, aBase int, b string, bt []segment.Token, bBase int) []report.DiffOp {
	if a == b {
		if a == "" {
			return nil
		}
		return []report.DiffOp{{Op: report.DiffEqual, Text: a}}
	}
	ua, ka := diffUnits(a, at, aBase)
	ub, kb := diffUnits(b, bt, bBase)
	codes := make(map[string]rune, len(ua)+len(ub))
	encode := func(keys []string) []rune {
		rs := make([]rune, len(keys))
		for i, k := range keys {
			r, ok := codes[k]
			if !ok {
				r = unitRune(len(codes))
				codes[k] = r
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := encode(ka), encode(kb)
	var diffs []diffmatchpatch.Diff
	if len(ra)+len(rb) > maxDiffUnits {
		diffs = coarseDiff(ra, rb)
	} else {
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0 // no deadline: the same texts always give the same diff
		diffs = dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	}

	var out []report.DiffOp
	emit := func(op, text string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text
			return
		}
		out = append(out, report.DiffOp{Op: op, Text: text})
	}
	ia, ib := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			emit(report.DiffEqual, strings.Join(ua[ia:ia+n], ""))
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			emit(report.DiffDelete, strings.Join(ua[ia:ia+n], ""))
			ia += n
		case diffmatchpatch.DiffInsert:
			emit(report.DiffInsert, strings.Join(ub[ib:ib+n], ""))
			ib += n
		}
	}
	return out
}

// coarseDiff is the diff of texts too long to compare unit by unit: their
// common head and tail are equal, and what lies between is deleted and
// inserted whole. It is linear in the texts' length.
func coarseDiff(a, b []rune) []diffmatchpatch.Diff {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	var out []diffmatchpatch.Diff
	for _, d := range []diffmatchpatch.Diff{
		{Type: diffmatchpatch.DiffEqual, Text: string(a[:head])},
		{Type: diffmatchpatch.DiffDelete, Text: string(a[head : len(a)-tail])},
		{Type: diffmatchpatch.DiffInsert, Text: string(b[head : len(b)-tail])},
		{Type: diffmatchpatch.DiffEqual, Text: string(a[len(a)-tail:])},
	} {
		if d.Text != "" {
			out = append(out, d)
		}
	}
	return out
}

// unitRune maps the n-th distinct unit to a valid rune in a private-use
// area, so go-diff's string conversions keep it intact.
func unitRune(n int) rune {
	const bmp = 0xF8FF - 0xE000 + 1
	if n < bmp {
		return rune(0xE000 + n)
	}
	return rune(0xF0000 + n - bmp) // planes 15 and 16: 131,068 more
}

// diffUnits cuts s into tokens and the white space between them. Every
// byte the segmentation does not put in a token is white space.
func diffUnits(s string, toks []segment.Token, base int) (units, keys []string) {
	units = make([]string, 0, 2*len(toks)+1)
	keys = make([]string, 0, cap(units))
	gap := func(end int, at int) {
		if end > at {
			units = append(units, s[at:end])
			keys = append(keys, " ")
		}
	}
	at := 0
	for _, t := range toks {
		gap(t.Start-base, at)
		units = append(units, t.Text)
		keys = append(keys, foldPunct.Replace(t.Text))
		at = t.End - base
	}
	gap(len(s), at)
	return units, keys
}

var foldPunct = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "–", "-", "—", "-", "‐", "-", "‑", "-")
