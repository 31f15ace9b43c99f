package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCode(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{Findings(), ExitFindings},
		{BadInputf("no such file %q", "x"), ExitBadInput},
		{fmt.Errorf("wrapped: %w", BadInputf("x")), ExitBadInput},
		{errors.New("boom"), ExitInternal},
	} {
		if got := Code(tc.err); got != tc.want {
			t.Errorf("Code(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}

func TestOnlyPlan(t *testing.T) {
	dir := t.TempDir()
	if _, err := OnlyPlan(dir, "plan render FILE"); Code(err) != ExitBadInput || !strings.Contains(err.Error(), "no plan file") {
		t.Errorf("none: %v", err)
	}
	must(t, os.WriteFile(filepath.Join(dir, "b.plan.yml"), nil, 0o644))
	must(t, os.Mkdir(filepath.Join(dir, "dir.plan.yaml"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "notes.yaml"), nil, 0o644))
	if got, err := OnlyPlan(dir, "plan render FILE"); err != nil || got != "b.plan.yml" {
		t.Errorf("one: %q %v", got, err)
	}
	must(t, os.WriteFile(filepath.Join(dir, "a.plan.yaml"), nil, 0o644))
	_, err := OnlyPlan(dir, "plan render FILE")
	if Code(err) != ExitBadInput || !strings.Contains(err.Error(), "2 plan files in the current directory (a.plan.yaml, b.plan.yml): name one, as in plan render a.plan.yaml") {
		t.Errorf("several: %v", err)
	}
}

func TestEnvDefaults(t *testing.T) {
	env := &Env{}
	t.Setenv("PLAN_TEST_VAR", "x")
	if env.Var("PLAN_TEST_VAR") != "x" || env.Clock().IsZero() {
		t.Error("defaults do not fall back to the process")
	}
	fixed := time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)
	env = &Env{Now: func() time.Time { return fixed }, Getenv: func(string) string { return "y" }, Dir: "/d"}
	if env.Var("PLAN_TEST_VAR") != "y" || !env.Clock().Equal(fixed) {
		t.Error("injected functions are not used")
	}
	if d, _ := env.WorkDir(); d != "/d" {
		t.Errorf("WorkDir %q", d)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestTodayLayers(t *testing.T) {
	clock := func() time.Time { return time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC) }
	for _, tc := range []struct{ env, flag, want, err string }{
		{"", "", "2027-03-01", ""},
		{"2027-05-02", "", "2027-05-02", ""},
		{"2027-05-02", "2027-06-03", "2027-06-03", ""},
		{"May 2", "", "", "PLAN_TODAY: "},
		{"", "May 2", "", "--today: "},
		{"2027-03", "", "", "PLAN_TODAY must be a day, YYYY-MM-DD"},
		{"", "2027-Q2", "", "--today must be a day, YYYY-MM-DD"},
		{"2027-05-02", "2027-summer", "", "--today must be a day, YYYY-MM-DD"},
	} {
		env := &Env{Now: clock, Getenv: func(k string) string { return map[string]string{"PLAN_TODAY": tc.env}[k] }}
		d, err := env.Today(tc.flag)
		if tc.err != "" {
			if Code(err) != ExitBadInput || !strings.HasPrefix(err.Error(), tc.err) {
				t.Errorf("PLAN_TODAY=%q --today %q: %v, want exit 2 starting %q", tc.env, tc.flag, err, tc.err)
			}
			continue
		}
		if err != nil || d.String() != tc.want {
			t.Errorf("PLAN_TODAY=%q --today %q: %v %v, want %s", tc.env, tc.flag, d, err, tc.want)
		}
	}
}
