// Command gen builds the embedded word lists of package lexicon from Debian's
// SCOWL-derived dictionaries (packages wamerican and wbritish).
//
// Usage (from internal/lexicon, via go generate):
//
//	go run ./gen -out data /usr/share/dict/american-english /usr/share/dict/british-english
//
// It writes two sorted, de-duplicated lists, one entry a line:
//   - data/common.txt: entries written entirely in lower case (common words);
//   - data/proper.txt: entries with at least one upper-case letter (proper
//     names, acronyms, trade names).
//
// Possessive entries ("dog's", "Paris's") are dropped: the lexicon handles
// possessives itself.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

func main() {
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "gen: no input word lists given")
		os.Exit(2)
	}
	if err := run(*out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(out string, inputs []string) error {
	common := map[string]bool{}
	proper := map[string]bool{}
	for _, in := range inputs {
		if err := read(in, common, proper); err != nil {
			return err
		}
	}
	if err := write(filepath.Join(out, "common.txt"), common); err != nil {
		return err
	}
	return write(filepath.Join(out, "proper.txt"), proper)
}

func read(path string, common, proper map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		if strings.ContainsFunc(w, unicode.IsUpper) {
			proper[w] = true
		} else {
			common[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gen: %s: line %d: %w", path, n, err)
	}
	return nil
}

func write(path string, set map[string]bool) error {
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	slices.Sort(words)
	data := strings.Join(words, "\n") + "\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}
