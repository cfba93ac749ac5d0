package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
)

func init() { Register("sarif", WriteSARIF) }

// SARIFSchema is the URI of the SARIF 2.1.0 schema that WriteSARIF's output
// names and conforms to.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

const (
	toolName = "transcheck"
	toolURI  = "https://github.com/transcheck/transcheck"
)

// WriteSARIF writes the report as a SARIF 2.1.0 log with one run, for
// GitHub code scanning and other SARIF consumers. Each finding is a result
// whose region carries 1-based lines and columns, the byte offset and
// length, and the finding's text as a snippet; evidence from coverage
// becomes related locations and suggestions become fixes. Documents are
// listed as artifacts with their language and machine-translation verdict
// in the artifact's property bag.
//
// The tool's version, an automationDetails id naming the analysis, and one
// invocation are always present; each of the report's Notices (an input
// that could not be read) becomes an error-level tool execution
// notification of that invocation, located at the input's path.
//
// The run sets columnKind explicitly: "utf16CodeUnits" (what GitHub and
// most editors count) when every document with findings carries its Text,
// so that columns can be converted, and "unicodeCodePoints", the unit of
// the report's own spans, when one does not.
func WriteSARIF(w io.Writer, r *Report) error {
	r = r.normalized()
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: toolName, InformationURI: toolURI,
			Version: ToolVersion, SemanticVersion: ToolVersion,
			Rules: []sarifRule{},
		}},
		AutomationDetails: sarifAutomation{ID: toolName + "/"},
		Invocations: []sarifInvocation{{
			ExecutionSuccessful:        true,
			ToolExecutionNotifications: []sarifNotification{},
		}},
		Artifacts:  []sarifArtifact{},
		Results:    []sarifResult{},
		ColumnKind: "utf16CodeUnits",
	}
	for _, d := range r.Documents {
		if d.Text == "" && len(d.Findings) > 0 {
			run.ColumnKind = "unicodeCodePoints"
		}
	}
	for _, n := range r.Notices {
		note := sarifNotification{Level: "error", Message: sarifText{Text: oneLine(n.Message)}}
		if n.Path != "" {
			note.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactLocation{URI: artifactURI(n.Path)},
			}}}
		}
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, note)
	}
	ruleIndex := map[string]int{}
	for di := range r.Documents {
		d := &r.Documents[di]
		mt := d.MachineTranslation
		art := sarifArtifact{
			Location: sarifArtifactLocation{URI: artifactURI(d.Path)},
			MimeType: "text/plain",
			Encoding: "utf-8",
			Properties: map[string]any{
				"language":           d.Language.Code,
				"languageConfidence": d.Language.Confidence,
				"verdict":            mt.Verdict,
				"score":              mt.Score,
				"sourceLanguage":     mt.SourceLanguage,
			},
		}
		if d.Text != "" {
			n := len(d.Text)
			art.Length = &n
		}
		run.Artifacts = append(run.Artifacts, art)
		reg := newRegionMaker(d.Text, run.ColumnKind == "utf16CodeUnits")
		seen := map[string]int{}
		for _, f := range d.Findings {
			ri, ok := ruleIndex[f.Rule]
			if !ok {
				ri = len(run.Tool.Driver.Rules)
				ruleIndex[f.Rule] = ri
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, newSarifRule(r, f))
			}
			region := reg.region(f.Span, f.Text)
			loc := sarifArtifactLocation{URI: art.Location.URI, Index: &di}
			res := sarifResult{
				RuleID:    f.Rule,
				RuleIndex: ri,
				Level:     sarifLevel(f.Severity),
				Message:   sarifText{Text: sarifMessage(f)},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: loc, Region: &region}}},
				PartialFingerprints: map[string]string{
					"transcheckFinding/v1": fingerprint(f.Rule, f.Text, seen),
				},
				Properties: map[string]any{
					"tags":       []string{string(f.Category)},
					"category":   f.Category,
					"confidence": f.Confidence,
				},
			}
			if len(f.Signals) > 0 {
				res.Properties["signals"] = f.Signals
			}
			for i, e := range f.Evidence {
				res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
					ID: i + 1,
					PhysicalLocation: sarifPhysical{
						ArtifactLocation: sarifArtifactLocation{URI: artifactURI(e.Path)},
						Region:           ptr(lineRegion(e.Span, e.Text)),
					},
					Message: &sarifText{Text: "Evidence: " + oneLine(e.Text)},
				})
			}
			for _, s := range f.Suggestions {
				res.Fixes = append(res.Fixes, sarifFix{
					Description: sarifText{Text: fmt.Sprintf("Replace %q with %q", f.Text, s)},
					ArtifactChanges: []sarifArtifactChange{{
						ArtifactLocation: loc,
						Replacements: []sarifReplacement{{
							DeletedRegion:   region.withoutSnippet(),
							InsertedContent: &sarifText{Text: s},
						}},
					}},
				})
			}
			run.Results = append(run.Results, res)
		}
	}
	log := sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifMessage is the result message: the finding's message and its
