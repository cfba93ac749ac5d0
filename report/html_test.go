package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>`)
	attrRE = regexp.MustCompile(`\s([^\s=>]+)(?:="([^"]*)")?`)
)

// hostile is a report whose every string tries to break out of the HTML.
func hostile() *Report {
	payload := `<script>document.title='PWNED'</script>" onmouseover="document.body.dataset.pwned=1" x="<img src=x onerror=alert(1)>'`
	text := "Start " + payload + " end.\n"
	loc := NewLocator(text)
	return &Report{Documents: []Document{{
		Path:               payload + ".txt",
		Language:           Language{Code: payload},
		MachineTranslation: MachineTranslation{Verdict: Verdict(payload), SourceLanguage: payload, Signals: []Signal{{Name: payload, Reason: payload, Language: payload}}},
		Findings: []Finding{{
			Rule: payload, Category: Category(payload), Severity: Severity(payload),
			Span: loc.Span(6, 6+len(payload)), Text: payload, Message: payload, Suggestions: []string{payload},
			Evidence: []Evidence{{Path: payload, Text: payload}}, Signals: []string{payload},
			Diff: []DiffOp{{Op: DiffDelete, Text: payload}, {Op: DiffInsert, Text: payload}},
		}, {
			Rule: "zero-width", Category: Garbled, Severity: Info, Span: loc.Span(5, 5), Message: payload,
		}},
		Alignments: []Alignment{{Text: payload, Mode: payload, Coverage: Evidence{Path: payload, Text: payload}, Diff: []DiffOp{{Op: DiffEqual, Text: payload}}}},
		Text:       text,
	}}}
}

