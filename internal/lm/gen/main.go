// Command gen trains the embedded English news language model of package lm
// from a text file (one paragraph or sentence a line, as written by
// internal/mtmodel/train/build_data.py) and writes it for go:embed.
//
//	go run ./internal/lm/gen -in /work/data/mtdoc/lm.txt -out internal/lm/data/english.lm
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/lm"
)

func main() {
	in := flag.String("in", "/work/data/mtdoc/lm.txt", "training text, one paragraph a line")
	out := flag.String("out", "internal/lm/data/english.lm", "model file to write")
	minWord := flag.Int("minword", 2, "minimum count of a vocabulary word")
	min2 := flag.Int("min2", 2, "minimum count of a stored bigram")
	min3 := flag.Int("min3", 2, "minimum count of a stored trigram")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var sents [][]string
	words := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		for _, s := range sentences(line) {
			sents = append(sents, s)
			words += len(s)
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	b, err := lm.Train(sents, lm.TrainOptions{MinWordCount: *minWord, MinBigramCount: *min2, MinTrigramCount: *min3})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	m, err := lm.Load(b)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d sentences, %d tokens; n-grams %v; %d bytes\n", len(sents), words, m.Size(), len(b))
}

// sentences tokenizes a line and breaks it after ".", "!" or "?" when the
// next token begins with a capital letter or a quote.
func sentences(line string) [][]string {
	toks := lm.Tokenize(line)
	var out [][]string
	var cur []string
	for i, t := range toks {
		cur = append(cur, t.Text)
		if (t.Text == "." || t.Text == "!" || t.Text == "?") && i+1 < len(toks) {
			r, _ := utf8.DecodeRuneInString(line[toks[i+1].Start:])
			if unicode.IsUpper(r) || r == '"' || r == '\u201C' {
				out = append(out, cur)
				cur = nil
			}
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
