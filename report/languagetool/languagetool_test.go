package languagetool

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/segment"
	"github.com/transcheck/transcheck/report"
)

// term is what the test checker flags wherever it occurs.
type term struct {
	text       string
	rule       string
	category   report.Category
	severity   report.Severity
	message    string
	suggestion []string
}

// termChecker is a CheckFunc for tests: it flags every occurrence of the
// terms, and gives each sentence the shared segmentation finds.
func termChecker(terms ...term) CheckFunc {
	return func(ctx context.Context, text, language string) (*report.Document, error) {
		loc := report.NewLocator(text)
		doc := &report.Document{Language: report.Language{Code: "en", Confidence: 0.9}, Text: text}
		for _, tm := range terms {
			for from := 0; ; {
				i := strings.Index(text[from:], tm.text)
				if i < 0 {
					break
				}
				s := from + i
				doc.Findings = append(doc.Findings, report.Finding{
					Rule: tm.rule, Category: tm.category, Severity: tm.severity, Span: loc.Span(s, s+len(tm.text)),
					Text: tm.text, Message: tm.message, Suggestions: tm.suggestion, Confidence: 0.9,
				})
				from = s + len(tm.text)
			}
		}
		for _, s := range segment.Split(text).Sentences {
			doc.Sentences = append(doc.Sentences, report.SentenceLanguage{Span: loc.Span(s.Start, s.End), Code: "en"})
		}
		return doc, nil
	}
}

// romanized flags pinyin read as place names in the seeds; the words are
// test data, not a list the handler knows.
var romanized = []term{
	{"Wunan", "place-name/romanized", report.PlaceName, report.Error, "Romanized Chinese 乌南: southern Ukraine", []string{"southern Ukraine"}},
	{"Wudong", "place-name/romanized", report.PlaceName, report.Error, "Romanized Chinese 乌东: eastern Ukraine", []string{"eastern Ukraine"}},
	{"Please read on...", "boilerplate/read-on", report.Boilerplate, report.Warning, "Web page furniture", nil},
}

func readSeed(t testing.TB, prefix string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "seeds", prefix+"_*.txt"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	b, err := os.ReadFile(files[0])
	require.NoError(t, err)
	return string(b)
}

// utf16Slice is what a JavaScript client does with a match: it cuts the
// text it sent at offset and length, counted in UTF-16 code units.
func utf16Slice(text string, offset, length int) string {
	u := utf16.Encode([]rune(text))
	if offset < 0 || length < 0 || offset+length > len(u) {
		return fmt.Sprintf("<out of range %d+%d of %d>", offset, length, len(u))
	}
	return string(utf16.Decode(u[offset : offset+length]))
}

func postForm(t testing.TB, c *http.Client, base string, form url.Values) (*http.Response, []byte) {
	t.Helper()
	resp, err := c.PostForm(base+"/v2/check", form)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, body
}

func decode(t testing.TB, body []byte) Response {
	t.Helper()
	var r Response
	require.NoError(t, json.Unmarshal(body, &r), string(body))
	return r
}

