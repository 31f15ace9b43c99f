// Package planedit runs one edit of a plan file the way every editing command makes it:
// the file locked against other runs from before it is read until after it is replaced,
// the plan and its engagement records loaded and refused if the plan is not valid, the
// change made and the result validated against the schema and checked for ids it would
// leave dangling or doubled, in the plan or in its records, then either a unified diff
// printed (--dry-run) or the files replaced atomically, and the plan check findings the
// change brought, in the plan and its records, reported as next steps.
package planedit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
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
	"github.com/planascode/plan/internal/record"
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
	// Config is the --config flag, "" when it was not given.
	Config string
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
	// Change returns the edited bytes, given the file's bytes, the plan they hold and its
	// records, and the references it changed along with what it was asked to (see
	// Input.Dangling). Its errors from the edit package are worded by Explain; an error it
	// words itself is a *cli.ExitError.
	Change func(in *Input) ([]byte, []plan.Reference, error)
}

// Input is what an edit starts from: the plan file's bytes, the plan they hold, and the
// plan's engagement records, which an edit changes only to follow a renamed id.
type Input struct {
	env  *cli.Env
	opts plan.Options
	Data []byte
	// Before is the plan as read.
	Before *plan.Plan
	// Records are the plan's records that load; broken are the findings of those that
	// do not.
	Records *record.Set
	broken  []diag.Finding
	// invalid are the schema problems of the plan as read, which the edit must reduce;
	// nil for a valid plan (see Parse).
	invalid       []diag.Finding
	listedInvalid bool
	// recordsDir and recordsAs are the records folder as read and as messages name it.
	recordsDir, recordsAs string
	// rewritten holds the new bytes of the record files a rename changes, and renamed
	// the references in them it changes.
	rewritten map[*record.Record][]byte
	renamed   []record.Reference
}

// Result is what a run did.
type Result struct {
	// Name is the file as messages name it.
	Name          string
	Before, After *plan.Plan
	// References are those Change changed too, and RecordReferences those it changed in
	// the engagement records.
	References       []plan.Reference
	RecordReferences []record.Reference

	// left are the schema problems the result still has, when the plan as read had more.
	left []diag.Finding
	// The plans are checked in full only when the next steps ask for findings: on the
	// largest plans a check costs seconds and a gigabyte, which a --dry-run need not.
	all, fresh func() []diag.Finding
}

// All returns every plan check finding on the result and its records, as plan check
// reports them.
func (r *Result) All() []diag.Finding {
	if r.left != nil {
		// plan check reports only these on a plan that breaks the schema.
		return r.left
	}
	return r.all()
}

// New returns the findings of All that the original plan and records did not have, or
// All when the original broke the schema.
func (r *Result) New() []diag.Finding {
	if r.left != nil {
		return r.left
	}
	return r.fresh()
}

