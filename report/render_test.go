package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixtureText is a made-up machine translation with everything renderers
// get wrong: CRLF line ends, an emoji with a skin-tone modifier, a flag, a
// decomposed accent, CJK, and markup that must never run.
const fixtureText = "Officials in Xiwu 西乌 said on the 23rd 👍🏽 that the 🇺🇦 flag flies again.\r\n" +
	"\r\n" +
	"The cafe\u0301 reopened, to avoid short-term For the first time in Bei, he lost.\r\n" +
	"A reader wrote <script>alert(1)</script> and \" onmouseover=\"alert(2)\" in the comments.\r\n" +
	"Please read on...\r\n"

// fixture builds the report the golden files render. Spans are found with
// the Locator from substrings, so they are right by construction.
func fixture(t testing.TB) *Report {
	t.Helper()
	loc := NewLocator(fixtureText)
	span := func(sub string) Span {
		i := indexOf(t, fixtureText, sub)
		return loc.Span(i, i+len(sub))
	}
	at := func(sub string, f Finding) Finding {
		f.Span, f.Text = span(sub), sub
		return f
	}
	coverage := "Officials in western Ukraine said on Friday that the flag flies again."
	doc := Document{
		Path:     "articles/dispatch 1.txt",
		Language: Language{Code: "en", Confidence: 0.97},
		MachineTranslation: MachineTranslation{
			Verdict: Machine, Score: 0.87, SourceLanguage: "zh",
			Signals: []Signal{
				{Name: "romanized-words", Strength: 0.9, Weight: 0.4, Count: 2, Reason: "2 capitalised words read as pinyin, not English", Language: "zh"},
				{Name: "broken-boundaries", Strength: 0.6, Weight: 0.3, Count: 1, Reason: "a sentence restarts with a capital mid-clause <like this>"},
			},
		},
		Findings: []Finding{
			at("Xiwu", Finding{
				Rule: "place-name/romanized", Category: PlaceName, Severity: Error,
				Message:     "\"Xiwu\" reads as pinyin for 西乌 (western Ukraine), not a place name",
				Suggestions: []string{"western Ukraine"}, Confidence: 0.91,
				Evidence: []Evidence{{Path: "coverage/wire.txt", Span: Span{Start: 13, End: 28, Line: 1, Column: 14, EndLine: 1, EndColumn: 29}, Text: "western Ukraine"}},
				Signals:  []string{"romanized-words"},
				Diff:     []DiffOp{{Op: DiffDelete, Text: "Xiwu"}, {Op: DiffInsert, Text: "western Ukraine"}},
			}),
			at("Xiwu 西乌", Finding{
				Rule: "place-name/unaligned", Category: PlaceName, Severity: Info,
				Message: "No coverage names this place", Confidence: 0.4,
			}),
			at("西乌", Finding{
				Rule: "untranslated/cjk", Category: Untranslated, Severity: Warning,
				Message: "Chinese text left untranslated", Suggestions: []string{"western Ukraine"}, Confidence: 0.99,
			}),
			at("the 23rd", Finding{
				Rule: "number/bare-ordinal-date", Category: Number, Severity: Info,
				Message: "A date as a bare ordinal: name the month", Suggestions: []string{"23 September", "Friday"}, Confidence: 0.6,
			}),
			at("flies again.\r\n\r\nThe", Finding{
				Rule: "garbled/split-paragraph", Category: Garbled, Severity: Info,
				Message: "A paragraph break inside a passage", Confidence: 0.3,
			}),
			at("cafe\u0301", Finding{
				Rule: "encoding/decomposed", Category: Encoding, Severity: Info,
				Message: "Accent written as e + U+0301", Suggestions: []string{"café"}, Confidence: 1,
			}),
			at("short-term For the first time in Bei", Finding{
				Rule: "garbled/broken-boundary", Category: Garbled, Severity: Warning,
				Message: "A sentence breaks off mid-clause:\n\"short-term\" runs into \"For\"", Confidence: 0.8,
				Signals: []string{"broken-boundaries"},
			}),
			at("<script>alert(1)</script>", Finding{
				Rule: "encoding/markup", Category: Encoding, Severity: Warning,
				Message: "Markup <script> left in the text | it is shown, never run", Suggestions: []string{"</textarea><b>x</b>"}, Confidence: 0.95,
			}),
			at("\" onmouseover=\"alert(2)\"", Finding{
				Rule: "quote/unbalanced", Category: Quote, Severity: Info,
				Message: "Quotation marks do not pair: \" onmouseover=\"", Confidence: 0.5,
			}),
			at("Please read on...", Finding{
				Rule: "boilerplate/read-on", Category: Boilerplate, Severity: Warning,
				Message: "Web page furniture left in the article", Confidence: 0.9,
			}),
		},
		Alignments: []Alignment{
			{
				Span: span("Officials in Xiwu 西乌 said on the 23rd 👍🏽 that the 🇺🇦 flag flies again."),
				Text: "Officials in Xiwu 西乌 said on the 23rd 👍🏽 that the 🇺🇦 flag flies again.",
				Coverage: Evidence{
					Path: "coverage/wire.txt", Span: Span{Start: 0, End: len(coverage), Line: 1, Column: 1, EndLine: 1, EndColumn: len(coverage) + 1},
					Text: coverage,
				},
				Score: 0.62, Mode: "comparable",
				Diff: []DiffOp{
					{Op: DiffEqual, Text: "Officials in "}, {Op: DiffDelete, Text: "Xiwu 西乌"}, {Op: DiffInsert, Text: "western Ukraine"},
					{Op: DiffEqual, Text: " said on "}, {Op: DiffDelete, Text: "the 23rd 👍🏽"}, {Op: DiffInsert, Text: "Friday"},
					{Op: DiffEqual, Text: " that the "}, {Op: DiffDelete, Text: "🇺🇦 "}, {Op: DiffEqual, Text: "flag flies again."},
				},
			},
			{
				Span: span("A reader wrote <script>alert(1)</script>"),
				Text: "A reader wrote <script>alert(1)</script>",
				Coverage: Evidence{
					Path: "coverage/<b>blog</b>.txt", Span: Span{Start: 40, End: 70, Line: 3, Column: 1, EndLine: 3, EndColumn: 31},
					Text: "A reader wrote \" onmouseover=\"x & <img src=x>",
				},
				Score: 0.31, Mode: "comparable",
			},
		},
		Sentences: []SentenceLanguage{
			{Span: span("Officials in Xiwu 西乌 said on the 23rd 👍🏽 that the 🇺🇦 flag flies again."), Code: "en", Confidence: 0.93},
			{Span: span("Please read on..."), Code: "en", Confidence: 0.88},
		},
		Text: fixtureText,
	}
	clean := Document{
		Path:               "coverage/wire.txt",
		Language:           Language{Code: "en", Confidence: 0.99},
		MachineTranslation: MachineTranslation{Verdict: Human, Score: 0.04},
		Text:               coverage,
	}
	return &Report{Documents: []Document{doc, clean}}
}

