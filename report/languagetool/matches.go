package languagetool

import (
	"cmp"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/transcheck/transcheck/report"
)

// contextRunes is how many characters of text a match's context shows on
// each side, as LanguageTool's default context does.
const contextRunes = 40

func (h *Handler) response(req *request, doc *report.Document, incomplete bool) Response {
	resp := Response{
		Software:       h.software(),
		Warnings:       Warnings{IncompleteResults: incomplete},
		Matches:        []Match{},
		SentenceRanges: [][2]int{},
	}
	lang := req.lang
	detected := DetectedLanguage{Name: lang.Name, Code: lang.LongCode}
	if doc != nil && doc.Language.Code != "" {
		detected = DetectedLanguage{Name: h.languageName(doc.Language.Code), Code: doc.Language.Code, Confidence: doc.Language.Confidence}
	}
	if req.language == "auto" {
		lang = Language{Name: detected.Name, Code: detected.Code, LongCode: detected.Code}
		if lang.LongCode == "" {
			lang = h.opts.Languages[0]
		}
	}
	resp.Language = ResponseLanguage{Name: lang.Name, Code: lang.LongCode, DetectedLanguage: detected}
	if doc == nil {
		return resp
	}
	t := req.text
	orig := report.NewLocator(t.original)
	checked := report.NewLocator(t.checked)
	for _, f := range doc.Findings {
		if !req.filter.allows(f) {
			continue
		}
		start := checked.Clamp(f.Span.Start)
		end := max(start, checked.Clamp(f.Span.End))
		oStart, oEnd := t.toOriginal(start, false), t.toOriginal(end, true)
		off := orig.UTF16(oStart)
		m := Match{
			Message:      strings.TrimSpace(f.Message),
			ShortMessage: categoryName(f.Category),
			Replacements: make([]Replacement, 0, len(f.Suggestions)),
			Offset:       off,
			Length:       max(0, orig.UTF16(oEnd)-off),
			Context:      matchContext(checked, start, end),
			Sentence:     sentenceAt(doc, t.checked, start),
			Type:         Type{TypeName: typeName(f.Severity)},
			Rule: Rule{
				ID:          ruleID(f.Rule),
				Description: f.Rule,
				IssueType:   IssueType(f.Category),
				Category:    RuleCategory{ID: ruleID(string(f.Category)), Name: categoryName(f.Category)},
			},
		}
		for _, s := range f.Suggestions {
			m.Replacements = append(m.Replacements, Replacement{Value: s})
		}
		doc, documented := h.rules[f.Rule]
		if documented && doc.Summary != "" {
			m.Rule.Description = doc.Summary
		}
		u := doc.HelpURI
		if h.opts.RuleURL != nil {
			u = h.opts.RuleURL(f.Rule)
		}
		if u != "" {
			m.Rule.URLs = []URL{{Value: u}}
		}
		resp.Matches = append(resp.Matches, m)
	}
	slices.SortStableFunc(resp.Matches, func(a, b Match) int {
		return cmp.Or(cmp.Compare(a.Offset, b.Offset), cmp.Compare(a.Length, b.Length), cmp.Compare(a.Rule.ID, b.Rule.ID))
	})
	for _, s := range doc.Sentences {
		start := checked.Clamp(s.Span.Start)
		from := orig.UTF16(t.toOriginal(start, false))
		to := orig.UTF16(t.toOriginal(max(start, checked.Clamp(s.Span.End)), true))
		resp.SentenceRanges = append(resp.SentenceRanges, [2]int{from, max(0, to-from)})
	}
	return resp
}