// suggestions, since code scanning shows the message but not the fixes.
func sarifMessage(f Finding) string {
	msg := oneLine(f.Message)
	if len(f.Suggestions) > 0 {
		if msg != "" && !strings.ContainsAny(msg[len(msg)-1:], ".!?") {
			msg += "."
		}
		qs := make([]string, len(f.Suggestions))
		for i, s := range f.Suggestions {
			qs[i] = fmt.Sprintf("%q", s)
		}
		msg += " Suggestion: " + strings.Join(qs, " or ") + "."
	}
	return msg
}

func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// fingerprint identifies a finding by rule, text and how many times the
// same rule fired on the same text before it in the document, so that it
// survives edits elsewhere in the file.
func fingerprint(rule, text string, seen map[string]int) string {
	key := rule + "\x00" + text
	n := seen[key]
	seen[key]++
	sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, n))
	return hex.EncodeToString(sum[:16])
}

// artifactURI turns a document path into a URI reference: a relative path
// stays relative with its segments percent-encoded, an absolute one
// becomes a file URI.
func artifactURI(path string) string {
	p := filepath.ToSlash(path)
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	out := strings.Join(segs, "/")
	if strings.HasPrefix(p, "/") {
		return "file://" + out
	}
	return out
}

// regionMaker converts report spans into SARIF regions for one document.
type regionMaker struct {
	loc   *Locator
	utf16 bool
}

func newRegionMaker(text string, utf16 bool) regionMaker {
	return regionMaker{loc: NewLocator(text), utf16: utf16 && text != ""}
}

func (m regionMaker) region(s Span, text string) sarifRegion {
	r := sarifRegion{
		StartLine: s.Line, StartColumn: s.Column, EndLine: s.EndLine, EndColumn: s.EndColumn,
		ByteOffset: s.Start, ByteLength: max(0, s.End-s.Start),
		Snippet: &sarifText{Text: text},
	}
	if m.utf16 {
		start, end := m.loc.Clamp(s.Start), m.loc.Clamp(s.End)
		r.StartLine, r.StartColumn = m.loc.LineColumnUTF16(start)
		r.EndLine, r.EndColumn = m.loc.LineColumnUTF16(max(start, end))
		r.ByteOffset, r.ByteLength = start, max(0, end-start)
	}
	r.StartLine, r.StartColumn = max(1, r.StartLine), max(1, r.StartColumn)
	r.EndLine, r.EndColumn = max(r.StartLine, r.EndLine), max(1, r.EndColumn)
	return r
}

// lineRegion is a region in a document whose text the report does not
// hold: lines and bytes only, which need no column unit.
func lineRegion(s Span, text string) sarifRegion {
	return sarifRegion{
		StartLine: max(1, s.Line), EndLine: max(1, s.Line, s.EndLine),
		ByteOffset: max(0, s.Start), ByteLength: max(0, s.End-s.Start),
		Snippet: &sarifText{Text: text},
	}
}

func ptr[T any](v T) *T { return &v }

func (r sarifRegion) withoutSnippet() sarifRegion {
	r.Snippet = nil
	return r
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool         `json:"tool"`
	AutomationDetails sarifAutomation   `json:"automationDetails"`
	Invocations       []sarifInvocation `json:"invocations"`
	Artifacts         []sarifArtifact   `json:"artifacts"`
	Results           []sarifResult     `json:"results"`
	ColumnKind        string            `json:"columnKind"`
}

// sarifAutomation identifies the analysis: "transcheck/" is the category
// GitHub code scanning files the results under.
type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	InformationURI  string      `json:"informationUri"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion"`
	Rules           []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      *sarifText     `json:"fullDescription,omitempty"`
	Help                 *sarifText     `json:"help,omitempty"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

// newSarifRule describes f's rule from the report's rule documentation,
// or from the finding alone when the report has none for it.
func newSarifRule(r *Report, f Finding) sarifRule {
	doc, ok := r.Rule(f.Rule)
	sr := sarifRule{
		ID:                   f.Rule,
		Name:                 ruleName(f.Rule),
		ShortDescription:     sarifText{Text: fmt.Sprintf("%s finding (%s)", f.Category, f.Rule)},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(f.Severity)},
		Properties:           map[string]any{"tags": []string{string(f.Category)}},
	}
	if ok {
		sr.ShortDescription = sarifText{Text: doc.Summary}
		sr.FullDescription = &sarifText{Text: doc.Description}
		sr.Help = &sarifText{Text: doc.Help}
		sr.HelpURI = doc.HelpURI
		if doc.Severity != "" {
			sr.DefaultConfiguration.Level = sarifLevel(doc.Severity)
		}
	}
	return sr
}

// ruleName is a rule's ID as the identifier SARIF's reportingDescriptor
// name wants: "place-name/romanized" becomes "PlaceNameRomanized".
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifArtifact struct {
	Location   sarifArtifactLocation `json:"location"`
	Length     *int                  `json:"length,omitempty"`
	MimeType   string                `json:"mimeType"`
	Encoding   string                `json:"encoding"`
	Properties map[string]any        `json:"properties"`
}

type sarifArtifactLocation struct {
	URI   string `json:"uri"`
	Index *int   `json:"index,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          map[string]any    `json:"properties"`
}

type sarifLocation struct {
	ID               int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn,omitempty"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn,omitempty"`
	ByteOffset  int        `json:"byteOffset"`
	ByteLength  int        `json:"byteLength"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}
