// Command webeval measures the public checker on real web news pages: English
// pages that were machine-translated (the page or its site says so, or the
// text shows it), English originals on the same stories, and human
// translations where a page labels one. It runs transcheck.New with default
// options and Check, no coverage, on each page of the split asked for, and
// prints
//
//   - the verdict counts (machine, uncertain, human) per kind of page, and the
//     originals called machine by name;
//   - the document AUC of the verdict score, machine translations against
//     originals and against human translations;
//   - the recall of the garbled passages marked by hand in the machine
//     translations: a passage counts as found when a garbled finding overlaps
//     it, counted for findings of severity warning or error and for findings
//     of any severity; and how many of the garbled warnings and errors in the
//     machine translations lie on a marked passage;
//   - garbled warnings and errors per 1,000 words of the originals, and the
//     place-name findings on the originals.
//
// The pages are third-party text and stay outside the repository (format in
// the data directory's README):
//
//	go run ./internal/webeval -data /work/data/webmt -split dev
//
// The test split is for the final figures: each run on it is appended to
// test-runs.log in the data directory and the count of runs so far is
// printed. -v (every page, every marked passage) is refused on test.
package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/report"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "webeval:", err)
		os.Exit(2)
	}
}

// The kinds of page.
const (
	kindMT       = "mt"
	kindOriginal = "original"
	kindHuman    = "human-translation"
)

var kinds = []string{kindMT, kindOriginal, kindHuman}

// span is a passage marked garbled by hand: byte offsets into the text.
type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// page is one row of the data file.
type page struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Site  string `json:"site"`
	Lang  string `json:"lang"`
	Kind  string `json:"kind"`
	Split string `json:"split"`
	// Basis says what the label rests on: for machine translations
	// "page" (a notice on the page), "site" (a site that publishes
	// automatic translations) or "text" (the translation shows in the
	// text of an unlabelled republisher); for the others, "outlet".
	Basis   string `json:"basis"`
	Text    string `json:"text"`
	Garbled []span `json:"garbled"`
}

func (p page) words() int { return len(strings.Fields(p.Text)) }

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("webeval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	data := fl.String("data", "", "directory holding the pages file")
	file := fl.String("file", "pages.jsonl", "JSON-lines file in -data")
	split := fl.String("split", "", "pages to measure: dev or test")
	workers := fl.Int("j", 2, "pages checked at once")
	verbose := fl.Bool("v", false, "list every page and every marked passage (dev only)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return errors.New("-data is required")
	}
	if *split != "dev" && *split != "test" {
		return fmt.Errorf("-split %q: want dev or test", *split)
	}
	if *verbose && *split == "test" {
		return errors.New("-v lists the test pages one by one; use it on dev only")
	}
	path := filepath.Join(*data, *file)
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	pages, err := readPages(strings.NewReader(string(raw)), *split)
	if err != nil {
		return fmt.Errorf("%s: %w", *file, err)
	}
	if len(pages) == 0 {
		return fmt.Errorf("%s: no pages in split %q", *file, *split)
	}
	sum := sha256.Sum256(raw)
	looks := 0
	if *split == "test" {
		if looks, err = logTestRun(*data, hex.EncodeToString(sum[:8])); err != nil {
			return err
		}
	}
	res, err := measure(context.Background(), pages, *workers)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s (sha256 %x…) split %s\n", *file, sum[:8], *split)
	if looks > 0 {
		fmt.Fprintf(stdout, "test split run %d time(s) so far (test-runs.log)\n", looks)
	}
	write(stdout, res)
	if *verbose {
		writePages(stdout, res)
	}
	return nil
}

// readPages returns the pages of split, checking each row: a known kind, a
// text, and marked passages that lie inside the text and repeat its bytes.
func readPages(r io.Reader, split string) ([]page, error) {
	var out []page
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p page
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if err := p.validate(); err != nil {
			return nil, fmt.Errorf("line %d (%s): %w", n, p.ID, err)
		}
		if p.Split == split {
			out = append(out, p)
		}
	}
	return out, sc.Err()
}

