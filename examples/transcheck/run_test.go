package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck"
	"github.com/transcheck/transcheck/internal/jsonschema"
	"github.com/transcheck/transcheck/report"
	"github.com/transcheck/transcheck/report/schema"
	"github.com/transcheck/transcheck/seeds"
)

// runCmd runs the command. Every JSON report it writes to stdout is
// validated against the report schema.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	if slices.Contains(args, "json") && out.Len() > 0 {
		assert.Empty(t, schemaErrors(t, out.Bytes()), "the JSON report breaks report/schema")
	}
	return code, out.String(), errb.String()
}

var reportSchema = sync.OnceValues(func() (*jsonschema.Schema, error) { return jsonschema.Compile(schema.ReportV1) })

func schemaErrors(t *testing.T, b []byte) []string {
	t.Helper()
	s, err := reportSchema()
	require.NoError(t, err)
	errs, err := s.ValidateJSON(b)
	require.NoError(t, err)
	return errs
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

const humanText = "The defence secretary visited British troops in Finland on Tuesday. He said the talks would continue next week.\n"

func TestSeedsJSON(t *testing.T) {
	code, out, stderr := runCmd(t, "-format", "json")
	// The demonstration succeeds, and says how exit codes work on the
	// user's own files, as JSON since the format is JSON.
	assert.Equal(t, exitOK, code, stderr)
	var note struct{ Note string }
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSpace(stderr)), &note), stderr)
	assert.Contains(t, note.Note, "exit code is 1 when a finding is at or above -fail-on")
	var r report.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, 1, r.SchemaVersion)
	require.Len(t, r.Documents, len(seeds.All()))
	for _, d := range r.Documents {
		assert.Equal(t, "en", d.Language.Code, d.Path)
		assert.Contains(t, []report.Verdict{report.Machine, report.Human, report.Uncertain}, d.MachineTranslation.Verdict)
	}
	// Every documented field is present in the raw JSON of every document.
	var raw struct {
		Documents []map[string]json.RawMessage `json:"documents"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	for _, d := range raw.Documents {
		for _, k := range []string{"path", "language", "machineTranslation", "findings", "alignments"} {
			assert.Contains(t, d, k)
		}
	}
}

// TestSeedsMatchTheLibrary: the command's JSON on the seeds is the
// library's, checked the same way (one Coverage of the five seeds).
func TestSeedsMatchTheLibrary(t *testing.T) {
	code, out, stderr := runCmd(t, "-format", "json")
	require.Equal(t, exitOK, code, stderr)

	c, err := transcheck.New(transcheck.Options{})
	require.NoError(t, err)
	var docs []transcheck.Document
	for _, s := range seeds.All() {
		docs = append(docs, transcheck.Document{Path: s.Path, Data: s.Data})
	}
	ctx := context.Background()
	cov, err := c.NewCoverage(ctx, docs...)
	require.NoError(t, err)
	lib := &report.Report{}
	for _, d := range docs {
		r, err := c.CheckCoverage(ctx, d, cov)
		require.NoError(t, err)
		lib.Add(r)
	}
	var want bytes.Buffer
	require.NoError(t, report.WriteJSON(&want, lib))
	assert.Equal(t, want.String(), out)
}

// TestDemoNote: the run on the bundled seeds exits 0 though they have
// error-level findings, and closes with how exit codes work.
func TestDemoNote(t *testing.T) {
	code, _, stderr := runCmd(t)
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "transcheck: checked the 5 bundled sample documents")
	assert.Contains(t, stderr, "On your own files (transcheck FILE...) the exit code is 1")
	// The same findings on a user's file fail the run.
	s002, _ := seeds.Get("002")
	p := writeFile(t, t.TempDir(), "002.txt", s002.Data)
	code, _, stderr = runCmd(t, p)
	assert.Equal(t, exitFindings, code)
	assert.NotContains(t, stderr, "bundled")
}

// TestUnreadableInputsAreNotices: a coverage path that cannot be read is
// in the report's notices and in SARIF's tool execution notifications.
func TestUnreadableInputsAreNotices(t *testing.T) {
	dir := t.TempDir()
	text := writeFile(t, dir, "text.txt", []byte(humanText))
	missing := filepath.Join(dir, "gone.txt")
	code, out, _ := runCmd(t, "-format", "json", "-coverage", missing, text)
	assert.Equal(t, exitError, code)
	var r report.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Notices, 1)
	assert.Equal(t, missing, r.Notices[0].Path)
	assert.Contains(t, r.Notices[0].Message, "gone.txt")

	_, out, _ = runCmd(t, "-format", "sarif", "-coverage", missing, text)
	var log struct {
		Runs []struct {
			Invocations []struct {
				ToolExecutionNotifications []struct {
					Level   string
					Message struct{ Text string }
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	notes := log.Runs[0].Invocations[0].ToolExecutionNotifications
	require.Len(t, notes, 1)
	assert.Equal(t, "error", notes[0].Level)
	assert.Contains(t, notes[0].Message.Text, "gone.txt")
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := writeFile(t, dir, "clean.txt", []byte(humanText))
	s002, ok := seeds.Get("002")
	require.True(t, ok)
	mt := writeFile(t, dir, "mt.txt", s002.Data)

	code, _, stderr := runCmd(t, clean)
	assert.Equal(t, exitOK, code, stderr)

	code, out, _ := runCmd(t, "-fail-on", "warning", mt)
	assert.Equal(t, exitFindings, code, out)

	code, _, stderr = runCmd(t, "-format", "nonsense", clean)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "unknown format")

	code, _, stderr = runCmd(t, "-fail-on", "fatal", clean)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "fail-on")

	code, _, _ = runCmd(t, "-h")
	assert.Equal(t, exitOK, code)
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte(humanText))
	tests := []struct {
		name string
		path string
		args []string
		want string
	}{
		{"invalid UTF-8", writeFile(t, dir, "latin1.txt", []byte("Caf\xe9 in Kyiv. The end.\n")), nil, "invalid UTF-8 at byte 3"},
		{"binary", writeFile(t, dir, "image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), nil, "binary file"},
		{"empty", writeFile(t, dir, "empty.txt", nil), nil, "empty document"},
		{"blank", writeFile(t, dir, "blank.txt", []byte(" \r\n\t\n")), nil, "empty document"},
		{"directory", dir, nil, "is a directory"},
		{"missing", filepath.Join(dir, "missing.txt"), nil, "no such file"},
		{"too large", writeFile(t, dir, "large.txt", bytes.Repeat([]byte("word "), 400)), []string{"-max-bytes", "1000"}, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"-format", "json"}, tt.args...), tt.path, good)
			code, out, stderr := runCmd(t, args...)
			assert.Equal(t, exitError, code)
			assert.Contains(t, stderr, tt.want)
			assert.Contains(t, stderr, filepath.Base(tt.path), "the message names the file")
			// The error is JSON, since the format is JSON.
			line := strings.SplitN(strings.TrimSpace(stderr), "\n", 2)[0]
			var e struct{ Error, Path string }
			require.NoError(t, json.Unmarshal([]byte(line), &e), stderr)
			// The good file is still checked and reported.
			var r report.Report
			require.NoError(t, json.Unmarshal([]byte(out), &r))
			require.Len(t, r.Documents, 1)
			assert.Equal(t, good, r.Documents[0].Path)
		})
	}
}

func TestCRLFAndBOMOffsets(t *testing.T) {
	s002, ok := seeds.Get("002")
	require.True(t, ok)
	crlf := bytes.ReplaceAll(s002.Data, []byte("\n"), []byte("\r\n"))
	withBOM := append([]byte("\uFEFF"), crlf...)
	dir := t.TempDir()
	for name, data := range map[string][]byte{"crlf.txt": crlf, "bom.txt": withBOM} {
		t.Run(name, func(t *testing.T) {
			p := writeFile(t, dir, name, data)
			code, out, stderr := runCmd(t, "-format", "json", p)
			require.NotEqual(t, exitError, code, stderr)
			var r report.Report
			require.NoError(t, json.Unmarshal([]byte(out), &r))
			require.Len(t, r.Documents, 1)
			require.NotEmpty(t, r.Documents[0].Findings)
			for _, f := range r.Documents[0].Findings {
				assert.Equal(t, string(data[f.Span.Start:f.Span.End]), f.Text, "%s %+v", f.Rule, f.Span)
			}
		})
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte(humanText))
	out := filepath.Join(dir, "report.json")
	code, stdout, stderr := runCmd(t, "-format", "json", "-o", out, good)
	assert.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, json.Valid(b))
	assert.Empty(t, schemaErrors(t, b))
}

func TestCoverageAndReferenceFlags(t *testing.T) {
	s000, _ := seeds.Get("000")
	s003, _ := seeds.Get("003")
	dir := t.TempDir()
	covDir := filepath.Join(dir, "coverage")
	require.NoError(t, os.Mkdir(covDir, 0o755))
	writeFile(t, covDir, "003.txt", s003.Data)
	text := writeFile(t, dir, "000.txt", s000.Data)

	// -coverage DIR: comparable alignment against the directory's files.
	code, out, stderr := runCmd(t, "-format", "json", "-coverage", covDir, text)
	require.NotEqual(t, exitError, code, stderr)
	var r report.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Documents, 1)
	require.NotEmpty(t, r.Documents[0].Alignments)
	for _, a := range r.Documents[0].Alignments {
		assert.Equal(t, "comparable", a.Mode)
		assert.Equal(t, filepath.Join(covDir, "003.txt"), a.Coverage.Path)
	}

	// -reference FILE: parallel alignment with a reworded copy.
	ref := writeFile(t, dir, "ref.txt", bytes.Replace(s000.Data, []byte("extremely unusual"), []byte("very unusual"), 1))
	code, out, stderr = runCmd(t, "-format", "json", "-reference", ref, text)
	require.NotEqual(t, exitError, code, stderr)
	r = report.Report{}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.NotEmpty(t, r.Documents[0].Alignments)
	for _, a := range r.Documents[0].Alignments {
		assert.Equal(t, "parallel", a.Mode)
	}

	// A missing coverage path is an input error; the check still runs.
	code, out, stderr = runCmd(t, "-format", "json", "-coverage", filepath.Join(dir, "nope"), text)
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "nope")
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Len(t, r.Documents, 1)
}

func TestEveryFormat(t *testing.T) {
	s002, _ := seeds.Get("002")
	p := writeFile(t, t.TempDir(), "002.txt", s002.Data)
	for _, f := range report.Formats() {
		t.Run(f, func(t *testing.T) {
			code, out, stderr := runCmd(t, "-format", f, p)
			assert.NotEqual(t, exitError, code, stderr)
			assert.Contains(t, out, "Wunan")
		})
	}
}

func TestReferenceUsageErrors(t *testing.T) {
	dir := t.TempDir()
	ref := writeFile(t, dir, "ref.txt", []byte(humanText))
	text := writeFile(t, dir, "text.txt", []byte(humanText))
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no file to check", []string{"-reference", ref}, "-reference: give the FILE"},
		{"with coverage", []string{"-reference", ref, "-coverage", dir, text}, "choose one"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCmd(t, tt.args...)
			assert.Equal(t, exitError, code)
			assert.Contains(t, stderr, tt.want)
			assert.Empty(t, out, "nothing is checked")
		})
	}
}

// Coverage that cannot be read is said on standard error, one line per
// document naming it, and in the report's notices; the rest of the
// coverage is still used.
func TestUnreadableCoverageReported(t *testing.T) {
	s000, _ := seeds.Get("000")
	s003, _ := seeds.Get("003")
	dir := t.TempDir()
	covDir := filepath.Join(dir, "coverage")
	require.NoError(t, os.Mkdir(covDir, 0o755))
	writeFile(t, covDir, "003.txt", s003.Data)
	bad := writeFile(t, covDir, "latin1.txt", []byte("Caf\xe9 in Kyiv.\n"))
	empty := writeFile(t, covDir, "empty.txt", nil)
	missing := filepath.Join(dir, "missing.txt")
	text := writeFile(t, dir, "000.txt", s000.Data)

	code, out, stderr := runCmd(t, "-format", "json", "-coverage", covDir, "-coverage", missing, text)
	assert.Equal(t, exitError, code)
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	got := map[string]string{}
	for _, l := range lines {
		var e struct{ Error, Path string }
		require.NoError(t, json.Unmarshal([]byte(l), &e), l)
		got[e.Path] = e.Error
	}
	assert.Contains(t, got[bad], "invalid UTF-8 at byte 3")
	assert.Contains(t, got[empty], "empty document")
	assert.Contains(t, got[missing], "no such file")
	assert.Len(t, lines, 3, "one line per document left out")

	var r report.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	notices := map[string]string{}
	for _, n := range r.Notices {
		notices[n.Path] = n.Message
	}
	assert.Len(t, r.Notices, 3, "%+v", r.Notices)
	assert.Contains(t, notices[bad], "invalid UTF-8")
	assert.Contains(t, notices[empty], "empty document")
	assert.Contains(t, notices[missing], "no such file")
	require.Len(t, r.Documents, 1)
	assert.NotEmpty(t, r.Documents[0].Alignments, "the readable coverage is used")
}

// Every error message has one prefix and names its file once.
func TestErrorMessagesSayThingsOnce(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", []byte(humanText))
	missing := filepath.Join(dir, "missing.txt")
	badStyle := writeFile(t, dir, "style.txt", []byte("nonsense directive\n"))
	for _, tt := range []struct {
		name string
		args []string
		path string // named exactly once
		want string
	}{
		{"missing file", []string{missing, good}, missing, "missing.txt: no such file or directory"},
		{"missing coverage", []string{"-coverage", missing, good}, missing, "coverage: " + missing + ": no such file"},
		{"missing reference", []string{"-reference", missing, good}, missing, "reference: " + missing + ": no such file"},
		{"missing style file", []string{"-style", missing, good}, missing, "style file " + missing + ": no such file"},
		{"bad style file", []string{"-style", badStyle, good}, badStyle, badStyle + ": gazetteer: line 1"},
		{"missing GeoNames file", []string{"-geonames", missing, good}, missing, "GeoNames file " + missing + ": no such file"},
		{"unwritable report", []string{"-o", filepath.Join(missing, "out.txt"), good}, missing, "no such file"},
		{"unknown language", []string{"-languages", "en,xx", good}, "", `unknown language code "xx"`},
		{"missing coverage index", []string{"-coverage-index", missing, good}, missing, "coverage index " + missing},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.args...)
			assert.Equal(t, exitError, code)
			assert.Contains(t, stderr, tt.want)
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				assert.Equal(t, 1, strings.Count(line, "transcheck:"), line)
				if tt.path != "" {
					assert.LessOrEqual(t, strings.Count(line, tt.path), 1, line)
				}
				for _, w := range []string{"stat ", "open ", "lstat "} {
					if tt.name != "unwritable report" {
						assert.NotContains(t, line, w, "the path is named once, without the system call")
					}
				}
			}
		})
	}
}
