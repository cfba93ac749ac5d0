package schema_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/jsonschema"
	"github.com/transcheck/transcheck/report/schema"
)

func TestReportV1Compiles(t *testing.T) {
	s, err := jsonschema.Compile(schema.ReportV1)
	require.NoError(t, err)

	valid := `{"schemaVersion":1,"documents":[],"rules":[]}`
	errs, err := s.ValidateJSON([]byte(valid))
	require.NoError(t, err)
	assert.Empty(t, errs)

	// Each of these breaks the contract in one way and must be caught.
	for _, bad := range []string{
		`{"schemaVersion":2,"documents":[],"rules":[]}`,
		`{"schemaVersion":1,"documents":[]}`,
		`{"schemaVersion":1,"documents":[],"rules":[],"extra":true}`,
		`{"schemaVersion":1,"documents":[{"path":"a"}],"rules":[]}`,
		`{"schemaVersion":1,"documents":[],"rules":[],"notices":[{"path":"a"}]}`,
		`{"schemaVersion":1,"documents":[],"rules":[],"notices":[{"message":3}]}`,
	} {
		errs, err := s.ValidateJSON([]byte(bad))
		require.NoError(t, err)
		assert.NotEmpty(t, errs, bad)
	}
}

// Example reads the schema's title and the properties every report has.
// Hand ReportV1 to any JSON Schema draft-04 validator to check reports.
func Example() {
	var s struct {
		Title    string   `json:"title"`
		Required []string `json:"required"`
	}
	if err := json.Unmarshal(schema.ReportV1, &s); err != nil {
		panic(err)
	}
	fmt.Println(s.Title)
	fmt.Println(s.Required)
	// Output:
	// transcheck report, schema version 1
	// [schemaVersion documents rules]
}