func (p page) validate() error {
	if p.ID == "" {
		return errors.New("no id")
	}
	if !contains(kinds, p.Kind) {
		return fmt.Errorf("kind %q: want one of %s", p.Kind, strings.Join(kinds, ", "))
	}
	if p.Split != "dev" && p.Split != "test" {
		return fmt.Errorf("split %q: want dev or test", p.Split)
	}
	if strings.TrimSpace(p.Text) == "" {
		return errors.New("empty text")
	}
	for _, g := range p.Garbled {
		if g.Start < 0 || g.End <= g.Start || g.End > len(p.Text) {
			return fmt.Errorf("garbled span %d-%d outside the text (%d bytes)", g.Start, g.End, len(p.Text))
		}
		if g.Text != "" && p.Text[g.Start:g.End] != g.Text {
			return fmt.Errorf("garbled span %d-%d reads %q, marked %q", g.Start, g.End, p.Text[g.Start:g.End], g.Text)
		}
	}
	return nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// logTestRun appends a line for this run to test-runs.log in dir and
// returns how many runs the log holds.
func logTestRun(dir, sum string) (int, error) {
	name := filepath.Join(dir, "test-runs.log")
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, err
	}
	_, err = fmt.Fprintf(f, "%s data-sha256 %s\n", time.Now().UTC().Format(time.RFC3339), sum)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	return strings.Count(string(b), "\n"), nil
}

// checked is a page with what the checker said of it.
type checked struct {
	page
	Verdict  report.Verdict
	Score    float64
	Findings []report.Finding
}

// measure checks every page with the public checker, workers at once.
func measure(ctx context.Context, pages []page, workers int) ([]checked, error) {
	c, err := transcheck.New(transcheck.Options{})
	if err != nil {
		return nil, err
	}
	workers = max(workers, 1)
	out := make([]checked, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := pages[i]
				rep, err := c.Check(ctx, transcheck.Document{Path: p.ID, Data: []byte(p.Text)})
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", p.ID, err)
					continue
				}
				if len(rep.Documents) != 1 {
					errs[i] = fmt.Errorf("%s: report has %d documents, want 1", p.ID, len(rep.Documents))
					continue
				}
				d := rep.Documents[0]
				out[i] = checked{p, d.MachineTranslation.Verdict, d.MachineTranslation.Score, d.Findings}
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, errors.Join(errs...)
}

// auc returns the probability that a random positive scores above a random
// negative (ties count half), and false when either side is empty.
func auc(pos, neg []float64) (float64, bool) {
	if len(pos) == 0 || len(neg) == 0 {
		return 0, false
	}
	var s float64
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				s++
			case p == n:
				s += 0.5
			}
		}
	}
	return s / float64(len(pos)*len(neg)), true
}

// overlaps reports whether a finding's span shares a byte with g.
func overlaps(f report.Finding, g span) bool {
	return f.Span.Start < g.End && g.Start < f.Span.End
}

// serious reports whether a finding is a warning or an error.
func serious(f report.Finding) bool { return f.Severity.Rank() >= report.Warning.Rank() }

// recall counts the marked passages of pages and those a garbled finding
// overlaps: of severity warning or error (warn), of any severity (anyFound).
func recall(pages []checked) (marked, warn, anyFound int) {
	for _, p := range pages {
		for _, g := range p.Garbled {
			marked++
			w, a := found(p.Findings, g)
			if w {
				warn++
			}
			if a {
				anyFound++
			}
		}
	}
	return marked, warn, anyFound
}

// found reports whether a garbled finding overlaps g: one of severity
// warning or error (warn), one of any severity (anyFound).
func found(fs []report.Finding, g span) (warn, anyFound bool) {
	for _, f := range fs {
		if f.Category != report.Garbled || !overlaps(f, g) {
			continue
		}
		anyFound = true
		if serious(f) {
			warn = true
		}
	}
	return warn, anyFound
}

