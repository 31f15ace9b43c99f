package rules

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

// IDs of the findings that do not come from a rule's Check: the loader reports the first
// two (and names them), the lint engine the third. They are registered so that docs,
// SARIF and config treat them like every other rule.
const (
	IDYAMLSyntax   = plan.RuleYAMLSyntax
	IDSchema       = plan.RuleSchema
	IDUnusedIgnore = "unused-ignore"
)

func yamlSyntax() Rule {
	return Rule{
		ID:       IDYAMLSyntax,
		Severity: diag.Error,
		Summary:  "the file is not valid YAML (duplicate keys included)",
		Rationale: "A plan that does not parse cannot be checked, rendered or edited. The loader also " +
			"refuses what YAML parsers often let through but people never mean: duplicate keys (the " +
			"second silently wins), several documents in one file, invalid UTF-8, NUL bytes, aliases " +
			"that expand without bound (\"billion laughs\"), nesting deeper than 10,000 levels and files " +
			"over the size limit (10 MiB by default).",
		Fix: "Fix the YAML at the line given: indentation, a missing colon or quote, or the duplicate " +
			"key named in the message. When no other rule runs on the file, this is why.",
	}
}

func schemaRule() Rule {
	return Rule{
		ID:       IDSchema,
		Severity: diag.Error,
		Summary:  "the file does not match schema/plan.schema.json",
		Rationale: "The JSON Schema is the machine form of the plan format. A key that is misspelt or a " +
			"value of the wrong type would otherwise pass silently and the plan would say less than " +
			"its author thinks. Each violation is reported at the line of the offending node, naming " +
			"its key path; an unknown key at the key itself, a missing required key at its parent.",
		Fix: "Correct the value or key named in the message; `plan schema` prints the schema, and " +
			"editors that read the modeline on line 1 complete and check keys as you type. Keep your " +
			"own data under keys that start with x_.",
	}
}

func unusedIgnore() Rule {
	return Rule{
		ID:       IDUnusedIgnore,
		Severity: diag.Info,
		Summary:  "a plan:ignore comment silences nothing",
		Rationale: "Ignore comments outlive the findings they were written for. One that no longer " +
			"silences anything hides nothing today but will hide a real gap tomorrow.",
		Fix: "Delete the comment, or the rule ids in it that no longer fire on that node.",
	}
}
