package output

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/rules"
)

// sarifSchemaPath is the OASIS schema copied into the repository; tests never read it
// from anywhere a user of the repository would not have.
const sarifSchemaPath = "../../testdata/sarif/sarif-schema-2.1.0.json"

func TestSARIFGolden(t *testing.T) {
	r := fixture()
	r.BaseDir = "."
	golden(t, "sarif.golden", format(t, SARIF{}, r))
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	f, err := os.Open(sarifSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat() // uri and uri-reference formats matter to consumers, so check them
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}

	unregistered := fixture()
	unregistered.Findings = append(unregistered.Findings, diag.Finding{
		File: "/abs/elsewhere/x.yaml", Line: 1, Col: 1, Rule: "not-registered", Severity: diag.Info, Message: "m"})
	unregistered.BaseDir = "/abs/repo"
	for _, tc := range []struct {
		name string
		r    Report
	}{
		{"fixture", fixture()},
		{"no findings", Report{Files: 1, Rules: fixtureRules(), Version: "dev"}},
		{"no rules", Report{}},
		{"every registered rule", Report{Rules: rules.All()}},
		{"unregistered rule and a file outside the base", unregistered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := format(t, SARIF{}, tc.r)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("SARIF does not validate: %v\n%s", err, out)
			}
		})
	}

	// The schema must be able to fail, or the test above proves nothing.
	bad := bytes.Replace(format(t, SARIF{}, fixture()), []byte(`"startLine": 1,`), []byte(`"startLine": 0,`), 1)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if schema.Validate(inst) == nil {
		t.Error("a region with startLine 0 validates")
	}
}

// sarifOut is the part of the SARIF log that GitHub code scanning relies on.
type sarifOut struct {
	Schema string `json:"$schema"`
	Runs   []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID, Name         string
					ShortDescription struct{ Text string }
					FullDescription  *struct{ Text string }
					Help             *struct{ Text, Markdown string }
					DefaultConfig    struct{ Level string } `json:"defaultConfiguration"`
					Properties       struct{ Tags []string }
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex *int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string
						URIBaseID string `json:"uriBaseId"`
					}
					Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
		}
	}
}

func decodeSARIF(t *testing.T, r Report) sarifOut {
	t.Helper()
	var out sarifOut
	if err := json.Unmarshal(format(t, SARIF{}, r), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(out.Runs))
	}
	return out
}

func TestSARIFContents(t *testing.T) {
	r := fixture()
	out := decodeSARIF(t, r)
	run := out.Runs[0]
	d := run.Tool.Driver
	if d.Name != "plan" || d.Version != "1.2.0" || d.InformationURI != "https://github.com/planascode/plan" {
		t.Errorf("driver = %q %q %q", d.Name, d.Version, d.InformationURI)
	}

	var ids []string
	for _, rule := range d.Rules {
		ids = append(ids, rule.ID)
	}
	if got, want := strings.Join(ids, " "), "audience-size engagement-cadence role-unassigned schema unused-ignore"; got != want {
		t.Errorf("rules %q, want every registered rule by id: %q", got, want)
	}
	cadence := d.Rules[1]
	if cadence.Name != "EngagementCadence" || cadence.DefaultConfig.Level != "error" ||
		cadence.Help == nil || cadence.Help.Text != "Give the stakeholder a `cadence`." ||
		!strings.Contains(cadence.Help.Markdown, "**How to fix:** Give") {
		t.Errorf("engagement-cadence descriptor = %+v", cadence)
	}
	if lvl := d.Rules[4].DefaultConfig.Level; lvl != "note" {
		t.Errorf("info rule has level %q, want note", lvl)
	}

	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleIndex == nil || d.Rules[*res.RuleIndex].ID != res.RuleID || res.RuleID != f.Rule {
			t.Errorf("result %d: ruleId %q, ruleIndex %v", i, res.RuleID, res.RuleIndex)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d: uriBaseId %q", i, loc.ArtifactLocation.URIBaseID)
		}
		if reg := loc.Region; reg.StartLine != f.Line || reg.StartColumn != f.Col || reg.EndLine < reg.StartLine || reg.EndColumn < 1 {
			t.Errorf("result %d: region %+v for %s", i, reg, f)
		}
		if !strings.HasSuffix(res.PartialFingerprints["primaryLocationLineHash"], ":1") {
			t.Errorf("result %d: fingerprint %q", i, res.PartialFingerprints)
		}
	}
	if uri := run.Results[3].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "plans/south%20side.yaml" {
		t.Errorf("uri %q, want a percent-encoded relative reference", uri)
	}
}

