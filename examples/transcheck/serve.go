package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/report"
	"github.com/transcheck/transcheck/report/languagetool"
)

// serve answers LanguageTool's API on cfg.serve until ctx is done. Checks
// run against the coverage index given with -coverage-index, opened at
// start-up, and the files given with -coverage, indexed at start-up (added
// to the opened index when both are given).
func serve(ctx context.Context, c *transcheck.Checker, cfg *config, stderr io.Writer) error {
	docs, errs := loadPaths(cfg.coverage)
	for _, e := range errs {
		printError(stderr, cfg.format, e.path, fmt.Errorf("coverage: %w", e.err))
	}
	var cov *transcheck.Coverage
	var err error
	if cfg.covIndex != "" {
		if cov, err = transcheck.OpenCoverageOptions(cfg.covIndex, cfg.maxBytes); err != nil {
			return err
		}
		err = cov.Add(ctx, docs...)
	} else {
		cov, err = c.NewCoverage(ctx, docs...)
	}
	for _, e := range coverageErrors(err) {
		printError(stderr, cfg.format, e.path, e.err)
	}
	logger := log.New(stderr, "transcheck: ", log.LstdFlags)
	h := newHandler(c, cov, languagetool.Options{MaxBodyBytes: cfg.maxBytes, ErrorLog: logger, Rules: transcheck.Rules()})
	srv := h.Server(cfg.serve) // read, write and idle timeouts set
	srv.ErrorLog = logger
	ln, err := net.Listen("tcp", cfg.serve)
	if err != nil {
		return fmt.Errorf("-serve: %w", err)
	}
	logger.Printf("serving LanguageTool API v2 on http://%s/v2/check (%d coverage documents)", ln.Addr(), cov.Len())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("-serve: %w", err)
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("-serve: shutdown: %w", err)
		}
		return nil
	}
}

// newHandler returns the LanguageTool handler that checks each request's
// text with c against cov (nil for none).
func newHandler(c *transcheck.Checker, cov *transcheck.Coverage, opts languagetool.Options) *languagetool.Handler {
	check := func(ctx context.Context, text, language string) (*report.Document, error) {
		r, err := c.CheckCoverage(ctx, transcheck.Document{Path: "text", Data: []byte(text)}, cov)
		if ie := (*transcheck.InputError)(nil); errors.As(err, &ie) {
			return nil, &languagetool.TextError{Err: err} // the client's text: 400
		}
		if err != nil {
			return nil, err
		}
		return &r.Documents[0], nil
	}
	return languagetool.NewHandler(check, opts)
}
