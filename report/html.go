package report

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

func init() { Register("html", WriteHTML) }

// WriteHTML writes the report as one self-contained HTML page for an editor
// to open in a browser: no scripts, no network, CSS inline, and a Content
// Security Policy that forbids both. For each document it shows a summary
// panel (verdict, score, source language, language, counts by category and
// the signals behind the verdict), the text with each finding highlighted —
// background by category, underline by severity — whose message and
// suggestions appear on hover or keyboard focus and whose card a click
// opens, the list of findings, and each aligned passage side by side with
// its coverage, the word diff coloured.
//
// The page is built with html/template: every piece of document text,
// message and path is escaped for the context it lands in.
func WriteHTML(w io.Writer, r *Report) error {
	r = r.normalized()
	v := htmlView{Worst: r.Worst(), Notices: r.Notices}
	for i := range r.Documents {
		v.Docs = append(v.Docs, newHTMLDoc(&r.Documents[i], i))
	}
	return htmlPage.Execute(w, v)
}

type htmlView struct {
	Worst   Severity
	Docs    []htmlDoc
	Notices []Notice
}

type htmlDoc struct {
	ID         string
	Path       string
	Language   Language
	MT         MachineTranslation
	Counts     []htmlCount
	HasText    bool
	Blocks     []htmlBlock
	Findings   []htmlFinding
	Alignments []htmlAlignment
	HasHeat    bool
}

// htmlBlock is one paragraph of the text with the cards of the findings
// that start in it and the heat of its sentences.
type htmlBlock struct {
	Segments []htmlSegment
	// Sep is the blank lines after the paragraph: kept in the page's text,
	// not shown.
	Sep      string
	Findings []htmlFinding
	Heat     []htmlHeat
}

// htmlHeat is one sentence's machine-translation probability.
type htmlHeat struct {
	Class string // heat-0 (human) … heat-9 (machine)
	Title string
}

type htmlCount struct {
	Category Category
	Class    string
	Count    int
}

// htmlSegment is a run of document text covered by the same findings.
type htmlSegment struct {
	at      int      // byte offset of Text
	Anchors []string // ids of the findings that start here
	Carets  []htmlMark
	Text    string
	Mark    *htmlMark // nil for text no finding covers
}

// htmlMark is a highlight: its classes, the card it opens and its tip.
type htmlMark struct {
	Class string
	Href  string
	Tip   string
}

type htmlFinding struct {
	Finding
	ID, MarkID string
	Class      string
	Diff       []htmlDiffOp
	HasText    bool // the page shows the text, so the card links to its mark
}

type htmlAlignment struct {
	Alignment
	Left, Right []htmlDiffOp
}

type htmlDiffOp struct {
	Class string
	Text  string
}

func newHTMLDoc(d *Document, n int) htmlDoc {
	id := fmt.Sprintf("d%d", n)
	hd := htmlDoc{
		ID:       id,
		Path:     d.Path,
		Language: d.Language,
		MT:       d.MachineTranslation,
		HasText:  d.Text != "",
	}
	for _, c := range categoryCounts(d) {
		hd.Counts = append(hd.Counts, htmlCount{c.Category, cssClass("cat", string(c.Category)), c.Count})
	}
	for i, f := range d.Findings {
		hd.Findings = append(hd.Findings, htmlFinding{
			Finding: f,
			ID:      fmt.Sprintf("%s-f%d", id, i),
			MarkID:  fmt.Sprintf("%s-m%d", id, i),
			Class:   findingClass(f),
			HasText: hd.HasText,
		})
		if informativeDiff(f.Diff) || shortSwap(f.Diff) {
			hd.Findings[i].Diff = htmlDiff(f.Diff, true, true)
		}
	}
	if hd.HasText {
		hd.Blocks = htmlBlocks(d, hd.Findings)
		for _, b := range hd.Blocks {
			if len(b.Heat) > 0 {
				hd.HasHeat = true
			}
		}
	}
	for _, a := range d.Alignments {
		ha := htmlAlignment{Alignment: a}
		if informativeDiff(a.Diff) {
			ha.Left = htmlDiff(a.Diff, true, false)
			ha.Right = htmlDiff(a.Diff, false, true)
		} else {
			ha.Left = []htmlDiffOp{{Class: "eq", Text: a.Text}}
			ha.Right = []htmlDiffOp{{Class: "eq", Text: a.Coverage.Text}}
		}
		hd.Alignments = append(hd.Alignments, ha)
	}
	return hd
}

