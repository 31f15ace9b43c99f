package planschema

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestEmptyValuesAreAbsent: the schema as an editor applies it to the document as
// written, where `key:` is null. An empty optional value is no error (the format counts
// it as absent), nor does an empty length conflict with another; an empty list entry,
// or an empty value where a key is required, still is.
func TestEmptyValuesAreAbsent(t *testing.T) {
	head := `"schema_version": 1, "title": "T", `
	for _, tc := range []struct {
		name, doc string
		want      string // "" when valid, else part of the first message
	}{
		{"empty summary", `{` + head + `"summary": null}`, ""},
		{"empty section", `{` + head + `"mandate": null, "budget": null, "timeline": null}`, ""},
		{"empty key in a section", `{` + head + `"mandate": {"statement": null}}`, ""},
		{"empty role", `{` + head + `"roles": {"sro": null, "custom_role": null}}`, ""},
		{"empty role name", `{` + head + `"roles": {"sro": {"name": null}}}`, ""},
		{"empty level", `{` + head + `"stakeholders": [{"id": "s", "name": "S", "influence": null, "engagement": {"current": null}}]}`, ""},
		{"empty optional reference", `{` + head + `"activities": [{"id": "a", "name": "A", "phase": null}]}`, ""},
		{"a bad optional reference", `{` + head + `"activities": [{"id": "a", "name": "A", "phase": "Launch"}]}`, "is not a valid id"},
		{"empty date", `{` + head + `"objectives": [{"id": "o", "statement": "S", "time_related": null}]}`, ""},
		{"empty end beside weeks", `{` + head + `"timeline": {"phases": [{"id": "p", "kind": "planning", "end": null, "weeks": 2}]}}`, ""},
		{"empty days beside weeks", `{` + head + `"timeline": {"phases": [{"id": "p", "kind": "planning", "weeks": 2, "days": null}]}}`, ""},
		{"end and weeks", `{` + head + `"timeline": {"phases": [{"id": "p", "kind": "planning", "end": "2027-01-31", "weeks": 2}]}}`, "give only one of end, weeks or days"},
		{"weeks and days", `{` + head + `"timeline": {"phases": [{"id": "p", "kind": "planning", "weeks": 2, "days": 3}]}}`, "give only one of end, weeks or days"},
		{"empty list entry", `{` + head + `"stakeholders": [{"id": "s", "name": "S", "channels": ["web", null]}]}`, "must be text, not empty"},
		{"empty reference", `{` + head + `"activities": [{"id": "a", "name": "A", "audience": [null]}]}`, "must be text, not empty"},
		{"empty required id", `{` + head + `"stakeholders": [{"id": null, "name": "S"}]}`, "must be text, not empty"},
		{"empty title", `{"schema_version": 1, "title": null}`, "must be text, not empty"},
		{"a wrong level does not offer empty", `{` + head + `"stakeholders": [{"id": "s", "name": "S", "influence": "extreme"}]}`, "must be one of low, medium, high, not \"extreme\""},
		{"a wrong type does not offer empty", `{` + head + `"summary": 3}`, "must be text, not a number"},
		{"a version read as a number is to be quoted", `{` + head + `"version": 1.5}`, `must be text, not a number: put the value in quotes to keep it as written, such as "1.0"`},
		{"an approval's commit is a hash or a tag", `{` + head + `"approvals": [{"by": "A", "version": "1", "date": "2027-01-01", "commit": "--output=x"}]}`, `"--output=x" is not a commit: write a commit hash or a tag`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(tc.doc), &v); err != nil {
				t.Fatal(err)
			}
			vs := ValidateFirst(v, -1)
			switch {
			case tc.want == "" && len(vs) > 0:
				t.Errorf("want valid, got %s", vs[0].Message)
			case tc.want != "" && len(vs) == 0:
				t.Errorf("want %q, got valid", tc.want)
			case tc.want != "" && !strings.Contains(vs[0].Message, tc.want):
				t.Errorf("want %q, got %q", tc.want, vs[0].Message)
			}
		})
	}
}
