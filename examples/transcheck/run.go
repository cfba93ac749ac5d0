package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/report"
	"github.com/transcheck/transcheck/seeds"
)

// Exit codes, as Vale uses them.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// multiFlag collects a repeatable flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

type config struct {
	format    string
	out       string
	failOn    report.Severity
	coverage  multiFlag
	covIndex  string
	reference string
	maxBytes  int64
	languages string
	style     string
	geonames  string
	serve     string
	files     []string
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("transcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := &config{}
	fs.StringVar(&c.format, "format", "text", "output format: "+strings.Join(report.Formats(), "|"))
	fs.StringVar(&c.out, "o", "", "write the report to `FILE` instead of standard output")
	failOn := fs.String("fail-on", "error", "exit 1 when a finding is at or above this `severity` (error|warning|info)")
	fs.Var(&c.coverage, "coverage", "coverage `PATH` (file or directory) to align against; repeatable")
	fs.StringVar(&c.covIndex, "coverage-index", "", "coverage index `DIR` written by 'transcheck index' to align against, also for -serve (with -coverage, those files are added to it for this run)")
	fs.StringVar(&c.reference, "reference", "", "reference translation `FILE` to align against sentence by sentence")
	fs.Int64Var(&c.maxBytes, "max-bytes", transcheck.DefaultMaxBytes, "largest input file in `bytes`")
	fs.StringVar(&c.languages, "languages", "", "comma-separated ISO 639-1 `codes` for language identification (default: a small built-in set)")
	fs.StringVar(&c.style, "style", "", "user gazetteer and style `FILE` (add names, prefer spellings, allow words)")
	fs.StringVar(&c.geonames, "geonames", "", "GeoNames tab-separated extract `FILE` to add to the gazetteer")
	fs.StringVar(&c.serve, "serve", "", "serve a LanguageTool-compatible API on `ADDR` (such as 127.0.0.1:8081) instead of checking files")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: transcheck [flags] [FILE...]\n       transcheck index -o DIR PATH...\n\nWith no FILE, checks the bundled seed documents, each against the others.\n'transcheck index' saves a coverage index for -coverage-index (see 'transcheck index -h').\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	sev, ok := report.ParseSeverity(*failOn)
	if !ok {
		return nil, fmt.Errorf("-fail-on: unknown severity %q (want error, warning or info)", *failOn)
	}
	c.failOn = sev
	if !contains(report.Formats(), c.format) {
		return nil, fmt.Errorf("-format: unknown format %q (want one of %s)", c.format, strings.Join(report.Formats(), ", "))
	}
	if c.maxBytes <= 0 {
		return nil, fmt.Errorf("-max-bytes: must be positive, got %d", c.maxBytes)
	}
	c.files = fs.Args()
	if c.reference != "" && len(c.files) == 0 {
		return nil, errors.New("-reference: give the FILE to check against the reference (usage: transcheck -reference REF FILE...)")
	}
	if c.reference != "" && c.covIndex != "" {
		return nil, errors.New("-reference and -coverage-index: choose one: a text is aligned either in order with a reference or in any order with coverage")
	}
	if c.reference != "" && len(c.coverage) > 0 {
		return nil, errors.New("-reference and -coverage: choose one: a text is aligned either in order with a reference or in any order with coverage")
	}
	if c.reference != "" && c.serve != "" {
		return nil, errors.New("-reference and -serve: the server checks against -coverage, not a reference")
	}
	return c, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// run is the whole command, with its streams and arguments passed in so
// tests can drive it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "index" {
		return runIndex(ctx, args[1:], stdout, stderr)
	}
	c, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		printError(stderr, "", "", err)
		return exitError
	}
	failed := false
	fail := func(path string, err error) {
		failed = true
		printError(stderr, c.format, path, err)
	}

	opts := transcheck.Options{MaxBytes: c.maxBytes, StyleFile: c.style, GeoNamesFile: c.geonames}
	if c.languages != "" {
		opts.Languages = strings.Split(c.languages, ",")
	}
	checker, err := transcheck.New(opts)
	if err != nil {
		fail("", err)
		return exitError
	}
	if c.serve != "" {
		if err := serve(ctx, checker, c, stderr); err != nil {
			fail("", err)
			return exitError
		}
		return exitOK
	}

	// notices carry the inputs that could not be used into the report, so
	// that JSON and SARIF consumers see them as well as the terminal.
	var notices []report.Notice
	docs, errs := loadDocuments(c.files)
	for _, e := range errs {
		fail(e.path, e.err)
		notices = append(notices, report.Notice{Path: e.path, Message: "not checked: " + e.err.Error()})
	}
	var coverage []transcheck.Document
	explicit := len(c.coverage) > 0
	if explicit {
		var cerrs []loadError
		coverage, cerrs = loadPaths(c.coverage)
		for _, e := range cerrs {
			fail(e.path, fmt.Errorf("coverage: %w", e.err))
			notices = append(notices, report.Notice{Path: e.path, Message: "coverage left out: " + e.err.Error()})
		}
	}
	var reference *transcheck.Document
	if c.reference != "" {
		ref, rerrs := loadPaths([]string{c.reference})
		for _, e := range rerrs {
			fail(e.path, fmt.Errorf("reference: %w", e.err))
		}
		if len(ref) == 1 {
			reference = &ref[0]
		}
	}

	// One coverage index serves every check: with explicit -coverage it
	// holds those documents; otherwise it holds the files being checked,
	// and each is checked against the others (a document never aligns
	// with itself).
	var cov *transcheck.Coverage
	if c.covIndex != "" {
		if cov, err = transcheck.OpenCoverageOptions(c.covIndex, c.maxBytes); err != nil {
			fail("", err)
			return exitError
		}
		if explicit {
			for _, e := range coverageErrors(cov.Add(ctx, coverage...)) {
				fail(e.path, e.err)
			}
		}
	} else if reference == nil {
		if explicit {
			cov, err = checker.NewCoverage(ctx, coverage...)
			// Each document left out is an error of its own; the reports
			// made against cov carry them as notices.
			for _, e := range coverageErrors(err) {
				fail(e.path, e.err)
			}
		} else if len(docs) > 1 {
			// Unreadable files are reported once, by their own check below.
			// A file alone has no others to align with: no index.
			cov, _ = checker.NewCoverage(ctx, docs...)
		}
	}
	// The Checker is safe for concurrent use: check the files on every
	// core, and report them in the order given.
	results := make([]*report.Report, len(docs))
	checkErrs := make([]error, len(docs))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	prog := newProgress(stderr, "files checked", len(docs))
	for i, d := range docs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { prog.add(1, int64(len(d.Data))); <-sem; wg.Done() }()
			if reference != nil {
				results[i], checkErrs[i] = checker.CheckReference(ctx, d, *reference)
			} else {
				results[i], checkErrs[i] = checker.CheckCoverage(ctx, d, cov)
			}
		}()
	}
	wg.Wait()
	prog.finish()
	rep := &report.Report{SchemaVersion: report.SchemaVersion, Notices: notices}
	for i, d := range docs {
		if checkErrs[i] != nil {
			fail(d.Path, checkErrs[i])
			rep.Notices = append(rep.Notices, report.Notice{Path: d.Path, Message: "not checked: " + checkErrs[i].Error()})
			continue
		}
		rep.Add(results[i])
	}

	if err := writeReport(rep, c, stdout); err != nil {
		fail(c.out, err)
		return exitError
	}
	switch {
	case failed:
		return exitError
	case len(c.files) == 0:
		// The bundled seeds are a demonstration: their findings are the
		// point, not a failure of the run.
		printNote(stderr, c.format, demoNote(rep, c.failOn))
		return exitOK
	case atOrAbove(rep, c.failOn):
		return exitFindings
	}
	return exitOK
}

