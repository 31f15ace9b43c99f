package cli

import (
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/profile"
)

// Clock returns the current time: Env.Now when a test set it, else the system clock.
func (e *Env) Clock() time.Time {
	if e.Now != nil {
		return e.Now()
	}
	return time.Now()
}

// Today is the day a command treats as today: flag (--today, YYYY-MM-DD) when it is
// given, else PLAN_TODAY, else the clock's local date. A bad value is bad input, and so
// is a month, quarter or season: what is overdue is judged day by day, and "as of
// 2027-Q2" would judge nothing.
func (e *Env) Today(flag string) (plan.Date, error) {
	value, from := flag, "--today"
	if value == "" {
		value, from = e.Var(config.EnvName("today")), config.EnvName("today")
	}
	if value == "" {
		return plan.DateOf(e.Clock()), nil
	}
	return Day(from, value)
}

// Day reads value, given as name (a flag such as --today, or a variable), as one day.
// The plan's month, quarter and season forms are refused, and the message does not
// offer them: where a day is asked for, only a day will do.
func Day(name, value string) (plan.Date, error) {
	d, err := plan.ParseDate(value)
	if err != nil {
		return plan.Date{}, BadInputf("%s: %q is not a real date in the form YYYY-MM-DD", name, value)
	}
	if !d.Precise() {
		return plan.Date{}, BadInputf("%s must be a day, YYYY-MM-DD: %q is not one", name, value)
	}
	return d, nil
}

// Var reads an environment variable through Env.Getenv when a test set it.
func (e *Env) Var(key string) string {
	if e.Getenv != nil {
		return e.Getenv(key)
	}
	return os.Getenv(key)
}

// WorkDir is the directory relative paths are resolved against: Env.Dir, or the
// process's working directory. A working directory that no longer exists is the user's
// to fix (exit 2), not a bug.
func (e *Env) WorkDir() (string, error) {
	if e.Dir != "" {
		return e.Dir, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", BadInputf("cannot tell the current directory (was it deleted?): %v", fserr.Cause(err))
	}
	return dir, nil
}

// Path is where a path the user typed is: as typed, since the process runs in the
// directory it is relative to, except when a test has set Env.Dir. Messages name the
// path as typed either way.
func (e *Env) Path(p string) string {
	if e.Dir == "" || p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.Dir, p)
}

// OnlyPlan finds the plan a command works on when none is named: the one regular
// *.plan.yaml or *.plan.yml file in dir. Several are bad input too, since picking one
// would act on the wrong plan without a word. usage shows how to name one, e.g.
// "plan render FILE".
func OnlyPlan(dir, usage string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", BadInputf("cannot list %s: %v", dir, fserr.Cause(err))
	}
	var found []string // in name order, as ReadDir lists them
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && discover.IsPlanName(n) {
			found = append(found, n)
		}
	}
	switch len(found) {
	case 0:
		return "", BadInputf("no plan file (*.plan.yaml or *.plan.yml) in the current directory: name one, as in %s, or create one with plan init", usage)
	case 1:
		return found[0], nil
	}
	return "", BadInputf("%d plan files in the current directory (%s): name one, as in %s", len(found), strings.Join(found, ", "), strings.Replace(usage, "FILE", found[0], 1))
}

// OneLine checks a flag whose value is written on one line of a plan: it must be UTF-8
// and hold no line break of any kind (YAML also breaks lines at NEL, LS and PS) and no
// other control character.
func OneLine(flag, value string) error {
	if err := Text(flag, value); err != nil {
		return err
	}
	for _, r := range value {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return BadInputf("--%s must be a single line of text, with no tabs or other control characters", flag)
		}
	}
	return nil
}

// Text checks a flag whose value is written into a plan as text: it must be UTF-8.
func Text(flag, value string) error {
	if !utf8.ValidString(value) {
		return BadInputf("--%s is not valid UTF-8: %q", flag, value)
	}
	return nil
}

// Target is the plan file a command works on and the configuration that applies to it.
type Target struct {
	// Name is the file as the user typed it, or the one plan found in the directory:
	// what messages call it.
	Name string
	// Path is where to read it (see Path).
	Path   string
	Config *config.Config
}

// Load reads the target's plan and parses it under Name, so that every message points
// where the user looks. A plan that cannot be read or is not valid is bad input.
func (t Target) Load() (*plan.Plan, error) {
	p, err := plan.Load(t.Name, t.Path, plan.Options{MaxSize: t.Config.MaxFileSize})
	if err != nil {
		return nil, BadInput(err)
	}
	return p, nil
}

// LoadChecked is Load, and what the plan is checked with: the profile it names (else the
// configured default), with the config file's own settings over it. A profile no one
// defined is bad input, reported at the plan's line.
func (t Target) LoadChecked() (*plan.Plan, *profile.Resolved, error) {
	p, err := t.Load()
	if err != nil {
		return nil, nil, err
	}
	r, err := t.Config.For(p.Profile.Value)
	if err != nil {
		return nil, nil, BadInputf("%s:%d: profile: %v", t.Name, p.Profile.Node.Line, err)
	}
	return p, r, nil
}

// Target finds the plan a command works on, file as typed or else the only plan in the
// working directory (usage shows how to name one), and its configuration (see Config),
// configFlag being the --config the command was given. Every failure is bad input
// (exit 2).
func (e *Env) Target(file, configFlag, usage string) (Target, error) {
	cfg, err := e.ConfigWith(configFlag)
	if err != nil {
		return Target{}, err
	}
	return e.TargetIn(file, cfg, usage)
}

// TargetIn is Target for a command that has resolved its configuration itself, with
// options of its own among the layers.
func (e *Env) TargetIn(file string, cfg *config.Config, usage string) (Target, error) {
	dir, err := e.WorkDir()
	if err != nil {
		return Target{}, err
	}
	if file == "" {
		if file, err = OnlyPlan(dir, usage); err != nil {
			return Target{}, err
		}
	}
	return Target{Name: file, Path: e.Path(file), Config: cfg}, nil
}

// ConfigWith is Config for a command whose only option is --config, given as configFlag
// ("" when it was not).
func (e *Env) ConfigWith(configFlag string) (*config.Config, error) {
	flags := pflag.NewFlagSet("config", pflag.ContinueOnError)
	flags.String("config", "", "")
	if configFlag != "" {
		_ = flags.Set("config", configFlag)
	}
	return e.Config(flags)
}

// Config is the configuration a command runs with, in layers (see config.Resolve): the
// defaults, the config file (--config, else PLAN_CONFIG, else .planrc.yaml found walking
// up from the working directory to the git root), the PLAN_* variables, then the flags
// given. A bad file or variable is bad input (exit 2).
func (e *Env) Config(flags *pflag.FlagSet) (*config.Config, error) {
	dir, err := e.WorkDir()
	if err != nil {
		return nil, err
	}
	cfg, err := config.Resolve(config.Layers{Dir: dir, Getenv: e.Var, Flags: flags})
	if err != nil {
		return nil, BadInput(err)
	}
	return cfg, nil
}
