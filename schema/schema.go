// Package schema embeds the JSON Schemas (draft 2020-12) of the plan file format and of the
// linter configuration file, .planrc.yaml.
//
// plan.schema.json is the machine form of the plan file format specification; editors use
// it through the modeline that `plan init` writes, and the linter validates every plan
// against it. This package only holds the bytes: compiling the schemas is done elsewhere.
package schema

import _ "embed"

// PlanID is the $id of plan.schema.json.
const PlanID = "https://planascode.dev/schema/v1/plan.schema.json"

// ConfigID is the $id of planrc.schema.json.
const ConfigID = "https://planascode.dev/schema/v1/planrc.schema.json"

// Plan is the JSON Schema of a plan file (*.plan.yaml).
//
//go:embed plan.schema.json
var Plan []byte

// Config is the JSON Schema of the linter configuration file (.planrc.yaml).
//
//go:embed planrc.schema.json
var Config []byte

// RecordID is the $id of record.schema.json.
const RecordID = "https://planascode.dev/schema/v1/record.schema.json"

// Record is the JSON Schema of an engagement record (*.record.yaml).
//
//go:embed record.schema.json
var Record []byte
