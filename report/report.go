// Package report holds transcheck's Report model and renders it for people
// and for the tools editors use.
//
// A Report lists, for each checked document, its language, a
// machine-translation verdict with the signals behind it, findings with
// exact spans, and the alignments against coverage that back the findings.
// The package knows nothing of how findings are made: any checker can fill a
// Report, and every renderer reads only this model.
//
// The JSON form is a contract with its users. SchemaVersion 1 is documented
// in the repository's README, and its JSON Schema is package schema
// (report/schema/report-v1.schema.json); later versions only add fields.
//
// The renderers never change the Report they are given (they render a
// normalized copy), so one report may be rendered from many goroutines.
package report

import (
	"cmp"
	"slices"
)

// SchemaVersion is the version of the JSON report this package writes.
const SchemaVersion = 1

// Severity says how sure and how serious a finding is.
type Severity string

// The severities, from most to least serious.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: error 3, warning 2, info 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// ParseSeverity returns the severity named s and whether s names one.
func ParseSeverity(s string) (Severity, bool) {
	v := Severity(s)
	return v, v.Rank() > 0
}

// Category groups findings by the kind of problem.
type Category string

// The categories a finding may have.
const (
	PlaceName    Category = "place-name"
	Garbled      Category = "garbled"
	Untranslated Category = "untranslated"
	Boilerplate  Category = "boilerplate"
	Number       Category = "number"
	Quote        Category = "quote"
	Encoding     Category = "encoding"
	Style        Category = "style"
)

// Categories lists every category in a fixed order.
var Categories = []Category{PlaceName, Garbled, Untranslated, Boilerplate, Number, Quote, Encoding, Style}

// Verdict is the machine-translation verdict for a document.
type Verdict string

// The verdicts.
const (
	Machine   Verdict = "machine"
	Human     Verdict = "human"
	Uncertain Verdict = "uncertain"
)

// Report is the result of checking one or more documents.
type Report struct {
	SchemaVersion int        `json:"schemaVersion"`
	Documents     []Document `json:"documents"`
	// Rules documents the rules the findings use, sorted by ID. Renderers
	// that describe rules (SARIF, LanguageTool, rdjson) read it; a finding
	// whose rule is not listed is still rendered, with its ID alone.
	Rules []Rule `json:"rules"`
	// Notices tell of problems that did not stop the check but limit it,
	// such as a coverage document that could not be read and was left
	// out. Absent when there are none.
	Notices []Notice `json:"notices,omitempty"`
}

// Notice is a problem with the input that did not stop the check.
type Notice struct {
	// Path names the input concerned, such as a coverage file.
	Path string `json:"path,omitempty"`
	// Message says what went wrong, naming the path.
	Message string `json:"message"`
}

// ToolVersion is the version of transcheck that writes the reports, as
// SARIF's tool version and the LanguageTool server's software version.
const ToolVersion = "0.1.0"

// Rule documents one kind of finding for people and tools.
type Rule struct {
	// ID is the stable identifier findings carry, "category/name".
	ID       string   `json:"id"`
	Category Category `json:"category"`
	// Severity is the rule's default severity; a finding may differ.
	Severity Severity `json:"severity"`
	// Summary is one line; Description says what the rule finds and why.
	Summary     string `json:"summary"`
	Description string `json:"description"`
	// Help is plain text for the editor: the description and an example
	// of a flagged and a corrected sentence.
	Help string `json:"help"`
	// HelpURI is the address of the rule's documentation.
	HelpURI string `json:"helpUri"`
}

// Rule returns the description of the rule with the given ID and whether
// the report has one.
func (r *Report) Rule(id string) (Rule, bool) {
	i, ok := slices.BinarySearchFunc(r.Rules, id, func(x Rule, id string) int { return cmp.Compare(x.ID, id) })
	if !ok {
		return Rule{ID: id}, false
	}
	return r.Rules[i], true
}

