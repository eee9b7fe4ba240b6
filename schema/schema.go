// Package schema holds the JSON Schemas of reflint's outputs, embedded so
// that tests and tools validate against the same files users read.
package schema

import _ "embed"

// Report is the JSON Schema of `reflint --format json`.
//
//go:embed report.schema.json
var Report []byte
