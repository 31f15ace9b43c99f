// Package check implements `plan check`, the linter that runs in CI and editors.
package checkcmd

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/git"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/output"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/profile"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/rules"
)

// Options are the flags and arguments of `plan check`.
type Options struct {
	Env           *cli.Env
	Paths         []string
	Format        string
	FailLevel     string
	Config        string
	Jobs          int
	StdinFilename string
	// Changed narrows the check to the plan files changed since the merge base with Base
	// (or, when Base is empty, with the default branch: git.ResolveBase).
	Changed bool
	Base    string
	// Today is the day the plans' records are judged on, YYYY-MM-DD ("" for PLAN_TODAY,
	// else today's local date).
	Today string
	// Profile is the profile of plans that name none (--profile, PLAN_PROFILE, or the
	// config file's profile:); a plan's own profile: wins.
	Profile string
	// Settings is the configuration in layers (cli.Env.Config), from which NewCmd sets
	// Format, FailLevel and Jobs; when it is nil, Run reads the config file that Config
	// names or that is found.
	Settings *config.Config
}

// NewCmd builds `plan check`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "check [FILE|DIR|-]...",
		Short: "Find what a plan lacks, with the exact line and what to do",
		Long: `Check plan files against the schema and every lint rule (see plan rules).

Directories are walked for *.plan.yaml and *.plan.yml files, skipping .git and
whatever .gitignore ignores; "-" reads a plan from standard input. Without
arguments the current directory is checked.

Configuration comes from .planrc.yaml (or .planrc.yml), found by walking up from
the current directory to the git root, or from --config / PLAN_CONFIG. PLAN_FORMAT,
PLAN_FAIL_LEVEL and PLAN_JOBS set what their flags set; a flag given wins.
Each plan is checked under its profile, the kind of plan it is (plan profiles
lists them): the one it names with "profile:" at its top, else --profile, else
PLAN_PROFILE, else the config file's "profile:", else online-engagement.
Silence a rule for one node with "# plan:ignore rule-id -- reason" on its line or
the line above, or for a whole file with "# plan:ignore-file rule-id -- reason".

A plan's engagement records (docs/records.md: *.record.yaml files in the folder
the plan's "records:" names, by default <name>.records beside <name>.plan.yaml)
are checked with it: against the record schema, every id resolving in the plan,
and, as of --today (else PLAN_TODAY, else today's local date), for what is
overdue: an activity not recorded, a stakeholder not reached in a phase that is
over, a report-back, commitment or grievance past its date, a measure short of
its target. A plan with no records yet is not judged on what it has not done.

With --changed, only the plan files under the arguments that git sees as added,
modified, renamed or untracked since the merge base with --base are checked
(default: the default branch: origin/$GITHUB_BASE_REF in a pull request's job,
else a branch the current one tracks, origin/HEAD, main or master), and those
with such a record in their records folder. When none changed, plan check says
"no changed plan files" and exits 0. --base implies --changed.

Exit status: 0 when nothing is at or above --fail-level, 1 when something is,
2 for a usage error, an unreadable path, a bad config or no plan files found
(with --changed: not a git repository, or a base git cannot resolve),
3 for an internal error.`,
		Example: `  plan check
  plan check examples/council-consultation.plan.yaml
  plan check --format sarif . > plan.sarif
  plan check --fail-level warning consultations/
  plan check --profile ess10 sep.plan.yaml
  plan check --today 2027-04-02 council.plan.yaml
  plan check --changed --base origin/main
  cat draft.plan.yaml | plan check --stdin-filename draft.plan.yaml -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if err := opts.resolve(cmd.Flags()); err != nil {
				return err
			}
			return runF(opts)
		},
		ValidArgsFunction: cli.CompletePlanFiles,
	}
	f := cmd.Flags()
	cli.FormatFlag(cmd, &opts.Format, output.Names)
	f.StringVar(&opts.FailLevel, "fail-level", "error", "lowest severity that fails the check: error, warning, info or never")
	cli.ConfigFlag(cmd, &opts.Config, "")
	f.IntVarP(&opts.Jobs, "jobs", "j", runtime.NumCPU(), "files checked at once")
	// Shown as words, not this machine's count: help text and the man pages built on a
	// release machine must not claim a user's default is the builder's CPU count.
	f.Lookup("jobs").DefValue = "number of CPUs"
	f.StringVar(&opts.Profile, "profile", profile.Default, "profile of plans that name none (see plan profiles; also PLAN_PROFILE)")
	f.StringVar(&opts.Today, "today", "", "the day records are judged on, YYYY-MM-DD (default: PLAN_TODAY, else today's local date)")
	cli.CompleteNothing(cmd, "today")
	f.StringVar(&opts.StdinFilename, "stdin-filename", "", "name to report for a plan read from standard input (-)")
	f.BoolVar(&opts.Changed, "changed", false, "check only the plan files changed since the merge base with --base (uses git)")
	f.StringVar(&opts.Base, "base", "", "the ref --changed compares with (default: the default branch, as docs/ci.md finds it)")
	_ = cmd.RegisterFlagCompletionFunc("base", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return git.Branches(cmp.Or(env.Dir, ".")), cobra.ShellCompDirectiveNoFileComp
	})
	cli.CompleteValues(cmd, "fail-level", diag.FailLevels)
	_ = cmd.RegisterFlagCompletionFunc("profile", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return config.Default().Profiles.Names(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// resolve layers the configuration (defaults, file, PLAN_* variables, flags) and takes
// the options from it.
func (opts *Options) resolve(flags *pflag.FlagSet) error {
	cfg, err := opts.Env.Config(flags)
	if err != nil {
		return err
	}
	opts.Settings = cfg
	opts.Format, opts.FailLevel, opts.Jobs = cfg.String("format"), cfg.String("fail_level"), cfg.Int("jobs")
	return nil
}

// Run checks the plans and writes the report.
func Run(opts *Options) error {
	cfg := opts.Settings
	if cfg == nil {
		var err error
		if cfg, err = opts.Env.ConfigWith(opts.Config); err != nil {
			return err
		}
	}
	failAt, err := diag.ParseFailLevel(opts.FailLevel, cfg.From("fail_level"))
	if err != nil {
		return cli.BadInput(err)
	}
	present := output.OptionsFor(opts.Env.IO)
	formatter, err := output.New(opts.Format, present)
	if err != nil {
		return cli.BadInputf("invalid %s %q: want %s", cfg.From("format"), opts.Format, strings.Join(output.Names, ", "))
	}
	if opts.Jobs < 1 {
		return cli.BadInputf("%s must be at least 1, not %d", cfg.From("jobs"), opts.Jobs)
	}
	today, err := opts.Env.Today(opts.Today)
	if err != nil {
		return err
	}
	dir, err := opts.Env.WorkDir()
	if err != nil {
		return err
	}

	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	changed := opts.Changed || opts.Base != ""
	if changed && slices.Contains(paths, "-") {
		return cli.BadInputf("--changed cannot be used with standard input (-): git knows nothing of it")
	}
	if paths, err = recordsToPlans(opts.Env, paths, cfg.MaxFileSize); err != nil {
		return err
	}
	found, err := discover.Files(inDir(opts.Env, paths), discover.Options{Include: cfg.Include, Exclude: cfg.Exclude})
	if err != nil {
		return cli.BadInput(err)
	}
	files := found.Files
	if changed {
		if files, err = changedOnly(dir, opts.Base, opts.Env.Var, files, cfg.MaxFileSize); err != nil {
			return cli.BadInput(err)
		}
		if len(files) == 0 && len(found.Unreadable) == 0 {
			return noChangedPlans(opts, formatter, dir)
		}
	}
	inputs, err := inputsFor(opts, dir, files, cfg)
	if err != nil {
		return err
	}
	if len(inputs) == 0 && len(found.Unreadable) == 0 {
		return cli.BadInputf("no plan files found in %s (plan files are named *.plan.yaml or *.plan.yml)", strings.Join(paths, ", "))
	}

	linter := lint.New(cfg)
	linter.Jobs = opts.Jobs
	linter.Today = today
	linter.KeepSources = opts.Format == "text" && present.Snippets
	res := linter.Run(inputs)

	report := output.Report{
		Files:    res.Files,
		Plans:    names(inputs),
		Findings: res.Findings,
		Rules:    rules.All(),
		Sources:  res.Sources,
		Version:  opts.Env.Build.Version,
		BaseDir:  reportBase(opts, dir),
	}
	// Paths that could not be read at all come after the report of the others, whose
	// findings one bad path must not hide.
	unreadable := append(found.Unreadable, res.ReadErrors...)
	// When no file could be read at all there is no report to give, only the errors: a
	// "no problems in 0 files" would read as a pass.
	if res.Files > 0 || len(unreadable)+len(res.Crashes) == 0 {
		if err := formatter.Format(opts.Env.IO.Out, report); err != nil {
			return err
		}
		if path := opts.Env.Var("GITHUB_STEP_SUMMARY"); opts.Format == "github" && path != "" {
			if err := appendStepSummary(opts.Env.Path(path), inputs, report); err != nil {
				// The environment's problem, not a bug.
				return cli.BadInput(err)
			}
		}
	}
	for _, e := range unreadable {
		// A path may hold a line break or an escape sequence (see diag.Displayable).
		fmt.Fprintf(opts.Env.IO.ErrOut, "plan: %s\n", diag.Displayable(e.Error()))
	}
	if len(res.Crashes) > 0 {
		// A bug, not the user's doing: exit 3, with the first crash as the one line.
		return res.Crashes[0]
	}
	if len(unreadable) > 0 {
		return &cli.ExitError{Code: cli.ExitBadInput}
	}
	if failAt != 0 && slices.ContainsFunc(res.Findings, func(f diag.Finding) bool { return f.Severity >= failAt }) {
		return cli.Findings()
	}
	return nil
}

// appendStepSummary appends the report's Markdown summary to the file GitHub names in
// GITHUB_STEP_SUMMARY, which other steps' tools may also write to, hence append and a
// separating newline. It refuses a file that is one of the plans checked, however it is
// named: appending a table to a plan would break it.
func appendStepSummary(path string, inputs []lint.Input, r output.Report) error {
	if st, err := os.Stat(path); err == nil {
		for _, in := range inputs {
			if in.Path == "" {
				continue
			}
			if pst, err := os.Stat(in.Path); err == nil && os.SameFile(st, pst) {
				return fmt.Errorf("GITHUB_STEP_SUMMARY names %s, a plan being checked: no step summary written", in.Name)
			}
		}
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("writing GitHub step summary: %w", err)
	}
	var b bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		b.WriteByte('\n')
	}
	err = output.StepSummary(&b, r)
	if err == nil {
		_, err = f.Write(b.Bytes())
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing GitHub step summary: %w", err)
	}
	return nil
}

// reportBase is the directory paths in SARIF and annotations are relative to: where
// plan check runs, except on GitHub Actions, where annotations and code scanning place a
// finding by its path from the repository root (GITHUB_WORKSPACE), so a check run from a
// subdirectory (the action's working-directory) must still name files from the root.
func reportBase(opts *Options, dir string) string {
	if opts.Format != "github" && opts.Format != "sarif" {
		return dir
	}
	ws := opts.Env.Var("GITHUB_WORKSPACE")
	if ws == "" {
		return dir
	}
	if inside(ws, dir) {
		return ws
	}
	// The workspace or the working directory may be reached through a symbolic link
	// (Getwd keeps $PWD's spelling). Compared as they really are, the workspace is then
	// written the way dir is, so that the file paths, spelt like dir, are relative to it.
	realWS, err1 := filepath.EvalSymlinks(ws)
	realDir, err2 := filepath.EvalSymlinks(dir)
	if err1 != nil || err2 != nil || !inside(realWS, realDir) {
		return dir
	}
	up, err := filepath.Rel(realDir, realWS)
	if err != nil {
		return dir
	}
	return filepath.Join(dir, up)
}

// inside reports whether dir is root or below it, comparing the paths as written.
func inside(root, dir string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// changedOnly keeps the files git reports as changed since the merge base with base.
// The walk still decides what is a plan file (include, exclude, .gitignore), so that
// --changed never checks a file that plan check without it would skip.
func changedOnly(dir, base string, getenv func(string) string, files []string, maxSize int64) ([]string, error) {
	base, err := git.ResolveBase(dir, base, getenv)
	var changes *git.Changes
	if err == nil {
		changes, err = git.Changed(dir, base)
	}
	var noBase *git.NoBaseError
	switch {
	case errors.Is(err, git.ErrNoGit):
		return nil, fmt.Errorf("--changed needs git: %w", err)
	case errors.Is(err, git.ErrNotRepository):
		return nil, fmt.Errorf("%s is not in a git repository: --changed reads its history with git", dir)
	case errors.As(err, &noBase):
		return nil, fmt.Errorf("%w: name the branch to compare with, e.g. plan check --changed --base %s", err, git.SuggestBase(dir))
	case err != nil:
		return nil, err
	}
	var out []string
	for _, f := range files {
		if changes.Contains(f) || recordsChanged(f, changes, maxSize) {
			out = append(out, f)
		}
	}
	return out, nil
}

// recordsChanged reports whether a record in plan file f's records folder changed: a
// branch that only adds records has its plan checked with them, since a record can break
// the plan's checks (an unknown id) or clear them (a report-back given).
func recordsChanged(f string, changes *git.Changes, maxSize int64) bool {
	var records []string
	for _, c := range changes.Files {
		if record.IsRecordName(filepath.Base(c)) {
			records = append(records, c)
		}
	}
	if len(records) == 0 {
		return false
	}
	// A plan that does not load keeps its records in the default folder, as far as this
	// question goes; plan check reports the plan itself.
	p, _ := plan.Load(f, f, plan.Options{MaxSize: maxSize})
	dir, _ := record.Dir(p, f)
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	// git names the work tree by its real path.
	if abs, err = filepath.EvalSymlinks(abs); err != nil {
		return false
	}
	for _, c := range records {
		if strings.HasPrefix(c, abs+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// noChangedPlans reports a --changed run with nothing to check. It succeeds: a pull
// request that touches no plan has no plan problems, and failing it would make teams
// drop --changed or guard it with shell. Machine-readable formats still get their empty
// report (a SARIF upload or a JUnit collector fails on an empty file), with the note on
// stderr where it cannot corrupt them.
func noChangedPlans(opts *Options, formatter output.Formatter, dir string) error {
	const note = "no changed plan files"
	switch opts.Format {
	case "text", "github":
		_, err := fmt.Fprintln(opts.Env.IO.Out, note)
		return err
	}
	report := output.Report{Rules: rules.All(), Version: opts.Env.Build.Version, BaseDir: reportBase(opts, dir)}
	if err := formatter.Format(opts.Env.IO.Out, report); err != nil {
		return err
	}
	fmt.Fprintf(opts.Env.IO.ErrOut, "plan: %s\n", note)
	return nil
}

func inputsFor(opts *Options, dir string, files []string, cfg *config.Config) ([]lint.Input, error) {
	inputs := make([]lint.Input, 0, len(files))
	stdinUsed := false
	for _, f := range files {
		if f != "-" {
			inputs = append(inputs, lint.Input{Name: displayName(dir, f), Path: f})
			continue
		}
		if stdinUsed {
			continue
		}
		stdinUsed = true
		data, err := plan.ReadLimited(opts.Env.IO.In, cfg.MaxFileSize)
		name := cmp.Or(opts.StdinFilename, "<stdin>")
		if errors.Is(err, plan.ErrTooLarge) {
			return nil, cli.BadInputf("%s: standard input is larger than the %d-byte limit", name, cfg.MaxFileSize)
		}
		if err != nil {
			return nil, cli.BadInputf("cannot read standard input: %v", err)
		}
		inputs = append(inputs, lint.Input{Name: name, Data: data})
	}
	return inputs, nil
}

// names are the names findings give the inputs.
func names(inputs []lint.Input) []string {
	out := make([]string, len(inputs))
	for i, in := range inputs {
		out[i] = in.Name
	}
	return out
}

// displayName shows a path relative to the command's directory when it is under it, as
// people typed it otherwise.
func displayName(dir, path string) string {
	if !filepath.IsAbs(path) {
		return filepath.ToSlash(path)
	}
	if inside(dir, path) {
		if rel, err := filepath.Rel(dir, path); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return path
}

// recordsToPlans replaces each record file named on the command line with the plan whose
// records it is: a record is checked with its plan, against the plan's ids, so that a
// pre-commit hook or an editor that passes the files it saw change checks them as
// plan check does without arguments. A record no plan keeps is bad input.
func recordsToPlans(env *cli.Env, paths []string, maxSize int64) ([]string, error) {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if p == "-" || !record.IsRecordName(filepath.Base(p)) {
			out = append(out, p)
			continue
		}
		if info, err := os.Stat(env.Path(p)); err != nil || !info.Mode().IsRegular() {
			out = append(out, p) // the walk says what is wrong with it
			continue
		}
		owner, err := record.PlanFor(env.Path(p), plan.Options{MaxSize: maxSize})
		if err != nil {
			return nil, cli.BadInputf("%s: %v", p, err)
		}
		if owner == "" {
			return nil, cli.BadInputf("%s is a record, but no plan in its folder or above keeps its records there: records live in NAME.records beside NAME.plan.yaml, or the folder the plan's records: names", p)
		}
		if base, err := filepath.Abs(env.Path(".")); err == nil {
			if rel, err := filepath.Rel(base, owner); err == nil && !strings.HasPrefix(rel, "..") {
				owner = rel
			}
		}
		if !slices.Contains(out, owner) {
			out = append(out, owner)
		}
	}
	return out, nil
}

// inDir resolves the paths the user typed (see cli.Env.Path); "-" stays standard input.
func inDir(env *cli.Env, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if p != "-" {
			p = env.Path(p)
		}
		out[i] = p
	}
	return out
}
