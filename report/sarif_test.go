package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaValidator checks a JSON value against a JSON Schema (draft-04, as
// the SARIF 2.1.0 schema is written) using the keywords that schema uses:
// $ref to #/definitions, type, enum, properties, required,
// additionalProperties, items, minItems, uniqueItems, minimum, maximum,
// pattern, anyOf and oneOf. format, default and the annotations are
// ignored, as draft-04 allows. It is small on purpose: the standard
// library has no validator and the project takes no dependency for a test.
type schemaValidator struct {
	root     map[string]any
	patterns map[string]*regexp.Regexp
}

func newSchemaValidator(t testing.TB, schemaJSON []byte) *schemaValidator {
	t.Helper()
	var root map[string]any
	require.NoError(t, json.Unmarshal(schemaJSON, &root))
	v := &schemaValidator{root: root, patterns: map[string]*regexp.Regexp{}}
	// Every keyword the schema uses must be one the validator knows, or
	// the test would pass by ignoring a constraint.
	known := map[string]bool{
		"$schema": true, "id": true, "title": true, "description": true, "default": true, "format": true,
		"$ref": true, "type": true, "enum": true, "properties": true, "required": true,
		"additionalProperties": true, "items": true, "minItems": true, "uniqueItems": true,
		"minimum": true, "maximum": true, "pattern": true, "anyOf": true, "oneOf": true, "definitions": true,
	}
	var walk func(s map[string]any, at string)
	walk = func(s map[string]any, at string) {
		for k, val := range s {
			require.True(t, known[k], "schema keyword %q at %s is not supported by the test validator", k, at)
			switch k {
			case "properties", "definitions":
				for name, sub := range val.(map[string]any) {
					walk(sub.(map[string]any), at+"/"+k+"/"+name)
				}
			case "items", "additionalProperties":
				if sub, ok := val.(map[string]any); ok {
					walk(sub, at+"/"+k)
				}
			case "anyOf", "oneOf":
				for i, sub := range val.([]any) {
					walk(sub.(map[string]any), fmt.Sprintf("%s/%s/%d", at, k, i))
				}
			case "pattern":
				re, err := regexp.Compile(val.(string))
				require.NoError(t, err, "pattern at %s", at)
				v.patterns[val.(string)] = re
			}
		}
	}
	walk(root, "#")
	return v
}

// validate returns every violation of the schema in doc.
func (v *schemaValidator) validate(doc any) []string {
	var errs []string
	v.check(v.root, doc, "$", &errs)
	return errs
}

func (v *schemaValidator) resolve(s map[string]any) map[string]any {
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		name, found := strings.CutPrefix(ref, "#/definitions/")
		if !found {
			panic("unsupported $ref " + ref)
		}
		s = v.root["definitions"].(map[string]any)[name].(map[string]any)
	}
}

func (v *schemaValidator) check(s map[string]any, x any, at string, errs *[]string) {
	s = v.resolve(s)
	fail := func(format string, args ...any) {
		*errs = append(*errs, at+": "+fmt.Sprintf(format, args...))
	}
	if t, ok := s["type"]; ok && !typeMatches(t, x) {
		fail("is %T, want type %v", x, t)
		return
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if canonical(e) == canonical(x) {
				found = true
			}
		}
		if !found {
			fail("%v is not one of %v", x, enum)
		}
	}
	if n, ok := x.(float64); ok {
		if m, ok := s["minimum"].(float64); ok && n < m {
			fail("%v < minimum %v", n, m)
		}
		if m, ok := s["maximum"].(float64); ok && n > m {
			fail("%v > maximum %v", n, m)
		}
	}
	if str, ok := x.(string); ok {
		if p, ok := s["pattern"].(string); ok && !v.patterns[p].MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	if arr, ok := x.([]any); ok {
		if m, ok := s["minItems"].(float64); ok && float64(len(arr)) < m {
			fail("%d items, want at least %v", len(arr), m)
		}
		if u, _ := s["uniqueItems"].(bool); u {
			seen := map[string]bool{}
			for _, e := range arr {
				c := canonical(e)
				if seen[c] {
					fail("duplicate item %s", c)
				}
				seen[c] = true
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range arr {
				v.check(items, e, fmt.Sprintf("%s[%d]", at, i), errs)
			}
		}
	}
	if obj, ok := x.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		if req, ok := s["required"].([]any); ok {
			for _, r := range req {
				if _, ok := obj[r.(string)]; !ok {
					fail("missing required property %q", r)
				}
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ps, ok := props[k].(map[string]any); ok {
				v.check(ps, obj[k], at+"."+k, errs)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("property %q is not allowed", k)
				}
			case map[string]any:
				v.check(ap, obj[k], at+"."+k, errs)
			}
		}
	}
	if anyOf, ok := s["anyOf"].([]any); ok {
		n := v.countMatches(anyOf, x, at)
		if n == 0 {
			fail("matches none of anyOf")
		}
	}
	if one, ok := s["oneOf"].([]any); ok {
		if n := v.countMatches(one, x, at); n != 1 {
			fail("matches %d of oneOf, want exactly 1", n)
		}
	}
}

func (v *schemaValidator) countMatches(schemas []any, x any, at string) int {
	n := 0
	for _, sub := range schemas {
		var e []string
		v.check(sub.(map[string]any), x, at, &e)
		if len(e) == 0 {
			n++
		}
	}
	return n
}

func typeMatches(t any, x any) bool {
	if list, ok := t.([]any); ok {
		for _, one := range list {
			if typeMatches(one, x) {
				return true
			}
		}
		return false
	}
	switch t {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "string":
		_, ok := x.(string)
		return ok
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "null":
		return x == nil
	case "number":
		_, ok := x.(float64)
		return ok
	case "integer":
		n, ok := x.(float64)
		return ok && n == math.Trunc(n)
	}
	panic(fmt.Sprintf("unknown type %v", t))
}

func canonical(x any) string {
	b, err := json.Marshal(x) // maps marshal with sorted keys
	if err != nil {
		panic(err)
	}
	return string(b)
}

func loadSARIFValidator(t testing.TB) *schemaValidator {
	t.Helper()
	b, err := os.ReadFile("testdata/sarif-schema-2.1.0.json")
	require.NoError(t, err)
	return newSchemaValidator(t, b)
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
