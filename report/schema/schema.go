// Package schema holds the JSON Schema (draft-04) of transcheck's JSON
// report, so that consumers and tests can validate reports against the
// contract. The file report-v1.schema.json is the same bytes.
package schema

import _ "embed"

// ReportV1 is the JSON Schema of the JSON report, schema version 1
// (report.SchemaVersion). It lists every property; version 1 only gains
// properties, and each one is added here when it is added to the report.
//
//go:embed report-v1.schema.json
var ReportV1 []byte
