// Command eval measures the place-name checks on a hand-labelled set of
// real English sentences and passages (see ../EVALUATION.md): recall of
// Russian-derived and garbled spellings, how often the preferred spelling
// is the first suggestion, false alarms per 10,000 words of
// English-original news, and place-like words that are not places.
//
// The labelled text is third-party and stays outside the repository:
//
//	go run ./internal/placecheck/eval -data /work/data/placeseval -split dev
//
// Each run on the test half is logged in DATA/test-looks.log, and the
// count is printed with the figures, so that every look is on record.
// With -write FILE -label NAME the figures replace the section NAME of
// FILE (or are appended to it).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/transcheck/transcheck"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	data := fl.String("data", "", "directory holding dev.jsonl and test.jsonl")
	split := fl.String("split", "dev", "which half to measure: dev or test")
	label := fl.String("label", "run", "name of this measurement, e.g. baseline")
	write := fl.String("write", "", "markdown file whose section -label gets the figures")
	verbose := fl.Bool("v", false, "list every miss and false alarm (dev only)")
	workers := fl.Int("j", 2, "documents checked at once")
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
		return errors.New("-v lists individual test items: look at the development half instead")
	}
	f, err := os.Open(filepath.Join(*data, *split+".jsonl"))
	if err != nil {
		return err
	}
	items, err := readItems(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", f.Name(), err)
	}
	looks := 0
	if *split == "test" {
		if looks, err = logLook(*data, *label); err != nil {
			return err
		}
	}
	c, err := transcheck.New(transcheck.Options{})
	if err != nil {
		return err
	}
	start := time.Now()
	results, err := check(context.Background(), c, items, *workers)
	if err != nil {
		return err
	}
	s := Score(results)
	section := render(s, *label, *split, looks, time.Since(start))
	fmt.Fprint(stdout, section)
	if *verbose {
		for _, m := range s.Misses {
			fmt.Fprintln(stderr, m)
		}
	}
	if *write != "" {
		return writeSection(*write, *label+" "+*split, section)
	}
	return nil
}

// check runs the checker on every item, a few at a time; a Checker is
// safe for concurrent use.
func check(ctx context.Context, c *transcheck.Checker, items []Item, workers int) ([]Result, error) {
	if workers < 1 {
		workers = 1
	}
	results := make([]Result, len(items))
	errs := make([]error, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				it := items[i]
				rep, err := c.Check(ctx, transcheck.Document{Path: it.ID, Data: []byte(it.Text)})
				if err != nil {
					errs[i] = fmt.Errorf("check %s: %w", it.ID, err)
					continue
				}
				d := rep.Documents[0]
				results[i] = Result{Item: it, Findings: d.Findings, Verdict: d.MachineTranslation.Verdict}
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return results, errors.Join(errs...)
}

// logLook records a look at the test half and returns how many there have
// been, this one included.
func logLook(dir, label string) (int, error) {
	path := filepath.Join(dir, "test-looks.log")
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, err
	}
	_, err = fmt.Fprintf(f, "%s\t%s\t%s\n", time.Now().UTC().Format(time.RFC3339), label, commit())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strings.Count(string(b), "\n"), nil
}

// commit names the checked-out commit, or "unknown".
func commit() string {
	out, err := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

func render(s Scores, label, split string, looks int, took time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s, %s half\n\n", label, split)
	fmt.Fprintf(&b, "Commit %s, measured %s, %d items from %d sources, checked in %.0f s.\n",
		commit(), time.Now().UTC().Format("2006-01-02 15:04 MST"), s.Items, s.Sources, took.Seconds())
	if split == "test" {
		fmt.Fprintf(&b, "Looks at the test half so far, this one included: %d.\n", looks)
	}
	b.WriteString("\n| measure | figure | target |\n| --- | --- | --- |\n")
	row := func(name, fig, target string) { fmt.Fprintf(&b, "| %s | %s | %s |\n", name, fig, target) }
	row("Russian-derived and variant spellings flagged (recall)", frac(s.Variant.Found, s.Variant.Total), "")
	row("… with the preferred spelling first", frac(s.Variant.RightFirst, s.Variant.Total), "≥ 0.97")
	row("Garbled and transliterated names flagged (recall)", frac(s.Garbled.Found, s.Garbled.Total), "≥ 0.85")
	row("… with the preferred spelling first", frac(s.Garbled.RightFirst, s.Garbled.Total), "≥ 0.75")
	row("Warnings and errors per 10,000 words of English originals, all rules",
		fmt.Sprintf("%.1f (%d in %d words)", s.AlarmsPer10k(), s.OriginalAlarms, s.OriginalWords), "≤ 1")
	row("… place-name rules only", fmt.Sprintf("%.1f (%d)", s.PlaceAlarmsPer10k(), s.OriginalPlace), "")
	row("English originals called machine-translated", fmt.Sprintf("%d of %d", s.OriginalMachine, s.OriginalItems), "0")
	row("Place-like words that are not places, flagged by a place rule", fmt.Sprintf("%d of %d", s.NotPlaceFlagged, s.NotPlace), "0")
	row("Preferred spellings given a place-name warning or error", fmt.Sprintf("%d of %d", s.CorrectFlagged, s.Correct), "0")
	b.WriteString("\n")
	return b.String()
}

func frac(a, n int) string { return fmt.Sprintf("%.2f (%d of %d)", ratio(a, n), a, n) }

// writeSection replaces the section called name in the markdown file at
// path, between marker comments, or appends it.
func writeSection(path, name, section string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	begin, end := "<!-- begin "+name+" -->\n", "<!-- end "+name+" -->\n"
	text := string(b)
	block := begin + section + end
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i >= 0 && j > i {
		text = text[:i] + block + text[j+len(end):]
	} else {
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		text += "\n" + block
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