// Run makes the edit. With DryRun it prints the diff to stdout, writes nothing, and
// returns a Result with the Name and References alone.
func Run(e Edit) (*Result, error) {
	target, err := e.Env.Target(e.File, e.Config, e.Usage)
	if err != nil {
		return nil, err
	}
	name, path, cfg := target.Name, target.Path, target.Config
	// The day the records are judged on in the next steps, as plan check judges them;
	// read before anything is written, so that a bad PLAN_TODAY leaves the file alone.
	today, err := e.Env.Today("")
	if err != nil {
		return nil, err
	}
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
	invalid := schemaProblems(err)
	if err != nil && invalid != nil {
		var ok bool
		if before, ok = parseBroken(name, data, opts); !ok {
			invalid = nil
		}
	}
	if err != nil && invalid == nil {
		return nil, e.refuse(name, err)
	}
	in := &Input{env: e.Env, opts: opts, Data: data, Before: before, invalid: invalid}
	in.recordsDir, _ = record.Dir(before, path)
	in.recordsAs, _ = record.Dir(before, name)
	in.Records, in.broken, err = record.LoadFor(before, path, name, opts)
	if err != nil {
		return nil, cli.BadInput(err)
	}
	integrity := integrityLinter(cfg)
	had := integrity.CheckPlan(before)
	out, refs, err := e.Change(in)
	if err != nil {
		return nil, Explain(name, e.Task, err)
	}
	after, left, err := in.Parse(out)
	if err != nil {
		return nil, Invalid(name, e.With, out, err)
	}
	if err := refuseBroken(name, had, integrity.CheckPlan(after), after); err != nil {
		return nil, err
	}
	// An edit that took an id away from records that name it was refused by Dangling;
	// this catches an edit that did so without calling it.
	if lost := in.lostInRecords(after); len(lost) > len(in.renamed) {
		return nil, in.refuseRecords(lost, "the change", "the ids")
	}
	res := &Result{Name: name, References: refs, RecordReferences: in.renamed, left: left}
	files := in.recordFiles()
	if e.DryRun {
		for _, f := range files {
			if _, err := fmt.Fprint(e.Env.IO.Out, edit.UnifiedDiff(DiffName(f.name), f.before, f.after, 3)); err != nil {
				return nil, err
			}
		}
		_, err := fmt.Fprint(e.Env.IO.Out, edit.UnifiedDiff(DiffName(name), data, out, 3))
		return res, err
	}
	if err := write(name, path, data, out, files); err != nil {
		return nil, err
	}
	recordsAfter, brokenAfter, err := record.LoadFor(after, path, name, opts)
	if err != nil {
		return nil, cli.BadInput(err)
	}
	res.Before, res.After = before, after
	linter := lint.New(cfg)
	linter.Today = today
	res.all = sync.OnceValue(func() []diag.Finding {
		return linter.CheckPlanRecords(after, recordsAfter, brokenAfter).Findings
	})
	res.fresh = sync.OnceValue(func() []diag.Finding {
		if in.invalid != nil {
			// The plan as read broke the schema, so plan check could not check it: every
			// finding on the mended plan is news.
			return res.all()
		}
		return newFindings(linter.CheckPlanRecords(before, in.Records, in.broken).Findings, res.all())
	})
	return res, nil
}

// fileEdit is one record file an edit rewrites.
type fileEdit struct {
	name, path    string
	before, after []byte
}

// recordFiles lists the record files a rename rewrites, in the order of the records.
func (in *Input) recordFiles() []fileEdit {
	var out []fileEdit
	for _, r := range in.Records.Records {
		b, ok := in.rewritten[r]
		if !ok {
			continue
		}
		path := r.File
		if rel, err := filepath.Rel(filepath.FromSlash(in.recordsAs), filepath.FromSlash(r.File)); err == nil {
			path = filepath.Join(in.recordsDir, rel)
		}
		out = append(out, fileEdit{name: r.File, path: path, before: r.Source, after: b})
	}
	return out
}

// write replaces the record files, then the plan. The plan goes last because its
// replacement is what makes the edit: until then a failed run is undone by writing the
// record files back as they were, and a run stopped between the two (a crash, a power
// cut) leaves records that name the new id while the plan has the old, which plan check
// reports and the same command run again completes.
func write(name, path string, data, out []byte, files []fileEdit) error {
	for i, f := range files {
		if err := atomicfile.Write(f.path, f.after, 0o644); err != nil {
			undo(files[:i])
			return cli.BadInputf("%s was not edited: %s: %v", name, f.name, fserr.Cause(err))
		}
	}
	if err := atomicfile.Write(path, out, 0o644); err != nil {
		undo(files)
		return cli.BadInput(err)
	}
	return nil
}

// undo writes back the record files already replaced, as they were.
func undo(done []fileEdit) {
	for _, f := range done {
		_ = atomicfile.Write(f.path, f.before, 0o644)
	}
}