// paragraphs returns the byte ranges of text's paragraphs: runs of lines
// separated by blank lines. Each range's end is where the paragraph's text
// ends; sep is where the blank lines after it end (the next paragraph's
// start). Together the ranges cover the text.
func paragraphs(text string) (ranges [][3]int) {
	start := 0
	for start < len(text) {
		// The paragraph ends at the first line break followed by a line
		// holding only white space.
		end, next := len(text), len(text)
		for i := start; i < len(text); {
			nl := strings.IndexByte(text[i:], '\n')
			if nl < 0 {
				break
			}
			lineEnd := i + nl
			j := lineEnd + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				end = lineEnd
				for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
					j++
				}
				next = j
				break
			}
			i = lineEnd + 1
		}
		if end > start && text[end-1] == '\r' {
			end--
		}
		ranges = append(ranges, [3]int{start, end, next})
		start = next
	}
	return ranges
}

// htmlBlocks cuts the document's text into paragraphs, each with its
// highlighted segments, the cards of the findings that start in it, and
// the heat of the sentences that start in it.
func htmlBlocks(d *Document, fs []htmlFinding) []htmlBlock {
	text := d.Text
	paras := paragraphs(text)
	if len(paras) == 0 {
		paras = [][3]int{{0, 0, 0}}
	}
	cuts := make([]int, 0, 2*len(paras))
	for _, p := range paras {
		cuts = append(cuts, p[0], p[1])
	}
	blocks := make([]htmlBlock, len(paras))
	// para returns the paragraph whose text or separator holds off.
	para := func(off int) int {
		i := sort.Search(len(paras), func(i int) bool { return paras[i][2] > off })
		return min(i, len(paras)-1)
	}
	for _, seg := range htmlSegments(text, fs, cuts...) {
		i := para(seg.at)
		b := &blocks[i]
		if seg.at < paras[i][1] {
			b.Segments = append(b.Segments, seg)
			continue
		}
		// Blank lines between paragraphs stay in the page's text but are
		// not shown; a zero-width finding there keeps its caret.
		b.Sep += seg.Text
		if len(seg.Anchors) > 0 || len(seg.Carets) > 0 {
			b.Segments = append(b.Segments, htmlSegment{at: seg.at, Anchors: seg.Anchors, Carets: seg.Carets})
		}
	}
	loc := NewLocator(text)
	for _, f := range fs {
		i := para(loc.Clamp(f.Span.Start))
		blocks[i].Findings = append(blocks[i].Findings, f)
	}
	for _, s := range d.Sentences {
		if pr := s.MachineProbability; pr != nil {
			i := para(loc.Clamp(s.Span.Start))
			blocks[i].Heat = append(blocks[i].Heat, htmlHeat{
				Class: fmt.Sprintf("heat-%d", min(9, max(0, int(*pr*10)))),
				Title: fmt.Sprintf("line %d: machine-translation probability %.2f", s.Span.Line, *pr),
			})
		}
	}
	return blocks
}

