// Command transcheck checks English news texts for machine translation,
// mistranslated place names and garbled passages, against parallel
// coverage of the same story.
//
// Usage:
//
//	transcheck [flags] [FILE...]
//
// With no files it checks the bundled seed documents, each against the
// other four. With several files and no -coverage, each file is checked
// against the others. -coverage PATH (a file or a directory, repeatable)
// sets the coverage explicitly; -reference FILE aligns the text against a
// reference translation of the same source, sentence by sentence.
//
// Exit codes: 0 when no finding is at or above -fail-on, 1 when one is,
// 2 for usage or input errors (the other files are still checked and
// reported).
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