func TestCheckSeed002OverLoopback(t *testing.T) {
	text := readSeed(t, "002")
	srv := httptest.NewServer(NewHandler(termChecker(romanized...), Options{}))
	defer srv.Close()
	require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), srv.URL)

	resp, body := postForm(t, srv.Client(), srv.URL, url.Values{"text": {text}, "language": {"en-US"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	assert.Equal(t, "*", resp.Header.Get("Access-Control-Allow-Origin"))
	r := decode(t, body)
	assert.False(t, r.Warnings.IncompleteResults)
	assert.Equal(t, "en-US", r.Language.Code)
	assert.Equal(t, "English (US)", r.Language.Name)

	var wunan *Match
	for i := range r.Matches {
		if r.Matches[i].Rule.ID == "PLACE_NAME_ROMANIZED" && strings.Contains(r.Matches[i].Message, "southern") {
			wunan = &r.Matches[i]
		}
	}
	require.NotNil(t, wunan, string(body))
	assert.Equal(t, "Wunan", utf16Slice(text, wunan.Offset, wunan.Length))
	// The seed has curly apostrophes before "Wunan": UTF-16 offsets are
	// not byte offsets there, so a byte offset would miss.
	assert.Less(t, wunan.Offset, strings.Index(text, "Wunan"))
	assert.Equal(t, 5, wunan.Length)
	assert.Equal(t, []Replacement{{Value: "southern Ukraine"}}, wunan.Replacements)
	assert.Equal(t, "mistranslation", wunan.Rule.IssueType)
	assert.Equal(t, RuleCategory{ID: "PLACE_NAME", Name: "Place name"}, wunan.Rule.Category)
	assert.Equal(t, "place-name/romanized", wunan.Rule.Description)
	assert.Equal(t, "Other", wunan.Type.TypeName)
	assert.Equal(t, "Wunan", utf16Slice(wunan.Context.Text, wunan.Context.Offset, wunan.Context.Length))
	assert.True(t, strings.HasPrefix(wunan.Context.Text, "..."))
	assert.Contains(t, wunan.Sentence, "important port city of Wunan to withdraw")

	// Every match, not only the one looked at, points at its text.
	require.Len(t, r.Matches, 3)
	for _, m := range r.Matches {
		got := utf16Slice(text, m.Offset, m.Length)
		assert.Contains(t, []string{"Wunan", "Wudong", "Please read on..."}, got)
	}
	assert.Less(t, r.Matches[0].Offset, r.Matches[1].Offset, "matches are in text order")
	assert.NotEmpty(t, r.SentenceRanges)
}

func TestCheckOffsetsAreUTF16(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"ascii", "Troops left Wunan."},
		{"emoji with modifier before", "👍🏽 Troops left Wunan."},
		{"flag before", "🇺🇦🇺🇦 Wunan 🇺🇦"},
		{"combining mark before", "Cafe\u0301 in Wunan."},
		{"CJK before", "乌南 (Wunan) fell."},
		{"CRLF before", "Line one.\r\n\r\nWunan fell.\r\n"},
		{"astral CJK before", "𠀀𠀁 Wunan"},
	}
	h := NewHandler(termChecker(romanized[0]), Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodPost, "/v2/check", strings.NewReader(url.Values{"text": {tt.text}, "language": {"en"}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			h.ServeHTTP(rec, req)
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			r := decode(t, rec.Body.Bytes())
			require.Len(t, r.Matches, 1)
			m := r.Matches[0]
			assert.Equal(t, "Wunan", utf16Slice(tt.text, m.Offset, m.Length))
			assert.Equal(t, "Wunan", utf16Slice(m.Context.Text, m.Context.Offset, m.Context.Length))
			assert.NotContains(t, m.Context.Text, "\n")
		})
	}
}

func TestCheckAnnotatedData(t *testing.T) {
	var seen atomic.Value
	inner := termChecker(romanized[0])
	check := func(ctx context.Context, text, language string) (*report.Document, error) {
		seen.Store(text)
		return inner(ctx, text, language)
	}
	srv := httptest.NewServer(NewHandler(check, Options{}))
	defer srv.Close()

	data := `{"annotation":[
		{"markup":"<p class=\"lead\">"},
		{"text":"Troops 👍🏽 left "},
		{"markup":"<b title=\"Wunan\">"},
		{"text":"Wunan"},
		{"markup":"</b>"},
		{"text":"."},
		{"markup":"</p>","interpretAs":"\n\n"},
		{"text":"Wunan again."}
	]}`
	resp, body := postForm(t, srv.Client(), srv.URL, url.Values{"data": {data}, "language": {"en-GB"}})
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	r := decode(t, body)

	// The check saw the text, the markup's interpretAs, and no markup.
	assert.Equal(t, "Troops 👍🏽 left Wunan.\n\nWunan again.", seen.Load())
	// Offsets count the markup, as the client's document does.
	original := `<p class="lead">Troops 👍🏽 left <b title="Wunan">Wunan</b>.</p>Wunan again.`
	require.Len(t, r.Matches, 2)
	for _, m := range r.Matches {
		assert.Equal(t, "Wunan", utf16Slice(original, m.Offset, m.Length))
	}
	assert.Equal(t, len(utf16.Encode([]rune(`<p class="lead">Troops 👍🏽 left <b title="Wunan">`))), r.Matches[0].Offset)
	assert.Equal(t, len(utf16.Encode([]rune(`<p class="lead">Troops 👍🏽 left <b title="Wunan">Wunan</b>.</p>`))), r.Matches[1].Offset)
	assert.Equal(t, "en-GB", r.Language.Code)
}

