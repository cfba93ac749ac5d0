package transcheck

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpenCoverage feeds the coverage index reader damaged indexes: it must
// give a coverage or an error wrapping ErrCoverageIndex, never panic, and a
// coverage it gives must serve a check.
func FuzzOpenCoverage(f *testing.F) {
	c, err := New(Options{Languages: []string{"en", "de"}})
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	cov, err := c.NewCoverage(ctx,
		Document{Path: "a.txt", Data: []byte("Officials in Kyiv said 300 drones flew.\nThe mayor of Kharkiv agreed.\n")},
		Document{Path: "b.html", Data: []byte("<p>“It is over,” he said.</p><p>1.5 million people.</p><p>x</p>")},
	)
	if err != nil {
		f.Fatal(err)
	}
	dir := f.TempDir()
	if err := cov.Save(dir); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(dir, CoverageIndexFile))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte(coverageMagic + "\x01\x00\x00\x00"))
	f.Add(bytes.Repeat([]byte{0xff}, 40))
	doc := Document{Path: "q.txt", Data: []byte("The mayor of Kharkiv said 300 drones flew over Kyiv.")}
	f.Fuzz(func(t *testing.T, b []byte) {
		cov, err := decodeCoverage(b)
		if err != nil {
			if !errors.Is(err, ErrCoverageIndex) {
				t.Fatalf("error does not wrap ErrCoverageIndex: %v", err)
			}
			return
		}
		if _, err := c.CheckCoverage(ctx, doc, cov); err != nil {
			t.Fatal(err)
		}
	})
}
