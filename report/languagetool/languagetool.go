// Package languagetool serves transcheck's findings over LanguageTool's
// HTTP API v2, so that editors and tools with a LanguageTool client (browser
// add-ons, word-processor plug-ins, LTeX, the language_tool_python library)
// can show them without knowing transcheck.
//
// The handler answers POST /v2/check, GET /v2/languages and GET /v2/info,
// with CORS headers and OPTIONS preflight. It knows nothing of how findings
// are made: a CheckFunc, supplied by whoever builds the server, turns text
// into a report.Document, and the handler maps its findings to LanguageTool
// matches, offsets converted to UTF-16 code units by report.Locator.
//
// Requests are bounded: the body is capped (Options.MaxBodyBytes), each
// check has a deadline (Options.Timeout) after which the client gets what
// was found so far with "incompleteResults": true rather than a hang, and
// at most Options.MaxConcurrent checks run at once.
package languagetool

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"mime"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/transcheck/transcheck/report"
)

// CheckFunc checks text and returns what was found, with finding spans as
// byte offsets into text. language is the code the client asked for, such
// as "en-US", or "auto" when it asks the server to detect the language.
//
// When ctx is done a CheckFunc should return promptly (within 200 ms) with
// the document it has so far, or nil, and an error wrapping ctx.Err(); the
// handler reports that as incomplete results. One that ignores ctx is not waited for: the client is
// answered at the deadline and the check finishes in the background,
// holding its concurrency slot until it does. A CheckFunc is called from
// many goroutines at once and must be safe for that.
//
// A CheckFunc that cannot check the text as sent (it is not text, or too
// large) returns a *TextError: the client gets 400 with its message. Any
// other error is the server's: the client gets a generic 500 and the
// error goes to Options.ErrorLog.
type CheckFunc func(ctx context.Context, text, language string) (*report.Document, error)

// Options bound and describe a Handler. The zero value is usable.
type Options struct {
	// MaxBodyBytes caps a request body; larger requests get 413. Zero
	// means 1 MiB.
	MaxBodyBytes int64
	// Timeout is how long one check may run before the client gets the
	// matches found so far, marked incomplete. Zero means 10 seconds.
	Timeout time.Duration
	// MaxConcurrent is how many checks run at once; a request waits for
	// a slot within its Timeout. Zero means runtime.GOMAXPROCS(0).
	MaxConcurrent int
	// Languages are the languages the server accepts and lists at
	// /v2/languages. Nil means English and its variants.
	Languages []Language
	// AllowOrigin is the Access-Control-Allow-Origin sent with every
	// answer. Empty means "*": any web page may call the server.
	AllowOrigin string
	// Name and Version describe the server in "software". Empty means
	// "transcheck" and report.ToolVersion.
	Name, Version string
	// Rules documents the rules the check may emit (for transcheck,
	// transcheck.Rules()). A match's rule description is its rule's
	// Summary and its URL the rule's HelpURI; a rule not listed is
	// described by its ID alone.
	Rules []report.Rule
	// RuleURL, if set, gives a link with more about a rule (transcheck's
	// rule name, such as "place-name/romanized"), in place of the rule's
	// HelpURI; "" means none.
	RuleURL func(rule string) string
	// ErrorLog receives checks' errors, which clients see only as a
	// generic 500. Nil means the log package's standard logger.
	ErrorLog *log.Logger
}

// TextError is an error a CheckFunc returns for text it cannot check
// because of what the client sent, as opposed to a failure of the server.
type TextError struct{ Err error }

// Error returns the underlying error's message.
func (e *TextError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *TextError) Unwrap() error { return e.Err }

// DefaultLanguages are the languages a Handler accepts when
// Options.Languages is nil: English and the variants LanguageTool lists.
var DefaultLanguages = []Language{
	{Name: "English", Code: "en", LongCode: "en"},
	{Name: "English (US)", Code: "en", LongCode: "en-US"},
	{Name: "English (GB)", Code: "en", LongCode: "en-GB"},
	{Name: "English (Australian)", Code: "en", LongCode: "en-AU"},
	{Name: "English (Canadian)", Code: "en", LongCode: "en-CA"},
	{Name: "English (New Zealand)", Code: "en", LongCode: "en-NZ"},
	{Name: "English (South African)", Code: "en", LongCode: "en-ZA"},
}

