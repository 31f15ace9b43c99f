// Package schemacheck holds no code, only tests: they check schema/plan.schema.json with a
// JSON Schema validator independent of the one plan uses (ajv, draft 2020-12, strict mode,
// formats asserted) and require both validators to agree on every example plan and on a
// corpus of plans the format document allows (testdata/valid) or rejects
// (testdata/invalid).
//
// The ajv check needs Node.js and the pinned packages in testdata:
//
//	npm ci --prefix internal/schemacheck/testdata
//
// Without them the check is skipped, except when CI=true, where it fails instead so that
// CI never passes by skipping. The pure-Go corpus checks always run.
package schemacheck
