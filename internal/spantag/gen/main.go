// Command gen builds the data of package spantag.
//
//	go run ./internal/spantag/gen phrases -out internal/spantag/data/phrases.bin FILE...
//
// counts the words, word pairs and word triples of edited English text (one
// paragraph or sentence a line) into the phrase table;
//
//	go run ./internal/spantag/gen features -in /work/data/mtspan/segments.jsonl -out /work/data/mtspan/feats
//
// writes each segment token's hashed features and label, one file per
// split (train.tsv, dev.tsv, test.tsv), for the trainer (train/train.py):
// a line per token, "label<TAB>segment<TAB>token<TAB>rune-start<TAB>rune-end<TAB>features", where label is the
// fraction of the segment's raters whose major error span overlaps the
// token. See train/README.md.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/internal/fluency"
	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/internal/spantag"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gen phrases|features [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "phrases":
		err = phrases(os.Args[2:])
	case "features":
		err = features(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func phrases(args []string) error {
	fs := flag.NewFlagSet("phrases", flag.ExitOnError)
	out := fs.String("out", "internal/spantag/data/phrases.bin", "output file")
	logSlots := fs.Uint("slots", 21, "log2 of the number of slots")
	source := fs.String("source", "", "description of the corpus, kept in the table")
	fs.Parse(args)
	if fs.NArg() == 0 {
		return errors.New("phrases: no input files")
	}
	b := spantag.NewPhraseBuilder()
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("phrases: %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			doc := segment.Split(sc.Text())
			for _, s := range doc.Sentences {
				words := make([]string, len(s.Tokens))
				for i, t := range s.Tokens {
					words[i] = spantag.Fold(t.Norm)
				}
				b.AddSentence(words)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("phrases: %s: %w", name, err)
		}
	}
	data, err := b.Bytes(*logSlots, *source)
	if err != nil {
		return fmt.Errorf("phrases: %w", err)
	}
	return os.WriteFile(*out, data, 0o644)
}

type record struct {
	ID     string   `json:"id"`
	Text   string   `json:"text"`
	Raters []string `json:"raters"`
	Major  [][3]any `json:"major"`
	Split  string   `json:"split"`
}

func features(args []string) error {
	fs := flag.NewFlagSet("features", flag.ExitOnError)
	in := fs.String("in", "/work/data/mtspan/segments.jsonl", "segments from train/build_data.py")
	out := fs.String("out", "/work/data/mtspan/feats", "output directory")
	fs.Parse(args)
	lm, err := fluency.Default()
	if err != nil {
		return fmt.Errorf("features: %w", err)
	}
	ph, err := spantag.DefaultPhrases()
	if err != nil {
		return fmt.Errorf("features: %w", err)
	}
	ex := spantag.NewExtractor(lm, ph)
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("features: %w", err)
	}
	f, err := os.Open(*in)
	if err != nil {
		return fmt.Errorf("features: %w", err)
	}
	defer f.Close()
	writers := map[string]*bufio.Writer{}
	for _, split := range []string{"train", "dev", "test"} {
		w, err := os.Create(filepath.Join(*out, split+".tsv"))
		if err != nil {
			return fmt.Errorf("features: %w", err)
		}
		defer w.Close()
		bw := bufio.NewWriter(w)
		defer bw.Flush()
		writers[split] = bw
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("features: %s:%d: %w", *in, line, err)
		}
		w := writers[r.Split]
		if w == nil {
			return fmt.Errorf("features: %s:%d: unknown split %q", *in, line, r.Split)
		}
		// Rune offset of every byte, to compare token byte spans with the
		// annotation's code-point spans.
		runeAt := make([]int, len(r.Text)+1)
		n := 0
		for i := range r.Text {
			runeAt[i] = n
			n++
		}
		for i := len(r.Text); i >= 0; i-- {
			if i == len(r.Text) {
				runeAt[i] = utf8.RuneCountInString(r.Text)
			} else if !utf8.RuneStart(r.Text[i]) {
				runeAt[i] = runeAt[i+1]
			}
		}
		doc := segment.Split(r.Text)
		for _, s := range doc.Sentences {
			if !spantag.Judged(s) {
				continue
			}
			ex.Sentence(s, func(i int, feats []uint32, _ spantag.Token) {
				t := s.Tokens[i]
				rs, re := runeAt[t.Start], runeAt[t.End]
				marked := map[string]bool{}
				for _, m := range r.Major {
					ms, me := int(m[0].(float64)), int(m[1].(float64))
					if ms < re && rs < me {
						marked[m[2].(string)] = true
					}
				}
				label := float64(len(marked)) / float64(max(len(r.Raters), 1))
				var b strings.Builder
				b.WriteString(strconv.FormatFloat(label, 'g', 4, 64))
				fmt.Fprintf(&b, "\t%s\t%d\t%d\t%d\t", r.ID, s.FirstToken+i, rs, re)
				for k, x := range feats {
					if k > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(strconv.FormatUint(uint64(x), 10))
				}
				b.WriteByte('\n')
				w.WriteString(b.String())
			})
		}
	}
	return sc.Err()
}