// htmlSegments cuts text at every finding's start and end, and at the
// extra cuts, so that each segment is covered by one set of findings. It
// sweeps the cuts in order, keeping the findings open at each.
func htmlSegments(text string, fs []htmlFinding, extra ...int) []htmlSegment {
	loc := NewLocator(text)
	type iv struct{ start, end, i int }
	ivs := make([]iv, len(fs))
	cuts := append([]int{0, len(text)}, extra...)
	for i, f := range fs {
		s := loc.Clamp(f.Span.Start)
		e := max(s, loc.Clamp(f.Span.End))
		ivs[i] = iv{s, e, i}
		cuts = append(cuts, s, e)
	}
	sort.Ints(cuts)
	byStart := slices.Clone(ivs)
	sort.SliceStable(byStart, func(a, b int) bool { return byStart[a].start < byStart[b].start })
	var segs []htmlSegment
	var open []iv // findings with start <= at < end, in finding order
	next := 0
	for k, at := range cuts {
		if k > 0 && at == cuts[k-1] {
			continue
		}
		end := len(text)
		for _, c := range cuts[k:] {
			if c > at {
				end = c
				break
			}
		}
		seg := htmlSegment{Text: text[at:end], at: at}
		// Drop the findings that ended; open the ones that start here.
		kept := open[:0]
		for _, v := range open {
			if v.end > at {
				kept = append(kept, v)
			}
		}
		open = kept
		for next < len(byStart) && byStart[next].start == at {
			v := byStart[next]
			next++
			seg.Anchors = append(seg.Anchors, fs[v.i].MarkID)
			if v.end == v.start {
				seg.Carets = append(seg.Carets, htmlMark{
					Class: "caret " + fs[v.i].Class, Href: "#" + fs[v.i].ID, Tip: htmlTip(fs[v.i].Finding),
				})
				continue
			}
			open = append(open, v)
		}
		slices.SortFunc(open, func(a, b iv) int { return a.i - b.i })
		if at < end && len(open) > 0 {
			cover := make([]int, len(open))
			for i, v := range open {
				cover[i] = v.i
			}
			seg.Mark = coverMark(fs, cover)
		}
		if seg.Text != "" || len(seg.Anchors) > 0 {
			segs = append(segs, seg)
		}
	}
	return segs
}

// coverMark styles a segment after the most serious finding covering it
// and lists every covering finding in its tip.
func coverMark(fs []htmlFinding, cover []int) *htmlMark {
	top := cover[0]
	tips := make([]string, 0, len(cover))
	for _, i := range cover {
		if fs[i].Severity.Rank() > fs[top].Severity.Rank() {
			top = i
		}
		tips = append(tips, htmlTip(fs[i].Finding))
	}
	class := "hl " + fs[top].Class
	if len(cover) > 1 {
		class += " multi"
	}
	return &htmlMark{Class: class, Href: "#" + fs[top].ID, Tip: strings.Join(tips, "\n\n")}
}

func htmlTip(f Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s: %s", f.Severity, f.Category, oneLine(f.Message))
	if len(f.Suggestions) > 0 {
		b.WriteString("\n→ " + strings.Join(f.Suggestions, " | "))
	}
	return b.String()
}

// informativeDiff says whether a word diff tells the editor something:
// the two sides share at least half of the longer side's text. Below
// that, a loosely similar passage would be struck through almost whole,
// and the two passages side by side say more.
func informativeDiff(ops []DiffOp) bool {
	if len(ops) == 0 {
		return false
	}
	var eq, del, ins int
	for _, op := range ops {
		n := utf8.RuneCountInString(strings.TrimSpace(op.Text))
		switch op.Op {
		case DiffEqual:
			eq += n
		case DiffDelete:
			del += n
		case DiffInsert:
			ins += n
		}
	}
	if del == 0 && ins == 0 {
		return false // nothing differs: no diff to show
	}
	return 2*eq >= max(eq+del, eq+ins)
}

// shortSwap says whether a diff only swaps a few words (a name, a number)
// for others: on a finding that says what the coverage has instead, that
// tells the editor something even with nothing else in common.
func shortSwap(ops []DiffOp) bool {
	changed := 0
	for _, op := range ops {
		if op.Op != DiffEqual {
			changed += utf8.RuneCountInString(strings.TrimSpace(op.Text))
		}
	}
	return changed > 0 && changed <= 40
}

// htmlDiff returns the ops one side shows: the document side keeps equal
// and deleted text, the coverage side equal and inserted text.
func htmlDiff(ops []DiffOp, doc, cov bool) []htmlDiffOp {
	out := make([]htmlDiffOp, 0, len(ops))
	for _, op := range ops {
		switch {
		case op.Op == DiffEqual:
			out = append(out, htmlDiffOp{"eq", op.Text})
		case op.Op == DiffDelete && doc:
			out = append(out, htmlDiffOp{"del", op.Text})
		case op.Op == DiffInsert && cov:
			out = append(out, htmlDiffOp{"ins", op.Text})
		}
	}
	return out
}

func findingClass(f Finding) string {
	return cssClass("sev", string(f.Severity)) + " " + cssClass("cat", string(f.Category))
}

