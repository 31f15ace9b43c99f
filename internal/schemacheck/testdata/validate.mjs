// validate.mjs checks plan values against the plan schema with ajv, a JSON Schema
// validator independent of the one plan uses, so that the Go tests can compare verdicts.
//
// Usage: node validate.mjs SCHEMA.json < values.json > verdicts.json
//
// stdin holds a JSON array of {name, value}; stdout gets a JSON array of
// {name, valid, errors}, one per input in the same order, where errors is ajv's error
// list (empty when valid). A schema that does not compile under ajv's strict mode is a
// failure (exit status 2), not a verdict.
//
// Install the dependencies with: npm ci --prefix internal/schemacheck/testdata

import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

function fail(msg) {
  process.stderr.write(`validate.mjs: ${msg}\n`);
  process.exit(2);
}

const schemaPath = process.argv[2];
if (!schemaPath) {
  fail("usage: node validate.mjs SCHEMA.json < values.json");
}

let schema;
try {
  schema = JSON.parse(readFileSync(schemaPath, "utf8"));
} catch (err) {
  fail(`cannot read schema ${schemaPath}: ${err.message}`);
}

const ajv = new Ajv2020({
  // Strict mode turns schema mistakes ajv can spot (unknown keywords, keywords that do
  // not apply to the declared type, ignored "items" and so on) into compile errors.
  strict: true,
  // roles.*.name is "string or list of strings" and evaluation target "string or
  // number": union types are deliberate.
  allowUnionTypes: true,
  // The one-of-end/weeks/days rule for phases uses `not: {required: [...]}` inside
  // dependentSchemas, where the property is deliberately not declared; strictRequired
  // would reject that.
  strictRequired: false,
  // Report every error, not just the first, so a failure says all that is wrong.
  allErrors: true,
  // plan asserts formats (date must be a real calendar date); so must ajv.
  validateFormats: true,
});
addFormats(ajv);

let validate;
try {
  validate = ajv.compile(schema);
} catch (err) {
  fail(`schema does not compile under ajv (draft 2020-12, strict): ${err.message}`);
}

let input;
try {
  input = JSON.parse(readFileSync(0, "utf8"));
} catch (err) {
  fail(`stdin is not JSON: ${err.message}`);
}
if (!Array.isArray(input)) {
  fail("stdin must be a JSON array of {name, value}");
}

const out = input.map(({ name, value }) => {
  const valid = validate(value);
  return { name, valid, errors: valid ? [] : validate.errors };
});
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