// Document is what transcheck found in one document.
type Document struct {
	// Path names the document as the caller named it.
	Path string `json:"path"`
	// Language is the language of the whole document.
	Language Language `json:"language"`
	// MachineTranslation is the verdict on whether the text was
	// machine-translated.
	MachineTranslation MachineTranslation `json:"machineTranslation"`
	// Findings are sorted by span.
	Findings []Finding `json:"findings"`
	// Alignments pair passages of the document with coverage passages.
	Alignments []Alignment `json:"alignments"`
	// Sentences gives the language of each sentence.
	Sentences []SentenceLanguage `json:"sentences"`
	// Encoding names the encoding the document was decoded from when it
	// was not UTF-8: "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE",
	// announced by the file's byte-order mark. Spans are then byte offsets
	// into the document's UTF-8 decoding, which keeps the mark as U+FEFF;
	// lines and columns are the same in both. The file offset of a
	// character is 2× its UTF-16 offset in a UTF-16 file, 4× its code-point
	// offset in a UTF-32 file. Absent for UTF-8.
	Encoding string `json:"encoding,omitempty"`
	// Text is the document as read. Renderers that show the text (HTML,
	// LanguageTool context) use it; it is not part of the JSON report.
	Text string `json:"-"`
}

// Language is an identified language with the detector's confidence.
type Language struct {
	// Code is an ISO 639-1 code, or "" when the language is unknown.
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

// SentenceLanguage is the language of one sentence.
type SentenceLanguage struct {
	Span       Span    `json:"span"`
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
	// MachineProbability is the probability, 0 to 1, that the sentence
	// was machine-translated, where a model scored it; absent otherwise.
	MachineProbability *float64 `json:"machineProbability,omitempty"`
}

// MachineTranslation is the verdict on a document and the evidence for it.
type MachineTranslation struct {
	Verdict Verdict `json:"verdict"`
	// Score is the estimated probability-like strength, 0 to 1, that the
	// text is machine-translated.
	Score float64 `json:"score"`
	// SourceLanguage is the ISO 639-1 code of the likely source language,
	// or "" when none stands out.
	SourceLanguage string   `json:"sourceLanguage"`
	Signals        []Signal `json:"signals"`
}

// Signal is one detector's contribution to the verdict.
type Signal struct {
	// Name is a stable identifier such as "romanized-words".
	Name string `json:"name"`
	// Strength is the detector's strength, 0 to 1.
	Strength float64 `json:"strength"`
	// Weight is what the strength counts for in the score.
	Weight float64 `json:"weight"`
	// Count is how many places in the text fired.
	Count int `json:"count"`
	// Reason explains the signal to an editor.
	Reason string `json:"reason"`
	// Language is the source language the signal points to, if any.
	Language string `json:"language,omitempty"`
}

// Span locates a passage in a document: half-open byte offsets into the
// file as read (into its UTF-8 decoding for a UTF-16 or UTF-32 file: see
// Document.Encoding), and the 1-based line and column (in Unicode code points) of
// its start and end.
type Span struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	Line      int `json:"line"`
	Column    int `json:"column"`
	EndLine   int `json:"endLine"`
	EndColumn int `json:"endColumn"`
}

// Finding is one problem found in a document.
type Finding struct {
	// Rule is a stable identifier such as "place-name/romanized".
	Rule     string   `json:"rule"`
	Category Category `json:"category"`
	Severity Severity `json:"severity"`
	Span     Span     `json:"span"`
	// Text is the document text the span covers.
	Text    string `json:"text"`
	Message string `json:"message"`
	// Suggestions are replacements for Text, best first.
	Suggestions []string `json:"suggestions"`
	// Confidence is the checker's confidence, 0 to 1.
	Confidence float64 `json:"confidence"`
	// Evidence points at what supports the finding, such as a coverage
	// passage that says it differently.
	Evidence []Evidence `json:"evidence"`
	// Signals names the detectors that fired on this passage.
	Signals []string `json:"signals,omitempty"`
	// Diff is a word diff between Text and the evidence, when there is one.
	Diff []DiffOp `json:"diff,omitempty"`
}

// Evidence is a passage of another document that supports a finding.
type Evidence struct {
	Path string `json:"path"`
	Span Span   `json:"span"`
	Text string `json:"text"`
}

// Alignment pairs a passage of the document with a passage of coverage.
type Alignment struct {
	Span Span `json:"span"`
	// Text is the document passage.
	Text     string   `json:"text"`
	Coverage Evidence `json:"coverage"`
	// Score is the similarity, 0 to 1.
	Score float64 `json:"score"`
	// Mode is "comparable" or "parallel".
	Mode string `json:"mode"`
	// Diff is the word diff from Text to the coverage passage.
	Diff []DiffOp `json:"diff,omitempty"`
}