// cssClass makes a class name from a prefix and a value that may be any
// string: letters and digits are kept, anything else becomes '-'.
func cssClass(prefix, v string) string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteByte('-')
	for _, r := range strings.ToLower(v) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

var htmlFuncs = template.FuncMap{
	"pct":      func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
	"fixed":    func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"orDash":   orDash,
	"sevClass": func(s Severity) string { return cssClass("sev", string(s)) },
	"verdictClass": func(v Verdict) string {
		return cssClass("verdict", string(v))
	},
	"verdictText": func(v Verdict) string {
		switch v {
		case Machine:
			return "Machine-translated"
		case Human:
			return "Human-written"
		case Uncertain:
			return "Uncertain"
		}
		return orDash(string(v))
	},
	"plural": func(n int, word string) string {
		return fmt.Sprintf("%d %s%s", n, word, plural(n))
	},
}

var htmlPage = template.Must(template.New("report").Funcs(htmlFuncs).Parse(htmlTemplate))

const htmlTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="transcheck">
<title>transcheck report</title>
<style>
:root { --error: #b71c1c; --warning: #e65100; --info: #1565c0; --ink: #1d1d1f; --muted: #5f6368; --line: #dadce0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #f6f7f9; }
header.top { padding: 14px 24px; background: #20242a; color: #fff; display: flex; gap: 16px; align-items: baseline; }
header.top h1 { font-size: 18px; margin: 0; }
header.top .legend { margin-left: auto; font-size: 13px; }
section.doc { margin: 20px 24px 36px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 22px; }
section.doc > h2 { margin: 0 0 12px; font-size: 19px; word-break: break-all; }
.summary { display: flex; flex-wrap: wrap; gap: 10px 28px; align-items: center; padding: 12px 14px; background: #f8f9fb; border: 1px solid var(--line); border-radius: 6px; }
.summary dl { display: grid; grid-template-columns: auto auto; gap: 2px 10px; margin: 0; }
.summary dt { color: var(--muted); }
.summary dd { margin: 0; font-weight: 600; }
.verdict { font-weight: 700; padding: 4px 10px; border-radius: 999px; font-size: 14px; }
.verdict-machine { background: #fde0dc; color: var(--error); }
.verdict-uncertain { background: #fff0c2; color: #8a5a00; }
.verdict-human { background: #dff3e3; color: #1b5e20; }
meter { width: 120px; vertical-align: middle; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 4px; font-size: 13px; border: 1px solid rgba(0,0,0,.12); }
details.signals { width: 100%; }
details.signals summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; }
table.signals td, table.signals th { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; font-size: 13px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.rows { margin-top: 16px; }
.row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 8px 22px; align-items: start; padding: 6px 0; border-top: 1px solid #f0f1f3; }
.row.heat { grid-template-columns: 8px minmax(0, 3fr) minmax(280px, 2fr); }
.strip { align-self: stretch; display: flex; flex-direction: column; gap: 2px; }
.strip span { flex: 1; min-height: 6px; border-radius: 2px; }
.heat-0 { background: #2e7d32; } .heat-1 { background: #558b2f; } .heat-2 { background: #9e9d24; }
.heat-3 { background: #f9a825; } .heat-4 { background: #ff8f00; } .heat-5 { background: #ef6c00; }
.heat-6 { background: #e64a19; } .heat-7 { background: #d84315; } .heat-8 { background: #c62828; } .heat-9 { background: #8e0000; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 17px/1.75 Georgia, "Noto Serif", serif; padding: 4px 2px; }
.sep { display: none; }
section.notices li { margin: 2px 0; }
.note { color: var(--muted); font-style: italic; }
.hl { position: relative; color: inherit; text-decoration: none; border-bottom: 2px solid var(--info); border-radius: 2px; cursor: pointer; }
.hl.sev-error { border-bottom: 3px solid var(--error); }
.hl.sev-warning { border-bottom: 2px solid var(--warning); }
.hl.sev-info { border-bottom: 2px dotted var(--info); }
.hl.multi { outline: 1px dashed rgba(0,0,0,.35); }
.hl:hover::after, .hl:focus::after, .caret:hover::after, .caret:focus::after {
  content: attr(data-tip); position: absolute; left: 0; top: 100%; z-index: 10; margin-top: 4px;
  width: max-content; max-width: 26em; white-space: pre-wrap; padding: 6px 9px; border-radius: 5px;
  background: #20242a; color: #fff; font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.caret { position: relative; color: var(--error); text-decoration: none; font-weight: 700; }
.caret::before { content: "‸"; }
.cat-place-name { background: #ffd9d9; }
.cat-garbled { background: #ffe6b0; }
.cat-untranslated { background: #d6e9ff; }
.cat-boilerplate { background: #e4e4e4; }
.cat-number { background: #dcf2cf; }
.cat-quote { background: #ecdcff; }
.cat-encoding { background: #cff3ec; }
.cat-style { background: #fff4bd; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { border: 1px solid var(--line); border-left: 5px solid var(--info); border-radius: 6px; padding: 8px 10px; margin-bottom: 8px; background: #fff; }
li.finding.sev-error { border-left-color: var(--error); }
li.finding.sev-warning { border-left-color: var(--warning); }
li.finding:target { box-shadow: 0 0 0 3px #ffb300; }
li.finding .meta { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; font-size: 13px; color: var(--muted); }
.sev { font-weight: 700; text-transform: uppercase; font-size: 12px; }
.sev.sev-error { color: var(--error); }
.sev.sev-warning { color: var(--warning); }
.sev.sev-info { color: var(--info); }
li.finding .quote { margin: 6px 0 2px; padding-left: 8px; border-left: 3px solid var(--line); font-family: Georgia, "Noto Serif", serif; white-space: pre-wrap; }
li.finding p { margin: 4px 0; }
.sugg ins { background: #dff3e3; text-decoration: none; padding: 0 3px; border-radius: 3px; }
.ev { font-size: 13px; border-left: 3px solid var(--line); padding-left: 8px; margin-top: 4px; }
.path { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
.del { background: #ffd7d5; text-decoration: line-through; text-decoration-color: rgba(183,28,28,.6); }
.ins { background: #ccf0d4; }
.del + .ins { margin-left: 4px; }
table.align { width: 100%; table-layout: fixed; margin-top: 8px; }
table.align th { text-align: left; font-size: 13px; font-weight: 600; color: var(--muted); padding: 10px 8px 4px; border-top: 1px solid var(--line); }
table.align td { vertical-align: top; padding: 4px 8px 10px; white-space: pre-wrap; overflow-wrap: anywhere; font: 15px/1.6 Georgia, "Noto Serif", serif; width: 50%; }
h3 { font-size: 16px; margin: 22px 0 6px; }
@media (max-width: 900px) { .row, .row.heat { grid-template-columns: 1fr; } .strip { flex-direction: row; min-height: 6px; } }
</style>
</head>
<body>
<header class="top">
<h1>transcheck report</h1>
<span>{{plural (len .Docs) "document"}}</span>
<span class="legend">Highlight colour: category · underline: <span class="sev sev-error">error</span> <span class="sev sev-warning">warning</span> <span class="sev sev-info">info</span></span>
</header>
{{- if .Notices}}
<section class="doc notices">
<h2>Not checked</h2>
<ul>
{{- range .Notices}}
<li>{{if .Path}}<span class="path">{{.Path}}</span> {{end}}{{.Message}}</li>
{{- end}}
</ul>
</section>
{{- end}}
{{- if not .Docs}}
<section class="doc"><p class="note">No documents were checked.</p></section>
{{- end}}
{{- range .Docs}}{{$doc := .}}
<section class="doc" id="{{.ID}}">
<h2>{{.Path}}</h2>
<div class="summary">
<span class="verdict {{verdictClass .MT.Verdict}}">{{verdictText .MT.Verdict}}</span>
<dl>
<dt>Score</dt><dd><meter min="0" max="1" low="0.4" high="0.7" optimum="0" value="{{fixed .MT.Score}}"></meter> {{fixed .MT.Score}}</dd>
<dt>Source language</dt><dd>{{orDash .MT.SourceLanguage}}</dd>
</dl>
<dl>
<dt>Language</dt><dd>{{orDash .Language.Code}} ({{pct .Language.Confidence}})</dd>
<dt>Findings</dt><dd>{{len .Findings}}</dd>
</dl>
{{- if .Counts}}
<div class="chips">{{range .Counts}}<span class="chip {{.Class}}">{{.Category}} {{.Count}}</span>{{end}}</div>
{{- end}}
{{- if .MT.Signals}}
<details class="signals" open>
<summary>Signals behind the verdict</summary>
<table class="signals">
<tr><th>Signal</th><th class="num">Strength</th><th class="num">Weight</th><th class="num">Count</th><th>Language</th><th>Reason</th></tr>
{{- range .MT.Signals}}
<tr><td><code>{{.Name}}</code></td><td class="num">{{fixed .Strength}}</td><td class="num">{{fixed .Weight}}</td><td class="num">{{.Count}}</td><td>{{orDash .Language}}</td><td>{{.Reason}}</td></tr>
{{- end}}
</table>
</details>
{{- end}}
</div>
{{- if .HasText}}
<div class="rows">
{{- range .Blocks}}
<div class="row{{if $doc.HasHeat}} heat{{end}}">
{{- if $doc.HasHeat}}
<div class="strip">{{range .Heat}}<span class="{{.Class}}" title="{{.Title}}"></span>{{end}}</div>
{{- end}}
<div class="text">{{range .Segments}}{{range .Anchors}}<span id="{{.}}"></span>{{end}}{{range .Carets}}<a class="{{.Class}}" href="{{.Href}}" data-tip="{{.Tip}}"></a>{{end}}{{with .Mark}}<a class="{{.Class}}" href="{{.Href}}" data-tip="{{.Tip}}">{{end}}{{.Text}}{{if .Mark}}</a>{{end}}{{end}}{{if .Sep}}<span class="sep">{{.Sep}}</span>{{end}}</div>
<ol class="findings">
{{- range .Findings}}{{template "card" .}}{{end}}
</ol>
</div>
{{- end}}
</div>
{{- if not .Findings}}
<p class="note">No findings.</p>
{{- end}}
{{- else}}
<p class="note">The document's text is not part of this report, so it cannot be shown; the findings are listed with their positions.</p>
<ol class="findings">
{{- range .Findings}}{{template "card" .}}
{{- else}}
<li class="note">No findings.</li>
{{- end}}
</ol>
{{- end}}
{{- if .Alignments}}
<h3>Aligned passages</h3>
<table class="align">
{{- range .Alignments}}
<tr><th>line {{.Span.Line}} · score {{fixed .Score}} · {{.Mode}}</th><th>{{.Coverage.Path}}:{{.Coverage.Span.Line}}</th></tr>
<tr><td>{{range .Left}}<span class="{{.Class}}">{{.Text}}</span>{{end}}</td><td>{{range .Right}}<span class="{{.Class}}">{{.Text}}</span>{{end}}</td></tr>
{{- end}}
</table>
{{- end}}
</section>
{{- end}}
</body>
</html>
{{- define "card"}}
<li class="finding {{.Class}}" id="{{.ID}}">
<div class="meta"><span class="sev {{sevClass .Severity}}">{{.Severity}}</span><span class="chip {{.Class}}">{{.Category}}</span><code>{{.Rule}}</code>{{if .HasText}}<a href="#{{.MarkID}}">line {{.Span.Line}}, column {{.Span.Column}}</a>{{else}}<span>line {{.Span.Line}}, column {{.Span.Column}}</span>{{end}}<span>confidence {{pct .Confidence}}</span></div>
<div class="quote">{{.Text}}</div>
<p class="msg">{{.Message}}</p>
{{- if .Suggestions}}
<p class="sugg">Suggestion: {{range $i, $s := .Suggestions}}{{if $i}} or {{end}}<ins>{{$s}}</ins>{{end}}</p>
{{- end}}
{{- range .Evidence}}
<div class="ev"><span class="path">{{.Path}}:{{.Span.Line}}</span> {{.Text}}</div>
{{- end}}
{{- if .Diff}}
<p class="diff">{{range .Diff}}<span class="{{.Class}}">{{.Text}}</span>{{end}}</p>
{{- end}}
{{- if .Signals}}
<div class="path">signals: {{range $i, $s := .Signals}}{{if $i}}, {{end}}{{$s}}{{end}}</div>
{{- end}}
</li>
{{- end}}
`
