// Command simeval measures align on the cases that
// align/train/build_alignsim.py builds from WMT double references: link
// precision, recall and F1, the share of changed numbers and quotations
// found, and the false number and quotation findings per 100 aligned
// sentences, in comparable and parallel mode.
//
//	go run ./align/internal/simeval -data /work/data/alignsim -split test -o align/EVALUATION.md
//
// Without -o it prints the table; -show lists every finding that is not a
// planted change (for the dev split, while developing).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/transcheck/transcheck/align"
	"github.com/transcheck/transcheck/align/internal/simdata"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// tally accumulates one mode's counts.
type tally struct {
	cases                       int
	pred, goldLinks, correct    int
	numbers, numbersFound       int
	quotes, quotesFound         int
	falseNumbers, falseQuotes   int
	disagreeNumbers             int // number findings where the references disagree
	alignedSentences, textSents int
	elapsed                     time.Duration
	falseShown                  []string
}

func main() {
	data := flag.String("data", "/work/data/alignsim", "the directory build_alignsim.py wrote")
	split := flag.String("split", "dev", "train, dev or test")
	out := flag.String("o", "", "write the report as markdown to this file")
	show := flag.Bool("show", false, "print findings that are not planted changes, and missed changes")
	showLinks = flag.Bool("links", false, "print false and missed links")
	shared := flag.Bool("shared", false, "comparable mode: put every case's coverage story in one index, so that each text is checked against all the split's stories (no distractor files)")
	flag.Parse()
	var res [2]*tally
	for k, mode := range []string{"comparable", "parallel"} {
		var idx *align.Index
		if mode == "comparable" && *shared {
			var err error
			if idx, err = sharedIndex(filepath.Join(*data, "cases", *split, mode)); err != nil {
				fmt.Fprintln(os.Stderr, "simeval:", err)
				os.Exit(1)
			}
		}
		t, err := run(filepath.Join(*data, "cases", *split, mode), mode, *show, idx)
		if err != nil {
			fmt.Fprintln(os.Stderr, "simeval:", err)
			os.Exit(1)
		}
		res[k] = t
	}
	var b strings.Builder
	name := *split
	if *shared {
		name += ", comparable: one shared index"
	}
	table(&b, name, res)
	if *out == "" {
		fmt.Print(b.String())
		return
	}
	if err := splice(*out, b.String()); err != nil {
		fmt.Fprintln(os.Stderr, "simeval:", err)
		os.Exit(1)
	}
}

// The table goes between these markers of the -o file; the rest of the
// file is prose kept as it is.
const (
	beginMarker = "<!-- simeval:begin -->\n"
	endMarker   = "<!-- simeval:end -->\n"
)

// splice writes table between the markers of file.
func splice(file, table string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	text := string(b)
	i, j := strings.Index(text, beginMarker), strings.Index(text, endMarker)
	if i < 0 || j < i {
		return fmt.Errorf("report: %s has no %q ... %q section", file, strings.TrimSpace(beginMarker), strings.TrimSpace(endMarker))
	}
	text = text[:i+len(beginMarker)] + table + text[j:]
	return os.WriteFile(file, []byte(text), 0o644)
}

