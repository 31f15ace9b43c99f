// Package setcmd implements `plan set`, which changes one value of a plan by its path
// without changing any other byte of the file.
package setcmd

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planedit"
)

// Options are the flags and arguments of `plan set`.
type Options struct {
	Env *cli.Env
	// File is the plan to edit; "" means the only plan file in the working directory.
	File  string
	Path  string
	Value string
	// String writes Value as text even where YAML would read it as a number, a
	// boolean or a date.
	String bool
	// UpdateReferences renames an id together with the references to it.
	UpdateReferences bool
	DryRun           bool
	// Config is the --config flag.
	Config      string
	LockTimeout time.Duration
}

// NewCmd builds `plan set`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "set [FILE] PATH VALUE",
		Short: "Change one value of a plan",
		Long: `Change one value of a plan, named by its path, or add the key when its
mapping lacks it.

PATH is keys and ids joined by dots: title, stakeholders.traders.influence,
timeline.phases.consult.end. A list entry without an id is named by its place,
counted from 0: policy.principles[0], stakeholders.traders.channels[1].

The edit changes nothing else: every comment (one after the value too), blank
line, key order and line ending stays as it was, and the value keeps its quoting
style where the new value allows it. A key the mapping lacks is added where the
format puts it among its neighbours.

VALUE is written as YAML reads it: 6 is a number, true a boolean, 2027-03-31 a
date, where the plan's format wants one; anywhere else it is text, quoted where
YAML would read it otherwise. --string always writes text. A negative number
needs -- before the arguments: plan set -- timeline.phases.consult.weeks -1.
A blank VALUE is refused: to take a value out, use plan remove.

Before anything is written the edited plan is validated against the schema, and
an edit that would leave a reference to an id that is not there, or an id used
twice, is refused. Setting an id renames the item: while other fields refer to
it, the rename is refused (they are listed) unless --update-references renames
them too, in the plan's engagement records as well. A plan that already breaks
the schema may be edited when the edit fixes at least one of its problems and
adds none. The file is replaced atomically and concurrent runs take turns.`,
		Example: `  plan set stakeholders.traders.influence high
  plan set engagement.plan.yaml timeline.phases.consult.end 2027-04-30
  plan set version 2.1
  plan set stakeholders.traders.id high-street-traders --update-references
  plan set policy.principles[0] "Inclusion first" --dry-run`,
		Args:              checkArgs,
		ValidArgsFunction: planedit.CompletePath(env),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 3 {
				opts.File, args = args[0], args[1:]
			}
			opts.Path, opts.Value = args[0], args[1]
			return runF(opts)
		},
	}
	cmd.SetFlagErrorFunc(flagError)
	f := cmd.Flags()
	f.BoolVar(&opts.String, "string", false, "write VALUE as text, even where YAML would read it as a number, boolean or date")
	f.BoolVar(&opts.UpdateReferences, "update-references", false, "when setting an id, rename the references to it too")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print a unified diff of the change and write nothing")
	cli.ConfigFlag(cmd, &opts.Config, "config file for the next steps' checks")
	return cmd
}

// checkArgs says which of PATH and VALUE is missing, in words: a plan file given first
// with one more argument is FILE PATH without VALUE, not PATH VALUE.
func checkArgs(_ *cobra.Command, args []string) error {
	const example = "plan set stakeholders.traders.influence high"
	switch {
	case len(args) == 1 && discover.IsPlanName(args[0]):
		return cli.BadInputf("plan set needs PATH and VALUE after the file: plan set %s stakeholders.traders.influence high", args[0])
	case len(args) < 2:
		return cli.BadInputf("plan set needs PATH and VALUE: %s", example)
	case len(args) == 2 && discover.IsPlanName(args[0]):
		return cli.BadInputf("plan set needs a VALUE after the PATH: plan set %s %s VALUE", args[0], args[1])
	case len(args) > 3:
		return cli.BadInputf("plan set takes [FILE] PATH VALUE, not %d arguments: quote a VALUE with spaces, as plan set title \"Main Street: have your say\"", len(args))
	}
	return nil
}

// flagError explains a VALUE that starts with a dash, which the shell passes as a flag.
func flagError(cmd *cobra.Command, err error) error {
	var unknown *pflag.NotExistError
	if errors.As(err, &unknown) && unknown.GetSpecifiedShortnames() != "" {
		if name := unknown.GetSpecifiedName(); name != "" && (name[0] >= '0' && name[0] <= '9' || name[0] == '.') {
			return cli.BadInputf("%v: a VALUE that starts with - is read as a flag; put -- before PATH: plan set -- PATH -%s", err, unknown.GetSpecifiedShortnames())
		}
	}
	if cmd.HasParent() {
		return cmd.Parent().FlagErrorFunc()(cmd, err)
	}
	return cli.BadInput(err)
}

