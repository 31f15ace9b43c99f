package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/profile"
	"github.com/planascode/plan/internal/rules"
)

func TestParse(t *testing.T) {
	cfg, err := Parse(".planrc.yaml", []byte(`rules:
  phase-gap: off
  stakeholder-incomplete: error
minimums:
  engagement: 6w
  close: 10d
ideals:
  engagement: 8w
required_roles: [sro, data_officer]
exclude: ["drafts/**"]
max_file_size: 2048
budget_stakeholders: 6
vulnerable_channels: 3
`))
	if err != nil {
		t.Fatal(err)
	}
	r := resolved(t, cfg)
	if !r.Off["phase-gap"] || r.Severity["stakeholder-incomplete"] != diag.Error {
		t.Errorf("rules: off %v severity %v", r.Off, r.Severity)
	}
	s := r.Settings
	if s.Minimums["engagement"] != 42 || s.Minimums["close"] != 10 || s.Minimums["planning"] != 21 {
		t.Errorf("minimums %v", s.Minimums)
	}
	if s.Ideals["engagement"] != 56 || s.Ideals["planning"] != 28 {
		t.Errorf("ideals %v", s.Ideals)
	}
	if strings.Join(s.RequiredRoles, ",") != "sro,data_officer" {
		t.Errorf("required roles %v", s.RequiredRoles)
	}
	if strings.Join(s.OptionalRoles, ",") != "project_manager,engagement_lead,subject_matter_expert,content_editor,technical_support" {
		t.Errorf("optional roles %v", s.OptionalRoles)
	}
	if s.BudgetStakeholderThreshold != 6 || s.VulnerableChannels != 3 {
		t.Errorf("budget_stakeholders %d, vulnerable_channels %d", s.BudgetStakeholderThreshold, s.VulnerableChannels)
	}
	if d := emptyConfigSettings(t); d.BudgetStakeholderThreshold != 3 || d.VulnerableChannels != 2 {
		t.Errorf("defaults: budget_stakeholders %d, vulnerable_channels %d", d.BudgetStakeholderThreshold, d.VulnerableChannels)
	}
	if len(cfg.Exclude) != 1 || cfg.MaxFileSize != 2048 {
		t.Errorf("exclude %v max %d", cfg.Exclude, cfg.MaxFileSize)
	}
	if sev, on := r.SeverityFor("phase-gap", diag.Info); on {
		t.Errorf("phase-gap should be off, got %v", sev)
	}
	if sev, on := r.SeverityFor("risks-missing", diag.Warning); !on || sev != diag.Warning {
		t.Errorf("default severity not kept: %v %v", sev, on)
	}
}

func TestParseErrorsNameTheKey(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"rules:\n  phase-gapp: off\n", ".planrc.yaml:2: rules: unknown key \"phase-gapp\": did you mean \"phase-gap\"?"},
		{"rules:\n  phase-gap: loud\n", ".planrc.yaml:2: rules.phase-gap: must be one of"},
		{"minimums:\n  planning: 3 weeks\n", ".planrc.yaml:2: minimums.planning:"},
		{"ideals:\n  close: 3\n", ".planrc.yaml:2: ideals.close: must be a duration, not a number: write weeks as 3w or days as 28d"},
		{"colour: red\n", ".planrc.yaml:1: unknown key \"colour\""},
		{"vulnerable_channels: 0\n", ".planrc.yaml:1: vulnerable_channels:"},
		{"max_file_size: 9223372036854775807\n", ".planrc.yaml:1: max_file_size:"},
		{"budget_stakeholders: -1\n", ".planrc.yaml:1: budget_stakeholders:"},
		{"include: [\"*.plan.yaml\"]\nexclude:\n  - drafts/**\n  - \"[\"\n", `.planrc.yaml:4: exclude: "[" is not a valid pattern`},
		{"include: [\"[[:bogus:]]\"]\n", `.planrc.yaml:1: include: "[[:bogus:]]" is not a valid pattern`},
		{"rules: [a\n", ".planrc.yaml:1: invalid YAML: did not find expected ',' or ']'"},
		{"minimums:\n  planning: 3w\n  planning: 4w\n", `.planrc.yaml:3: mapping key "planning" already defined at line 2`},
		{"rules:\n  a: b\n c: d\n", ".planrc.yaml:3: invalid YAML: did not find expected key"},
		// JSON has no infinity: .inf and .nan are text, as in plans.
		{"max_file_size: .inf\n", ".planrc.yaml:1: max_file_size: must be"},
		{"vulnerable_channels: -.Inf\n", ".planrc.yaml:1: vulnerable_channels: must be"},
		{"budget_stakeholders: .NaN\n", ".planrc.yaml:1: budget_stakeholders: must be"},
		{"rules:\n  ? [a]\n  : b\n", ".planrc.yaml:2: a key must be a word, not a list or a mapping"},
		{"? {a: 1}: b\n", ".planrc.yaml:1: a key must be a word, not a list or a mapping"},
		{"1: x\n", `.planrc.yaml:1: unknown key "1"`},
		{"max_file_size: 2027-01-01\n", ".planrc.yaml:1: max_file_size: must be a whole number, not text"},
		{"minimums: {planning: 2027-01-01T10:00:00Z}\n", ".planrc.yaml:1: minimums.planning: "},
		{"max_file_size: !local 12\n", ".planrc.yaml:1: max_file_size:"},
	} {
		_, err := Parse(".planrc.yaml", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error %v, want prefix %q", tc.src, err, tc.want)
		}
	}
}