func table(w *strings.Builder, split string, res [2]*tally) {
	fmt.Fprintf(w, "| mode (%s split) | cases | link P | link R | link F1 | changed numbers found | changed quotations found | false number findings /100 | false quote findings /100 | false number or quote /100 | number findings where the references disagree | aligned sentences |\n", split)
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|")
	for k, mode := range []string{"comparable", "parallel"} {
		t := res[k]
		p := ratio(t.correct, t.pred)
		r := ratio(t.correct, t.goldLinks)
		f1 := 0.0
		if p+r > 0 {
			f1 = 2 * p * r / (p + r)
		}
		per := func(n int) float64 { return 100 * ratio(n, t.alignedSentences) }
		fmt.Fprintf(w, "| %s | %d | %.3f | %.3f | %.3f | %d/%d = %.3f | %d/%d = %.3f | %.2f (%d) | %.2f (%d) | %.2f | %d | %d of %d |\n",
			mode, t.cases, p, r, f1, t.numbersFound, t.numbers, ratio(t.numbersFound, t.numbers),
			t.quotesFound, t.quotes, ratio(t.quotesFound, t.quotes), per(t.falseNumbers), t.falseNumbers,
			per(t.falseQuotes), t.falseQuotes, per(t.falseNumbers+t.falseQuotes), t.disagreeNumbers, t.alignedSentences, t.textSents)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// sharedIndex indexes the coverage stories of every case under dir, each
// file under its case's directory name ("0007/coverage/story.txt"); a
// case's distractor is another case's story, indexed once as that story.
func sharedIndex(dir string) (*align.Index, error) {
	cases, err := simdata.Read(dir)
	if err != nil {
		return nil, err
	}
	idx := align.NewIndex()
	for _, c := range cases {
		for _, p := range c.Paths() {
			if len(c.Gold.Coverage[p]) == 0 {
				continue
			}
			if err := idx.Add(context.Background(), align.NewDocument(filepath.Join(filepath.Base(c.Dir), p), c.Files[p])); err != nil {
				return nil, err
			}
		}
	}
	return idx, nil
}

func run(dir, mode string, show bool, shared *align.Index) (*tally, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cases: %w", err)
	}
	t := &tally{}
	ctx := context.Background()
	for _, e := range entries {
		cdir := filepath.Join(dir, e.Name())
		var g simdata.Gold
		b, err := os.ReadFile(filepath.Join(cdir, "gold.json"))
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", cdir, err)
		}
		text, err := os.ReadFile(filepath.Join(cdir, "text.txt"))
		if err != nil {
			return nil, err
		}
		doc := align.NewDocument("text.txt", string(text))
		var res *align.Result
		start := time.Now()
		switch mode {
		case "comparable":
			if shared != nil {
				res, err = align.Comparable(ctx, doc, shared, align.Options{})
				if err != nil {
					return nil, fmt.Errorf("%s: %w", cdir, err)
				}
				// the case's own files by their names in the gold; other
				// cases' keep their prefix, which the gold does not know
				own := e.Name() + string(filepath.Separator)
				for k, a := range res.Alignments {
					res.Alignments[k].Target = strings.TrimPrefix(a.Target, own)
				}
				break
			}
			idx := align.NewIndex()
			for _, p := range sortedKeys(g.Coverage) {
				b, err := os.ReadFile(filepath.Join(cdir, p))
				if err != nil {
					return nil, err
				}
				if err := idx.Add(ctx, align.NewDocument(p, string(b))); err != nil {
					return nil, err
				}
			}
			res, err = align.Comparable(ctx, doc, idx, align.Options{})
		default:
			b, err := os.ReadFile(filepath.Join(cdir, "reference.txt"))
			if err != nil {
				return nil, err
			}
			res, err = align.Parallel(ctx, doc, align.NewDocument("reference.txt", string(b)), align.Options{})
			if err != nil {
				return nil, err
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", cdir, err)
		}
		t.elapsed += time.Since(start)
		t.cases++
		score(t, cdir, doc, g, res, show)
	}
	return t, nil
}

func sortedKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

var showLinks *bool

type link struct {
	seg  int
	path string
	unit int
}

func overlaps(a segment.Span, b [2]int) bool { return a.Start < b[1] && b[0] < a.End }

func score(t *tally, cdir string, doc align.Document, g simdata.Gold, res *align.Result, show bool) {
	segsOf := func(sp segment.Span) []int {
		var out []int
		for i, s := range g.TextSegs {
			if overlaps(sp, s) {
				out = append(out, i)
			}
		}
		return out
	}
	pred := map[link]bool{}
	aligned := map[int]bool{}
	for _, a := range res.Alignments {
		for _, s := range a.Source {
			aligned[s] = true
		}
		units := g.Coverage[a.Target]
		for _, i := range segsOf(a.SourceSpan) {
			// a sentence that spans several segments links each of them to
			// the units that translate it, if the target holds any
			var hit, all []int
			for u, un := range units {
				if overlaps(a.TargetSpan, un.Span) {
					all = append(all, u)
					if slices.Contains(un.Segs, i) {
						hit = append(hit, u)
					}
				}
			}
			if len(hit) > 0 {
				all = hit
			}
			for _, u := range all {
				pred[link{i, a.Target, u}] = true
			}
			if units == nil {
				pred[link{i, a.Target, -1}] = true
			}
		}
	}
	goldSet := map[link]bool{}
	for p, units := range g.Coverage {
		for u, un := range units {
			for _, i := range un.Segs {
				goldSet[link{i, p, u}] = true
			}
		}
	}
	t.pred += len(pred)
	t.goldLinks += len(goldSet)
	if *showLinks {
		unitText := func(p string, u int) string {
			if u < 0 {
				return "(distractor)"
			}
			un := g.Coverage[p][u]
			b, _ := os.ReadFile(filepath.Join(cdir, p))
			return string(b[un.Span[0]:un.Span[1]])
		}
		for l := range pred {
			if !goldSet[l] {
				fmt.Printf("FALSE LINK %s seg %d: %q\n   → %s %q\n", cdir, l.seg, doc.Seg.Text[g.TextSegs[l.seg][0]:g.TextSegs[l.seg][1]], l.path, unitText(l.path, l.unit))
			}
		}
		for l := range goldSet {
			if !pred[l] {
				fmt.Printf("MISSED LINK %s seg %d: %q\n   → %q\n", cdir, l.seg, doc.Seg.Text[g.TextSegs[l.seg][0]:g.TextSegs[l.seg][1]], unitText(l.path, l.unit))
			}
		}
	}
	for l := range pred {
		if goldSet[l] {
			t.correct++
		}
	}
	t.alignedSentences += len(aligned)
	t.textSents += len(doc.Seg.Sentences)
	hit := func(c *simdata.Change, kind report.Category) bool {
		return slices.ContainsFunc(res.Differences, func(d report.Finding) bool {
			return d.Category == kind && overlaps(segment.Span{Start: d.Span.Start, End: d.Span.End}, c.Span)
		})
	}
	if g.Number != nil {
		t.numbers++
		if hit(g.Number, report.Number) {
			t.numbersFound++
		} else if show {
			fmt.Printf("MISSED number %s: %q\n   text: %q\n", cdir, doc.Seg.Text[g.Number.Span[0]:g.Number.Span[1]], sentenceAt(doc, segment.Span{Start: g.Number.Span[0], End: g.Number.Span[1]}))
			for _, a := range res.Alignments {
				if a.SourceSpan.Start <= g.Number.Span[0] && g.Number.Span[0] < a.SourceSpan.End {
					fmt.Printf("   aligned %.2f: %q\n", a.Score, a.TargetText)
				}
			}
		}
	}
	if g.Quote != nil {
		t.quotes++
		if hit(g.Quote, report.Quote) {
			t.quotesFound++
		} else if show {
			fmt.Printf("MISSED quote %s: %q\n", cdir, doc.Seg.Text[g.Quote.Span[0]:g.Quote.Span[1]])
			for _, a := range res.Alignments {
				if a.SourceSpan.Start < g.Quote.Span[1] && g.Quote.Span[0] < a.SourceSpan.End {
					fmt.Printf("   aligned %.2f: %q\n", a.Score, a.TargetText)
				}
			}
		}
	}
	for _, d := range res.Differences {
		var c *simdata.Change
		switch d.Category {
		case report.Number:
			c = g.Number
		case report.Quote:
			c = g.Quote
		default:
			continue
		}
		if c != nil && overlaps(segment.Span{Start: d.Span.Start, End: d.Span.End}, c.Span) {
			continue
		}
		if d.Category == report.Number && slices.ContainsFunc(g.NumbersDisagree, func(i int) bool {
			return overlaps(segment.Span{Start: d.Span.Start, End: d.Span.End}, g.TextSegs[i])
		}) {
			t.disagreeNumbers++
			continue
		}
		if d.Category == report.Number {
			t.falseNumbers++
		} else {
			t.falseQuotes++
		}
		if show {
			ev := ""
			if len(d.Evidence) > 0 {
				ev = d.Evidence[0].Text
			}
			fmt.Printf("FALSE %s %s: %q → %q\n   text: %q\n   coverage: %q\n", d.Rule, cdir, d.Text, strings.Join(d.Suggestions, "|"),
				sentenceAt(doc, segment.Span{Start: d.Span.Start, End: d.Span.End}), ev)
		}
	}
}

func sentenceAt(doc align.Document, sp segment.Span) string {
	for _, s := range doc.Seg.Sentences {
		if s.Span.Start <= sp.Start && sp.Start < s.Span.End {
			return doc.Seg.Slice(s.Span)
		}
	}
	return ""
}
