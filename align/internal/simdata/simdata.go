// Package simdata reads the evaluation and training cases that
// align/train/build_alignsim.py writes: a text, its coverage (comparable
// mode) or reference (parallel mode), and gold.json, which says which
// segment of the text each piece of the coverage translates and where the
// planted number and quotation changes are.
package simdata

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// Unit is a piece of a coverage file: its byte span and the segments of
// the text it translates (none for a distractor).
type Unit struct {
	Span [2]int `json:"span"`
	Segs []int  `json:"segs"`
	Tag  string `json:"tag"`
}

// Change is a planted change: the segment of the text and the byte span,
// in the text, of the number or quotation that the coverage changed.
type Change struct {
	Seg  int    `json:"seg"`
	Span [2]int `json:"span"`
}

// Gold is a case's gold.json.
type Gold struct {
	Story    string            `json:"story"`
	TextSegs [][2]int          `json:"text_segs"`
	Coverage map[string][]Unit `json:"coverage"`
	Number   *Change           `json:"number"`
	// NumbersDisagree lists the segments where the two human references
	// themselves give different numbers.
	NumbersDisagree []int   `json:"numbers_disagree"`
	Quote           *Change `json:"quote"`
}

// Case is one case: its directory, text, coverage files by path and gold.
type Case struct {
	Dir   string
	Text  string
	Files map[string]string
	Gold  Gold
}

// Paths returns the coverage paths in order.
func (c *Case) Paths() []string {
	var out []string
	for p := range c.Files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Read reads every case under dir (one subdirectory per case), in order.
func Read(dir string) ([]*Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("simdata: %w", err)
	}
	var out []*Case
	for _, e := range entries {
		c, err := readCase(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func readCase(dir string) (*Case, error) {
	c := &Case{Dir: dir, Files: map[string]string{}}
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, fmt.Errorf("simdata: %w", err)
	}
	if err := json.Unmarshal(b, &c.Gold); err != nil {
		return nil, fmt.Errorf("simdata: %s: %w", dir, err)
	}
	text, err := os.ReadFile(filepath.Join(dir, "text.txt"))
	if err != nil {
		return nil, fmt.Errorf("simdata: %w", err)
	}
	c.Text = string(text)
	for p := range c.Gold.Coverage {
		b, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			return nil, fmt.Errorf("simdata: %w", err)
		}
		c.Files[p] = string(b)
	}
	return c, nil
}

// Overlaps reports whether the half-open byte ranges [s, e) and b overlap.
func Overlaps(s, e int, b [2]int) bool { return s < b[1] && b[0] < e }

// SegsAt lists the segments of the text that the byte range [s, e)
// overlaps.
func (g *Gold) SegsAt(s, e int) []int {
	var out []int
	for i, sp := range g.TextSegs {
		if Overlaps(s, e, sp) {
			out = append(out, i)
		}
	}
	return out
}

// Units lists the units of coverage file path that [s, e) overlaps, and
// for each the segments it translates.
func (g *Gold) Units(path string, s, e int) []int {
	var out []int
	for u, un := range g.Coverage[path] {
		if Overlaps(s, e, un.Span) {
			out = append(out, u)
		}
	}
	return out
}

// Related reports whether the text's range [s, e) and coverage range
// [cs, ce) of path translate a common segment.
func (g *Gold) Related(s, e int, path string, cs, ce int) bool {
	segs := g.SegsAt(s, e)
	for _, u := range g.Units(path, cs, ce) {
		for _, seg := range g.Coverage[path][u].Segs {
			if slices.Contains(segs, seg) {
				return true
			}
		}
	}
	return false
}