// Handler is an http.Handler for LanguageTool's API v2. It is safe for
// concurrent use.
type Handler struct {
	check CheckFunc
	opts  Options
	slots chan struct{}
	rules map[string]report.Rule
}

// NewHandler returns a Handler that checks text with check.
func NewHandler(check CheckFunc, opts Options) *Handler {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	if opts.MaxConcurrent <= 0 {
		opts.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	if opts.Languages == nil {
		opts.Languages = DefaultLanguages
	}
	if opts.AllowOrigin == "" {
		opts.AllowOrigin = "*"
	}
	if opts.Name == "" {
		opts.Name = "transcheck"
	}
	if opts.Version == "" {
		opts.Version = report.ToolVersion
	}
	if opts.ErrorLog == nil {
		opts.ErrorLog = log.Default()
	}
	rules := make(map[string]report.Rule, len(opts.Rules))
	for _, r := range opts.Rules {
		rules[r.ID] = r
	}
	return &Handler{check: check, opts: opts, slots: make(chan struct{}, opts.MaxConcurrent), rules: rules}
}

// Server returns an http.Server for the handler on addr, with timeouts on
// reading and writing that fit the handler's own, so that a slow client
// cannot hold a connection open.
func (h *Handler) Server(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      h.opts.Timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// ServeHTTP answers /v2/check, /v2/languages and /v2/info, and CORS
// preflight requests for them.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Access-Control-Allow-Origin", h.opts.AllowOrigin)
	if h.opts.AllowOrigin != "*" {
		hdr.Add("Vary", "Origin")
	}
	hdr.Set("X-Content-Type-Options", "nosniff")
	path := strings.TrimSuffix(r.URL.Path, "/")
	var allow string
	switch path {
	case "/v2/check":
		allow = "GET, POST, OPTIONS"
	case "/v2/languages", "/v2/info":
		allow = "GET, OPTIONS"
	default:
		httpError(w, http.StatusNotFound, fmt.Sprintf("Error: unknown path %q: this server answers /v2/check, /v2/languages and /v2/info", r.URL.Path))
		return
	}
	if r.Method == http.MethodOptions {
		hdr.Set("Access-Control-Allow-Methods", allow)
		if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
			hdr.Set("Access-Control-Allow-Headers", req)
		} else {
			hdr.Set("Access-Control-Allow-Headers", "Content-Type, Accept")
		}
		hdr.Set("Access-Control-Max-Age", "86400")
		hdr.Set("Allow", allow)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if !slices.Contains(strings.Split(allow, ", "), r.Method) {
		hdr.Set("Allow", allow)
		httpError(w, http.StatusMethodNotAllowed, "Error: method "+r.Method+" not allowed, use "+allow)
		return
	}
	switch path {
	case "/v2/check":
		h.serveCheck(w, r)
	case "/v2/languages":
		writeJSON(w, http.StatusOK, h.opts.Languages)
	case "/v2/info":
		writeJSON(w, http.StatusOK, struct {
			Software Software `json:"software"`
		}{h.software()})
	}
}

func (h *Handler) software() Software {
	return Software{Name: h.opts.Name, Version: h.opts.Version, APIVersion: 1}
}

// request is a parsed /v2/check request.
type request struct {
	text     *annotated
	language string // as asked for: a long code or "auto"
	lang     Language
	filter   ruleFilter
}

func (h *Handler) parse(w http.ResponseWriter, r *http.Request) (*request, int, error) {
	r.Body = http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes)
	var err error
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
		err = r.ParseMultipartForm(h.opts.MaxBodyBytes)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
			return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("request body larger than %d bytes", mbe.Limit)
		}
		return nil, http.StatusBadRequest, fmt.Errorf("reading the form: %w", err)
	}
	// Form values are bytes percent-decoded as sent; LanguageTool's API
	// speaks UTF-8.
	for key, vals := range r.Form {
		for _, v := range vals {
			if i := firstInvalidUTF8(v); i >= 0 {
				return nil, http.StatusBadRequest, fmt.Errorf("parameter %q is not valid UTF-8 (byte %d): send UTF-8 text", key, i)
			}
		}
	}
	req := &request{}
	hasText, hasData := r.Form.Has("text"), r.Form.Has("data")
	switch {
	case hasText && hasData:
		return nil, http.StatusBadRequest, errors.New("send either 'text' or 'data', not both")
	case hasText:
		req.text = plainText(r.Form.Get("text"))
	case hasData:
		if req.text, err = parseAnnotation(r.Form.Get("data")); err != nil {
			return nil, http.StatusBadRequest, err
		}
	default:
		return nil, http.StatusBadRequest, errors.New("missing 'text' or 'data' parameter")
	}
	req.language = strings.TrimSpace(r.Form.Get("language"))
	if req.language == "" {
		return nil, http.StatusBadRequest, errors.New("missing 'language' parameter, such as 'en-US' or 'auto'")
	}
	if !strings.EqualFold(req.language, "auto") {
		var ok bool
		if req.lang, ok = h.findLanguage(req.language); !ok {
			return nil, http.StatusBadRequest, fmt.Errorf("%q is not a language code this server checks (see /v2/languages)", req.language)
		}
		req.language = req.lang.LongCode
	} else {
		req.language = "auto"
	}
	req.filter = newRuleFilter(r.Form)
	return req, 0, nil
}

