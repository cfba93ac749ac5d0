package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/report"
)

// Mention classes of the labelled set.
const (
	classCorrect  = "correct"   // the preferred English spelling
	classVariant  = "variant"   // a Russian-derived or variant spelling
	classGarbled  = "garbled"   // a garbled, non-English or calqued form
	classNotPlace = "not-place" // a place-like word that names no place here
)

// kindOriginal marks English-original news, where every warning or error
// that is not on a labelled wrong spelling is a false alarm.
const kindOriginal = "original"

// Item is one labelled passage of the evaluation set.
type Item struct {
	ID       string    `json:"id"`
	URL      string    `json:"url"`
	Source   string    `json:"source"`
	Kind     string    `json:"kind"`
	Split    string    `json:"split"`
	Text     string    `json:"text"`
	Words    int       `json:"words"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one labelled place-name or place-like mention: a byte range of
// the item's text, its class and, for a wrong spelling, the preferred one.
type Mention struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Class     string `json:"cls"`
	Preferred string `json:"preferred"`
}

// readItems reads JSON lines of items and checks that every mention's
// range holds its text.
func readItems(r io.Reader) ([]Item, error) {
	var items []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		for _, m := range it.Mentions {
			if m.Start < 0 || m.End > len(it.Text) || m.Start >= m.End || it.Text[m.Start:m.End] != m.Text {
				return nil, fmt.Errorf("line %d: item %s: mention %q does not match its range %d-%d", line, it.ID, m.Text, m.Start, m.End)
			}
			switch m.Class {
			case classCorrect, classVariant, classGarbled, classNotPlace:
			default:
				return nil, fmt.Errorf("line %d: item %s: unknown class %q", line, it.ID, m.Class)
			}
		}
		if it.Words == 0 {
			it.Words = len(strings.Fields(it.Text))
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return items, nil
}

// Result is what the checker reported on one item.
type Result struct {
	Item     Item
	Findings []report.Finding
	Verdict  report.Verdict
}

// ClassScore counts the labelled wrong spellings of one class: how many
// there are, how many a place-name finding covers, and how many of those
// have the preferred spelling as the first suggestion.
type ClassScore struct {
	Total, Found, RightFirst int
}

// Recall is the share of mentions a place-name finding covers.
func (c ClassScore) Recall() float64 { return ratio(c.Found, c.Total) }

// RightFirstRate is the share of all mentions whose finding suggests the
// preferred spelling first.
func (c ClassScore) RightFirstRate() float64 { return ratio(c.RightFirst, c.Total) }

// Scores are the figures of one run over a set of items.
type Scores struct {
	Items, Sources int
	Variant        ClassScore
	Garbled        ClassScore
	// Original* count English-original items: their words, the warnings
	// and errors not on a labelled wrong spelling (all rules, and
	// place-name rules alone), and the items called machine-translated.
	OriginalItems, OriginalWords  int
	OriginalAlarms, OriginalPlace int
	OriginalMachine               int
	// NotPlace counts place-like words that are not places, and how many a
	// place-name finding covers.
	NotPlace, NotPlaceFlagged int
	// Correct counts preferred spellings, and how many a place-name
	// warning or error covers.
	Correct, CorrectFlagged int
	// Misses describes the labelled mentions the checker got wrong, for
	// looking into the development half.
	Misses []string
}

// AlarmsPer10k is the rate of false warnings and errors per 10,000 words
// of English-original text.
func (s Scores) AlarmsPer10k() float64 {
	return ratio(s.OriginalAlarms*10000, s.OriginalWords)
}

// PlaceAlarmsPer10k is the same rate for place-name rules alone.
func (s Scores) PlaceAlarmsPer10k() float64 {
	return ratio(s.OriginalPlace*10000, s.OriginalWords)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// isPlaceRule reports whether a finding comes from a place-name rule.
func isPlaceRule(f report.Finding) bool { return strings.HasPrefix(f.Rule, "place-name/") }

// isAlarm reports whether a finding's severity asks the editor to act.
func isAlarm(f report.Finding) bool {
	return f.Severity == report.Warning || f.Severity == report.Error
}

func overlaps(f report.Finding, m Mention) bool {
	return f.Span.Start < m.End && m.Start < f.Span.End
}

// Score turns the checker's results into figures.
func Score(results []Result) Scores {
	var s Scores
	sources := map[string]bool{}
	for _, r := range results {
		it := r.Item
		s.Items++
		sources[it.Source] = true
		for _, m := range it.Mentions {
			switch m.Class {
			case classVariant:
				scoreWrong(&s.Variant, &s, r, m)
			case classGarbled:
				scoreWrong(&s.Garbled, &s, r, m)
			case classNotPlace:
				s.NotPlace++
				if f, ok := coveringFinding(r.Findings, m, false); ok {
					s.NotPlaceFlagged++
					s.Misses = append(s.Misses, describe(it, m, "flagged: "+f.Rule+" "+first(f.Suggestions)))
				}
			case classCorrect:
				s.Correct++
				if f, ok := coveringFinding(r.Findings, m, true); ok {
					s.CorrectFlagged++
					s.Misses = append(s.Misses, describe(it, m, "flagged: "+f.Rule+" "+first(f.Suggestions)))
				}
			}
		}
		if it.Kind != kindOriginal {
			continue
		}
		s.OriginalItems++
		s.OriginalWords += it.Words
		if r.Verdict == report.Machine {
			s.OriginalMachine++
			s.Misses = append(s.Misses, fmt.Sprintf("%s: English original called machine-translated", it.ID))
		}
		for _, f := range r.Findings {
			if !isAlarm(f) || onWrongSpelling(f, it.Mentions) {
				continue
			}
			s.OriginalAlarms++
			if isPlaceRule(f) {
				s.OriginalPlace++
			}
			s.Misses = append(s.Misses, fmt.Sprintf("%s: false alarm %s on %q %s", it.ID, f.Rule, it.Text[f.Span.Start:f.Span.End], first(f.Suggestions)))
		}
	}
	s.Sources = len(sources)
	return s
}

func scoreWrong(c *ClassScore, s *Scores, r Result, m Mention) {
	c.Total++
	f, ok := coveringFinding(r.Findings, m, false)
	if !ok {
		s.Misses = append(s.Misses, describe(r.Item, m, "missed"))
		return
	}
	c.Found++
	if len(f.Suggestions) > 0 && suggests(f.Suggestions[0], m.Preferred) {
		c.RightFirst++
		return
	}
	s.Misses = append(s.Misses, describe(r.Item, m, "wrong first suggestion: "+first(f.Suggestions)))
}

// coveringFinding returns the place-name finding that covers a mention,
// preferring one whose first suggestion is the preferred spelling; with
// alarmOnly it considers warnings and errors only.
func coveringFinding(fs []report.Finding, m Mention, alarmOnly bool) (report.Finding, bool) {
	var found report.Finding
	ok := false
	for _, f := range fs {
		if !isPlaceRule(f) || !overlaps(f, m) || (alarmOnly && !isAlarm(f)) {
			continue
		}
		if !ok || (len(f.Suggestions) > 0 && suggests(f.Suggestions[0], m.Preferred)) {
			found, ok = f, true
		}
	}
	return found, ok
}

func onWrongSpelling(f report.Finding, ms []Mention) bool {
	for _, m := range ms {
		if (m.Class == classVariant || m.Class == classGarbled) && overlaps(f, m) {
			return true
		}
	}
	return false
}

// suggests reports whether a suggestion is the preferred spelling, or
// holds it as whole words when the finding covers more than the name
// ("Kharkiv region" for "Kharkov region").
func suggests(suggestion, preferred string) bool {
	s, p := fold(suggestion), fold(preferred)
	if p == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(s[i:], p)
		if j < 0 {
			return false
		}
		j += i
		if boundary(s, j-1, true) && boundary(s, j+len(p), false) {
			return true
		}
		i = j + 1
	}
}

// fold lower-cases and writes every apostrophe the same way.
func fold(s string) string {
	return strings.NewReplacer("’", "'", "ʼ", "'", "`", "'").Replace(strings.ToLower(s))
}

// boundary reports whether the rune before (or at) byte i of s is not a
// letter or digit, or lies outside s.
func boundary(s string, i int, before bool) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	var r rune
	if before {
		r, _ = utf8.DecodeLastRuneInString(s[:i+1])
	} else {
		r, _ = utf8.DecodeRuneInString(s[i:])
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func first(ss []string) string {
	if len(ss) == 0 {
		return "(no suggestion)"
	}
	return "→ " + ss[0]
}

func describe(it Item, m Mention, what string) string {
	want := ""
	if m.Preferred != "" && m.Preferred != m.Text {
		want = " (want " + m.Preferred + ")"
	}
	return fmt.Sprintf("%s: %s %q%s: %s", it.ID, m.Class, m.Text, want, what)
}
