// Package planedit runs one edit of a plan file the way every editing command makes it:
// the file locked against other runs from before it is read until after it is replaced,
// the plan loaded and refused if it is not valid, the change made and the result
// validated against the schema and checked for ids it would leave dangling or doubled,
// then either a unified diff printed (--dry-run) or the file replaced atomically, and the
// plan check findings the change brought reported as next steps.
package planedit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/planascode/plan/internal/atomicfile"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/filelock"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
)

// DefaultLockTimeout is how long a run waits for another run editing the same file.
const DefaultLockTimeout = 30 * time.Second

// integrityRules are the plan check rules whose new findings refuse an edit: a
// reference to an id that is not there, and an id used twice, which the schema cannot
// see and which an edit by path makes easy to cause.
var integrityRules = map[string]bool{"unknown-reference": true, "duplicate-id": true}

// Edit is one run of an editing command.
type Edit struct {
	Env *cli.Env
	// File is the plan as typed; "" means the only plan file in the working directory.
	File string
	// Usage shows how to name a file, for the message when there is none or several.
	Usage  string
	DryRun bool
	// LockTimeout bounds the wait for another run on the same file; zero means
	// DefaultLockTimeout.
	LockTimeout time.Duration
	// With names the edited plan in the refusal when it would not be a valid plan
	// ("with the new stakeholder", as in "with the new stakeholder it would not be a
	// valid plan"); "" calls it the result.
	With string
	// Task says what to do by hand when the edit cannot be made without disturbing the
	// rest of the file ("add the stakeholder"); "" is "edit it".
	Task string
	// Change returns the edited bytes, given the file's bytes and the plan they hold,
	// and the references it changed along with what it was asked to (see Dangling). Its
	// errors from the edit package are worded by Explain; an error it words itself is a
	// *cli.ExitError.
	Change func(data []byte, before *plan.Plan) ([]byte, []plan.Reference, error)
}

// Result is what a run did.
type Result struct {
	// Name is the file as messages name it.
	Name          string
	Before, After *plan.Plan
	// References are those Change changed too.
	References []plan.Reference

	// The plans are checked in full only when the next steps ask for findings: on the
	// largest plans a check costs seconds and a gigabyte, which a --dry-run need not.
	linter                 *lint.Linter
	all, fresh             []diag.Finding
	checkedAll, checkedNew bool
}

// All returns every plan check finding on the result.
func (r *Result) All() []diag.Finding {
	if !r.checkedAll {
		r.all, r.checkedAll = r.linter.CheckPlan(r.After), true
	}
	return r.all
}

// New returns the findings of All that the original plan did not have.
func (r *Result) New() []diag.Finding {
	if !r.checkedNew {
		r.fresh, r.checkedNew = newFindings(r.linter.CheckPlan(r.Before), r.All()), true
	}
	return r.fresh
}

// Run makes the edit. With DryRun it prints the diff to stdout, writes nothing, and
// returns a Result with the Name and References alone.
func Run(e Edit) (*Result, error) {
	target, err := e.Env.Target(e.File, "", e.Usage)
	if err != nil {
		return nil, err
	}
	name, path, cfg := target.Name, target.Path, target.Config
	if info, err := os.Stat(path); err != nil {
		return nil, cli.BadInputf("%s: cannot read: %v", name, fserr.Cause(err))
	} else if info.IsDir() {
		return nil, cli.BadInputf("%s: is a directory, not a plan file", name)
	}
	if !e.DryRun {
		// Held from before the read until after the rename, so that a concurrent run
		// reads this run's result rather than the same original.
		timeout := e.LockTimeout
		if timeout <= 0 {
			timeout = DefaultLockTimeout
		}
		lock, err := filelock.Acquire(path, timeout)
		if err != nil {
			return nil, cli.BadInputf("%s: cannot edit: %v", name, fserr.Cause(err))
		}
		defer lock.Unlock()
	}

	opts := plan.Options{MaxSize: cfg.MaxFileSize}
	data, err := plan.ReadFile(path, opts)
	if err != nil {
		return nil, e.refuse(name, err)
	}
	before, err := plan.Parse(name, data, opts)
	if err != nil {
		return nil, e.refuse(name, err)
	}
	integrity := integrityLinter(cfg)
	had := integrity.CheckPlan(before)
	out, refs, err := e.Change(data, before)
	if err != nil {
		return nil, Explain(name, e.Task, err)
	}
	after, err := plan.Parse(name, out, opts)
	if err != nil {
		return nil, Invalid(name, e.With, err)
	}
	if err := refuseBroken(name, had, integrity.CheckPlan(after)); err != nil {
		return nil, err
	}
	if e.DryRun {
		_, err := fmt.Fprint(e.Env.IO.Out, edit.UnifiedDiff(DiffName(name), data, out, 3))
		return &Result{Name: name, References: refs}, err
	}
	if err := atomicfile.Write(path, out, 0o644); err != nil {
		return nil, cli.BadInput(err)
	}
	return &Result{Name: name, Before: before, After: after, References: refs, linter: lint.New(cfg)}, nil
}

// integrityLinter runs the integrity rules alone, which an edit checks whatever it
// is; the whole of plan check runs only for the next steps.
func integrityLinter(cfg *config.Config) *lint.Linter {
	l := lint.New(cfg)
	l.Rules = slices.DeleteFunc(l.Rules, func(r rules.Rule) bool { return !integrityRules[r.ID] })
	return l
}

