// Package diffcmd implements `plan diff`, which says what changed in a plan's meaning
// since another revision: since the branch left the default branch, since a named
// revision, or since the version last approved.
package diffcmd

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/diff"
	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/git"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
)

// Formats are the values of --format, the default first.
var Formats = []string{"text", "md", "json"}

// Options are the flags and arguments of `plan diff`.
type Options struct {
	Env  *cli.Env
	Rev  string
	File string
	// Approved compares with the version the last approval names.
	Approved bool
	// ExitCode makes a difference exit 1, as git diff --exit-code does.
	ExitCode bool
	Format   string
	Config   string
}

// NewCmd builds `plan diff`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "diff [REV] [FILE]",
		Short: "Say what changed in a plan's meaning since another revision",
		Long: `Compare a plan with another revision of it and say what changed in its meaning,
not its bytes: stakeholders added, removed or re-rated, phases moved, lengthened or
shortened (the new length against its minimum), objectives, decisions, activities,
measures and roles added, removed or changed, the budget total, and which of plan
check's findings are new and which are fixed. Items are tied by their ids, so a
renamed id is a removal and an addition.

The plan compared is FILE as it is on disk (uncommitted changes included); without
FILE, the one *.plan.yaml or *.plan.yml file in the current directory. It is compared
with its version at REV, read with git: by default the merge base with the default
branch, as plan check --changed finds it: origin/$GITHUB_BASE_REF in a pull
request's job, else the branch the current one tracks (unless that is its own copy
on a remote), else origin/HEAD, main, master, origin/main or origin/master. With
--approved, it is compared with the version last approved (the approvals list in the
plan): the commit the approval names, else the commit that recorded the approval,
else the newest commit with the approved version (docs/diff.md). When the plan
changed since then under the same version, the output says so. A plan that does
not exist at REV is compared with nothing, so everything in it is added. A single
argument that is an existing file or a plan file's name is FILE; otherwise it is
REV; give both as REV FILE.

Formats:
  text  for people, one line per item (+ added, - removed, ~ changed)
  md    Markdown for a pull-request comment
  json  a stable document (see docs/diff.md)

Both versions are checked with the same configuration and the plan's profile, so
the findings that differ are those the plan's own changes made or fixed.

Exit status: 0 when the comparison is shown, whether or not anything changed (with
--exit-code: 1 when something did); 2 when the file cannot be loaded at either
revision, git cannot find the revision, or a flag is wrong.`,
		Example: `  plan diff
  plan diff consultation.plan.yaml
  plan diff origin/main consultation.plan.yaml --format md > comment.md
  plan diff --approved
  plan diff v1.2 --format json`,
		Args: cobra.MaximumNArgs(2),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return git.Branches(cmp.Or(env.Dir, ".")), cobra.ShellCompDirectiveDefault
			}
			return cli.CompletePlanFiles(nil, args, "")
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if err := opts.readArgs(args); err != nil {
				return err
			}
			return runF(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Approved, "approved", false, "compare with the version last approved (see approvals in the plan)")
	f.BoolVar(&opts.ExitCode, "exit-code", false, "exit 1 when anything changed, as git diff --exit-code")
	cli.FormatFlag(cmd, &opts.Format, Formats)
	cli.ConfigFlag(cmd, &opts.Config, "")
	return cmd
}

// readArgs sorts [REV] [FILE]: one argument is FILE when it names a file that exists
// or a plan file, else REV.
func (opts *Options) readArgs(args []string) error {
	switch len(args) {
	case 2:
		if opts.looksLikeFile(args[0]) && !opts.looksLikeFile(args[1]) {
			return cli.BadInputf("give the revision first: plan diff %s %s", args[1], args[0])
		}
		opts.Rev, opts.File = args[0], args[1]
	case 1:
		if opts.looksLikeFile(args[0]) {
			opts.File = args[0]
		} else {
			opts.Rev = args[0]
		}
	}
	if opts.Approved && opts.Rev != "" {
		return cli.BadInputf("--approved compares with the version last approved: give no revision (%q) with it", opts.Rev)
	}
	return nil
}

