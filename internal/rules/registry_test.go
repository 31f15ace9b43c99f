package rules

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/schema"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md from the registry")

func TestRegistryMetadata(t *testing.T) {
	all := All()
	for i, r := range all {
		if r.ID == "" || r.Summary == "" || r.Rationale == "" || r.Fix == "" {
			t.Errorf("rule %q lacks an id, summary, rationale or fix", r.ID)
		}
		if r.Severity.String() == "unknown" {
			t.Errorf("rule %q has no severity", r.ID)
		}
		if r.Check == nil && r.ID != IDYAMLSyntax && r.ID != IDSchema && r.ID != IDUnusedIgnore {
			t.Errorf("rule %q has no check", r.ID)
		}
		if i > 0 && all[i-1].ID >= r.ID {
			t.Errorf("registry not in order of id: %q before %q", all[i-1].ID, r.ID)
		}
	}
}

// TestRegistryMatchesSpec keeps the registry, the documented rule table and the config
// schema's list of rule ids in step: a rule missing from any of them is a bug.
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
	if len(got) != len(want) {
		t.Fatalf("registry has %d rules, spec %d:\n got %v\nwant %v", len(got), len(want), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("rule %d: registry %q, spec %q", i, got[i], want[i])
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

// TestRulesDoc fails when docs/rules.md and the registry drift apart; run with -update
// to regenerate it.
func TestRulesDoc(t *testing.T) {
	const path = "../../docs/rules.md"
	want := Markdown(All())
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/rules -update)", err)
	}
	if string(got) != want {
		t.Error("docs/rules.md is out of date: run go test ./internal/rules -update")
	}
}

// Markdown renders docs/rules.md from the registry, so the published documentation is
// the same text `plan rules` prints.
func Markdown(all []Rule) string {
	var b strings.Builder
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated from internal/rules by `go test ./internal/rules -update`. Do not edit. -->\n\n")
	b.WriteString("Every finding of `plan check` comes from one of these rules. Change a rule's severity or turn it\n")
	b.WriteString("off in `.planrc.yaml` (`rules: {phase-gap: off}`), or silence it for one node with\n")
	b.WriteString("`# plan:ignore rule-id -- reason`. `plan rules ID` prints the same text in the terminal.\n\n")
	b.WriteString("| id | default severity | finds |\n|---|---|---|\n")
	for _, r := range all {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, r.Summary)
	}
	for _, r := range all {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "Default severity: **%s**", r.Severity)
		if s := SourceName(r.Source); s != "" {
			fmt.Fprintf(&b, ". Source: %s", s)
		}
		b.WriteString(".\n\n")
		fmt.Fprintf(&b, "%s.\n\n", wording.Capitalise(r.Summary))
		fmt.Fprintf(&b, "**Why.** %s\n\n", r.Rationale)
		fmt.Fprintf(&b, "**How to fix.** %s\n", r.Fix)
	}
	return b.String()
}
