package lint

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
)

// verdict is a careful reader's judgement of one finding on a real plan.
type verdict struct {
	Rule     string `json:"rule"`
	Line     int    `json:"line"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Verdict  string `json:"verdict"`
	Why      string `json:"why"`
}

// TestRealPlans checks three published plans, each under the profile of its kind, against
// the judgement of every finding (testdata/realplans/README.md): no finding judged FALSE
// is an error or warning, every finding judged TRUE is still found, and every finding is
// judged. A finding judged ENCODING is about what these version-1 encodings had to keep
// under x_ keys for want of a place: it is true of the file and false of the plan, and
// the re-encoded plans (testdata/realplans/v2) hold the same data where it now goes. A finding is known by its rule, line and message, so that a finding replaced by
// another on the same line is not mistaken for it.
func TestRealPlans(t *testing.T) {
	dir := filepath.Join("testdata", "realplans")
	var judged map[string]struct {
		Profile  string    `json:"profile"`
		Findings []verdict `json:"findings"`
	}
	var ours map[string][]verdict
	readJSON(t, filepath.Join(dir, "verdicts.json"), &judged)
	readJSON(t, filepath.Join(dir, "new-verdicts.json"), &ours)
	if len(judged) != 3 {
		t.Fatalf("%d plans judged, want 3", len(judged))
	}
	for name, plan := range judged {
		t.Run(name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Profile = plan.Profile
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			key := func(rule string, line int, msg string) string { return fmt.Sprintf("%d %s: %s", line, rule, msg) }
			verdicts := map[string]verdict{}
			for _, v := range append(slices.Clone(plan.Findings), ours[name]...) {
				verdicts[key(v.Rule, v.Line, v.Message)] = v
			}
			found := map[string]bool{}
			for _, f := range New(cfg).CheckBytes(name, data) {
				k := key(f.Rule, f.Line, f.Message)
				found[k] = true
				v, ok := verdicts[k]
				switch {
				case !ok:
					t.Errorf("not judged: %s (%s); judge it in new-verdicts.json", k, f.Severity)
				case v.Verdict == "FALSE" && f.Severity >= diag.Warning && !knownFalse[k]:
					t.Errorf("judged FALSE (%s), still %s: %s", v.Why, f.Severity, k)
				}
			}
			for k, v := range verdicts {
				if v.Verdict == "TRUE" && !found[k] {
					t.Errorf("judged TRUE, no longer found: %s", k)
				}
			}
		})
	}
}

// knownFalse are the findings judged FALSE that the format cannot yet tell from a real
// gap: each waits for a part of the format that would let the plan say so.
var knownFalse = map[string]bool{
	// An implementing partner engaged through governance, not an audience: waits for
	// stakeholder categories (partners apart from audiences).
	`120 stakeholder-not-engaged: stakeholder "provincial-governments" is in no activity's audience and no technique: add them to an activity audience or a policy technique`: true,
	// An announcement whose date alone is unknown: waits for outcomes on decisions.
	`239 decision-no-report-back: decision "sakai-shutdown" has no report_back: add the date by which stakeholders will be told the decision and how their input was used`: true,
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// reencoded is testdata/realplans/v2/verdicts.json: the judgement of every finding on the
// plans re-encoded with the format's later sections, the real gaps the first judgement
// found that version 1 missed, and every x_ key the re-encodings still need.
type reencoded struct {
	Plans map[string]struct {
		Profile  string `json:"profile"`
		Findings []struct {
			verdict
			// Awaits is the change to a rule or profile that would drop a finding judged
			// FALSE-known: one the format or the rules cannot yet tell from a real gap.
			Awaits string `json:"awaits"`
		} `json:"findings"`
	} `json:"plans"`
	Gaps []struct {
		Plan    string `json:"plan"`
		Gap     string `json:"gap"`
		Found   bool   `json:"found"`
		Rule    string `json:"rule"`
		Message string `json:"message"`
		// Proposal says what would find a gap no rule finds.
		Proposal string `json:"proposal"`
	} `json:"gaps"`
	// XKeys maps each plan's x_ keys, by JSON pointer, to why the format has no place
	// for what they hold.
	XKeys map[string]map[string]string `json:"x_keys"`
}

// TestRealPlansReencoded checks the re-encoded plans (testdata/realplans/v2), each under
// the profile its own `profile:` names, against their golden list of findings: every
// finding is judged, with its severity; none judged FALSE is an error or warning, and one
// judged FALSE-known may be only with the rule change it awaits; every judged finding is
// still found (a finding that goes away is a change to judge, not to pass silently); each
// real gap marked found is found by the rule named, and is judged TRUE; and the plans hold
// exactly the x_ keys listed, each with why it has no place in the format.
func TestRealPlansReencoded(t *testing.T) {
	dir := filepath.Join("testdata", "realplans", "v2")
	var judged reencoded
	readJSON(t, filepath.Join(dir, "verdicts.json"), &judged)
	if len(judged.Plans) != 3 {
		t.Fatalf("%d plans judged, want 3", len(judged.Plans))
	}
	key := func(rule string, line int, msg string) string { return fmt.Sprintf("%d %s: %s", line, rule, msg) }
	for name, plan := range judged.Plans {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			// The plan's own profile: key decides how it is checked, not the configuration.
			found := New(config.Default()).CheckBytes(name, data)
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			if got := topLevel(&doc, "profile"); got != plan.Profile {
				t.Errorf("the plan says profile: %q, verdicts.json %q", got, plan.Profile)
			}

			verdicts := map[string]int{}
			for i, v := range plan.Findings {
				k := key(v.Rule, v.Line, v.Message)
				if _, dup := verdicts[k]; dup {
					t.Errorf("judged twice: %s", k)
				}
				verdicts[k] = i
				switch v.Verdict {
				case "TRUE", "UNKNOWN", "FALSE":
				case "FALSE-known":
					if v.Awaits == "" {
						t.Errorf("FALSE-known without the rule change it awaits: %s", k)
					}
				default:
					t.Errorf("verdict %q is none of TRUE, UNKNOWN, FALSE, FALSE-known: %s", v.Verdict, k)
				}
				if v.Why == "" {
					t.Errorf("judged without why: %s", k)
				}
			}
			seen := map[string]bool{}
			for _, f := range found {
				k := key(f.Rule, f.Line, f.Message)
				seen[k] = true
				i, ok := verdicts[k]
				if !ok {
					t.Errorf("not judged: %s (%s); judge it in v2/verdicts.json", k, f.Severity)
					continue
				}
				v := plan.Findings[i]
				if v.Severity != f.Severity.String() {
					t.Errorf("judged as %s, now %s: %s", v.Severity, f.Severity, k)
				}
				if v.Verdict == "FALSE" && f.Severity >= diag.Warning {
					t.Errorf("judged FALSE (%s), still %s: %s", v.Why, f.Severity, k)
				}
			}
			for k := range verdicts {
				if !seen[k] {
					t.Errorf("judged (%s) but no longer found: %s; update v2/verdicts.json", plan.Findings[verdicts[k]].Verdict, k)
				}
			}

			for _, g := range judged.Gaps {
				if g.Plan != name {
					continue
				}
				if !g.Found {
					if g.Proposal == "" {
						t.Errorf("gap %q is not found and has no proposal", g.Gap)
					}
					continue
				}
				ok := false
				for _, v := range plan.Findings {
					if v.Rule == g.Rule && v.Message == g.Message && v.Verdict == "TRUE" && seen[key(v.Rule, v.Line, v.Message)] {
						ok = true
					}
				}
				if !ok {
					t.Errorf("gap %q: no finding of %s judged TRUE says %q", g.Gap, g.Rule, g.Message)
				}
			}

			xs := map[string]bool{}
			for _, p := range xKeys(doc.Content[0], "") {
				xs[p] = true
				if judged.XKeys[name][p] == "" {
					t.Errorf("%s holds %s, which v2/verdicts.json does not list with why it has no place", name, p)
				}
			}
			for p := range judged.XKeys[name] {
				if !xs[p] {
					t.Errorf("v2/verdicts.json lists %s, which %s no longer holds", p, name)
				}
			}
		})
	}
}

// topLevel is the value of a top-level key of a YAML document.
func topLevel(doc *yaml.Node, key string) string {
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1].Value
		}
	}
	return ""
}

// xKeys lists the JSON pointers of every x_ key under n.
func xKeys(n *yaml.Node, at string) []string {
	var out []string
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := at + "/" + n.Content[i].Value
			if strings.HasPrefix(n.Content[i].Value, "x_") {
				out = append(out, p)
				continue
			}
			out = append(out, xKeys(n.Content[i+1], p)...)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			out = append(out, xKeys(c, fmt.Sprintf("%s/%d", at, i))...)
		}
	}
	return out
}
