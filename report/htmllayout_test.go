package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// longReport is a document of n paragraphs with a finding in each of the
// given paragraphs, and a probability on every sentence when probs is set.
func longReport(t *testing.T, n int, with []int, probs bool) *Report {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d opens here. It has a second sentence.\n\n", i)
	}
	text := b.String()
	loc := NewLocator(text)
	d := Document{Path: "long.txt", MachineTranslation: MachineTranslation{Verdict: Uncertain}, Text: text}
	for _, i := range with {
		sub := fmt.Sprintf("Paragraph %d opens", i)
		at := strings.Index(text, sub)
		require.GreaterOrEqual(t, at, 0)
		d.Findings = append(d.Findings, Finding{
			Rule: "style/test", Category: Style, Severity: Info, Span: loc.Span(at, at+len(sub)), Text: sub, Message: "m",
		})
	}
	if probs {
		for i := range n {
			for j, sub := range []string{fmt.Sprintf("Paragraph %d opens here.", i), "It has a second sentence."} {
				at := strings.Index(text, fmt.Sprintf("Paragraph %d opens here.", i))
				if j == 1 {
					at += len(fmt.Sprintf("Paragraph %d opens here. ", i))
				}
				p := float64(i%10) / 10
				d.Sentences = append(d.Sentences, SentenceLanguage{Span: loc.Span(at, at+len(sub)), Code: "en", Confidence: 1, MachineProbability: &p})
			}
		}
	}
	return &Report{Documents: []Document{d}}
}

var rowRE = regexp.MustCompile(`(?s)<div class="row[^"]*">(.*?)</ol>\n</div>`)

// TestHTMLCardsBesideTheirParagraph: in a long document each finding's card
// is in the same row as its highlight, so it stands beside its line
// however far down the page.
func TestHTMLCardsBesideTheirParagraph(t *testing.T) {
	with := []int{0, 57, 58, 199}
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, longReport(t, 200, with, false)))
	page := buf.String()
	rows := rowRE.FindAllStringSubmatch(page, -1)
	require.Len(t, rows, 200, "one row per paragraph")
	for k, i := range with {
		row := rows[i][1]
		assert.Contains(t, row, fmt.Sprintf(`href="#d0-f%d"`, k), "paragraph %d holds the highlight", i)
		assert.Contains(t, row, fmt.Sprintf(`<li class="finding sev-info cat-style" id="d0-f%d">`, k), "paragraph %d holds the card", i)
	}
	assert.Equal(t, 4, strings.Count(page, `<li class="finding`))
	// The page's text is still the document's text.
	assert.Equal(t, longReport(t, 200, with, false).Documents[0].Text, pageText(t, page, 0))
}

// TestHTMLQuoteIsNotDoubled: a card shows the flagged text set off, not
// wrapped in quotation marks the text may already have.
func TestHTMLQuoteIsNotDoubled(t *testing.T) {
	text := "The British “Guardian” reported it.\n"
	loc := NewLocator(text)
	sub := "British “Guardian”"
	at := strings.Index(text, sub)
	r := &Report{Documents: []Document{{
		Path: "g.txt", Text: text, MachineTranslation: MachineTranslation{Verdict: Machine},
		Findings: []Finding{{Rule: "garbled/calque", Category: Garbled, Severity: Warning, Span: loc.Span(at, at+len(sub)), Text: sub, Message: "m"}},
	}}}
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, r))
	assert.Contains(t, buf.String(), `<div class="quote">British “Guardian”</div>`)
	assert.NotContains(t, buf.String(), "””")
	assert.NotContains(t, buf.String(), "““")
}

func TestInformativeDiff(t *testing.T) {
	eq := func(s string) DiffOp { return DiffOp{Op: DiffEqual, Text: s} }
	del := func(s string) DiffOp { return DiffOp{Op: DiffDelete, Text: s} }
	ins := func(s string) DiffOp { return DiffOp{Op: DiffInsert, Text: s} }
	tests := []struct {
		name string
		ops  []DiffOp
		want bool
	}{
		{"none", nil, false},
		{"identical", []DiffOp{eq("The talks ended.")}, false},
		{"one word changed", []DiffOp{eq("We "), del("believe"), ins("think"), eq(" that Putin and Gerasimov decided")}, true},
		{"loose paraphrase", []DiffOp{eq("The "), del("minister said on the 23rd that troops would withdraw"), ins("government announced a pull-out of forces by Friday"), eq(".")}, false},
		{"mostly added", []DiffOp{eq("Kyiv said"), ins(" on Friday that the offensive had stalled near the river crossing")}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, informativeDiff(tt.ops), tt.name)
	}

	// A loose alignment is shown as two plain passages, not struck through.
	r := fixture(t)
	a := &r.Documents[0].Alignments[1]
	a.Diff = tests[3].ops
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, r))
	assert.NotContains(t, buf.String(), `<span class="del">minister said`)
	assert.Contains(t, buf.String(), `<td><span class="eq">A reader wrote &lt;script&gt;alert(1)&lt;/script&gt;</span></td>`)
	// The fixture's close alignment keeps its diff, and a finding's swap of
	// one name for another is shown though nothing else is shared.
	assert.Contains(t, buf.String(), `<span class="del">Xiwu 西乌</span>`)
	assert.Contains(t, buf.String(), `<p class="diff"><span class="del">Xiwu</span><span class="ins">western Ukraine</span></p>`)
	assert.True(t, shortSwap([]DiffOp{del("Kharkov"), ins("Kharkiv")}))
	assert.False(t, shortSwap(tests[3].ops), "a whole clause reworded is no swap")
}

// TestHeatStrip: each sentence's probability is a cell of the strip beside
// its paragraph; no probability, no strip.
func TestHeatStrip(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, longReport(t, 12, nil, true)))
	page := buf.String()
	rows := rowRE.FindAllStringSubmatch(page, -1)
	require.Len(t, rows, 12)
	assert.Contains(t, rows[0][1], `<div class="strip"><span class="heat-0" title="line 1: machine-translation probability 0.00"></span><span class="heat-0"`)
	assert.Contains(t, rows[9][1], `<span class="heat-9" title="line 19: machine-translation probability 0.90"></span>`)
	assert.Equal(t, 2, strings.Count(rows[3][1], `class="heat-3"`), "two sentences, two cells")

	buf.Reset()
	require.NoError(t, WriteHTML(&buf, longReport(t, 12, nil, false)))
	assert.NotContains(t, buf.String(), `class="strip"`)
	assert.NotContains(t, buf.String(), `class="heat-`)
}

// TestTextSentenceBar: the text report's bar has one block per scored
// sentence, paragraphs apart, and names the most likely line.
func TestTextSentenceBar(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteText(&buf, longReport(t, 3, nil, true)))
	assert.Contains(t, buf.String(), "\n  machine translation by sentence (▁ human … █ machine): ▁▁ ▁▁ ▂▂; most likely line 5 (0.20)\n")

	buf.Reset()
	require.NoError(t, WriteText(&buf, longReport(t, 3, nil, false)))
	assert.NotContains(t, buf.String(), "machine translation by sentence")
}