// DiffOp is one step of a word diff.
type DiffOp struct {
	// Op is "equal", "delete" (only in the document) or "insert" (only in
	// the coverage).
	Op   string `json:"op"`
	Text string `json:"text"`
}

// The diff operations.
const (
	DiffEqual  = "equal"
	DiffDelete = "delete"
	DiffInsert = "insert"
)

// Normalize puts a report into its canonical form: schema version set,
// findings sorted by span then rule, and nil lists replaced by empty ones,
// so that the same input always renders to the same bytes. The renderers
// never call it on their argument: they render a normalized copy.
func (r *Report) Normalize() {
	r.SchemaVersion = SchemaVersion
	if r.Documents == nil {
		r.Documents = []Document{}
	}
	if r.Rules == nil {
		r.Rules = []Rule{}
	}
	slices.SortStableFunc(r.Rules, func(a, b Rule) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(r.Notices, func(a, b Notice) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Message, b.Message))
	})
	for i := range r.Documents {
		r.Documents[i].normalize()
	}
}

// normalized returns a normalized copy of r that shares no slice r's
// Normalize would change, so that rendering never writes to the caller's
// report and one report can be rendered from many goroutines at once.
func (r *Report) normalized() *Report {
	c := *r
	c.Rules = slices.Clone(r.Rules)
	c.Notices = slices.Clone(r.Notices)
	c.Documents = slices.Clone(r.Documents)
	for i := range c.Documents {
		d := &c.Documents[i]
		d.Findings = slices.Clone(d.Findings)
		d.Alignments = slices.Clone(d.Alignments)
		d.Sentences = slices.Clone(d.Sentences)
		d.MachineTranslation.Signals = slices.Clone(d.MachineTranslation.Signals)
	}
	c.Normalize()
	return &c
}

func (d *Document) normalize() {
	if d.Findings == nil {
		d.Findings = []Finding{}
	}
	if d.Alignments == nil {
		d.Alignments = []Alignment{}
	}
	if d.Sentences == nil {
		d.Sentences = []SentenceLanguage{}
	}
	if d.MachineTranslation.Signals == nil {
		d.MachineTranslation.Signals = []Signal{}
	}
	for i := range d.Findings {
		f := &d.Findings[i]
		if f.Suggestions == nil {
			f.Suggestions = []string{}
		}
		if f.Evidence == nil {
			f.Evidence = []Evidence{}
		}
	}
	slices.SortStableFunc(d.Findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Span.Start, b.Span.Start),
			cmp.Compare(a.Span.End, b.Span.End),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
	slices.SortStableFunc(d.Alignments, func(a, b Alignment) int {
		return cmp.Or(
			cmp.Compare(a.Span.Start, b.Span.Start),
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(a.Coverage.Path, b.Coverage.Path),
			cmp.Compare(a.Coverage.Span.Start, b.Coverage.Span.Start),
		)
	})
}

// Add appends o's documents to r and merges o's rule documentation and
// notices into r's (a notice r already has is not repeated), so that
// reports of several checks render as one.
func (r *Report) Add(o *Report) {
	r.Documents = append(r.Documents, o.Documents...)
	for _, n := range o.Notices {
		if !slices.Contains(r.Notices, n) {
			r.Notices = append(r.Notices, n)
		}
	}
	for _, rule := range o.Rules {
		i, found := slices.BinarySearchFunc(r.Rules, rule.ID, func(x Rule, id string) int { return cmp.Compare(x.ID, id) })
		if !found {
			r.Rules = slices.Insert(r.Rules, i, rule)
		}
	}
}

// Counts returns how many findings of each category the document has.
func (d *Document) Counts() map[Category]int {
	m := make(map[Category]int)
	for _, f := range d.Findings {
		m[f.Category]++
	}
	return m
}

// Worst returns the most serious severity among the report's findings, or
// "" when there are none.
func (r *Report) Worst() Severity {
	var w Severity
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			if f.Severity.Rank() > w.Rank() {
				w = f.Severity
			}
		}
	}
	return w
}
