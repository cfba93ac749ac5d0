// Command gen writes finding-dense text (package densetext) of about N
// bytes to standard output, for timing the whole command:
//
//	go run ./internal/densetext/gen 2000000 > /tmp/dense-2MB.txt
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/transcheck/transcheck/internal/densetext"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen BYTES")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n <= 0 {
		fmt.Fprintf(os.Stderr, "gen: bad size %q\n", os.Args[1])
		os.Exit(2)
	}
	if _, err := os.Stdout.Write(densetext.Generate(n, 1)); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}