func TestAnnotationMapping(t *testing.T) {
	a, err := parseAnnotation(`{"annotation":[{"text":"ab"},{"markup":"<x>"},{"text":"cd"},{"markup":"<br>","interpretAs":"\n"},{"text":"ef"},{"markup":"</y>"}]}`)
	require.NoError(t, err)
	require.Equal(t, "ab<x>cd<br>ef</y>", a.original)
	require.Equal(t, "abcd\nef", a.checked)
	tests := []struct {
		name string
		off  int
		end  bool
		want int
	}{
		{"start of text", 0, false, 0},
		{"end at a markup boundary stays before the markup", 2, true, 2},
		{"start at a markup boundary goes after it", 2, false, 5},
		{"inside text", 3, false, 6},
		{"start inside interpretAs is the markup's start", 4, false, 7},
		{"end inside interpretAs is the markup's end", 5, true, 11},
		{"start after interpretAs", 5, false, 11},
		{"end of the checked text", 7, true, 13},
		{"start at the end is after trailing markup", 7, false, 17},
		{"out of range", 99, true, 17},
		{"negative", -4, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, a.toOriginal(tt.off, tt.end))
		})
	}
}

func TestParseAnnotationErrors(t *testing.T) {
	tests := []struct{ data, want string }{
		{`not json`, "not LanguageTool annotation JSON"},
		{`{"text":"x"}`, `no "annotation" list`},
		{`{"annotation":[{"text":"a","markup":"<b>"}]}`, "exactly one"},
		{`{"annotation":[{}]}`, "exactly one"},
		{`{"annotation":[{"text":"a","interpretAs":"b"}]}`, "interpretAs goes with markup"},
		{`{"annotation":[{"text":5}]}`, "not LanguageTool annotation JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.data, func(t *testing.T) {
			_, err := parseAnnotation(tt.data)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func FuzzParseAnnotation(f *testing.F) {
	f.Add(`{"annotation":[{"text":"ab"},{"markup":"<x>"},{"text":"cd"}]}`)
	f.Add(`{"annotation":[{"markup":"<p>","interpretAs":"\n\n"},{"text":"乌南 👍🏽"}]}`)
	f.Add(`{"annotation":[]}`)
	f.Add(`{"annotation":[{"text":""},{"markup":""}]}`)
	f.Fuzz(func(t *testing.T, data string) {
		a, err := parseAnnotation(data)
		if err != nil {
			return
		}
		// Mapped offsets stay in range and never go backwards, and a span
		// of one byte never maps to a negative length.
		prevStart, prevEnd := 0, 0
		for off := 0; off <= len(a.checked); off++ {
			s, e := a.toOriginal(off, false), a.toOriginal(off, true)
			if s < 0 || s > len(a.original) || e < 0 || e > len(a.original) {
				t.Fatalf("offset %d maps to start %d, end %d (original %d bytes)", off, s, e, len(a.original))
			}
			if s < prevStart || e < prevEnd {
				t.Fatalf("offset %d maps back to %d, %d after %d, %d", off, s, e, prevStart, prevEnd)
			}
			if off > 0 && prevStart > e {
				t.Fatalf("span [%d, %d) maps to [%d, %d)", off-1, off, prevStart, e)
			}
			prevStart, prevEnd = s, e
		}
		// Text parts map onto themselves.
		for _, p := range a.pieces {
			if p.text && a.checked[p.cs:p.ce] != a.original[p.os:p.oe] {
				t.Fatalf("piece %+v differs", p)
			}
		}
	})
}

func TestCheckMultipartForm(t *testing.T) {
	h := NewHandler(termChecker(romanized[0]), Options{})
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	require.NoError(t, mw.WriteField("text", "Troops left Wunan."))
	require.NoError(t, mw.WriteField("language", "auto"))
	require.NoError(t, mw.Close())
	req := httptest.NewRequest(http.MethodPost, "/v2/check", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	r := decode(t, rec.Body.Bytes())
	require.Len(t, r.Matches, 1)
	assert.Equal(t, 12, r.Matches[0].Offset)
	// "auto" answers with the language the check detected.
	assert.Equal(t, "en", r.Language.Code)
	assert.Equal(t, "English", r.Language.Name)
	assert.Equal(t, DetectedLanguage{Name: "English", Code: "en", Confidence: 0.9}, r.Language.DetectedLanguage)
}

func TestBlankTextIsNotChecked(t *testing.T) {
	called := false
	h := NewHandler(func(ctx context.Context, text, language string) (*report.Document, error) {
		called = true
		return nil, errors.New("empty document")
	}, Options{})
	for _, text := range []string{"", " \r\n\t"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/check?language=en-US&text="+url.QueryEscape(text), nil))
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		r := decode(t, rec.Body.Bytes())
		assert.Empty(t, r.Matches)
		assert.False(t, r.Warnings.IncompleteResults)
		assert.Equal(t, "en-US", r.Language.Code)
	}
	// Markup alone is blank too.
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/check?language=en&data="+url.QueryEscape(`{"annotation":[{"markup":"<p></p>"}]}`), nil))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.False(t, called)
}

func TestCheckGET(t *testing.T) {
	h := NewHandler(termChecker(romanized[0]), Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/check?language=en-US&text=Left+Wunan", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Len(t, decode(t, rec.Body.Bytes()).Matches, 1)
}

func TestRequestErrors(t *testing.T) {
	h := NewHandler(termChecker(romanized...), Options{MaxBodyBytes: 1024})
	form := func(v url.Values) string { return v.Encode() }
	tests := []struct {
		name, method, path, body string
		status                   int
		want                     string
	}{
		{"no text", "POST", "/v2/check", form(url.Values{"language": {"en"}}), 400, "missing 'text' or 'data'"},
		{"no language", "POST", "/v2/check", form(url.Values{"text": {"x"}}), 400, "missing 'language'"},
		{"text and data", "POST", "/v2/check", form(url.Values{"text": {"x"}, "data": {"{}"}, "language": {"en"}}), 400, "not both"},
		{"unknown language", "POST", "/v2/check", form(url.Values{"text": {"x"}, "language": {"xx-YY"}}), 400, `"xx-YY" is not a language code`},
		{"bad data", "POST", "/v2/check", form(url.Values{"data": {"[1,"}, "language": {"en"}}), 400, "not LanguageTool annotation JSON"},
		{"body too large", "POST", "/v2/check", form(url.Values{"text": {strings.Repeat("Wunan ", 400)}, "language": {"en"}}), 413, "larger than 1024 bytes"},
		{"bad form", "POST", "/v2/check", "text=%zz&language=en", 400, "reading the form"},
		{"wrong method", "DELETE", "/v2/check", "", 405, "not allowed"},
		{"POST to languages", "POST", "/v2/languages", "", 405, "not allowed"},
		{"unknown path", "GET", "/v2/words", "", 404, "unknown path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, tt.status, rec.Code)
			assert.Contains(t, rec.Body.String(), tt.want)
			assert.Equal(t, "*", rec.Header().Get("Access-Control-Allow-Origin"))
		})
	}
}

func TestLanguageVariants(t *testing.T) {
	h := NewHandler(termChecker(), Options{})
	tests := []struct{ asked, code, name string }{
		{"en-US", "en-US", "English (US)"},
		{"EN-gb", "en-GB", "English (GB)"},
		{"en", "en", "English"},
		{"en-IN", "en", "English"}, // an unlisted variant falls back to its language
	}
	for _, tt := range tests {
		t.Run(tt.asked, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/check?text=x&language="+tt.asked, nil))
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			r := decode(t, rec.Body.Bytes())
			assert.Equal(t, tt.code, r.Language.Code)
			assert.Equal(t, tt.name, r.Language.Name)
		})
	}
}

func TestCORSPreflight(t *testing.T) {
	h := NewHandler(termChecker(), Options{})
	tests := []struct {
		path, requested, wantMethods, wantHeaders string
	}{
		{"/v2/check", "content-type", "GET, POST, OPTIONS", "content-type"},
		{"/v2/check", "", "GET, POST, OPTIONS", "Content-Type, Accept"},
		{"/v2/languages", "", "GET, OPTIONS", "Content-Type, Accept"},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.requested, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodOptions, tt.path, nil)
			req.Header.Set("Origin", "https://editor.example")
			req.Header.Set("Access-Control-Request-Method", "POST")
			if tt.requested != "" {
				req.Header.Set("Access-Control-Request-Headers", tt.requested)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, http.StatusNoContent, rec.Code)
			assert.Equal(t, "*", rec.Header().Get("Access-Control-Allow-Origin"))
			assert.Equal(t, tt.wantMethods, rec.Header().Get("Access-Control-Allow-Methods"))
			assert.Equal(t, tt.wantHeaders, rec.Header().Get("Access-Control-Allow-Headers"))
			assert.Equal(t, "86400", rec.Header().Get("Access-Control-Max-Age"))
			assert.Empty(t, rec.Body.String())
		})
	}
	// A server for one origin says so and varies on it.
	h = NewHandler(termChecker(), Options{AllowOrigin: "https://editor.example"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/languages", nil))
	assert.Equal(t, "https://editor.example", rec.Header().Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "Origin", rec.Header().Get("Vary"))
}

func TestLanguagesAndInfo(t *testing.T) {
	h := NewHandler(termChecker(), Options{Version: "1.2.3"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/languages", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	var langs []Language
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &langs))
	assert.Equal(t, DefaultLanguages, langs)

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/info/", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	var info struct{ Software Software }
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &info))
	assert.Equal(t, Software{Name: "transcheck", Version: "1.2.3", APIVersion: 1}, info.Software)
}

