package schema

import _ "embed"

// Config is the JSON Schema of the configuration file, .reflint.yml (see
// package lint/config).
//
//go:embed config.schema.json
var Config []byte
