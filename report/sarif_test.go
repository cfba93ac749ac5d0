package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/jsonschema"
)

// schemaValidator validates decoded JSON against one schema.
type schemaValidator struct{ *jsonschema.Schema }

func (v schemaValidator) validate(doc any) []string { return v.Validate(doc) }

func loadSARIFValidator(t testing.TB) schemaValidator {
	t.Helper()
	b, err := os.ReadFile("testdata/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	s, err := jsonschema.Compile(b)
	require.NoError(t, err)
	return schemaValidator{s}
}

func decodeJSON(t testing.TB, b []byte) any {
	t.Helper()
	var x any
	require.NoError(t, json.Unmarshal(b, &x))
	return x
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	v := loadSARIFValidator(t)
	noText := fixture(t)
	for i := range noText.Documents {
		noText.Documents[i].Text = ""
	}
	tests := []struct {
		name string
		r    *Report
	}{
		{"fixture", fixture(t)},
		{"fixture without text", noText},
		{"empty report", &Report{}},
		{"document without findings", &Report{Documents: []Document{{Path: "/abs/path with space.txt"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteSARIF(&buf, tt.r))
			assert.Empty(t, v.validate(decodeJSON(t, buf.Bytes())))
		})
	}
}

func TestSchemaValidatorRejectsBrokenSARIF(t *testing.T) {
	// The validator must be able to fail: each change breaks the schema.
	v := loadSARIFValidator(t)
	var buf bytes.Buffer
	require.NoError(t, WriteSARIF(&buf, fixture(t)))
	tests := []struct {
		name   string
		mutate func(log map[string]any)
		want   string
	}{
		{"no version", func(l map[string]any) { delete(l, "version") }, `missing required property "version"`},
		{"wrong version", func(l map[string]any) { l["version"] = "2.0.0" }, "is not one of"},
		{"unknown top-level property", func(l map[string]any) { l["extra"] = 1 }, `property "extra" is not allowed`},
		{"bad level", func(l map[string]any) { result(l)["level"] = "fatal" }, "$.runs[0].results[0].level"},
		{"line 0", func(l map[string]any) { region(l)["startLine"] = 0.0 }, "< minimum 1"},
		{"fractional column", func(l map[string]any) { region(l)["startColumn"] = 1.5 }, "want type integer"},
		{"bad column kind", func(l map[string]any) { l["runs"].([]any)[0].(map[string]any)["columnKind"] = "bytes" }, "columnKind"},
		{"duplicate tag", func(l map[string]any) {
			result(l)["properties"].(map[string]any)["tags"] = []any{"a", "a"}
		}, "duplicate item"},
		{"no message", func(l map[string]any) { delete(result(l), "message") }, `missing required property "message"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := decodeJSON(t, buf.Bytes()).(map[string]any)
			tt.mutate(log)
			errs := v.validate(log)
			require.NotEmpty(t, errs)
			assert.Contains(t, strings.Join(errs, "\n"), tt.want)
		})
	}
}

func result(log map[string]any) map[string]any {
	return log["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
}

func region(log map[string]any) map[string]any {
	loc := result(log)["locations"].([]any)[0].(map[string]any)
	return loc["physicalLocation"].(map[string]any)["region"].(map[string]any)
}

func TestSARIFColumns(t *testing.T) {
	tests := []struct {
		name       string
		dropText   bool
		columnKind string
		// start and end columns of the split-paragraph finding, which
		// follows an emoji with a modifier and a flag
		startColumn, endLine, endColumn int
	}{
		{"with text: UTF-16 code units", false, "utf16CodeUnits", 63, 3, 4},
		{"without text: code points", true, "unicodeCodePoints", 59, 3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fixture(t)
			if tt.dropText {
				r.Documents[0].Text = ""
			}
			var buf bytes.Buffer
			require.NoError(t, WriteSARIF(&buf, r))
			var log sarifLog
			require.NoError(t, json.Unmarshal(buf.Bytes(), &log))
			run := log.Runs[0]
			assert.Equal(t, tt.columnKind, run.ColumnKind)
			var res sarifResult
			for _, x := range run.Results {
				if x.RuleID == "garbled/split-paragraph" {
					res = x
				}
			}
			reg := res.Locations[0].PhysicalLocation.Region
			assert.Equal(t, []int{1, tt.startColumn, tt.endLine, tt.endColumn}, []int{reg.StartLine, reg.StartColumn, reg.EndLine, reg.EndColumn})
			assert.Equal(t, "flies again.\r\n\r\nThe", fixtureText[reg.ByteOffset:reg.ByteOffset+reg.ByteLength])
			assert.Equal(t, "articles/dispatch%201.txt", res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
			assert.Equal(t, run.Tool.Driver.Rules[res.RuleIndex].ID, res.RuleID)
		})
	}
}

func TestSARIFFingerprintsAreStable(t *testing.T) {
	seen := map[string]int{}
	a := fingerprint("r", "Xiwu", seen)
	b := fingerprint("r", "Xiwu", seen)
	assert.NotEqual(t, a, b, "a second occurrence gets its own fingerprint")
	assert.Equal(t, a, fingerprint("r", "Xiwu", map[string]int{}), "and the first is the same in every run")
	assert.NotEqual(t, a, fingerprint("s", "Xiwu", map[string]int{}))
}

func TestArtifactURI(t *testing.T) {
	tests := []struct{ path, want string }{
		{"articles/a.txt", "articles/a.txt"},
		{"dir with space/a#1.txt", "dir%20with%20space/a%231.txt"},
		{"/srv/news/乌.txt", "file:///srv/news/%E4%B9%8C.txt"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, artifactURI(tt.path), tt.path)
	}
}

// TestSARIFToolRunAndNotifications: the tool's version, the automation
// id, and a notification for each input that could not be read.
func TestSARIFToolRunAndNotifications(t *testing.T) {
	r := fixture(t)
	r.Notices = []Notice{
		{Path: "coverage/gone.txt", Message: "read coverage/gone.txt: no such file or directory"},
		{Path: "coverage/bin.dat", Message: "coverage/bin.dat: binary file, not text"},
	}
	var buf bytes.Buffer
	require.NoError(t, WriteSARIF(&buf, r))
	assert.Empty(t, loadSARIFValidator(t).validate(decodeJSON(t, buf.Bytes())))
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Version, SemanticVersion string }
			}
			AutomationDetails struct{ ID string }
			Invocations       []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
						}
					}
				}
			}
		}
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &log))
	run := log.Runs[0]
	assert.Equal(t, ToolVersion, run.Tool.Driver.Version)
	assert.Equal(t, ToolVersion, run.Tool.Driver.SemanticVersion)
	assert.Equal(t, "transcheck/", run.AutomationDetails.ID)
	require.Len(t, run.Invocations, 1)
	notes := run.Invocations[0].ToolExecutionNotifications
	require.Len(t, notes, 2)
	// Sorted by path.
	assert.Equal(t, "error", notes[0].Level)
	assert.Equal(t, "coverage/bin.dat: binary file, not text", notes[0].Message.Text)
	require.Len(t, notes[0].Locations, 1)
	assert.Equal(t, "coverage/bin.dat", notes[0].Locations[0].PhysicalLocation.ArtifactLocation.URI)
	assert.Equal(t, "coverage/gone.txt", notes[1].Locations[0].PhysicalLocation.ArtifactLocation.URI)
	// Rendering sorted a copy: the caller's notices keep their order.
	assert.Equal(t, "coverage/gone.txt", r.Notices[0].Path)
}

func TestRuleName(t *testing.T) {
	assert.Equal(t, "PlaceNameRomanizedAbbreviation", ruleName("place-name/romanized-abbreviation"))
	assert.Equal(t, "StyleSourceQuotes", ruleName("style/source-quotes"))
}