func ofKind(pages []checked, kind string) []checked {
	var out []checked
	for _, p := range pages {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

func scores(pages []checked) []float64 {
	out := make([]float64, len(pages))
	for i, p := range pages {
		out[i] = p.Score
	}
	return out
}

// precision counts the garbled warnings and errors of pages, those that
// overlap a marked passage, and the pages' words. Marking was conservative,
// so a finding off the marks is not necessarily wrong: read the share as a
// lower bound.
func precision(pages []checked) (flagged, onMarked, words int) {
	for _, p := range pages {
		words += p.words()
		for _, f := range p.Findings {
			if f.Category != report.Garbled || !serious(f) {
				continue
			}
			flagged++
			for _, g := range p.Garbled {
				if overlaps(f, g) {
					onMarked++
					break
				}
			}
		}
	}
	return flagged, onMarked, words
}

// per1000 formats n per 1,000 of words.
func per1000(n, words int) string {
	if words == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", float64(n)*1000/float64(words))
}

func ratio(n, d int) string {
	if d == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", float64(n)/float64(d))
}

func write(w io.Writer, pages []checked) {
	fmt.Fprintln(w, "\nverdicts by kind (pages, words: machine / uncertain / human):")
	for _, k := range kinds {
		ps := ofKind(pages, k)
		n := map[report.Verdict]int{}
		words := 0
		for _, p := range ps {
			n[p.Verdict]++
			words += p.words()
		}
		fmt.Fprintf(w, "  %-18s %3d pages %6d words: %3d / %3d / %3d\n", k, len(ps), words, n[report.Machine], n[report.Uncertain], n[report.Human])
	}
	mt, orig, ht := ofKind(pages, kindMT), ofKind(pages, kindOriginal), ofKind(pages, kindHuman)
	var called []string
	for _, p := range orig {
		if p.Verdict == report.Machine {
			called = append(called, p.ID)
		}
	}
	fmt.Fprintf(w, "originals called machine: %d of %d %v\n", len(called), len(orig), called)

	fmt.Fprintln(w, "\ndocument AUC of the score:")
	for _, neg := range []struct {
		name  string
		pages []checked
	}{{"originals", orig}, {"human translations", ht}} {
		if a, ok := auc(scores(mt), scores(neg.pages)); ok {
			fmt.Fprintf(w, "  machine translations vs %-18s %.3f (%d vs %d pages)\n", neg.name, a, len(mt), len(neg.pages))
		} else {
			fmt.Fprintf(w, "  machine translations vs %-18s n/a (%d vs %d pages)\n", neg.name, len(mt), len(neg.pages))
		}
	}

	fmt.Fprintln(w, "\nmachine translations by source language (pages: machine / uncertain / human):")
	writeVerdicts(w, mt, func(p checked) string { return p.Lang })
	fmt.Fprintln(w, "machine translations by what the label rests on (pages: machine / uncertain / human):")
	writeVerdicts(w, mt, func(p checked) string { return p.Basis })

	marked, warn, anyFound := recall(mt)
	fmt.Fprintf(w, "\ngarbled passages marked by hand in machine translations: %d\n", marked)
	fmt.Fprintf(w, "  overlapped by a garbled warning or error: %d (recall %s)\n", warn, ratio(warn, marked))
	fmt.Fprintf(w, "  overlapped by a garbled finding of any severity: %d (recall %s)\n", anyFound, ratio(anyFound, marked))
	flagged, onMarked, mtWords := precision(mt)
	fmt.Fprintf(w, "garbled warnings+errors in machine translations: %d (%s per 1,000 words); on a marked passage: %d (%s)\n",
		flagged, per1000(flagged, mtWords), onMarked, ratio(onMarked, flagged))

	words, garbled, places, placesAny := 0, 0, 0, 0
	for _, p := range orig {
		words += p.words()
		for _, f := range p.Findings {
			switch f.Category {
			case report.Garbled:
				if serious(f) {
					garbled++
				}
			case report.PlaceName:
				placesAny++
				if serious(f) {
					places++
				}
			}
		}
	}
	fmt.Fprintf(w, "\non originals (%d words): garbled warnings+errors %d = %s per 1,000 words\n", words, garbled, per1000(garbled, words))
	fmt.Fprintf(w, "  place-name findings: %d warnings+errors, %d of any severity\n", places, placesAny)
}

// writeVerdicts prints the verdict counts of pages grouped by key.
func writeVerdicts(w io.Writer, pages []checked, key func(checked) string) {
	groups := map[string][3]int{}
	for _, p := range pages {
		c := groups[key(p)]
		switch p.Verdict {
		case report.Machine:
			c[0]++
		case report.Uncertain:
			c[1]++
		default:
			c[2]++
		}
		groups[key(p)] = c
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := groups[k]
		fmt.Fprintf(w, "  %-5s %2d: %2d / %2d / %2d\n", k, c[0]+c[1]+c[2], c[0], c[1], c[2])
	}
}

// writePages lists every page with its verdict and findings, and every marked
// passage with whether a garbled finding overlaps it.
func writePages(w io.Writer, pages []checked) {
	fmt.Fprintln(w, "\npages (id, kind, lang, verdict, score, site):")
	for _, p := range pages {
		fmt.Fprintf(w, "  %s %-17s %s %-9s %.3f %s\n", p.ID, p.Kind, p.Lang, p.Verdict, p.Score, p.Site)
		for _, f := range p.Findings {
			if p.Kind == kindMT && f.Category != report.Garbled {
				continue
			}
			fmt.Fprintf(w, "      finding %s %s %q\n", f.Severity, f.Rule, f.Text)
		}
		for _, g := range p.Garbled {
			warn, anyFound := found(p.Findings, g)
			mark := "missed"
			switch {
			case warn:
				mark = "found (warning+)"
			case anyFound:
				mark = "found (info)"
			}
			fmt.Fprintf(w, "      marked %-16s %q\n", mark, g.Text)
		}
	}
}