// looksLikeFile reports whether an argument is FILE rather than REV: a file that exists,
// or a plan file's name.
func (opts *Options) looksLikeFile(arg string) bool {
	info, err := os.Stat(opts.Env.Path(arg))
	return (err == nil && !info.IsDir()) || discover.IsPlanName(filepath.Base(arg))
}

// Run loads the plan as it is and as it was, checks both, and writes what changed.
func Run(opts *Options) error {
	env := opts.Env
	if err := cli.OneOf("format", opts.Format, Formats); err != nil {
		return err
	}
	target, err := env.Target(opts.File, opts.Config, "plan diff [REV] FILE")
	if err != nil {
		return err
	}
	p, checked, err := target.LoadChecked()
	if err != nil {
		return err
	}
	oldSide, err := opts.oldSide(target, p)
	if err != nil {
		return cli.BadInput(err)
	}
	data, found, err := git.FileAt(oldSide.Commit, target.Path)
	if err != nil {
		return cli.BadInput(err)
	}
	linter := lint.New(target.Config)
	old := &plan.Plan{}
	var oldFindings []diag.Finding
	if found {
		// Messages about the old version name it as git does, REV:FILE.
		old, err = plan.Parse(oldSide.Rev+":"+target.Name, data, plan.Options{MaxSize: target.Config.MaxFileSize})
		if err != nil {
			return cli.BadInput(fmt.Errorf("%w (plan diff compares versions that load: name another revision)", err))
		}
		oldFindings = linter.CheckPlan(old)
	}
	oldSide.Missing = !found
	d := diff.Compare(old, p, diff.Options{
		Minimums:    checked.Settings.Minimums,
		OldFindings: oldFindings,
		NewFindings: linter.CheckPlan(p),
	})
	d.File = target.Name
	oldSide.Version = old.Version
	d.Old = oldSide
	if err := write(env.IO.Out, opts, d); err != nil {
		return err
	}
	if opts.ExitCode && !d.Empty() {
		return cli.Findings()
	}
	return nil
}

