package rules

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/planascode/plan/schema"
)

func TestRegistryMetadata(t *testing.T) {
	all := All()
	for i, r := range all {
		if r.ID == "" || r.Summary == "" || r.Rationale == "" || r.Fix == "" {
			t.Errorf("rule %q lacks an id, summary, rationale or fix", r.ID)
		}
		if r.Severity.String() == "unknown" {
			t.Errorf("rule %q has no severity", r.ID)
		}
		if r.Check != nil && r.CheckRecords != nil {
			t.Errorf("rule %q checks both the plan and its records: a rule does one", r.ID)
		}
		if r.Check == nil && r.CheckRecords == nil && r.ID != IDYAMLSyntax && r.ID != IDSchema && r.ID != IDUnusedIgnore {
			t.Errorf("rule %q has no check", r.ID)
		}
		if i > 0 && all[i-1].ID >= r.ID {
			t.Errorf("registry not in order of id: %q before %q", all[i-1].ID, r.ID)
		}
	}
}

// TestRegistryMatchesSpec keeps the registry, the documented rule table and the config
// schema's list of rule ids in step: a rule missing from any of them is a bug.
// TestRegistryMatchesSpec: every rule of the original specification (testdata/lint-rules.md)
// is registered, and the config schema lists exactly the registered rules.
func TestRegistryMatchesSpec(t *testing.T) {
	spec, err := os.ReadFile("testdata/lint-rules.md")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(string(spec), -1) {
		want = append(want, m[1])
	}
	want = append(want, IDUnusedIgnore)
	sort.Strings(want)
	var got []string
	for _, r := range All() {
		got = append(got, r.ID)
	}
	// The original specification's rules are all still here; later rules (docs/rules.md is
	// the contract now) come on top.
	for _, id := range want {
		if !slices.Contains(got, id) {
			t.Errorf("the specification's rule %q is not in the registry", id)
		}
	}

	var cfg struct {
		Properties struct {
			Rules struct {
				Properties map[string]any `json:"properties"`
			} `json:"rules"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.Config, &cfg); err != nil {
		t.Fatal(err)
	}
	for _, id := range got {
		if _, ok := cfg.Properties.Rules.Properties[id]; !ok {
			t.Errorf("schema/planrc.schema.json does not list rule %q", id)
		}
	}
	if n := len(cfg.Properties.Rules.Properties); n != len(got) {
		t.Errorf("schema/planrc.schema.json lists %d rules, registry has %d", n, len(got))
	}
}