func TestTimeoutAnswersIncomplete(t *testing.T) {
	partial := &report.Document{
		Findings: []report.Finding{{Rule: "place-name/romanized", Category: report.PlaceName, Severity: report.Error, Span: report.Span{Start: 12, End: 17}, Text: "Wunan", Message: "m"}},
	}
	release := make(chan struct{})
	defer close(release)
	tests := []struct {
		name        string
		check       CheckFunc
		wantMatches int
	}{
		{"check returns what it has at the deadline", func(ctx context.Context, text, lang string) (*report.Document, error) {
			<-ctx.Done()
			return partial, fmt.Errorf("aligning: %w", ctx.Err())
		}, 1},
		{"check ignores the deadline", func(ctx context.Context, text, lang string) (*report.Document, error) {
			<-release // hangs past the deadline
			return partial, nil
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHandler(tt.check, Options{Timeout: 20 * time.Millisecond, MaxConcurrent: 4})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/check?language=en&text=Troops+left+Wunan.", nil))
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			r := decode(t, rec.Body.Bytes())
			assert.True(t, r.Warnings.IncompleteResults)
			assert.Len(t, r.Matches, tt.wantMatches)
		})
	}
}

func TestConcurrencyLimitWaitsWithinTimeout(t *testing.T) {
	release := make(chan struct{})
	var running atomic.Int32
	check := func(ctx context.Context, text, lang string) (*report.Document, error) {
		running.Add(1)
		<-release
		return &report.Document{}, nil
	}
	h := NewHandler(check, Options{Timeout: 20 * time.Millisecond, MaxConcurrent: 1})
	for i := 0; i < 3; i++ {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/check?language=en&text=x", nil))
		require.Equal(t, http.StatusOK, rec.Code)
		assert.True(t, decode(t, rec.Body.Bytes()).Warnings.IncompleteResults)
	}
	// The first check still holds the only slot; the others never started.
	assert.Equal(t, int32(1), running.Load())
	close(release)
}