func TestHTMLHasNoScriptsHandlersOrNetwork(t *testing.T) {
	for name, r := range map[string]*Report{"fixture": fixture(t), "hostile": hostile()} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteHTML(&buf, r))
			page := buf.String()
			assert.NotContains(t, strings.ToLower(page), "<script")
			assert.NotContains(t, strings.ToLower(page), "<img")
			assert.Contains(t, page, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`)
			allowed := map[string]bool{
				"class": true, "id": true, "href": true, "data-tip": true, "lang": true, "charset": true,
				"http-equiv": true, "content": true, "name": true, "min": true, "max": true, "low": true,
				"high": true, "optimum": true, "value": true, "open": true, "title": true,
			}
			tags := tagRE.FindAllStringSubmatch(page, -1)
			require.Greater(t, len(tags), 50)
			for _, tag := range tags {
				for _, a := range attrRE.FindAllStringSubmatch(tag[2], -1) {
					assert.True(t, allowed[a[1]], "attribute %q in %s", a[1], tag[0])
					if a[1] == "href" {
						assert.True(t, strings.HasPrefix(a[2], "#"), "link out of the page: %s", tag[0])
					}
				}
			}
			// Every tag the page opens is accounted for by tagRE: a stray "<"
			// would be markup the regexp did not see.
			assert.Equal(t, strings.Count(page, "<"), len(tags)+strings.Count(page, "</")+strings.Count(page, "<!DOCTYPE"))
		})
	}
}

func TestHTMLHighlights(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, fixture(t)))
	page := buf.String()
	tests := []struct{ name, want string }{
		{"error on a place name", `<a class="hl sev-error cat-place-name multi" href="#d0-f0" data-tip="error · place-name: &#34;Xiwu&#34; reads as pinyin`},
		{"overlap keeps both findings in the tip", "\n\ninfo · place-name: No coverage names this place\">Xiwu</a>"},
		{"escaped script text", `data-tip="warning · encoding: Markup &lt;script&gt; left in the text | it is shown, never run
→ &lt;/textarea&gt;&lt;b&gt;x&lt;/b&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</a>`},
		{"escaped attribute breakout", `>&#34; onmouseover=&#34;alert(2)&#34;</a>`},
		{"anchor to come back to", `<span id="d0-m9"></span><a class="hl sev-warning cat-boilerplate" href="#d0-f9"`},
		{"card", `<li class="finding sev-warning cat-boilerplate" id="d0-f9">`},
		{"verdict", `<span class="verdict verdict-machine">Machine-translated</span>`},
		{"category count", `<span class="chip cat-encoding">encoding 2</span>`},
		{"aligned diff, document side", `<span class="del">Xiwu 西乌</span>`},
		{"aligned diff, coverage side", `<span class="ins">western Ukraine</span>`},
		{"alignment without diff", `<td><span class="eq">A reader wrote &lt;script&gt;alert(1)&lt;/script&gt;</span></td>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, page, tt.want)
		})
	}
	// The highlighted text, unescaped, is the document text.
	assert.Equal(t, fixtureText, pageText(t, page, 0))
}

// pageText is the text of the document's paragraphs on the page, markup
// removed and unescaped, as a browser's textContent has it.
func pageText(t testing.TB, page string, doc int) string {
	t.Helper()
	sec := regexp.MustCompile(`(?s)<section class="doc" id="d\d+">.*?</section>`).FindAllString(page, -1)
	require.Greater(t, len(sec), doc)
	var b strings.Builder
	for _, m := range regexp.MustCompile(`(?s)<div class="text">(.*?)</div>`).FindAllStringSubmatch(sec[doc], -1) {
		b.WriteString(m[1])
	}
	plain := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(b.String(), "")
	return html.UnescapeString(plain)
}

func TestHTMLSegments(t *testing.T) {
	text := "abcdefgh"
	loc := NewLocator(text)
	mk := func(s, e int, sev Severity) htmlFinding {
		f := Finding{Span: loc.Span(s, e), Severity: sev, Category: Style}
		return htmlFinding{Finding: f, ID: "f", MarkID: "m", Class: findingClass(f)}
	}
	tests := []struct {
		name  string
		fs    []htmlFinding
		texts []string
		marks []bool
	}{
		{"none", nil, []string{"abcdefgh"}, []bool{false}},
		{"one", []htmlFinding{mk(2, 4, Info)}, []string{"ab", "cd", "efgh"}, []bool{false, true, false}},
		{"overlap", []htmlFinding{mk(1, 5, Info), mk(3, 7, Error)}, []string{"a", "bc", "de", "fg", "h"}, []bool{false, true, true, true, false}},
		{"whole text", []htmlFinding{mk(0, 8, Info)}, []string{"abcdefgh"}, []bool{true}},
		{"zero width at the end", []htmlFinding{mk(8, 8, Info)}, []string{"abcdefgh", ""}, []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := htmlSegments(text, tt.fs)
			var texts []string
			var marks []bool
			for _, s := range segs {
				texts = append(texts, s.Text)
				marks = append(marks, s.Mark != nil)
			}
			assert.Equal(t, tt.texts, texts)
			assert.Equal(t, tt.marks, marks)
		})
	}
	// The most serious finding styles an overlap and both are in its tip.
	segs := htmlSegments(text, []htmlFinding{mk(1, 5, Info), mk(3, 7, Error)})
	assert.Contains(t, segs[2].Mark.Class, "multi")
	assert.Contains(t, segs[2].Mark.Class, "sev-error")
	assert.Equal(t, 1, strings.Count(segs[2].Mark.Tip, "error ·"))
	assert.Equal(t, 1, strings.Count(segs[2].Mark.Tip, "info ·"))
}

func TestCSSClass(t *testing.T) {
	assert.Equal(t, "cat-place-name", cssClass("cat", "place-name"))
	assert.Equal(t, "cat--script--x--", cssClass("cat", `<script>"x"'`))
	assert.Equal(t, "sev-", cssClass("sev", ""))
}

func TestHTMLWithoutText(t *testing.T) {
	r := fixture(t)
	r.Documents[0].Text = ""
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, r))
	page := buf.String()
	assert.Contains(t, page, "The document's text is not part of this report")
	assert.NotContains(t, page, `<a class="hl`)
	// The findings are still listed, with their positions.
	assert.Contains(t, page, `<li class="finding sev-error cat-place-name" id="d0-f0">`)
	assert.Contains(t, page, `<span>line 1, column 14</span>`)
	assert.NotContains(t, page, `href="#d0-m0"`, "no link to a highlight that is not there")
}
