package main

import (
	"context"
	"errors"
	"io"

	"github.com/transcheck/transcheck"
)

func serve(ctx context.Context, c *transcheck.Checker, cfg *config, stderr io.Writer) error {
	return errors.New("-serve: not wired yet")
}
