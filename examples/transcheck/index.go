package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/transcheck/transcheck"
)

// indexBatch is how many files the index command reads before it adds
// them: it bounds the memory the files take and paces the progress line.
const indexBatch = 256

// runIndex is the index subcommand: transcheck index -o DIR PATH... reads
// coverage files and directories and saves their index in DIR. An index
// already in DIR is opened and the files it lacks are added to it, unless
// -rebuild is given.
func runIndex(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("transcheck index", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dir := flags.String("o", "", "write the coverage index to `DIR` (required); an index already there is added to")
	rebuild := flags.Bool("rebuild", false, "start a new index instead of adding to the one in -o")
	maxBytes := flags.Int64("max-bytes", transcheck.DefaultMaxBytes, "largest coverage file in `bytes`")
	flags.Usage = func() {
		fmt.Fprintf(flags.Output(), "Usage: transcheck index -o DIR PATH...\n\nIndexes coverage files and directories into DIR, for -coverage-index DIR.\n\nFlags:\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		printError(stderr, "", "", err)
		return exitError
	}
	switch {
	case *dir == "":
		printError(stderr, "", "", errors.New("index: -o DIR is required (usage: transcheck index -o DIR PATH...)"))
		return exitError
	case flags.NArg() == 0:
		printError(stderr, "", "", errors.New("index: give the coverage files or directories to index (usage: transcheck index -o DIR PATH...)"))
		return exitError
	case *maxBytes <= 0:
		printError(stderr, "", "", fmt.Errorf("index: -max-bytes: must be positive, got %d", *maxBytes))
		return exitError
	}

	failed := false
	fail := func(err error) {
		failed = true
		printError(stderr, "", "", err)
	}
	var cov *transcheck.Coverage
	before := 0
	if _, err := os.Stat(filepath.Join(*dir, transcheck.CoverageIndexFile)); err == nil && !*rebuild {
		if cov, err = transcheck.OpenCoverageOptions(*dir, *maxBytes); err != nil {
			fail(fmt.Errorf("index: %w (use -rebuild to replace it)", err))
			return exitError
		}
		before = cov.Len()
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		fail(fmt.Errorf("index: %w", err))
		return exitError
	}
	if cov == nil {
		cov = transcheck.NewEmptyCoverage(*maxBytes)
	}

	var files []string
	skipped := 0
	for _, p := range flags.Args() {
		ps, errs := transcheck.ListDocuments(p)
		for _, err := range errs {
			fail(fmt.Errorf("index: %w", err))
		}
		for _, f := range ps {
			if cov.Contains(f) {
				skipped++
				continue
			}
			files = append(files, f)
		}
	}
	prog := newProgress(stderr, "files indexed", len(files))
	for len(files) > 0 {
		n := min(indexBatch, len(files))
		var docs []transcheck.Document
		var size int64
		for _, f := range files[:n] {
			d, err := transcheck.ReadDocument(f)
			if err != nil {
				fail(fmt.Errorf("index: %w", err))
				continue
			}
			docs = append(docs, d)
			size += int64(len(d.Data))
		}
		err := cov.Add(ctx, docs...)
		if ctx.Err() != nil {
			prog.finish()
			fail(fmt.Errorf("index: %w; nothing saved", ctx.Err()))
			return exitError
		}
		for _, e := range coverageErrors(err) {
			fail(fmt.Errorf("index: %w", e.err))
		}
		prog.add(n, size)
		files = files[n:]
	}
	prog.finish()
	if err := cov.Save(*dir); err != nil {
		fail(fmt.Errorf("index: %w", err))
		return exitError
	}
	fmt.Fprintf(stdout, "%s: %d documents (%d added, %d already indexed)\n",
		filepath.Join(*dir, transcheck.CoverageIndexFile), cov.Len(), cov.Len()-before, skipped)
	if failed {
		return exitError
	}
	return exitOK
}
