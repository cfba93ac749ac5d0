// Command gen writes internal/langid/data/ascii.bin: for each Latin-script
// language the table serves, the log-probability lingua-go's trigram
// identification adds for every trigram of the letters a–z (the trigram's
// own probability, else its first two letters' bigram probability, else
// its first letter's unigram probability), read from lingua-go's own
// models.
//
//	go run ./internal/langid/gen
//
// It reads the models from the lingua-go module the build uses (go list -m).
package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"

	"github.com/transcheck/transcheck/internal/langid"
)

func main() {
	log.SetFlags(0)
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pemistahl/lingua-go").Output()
	if err != nil {
		log.Fatalf("gen: locating lingua-go: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	var buf bytes.Buffer
	buf.WriteString(langid.Magic)
	buf.WriteByte(byte(len(langid.Languages)))
	for _, code := range langid.Languages {
		buf.WriteString(code)
	}
	for _, code := range langid.Languages {
		var models [4]map[string]float64
		for n := 1; n <= 3; n++ {
			if models[n], err = readModel(dir, code, n); err != nil {
				log.Fatalf("gen: %s: %v", code, err)
			}
		}
		for i := range langid.Trigrams {
			g := langid.TrigramOf(i)
			v := 1.0 // none of the three known: adds nothing
			for n := 3; n >= 1; n-- {
				if p := models[n][g[:n]]; p > 0 {
					v = math.Log(p)
					break
				}
			}
			binary.Write(&buf, binary.LittleEndian, v)
		}
	}
	dst := filepath.Join("internal", "langid", "data", "ascii.bin")
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		log.Fatalf("gen: %v", err)
	}
	fmt.Fprintf(os.Stderr, "gen: %s: %d bytes, languages %v, lingua-go at %s\n", dst, buf.Len(), langid.Languages, dir)
}

var names = [4]string{1: "unigrams", 2: "bigrams", 3: "trigrams"}

// readModel reads one of lingua-go's n-gram models: ngram → probability.
func readModel(dir, code string, n int) (map[string]float64, error) {
	path := filepath.Join(dir, "language-models", code, names[n]+".pb.bin.zip")
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	if len(z.File) != 1 {
		return nil, fmt.Errorf("%s: %d files, want 1", path, len(z.File))
	}
	f, err := z.File[0].Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var m serialization.SerializableLanguageModel
	if err := proto.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make(map[string]float64, m.TotalNgrams)
	for _, set := range m.NgramSets {
		for _, g := range set.Ngrams {
			out[g] = set.Probability
		}
	}
	return out, nil
}
