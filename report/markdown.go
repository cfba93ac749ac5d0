package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

func init() { Register("markdown", WriteMarkdown) }

// WriteMarkdown writes the report as GitHub-flavoured Markdown: for each
// document a summary (verdict, score, source language, language, counts by
// category), the signals behind the verdict, a table of findings and a table
// of the aligned passages. Every piece of document text is escaped, so it
// renders as the text it is and never as Markdown or HTML.
func WriteMarkdown(w io.Writer, r *Report) error {
	r = r.normalized()
	var b strings.Builder
	b.WriteString("# transcheck report\n")
	if len(r.Documents) == 0 {
		b.WriteString("\nNo documents were checked.\n")
	}
	if len(r.Notices) > 0 {
		b.WriteString("\n## Not checked\n\n")
		for _, n := range r.Notices {
			fmt.Fprintf(&b, "- %s\n", mdEscape(noticeText(n)))
		}
	}
	for i := range r.Documents {
		writeMarkdownDocument(&b, &r.Documents[i])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdownDocument(b *strings.Builder, d *Document) {
	mt := d.MachineTranslation
	fmt.Fprintf(b, "\n## %s\n\n", mdEscape(d.Path))
	b.WriteString("| Verdict | Score | Source language | Language | Findings |\n")
	b.WriteString("| --- | ---: | --- | --- | ---: |\n")
	fmt.Fprintf(b, "| %s | %.2f | %s | %s (%.2f) | %d |\n",
		mdEscape(orDash(string(mt.Verdict))), mt.Score, mdEscape(orDash(mt.SourceLanguage)),
		mdEscape(orDash(d.Language.Code)), d.Language.Confidence, len(d.Findings))

	if counts := categoryCounts(d); len(counts) > 0 {
		b.WriteString("\n| Category | Findings |\n| --- | ---: |\n")
		for _, c := range counts {
			fmt.Fprintf(b, "| %s | %d |\n", mdEscape(string(c.Category)), c.Count)
		}
	}

	if len(mt.Signals) > 0 {
		b.WriteString("\n### Signals\n\n")
		b.WriteString("| Signal | Strength | Weight | Count | Language | Reason |\n")
		b.WriteString("| --- | ---: | ---: | ---: | --- | --- |\n")
		for _, s := range mt.Signals {
			fmt.Fprintf(b, "| %s | %.2f | %.2f | %d | %s | %s |\n",
				mdEscape(s.Name), s.Strength, s.Weight, s.Count, mdEscape(orDash(s.Language)), mdEscape(s.Reason))
		}
	}

	b.WriteString("\n### Findings\n\n")
	if len(d.Findings) == 0 {
		b.WriteString("No findings.\n")
	} else {
		b.WriteString("| Line | Column | Severity | Category | Rule | Text | Message | Suggestions |\n")
		b.WriteString("| ---: | ---: | --- | --- | --- | --- | --- | --- |\n")
		for _, f := range d.Findings {
			sugg := make([]string, len(f.Suggestions))
			for i, s := range f.Suggestions {
				sugg[i] = mdEscape(s)
			}
			fmt.Fprintf(b, "| %d | %d | %s | %s | %s | %s | %s | %s |\n",
				f.Span.Line, f.Span.Column, mdEscape(string(f.Severity)), mdEscape(string(f.Category)),
				mdEscape(f.Rule), mdEscape(f.Text), mdEscape(f.Message), strings.Join(sugg, " · "))
		}
	}

	if len(d.Alignments) > 0 {
		b.WriteString("\n### Aligned passages\n\n")
		b.WriteString("| Line | Score | Mode | Passage | Coverage | Coverage passage |\n")
		b.WriteString("| ---: | ---: | --- | --- | --- | --- |\n")
		for _, a := range d.Alignments {
			fmt.Fprintf(b, "| %d | %.2f | %s | %s | %s:%d | %s |\n",
				a.Span.Line, a.Score, mdEscape(a.Mode), mdEscape(a.Text),
				mdEscape(a.Coverage.Path), a.Coverage.Span.Line, mdEscape(a.Coverage.Text))
		}
	}
}

// categoryCount is the number of findings of one category.
type categoryCount struct {
	Category Category
	Count    int
}

// categoryCounts returns the document's non-zero category counts, the known
// categories in their fixed order and any others after them by name.
func categoryCounts(d *Document) []categoryCount {
	m := d.Counts()
	var out []categoryCount
	for _, c := range Categories {
		if m[c] > 0 {
			out = append(out, categoryCount{c, m[c]})
			delete(m, c)
		}
	}
	rest := make([]categoryCount, 0, len(m))
	for c, n := range m {
		rest = append(rest, categoryCount{c, n})
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].Category < rest[j].Category })
	return append(out, rest...)
}

// mdEscaper escapes the characters that Markdown or inline HTML would
// interpret, and folds line breaks so that a table cell stays one line.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `~`, `\~`, `&`, `\&`, `#`, `\#`,
)

func mdEscape(s string) string { return mdEscaper.Replace(oneLine(s)) }
