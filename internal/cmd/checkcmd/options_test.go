package checkcmd_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/checkcmd"
	"github.com/planascode/plan/internal/iostreams"
)

// TestOptionsFromEnvironment: PLAN_FORMAT, PLAN_FAIL_LEVEL and PLAN_JOBS set what their
// flags set, a flag given wins, and a bad value is named by where it came from.
func TestOptionsFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(vars map[string]string, runF func(*checkcmd.Options) error, args ...string) error {
		ios, _, _, _ := iostreams.Test()
		env := &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(k string) string { return vars[k] }}
		cmd := checkcmd.NewCmd(env, runF)
		cmd.SetArgs(args)
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		return cmd.Execute()
	}
	vars := map[string]string{"PLAN_FORMAT": "json", "PLAN_FAIL_LEVEL": "warning", "PLAN_JOBS": "3"}
	var got checkcmd.Options
	keep := func(o *checkcmd.Options) error { got = *o; return nil }
	if err := run(vars, keep); err != nil || got.Format != "json" || got.FailLevel != "warning" || got.Jobs != 3 {
		t.Errorf("from PLAN_*: format %q, fail level %q, jobs %d, %v", got.Format, got.FailLevel, got.Jobs, err)
	}
	if err := run(vars, keep, "-f", "sarif", "--fail-level", "info", "-j", "5"); err != nil || got.Format != "sarif" || got.FailLevel != "info" || got.Jobs != 5 {
		t.Errorf("flags over PLAN_*: format %q, fail level %q, jobs %d, %v", got.Format, got.FailLevel, got.Jobs, err)
	}
	for _, tc := range []struct {
		vars map[string]string
		want string
	}{
		{map[string]string{"PLAN_FORMAT": "yaml"}, `invalid PLAN_FORMAT "yaml": want text, json, sarif, github, junit`},
		{map[string]string{"PLAN_FAIL_LEVEL": "loud"}, `invalid PLAN_FAIL_LEVEL "loud": want error, warning, info, never`},
		{map[string]string{"PLAN_JOBS": "0"}, `PLAN_JOBS must be at least 1, not 0`},
		{map[string]string{"PLAN_JOBS": "x"}, `PLAN_JOBS="x" is not a whole number`},
		{map[string]string{"PLAN_CONFIG": "nope.yaml"}, `config nope.yaml: cannot read: no such file or directory`},
	} {
		if err := run(tc.vars, nil, "."); cli.Code(err) != cli.ExitBadInput || err.Error() != tc.want {
			t.Errorf("%v: exit %d, %v; want exit 2, %q", tc.vars, cli.Code(err), err, tc.want)
		}
	}
}

// TestRunWithoutSettings: Run called directly, as a library would, still reads the
// config file its Options name.
func TestRunWithoutSettings(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	env := &cli.Env{IO: ios, Dir: t.TempDir(), Now: time.Now, Getenv: func(string) string { return "" }}
	err := checkcmd.Run(&checkcmd.Options{Env: env, Format: "text", FailLevel: "error", Jobs: 1, Config: "/no/such/config.yaml"})
	if cli.Code(err) != cli.ExitBadInput || err.Error() != "config /no/such/config.yaml: cannot read: no such file or directory" {
		t.Errorf("exit %d, %v", cli.Code(err), err)
	}
}
