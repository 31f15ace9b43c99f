package output

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

// trickyMessage holds every character some format must escape: "%" and newlines for
// workflow commands, ":" and "," for their properties, and <&>" for XML and HTML.
const trickyMessage = "cadence \"100%\" is not one of: weekly, monthly\nsee <consultation & engagement>"

// fixture is the report every golden file is made from: findings of all severities in two
// files, one of them with a space in its name, and a rule that never fires.
func fixture() Report {
	fs := []diag.Finding{
		{File: "plans/north.yaml", Line: 1, Col: 1, Rule: "schema", Severity: diag.Error,
			Message: `missing required key "owner"`, Pointer: ""},
		{File: "plans/north.yaml", Line: 4, Col: 5, EndLine: 4, EndCol: 12, Rule: "role-unassigned",
			Severity: diag.Warning, Message: `role "sro" has no one assigned`, Pointer: "/roles/sro"},
		{File: "plans/north.yaml", Line: 9, Col: 3, Rule: "unused-ignore", Severity: diag.Info,
			Message: "a plan:ignore comment silences nothing", Pointer: "/stakeholders/0"},
		{File: "plans/south side.yaml", Line: 2, Col: 7, EndLine: 3, EndCol: 1, Rule: "engagement-cadence",
			Severity: diag.Error, Message: trickyMessage, Pointer: "/stakeholders/1/cadence"},
		{File: "plans/south side.yaml", Line: 5, Col: 3, Rule: "engagement-cadence",
			Severity: diag.Error, Message: `stakeholder "parents" has no cadence`, Pointer: "/stakeholders/2"},
		{File: "plans/south side.yaml", Line: 7, Col: 9, Rule: "role-unassigned",
			Severity: diag.Warning, Message: `role "content editor" has no one assigned`, Pointer: "/roles/content editor"},
	}
	return Report{
		Files:    3,
		Findings: diag.Sort(fs),
		Rules:    fixtureRules(),
		Sources:  map[string][]byte{},
		Version:  "1.2.0",
	}
}

// fixtureRules are registered in an order that is not by id, to show that SARIF sorts.
func fixtureRules() []rules.Rule {
	return []rules.Rule{
		{ID: "unused-ignore", Severity: diag.Info, Summary: "a plan:ignore comment silences nothing",
			Rationale: "Ignore comments outlive the findings they were written for.",
			Fix:       "Delete the comment."},
		{ID: "schema", Severity: diag.Error, Summary: "the file does not match schema/plan.schema.json",
			Rationale: "The JSON Schema is the machine form of the plan format.",
			Fix:       "Correct the value or key named in the message; `plan schema` prints the schema."},
		{ID: "role-unassigned", Severity: diag.Warning, Summary: "a role has no one assigned", Source: "D",
			Rationale: "A role without a person is a task without an owner.",
			Fix:       "Name someone under the role's `people`."},
		{ID: "engagement-cadence", Severity: diag.Error, Summary: "a stakeholder has no engagement cadence", Source: "T",
			Rationale: "Stakeholders who hear nothing assume nothing is happening.",
			Fix:       "Give the stakeholder a `cadence`."},
		{ID: "audience-size", Severity: diag.Info, Summary: "an audience is larger than its channel", Source: "C",
			Rationale: "A channel sized for ten cannot consult a thousand.",
			Fix:       "Pick a channel that scales, or split the audience."},
	}
}

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// format runs a formatter and fails the test on error.
func format(t *testing.T, f Formatter, r Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Format(&b, r); err != nil {
		t.Fatalf("Format: %v", err)
	}
	return b.Bytes()
}

func TestNew(t *testing.T) {
	for _, name := range Names {
		f, err := New(name, Options{})
		if err != nil || f == nil {
			t.Errorf("New(%q) = %v, %v", name, f, err)
		}
	}
	if f, _ := New("text", OptionsFor(nil)); f.(Text).Color || f.(Text).Snippets {
		t.Error("text with nil streams is not plain")
	}

	_, err := New("xml", Options{})
	if err == nil {
		t.Fatal("New(xml) succeeded")
	}
	for _, name := range Names {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not list %q", err, name)
		}
	}
}

func TestSummaryLine(t *testing.T) {
	for _, tc := range []struct {
		s     diag.Summary
		files int
		want  string
	}{
		{diag.Summary{Errors: 3, Warnings: 2, Infos: 1}, 4, "3 errors, 2 warnings, 1 info in 4 files"},
		{diag.Summary{Errors: 1, Warnings: 1, Infos: 2}, 1, "1 error, 1 warning, 2 info in 1 file"},
		{diag.Summary{Warnings: 2}, 2, "2 warnings in 2 files"},
		{diag.Summary{Errors: 1, Infos: 1}, 1, "1 error, 1 info in 1 file"},
		{diag.Summary{}, 4, "no problems in 4 files"},
		{diag.Summary{}, 1, "no problems in 1 file"},
		{diag.Summary{}, 0, "no problems in 0 files"},
	} {
		var findings []diag.Finding
		for sev, n := range map[diag.Severity]int{diag.Error: tc.s.Errors, diag.Warning: tc.s.Warnings, diag.Info: tc.s.Infos} {
			for range n {
				findings = append(findings, diag.Finding{File: "a.plan.yaml", Severity: sev})
			}
		}
		if got := summaryLine(Report{Files: tc.files, Findings: findings}); got != tc.want {
			t.Errorf("summaryLine(%+v, %d files) = %q, want %q", tc.s, tc.files, got, tc.want)
		}
	}
}

