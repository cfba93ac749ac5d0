package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Renderer writes a report in one format.
type Renderer func(w io.Writer, r *Report) error

var renderers = map[string]Renderer{
	"json": WriteJSON,
	"text": WriteText,
}

// Register adds or replaces the renderer for a format name. It is meant to
// be called from init functions, before any report is rendered.
func Register(format string, r Renderer) { renderers[format] = r }

// Formats returns the names of the formats Write knows, sorted.
func Formats() []string {
	out := make([]string, 0, len(renderers))
	for k := range renderers {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Write renders r in the named format.
func Write(w io.Writer, r *Report, format string) error {
	render, ok := renderers[format]
	if !ok {
		return fmt.Errorf("report: unknown format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	if err := render(w, r); err != nil {
		return fmt.Errorf("report: render %s: %w", format, err)
	}
	return nil
}

// WriteJSON writes the report as indented JSON, schema version 1. The
// report is rendered in normalized form (its argument is left as it is),
// so the same report gives the same bytes.
func WriteJSON(w io.Writer, r *Report) error {
	r = r.normalized()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report for a terminal: per document a summary line,
// where a model scored sentences a bar of their machine-translation
// probabilities (one block per sentence, paragraphs apart), then one line
// per finding in the form path:line:column: severity: message [rule]
// (suggestion); last, one "not checked:" line per notice.
func WriteText(w io.Writer, r *Report) error {
	r = r.normalized()
	var b strings.Builder
	for _, d := range r.Documents {
		mt := d.MachineTranslation
		fmt.Fprintf(&b, "%s: language %s (%.2f), machine translation: %s (score %.2f", d.Path, orDash(d.Language.Code), d.Language.Confidence, mt.Verdict, mt.Score)
		if mt.SourceLanguage != "" {
			fmt.Fprintf(&b, ", from %s", mt.SourceLanguage)
		}
		fmt.Fprintf(&b, "), %d finding%s\n", len(d.Findings), plural(len(d.Findings)))
		if bar := sentenceBar(&d); bar != "" {
			b.WriteString(bar)
			b.WriteByte('\n')
		}
		for _, f := range d.Findings {
			b.WriteString(textLine(d.Path, f))
			b.WriteByte('\n')
		}
	}
	for _, n := range r.Notices {
		fmt.Fprintf(&b, "not checked: %s\n", oneLine(noticeText(n)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// noticeText is a notice as one message, its path first unless the
// message already names it.
func noticeText(n Notice) string {
	if n.Path == "" || strings.Contains(n.Message, n.Path) {
		return n.Message
	}
	return n.Path + ": " + n.Message
}

// barLevels are the bar's eight heights, from human to machine.
var barLevels = []rune("▁▂▃▄▅▆▇█")

// sentenceBar is a compact bar of the document's sentences'
// machine-translation probabilities: one block per scored sentence, eight
// heights, a space between paragraphs, then the line of the most likely
// sentence. It is "" when no sentence was scored.
func sentenceBar(d *Document) string {
	paras := paragraphs(d.Text)
	para := func(s SentenceLanguage) int {
		if len(paras) == 0 {
			return s.Span.Line // no text: a line stands for a paragraph
		}
		return sort.Search(len(paras), func(i int) bool { return paras[i][2] > s.Span.Start })
	}
	var b strings.Builder
	last, n := -1, 0
	var worst SentenceLanguage
	for _, s := range d.Sentences {
		p := s.MachineProbability
		if p == nil {
			continue
		}
		if pi := para(s); pi != last {
			if last >= 0 {
				b.WriteByte(' ')
			}
			last = pi
		}
		b.WriteRune(barLevels[min(len(barLevels)-1, max(0, int(*p*float64(len(barLevels)))))])
		if n == 0 || *p > *worst.MachineProbability {
			worst = s
		}
		n++
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("  machine translation by sentence (▁ human … █ machine): %s; most likely line %d (%.2f)",
		b.String(), worst.Span.Line, *worst.MachineProbability)
}

// textLine is a finding as the text format writes it, without the line end.
func textLine(path string, f Finding) string {
	s := fmt.Sprintf("%s:%d:%d: %s: %s [%s]", path, f.Span.Line, f.Span.Column, f.Severity, oneLine(f.Message), f.Rule)
	if len(f.Suggestions) > 0 {
		s += fmt.Sprintf(" (suggest: %s)", strings.Join(f.Suggestions, " | "))
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// oneLine folds white space so a message stays on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
