// Command fpeval measures false alarms on English-original text: it runs
// the public checker (transcheck.New, Check, no coverage) on every row of
// a JSON-lines corpus whose "kind" is "orig" and whose "split" is the one
// asked for, and reports warnings and errors per 10,000 words by rule and
// by category, how many documents are called machine, and the most
// frequent firing examples (rule, text, message) to read.
//
// The corpus is third-party text and stays outside the repository:
//
//	go run ./internal/fpeval -data /work/data/mtdoc -split dev
//
// Rows with "split": "test" are refused: tune on train, confirm on dev.
// -file picks another file in -data (e.g. brown.jsonl with -split eval, or
// pool.jsonl, the web-news pool of /work/data/fp3, with -split tune|dev).
// -heldout allows -split test for the one final look a model or change
// gets; each such run appends a line to test-looks.log in -data. Rows may
// name their "source" (e.g. "web", "wsj1989"); the figures are then also
// given by source.
package main

import (
	"bufio"
	"context"
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
		fmt.Fprintln(os.Stderr, "fpeval:", err)
		os.Exit(2)
	}
}

// row is one document of the corpus.
type row struct {
	ID    string `json:"id"`
	Split string `json:"split"`
	Kind  string `json:"kind"`
	// Source names where the row comes from; optional.
	Source string   `json:"source"`
	Segs   []string `json:"segs"`
}

// alarm is one warning or error found in an original.
type alarm struct {
	Doc, Source, Rule, Category, Text, Message string
}

// result holds the measurement of one split.
type result struct {
	Docs, Words, Machine int
	MachineIDs           []string
	Alarms               []alarm
	// SourceWords counts the words of each named source.
	SourceWords map[string]int
}

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("fpeval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	data := fl.String("data", "", "directory holding the corpus file")
	file := fl.String("file", "docs.jsonl", "JSON-lines file in -data")
	split := fl.String("split", "dev", "rows to measure: train, dev or eval (never test)")
	top := fl.Int("top", 20, "firing examples listed")
	workers := fl.Int("j", 2, "documents checked at once")
	verbose := fl.Bool("v", false, "list every warning and error with its document")
	heldout := fl.Bool("heldout", false, "allow -split test (the final look; logged in -data/test-looks.log)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return errors.New("-data is required")
	}
	if *split == "test" && !*heldout {
		return errors.New("-split test: the test rows are reserved; use train or dev (or -heldout for the final look)")
	}
	f, err := os.Open(filepath.Join(*data, *file))
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := readRows(f, *split)
	if err != nil {
		return fmt.Errorf("%s: %w", *file, err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("%s: no original rows in split %q", *file, *split)
	}
	if *split == "test" {
		if err := logLook(filepath.Join(*data, "test-looks.log"), *file); err != nil {
			return err
		}
		fmt.Fprintln(stderr, "fpeval: looking at the held-out test rows; logged in test-looks.log")
	}
	res, err := measure(context.Background(), rows, *workers)
	if err != nil {
		return err
	}
	write(stdout, *file, *split, res, *top)
	if *verbose {
		fmt.Fprintln(stdout, "\nevery warning and error (document, rule, text):")
		for _, a := range res.Alarms {
			fmt.Fprintf(stdout, "  %s\t%s\t%s\n", a.Doc, a.Rule, a.Text)
		}
	}
	return nil
}

// logLook appends one line saying when which file's test rows were read.
func logLook(path, file string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(f, "%s fpeval -split test -file %s\n", time.Now().UTC().Format(time.RFC3339), file)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// readRows returns the English-original rows of split.
func readRows(r io.Reader, split string) ([]row, error) {
	var rows []row
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var x row
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if x.Kind == "orig" && x.Split == split {
			rows = append(rows, x)
		}
	}
	return rows, sc.Err()
}

// measure checks every row with the public checker, workers at once.
func measure(ctx context.Context, rows []row, workers int) (result, error) {
	c, err := transcheck.New(transcheck.Options{})
	if err != nil {
		return result{}, err
	}
	if workers < 1 {
		workers = 1
	}
	reps := make([]*report.Report, len(rows))
	errs := make([]error, len(rows))
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				doc := transcheck.Document{Path: rows[i].ID, Data: []byte(strings.Join(rows[i].Segs, "\n"))}
				reps[i], errs[i] = c.Check(ctx, doc)
			}
		}()
	}
	for i := range rows {
		next <- i
	}
	close(next)
	wg.Wait()
	res := result{SourceWords: map[string]int{}}
	for i, rep := range reps {
		if errs[i] != nil {
			return result{}, fmt.Errorf("%s: %w", rows[i].ID, errs[i])
		}
		res.Docs++
		for _, s := range rows[i].Segs {
			n := len(strings.Fields(s))
			res.Words += n
			if rows[i].Source != "" {
				res.SourceWords[rows[i].Source] += n
			}
		}
		for _, d := range rep.Documents {
			if d.MachineTranslation.Verdict == report.Machine {
				res.Machine++
				res.MachineIDs = append(res.MachineIDs, rows[i].ID)
			}
			for _, fd := range d.Findings {
				if fd.Severity != report.Warning && fd.Severity != report.Error {
					continue
				}
				res.Alarms = append(res.Alarms, alarm{rows[i].ID, rows[i].Source, fd.Rule, string(fd.Category), fd.Text, fd.Message})
			}
		}
	}
	return res, nil
}