func TestFindStopsAtGitRoot(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	sub := filepath.Join(repo, "a", "b")
	must(t, os.MkdirAll(sub, 0o755))
	must(t, os.WriteFile(filepath.Join(root, ".planrc.yaml"), []byte("rules: {}\n"), 0o644))
	must(t, os.Mkdir(filepath.Join(repo, ".git"), 0o755))
	if got, err := Find(sub); err != nil || got != "" {
		t.Errorf("Find = %q, %v; want nothing found outside the git root", got, err)
	}
	must(t, os.WriteFile(filepath.Join(repo, "a", ".planrc.yml"), []byte("rules: {}\n"), 0o644))
	if got, _ := Find(sub); got != filepath.Join(repo, "a", ".planrc.yml") {
		t.Errorf("Find = %q", got)
	}
}

func TestResolveFilePrecedence(t *testing.T) {
	dir := t.TempDir()
	must(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, ".planrc.yaml"), []byte("rules: {phase-gap: off}\n"), 0o644))
	env := filepath.Join(dir, "env.yaml")
	must(t, os.WriteFile(env, []byte("rules: {risks-missing: off}\n"), 0o644))
	flag := filepath.Join(dir, "flag.yaml")
	must(t, os.WriteFile(flag, []byte("rules: {decisions-missing: off}\n"), 0o644))
	for _, tc := range []struct {
		explicit, env, wantOff string
	}{{"", "", "phase-gap"}, {"", env, "risks-missing"}, {flag, env, "decisions-missing"}} {
		cfg, err := Resolve(layers(dir, map[string]string{EnvVar: tc.env}, "--config", tc.explicit))
		if err != nil {
			t.Fatal(err)
		}
		if off := resolved(t, cfg).Off; !off[tc.wantOff] || len(off) != 1 {
			t.Errorf("config %q, PLAN_CONFIG %q: off %v, want %s", tc.explicit, tc.env, off, tc.wantOff)
		}
	}
	if _, err := Resolve(layers(dir, nil, "--config", filepath.Join(dir, "nope.yaml"))); err == nil || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("missing explicit config: %v", err)
	}
}

