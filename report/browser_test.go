//go:build browser

// The browser test opens HTML reports in headless Chromium, driven over the
// DevTools protocol on a pipe (no network port), and checks what a person
// would see: the highlights are there, hovering shows the finding, and no
// text from a document runs as script. Run it with
//
//	go test -tags browser -run Browser -count=1 ./report/
//
// after `apt-get install chromium` (Debian's package). Screenshots go to
// $TRANSCHECK_ARTIFACTS, or to testdata/artifacts/ (ignored by git).
package report_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/report"
)

// cdp is a minimal Chrome DevTools protocol client over
// --remote-debugging-pipe: JSON messages separated by NUL bytes, written to
// the browser's fd 3 and read from its fd 4.
type cdp struct {
	w       io.Writer
	mu      sync.Mutex
	nextID  int
	pending map[int]chan cdpMessage
	readErr error
}

type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    any             `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func (c *cdp) readLoop(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		b, err := br.ReadBytes(0)
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			for id, ch := range c.pending {
				close(ch)
				delete(c.pending, id)
			}
			c.mu.Unlock()
			return
		}
		var m cdpMessage
		if json.Unmarshal(b[:len(b)-1], &m) != nil || m.ID == 0 {
			continue // an event: the test polls instead
		}
		c.mu.Lock()
		ch := c.pending[m.ID]
		delete(c.pending, m.ID)
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
}

// call sends one command and decodes its result into out (if not nil).
func (c *cdp) call(ctx context.Context, session, method string, params any, out any) error {
	c.mu.Lock()
	if c.readErr != nil {
		c.mu.Unlock()
		return fmt.Errorf("cdp %s: browser gone: %w", method, c.readErr)
	}
	c.nextID++
	id := c.nextID
	ch := make(chan cdpMessage, 1)
	c.pending[id] = ch
	msg, err := json.Marshal(cdpMessage{ID: id, SessionID: session, Method: method, Params: params})
	if err == nil {
		_, err = c.w.Write(append(msg, 0))
	}
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("cdp %s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("cdp %s: browser closed the pipe", method)
		}
		if m.Error != nil {
			return fmt.Errorf("cdp %s: %d %s", method, m.Error.Code, m.Error.Message)
		}
		if out != nil {
			return json.Unmarshal(m.Result, out)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("cdp %s: %w", method, ctx.Err())
	}
}

// browser is a headless Chromium with one page open.
type browser struct {
	t       *testing.T
	ctx     context.Context
	c       *cdp
	session string
}

func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no Chromium: install Debian's chromium package (apt-get install chromium) or set CHROMIUM")
	return ""
}

func startBrowser(t *testing.T) *browser {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	toBrowser, ourEnd, err := os.Pipe()
	require.NoError(t, err)
	fromBrowser, browserEnd, err := os.Pipe()
	require.NoError(t, err)
	cmd := exec.CommandContext(ctx, chromiumPath(t),
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--hide-scrollbars", "--mute-audio",
		"--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{toBrowser, browserEnd} // fd 3 and fd 4
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	toBrowser.Close()
	browserEnd.Close()
	c := &cdp{w: ourEnd, pending: map[int]chan cdpMessage{}}
	go c.readLoop(fromBrowser)
	t.Cleanup(func() {
		_ = c.call(context.Background(), "", "Browser.close", nil, nil)
		ourEnd.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		fromBrowser.Close()
		if t.Failed() {
			t.Logf("chromium stderr:\n%s", stderr.String())
		}
	})
	b := &browser{t: t, ctx: ctx, c: c}
	var target struct{ TargetID string }
	require.NoError(t, c.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target))
	var attached struct{ SessionID string }
	require.NoError(t, c.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached))
	b.session = attached.SessionID
	b.must("Page.enable", nil, nil)
	b.must("Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 1800, "deviceScaleFactor": 1, "mobile": false}, nil)
	return b
}

func (b *browser) must(method string, params, out any) {
	b.t.Helper()
	require.NoError(b.t, b.c.call(b.ctx, b.session, method, params, out))
}

// open loads a file and waits until it has loaded.
func (b *browser) open(path string) {
	b.t.Helper()
	b.must("Page.navigate", map[string]any{"url": "file://" + path}, nil)
	for i := 0; ; i++ {
		var state string
		b.eval(`document.readyState + "|" + location.href`, &state)
		if strings.HasPrefix(state, "complete|file://") {
			return
		}
		require.Less(b.t, i, 200, "page did not load: %s", state)
		time.Sleep(50 * time.Millisecond)
	}
}

// eval runs a JavaScript expression in the page (DevTools is not bound by
// the page's Content Security Policy) and decodes its value into out.
func (b *browser) eval(expr string, out any) {
	b.t.Helper()
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	b.must("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &res)
	require.Nil(b.t, res.ExceptionDetails, "evaluating %s", expr)
	require.NoError(b.t, json.Unmarshal(res.Result.Value, out), "evaluating %s: %s", expr, res.Result.Value)
}

// hover scrolls element i of selector into view and moves the mouse onto
// its first line box.
func (b *browser) hover(selector string, i int) {
	b.t.Helper()
	var pt struct{ X, Y float64 }
	b.eval(fmt.Sprintf(`(() => {
		const e = document.querySelectorAll(%q)[%d];
		e.scrollIntoView({block: "center"});
		const r = e.getClientRects()[0];
		return {x: r.left + Math.min(r.width / 2, 6), y: r.top + r.height / 2};
	})()`, selector, i), &pt)
	b.must("Input.dispatchMouseEvent", map[string]any{"type": "mouseMoved", "x": pt.X, "y": pt.Y}, nil)
}

// screenshot saves the viewport as a PNG artifact and returns its path.
func (b *browser) screenshot(name string) string {
	b.t.Helper()
	var shot struct{ Data string }
	b.must("Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	require.NoError(b.t, err)
	require.Greater(b.t, len(png), 10_000, "screenshot looks empty")
	dir := os.Getenv("TRANSCHECK_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "artifacts")
	}
	require.NoError(b.t, os.MkdirAll(dir, 0o755))
	path := filepath.Join(dir, name)
	require.NoError(b.t, os.WriteFile(path, png, 0o644))
	b.t.Logf("screenshot: %s", path)
	return path
}

// pageState is what the test reads back from a page.
type pageState struct {
	Title      string   `json:"title"`
	Pwned      string   `json:"pwned"`
	Scripts    int      `json:"scripts"`
	Embedded   int      `json:"embedded"`
	Handlers   []string `json:"handlers"`
	External   []string `json:"external"`
	Highlights []string `json:"highlights"`
	Text       string   `json:"text"`
}

const probe = `(() => ({
	title: document.title,
	pwned: document.body.dataset.pwned || "",
	scripts: document.scripts.length,
	embedded: document.querySelectorAll("img,svg,iframe,object,embed,form,input,video,audio,link,base").length,
	handlers: [...document.querySelectorAll("*")].flatMap(e =>
		[...e.attributes].filter(a => /^on/i.test(a.name)).map(a => e.tagName + "[" + a.name + "]")),
	external: [...document.querySelectorAll("[href],[src],[action]")]
		.map(e => e.getAttribute("href") || e.getAttribute("src") || e.getAttribute("action"))
		.filter(h => !h.startsWith("#")),
	highlights: [...document.querySelectorAll("a.hl")].map(a => a.textContent),
	text: [...document.querySelectorAll("div.text")].map(d => d.textContent).join(""),
}))()`

func (b *browser) state() pageState {
	b.t.Helper()
	var s pageState
	b.eval(probe, &s)
	return s
}

func writeHTML(t *testing.T, r *report.Report, path string) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, r, "html"))
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return buf.String()
}

// injection is document text that changes the page if it ever runs.
const injection = "A reader wrote <script>document.title='PWNED'</script> and " +
	"\" onmouseover=\"document.body.dataset.pwned='hover'\" x=\" and " +
	"<img src=x onerror=\"document.body.dataset.pwned='img'\"> and " +
	"<svg onload=\"document.body.dataset.pwned='svg'\"></svg> and " +
	"</div><a href=\"javascript:document.body.dataset.pwned='link'\">click</a> and " +
	"' onfocus='document.body.dataset.pwned=1' autofocus='.\n"

func injectionReport() *report.Report {
	loc := report.NewLocator(injection)
	var findings []report.Finding
	for _, sub := range []string{"<script>document.title='PWNED'</script>", "\" onmouseover=\"document.body.dataset.pwned='hover'\" x=\"", "<img src=x onerror=\"document.body.dataset.pwned='img'\">", "<svg onload=\"document.body.dataset.pwned='svg'\"></svg>", "' onfocus='document.body.dataset.pwned=1' autofocus='"} {
		i := strings.Index(injection, sub)
		findings = append(findings, report.Finding{
			Rule: "encoding/markup", Category: report.Encoding, Severity: report.Warning,
			Span: loc.Span(i, i+len(sub)), Text: sub, Message: "Markup in the text: " + sub, Suggestions: []string{sub},
			Evidence: []report.Evidence{{Path: sub, Text: sub}},
		})
	}
	return &report.Report{Documents: []report.Document{{
		Path:               "<script>document.title='PWNED'</script>.txt",
		MachineTranslation: report.MachineTranslation{Verdict: report.Uncertain, Score: 0.5, SourceLanguage: "\" onmouseover=\"document.body.dataset.pwned='lang'"},
		Findings:           findings,
		Alignments: []report.Alignment{{
			Text: injection, Coverage: report.Evidence{Path: "<img src=x onerror=\"document.body.dataset.pwned='cov'\">", Text: injection},
			Diff: []report.DiffOp{{Op: report.DiffDelete, Text: injection}, {Op: report.DiffInsert, Text: "<b onmouseover=\"document.body.dataset.pwned='diff'\">x</b>"}},
		}},
		Text: injection,
	}}}
}

func TestBrowserHTMLReport(t *testing.T) {
	b := startBrowser(t)
	dir := t.TempDir()

	t.Run("seed 002", func(t *testing.T) {
		b.t = t
		r, text := seed002(t)
		path := filepath.Join(dir, "seed002.html")
		writeHTML(t, r, path)
		b.open(path)
		s := b.state()
		assert.Equal(t, "transcheck report", s.Title)
		assert.Contains(t, s.Highlights, "Wunan")
		assert.Equal(t, text, s.Text, "the page shows the document's text, all of it, unchanged")
		assert.Empty(t, s.External, "the page links nowhere outside itself")
		assert.Zero(t, s.Scripts)

		var finding report.Finding
		for _, f := range r.Documents[0].Findings {
			if f.Text == "Wunan" {
				finding = f
			}
		}
		require.Equal(t, "Wunan", finding.Text)

		// Hovering the highlight shows the finding's message (and its
		// suggestion, if it has one).
		var wunan int
		b.eval(`[...document.querySelectorAll("a.hl")].findIndex(a => a.textContent === "Wunan")`, &wunan)
		require.GreaterOrEqual(t, wunan, 0)
		b.hover("a.hl", wunan)
		var tip string
		b.eval(fmt.Sprintf(`getComputedStyle(document.querySelectorAll("a.hl")[%d], "::after").content`, wunan), &tip)
		assert.Contains(t, tip, strings.Fields(finding.Message)[0])
		assert.Contains(t, tip, string(finding.Category))
		if len(finding.Suggestions) > 0 {
			assert.Contains(t, tip, finding.Suggestions[0])
		}
		var highlight string
		b.eval(fmt.Sprintf(`getComputedStyle(document.querySelectorAll("a.hl")[%d]).borderBottomColor`, wunan), &highlight)
		assert.NotEqual(t, "rgba(0, 0, 0, 0)", highlight, "the highlight is underlined")
		assert.FileExists(t, b.screenshot("seed002-hover-wunan.png"))

		// Clicking it opens its card.
		var hash string
		b.eval(fmt.Sprintf(`(() => { document.querySelectorAll("a.hl")[%d].click(); return location.hash })()`, wunan), &hash)
		assert.True(t, strings.HasPrefix(hash, "#d0-f"), hash)
		var card string
		b.eval(`document.querySelector(":target").textContent`, &card)
		assert.Contains(t, card, "Wunan")

		b.eval(`(() => { window.scrollTo(0, 0); return true })()`, new(bool))
		b.must("Input.dispatchMouseEvent", map[string]any{"type": "mouseMoved", "x": 1, "y": 1}, nil)
		b.screenshot("seed002-top.png")
	})

	t.Run("long report: cards beside their lines", func(t *testing.T) {
		b.t = t
		var sb strings.Builder
		for i := range 150 {
			fmt.Fprintf(&sb, "Paragraph %d says what happened on the day, in a sentence long enough to wrap once or twice in a column.\n\n", i)
		}
		text := sb.String()
		loc := report.NewLocator(text)
		d := report.Document{Path: "long.txt", Text: text, MachineTranslation: report.MachineTranslation{Verdict: report.Uncertain}}
		for _, i := range []int{2, 75, 76, 148} {
			sub := fmt.Sprintf("Paragraph %d says", i)
			at := strings.Index(text, sub)
			d.Findings = append(d.Findings, report.Finding{Rule: "style/test", Category: report.Style, Severity: report.Warning, Span: loc.Span(at, at+len(sub)), Text: sub, Message: "A finding far down a long report."})
		}
		path := filepath.Join(dir, "long.html")
		writeHTML(t, &report.Report{Documents: []report.Document{d}}, path)
		b.open(path)
		// Each card's top is level with its highlight's, within a line.
		var offsets []float64
		b.eval(`[...document.querySelectorAll("li.finding")].map(li => {
			const mark = document.querySelector('a.hl[href="#' + li.id + '"]');
			return li.getBoundingClientRect().top - mark.getBoundingClientRect().top;
		})`, &offsets)
		require.Len(t, offsets, 4)
		for i, off := range offsets {
			assert.InDelta(t, 0, off, 40, "card %d is %.0f px from its line", i, off)
		}
		assert.Equal(t, text, b.state().Text)
		b.screenshot("long-report.png")
	})

	t.Run("aligned passages", func(t *testing.T) {
		b.t = t
		path := filepath.Join(dir, "fixture.html")
		writeHTML(t, report.Fixture(t), path)
		b.open(path)
		// The word diff is coloured on both sides of each aligned passage.
		var colours struct{ Del, Ins, Eq string }
		b.eval(`(() => {
			const bg = s => getComputedStyle(document.querySelector("table.align " + s)).backgroundColor;
			document.querySelector("table.align").scrollIntoView();
			return {del: bg(".del"), ins: bg(".ins"), eq: bg(".eq")};
		})()`, &colours)
		assert.NotEqual(t, "rgba(0, 0, 0, 0)", colours.Del)
		assert.NotEqual(t, "rgba(0, 0, 0, 0)", colours.Ins)
		assert.NotEqual(t, colours.Del, colours.Ins)
		assert.Equal(t, "rgba(0, 0, 0, 0)", colours.Eq, "equal text is not marked")
		var cells []string
		b.eval(`[...document.querySelectorAll("table.align td")].map(td => td.textContent)`, &cells)
		r := report.Fixture(t)
		require.Len(t, cells, 2*len(r.Documents[0].Alignments))
		// The document side shows the document passage and the coverage
		// side the coverage passage, however the diff cut them.
		assert.Equal(t, r.Documents[0].Alignments[0].Text, cells[0])
		assert.Equal(t, r.Documents[0].Alignments[0].Coverage.Text, cells[1])
		b.screenshot("fixture-aligned.png")
	})

	for _, variant := range []struct {
		name      string
		stripCSP  bool
		artifact  string
		wantNoCSP bool
	}{
		{"injection", false, "injection.png", false},
		// Without its Content Security Policy the page must still be safe:
		// escaping alone keeps the text inert.
		{"injection without CSP", true, "injection-no-csp.png", true},
	} {
		t.Run(variant.name, func(t *testing.T) {
			b.t = t
			path := filepath.Join(dir, strings.ReplaceAll(variant.name, " ", "-")+".html")
			page := writeHTML(t, injectionReport(), path)
			if variant.stripCSP {
				i := strings.Index(page, `<meta http-equiv="Content-Security-Policy"`)
				require.GreaterOrEqual(t, i, 0)
				j := i + strings.Index(page[i:], ">") + 1
				page = page[:i] + page[j:]
				require.NoError(t, os.WriteFile(path, []byte(page), 0o644))
			}
			b.open(path)
			// Hover and focus everything a payload could have hung a handler on.
			var n int
			b.eval(`document.querySelectorAll("a.hl, .ev, .msg, .quote, td, h2, dd, ins, span").length`, &n)
			require.Greater(t, n, 20)
			for i := 0; i < n; i++ {
				b.hover("a.hl, .ev, .msg, .quote, td, h2, dd, ins, span", i)
			}
			b.eval(`(() => { document.querySelectorAll("a").forEach(a => a.focus()); return true })()`, new(bool))
			s := b.state()
			assert.Equal(t, "transcheck report", s.Title, "a <script> from the text ran")
			assert.Empty(t, s.Pwned, "an event handler from the text ran")
			assert.Zero(t, s.Scripts, "the page has a script element")
			assert.Zero(t, s.Embedded, "text became an element")
			assert.Empty(t, s.Handlers, "text became an event handler attribute")
			assert.Empty(t, s.External, "text became a link")
			assert.Equal(t, injection, s.Text, "the text is shown as text")
			b.screenshot(variant.artifact)
		})
	}
}
