package removecmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

const samplePlan = `schema_version: 1
title: Main Street redesign

stakeholders:
  - id: residents
    name: Residents

  # The high street.
  - id: traders
    name: Traders

activities:
  - id: drop-in
    name: Drop-in
    audience: [residents, traders]
    phase: pilot
  - id: walk
    name: Walkabout
    audience:
      - traders
timeline:
  phases:
    - id: pilot
      kind: planning
      weeks: 3
    - id: consult
      kind: engagement
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
	var got *Options
	cmd := NewCmd(&cli.Env{}, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"x.plan.yaml", "stakeholders.traders", "--with-references", "--dry-run"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.File != "x.plan.yaml" || got.Path != "stakeholders.traders" || !got.WithReferences || !got.DryRun {
		t.Errorf("parsed as %+v", got)
	}
}

func TestDanglingReferencesRefuse(t *testing.T) {
	r := setup(t)
	err := Run(&Options{Env: r.env, Path: "stakeholders.traders"})
	want := "main.plan.yaml was not edited: removing stakeholders.traders would leave 2 references (above) pointing at nothing: remove them too with --with-references"
	if cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %v", err)
	}
	wantErr := "main.plan.yaml:15:27: activity \"drop-in\" audience refers to \"traders\"\nmain.plan.yaml:20:9: activity \"walk\" audience refers to \"traders\"\n"
	if r.err.String() != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.err, wantErr)
	}
	if r.file(t) != samplePlan {
		t.Error("the file changed")
	}
}

func TestWithReferences(t *testing.T) {
	r := setup(t)
	if err := Run(&Options{Env: r.env, Path: "stakeholders.traders", WithReferences: true}); err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(
		"\n\n  # The high street.\n  - id: traders\n    name: Traders\n", "\n",
		"[residents, traders]", "[residents]",
		"    audience:\n      - traders\n", "    audience: []\n",
	).Replace(samplePlan)
	if got := r.file(t); got != want {
		t.Errorf("the file reads:\n%s\nwant:\n%s", got, want)
	}
	if !strings.HasPrefix(r.out.String(), "Removed stakeholders.traders from main.plan.yaml, and 2 references to it\n") {
		t.Errorf("stdout: %s", r.out)
	}
	// The next steps are what the removal brought: the walk has no audience now.
	if !strings.Contains(r.out.String(), "Next steps:") || !strings.Contains(r.out.String(), `activity "walk"`) {
		t.Errorf("next steps: %s", r.out)
	}
}

func TestRemove(t *testing.T) {
	r := setup(t)
	if err := Run(&Options{Env: r.env, Path: "timeline.phases.consult"}); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(samplePlan, "    - id: consult\n      kind: engagement\n      weeks: 4\n", "", 1)
	if got := r.file(t); got != want {
		t.Errorf("the file reads:\n%s", got)
	}
}

func TestRefusals(t *testing.T) {
	for _, tc := range []struct{ path, err string }{
		{"stakeholders.trader", `main.plan.yaml: stakeholders has no item with id "trader": did you mean "traders"?`},
		{"stakeholders.traders.notes", "main.plan.yaml: stakeholders.traders has no notes: there is nothing to remove"},
		{"schema_version", "main.plan.yaml was not edited: without schema_version it would not be a valid plan: missing required key \"schema_version\""},
		{"stakeholders.traders.id", `without stakeholders.traders.id it would not be a valid plan: stakeholders[1]: missing required key "id"`},
	} {
		r := setup(t)
		err := Run(&Options{Env: r.env, Path: tc.path})
		if cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("remove %s: %v (exit %d), want exit 2 and %q", tc.path, err, cli.Code(err), tc.err)
		}
		if r.file(t) != samplePlan {
			t.Errorf("remove %s changed the file", tc.path)
		}
	}
}

func TestDryRun(t *testing.T) {
	r := setup(t)
	if err := Run(&Options{Env: r.env, Path: "activities.walk", DryRun: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.out.String(), "-  - id: walk\n") || strings.Contains(r.out.String(), "Removed") {
		t.Errorf("stdout:\n%s", r.out)
	}
	if r.file(t) != samplePlan {
		t.Error("--dry-run wrote the file")
	}
}
