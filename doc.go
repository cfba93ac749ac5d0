// Package transcheck tells an editor whether an English news text was
// machine-translated, lines it up against other coverage of the same story,
// and points at the exact words that went wrong: mistranslated place names
// and garbled passages.
//
// The pipeline is short and runs in one direction:
//
//	text in → segments (internal/segment)
//	        → signals: language, machine-translation verdict, garbled
//	          passages (package lingua) and place names (internal/placecheck)
//	        → alignments against coverage, with number, quote and
//	          place-name evidence (package align)
//	        → findings → report out (package report: text, JSON, …)
//
// Build a Checker once with New and call Check for each document:
//
//	c, err := transcheck.New(transcheck.Options{})
//	if err != nil { … }
//	rep, err := c.Check(ctx, transcheck.Document{Path: "a.txt", Data: text}, coverage...)
//
// A Checker loads its language models once and is safe for concurrent use.
// Documents must be UTF-8 text; a BOM, CRLF line ends and HTML markup are
// accepted, and every span in the report is a byte offset into the
// document as given.
package transcheck