// per10k returns n per 10,000 of words.
func per10k(n, words int) float64 {
	if words == 0 {
		return 0
	}
	return float64(n) * 10000 / float64(words)
}

type count struct {
	key string
	n   int
}

func tally(keys []string) []count {
	m := map[string]int{}
	for _, k := range keys {
		m[k]++
	}
	var out []count
	for k, n := range m {
		out = append(out, count{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].key < out[j].key
	})
	return out
}

func write(w io.Writer, file, split string, res result, top int) {
	fmt.Fprintf(w, "%s split %s: %d English originals, %d words\n", file, split, res.Docs, res.Words)
	fmt.Fprintf(w, "warnings+errors: %d = %.1f per 10,000 words\n", len(res.Alarms), per10k(len(res.Alarms), res.Words))
	fmt.Fprintf(w, "called machine: %d of %d %v\n", res.Machine, res.Docs, res.MachineIDs)
	var rules, cats, ex []string
	for _, a := range res.Alarms {
		rules = append(rules, a.Rule)
		cats = append(cats, a.Category)
		ex = append(ex, a.Rule+"\t"+a.Text+"\t"+a.Message)
	}
	if len(res.SourceWords) > 0 {
		bySource := map[string]int{}
		for _, a := range res.Alarms {
			bySource[a.Source]++
		}
		names := make([]string, 0, len(res.SourceWords))
		for k := range res.SourceWords {
			names = append(names, k)
		}
		sort.Strings(names)
		fmt.Fprintln(w, "\nby source (words, warnings+errors, per 10,000 words):")
		for _, k := range names {
			fmt.Fprintf(w, "  %-16s %7d %5d  %6.2f\n", k, res.SourceWords[k], bySource[k], per10k(bySource[k], res.SourceWords[k]))
		}
	}
	fmt.Fprintln(w, "\nby category (per 10,000 words):")
	for _, c := range tally(cats) {
		fmt.Fprintf(w, "  %-16s %5d  %6.2f\n", c.key, c.n, per10k(c.n, res.Words))
	}
	fmt.Fprintln(w, "\nby rule (per 10,000 words):")
	for _, c := range tally(rules) {
		fmt.Fprintf(w, "  %-32s %5d  %6.2f\n", c.key, c.n, per10k(c.n, res.Words))
	}
	fmt.Fprintf(w, "\ntop firing examples (count, rule, text, message):\n")
	for i, c := range tally(ex) {
		if i == top {
			break
		}
		fmt.Fprintf(w, "  %3d  %s\n", c.n, c.key)
	}
}
