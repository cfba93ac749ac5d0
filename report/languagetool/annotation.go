package languagetool

import (
	"encoding/json"
	"fmt"
	"strings"
)

// annotated is the text of a request in two forms: original, the text as
// the client counts offsets (for "data", every part's text and markup in
// order), and checked, what the CheckFunc sees (text parts, and markup only
// as its interpretAs). pieces map one onto the other.
type annotated struct {
	original string
	checked  string
	pieces   []piece
}

// piece is one part of an annotated text: its byte range in the checked
// text and in the original. A text part has ranges of the same length; a
// markup part has an empty checked range, or its interpretAs.
type piece struct {
	cs, ce int // checked start and end
	os, oe int // original start and end
	text   bool
}

func plainText(s string) *annotated {
	return &annotated{original: s, checked: s, pieces: []piece{{0, len(s), 0, len(s), true}}}
}

// annotationJSON is LanguageTool's "data" parameter:
// {"annotation":[{"text":"A "},{"markup":"<b>"},{"text":"word"},
// {"markup":"</p>","interpretAs":"\n\n"}]}.
type annotationJSON struct {
	Annotation []struct {
		Text        *string `json:"text"`
		Markup      *string `json:"markup"`
		InterpretAs *string `json:"interpretAs"`
	} `json:"annotation"`
}

// parseAnnotation reads a "data" parameter. Markup counts for offsets but
// is not checked; its interpretAs, if any, is checked in its place.
func parseAnnotation(data string) (*annotated, error) {
	var in annotationJSON
	dec := json.NewDecoder(strings.NewReader(data))
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("'data' is not LanguageTool annotation JSON: %w", err)
	}
	if in.Annotation == nil {
		return nil, fmt.Errorf("'data' has no \"annotation\" list")
	}
	var orig, checked strings.Builder
	a := &annotated{}
	for i, part := range in.Annotation {
		p := piece{cs: checked.Len(), os: orig.Len()}
		switch {
		case part.Text != nil && part.Markup == nil:
			if part.InterpretAs != nil {
				return nil, fmt.Errorf("'data' annotation %d: interpretAs goes with markup, not text", i)
			}
			p.text = true
			orig.WriteString(*part.Text)
			checked.WriteString(*part.Text)
		case part.Markup != nil && part.Text == nil:
			orig.WriteString(*part.Markup)
			if part.InterpretAs != nil {
				checked.WriteString(*part.InterpretAs)
			}
		default:
			return nil, fmt.Errorf("'data' annotation %d: want exactly one of \"text\" and \"markup\"", i)
		}
		p.ce, p.oe = checked.Len(), orig.Len()
		a.pieces = append(a.pieces, p)
	}
	a.original, a.checked = orig.String(), checked.String()
	return a, nil
}

// toOriginal maps a byte offset in the checked text to one in the original.
// An offset at the boundary between two parts goes to the part it starts
// (end false) or ends (end true); one inside an interpretAs goes to the
// markup's start or end.
func (a *annotated) toOriginal(off int, end bool) int {
	if off <= 0 && !end {
		off = 0
	}
	for _, p := range a.pieces {
		if p.ce == p.cs {
			continue // markup that takes no room in the checked text
		}
		if (off > p.cs && off < p.ce) || (!end && off == p.cs) || (end && off == p.ce) {
			switch {
			case p.text:
				return p.os + off - p.cs
			case end:
				return p.oe
			default:
				return p.os
			}
		}
	}
	if off <= 0 {
		return 0
	}
	return len(a.original)
}
