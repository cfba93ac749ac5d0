package report

import (
	"bytes"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/internal/jsonschema"
	"github.com/transcheck/transcheck/report/schema"
)

var reportSchema = sync.OnceValues(func() (*jsonschema.Schema, error) { return jsonschema.Compile(schema.ReportV1) })

// reportSchemaErrors validates a JSON report against report/schema.
func reportSchemaErrors(t testing.TB, b []byte) []string {
	t.Helper()
	s, err := reportSchema()
	require.NoError(t, err)
	errs, err := s.ValidateJSON(b)
	require.NoError(t, err)
	return errs
}

// TestJSONMatchesSchema validates every JSON report the package's tests
// build: the fixture, the empty report, a report with notices and a
// sentence probability, and a document without its text.
func TestJSONMatchesSchema(t *testing.T) {
	p := 0.75
	withExtras := fixture(t)
	withExtras.Notices = []Notice{{Path: "coverage/gone.txt", Message: "read coverage/gone.txt: no such file or directory"}}
	withExtras.Documents[0].Sentences[0].MachineProbability = &p
	withExtras.Documents[0].Encoding = "UTF-16LE"
	withExtras.Rules = []Rule{{ID: "place-name/romanized", Category: PlaceName, Severity: Error, Summary: "s", Description: "d", Help: "h", HelpURI: "https://example.org/r"}}
	for name, r := range map[string]*Report{
		"fixture": fixture(t), "empty": {}, "extras": withExtras, "no text": {Documents: []Document{{Path: "x", MachineTranslation: MachineTranslation{Verdict: Uncertain}}}},
	} {
		var buf bytes.Buffer
		require.NoError(t, WriteJSON(&buf, r), name)
		assert.Empty(t, reportSchemaErrors(t, buf.Bytes()), name)
	}
}

// TestSchemaCatchesAnUndeclaredField shows the schema test would fail if a
// field were added to the report without the schema.
func TestSchemaCatchesAnUndeclaredField(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteJSON(&buf, fixture(t)))
	b := bytes.Replace(buf.Bytes(), []byte(`"schemaVersion": 1,`), []byte(`"schemaVersion": 1, "undeclared": 0,`), 1)
	assert.NotEmpty(t, reportSchemaErrors(t, b))
}