// layers are the Layers of a command with every option as a flag, run in dir with the
// variables env and the command-line args.
func layers(dir string, env map[string]string, args ...string) Layers {
	flags := pflag.NewFlagSet("test", pflag.ContinueOnError)
	flags.String("color", "auto", "")
	flags.String("config", "", "")
	flags.String("fail-level", "error", "")
	flags.String("fail-on", "never", "")
	flags.String("format", "text", "")
	flags.Int("jobs", 4, "")
	var set []string
	for i := 0; i+1 < len(args); i += 2 {
		if args[i+1] != "" {
			set = append(set, args[i], args[i+1])
		}
	}
	if err := flags.Parse(set); err != nil {
		panic(err)
	}
	return Layers{Dir: dir, Getenv: func(k string) string { return env[k] }, Flags: flags}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// emptyConfigSettings are the settings of a config file that sets nothing.
func emptyConfigSettings(t *testing.T) rules.Settings {
	t.Helper()
	cfg, err := Parse(".planrc.yaml", []byte("# nothing set\n"))
	if err != nil {
		t.Fatal(err)
	}
	return resolved(t, cfg).Settings
}

// resolved is what a plan naming no profile is checked with under cfg.
func resolved(t *testing.T, cfg *Config) *profile.Resolved {
	t.Helper()
	r, err := cfg.For("")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestYAML12Directive: a config may open with %YAML 1.2 as a plan may, and every part
// of reading it (the schema check and viper's decoding) accepts it.
func TestYAML12Directive(t *testing.T) {
	cfg, err := Parse(".planrc.yaml", []byte("%YAML 1.2\n---\nminimums:\n  planning: 5w\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := resolved(t, cfg).Settings.Minimums["planning"]; got != 35 {
		t.Errorf("minimums.planning = %d days, want 35", got)
	}
}

// TestOptionLayers: every option is the flag's default, under PLAN_<KEY>, under the
// flag the user gave; and messages can name which of them set it.
func TestOptionLayers(t *testing.T) {
	dir := t.TempDir()
	must(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "a.yaml"), nil, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "b.yaml"), nil, 0o644))
	for _, tc := range []struct {
		key, flag, def, env, given string
	}{
		{"color", "--color", "auto", "never", "always"},
		{"config", "--config", "", filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")},
		{"fail_level", "--fail-level", "error", "warning", "info"},
		{"fail_on", "--fail-on", "never", "error", "warning"},
		{"format", "--format", "text", "sarif", "json"},
		{"jobs", "--jobs", "4", "2", "7"},
	} {
		env := EnvName(tc.key)
		for _, layer := range []struct {
			env, flag, want, from string
		}{
			{"", "", tc.def, tc.flag},
			{tc.env, "", tc.env, env},
			{tc.env, tc.given, tc.given, tc.flag},
			{"", tc.given, tc.given, tc.flag},
		} {
			cfg, err := Resolve(layers(dir, map[string]string{env: layer.env}, tc.flag, layer.flag))
			if err != nil {
				t.Fatal(err)
			}
			if got := cfg.String(tc.key); got != layer.want || cfg.From(tc.key) != layer.from {
				t.Errorf("%s=%q %s %q: %s = %q from %s, want %q from %s", env, layer.env, tc.flag, layer.flag, tc.key, got, cfg.From(tc.key), layer.want, layer.from)
			}
		}
	}
	cfg, err := Resolve(layers(dir, map[string]string{"PLAN_JOBS": "3"}))
	if err != nil || cfg.Int("jobs") != 3 {
		t.Errorf("PLAN_JOBS=3: jobs %d, %v", cfg.Int("jobs"), err)
	}
	if _, err := Resolve(layers(dir, map[string]string{"PLAN_JOBS": "many"})); err == nil || err.Error() != `PLAN_JOBS="many" is not a whole number` {
		t.Errorf("PLAN_JOBS=many: %v", err)
	}
	// A command without the flag takes no variable for it, except PLAN_CONFIG.
	cfg, err = Resolve(Layers{Dir: dir, Getenv: func(k string) string {
		return map[string]string{"PLAN_FORMAT": "json", EnvVar: filepath.Join(dir, "a.yaml")}[k]
	}})
	if err != nil || cfg.String("format") != "" || cfg.Path != filepath.Join(dir, "a.yaml") {
		t.Errorf("no flags: format %q, config %q, %v", cfg.String("format"), cfg.Path, err)
	}
}

// TestReadRefusesWhatIsNotAConfig: a config that is a device, or too large, is refused
// in one line naming it, before it is read into memory.
func TestReadRefusesWhatIsNotAConfig(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, ".planrc.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	big := filepath.Join(dir, "big.yaml")
	must(t, os.WriteFile(big, []byte("# "+strings.Repeat("x", maxFileSize)+"\n"), 0o644))
	for path, want := range map[string]string{
		zero: "config " + zero + ": not a regular file: name a YAML file",
		big:  "config " + big + ": larger than the 1 MiB a config file may hold",
		dir:  "config " + dir + ": not a regular file: name a YAML file",
	} {
		getenv := func(k string) string { return map[string]string{EnvVar: path}[k] }
		if _, err := Resolve(Layers{Dir: dir, Getenv: getenv}); err == nil || err.Error() != want {
			t.Errorf("%s=%s: %v, want %q", EnvVar, path, err, want)
		}
	}
	if _, err := Resolve(Layers{Dir: dir}); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("found .planrc.yaml linking to /dev/zero: %v", err)
	}
}

// TestParseReportsEveryMistake: a config with several mistakes names each at its line, in
// order, rather than only the first.
func TestParseReportsEveryMistake(t *testing.T) {
	_, err := Parse(".planrc.yaml", []byte("rules:\n  ? [a]\n  : b\n  ? {c: 1}\n  : d\n"))
	if err == nil || err.Error() != ".planrc.yaml:2: a key must be a word, not a list or a mapping\n.planrc.yaml:4: a key must be a word, not a list or a mapping" {
		t.Errorf("got %v", err)
	}
	_, err = Parse(".planrc.yaml", []byte("max_file_size: big\ninclude: [\"[z\"]\nrulez: {}\n"))
	var joined interface{ Unwrap() []error }
	if !errors.As(err, &joined) || len(joined.Unwrap()) != 3 {
		t.Fatalf("got %v, want three errors", err)
	}
	for i, e := range joined.Unwrap() {
		if want := fmt.Sprintf(".planrc.yaml:%d: ", i+1); !strings.HasPrefix(e.Error(), want) {
			t.Errorf("error %d = %v, want prefix %q", i, e, want)
		}
	}
}
