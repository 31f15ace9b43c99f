// ajv-yaml.mjs validates YAML plan files against a JSON Schema with ajv, reading them
// with js-yaml's core schema so that an unquoted 2027-03-01 stays the string the plan
// format says it is (ajv-cli's own YAML loading turns it into a Date, which then fails
// "type": "string"). It is the nearest a user gets to checking plans with ajv directly,
// and bench/compare.sh times it beside ajv-cli on pre-converted JSON.
//
// Usage: node ajv-yaml.mjs SCHEMA.json DIR|FILE...

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import yaml from "js-yaml";

const [schemaPath, ...args] = process.argv.slice(2);
if (!schemaPath || args.length === 0) {
  process.stderr.write("usage: node ajv-yaml.mjs SCHEMA.json DIR|FILE...\n");
  process.exit(2);
}

// The options of ajv-cli's run in compare.sh and of internal/schemacheck's test.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, strictRequired: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

const files = [];
for (const arg of args) {
  if (statSync(arg).isDirectory()) {
    for (const name of readdirSync(arg).sort()) {
      if (name.endsWith(".plan.yaml")) files.push(join(arg, name));
    }
  } else {
    files.push(arg);
  }
}

let invalid = 0;
for (const file of files) {
  const value = yaml.load(readFileSync(file, "utf8"), { schema: yaml.CORE_SCHEMA });
  if (!validate(value)) {
    invalid++;
    process.stderr.write(`${file}: ${ajv.errorsText(validate.errors)}\n`);
  }
}
process.stdout.write(`${files.length - invalid} valid, ${invalid} invalid\n`);
process.exit(invalid > 0 ? 1 : 0);