// findLanguage finds code among the languages: a long code first, then a
// language whose long code is code's primary subtag ("en-IN" is "en").
func (h *Handler) findLanguage(code string) (Language, bool) {
	for _, l := range h.opts.Languages {
		if strings.EqualFold(l.LongCode, code) {
			return l, true
		}
	}
	primary, _, _ := strings.Cut(code, "-")
	for _, l := range h.opts.Languages {
		if strings.EqualFold(l.LongCode, primary) {
			return l, true
		}
	}
	return Language{}, false
}

func (h *Handler) serveCheck(w http.ResponseWriter, r *http.Request) {
	req, status, err := h.parse(w, r)
	if err != nil {
		httpError(w, status, "Error: "+err.Error())
		return
	}
	if strings.TrimSpace(req.text.checked) == "" {
		// Nothing to check: LanguageTool answers an empty text with no
		// matches, and a checker may reject one as an error.
		writeJSON(w, http.StatusOK, h.response(req, nil, false))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	doc, incomplete, err := h.run(ctx, req.text.checked, req.language)
	if te := (*TextError)(nil); errors.As(err, &te) {
		httpError(w, http.StatusBadRequest, "Error: "+te.Error())
		return
	}
	if err != nil {
		h.opts.ErrorLog.Printf("languagetool: check of %d bytes: %v", len(req.text.checked), err)
		httpError(w, http.StatusInternalServerError, "Error: internal error while checking the text")
		return
	}
	writeJSON(w, http.StatusOK, h.response(req, doc, incomplete))
}

type checkResult struct {
	doc *report.Document
	err error
}

// run calls the CheckFunc within ctx. It returns incomplete (and whatever
// document the check gave back) when ctx ran out first.
func (h *Handler) run(ctx context.Context, text, language string) (doc *report.Document, incomplete bool, err error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, true, nil
	}
	done := make(chan checkResult, 1)
	go func() {
		defer func() { <-h.slots }()
		defer func() {
			if p := recover(); p != nil {
				done <- checkResult{err: fmt.Errorf("check panicked: %v", p)}
			}
		}()
		d, err := h.check(ctx, text, language)
		done <- checkResult{d, err}
	}()
	select {
	case res := <-done:
		if res.err != nil {
			if ctx.Err() != nil && errors.Is(res.err, ctx.Err()) {
				return res.doc, true, nil
			}
			return nil, false, res.err
		}
		return res.doc, false, nil
	case <-ctx.Done():
		// A check that honours ctx returns what it has at once: give it a
		// moment to, then answer without it.
		grace := time.NewTimer(checkGrace)
		defer grace.Stop()
		select {
		case res := <-done:
			if res.err != nil && !errors.Is(res.err, ctx.Err()) {
				return nil, false, res.err
			}
			return res.doc, true, nil
		case <-grace.C:
			return nil, true, nil
		}
	}
}

// checkGrace is how long past its deadline a check has to hand back what
// it found before the client is answered without it.
const checkGrace = 200 * time.Millisecond

// firstInvalidUTF8 returns the byte offset of the first byte of s that is
// not valid UTF-8, or -1.
func firstInvalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return -1 // not reached
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client has gone if this fails; nothing to tell it
}

func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = fmt.Fprintln(w, msg)
}
