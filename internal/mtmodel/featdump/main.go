// Command featdump writes the classifier's features of every document of
// the sets build_data.py made, for training in Python
// (internal/mtmodel/train/train.py): one line a sentence in svmlight form,
// "label qid:DOC 1:dense1 ... N:denseN idx+N+1:1 ...", and a meta.jsonl with
// each document's fields (text left out).
//
// Sentences are cut segment by segment (as in a text whose segments are
// paragraphs). feats.dev-lines.svm holds the dev English originals once
// more, cut from their segments joined by single line breaks, where the
// segmenter may join a line without final punctuation to the next one:
// train.py sets the machine threshold above every dev original either way.
//
//	go run ./internal/mtmodel/featdump -data /work/data/mtdoc
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/transcheck/transcheck/internal/mtmodel"
	"github.com/transcheck/transcheck/internal/segment"
)

type doc struct {
	ID     string   `json:"id"`
	Group  string   `json:"group,omitempty"`
	Split  string   `json:"split"`
	Label  int      `json:"label"`
	Kind   string   `json:"kind"`
	Src    string   `json:"src"`
	Year   int      `json:"year,omitempty"`
	System string   `json:"system"`
	Corpus string   `json:"corpus"`
	Genre  string   `json:"genre,omitempty"`
	Segs   []string `json:"segs,omitempty"`
	// Filled here.
	Index     int `json:"index"`
	Sentences int `json:"sentences"`
	Words     int `json:"words"`
	Bytes     int `json:"bytes"`
	// Typography of the raw text, for the typography-only baseline.
	Curly    int `json:"curly"`
	Straight int `json:"straight"`
	Dashes   int `json:"dashes"`
}

func main() {
	dir := flag.String("data", "/work/data/mtdoc", "directory of docs.jsonl and brown.jsonl")
	flag.Parse()
	x, err := mtmodel.NewExtractor()
	if err != nil {
		log.Fatal(err)
	}
	var docs []*doc
	for _, name := range []string{"docs.jsonl", "brown.jsonl"} {
		f, err := os.Open(filepath.Join(*dir, name))
		if err != nil {
			log.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			d := &doc{}
			if err := json.Unmarshal(sc.Bytes(), d); err != nil {
				log.Fatal(err)
			}
			d.Index = len(docs)
			docs = append(docs, d)
		}
		f.Close()
	}
	lines := make([]string, len(docs))
	joined := make([]string, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				lines[i] = features(x, docs[i])
				if d := docs[i]; d.Split == "dev" && d.Kind == "orig" {
					joined[i] = rows(x, d, segment.Split(strings.Join(d.Segs, "\n")))
				}
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	outs := map[string]*bufio.Writer{}
	for _, s := range []string{"train", "dev", "test", "eval", "dev-lines"} {
		f, err := os.Create(filepath.Join(*dir, "feats."+s+".svm"))
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		w := bufio.NewWriterSize(f, 1<<20)
		defer w.Flush()
		outs[s] = w
	}
	meta, err := os.Create(filepath.Join(*dir, "meta.jsonl"))
	if err != nil {
		log.Fatal(err)
	}
	defer meta.Close()
	mw := bufio.NewWriter(meta)
	defer mw.Flush()
	for i, d := range docs {
		outs[d.Split].WriteString(lines[i])
		outs["dev-lines"].WriteString(joined[i])
		d.Segs = nil
		b, _ := json.Marshal(d)
		mw.Write(append(b, '\n'))
	}
	fmt.Println(len(docs), "documents")
}

func features(x *mtmodel.Extractor, d *doc) string {
	var b strings.Builder
	for _, seg := range d.Segs {
		d.Bytes += len(seg) + 1
		d.Curly += strings.Count(seg, "\u201c") + strings.Count(seg, "\u201d") + strings.Count(seg, "\u2019")
		d.Straight += strings.Count(seg, "\"") + strings.Count(seg, "'")
		d.Dashes += strings.Count(seg, "\u2013") + strings.Count(seg, "\u2014")
		sd := segment.Split(seg)
		for _, s := range sd.Sentences {
			d.Sentences++
			d.Words += len(s.Tokens)
		}
		b.WriteString(rows(x, d, sd))
	}
	return b.String()
}

// rows writes one svmlight row for each sentence of sd.
func rows(x *mtmodel.Extractor, d *doc, sd *segment.Document) string {
	var b strings.Builder
	for _, s := range sd.Sentences {
		f := x.Sentence(sd.Text[s.Start:s.End])
		fmt.Fprintf(&b, "%d qid:%d", d.Label, d.Index)
		for j, v := range f.Dense {
			fmt.Fprintf(&b, " %d:%.9g", j+1, v) // the precision train.py needs to reproduce Go's margins
		}
		sort.Slice(f.Sparse, func(a, c int) bool { return f.Sparse[a] < f.Sparse[c] })
		for _, h := range f.Sparse {
			fmt.Fprintf(&b, " %d:1", int(h)+mtmodel.NumDense+1)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