func TestCheckErrorsAreHidden(t *testing.T) {
	tests := []struct {
		name  string
		check CheckFunc
		log   string
	}{
		{"error", func(ctx context.Context, text, lang string) (*report.Document, error) {
			return nil, errors.New("coverage: secret path /srv/x unreadable")
		}, "secret path"},
		{"panic", func(ctx context.Context, text, lang string) (*report.Document, error) {
			panic("index out of range")
		}, "check panicked: index out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logged bytes.Buffer
			h := NewHandler(tt.check, Options{ErrorLog: log.New(&logged, "", 0)})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v2/check?language=en&text=x", nil))
			assert.Equal(t, http.StatusInternalServerError, rec.Code)
			assert.NotContains(t, rec.Body.String(), tt.log)
			assert.Contains(t, logged.String(), tt.log)
		})
	}
}

// Text that is not UTF-8, or that the CheckFunc rejects as the client's
// mistake, gets 400 with the reason; nothing is logged as a server error.
func TestBadTextIs400(t *testing.T) {
	reject := func(ctx context.Context, text, lang string) (*report.Document, error) {
		if strings.Contains(text, "\x00") {
			return nil, &TextError{Err: errors.New("text: binary file, not text at byte 4")}
		}
		return &report.Document{Text: text}, nil
	}
	tests := []struct {
		name, body, want string
	}{
		{"invalid UTF-8 text", "language=en-US&text=Caf%E9+au+lait", "parameter \"text\" is not valid UTF-8 (byte 3)"},
		{"invalid UTF-8 language", "language=en%FF&text=ok", "parameter \"language\" is not valid UTF-8 (byte 2)"},
		{"invalid UTF-8 in annotation", `language=en-US&data={"annotation":[{"text":"Caf%E9"}]}`, "parameter \"data\" is not valid UTF-8"},
		{"rejected by the checker", "language=en-US&text=Kyiv%00Kharkiv", "binary file, not text at byte 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logged bytes.Buffer
			h := NewHandler(reject, Options{ErrorLog: log.New(&logged, "", 0)})
			req := httptest.NewRequest(http.MethodPost, "/v2/check", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assert.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
			assert.Contains(t, rec.Body.String(), tt.want)
			assert.Empty(t, logged.String())
		})
	}
}

