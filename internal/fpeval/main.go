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
// -file picks another file in -data (e.g. brown.jsonl with -split eval).
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
	ID    string   `json:"id"`
	Split string   `json:"split"`
	Kind  string   `json:"kind"`
	Segs  []string `json:"segs"`
}

// alarm is one warning or error found in an original.
type alarm struct {
	Doc, Rule, Category, Text, Message string
}

// result holds the measurement of one split.
type result struct {
	Docs, Words, Machine int
	MachineIDs           []string
	Alarms               []alarm
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
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return errors.New("-data is required")
	}
	if *split == "test" {
		return errors.New("-split test: the test rows are reserved; use train or dev")
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
	var res result
	for i, rep := range reps {
		if errs[i] != nil {
			return result{}, fmt.Errorf("%s: %w", rows[i].ID, errs[i])
		}
		res.Docs++
		for _, s := range rows[i].Segs {
			res.Words += len(strings.Fields(s))
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
				res.Alarms = append(res.Alarms, alarm{rows[i].ID, fd.Rule, string(fd.Category), fd.Text, fd.Message})
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