// oldSide works out which revision to compare with: REV, the version last approved, or
// the merge base with the default branch (git.ResolveBase).
func (opts *Options) oldSide(target cli.Target, p *plan.Plan) (diff.Side, error) {
	dir := filepath.Dir(target.Path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if _, err := git.TopLevel(dir); err != nil {
		if errors.Is(err, git.ErrNotRepository) {
			return diff.Side{}, fmt.Errorf("%s is not in a git repository: plan diff reads its history with git", target.Name)
		}
		return diff.Side{}, err
	}
	switch {
	case opts.Approved:
		return approvedSide(target, p)
	case opts.Rev != "":
		commit, err := git.Commit(dir, opts.Rev)
		return diff.Side{Rev: opts.Rev, Commit: commit}, err
	}
	base, err := git.ResolveBase(dir, "", opts.Env.Var)
	var noBase *git.NoBaseError
	if errors.As(err, &noBase) {
		return diff.Side{}, fmt.Errorf("%w: name the revision, e.g. plan diff %s", err, git.SuggestBase(dir))
	}
	if err != nil {
		return diff.Side{}, err
	}
	commit, err := git.MergeBase(dir, base)
	if err != nil {
		return diff.Side{}, fmt.Errorf("%w; name the revision to compare with: plan diff REV %s", err, target.Name)
	}
	return diff.Side{Rev: base, Commit: commit, MergeBase: true}, nil
}

// approvedSide finds the version last approved: the commit the approval names, else the
// commit that recorded the approval, else the newest commit with the approved version
// (docs/diff.md says why, in this order).
func approvedSide(target cli.Target, p *plan.Plan) (diff.Side, error) {
	a := p.LastApproval()
	if a == nil {
		return diff.Side{}, fmt.Errorf("%s has no approvals to compare with: record one under approvals (see docs/plan-format.md), or name a revision: plan diff REV %s", target.Name, target.Name)
	}
	side := diff.Side{Approval: a}
	if a.Commit != "" {
		side.Rev = a.Commit
		commit, err := git.Commit(filepath.Dir(target.Path), a.Commit)
		if err != nil {
			return side, fmt.Errorf("%s:%d: the approval's commit: %w", target.Name, lineOf(a, &a.Commit), err)
		}
		side.Commit = commit
		return side, nil
	}
	history, err := planHistory(target)
	if err != nil {
		return side, err
	}
	if c := approvedCommit(history, a); c != "" {
		side.Rev, side.Commit = shortHash(c), c
		return side, nil
	}
	return side, fmt.Errorf("%s:%d: no commit of %s has version %q, the version %s approved: add the approved commit to the approval (commit:), or name a revision: plan diff REV %s",
		target.Name, lineOf(a, &a.Version), target.Name, a.Version, a.By, target.Name)
}

// revision is the plan as one commit has it; Plan is nil when it does not load there.
type revision struct {
	Commit string
	Plan   *plan.Plan
}

// planHistory is the plan at each commit that changed it, newest first.
func planHistory(target cli.Target) ([]revision, error) {
	commits, err := git.FileCommits(target.Path)
	if err != nil {
		return nil, err
	}
	history := make([]revision, 0, len(commits))
	for _, c := range commits {
		data, found, err := git.FileAt(c, target.Path)
		if err != nil {
			return nil, err
		}
		r := revision{Commit: c}
		if found {
			// A revision that does not load cannot be the one approved; older ones may be.
			r.Plan, _ = plan.Parse(target.Name, data, plan.Options{MaxSize: target.Config.MaxFileSize})
		}
		history = append(history, r)
	}
	return history, nil
}

// approvedCommit picks, from a plan's history (newest first), the commit approval a
// approved, or "":
//
//   - the commit that recorded the approval: the oldest of the newest run of commits
//     whose plan holds it (the same by, version and date), when its version is the one
//     approved. An approval is written down when, or just after, the plan is approved,
//     so that commit holds the text approved, and edits committed later show up even
//     when nobody changed the version.
//   - else (the approval was recorded with a new version, or is not committed yet) the
//     newest commit before that one, or before now, whose version is the one approved.
func approvedCommit(history []revision, a *plan.Approval) string {
	recorded := -1
	for i, r := range history {
		if r.Plan != nil && holds(r.Plan, a) {
			recorded = i
		} else if recorded >= 0 {
			break
		}
	}
	if recorded >= 0 && history[recorded].Plan.Version == a.Version {
		return history[recorded].Commit
	}
	for _, r := range history[recorded+1:] {
		if r.Plan != nil && r.Plan.Version == a.Version {
			return r.Commit
		}
	}
	return ""
}

// holds reports whether p records approval a: by the same person, of the same version,
// on the same day. A corrected role or an added commit does not make it another
// approval.
func holds(p *plan.Plan, a *plan.Approval) bool {
	return slices.ContainsFunc(p.Approvals, func(x plan.Approval) bool {
		return x.By == a.By && x.Version == a.Version && x.Date.String() == a.Date.String()
	})
}

// lineOf is the line of an approval's field, or of the approval when the key is not
// known.
func lineOf(a *plan.Approval, field any) int {
	if k := a.KeyOf(field); k != nil {
		return k.Line
	}
	return a.At().Line
}

func shortHash(c string) string { return c[:min(len(c), 12)] }

func write(w io.Writer, opts *Options, d *diff.Diff) error {
	switch opts.Format {
	case "json":
		return diff.WriteJSON(w, d)
	case "md":
		return diff.WriteMarkdown(w, d)
	}
	return diff.WriteText(w, d, opts.Env.IO.Renderer())
}