// FuzzServeCheckStub sends arbitrary requests to a handler whose check
// flags a few terms: no request is answered with a 5xx, and a 200 carries
// matches inside the text.
func FuzzServeCheckStub(f *testing.F) {
	f.Add("POST", "/v2/check", "language=en-US&text=Troops+left+Wunan.", "application/x-www-form-urlencoded")
	f.Add("POST", "/v2/check", "language=en-US&text=Caf%E9", "application/x-www-form-urlencoded")
	f.Add("GET", "/v2/check?language=auto&text=%F0%9F%91%8D+Kiev", "", "")
	f.Add("POST", "/v2/check", `language=en&data={"annotation":[{"markup":"<b>"},{"text":"Kiev"}]}`, "application/x-www-form-urlencoded")
	f.Add("OPTIONS", "/v2/languages", "", "")
	h := NewHandler(termChecker(romanized...), Options{ErrorLog: log.New(io.Discard, "", 0)})
	f.Fuzz(func(t *testing.T, method, target, body, contentType string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n") {
			return // not a request line a client can send
		}
		req, err := http.NewRequest(method, "http://localhost"+target, strings.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("Content-Type", contentType)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s: %d %s", method, target, rec.Code, rec.Body.String())
		}
	})
}

func TestRuleFilter(t *testing.T) {
	h := NewHandler(termChecker(romanized...), Options{RuleURL: func(rule string) string {
		return "https://example.org/rules/" + rule
	}})
	text := readSeed(t, "002")
	tests := []struct {
		name   string
		params url.Values
		want   []string
	}{
		{"all", url.Values{}, []string{"BOILERPLATE_READ_ON", "PLACE_NAME_ROMANIZED", "PLACE_NAME_ROMANIZED"}},
		{"disabled rule, LanguageTool style", url.Values{"disabledRules": {"PLACE_NAME_ROMANIZED"}}, []string{"BOILERPLATE_READ_ON"}},
		{"disabled category, transcheck style", url.Values{"disabledCategories": {"boilerplate"}}, []string{"PLACE_NAME_ROMANIZED", "PLACE_NAME_ROMANIZED"}},
		{"enabled only", url.Values{"enabledOnly": {"true"}, "enabledRules": {"boilerplate/read-on"}}, []string{"BOILERPLATE_READ_ON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.params.Set("text", text)
			tt.params.Set("language", "en-US")
			req := httptest.NewRequest(http.MethodPost, "/v2/check", strings.NewReader(tt.params.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			r := decode(t, rec.Body.Bytes())
			var ids []string
			for _, m := range r.Matches {
				ids = append(ids, m.Rule.ID)
				assert.Equal(t, []URL{{Value: "https://example.org/rules/" + m.Rule.Description}}, m.Rule.URLs)
			}
			assert.Equal(t, tt.want, ids)
		})
	}
}

func TestIssueTypes(t *testing.T) {
	tests := []struct {
		c    report.Category
		want string
	}{
		{report.PlaceName, "mistranslation"},
		{report.Untranslated, "untranslated"},
		{report.Garbled, "grammar"},
		{report.Boilerplate, "addition"},
		{report.Number, "numbers"},
		{report.Quote, "inconsistency"},
		{report.Encoding, "characters"},
		{report.Style, "style"},
		{"something-new", "uncategorized"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, IssueType(tt.c), string(tt.c))
	}
	assert.Equal(t, "Something new", categoryName("something-new"))
	assert.Equal(t, "PLACE_NAME_ROMANIZED", ruleID("place-name/romanized"))
}

func TestMatchContext(t *testing.T) {
	long := strings.Repeat("word ", 20)
	tests := []struct {
		name, text, match string
		wantText          string
	}{
		{"short text has no ellipses", "Troops left Wunan.", "Wunan", "Troops left Wunan."},
		{"line breaks become spaces", "One.\r\nWunan\nTwo.", "Wunan", "One.  Wunan Two."},
		{"long text is cut both sides", long + "Wunan " + long, "Wunan", "..." + long[len(long)-40:] + "Wunan " + long[:39] + "..."},
		{"emoji in the context", "👍🏽👍🏽 Wunan", "Wunan", "👍🏽👍🏽 Wunan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := report.NewLocator(tt.text)
			s := strings.Index(tt.text, tt.match)
			c := matchContext(loc, s, s+len(tt.match))
			assert.Equal(t, tt.wantText, c.Text)
			assert.Equal(t, tt.match, utf16Slice(c.Text, c.Offset, c.Length))
		})
	}
}

func ExampleNewHandler() {
	// A CheckFunc is where transcheck's checks go; this one flags one word.
	check := func(ctx context.Context, text, language string) (*report.Document, error) {
		loc := report.NewLocator(text)
		i := strings.Index(text, "Xiwu")
		doc := &report.Document{Language: report.Language{Code: "en", Confidence: 0.95}}
		if i >= 0 {
			doc.Findings = append(doc.Findings, report.Finding{
				Rule: "place-name/romanized", Category: report.PlaceName, Severity: report.Error,
				Span: loc.Span(i, i+len("Xiwu")), Text: "Xiwu",
				Message: "Romanized Chinese for western Ukraine", Suggestions: []string{"western Ukraine"},
			})
		}
		return doc, nil
	}
	h := NewHandler(check, Options{})

	form := url.Values{"text": {"👍🏽 Troops left Xiwu."}, "language": {"en-US"}}
	req := httptest.NewRequest(http.MethodPost, "/v2/check", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	var resp Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		panic(err)
	}
	m := resp.Matches[0]
	fmt.Println(rec.Code, m.Rule.ID, m.Rule.IssueType)
	fmt.Println("offset", m.Offset, "length", m.Length, "replace with", m.Replacements[0].Value)
	// Output:
	// 200 PLACE_NAME_ROMANIZED mistranslation
	// offset 17 length 4 replace with western Ukraine
}

// TestRulesDescribeMatches: with the rules' documentation, a match's rule
// has the summary as its description and the rule's page as its URL; a
// rule the documentation lacks keeps its ID.
func TestRulesDescribeMatches(t *testing.T) {
	h := NewHandler(termChecker(romanized...), Options{Rules: []report.Rule{{
		ID: "place-name/romanized", Category: report.PlaceName, Severity: report.Error,
		Summary: "Replace the romanized transcription with the place's English name.",
		HelpURI: "https://example.org/RULES.md#place-nameromanized",
	}}})
	form := url.Values{"text": {readSeed(t, "002")}, "language": {"en-US"}}
	req := httptest.NewRequest(http.MethodPost, "/v2/check", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	r := decode(t, rec.Body.Bytes())
	seen := map[string]bool{}
	for _, m := range r.Matches {
		seen[m.Rule.ID] = true
		switch m.Rule.ID {
		case "PLACE_NAME_ROMANIZED":
			assert.Equal(t, "Replace the romanized transcription with the place's English name.", m.Rule.Description)
			assert.Equal(t, []URL{{Value: "https://example.org/RULES.md#place-nameromanized"}}, m.Rule.URLs)
			assert.Equal(t, RuleCategory{ID: "PLACE_NAME", Name: "Place name"}, m.Rule.Category)
		case "BOILERPLATE_READ_ON":
			assert.Equal(t, "boilerplate/read-on", m.Rule.Description)
			assert.Empty(t, m.Rule.URLs)
		}
	}
	assert.True(t, seen["PLACE_NAME_ROMANIZED"] && seen["BOILERPLATE_READ_ON"], "%v", seen)
	assert.Equal(t, report.ToolVersion, r.Software.Version)
}