var goldenExt = map[string]string{
	"text": "txt", "json": "json", "markdown": "md", "html": "html",
	"sarif": "sarif", "rdjson": "rdjson", "line": "line",
}

func TestFormats(t *testing.T) {
	assert.Equal(t, []string{"html", "json", "line", "markdown", "rdjson", "sarif", "text"}, Formats())
	err := Write(&bytes.Buffer{}, &Report{}, "pdf")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown format "pdf"`)
	assert.Contains(t, err.Error(), "sarif")
}

func TestGolden(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Write(&buf, fixture(t), format))
			checkGolden(t, filepath.Join("testdata", "golden", "fixture."+goldenExt[format]), buf.Bytes())

			// The same report renders to the same bytes every time.
			var again bytes.Buffer
			require.NoError(t, Write(&again, fixture(t), format))
			assert.Equal(t, buf.String(), again.String())
		})
	}
}

// checkGolden compares got with the golden file, or rewrites the file
// with -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file missing: run go test -update")
	assert.Equal(t, string(want), string(got), "output differs from %s (go test -update rewrites it)", path)
}

func TestEmptyReportRendersInEveryFormat(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, Write(&buf, &Report{}, format))
			if format != "line" && format != "text" {
				assert.NotEmpty(t, buf.String())
			}
		})
	}
}

func TestLineFormat(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteLine(&buf, fixture(t)))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, 10)
	tests := []struct {
		i    int
		want string
	}{
		{0, "articles/dispatch 1.txt:1:14:place-name/romanized:\"Xiwu\" reads as pinyin for 西乌 (western Ukraine), not a place name"},
		{2, "articles/dispatch 1.txt:1:19:untranslated/cjk:Chinese text left untranslated"},
		// Columns count bytes, as Vim's and reviewdog's %c do: after
		// "西乌" (2 code points, 6 bytes) "the 23rd" is at byte column 34,
		// code point column 30.
		{3, "articles/dispatch 1.txt:1:34:number/bare-ordinal-date:A date as a bare ordinal: name the month"},
		{5, "articles/dispatch 1.txt:3:5:encoding/decomposed:Accent written as e + U+0301"},
		// The message's line break is folded: one finding, one line.
		{6, "articles/dispatch 1.txt:3:31:garbled/broken-boundary:A sentence breaks off mid-clause: \"short-term\" runs into \"For\""},
		{9, "articles/dispatch 1.txt:5:1:boilerplate/read-on:Web page furniture left in the article"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, lines[tt.i])
	}
}

func TestMarkdownEscapesDocumentText(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteMarkdown(&buf, fixture(t)))
	md := buf.String()
	assert.NotContains(t, md, "<script>")
	assert.Contains(t, md, `\<script\>alert(1)\</script\>`)
	assert.Contains(t, md, `Markup \<script\> left in the text \| it is shown`)
	assert.Contains(t, md, "| machine | 0.87 | zh | en (0.97) | 10 |")
	assert.Contains(t, md, "| place-name | 2 |")
	// The finding rows keep their nine cell separators: escaped ones do
	// not count.
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| Line | Column") {
			assert.Equal(t, 9, strings.Count(line, "|"))
		}
		if strings.HasPrefix(line, "| 4 | 16 |") { // the <script> finding's row
			assert.Equal(t, 9, strings.Count(line, "|")-strings.Count(line, `\|`), line)
		}
	}
}

func TestRDJSONPositionsAreUTF8ByteColumns(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteRDJSON(&buf, fixture(t)))
	var got rdResult
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	assert.Equal(t, "ERROR", got.Severity)
	require.Len(t, got.Diagnostics, 10)
	byCode := map[string]rdDiagnostic{}
	for _, d := range got.Diagnostics {
		byCode[d.Code.Value] = d
	}
	tests := []struct {
		rule               string
		line, col, endLine int
		endCol             int
	}{
		{"place-name/romanized", 1, 14, 1, 18},
		{"place-name/unaligned", 1, 14, 1, 25},
		{"untranslated/cjk", 1, 19, 1, 25},         // 西乌 is six bytes
		{"number/bare-ordinal-date", 1, 34, 1, 42}, // after CJK
		{"garbled/split-paragraph", 1, 75, 3, 4},   // after 👍🏽 and 🇺🇦, eight bytes each, and over a CRLF
		{"encoding/decomposed", 3, 5, 3, 11},       // cafe + U+0301 is six bytes
		{"garbled/broken-boundary", 3, 31, 3, 67},  // after the decomposed accent
		{"encoding/markup", 4, 16, 4, 41},
		{"quote/unbalanced", 4, 46, 4, 70},
		{"boilerplate/read-on", 5, 1, 5, 18}, // the CRLF is not in the span
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			d, ok := byCode[tt.rule]
			require.True(t, ok)
			assert.Equal(t, "articles/dispatch 1.txt", d.Location.Path)
			r := d.Location.Range
			require.NotNil(t, r.End)
			assert.Equal(t, []int{tt.line, tt.col, tt.endLine, tt.endCol}, []int{r.Start.Line, r.Start.Column, r.End.Line, r.End.Column})
			// The byte columns select exactly the finding's text.
			f := findRule(t, fixture(t), tt.rule)
			loc := NewLocator(fixtureText)
			start := loc.ByteFromLineColumn(r.Start.Line, 1) + r.Start.Column - 1
			end := loc.ByteFromLineColumn(r.End.Line, 1) + r.End.Column - 1
			assert.Equal(t, f.Text, fixtureText[start:end])
		})
	}
	assert.Equal(t, []rdSuggestion{{Range: byCode["encoding/decomposed"].Location.Range, Text: "café"}}, byCode["encoding/decomposed"].Suggestions)
}

func TestRDJSONWithoutTextGivesLines(t *testing.T) {
	r := fixture(t)
	r.Documents[0].Text = ""
	var buf bytes.Buffer
	require.NoError(t, WriteRDJSON(&buf, r))
	var got rdResult
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	for _, d := range got.Diagnostics {
		assert.Zero(t, d.Location.Range.Start.Column, d.Code.Value)
		assert.Positive(t, d.Location.Range.Start.Line, d.Code.Value)
	}
}

func findRule(t testing.TB, r *Report, rule string) Finding {
	t.Helper()
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			if f.Rule == rule {
				return f
			}
		}
	}
	t.Fatalf("no finding %s", rule)
	return Finding{}
}

func ExampleWrite() {
	text := "Troops left Xiwu on Friday.\n"
	loc := NewLocator(text)
	r := &Report{Documents: []Document{{
		Path: "story.txt",
		Findings: []Finding{{
			Rule: "place-name/romanized", Category: PlaceName, Severity: Error,
			Span: loc.Span(12, 16), Text: "Xiwu", Message: "Romanized Chinese for western Ukraine",
		}},
		Text: text,
	}}}
	if err := Write(os.Stdout, r, "line"); err != nil {
		panic(err)
	}
	// Output:
	// story.txt:1:13:place-name/romanized:Romanized Chinese for western Ukraine
}

// TestRDJSONOriginalOutputAndRuleURL: reviewdog's local reporter prints
// original_output (protobuf text without it), and code.url links the rule.
func TestRDJSONOriginalOutputAndRuleURL(t *testing.T) {
	r := fixture(t)
	r.Rules = []Rule{{ID: "place-name/romanized", Category: PlaceName, Severity: Error, Summary: "s", HelpURI: "https://example.org/rules#place-nameromanized"}}
	var buf bytes.Buffer
	require.NoError(t, WriteRDJSON(&buf, r))
	var got struct {
		Diagnostics []struct {
			Code           struct{ Value, URL string }
			OriginalOutput string `json:"original_output"`
		}
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	require.NotEmpty(t, got.Diagnostics)
	for _, d := range got.Diagnostics {
		assert.Contains(t, d.OriginalOutput, "articles/dispatch 1.txt:", d.Code.Value)
		assert.Contains(t, d.OriginalOutput, "["+d.Code.Value+"]")
		if d.Code.Value == "place-name/romanized" {
			assert.Equal(t, "https://example.org/rules#place-nameromanized", d.Code.URL)
		} else {
			assert.Empty(t, d.Code.URL, "a rule the report does not document has no URL")
		}
	}
}

// TestNoticesInTextAndMarkdown: inputs left out are named where a reader
// of the text and Markdown reports looks.
func TestNoticesInTextAndMarkdown(t *testing.T) {
	r := fixture(t)
	r.Notices = []Notice{
		{Path: "coverage/gone.txt", Message: "coverage left out: coverage/gone.txt: no such file"},
		{Path: "b.txt", Message: "binary file"},
	}
	var buf bytes.Buffer
	require.NoError(t, WriteText(&buf, r))
	assert.True(t, strings.HasSuffix(buf.String(), "not checked: b.txt: binary file\nnot checked: coverage left out: coverage/gone.txt: no such file\n"), buf.String())
	buf.Reset()
	require.NoError(t, WriteMarkdown(&buf, r))
	assert.Contains(t, buf.String(), "\n## Not checked\n\n- b.txt: binary file\n- coverage left out: coverage/gone.txt: no such file\n")
}
