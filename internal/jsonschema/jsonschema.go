// Package jsonschema validates JSON against a JSON Schema (draft-04) that
// uses only these keywords: $ref to #/definitions, type, enum, properties,
// required, additionalProperties, items, minItems, uniqueItems, minimum,
// maximum, pattern, anyOf and oneOf. That subset covers the SARIF 2.1.0
// schema and transcheck's report schema; Compile rejects any other keyword.
//
// It is small on purpose: the standard library has no validator, and the
// tests that check every report against its schema need no more.
// A Schema is read-only after Compile and safe for concurrent use.
package jsonschema

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
)

// Schema is a compiled JSON Schema.
type Schema struct {
	root     map[string]any
	patterns map[string]*regexp.Regexp
}

// Compile reads a JSON Schema. It fails on a keyword the package does not
// implement, so that a schema never passes by a constraint being ignored.
func Compile(schemaJSON []byte) (*Schema, error) {
	var root map[string]any
	if err := json.Unmarshal(schemaJSON, &root); err != nil {
		return nil, fmt.Errorf("jsonschema: %w", err)
	}
	v := &Schema{root: root, patterns: map[string]*regexp.Regexp{}}
	var walk func(s map[string]any, at string) error
	walk = func(s map[string]any, at string) error {
		for k, val := range s {
			if !known[k] {
				return fmt.Errorf("jsonschema: keyword %q at %s is not supported", k, at)
			}
			var subs []map[string]any
			var where []string
			switch k {
			case "properties", "definitions":
				m, ok := val.(map[string]any)
				if !ok {
					return fmt.Errorf("jsonschema: %s at %s is not an object", k, at)
				}
				for name, sub := range m {
					sm, ok := sub.(map[string]any)
					if !ok {
						return fmt.Errorf("jsonschema: %s/%s at %s is not a schema", k, name, at)
					}
					subs, where = append(subs, sm), append(where, at+"/"+k+"/"+name)
				}
			case "items", "additionalProperties":
				switch sub := val.(type) {
				case map[string]any:
					subs, where = append(subs, sub), append(where, at+"/"+k)
				case bool:
					if k == "items" {
						return fmt.Errorf("jsonschema: items at %s is not a schema", at)
					}
				default:
					return fmt.Errorf("jsonschema: %s at %s is not a schema (tuple items are not supported)", k, at)
				}
			case "anyOf", "oneOf":
				list, ok := val.([]any)
				if !ok {
					return fmt.Errorf("jsonschema: %s at %s is not an array", k, at)
				}
				for i, sub := range list {
					sm, ok := sub.(map[string]any)
					if !ok {
						return fmt.Errorf("jsonschema: %s/%d at %s is not a schema", k, i, at)
					}
					subs, where = append(subs, sm), append(where, fmt.Sprintf("%s/%s/%d", at, k, i))
				}
			case "pattern":
				p, _ := val.(string)
				re, err := regexp.Compile(p)
				if err != nil {
					return fmt.Errorf("jsonschema: pattern at %s: %w", at, err)
				}
				v.patterns[p] = re
			case "$ref":
				ref, _ := val.(string)
				name, ok := strings.CutPrefix(ref, "#/definitions/")
				defs, _ := root["definitions"].(map[string]any)
				if _, found := defs[name]; !ok || !found {
					return fmt.Errorf("jsonschema: $ref %q at %s does not name a definition", ref, at)
				}
			case "required", "enum":
				list, ok := val.([]any)
				if !ok {
					return fmt.Errorf("jsonschema: %s at %s is not an array", k, at)
				}
				for _, x := range list {
					if _, ok := x.(string); !ok && k == "required" {
						return fmt.Errorf("jsonschema: required at %s lists a non-string", at)
					}
				}
			case "minimum", "maximum", "minItems":
				if _, ok := val.(float64); !ok {
					return fmt.Errorf("jsonschema: %s at %s is not a number", k, at)
				}
			case "uniqueItems":
				if _, ok := val.(bool); !ok {
					return fmt.Errorf("jsonschema: uniqueItems at %s is not a boolean", at)
				}
			case "type":
				if err := checkTypeName(val); err != nil {
					return fmt.Errorf("jsonschema: type at %s: %w", at, err)
				}
			}
			for i, sub := range subs {
				if err := walk(sub, where[i]); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(root, "#"); err != nil {
		return nil, err
	}
	// A chain of $refs that comes back on itself names no schema.
	defs, _ := root["definitions"].(map[string]any)
	for name, d := range defs {
		s := d.(map[string]any)
		for n := 0; ; n++ {
			ref, ok := s["$ref"].(string)
			if !ok {
				break
			}
			if n > len(defs) {
				return nil, fmt.Errorf("jsonschema: $ref cycle through #/definitions/%s", name)
			}
			s = defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
		}
	}
	return v, nil
}

// known are the keywords the package implements. format, default and the
// annotations are accepted and ignored, as draft-04 allows.
var known = map[string]bool{
	"$schema": true, "id": true, "title": true, "description": true, "default": true, "format": true,
	"$ref": true, "type": true, "enum": true, "properties": true, "required": true,
	"additionalProperties": true, "items": true, "minItems": true, "uniqueItems": true,
	"minimum": true, "maximum": true, "pattern": true, "anyOf": true, "oneOf": true, "definitions": true,
}

func checkTypeName(t any) error {
	if list, ok := t.([]any); ok {
		for _, one := range list {
			if err := checkTypeName(one); err != nil {
				return err
			}
		}
		return nil
	}
	switch t {
	case "object", "array", "string", "boolean", "null", "number", "integer":
		return nil
	}
	return fmt.Errorf("unknown type %v", t)
}

// ValidateJSON decodes doc and returns every violation of the schema in
// it, each as "$.path: what is wrong"; none means doc is valid.
func (v *Schema) ValidateJSON(doc []byte) ([]string, error) {
	var x any
	if err := json.Unmarshal(doc, &x); err != nil {
		return nil, fmt.Errorf("jsonschema: %w", err)
	}
	return v.Validate(x), nil
}

// Validate returns every violation of the schema in doc, a value as
// encoding/json decodes into an any.
func (v *Schema) Validate(doc any) []string {
	var errs []string
	v.check(v.root, doc, "$", &errs)
	return errs
}

func (v *Schema) resolve(s map[string]any) map[string]any {
	for {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		name, _ := strings.CutPrefix(ref, "#/definitions/") // checked by Compile
		s = v.root["definitions"].(map[string]any)[name].(map[string]any)
	}
}

func (v *Schema) check(s map[string]any, x any, at string, errs *[]string) {
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

func (v *Schema) countMatches(schemas []any, x any, at string) int {
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
	return false // unknown type names are rejected by Compile
}

func canonical(x any) string {
	b, err := json.Marshal(x) // maps marshal with sorted keys
	if err != nil {
		panic(err)
	}
	return string(b)
}
