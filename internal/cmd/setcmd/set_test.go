package setcmd

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/iostreams"
)

const samplePlan = `schema_version: 1
title: Main Street redesign  # working title
version: "1.0"

stakeholders:
  - id: traders
    name: Traders
    influence: medium  # check with the BID
  - id: residents
    name: Residents
    part_of: traders
activities:
  - id: drop-in
    name: Drop-in
    audience: [residents, traders]
timeline:
  phases:
    - id: consult
      kind: engagement
      start: 2027-03-01
      weeks: 4
`

type run struct {
	env      *cli.Env
	out, err *bytes.Buffer
	path     string
}

func setup(t *testing.T) run {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "main.plan.yaml")
	if err := os.WriteFile(path, []byte(samplePlan), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	env := &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(string) string { return "" }}
	return run{env: env, out: out, err: errOut, path: path}
}

func (r run) file(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(r.path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestArgs(t *testing.T) {
	for _, tc := range []struct {
		args             []string
		file, path, val  string
		str, update, dry bool
	}{
		{args: []string{"title", "New"}, path: "title", val: "New"},
		{args: []string{"x.plan.yaml", "title", "New", "--dry-run"}, file: "x.plan.yaml", path: "title", val: "New", dry: true},
		{args: []string{"--string", "version", "2", "--update-references"}, path: "version", val: "2", str: true, update: true},
	} {
		var got *Options
		cmd := NewCmd(&cli.Env{}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if got.File != tc.file || got.Path != tc.path || got.Value != tc.val || got.String != tc.str || got.UpdateReferences != tc.update || got.DryRun != tc.dry {
			t.Errorf("%v parsed as %+v", tc.args, got)
		}
	}
	cmd := NewCmd(&cli.Env{}, func(*Options) error { return nil })
	cmd.SetArgs([]string{"title"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err == nil {
		t.Error("a path without a value was accepted")
	}
}

func TestSet(t *testing.T) {
	r := setup(t)
	if err := Run(&Options{Env: r.env, Path: "stakeholders.traders.influence", Value: "high"}); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(samplePlan, "influence: medium  # check", "influence: high  # check", 1)
	if got := r.file(t); got != want {
		t.Errorf("the file reads:\n%s", got)
	}
	if !strings.HasPrefix(r.out.String(), `Set stakeholders.traders.influence to "high" in main.plan.yaml`+"\n") {
		t.Errorf("stdout: %s", r.out)
	}
	// The next steps are the findings on the stakeholder.
	if !strings.Contains(r.out.String(), `stakeholder "traders" has no interest`) || strings.Contains(r.out.String(), `"residents" has no interest`) {
		t.Errorf("next steps: %s", r.out)
	}
}

func TestTextWhereTheFormatWantsText(t *testing.T) {
	r := setup(t)
	for _, tc := range []struct{ path, value, line string }{
		{"version", "2.1", `version: "2.1"`},
		{"title", "2027", `title: "2027"  # working title`},
		{"timeline.phases.consult.weeks", "6", "weeks: 6"},
	} {
		if err := Run(&Options{Env: r.env, Path: tc.path, Value: tc.value}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.file(t), "\n"+tc.line+"\n") && !strings.Contains(r.file(t), " "+tc.line+"\n") {
			t.Errorf("set %s %s: no line %q in\n%s", tc.path, tc.value, tc.line, r.file(t))
		}
	}
}

func TestRefusals(t *testing.T) {
	for _, tc := range []struct {
		name   string
		opts   Options
		stderr []string
		err    string
	}{
		{"enum", Options{Path: "stakeholders.traders.influence", Value: "huge"}, nil,
			`main.plan.yaml:8:16: not edited: stakeholders.traders.influence: must be one of low, medium, high, not "huge"`},
		{"integer", Options{Path: "timeline.phases.consult.weeks", Value: "six"}, nil, "main.plan.yaml:21:14: not edited: timeline.phases.consult.weeks: must be a whole number, not text"},
		{"unknown id", Options{Path: "stakeholders.trader.influence", Value: "high"}, nil,
			`main.plan.yaml: stakeholders has no item with id "trader": did you mean "traders"?`},
		{"bad path", Options{Path: "stakeholders..influence", Value: "high"}, nil, "a step is empty"},
		{"rename", Options{Path: "stakeholders.traders.id", Value: "shops"},
			[]string{`main.plan.yaml:11:14: stakeholder "residents" part_of refers to "traders"`, `main.plan.yaml:15:27: activity "drop-in" audience refers to "traders"`},
			"main.plan.yaml was not edited: stakeholders.traders.id renames an id that 2 references (above) still name: rename them too with --update-references"},
		{"duplicate", Options{Path: "stakeholders.residents.id", Value: "traders", UpdateReferences: true}, nil, `main.plan.yaml was not edited: stakeholder "traders" reuses the id`},
		{"dangling", Options{Path: "activities.drop-in.phase", Value: "consul"}, nil, `activity "drop-in" phase refers to phase "consul", which does not exist`},
		{"not a value", Options{Path: "stakeholders.traders", Value: "x"}, nil, "stakeholders.traders is a mapping: set changes one value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := setup(t)
			tc.opts.Env = r.env
			err := Run(&tc.opts)
			if cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err = %v (exit %d), want exit 2 and %q", err, cli.Code(err), tc.err)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(r.err.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, r.err)
				}
			}
			if r.file(t) != samplePlan {
				t.Error("the file changed")
			}
		})
	}
}

func TestRenameWithReferences(t *testing.T) {
	r := setup(t)
	if err := Run(&Options{Env: r.env, Path: "stakeholders.traders.id", Value: "shops", UpdateReferences: true}); err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer("id: traders", "id: shops", "part_of: traders", "part_of: shops", "[residents, traders]", "[residents, shops]").Replace(samplePlan)
	if got := r.file(t); got != want {
		t.Errorf("the file reads:\n%s", got)
	}
	if !strings.HasPrefix(r.out.String(), `Set stakeholders.traders.id to "shops" in main.plan.yaml, and 2 references to it`) {
		t.Errorf("stdout: %s", r.out)
	}
}

func TestDryRun(t *testing.T) {
	r := setup(t)
	if err := Run(&Options{Env: r.env, Path: "title", Value: "Main Street", DryRun: true}); err != nil {
		t.Fatal(err)
	}
	want := "--- a/main.plan.yaml\n+++ b/main.plan.yaml\n@@ -1,5 +1,5 @@\n schema_version: 1\n-title: Main Street redesign  # working title\n+title: Main Street  # working title\n"
	if !strings.HasPrefix(r.out.String(), want) {
		t.Errorf("stdout:\n%s", r.out)
	}
	if r.file(t) != samplePlan {
		t.Error("--dry-run wrote the file")
	}
}

// manyFindings is what concerning gets when the plan as read broke the schema: every
// finding on the mended plan is new.
func manyFindings(n int) []diag.Finding {
	all := make([]diag.Finding, n)
	for i := range all {
		all[i] = diag.Finding{File: "big.plan.yaml", Line: i/5 + 1, Col: 5, Rule: "stakeholder-incomplete", Severity: diag.Warning,
			Message: fmt.Sprintf("stakeholder \"s%d\" has no languages", i), Pointer: fmt.Sprintf("/stakeholders/%d", i/5)}
	}
	return all
}

func TestConcerningKeepsEveryNewFinding(t *testing.T) {
	all := manyFindings(1000)
	if got := concerning(all, all, ""); len(got) != len(all) {
		t.Errorf("concerning kept %d of %d new findings", len(got), len(all))
	}
	if got := concerning(all, all[:3], "/stakeholders/7"); len(got) != 3+5 {
		t.Errorf("concerning kept %d findings, want the 3 new and the 5 under the subject", len(got))
	}
}

// BenchmarkConcerning measures concerning on 100,000 new findings: by lookup a fraction of
// a second, where a search of the new findings per finding took minutes.
func BenchmarkConcerning(b *testing.B) {
	all := manyFindings(100_000)
	for b.Loop() {
		concerning(all, all, "")
	}
}