// refuseBroken refuses an edit whose result has errors of the integrity rules (found)
// that the original did not have (had).
func refuseBroken(name string, had, found []diag.Finding) error {
	var broken []string
	for _, f := range newFindings(had, found) {
		if integrityRules[f.Rule] && f.Severity == diag.Error {
			broken = append(broken, f.Message)
		}
	}
	if len(broken) > 0 {
		return cli.BadInputf("%s was not edited: %s", name, strings.Join(broken, "; "))
	}
	return nil
}

// Done says what was done ("Removed stakeholders.traders from main.plan.yaml", and how
// many references went with it), then the next steps.
func Done(env *cli.Env, res *Result, did string, next []diag.Finding) {
	w := env.IO.Out
	fmt.Fprint(w, did)
	if len(res.References) > 0 {
		fmt.Fprintf(w, ", and %s to it", wording.Plural(len(res.References), "reference"))
	}
	fmt.Fprintln(w)
	PrintNextSteps(env, next)
}

// Dangling settles the references that an edit (a removal, a rename) leaves naming an id
// it took away, out and after being the edit made alone; those for which keep reports
// false go with the edit and are not counted. With fix, the edit is made again by redo,
// which is given their positions, and they are returned. Without, the edit is refused
// with the reason refusal gives, told how many there are ("2 references"), and they are
// listed on stderr.
func Dangling(env *cli.Env, before, after *plan.Plan, out []byte, keep func(plan.Reference) bool, fix bool, redo func([]edit.At) ([]byte, error), refusal func(count string) string) ([]byte, []plan.Reference, error) {
	var dangling []plan.Reference
	for _, r := range before.Lost(after) {
		if keep(r) {
			dangling = append(dangling, r)
		}
	}
	if len(dangling) == 0 {
		return out, nil, nil
	}
	if !fix {
		for _, r := range dangling {
			fmt.Fprintf(env.IO.ErrOut, "%s:%d:%d: %s %s refers to %q\n", before.File, r.Node.Line, r.Node.Column, r.Owner, r.Key, r.ID)
		}
		return nil, nil, cli.BadInputf("%s was not edited: %s", before.File, refusal(wording.Plural(len(dangling), "reference")))
	}
	at := make([]edit.At, len(dangling))
	for i, r := range dangling {
		at[i] = edit.At{Line: r.Node.Line, Column: r.Node.Column}
	}
	out, err := redo(at)
	return out, dangling, err
}

// newFindings returns the findings of after that before does not have, matched by rule
// and message, since lines move when lines are removed.
func newFindings(before, after []diag.Finding) []diag.Finding {
	seen := map[string]int{}
	for _, f := range before {
		seen[f.Rule+"\x00"+f.Message]++
	}
	var out []diag.Finding
	for _, f := range after {
		k := f.Rule + "\x00" + f.Message
		if seen[k] > 0 {
			seen[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}

// Problem is the first finding of a plan that does not load, worded without its file
// and position, which name the result, not the file on disk.
func Problem(err error) string {
	var pe *plan.Error
	if errors.As(err, &pe) && len(pe.Findings) > 0 {
		return pe.Findings[0].Message
	}
	return err.Error()
}

// Invalid refuses an edit whose result would not load, with its first problem; with
// names the result ("with the new stakeholder", "without title"), "" calls it the
// result.
func Invalid(name, with string, err error) error {
	if with == "" {
		with = "the result"
	} else {
		with += " it"
	}
	return cli.BadInputf("%s was not edited: %s would not be a valid plan: %s", name, with, Problem(err))
}

// Explain words an error of the edit package for the file name; task is what to do by
// hand when the edit cannot be made safely ("add the stakeholder"), "" for "edit it".
func Explain(name, task string, err error) error {
	var ee *cli.ExitError
	if errors.As(err, &ee) {
		return err
	}
	var pathErr *edit.PathError
	var unsafe *edit.UnsafeEditError
	switch {
	case errors.As(err, &pathErr):
		return cli.BadInputf("%s: %s", name, pathErr.Msg)
	case errors.As(err, &unsafe):
		if task == "" {
			task = "edit it"
		}
		return cli.BadInputf("%s was not edited: cannot make the change without disturbing the rest of the file (%s); %s by hand", name, unsafe.Reason, task)
	}
	return cli.BadInputf("%s was not edited: %v", name, err)
}

// refuse reports a file that cannot be read or is not a valid plan: the loader's
// findings on stderr, as plan check prints them, then one line saying the file was left
// alone.
func (e Edit) refuse(name string, err error) error {
	var pe *plan.Error
	if !errors.As(err, &pe) || len(pe.Findings) == 0 {
		return cli.BadInput(err)
	}
	for _, f := range pe.Findings {
		f.File = name
		fmt.Fprintln(e.Env.IO.ErrOut, f.String())
	}
	problems := "problem"
	if n := len(pe.Findings); n > 1 {
		problems = wording.Plural(n, "problem")
	}
	return cli.BadInputf("%s is not a valid plan, so it was not edited: fix the %s above first", name, problems)
}

// DiffName is the file's name in the diff headers: slash-separated and relative, as
// patch -p1 and git apply expect after the a/ and b/ prefixes.
func DiffName(name string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(name)), "/")
}

// PrintNextSteps lists findings under "Next steps:", as plan check prints them.
func PrintNextSteps(env *cli.Env, fs []diag.Finding) {
	if len(fs) == 0 {
		return
	}
	w := env.IO.Out
	fmt.Fprintln(w, "\nNext steps:")
	for _, f := range fs {
		fmt.Fprintln(w, f.String())
	}
}
