package jsonschema_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/jsonschema"
)

func TestCompileRejectsUnknownKeywords(t *testing.T) {
	for _, bad := range []string{
		`{"type":"object","patternProperties":{}}`,
		`{"$ref":"#/definitions/missing"}`,
		`{"type":"whole"}`,
		`{"pattern":"("}`,
		`not json`,
	} {
		_, err := jsonschema.Compile([]byte(bad))
		assert.Error(t, err, bad)
	}
}

func TestValidate(t *testing.T) {
	s, err := jsonschema.Compile([]byte(`{
		"type": "object", "required": ["n"], "additionalProperties": false,
		"properties": {
			"n": {"type": "integer", "minimum": 0, "maximum": 9},
			"s": {"type": "string", "pattern": "^a"},
			"e": {"enum": ["x", "y"]},
			"l": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"$ref": "#/definitions/p"}},
			"o": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
			"a": {"anyOf": [{"type": "null"}, {"type": "boolean"}]}
		},
		"definitions": {"p": {"type": "number"}}
	}`))
	require.NoError(t, err)
	tests := []struct {
		doc  string
		want int
	}{
		{`{"n": 3, "s": "ab", "e": "x", "l": [1, 2.5], "o": 1, "a": null}`, 0},
		{`{}`, 1},
		{`{"n": 1.5}`, 1},
		{`{"n": 10}`, 1},
		{`{"n": -1}`, 1},
		{`{"n": 1, "s": "b"}`, 1},
		{`{"n": 1, "e": "z"}`, 1},
		{`{"n": 1, "l": []}`, 1},
		{`{"n": 1, "l": [1, 1]}`, 1},
		{`{"n": 1, "l": ["x"]}`, 1},
		{`{"n": 1, "o": true}`, 1},
		{`{"n": 1, "a": 0}`, 1},
		{`{"n": 1, "z": 0}`, 1},
		{`[]`, 1},
	}
	for _, tt := range tests {
		errs, err := s.ValidateJSON([]byte(tt.doc))
		require.NoError(t, err)
		assert.Len(t, errs, tt.want, "%s: %v", tt.doc, errs)
	}
	_, err = s.ValidateJSON([]byte("{"))
	assert.Error(t, err)
}

func Example() {
	s, err := jsonschema.Compile([]byte(`{"type": "object", "required": ["id"]}`))
	if err != nil {
		panic(err)
	}
	errs, _ := s.ValidateJSON([]byte(`{"name": "x"}`))
	fmt.Println(errs)
	// Output: [$: missing required property "id"]
}

func TestCompileRejectsMalformedKeywords(t *testing.T) {
	for _, bad := range []string{
		`{"required": "a"}`,
		`{"required": [1]}`,
		`{"enum": "a"}`,
		`{"minimum": "1"}`,
		`{"uniqueItems": 1}`,
		`{"items": [{}]}`,
		`{"additionalProperties": 1}`,
		`{"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}, "$ref": "#/definitions/a"}`,
	} {
		_, err := jsonschema.Compile([]byte(bad))
		assert.Error(t, err, bad)
	}
}

// FuzzValidate compiles arbitrary schemas and validates arbitrary JSON
// against those that compile: it must never panic or loop.
func FuzzValidate(f *testing.F) {
	f.Add(`{"type":"object","required":["a"],"properties":{"a":{"$ref":"#/definitions/n"}},"definitions":{"n":{"type":"integer","minimum":0}}}`, `{"a":1}`)
	f.Add(`{"oneOf":[{"type":"string"},{"enum":[1,2]}],"items":{"uniqueItems":true}}`, `[1,[1,1]]`)
	f.Add(`{"anyOf":[{"pattern":"^x"}],"additionalProperties":false}`, `{"b":"y"}`)
	f.Fuzz(func(t *testing.T, schema, doc string) {
		s, err := jsonschema.Compile([]byte(schema))
		if err != nil {
			return
		}
		_, _ = s.ValidateJSON([]byte(doc))
	})
}