// Run sets the value, or prints the diff that would set it.
func Run(opts *Options) error {
	path, err := edit.ParsePath(opts.Path)
	if err != nil {
		return cli.BadInput(err)
	}
	if strings.TrimSpace(opts.Value) == "" {
		// As the add commands refuse a blank flag: a slip, or a way to empty a value that
		// plan remove says better.
		return cli.BadInputf("VALUE is blank: a plan holds no empty text; to take the value out, use plan remove %s", path)
	}
	res, err := planedit.Run(planedit.Edit{
		Env: opts.Env, File: opts.File, Usage: "plan set FILE PATH VALUE",
		DryRun: opts.DryRun, LockTimeout: opts.LockTimeout, Config: opts.Config,
		Change: func(in *planedit.Input) ([]byte, []plan.Reference, error) {
			return change(opts, in, path)
		},
	})
	if err != nil || opts.DryRun {
		return err
	}
	subject, err := path.Subject(res.After.Root)
	if err != nil {
		// A renamed id is no longer on the path; the findings the change brought remain.
		subject = ""
	}
	planedit.Done(opts.Env, res, fmt.Sprintf("Set %s to %s in %s", path, written(res.After.Root, path, opts.Value), res.Name), concerning(res.All(), res.New(), subject))
	return nil
}

// written shows value as the plan now holds it at path: bare where it was written as a
// number, a boolean or a date (weeks to 3), quoted where it is text (title to "2027").
func written(root *yaml.Node, path edit.Path, value string) string {
	if n, err := path.Find(root); err == nil && n != nil && n.Kind == yaml.ScalarNode {
		switch n.ShortTag() {
		case "!!int", "!!float", "!!bool", "!!timestamp":
			return value
		}
	}
	return strconv.Quote(value)
}

// change makes the edit: VALUE as YAML reads it where that validates, else as text; and
// for a rename, the references to the old id, which refuse it unless they are to be
// renamed too.
func change(opts *Options, in *planedit.Input, path edit.Path) ([]byte, []plan.Reference, error) {
	data := in.Data
	try := func(v edit.Value) ([]byte, *plan.Plan, error) {
		out, err := edit.Set(data, path, v, nil)
		if err != nil {
			return nil, nil, err
		}
		after, _, err := in.Parse(out)
		return out, after, err
	}
	v := edit.Value{Text: opts.Value, Typed: !opts.String}
	out, after, err := try(v)
	var invalid *plan.Error
	if errors.As(err, &invalid) && v.Typed {
		// 2027 for a title, 2.1 for a version: text is what the format wants there.
		if o, a, err2 := try(edit.Value{Text: opts.Value}); err2 == nil {
			v, out, after, err = edit.Value{Text: opts.Value}, o, a, nil
		}
	}
	if errors.As(err, &invalid) {
		where, msg := planedit.ByID(out, err)
		if lower := strings.ToLower(opts.Value); lower != opts.Value {
			// High for high: the format's words are lower case.
			if _, _, err := try(edit.Value{Text: lower, Typed: v.Typed}); err == nil {
				msg += fmt.Sprintf(": did you mean %q?", lower)
			}
		}
		return nil, nil, cli.BadInputf("%s: not edited: %s", where, msg)
	}
	if err != nil {
		return nil, nil, err
	}
	every := func(plan.Reference) bool { return true }
	redo := func(also []edit.At) ([]byte, error) { return edit.Set(data, path, v, also) }
	return in.Dangling("renaming "+path.String(), path.String(), after, out, every, opts.UpdateReferences, redo, func(count string) string {
		return fmt.Sprintf("%s renames an id that %s (above) still name: rename them too with --update-references, or change them first", path, count)
	})
}

// concerning keeps the findings on subject (a JSON pointer) or under it, and those the
// change brought.
func concerning(all, fresh []diag.Finding, subject string) []diag.Finding {
	// A set, not slices.Contains: when the plan as read broke the schema, fresh is all of
	// them, and a search per finding made a plan with thousands of findings take seconds.
	isNew := make(map[diag.Finding]bool, len(fresh))
	for _, f := range fresh {
		isNew[f] = true
	}
	var out []diag.Finding
	for _, f := range all {
		if isNew[f] || subject != "" && (f.Pointer == subject || strings.HasPrefix(f.Pointer, subject+"/")) {
			out = append(out, f)
		}
	}
	return out
}