// demoNote closes a run on the bundled seeds: what was found, and how the
// exit code works when the user checks their own files.
func demoNote(r *report.Report, failOn report.Severity) string {
	n, at := 0, 0
	for _, d := range r.Documents {
		n += len(d.Findings)
		for _, f := range d.Findings {
			if f.Severity.Rank() >= failOn.Rank() {
				at++
			}
		}
	}
	return fmt.Sprintf("checked the %d bundled sample documents: %d findings, %d at or above %s. "+
		"This demonstration exits 0. On your own files (transcheck FILE...) the exit code is "+
		"1 when a finding is at or above -fail-on (%s), 2 when a file cannot be read, 0 otherwise.",
		len(r.Documents), n, at, failOn, failOn)
}

func atOrAbove(r *report.Report, s report.Severity) bool {
	return r.Worst().Rank() >= s.Rank() && r.Worst() != ""
}

func writeReport(r *report.Report, c *config, stdout io.Writer) (err error) {
	w := stdout
	if c.out != "" {
		f, err := os.Create(c.out)
		if err != nil {
			return err // "open FILE: reason"
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}()
		w = f
	}
	return report.Write(w, r, c.format)
}

// printError writes an error to stderr: as a JSON object when the output
// format is JSON, so tools that parse the output can parse errors too.
func printError(stderr io.Writer, format, path string, err error) {
	if format == "json" {
		b, _ := json.Marshal(struct {
			Error string `json:"error"`
			Path  string `json:"path,omitempty"`
		}{err.Error(), path})
		fmt.Fprintf(stderr, "%s\n", b)
		return
	}
	fmt.Fprintf(stderr, "transcheck: %v\n", err)
}

// printNote writes a closing remark to stderr, as a JSON object when the
// output format is JSON.
func printNote(stderr io.Writer, format, note string) {
	if format == "json" {
		b, _ := json.Marshal(struct {
			Note string `json:"note"`
		}{note})
		fmt.Fprintf(stderr, "%s\n", b)
		return
	}
	fmt.Fprintf(stderr, "transcheck: %s\n", note)
}

type loadError struct {
	path string
	err  error
}

// coverageErrors splits NewCoverage's error into one error per document
// left out, each with the path it names.
func coverageErrors(err error) []loadError {
	if err == nil {
		return nil
	}
	var ce *transcheck.CoverageError
	if !errors.As(err, &ce) {
		return []loadError{{"", err}}
	}
	out := make([]loadError, len(ce.Errs))
	for i, e := range ce.Errs {
		out[i] = loadError{"", fmt.Errorf("coverage: %w", e)}
		if ie := (*transcheck.InputError)(nil); errors.As(e, &ie) {
			out[i].path = ie.Path
		}
	}
	return out
}

// loadDocuments reads the files to check, or the embedded seeds when there
// are none.
func loadDocuments(files []string) ([]transcheck.Document, []loadError) {
	if len(files) == 0 {
		var docs []transcheck.Document
		for _, s := range seeds.All() {
			docs = append(docs, transcheck.Document{Path: s.Path, Data: s.Data})
		}
		return docs, nil
	}
	var docs []transcheck.Document
	var errs []loadError
	for _, f := range files {
		d, err := transcheck.ReadDocument(f)
		if err != nil {
			errs = append(errs, loadError{f, err})
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

// loadPaths reads files and the text files of directories.
func loadPaths(paths []string) ([]transcheck.Document, []loadError) {
	var docs []transcheck.Document
	var errs []loadError
	for _, p := range paths {
		ds, err := transcheck.ReadDocuments(p)
		for _, e := range err {
			errs = append(errs, loadError{p, e})
		}
		docs = append(docs, ds...)
	}
	return docs, errs
}