// lostInRecords returns the references in the records to ids the plan has and after
// does not.
func (in *Input) lostInRecords(after *plan.Plan) []record.Reference {
	gone := in.Before.Gone(after, plan.RecordedLists)
	var out []record.Reference
	for _, r := range in.Records.References() {
		if gone[r.List][r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// integrityLinter runs the integrity rules alone, which an edit checks whatever it
// is; the whole of plan check runs only for the next steps.
func integrityLinter(cfg *config.Config) *lint.Linter {
	l := lint.New(cfg)
	l.Rules = slices.DeleteFunc(l.Rules, func(r rules.Rule) bool { return !integrityRules[r.ID] })
	return l
}

// refuseBroken refuses an edit whose result, after, has errors of the integrity rules
// (found) that the original did not have (had). A reference to an id that is not there
// gets a "did you mean" when the plan has one near it (edit.NearID).
func refuseBroken(name string, had, found []diag.Finding, after *plan.Plan) error {
	var broken []string
	for _, f := range newFindings(had, found) {
		if integrityRules[f.Rule] && f.Severity == diag.Error {
			broken = append(broken, f.Message+nearReference(f, after))
		}
	}
	if len(broken) > 0 {
		return cli.BadInputf("%s was not edited: %s", name, strings.Join(broken, "; "))
	}
	return nil
}

// nearReference is " (did you mean \"close\"?)" for an unknown-reference finding about a
// reference of p to an id near one its list has, else "".
func nearReference(f diag.Finding, p *plan.Plan) string {
	if f.Rule != "unknown-reference" {
		return ""
	}
	for _, r := range p.References() {
		ids := p.IDs(r.List)
		if r.Node == nil || r.Node.Line != f.Line || r.Node.Column != f.Col || slices.Contains(ids, r.ID) {
			continue
		}
		if near := edit.NearID(r.ID, ids); near != "" {
			return fmt.Sprintf(" (did you mean %q?)", near)
		}
	}
	return ""
}

// Done says what was done ("Removed stakeholders.traders from main.plan.yaml", and how
// many references went with it), then the next steps.
func Done(env *cli.Env, res *Result, did string, next []diag.Finding) {
	w := env.IO.Out
	fmt.Fprint(w, did)
	switch n, inRecords := len(res.References)+len(res.RecordReferences), len(res.RecordReferences); {
	case inRecords > 0:
		fmt.Fprintf(w, ", and %s to it (%d in engagement records)", wording.Plural(n, "reference"), inRecords)
	case n > 0:
		fmt.Fprintf(w, ", and %s to it", wording.Plural(n, "reference"))
	}
	fmt.Fprintln(w)
	PrintNextSteps(env, next)
}

// Dangling settles the references that an edit (a removal, a rename) leaves naming an id
// it took away, out and after being the edit made alone; those in the plan for which keep
// reports false go with the edit and are not counted. With fix, the edit is made again by
// redo, which is given the positions of those in the plan, and they are returned; the
// references in the records to a renamed id are renamed too. Without fix, the edit is
// refused with the reason refusal gives, told how many there are ("2 references"), and
// they are listed on stderr. A reference in a record to an id that goes (not renamed)
// refuses the edit, fix or not, worded with what (the edit: "removing activities.walk")
// and item (what to keep: "activities.walk"): a record is history, which an edit of the
// plan does not rewrite.
func (in *Input) Dangling(what, item string, after *plan.Plan, out []byte, keep func(plan.Reference) bool, fix bool, redo func([]edit.At) ([]byte, error), refusal func(count string) string) ([]byte, []plan.Reference, error) {
	before := in.Before
	var dangling []plan.Reference
	for _, r := range before.Lost(after) {
		if keep(r) {
			dangling = append(dangling, r)
		}
	}
	inRecords := in.lostInRecords(after)
	renames := before.Renamed(after, plan.RecordedLists)
	var removed []record.Reference
	for _, r := range inRecords {
		if _, ok := renames[r.List][r.ID]; !ok {
			removed = append(removed, r)
		}
	}
	if len(removed) > 0 {
		in.list(dangling, inRecords)
		return nil, nil, in.refuseRecords(removed, what, item)
	}
	if len(dangling) == 0 && len(inRecords) == 0 {
		return out, nil, nil
	}
	if !fix {
		in.list(dangling, inRecords)
		return nil, nil, cli.BadInputf("%s was not edited: %s", before.File, refusal(wording.Plural(len(dangling)+len(inRecords), "reference")))
	}
	if err := in.renameInRecords(inRecords, renames); err != nil {
		return nil, nil, err
	}
	if len(dangling) == 0 {
		return out, nil, nil
	}
	at := make([]edit.At, len(dangling))
	for i, r := range dangling {
		at[i] = edit.At{Line: r.Node.Line, Column: r.Node.Column}
	}
	out, err := redo(at)
	return out, dangling, err
}

// list prints the references on stderr, one a line, where editors can jump to them.
func (in *Input) list(refs []plan.Reference, inRecords []record.Reference) {
	w := in.env.IO.ErrOut
	for _, r := range refs {
		fmt.Fprintf(w, "%s:%d:%d: %s %s refers to %q\n", in.Before.File, r.Node.Line, r.Node.Column, r.Owner, r.Key, r.ID)
	}
	for _, r := range inRecords {
		fmt.Fprintf(w, "%s:%d:%d: record %s refers to %q\n", r.Record.File, r.Node.Line, r.Node.Column, r.Key, r.ID)
	}
}

// refuseRecords refuses an edit that would take away ids that the records refer to in
// refs (listed above it); what names the edit ("removing activities.walk"), item what to
// keep ("activities.walk").
func (in *Input) refuseRecords(refs []record.Reference, what, item string) error {
	ids := map[string]bool{}
	var names []string
	for _, r := range refs {
		if !ids[r.ID] {
			ids[r.ID] = true
			names = append(names, strconv.Quote(r.ID))
		}
	}
	return cli.BadInputf("%s was not edited: %s would leave %s in engagement records (above) naming %s, which the plan would no longer have; a record is history, which no edit of the plan rewrites (--with-references neither): keep %s in the plan, or edit the records by hand first",
		in.Before.File, what, wording.Plural(len(refs), "reference"), wording.List(names), item)
}

// renameInRecords makes the new bytes of each record file holding references renamed
// in renames (list, then old id to new), each reference keeping its quoting and comment.
func (in *Input) renameInRecords(refs []record.Reference, renames map[string]map[string]string) error {
	at := map[*record.Record][]edit.At{}
	texts := map[*record.Record][]string{}
	for _, r := range refs {
		at[r.Record] = append(at[r.Record], edit.At{Line: r.Node.Line, Column: r.Node.Column})
		texts[r.Record] = append(texts[r.Record], renames[r.List][r.ID])
	}
	in.rewritten = map[*record.Record][]byte{}
	for rec, positions := range at {
		out, err := edit.Rename(rec.Source, positions, texts[rec])
		if err != nil {
			var unsafe *edit.UnsafeEditError
			if errors.As(err, &unsafe) {
				return cli.BadInputf("%s was not edited: cannot rename the references in %s without disturbing the rest of it (%s); rename them by hand, then run again", in.Before.File, rec.File, unsafe.Reason)
			}
			return cli.BadInputf("%s was not edited: %s: %v", in.Before.File, rec.File, err)
		}
		if _, err := record.Parse(rec.File, out, plan.Options{MaxSize: int64(len(out)) + 1}); err != nil {
			return cli.BadInputf("%s was not edited: with the rename %s would not be a valid record: %s", in.Before.File, rec.File, Problem(err))
		}
		in.rewritten[rec] = out
	}
	in.renamed = refs
	return nil
}

// newFindings returns the findings of after that before does not have, matched by rule
// file and message, since lines move when lines are removed.
func newFindings(before, after []diag.Finding) []diag.Finding {
	seen := map[string]int{}
	for _, f := range before {
		seen[f.File+"\x00"+f.Rule+"\x00"+f.Message]++
	}
	var out []diag.Finding
	for _, f := range after {
		k := f.File + "\x00" + f.Rule + "\x00" + f.Message
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

// Invalid refuses an edit whose result, out, would not load, with its first problem
// about the value a user would name (ByID); with names the result ("with the new
// stakeholder", "without title"), "" calls it the result.
func Invalid(name, with string, out []byte, err error) error {
	var ee *cli.ExitError
	if errors.As(err, &ee) {
		return err
	}
	if with == "" {
		with = "the result"
	} else {
		with += " it"
	}
	_, msg := ByID(out, err)
	return cli.BadInputf("%s was not edited: %s would not be a valid plan: %s", name, with, msg)
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
