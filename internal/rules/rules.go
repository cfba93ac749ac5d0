// Package rules is transcheck's rule registry: every kind of finding the
// checkers emit is defined here once, with its ID, category, default
// severity, the detector that owns it, and the documentation an editor and
// an editor's tools read (a summary, a full description, help with a bad and
// a good example).
//
// Detectors refer to a rule by its variable (rules.GarbledCalque) and never
// spell an ID as a string. The README's rule table, RULES.md, SARIF's rule
// descriptors, LanguageTool's rule and category IDs and rdjson's codes are all
// made from this registry, and a test fails when code emits a rule the
// registry lacks or the registry holds one that nothing emits.
package rules

import (
	"cmp"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/report"
)

// Rule is one kind of finding.
type Rule struct {
	// ID is the stable identifier, "category/name". Reports and user
	// configurations refer to it.
	ID string
	// Category groups the rule with others of its kind.
	Category report.Category
	// Severity is the rule's default severity. A detector may lower it
	// when it is unsure (a weak match is information) and raise a garbled
	// passage to an error when several detectors agree.
	Severity report.Severity
	// Owner names the one detector that emits the rule.
	Owner string
	// Summary is one line, in the imperative an editor acts on.
	Summary string
	// Description says what the rule finds and why it matters.
	Description string
	// Bad is an example sentence the rule flags, Good the same sentence
	// corrected. Both are written by the transcheck authors.
	Bad, Good string
}

// Owners, the detectors that emit rules. Each owns its rules alone.
const (
	OwnerBoundary     = "lingua: broken sentence boundaries"
	OwnerPhrase       = "lingua: phrase tables (calques, idioms, word order, source conventions)"
	OwnerClauses      = "lingua: clause checks"
	OwnerVerb         = "lingua: finite-verb check"
	OwnerFluency      = "lingua: fluency model"
	OwnerLearnedSpans = "lingua: learned span tagger (internal/spantag)"
	OwnerRomanized    = "lingua: romanized source words"
	OwnerSlips        = "lingua: word slips (words run together, doubled words)"
	OwnerChrome       = "lingua: page chrome and bylines"
	OwnerScript       = "lingua: foreign scripts and languages"
	OwnerConventions  = "lingua: source conventions (quotation marks, number format, spelling)"
	OwnerInstitution  = "lingua: institution names"
	OwnerPlaceNames   = "internal/placecheck: place names in the text"
	OwnerAlignPlaces  = "align: place names against coverage"
	OwnerAlignNumbers = "align: numbers against coverage"
	OwnerAlignQuotes  = "align: quotations against coverage"
	OwnerMojibake     = "internal/mojibake: text decoded with the wrong encoding"
)

var registry = map[string]*Rule{}

// define adds r to the registry. IDs are unique; a second definition of an
// ID is a programming error caught at start-up.
func define(r Rule) *Rule {
	if _, dup := registry[r.ID]; dup {
		panic("rules: " + r.ID + " defined twice")
	}
	if !strings.HasPrefix(r.ID, string(r.Category)+"/") {
		panic("rules: " + r.ID + " is not in its category " + string(r.Category))
	}
	p := &r
	registry[r.ID] = p
	return p
}

// All returns every rule, sorted by ID.
func All() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *Rule) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (*Rule, bool) {
	r, ok := registry[id]
	return r, ok
}

// String returns the rule's ID.
func (r *Rule) String() string { return r.ID }

// DocsURL is where the rules' documentation (RULES.md) is published.
const DocsURL = "https://github.com/transcheck/transcheck/blob/main/RULES.md"

// Anchor is the rule's fragment in RULES.md: its ID with the slash
// removed, as Markdown renderers make heading anchors.
func (r *Rule) Anchor() string {
	return strings.ReplaceAll(r.ID, "/", "")
}

// HelpURI is the address of the rule's documentation.
func (r *Rule) HelpURI() string { return DocsURL + "#" + r.Anchor() }

// Help is the help text: the description, then the example pair.
func (r *Rule) Help() string {
	var b strings.Builder
	b.WriteString(r.Description)
	if r.Bad != "" {
		b.WriteString("\n\nFlagged: " + r.Bad)
	}
	if r.Good != "" {
		b.WriteString("\nBetter: " + r.Good)
	}
	return b.String()
}

// Descriptor returns the rule's documentation in the report model's form.
func (r *Rule) Descriptor() report.Rule {
	return report.Rule{
		ID:          r.ID,
		Category:    r.Category,
		Severity:    r.Severity,
		Summary:     r.Summary,
		Description: r.Description,
		Help:        r.Help(),
		HelpURI:     r.HelpURI(),
	}
}

// Describe sets rep.Rules to the descriptors of the rules rep's findings
// use, sorted by ID. Findings with an ID the registry lacks get a
// descriptor with only the ID and category, so a report is never
// incomplete.
func Describe(rep *report.Report) {
	seen := map[string]bool{}
	var out []report.Rule
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			if seen[f.Rule] {
				continue
			}
			seen[f.Rule] = true
			if r, ok := Lookup(f.Rule); ok {
				out = append(out, r.Descriptor())
			} else {
				out = append(out, report.Rule{ID: f.Rule, Category: f.Category, Severity: f.Severity})
			}
		}
	}
	slices.SortFunc(out, func(a, b report.Rule) int { return cmp.Compare(a.ID, b.ID) })
	rep.Rules = out
}