func TestSARIFPaths(t *testing.T) {
	r := Report{
		BaseDir:  "/home/ci/repo",
		Findings: []diag.Finding{{File: "/home/ci/repo/plans/a b.yaml", Line: 2, Col: 3, Rule: "x", Severity: diag.Warning, Message: "m"}},
	}
	out := decodeSARIF(t, r)
	if uri := out.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "plans/a%20b.yaml" {
		t.Errorf("uri = %q, want plans/a%%20b.yaml", uri)
	}
	if rs := out.Runs[0].Tool.Driver.Rules; len(rs) != 1 || rs[0].ID != "x" || rs[0].DefaultConfig.Level != "warning" {
		t.Errorf("an unregistered rule gets no descriptor: %+v", rs)
	}
}

// TestSARIFFingerprints checks that fingerprints follow what a finding is about, not
// where it is, and that findings that hash alike are still told apart.
func TestSARIFFingerprints(t *testing.T) {
	base := diag.Finding{File: "a.yaml", Line: 4, Col: 3, Rule: "r", Severity: diag.Error, Message: "m", Pointer: "/x"}
	fp := func(fs ...diag.Finding) []string {
		var out []string
		for _, res := range decodeSARIF(t, Report{Findings: fs}).Runs[0].Results {
			out = append(out, res.PartialFingerprints["primaryLocationLineHash"])
		}
		return out
	}
	moved := base
	moved.Line, moved.Col = 40, 9
	if a, b := fp(base), fp(moved); a[0] != b[0] {
		t.Errorf("moving a finding changed its fingerprint: %s vs %s", a[0], b[0])
	}
	otherNode := base
	otherNode.Pointer = "/y"
	if a, b := fp(base), fp(otherNode); a[0] == b[0] {
		t.Error("findings about different nodes share a fingerprint")
	}
	twice := moved
	twice.Col = 20
	got := fp(base, twice)
	if got[0][:len(got[0])-2] != got[1][:len(got[1])-2] || !strings.HasSuffix(got[0], ":1") || !strings.HasSuffix(got[1], ":2") {
		t.Errorf("alike findings: %q, want the same hash with :1 and :2", got)
	}
	if a, b := fp(base), fp(base); a[0] != b[0] {
		t.Error("fingerprint is not stable")
	}
	// A message that names another node's line keeps its fingerprint when lines move.
	dup, dupMoved := base, base
	dup.Message = `risk "r2" reuses the id of the risk at line 11: give each risk its own id`
	dupMoved.Message = `risk "r2" reuses the id of the risk at line 13: give each risk its own id`
	dupMoved.Line = 14
	if a, b := fp(dup), fp(dupMoved); a[0] != b[0] {
		t.Errorf("a line number in the message changed the fingerprint: %s vs %s", a[0], b[0])
	}
}

func TestCamelCase(t *testing.T) {
	for id, want := range map[string]string{
		"role-unassigned":        "RoleUnassigned",
		"yaml-syntax":            "YamlSyntax",
		"schema":                 "Schema",
		"objective_outside.time": "ObjectiveOutsideTime",
		"":                       "",
	} {
		if got := camelCase(id); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestSARIFRuleWithoutDocs(t *testing.T) {
	d := sarifRule(rules.Rule{ID: "bare", Severity: diag.Info})
	if d.ShortDescription.Text != "bare" || d.FullDescription != nil || d.Help != nil {
		t.Errorf("bare rule descriptor = %+v", d)
	}
}

func TestRuleTags(t *testing.T) {
	for source, want := range map[string]string{
		"":     "stakeholder-engagement structure",
		"T":    "stakeholder-engagement engagement-plan-template",
		"D, C": "stakeholder-engagement deployment-guidance consultation-practice",
		"X":    "stakeholder-engagement source-x",
	} {
		if got := strings.Join(ruleTags(rules.Rule{Source: source}), " "); got != want {
			t.Errorf("ruleTags(Source %q) = %q, want %q", source, got, want)
		}
	}
}
