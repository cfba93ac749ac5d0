package report

import (
	"encoding/json"
	"io"
)

func init() { Register("rdjson", WriteRDJSON) }

// WriteRDJSON writes the report in reviewdog's diagnostic format (rdjson,
// a DiagnosticResult), so reviewdog can comment on the lines a pull request
// changes. Positions are 1-based lines and 1-based columns counted in UTF-8
// bytes, as the format requires; ranges end exclusively. Suggestions become
// reviewdog suggestions that replace the finding's span.
//
// Byte columns need the document's Text; for a document without it the
// ranges carry lines only, which reviewdog reads as whole lines. Each
// diagnostic's code links to the rule's documentation (the report's Rules)
// and its original_output is the finding as the text format writes it,
// which reviewdog's local reporter prints.
func WriteRDJSON(w io.Writer, r *Report) error {
	r = r.normalized()
	out := rdResult{
		Source:      rdSource{Name: toolName, URL: toolURI},
		Diagnostics: []rdDiagnostic{},
	}
	for _, d := range r.Documents {
		loc := NewLocator(d.Text)
		for _, f := range d.Findings {
			rng := rdRangeOf(loc, d.Text != "", f.Span)
			doc, _ := r.Rule(f.Rule)
			diag := rdDiagnostic{
				Message:        oneLine(f.Message),
				Location:       rdLocation{Path: d.Path, Range: rng},
				Severity:       rdSeverity(f.Severity),
				Code:           &rdCode{Value: f.Rule, URL: doc.HelpURI},
				OriginalOutput: textLine(d.Path, f),
			}
			for _, s := range f.Suggestions {
				diag.Suggestions = append(diag.Suggestions, rdSuggestion{Range: rng, Text: s})
			}
			out.Diagnostics = append(out.Diagnostics, diag)
		}
	}
	if worst := r.Worst(); worst != "" {
		out.Severity = rdSeverity(worst)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func rdRangeOf(loc *Locator, haveText bool, s Span) rdRange {
	if !haveText {
		return rdRange{Start: rdPosition{Line: max(1, s.Line)}, End: &rdPosition{Line: max(1, s.Line, s.EndLine)}}
	}
	start, end := loc.Clamp(s.Start), loc.Clamp(s.End)
	var r rdRange
	r.Start.Line, r.Start.Column = loc.LineColumnBytes(start)
	e := rdPosition{}
	e.Line, e.Column = loc.LineColumnBytes(max(start, end))
	r.End = &e
	return r
}

func rdSeverity(s Severity) string {
	switch s {
	case Error:
		return "ERROR"
	case Warning:
		return "WARNING"
	case Info:
		return "INFO"
	}
	return "UNKNOWN_SEVERITY"
}

type rdResult struct {
	Source      rdSource       `json:"source"`
	Severity    string         `json:"severity,omitempty"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message        string         `json:"message"`
	Location       rdLocation     `json:"location"`
	Severity       string         `json:"severity"`
	Code           *rdCode        `json:"code,omitempty"`
	Suggestions    []rdSuggestion `json:"suggestions,omitempty"`
	OriginalOutput string         `json:"original_output,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}
