// Package removecmd implements `plan remove`, which removes one list entry or key of a
// plan by its path without changing any other byte of the file.
package removecmd

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planedit"
)

// Options are the flags and arguments of `plan remove`.
type Options struct {
	Env *cli.Env
	// File is the plan to edit; "" means the only plan file in the working directory.
	File string
	Path string
	// WithReferences removes the references to what is removed too.
	WithReferences bool
	DryRun         bool
	// Config is the --config flag.
	Config      string
	LockTimeout time.Duration
}

// NewCmd builds `plan remove`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "remove [FILE] PATH",
		Short: "Remove one list entry or key from a plan",
		Long: `Remove one entry of a list, or one key with its value, named by its path.

PATH is keys and ids joined by dots: stakeholders.traders, activities.drop-in,
stakeholders.traders.notes. A list entry without an id is named by its place,
counted from 0: policy.principles[2].

The entry goes with the comment lines that belong to it (directly above it, and
inside or directly below it, indented deeper than its dash); a blank line that
set it apart is not left doubled, and a list left with no entries becomes [] on
its key's line. Every other byte of the file stays as it was.

A removal that would leave a reference to a removed id (an activity's audience, a
decision's phase) is refused, and the references are listed with their lines,
unless --with-references removes them too: an entry of a list of references, or
the key that holds a single one. A removal that the plan's engagement records
refer to is refused whatever the flags: a record is history, so keep the entry,
or edit the records by hand. The edited plan is validated against the schema
before anything is written; the file is replaced atomically and concurrent runs
take turns.`,
		Example: `  plan remove stakeholders.traders
  plan remove engagement.plan.yaml timeline.phases.pilot --with-references
  plan remove stakeholders.traders.channels[1]
  plan remove activities.drop-in --dry-run`,
		Args: func(_ *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return cli.BadInputf("plan remove needs the PATH of what to remove: plan remove stakeholders.traders")
			case len(args) == 1 && discover.IsPlanName(args[0]):
				return cli.BadInputf("plan remove needs the PATH of what to remove after the file: plan remove %s stakeholders.traders", args[0])
			case len(args) > 2:
				return cli.BadInputf("plan remove takes [FILE] PATH, not %d arguments", len(args))
			}
			return nil
		},
		ValidArgsFunction: planedit.CompletePath(env),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 2 {
				opts.File, args = args[0], args[1:]
			}
			opts.Path = args[0]
			return runF(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.WithReferences, "with-references", false, "remove the references to what is removed too")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print a unified diff of the change and write nothing")
	cli.ConfigFlag(cmd, &opts.Config, "config file for the next steps' checks")
	return cmd
}

// Run removes the value, or prints the diff that would remove it.
func Run(opts *Options) error {
	path, err := edit.ParsePath(opts.Path)
	if err != nil {
		return cli.BadInput(err)
	}
	res, err := planedit.Run(planedit.Edit{
		Env: opts.Env, File: opts.File, Usage: "plan remove FILE PATH",
		DryRun: opts.DryRun, LockTimeout: opts.LockTimeout, Config: opts.Config, With: "without " + path.String(),
		Change: func(in *planedit.Input) ([]byte, []plan.Reference, error) {
			return change(opts, in, path)
		},
	})
	if err != nil || opts.DryRun {
		return err
	}
	planedit.Done(opts.Env, res, fmt.Sprintf("Removed %s from %s", path, res.Name), res.New())
	return nil
}

// change removes the value, and the references that would be left dangling when told
// to; otherwise those references refuse the removal.
func change(opts *Options, in *planedit.Input, path edit.Path) ([]byte, []plan.Reference, error) {
	data, before := in.Data, in.Before
	out, err := edit.Remove(data, path, nil)
	if err != nil {
		return nil, nil, err
	}
	target, err := path.Find(before.Root)
	if err != nil {
		return nil, nil, err
	}
	after, _, err := in.Parse(out)
	if err != nil {
		return nil, nil, planedit.Invalid(before.File, "without "+path.String(), out, err)
	}
	// A reference inside what is removed goes with it.
	outside := func(r plan.Reference) bool { return !edit.Inside(target, r.Node) }
	redo := func(also []edit.At) ([]byte, error) { return edit.Remove(data, path, also) }
	return in.Dangling("removing "+path.String(), path.String(), after, out, outside, opts.WithReferences, redo, func(count string) string {
		return fmt.Sprintf("removing %s would leave %s (above) pointing at nothing: remove them too with --with-references, or change them first", path, count)
	})
}
