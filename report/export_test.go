package report

import "testing"

// SARIFSchemaErrors validates a SARIF log against the shipped SARIF 2.1.0
// schema, for the external tests that render real checker output.
func SARIFSchemaErrors(t testing.TB, sarif []byte) []string {
	t.Helper()
	return loadSARIFValidator(t).validate(decodeJSON(t, sarif))
}

// GoldenExt is the golden file extension of each format.
var GoldenExt = goldenExt

// CheckGolden compares got with a golden file, or rewrites it with -update.
func CheckGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	checkGolden(t, path, got)
}

// Fixture is the hand-built report the fixture golden files render.
func Fixture(t testing.TB) *Report { return fixture(t) }

// ReportSchemaErrors validates a JSON report against the report's JSON
// Schema (report/schema), for the external tests.
func ReportSchemaErrors(t testing.TB, b []byte) []string {
	t.Helper()
	return reportSchemaErrors(t, b)
}