// matchContext is the match with up to contextRunes characters each side,
// "..." where the text goes on, and line breaks shown as spaces; its offset
// and length are in UTF-16 code units.
func matchContext(loc *report.Locator, start, end int) Context {
	text := loc.Text()
	from := loc.ByteFromRunes(max(0, loc.Runes(start)-contextRunes))
	to := loc.ByteFromRunes(loc.Runes(end) + contextRunes)
	var b strings.Builder
	if from > 0 {
		b.WriteString("...")
	}
	b.WriteString(text[from:start])
	pre := b.String()
	b.WriteString(text[start:end])
	b.WriteString(text[end:to])
	if to < len(text) {
		b.WriteString("...")
	}
	flat := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, b.String())
	pl := report.NewLocator(pre)
	ml := report.NewLocator(text[start:end])
	return Context{Text: flat, Offset: pl.UTF16(len(pre)), Length: ml.UTF16(end - start)}
}

// sentenceAt is the text of the document's sentence that holds off.
func sentenceAt(doc *report.Document, text string, off int) string {
	for _, s := range doc.Sentences {
		if s.Span.Start <= off && off < s.Span.End && s.Span.End <= len(text) {
			return text[s.Span.Start:s.Span.End]
		}
	}
	return ""
}

// IssueType maps a finding's category to the ITS 2.0 localization quality
// issue type LanguageTool clients colour matches by.
func IssueType(c report.Category) string {
	switch c {
	case report.PlaceName:
		return "mistranslation"
	case report.Garbled:
		return "grammar"
	case report.Untranslated:
		return "untranslated"
	case report.Boilerplate:
		return "addition"
	case report.Number:
		return "numbers"
	case report.Quote:
		return "inconsistency"
	case report.Encoding:
		return "characters"
	case report.Style:
		return "style"
	}
	return "uncategorized"
}

func categoryName(c report.Category) string {
	switch c {
	case report.PlaceName:
		return "Place name"
	case report.Garbled:
		return "Garbled passage"
	case report.Untranslated:
		return "Untranslated text"
	case report.Boilerplate:
		return "Boilerplate"
	case report.Number:
		return "Number"
	case report.Quote:
		return "Quotation"
	case report.Encoding:
		return "Encoding"
	case report.Style:
		return "Style"
	}
	s := strings.ReplaceAll(string(c), "-", " ")
	if s == "" {
		return "Other"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func typeName(s report.Severity) string {
	if s == report.Info {
		return "Hint"
	}
	return "Other"
}

// ruleID writes a transcheck name in LanguageTool's style: upper case,
// anything but letters and digits as '_' ("place-name/romanized" becomes
// "PLACE_NAME_ROMANIZED").
func ruleID(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return '_'
	}, s)
}

// ruleFilter is LanguageTool's disabledRules, disabledCategories,
// enabledRules, enabledCategories and enabledOnly parameters. Rules and
// categories may be named in LanguageTool's style or transcheck's.
type ruleFilter struct {
	disabled, enabled map[string]bool
	enabledOnly       bool
}

func newRuleFilter(form url.Values) ruleFilter {
	set := func(keys ...string) map[string]bool {
		m := map[string]bool{}
		for _, k := range keys {
			for _, v := range strings.Split(form.Get(k), ",") {
				if v = strings.TrimSpace(v); v != "" {
					m[ruleID(v)] = true
				}
			}
		}
		return m
	}
	return ruleFilter{
		disabled:    set("disabledRules", "disabledCategories"),
		enabled:     set("enabledRules", "enabledCategories"),
		enabledOnly: form.Get("enabledOnly") == "true",
	}
}

func (f ruleFilter) allows(x report.Finding) bool {
	rule, cat := ruleID(x.Rule), ruleID(string(x.Category))
	if f.disabled[rule] || f.disabled[cat] {
		return false
	}
	return !f.enabledOnly || f.enabled[rule] || f.enabled[cat]
}

// languageName names a detected language: from the server's languages
// when it is one of them, else by its code.
func (h *Handler) languageName(code string) string {
	for _, l := range h.opts.Languages {
		if strings.EqualFold(l.LongCode, code) {
			return l.Name
		}
	}
	return code
}
