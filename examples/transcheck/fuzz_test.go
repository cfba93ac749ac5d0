package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/report/languagetool"
	"github.com/transcheck/transcheck/seeds"
)

var (
	fuzzOnce    sync.Once
	fuzzHandler *languagetool.Handler
	fuzzLog     *lockedBuffer
)

// lockedBuffer collects the handler's error log from concurrent requests.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) take() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.b.String()
	l.b.Reset()
	return s
}

// realHandler returns the command's LanguageTool handler with the real
// Checker and one seed as coverage, built once per test binary.
func realHandler(t testing.TB) *languagetool.Handler {
	t.Helper()
	fuzzOnce.Do(func() {
		c, err := transcheck.New(transcheck.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, _ := seeds.Get("001")
		cov, err := c.NewCoverage(context.Background(), transcheck.Document{Path: s.Path, Data: s.Data})
		if err != nil {
			t.Fatal(err)
		}
		fuzzLog = &lockedBuffer{}
		fuzzHandler = newHandler(c, cov, languagetool.Options{
			MaxBodyBytes: 64 << 10, Timeout: 5 * time.Second,
			ErrorLog: log.New(fuzzLog, "", 0), Rules: transcheck.Rules(),
		})
	})
	return fuzzHandler
}

// FuzzServeCheck sends arbitrary /v2/check bodies to the command's
// handler with the real Checker: whatever the client sends, the answer is
// never a 500, and a 200 is LanguageTool JSON whose matches lie inside the
// text.
func FuzzServeCheck(f *testing.F) {
	s, _ := seeds.Get("002")
	f.Add(url.Values{"language": {"en-US"}, "text": {string(s.Data[:600])}}.Encode(), "application/x-www-form-urlencoded")
	f.Add("language=auto&text=Caf%E9+in+Kyiv.", "application/x-www-form-urlencoded")
	f.Add("language=en-US&text=Kyiv%00Kharkiv", "application/x-www-form-urlencoded")
	f.Add(`language=en&data={"annotation":[{"markup":"<p>"},{"text":"Troops left Wunan."}]}`, "application/x-www-form-urlencoded")
	f.Add("language=en-US&text=didn%C3%A2%E2%82%AC%E2%84%A2t+go", "application/x-www-form-urlencoded")
	f.Add("--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nKiev\r\n--x--\r\n", "multipart/form-data; boundary=x")
	f.Add("language=en-US&text=%EF%BB%BF%0D%0A", "text/plain")
	f.Fuzz(func(t *testing.T, body, contentType string) {
		h := realHandler(t)
		req := httptest.NewRequest(http.MethodPost, "/v2/check", strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q (%s): %s; log: %s", rec.Code, body, contentType, rec.Body.String(), fuzzLog.take())
		}
		if rec.Code != http.StatusOK {
			return
		}
		var resp struct {
			Matches []struct {
				Offset, Length int
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("200 with a body that is not JSON: %v: %s", err, rec.Body.String())
		}
		// The text the client sent, in UTF-16 code units; with 'data' the
		// markup counts too, so bound by the whole body.
		limit := len(utf16.Encode([]rune(body))) + 1
		if form, err := url.ParseQuery(body); err == nil && form.Has("text") && !form.Has("data") {
			limit = len(utf16.Encode([]rune(form.Get("text"))))
		}
		for _, m := range resp.Matches {
			if m.Offset < 0 || m.Length < 0 || m.Offset+m.Length > limit {
				t.Fatalf("match [%d, +%d) outside the text (%d units)", m.Offset, m.Length, limit)
			}
		}
	})
}