// TestSummaryCountsRecordFiles: findings in a plan's record files are counted in the
// files they name. Four errors in two records beside one plan were summed up as "in 1
// file", under findings that named two files, neither of them the one.
func TestSummaryCountsRecordFiles(t *testing.T) {
	at := func(file string) diag.Finding { return diag.Finding{File: file, Line: 1, Col: 1, Severity: diag.Error} }
	for _, tc := range []struct {
		name     string
		plans    []string
		findings []diag.Finding
		want     string
	}{
		{"in two records of one plan", []string{"a.plan.yaml"},
			[]diag.Finding{at("a.records/1.record.yaml"), at("a.records/1.record.yaml"), at("a.records/2.record.yaml"), at("a.records/2.record.yaml")},
			"4 errors in 1 plan file and 2 of its record files"},
		{"in a plan and a record", []string{"a.plan.yaml"},
			[]diag.Finding{at("a.plan.yaml"), at("a.records/1.record.yaml")},
			"2 errors in 1 plan file and 1 of its record files"},
		{"in the records of some of several plans", []string{"a.plan.yaml", "b.plan.yaml", "c.plan.yaml"},
			[]diag.Finding{at("a.records/1.record.yaml"), at("b.records/1.record.yaml")},
			"2 errors in 3 plan files and 2 of their record files"},
		{"in plans only", []string{"a.plan.yaml", "b.plan.yaml"},
			[]diag.Finding{at("a.plan.yaml"), at("b.plan.yaml")},
			"2 errors in 2 files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Report{Files: len(tc.plans), Plans: tc.plans, Findings: tc.findings}
			for _, f := range []Formatter{NewText(Options{}), GitHub{}} {
				var b bytes.Buffer
				if err := f.Format(&b, r); err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
				if got := lines[len(lines)-1]; got != tc.want {
					t.Errorf("%T summary = %q, want %q", f, got, tc.want)
				}
			}
		})
	}
}

func TestSpan(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    diag.Finding
		want [4]int
	}{
		{"unknown end is the start", diag.Finding{Line: 3, Col: 5}, [4]int{3, 5, 3, 5}},
		{"known end", diag.Finding{Line: 3, Col: 5, EndLine: 4, EndCol: 2}, [4]int{3, 5, 4, 2}},
		{"end column unknown on same line", diag.Finding{Line: 3, Col: 5, EndLine: 3}, [4]int{3, 5, 3, 5}},
		{"end column unknown on later line", diag.Finding{Line: 3, Col: 5, EndLine: 6}, [4]int{3, 5, 6, 1}},
		{"end before start", diag.Finding{Line: 3, Col: 5, EndLine: 2, EndCol: 9}, [4]int{3, 5, 3, 5}},
		{"end column before start column", diag.Finding{Line: 3, Col: 5, EndLine: 3, EndCol: 2}, [4]int{3, 5, 3, 5}},
		{"zero start", diag.Finding{}, [4]int{1, 1, 1, 1}},
	} {
		l, c, el, ec := span(tc.f)
		if got := [4]int{l, c, el, ec}; got != tc.want {
			t.Errorf("%s: span = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRelPath(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		base, file, want string
	}{
		{"", "plans/a.yaml", "plans/a.yaml"},
		{"", "./plans/../plans/a.yaml", "plans/a.yaml"},
		{"", filepath.Join(wd, "plans", "a.yaml"), "plans/a.yaml"},
		{"/repo", "/repo/plans/a.yaml", "plans/a.yaml"},
		{"/repo/", "/repo/a b.yaml", "a b.yaml"},
		{"/repo", "/elsewhere/a.yaml", "../elsewhere/a.yaml"},
		{wd, "plans/a.yaml", "plans/a.yaml"},
		{".", "plans/a.yaml", "plans/a.yaml"},
		{"plans", "plans/a.yaml", "a.yaml"},
	} {
		if got := relPath(tc.base, tc.file); got != tc.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tc.base, tc.file, got, tc.want)
		}
	}
}

func TestURIReference(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"plans/a.yaml", "plans/a.yaml"},
		{"plans/south side.yaml", "plans/south%20side.yaml"},
		{"c:plan.yaml", "c%3Aplan.yaml"},
		{"100%/#1?.yaml", "100%25/%231%3F.yaml"},
		{"../x/é.yaml", "../x/%C3%A9.yaml"},
	} {
		if got := uriReference(tc.path); got != tc.want {
			t.Errorf("uriReference(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestOptionsFor: snippets are for a person, on a terminal coloured or not; a pipe gets
// plain lines unless colour is forced.
func TestOptionsFor(t *testing.T) {
	for _, tc := range []struct {
		name            string
		tty, noColor    bool
		mode            string
		color, snippets bool
	}{
		{"terminal", true, false, iostreams.ColorAuto, true, true},
		{"terminal with NO_COLOR", true, true, iostreams.ColorAuto, false, true},
		{"terminal with --color never", true, false, iostreams.ColorNever, false, true},
		{"pipe", false, false, iostreams.ColorAuto, false, false},
		{"pipe with --color always", false, false, iostreams.ColorAlways, true, true},
	} {
		ios, _, _, _ := iostreams.Test()
		ios.SetTTY(tc.tty)
		ios.SetNoColor(tc.noColor)
		if err := ios.SetColorMode(tc.mode); err != nil {
			t.Fatal(err)
		}
		if o := OptionsFor(ios); o.Color != tc.color || o.Snippets != tc.snippets {
			t.Errorf("%s: colour %v, snippets %v; want %v, %v", tc.name, o.Color, o.Snippets, tc.color, tc.snippets)
		}
	}
}
