// Package app builds the root command, lists the subcommands, and turns what they return
// into an exit code and at most one line on stderr.
package app

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/iostreams"
)

// Main runs the plan command line with args (without the program name) and returns the
// exit code. It never panics: an unexpected failure is exit 3 with a one-line message.
func Main(args []string, ios *iostreams.IOStreams, build cli.BuildInfo) (code int) {
	tuneGC(os.Getenv)
	env := &cli.Env{IO: ios, Build: build, Now: time.Now, Getenv: os.Getenv}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(ios.ErrOut, "plan: internal error: %v (please report this)\n", r)
			code = cli.ExitInternal
		}
	}()
	root := NewRootCmd(env)
	root.SetArgs(args)
	err := execute(root, args)
	if werr := ios.OutErr(); werr != nil {
		// Whatever the command made of it, its output is lost: it could not do its job,
		// and the cause lies outside plan.
		fmt.Fprintf(ios.ErrOut, "plan: cannot write to standard output: %v\n", fserr.Cause(werr))
		return cli.ExitBadInput
	}
	if err == nil {
		return cli.ExitOK
	}
	code = cli.Code(err)
	var ee *cli.ExitError
	if errors.As(err, &ee) && ee.Err == nil {
		return code
	}
	msgs := []string{strings.TrimSpace(err.Error())}
	// An error that joins several (every mistake in a .planrc.yaml) and adds nothing of
	// its own is one message per line, each a FILE:LINE an editor can jump to.
	var joined interface{ Unwrap() []error }
	if errors.As(err, &joined) && joined.(error).Error() == err.Error() {
		msgs = msgs[:0]
		for _, e := range joined.Unwrap() {
			msgs = append(msgs, strings.TrimSpace(e.Error()))
		}
	}
	for _, msg := range msgs {
		if code == cli.ExitInternal {
			msg = "internal error: " + msg
		}
		// Our own messages are one line, but they quote paths and plan text, which may
		// hold a line break or an escape sequence.
		fmt.Fprintf(ios.ErrOut, "plan: %s\n", diag.Displayable(msg))
	}
	return code
}

// NewRootCmd builds the command tree. Each call builds a fresh tree, so tests never share
// flag state.
func NewRootCmd(env *cli.Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "plan",
		Short: "Stakeholder engagement plans as code",
		Long: `plan keeps stakeholder engagement plans as YAML files in a git repository:
it scaffolds them, checks them for gaps, grows the stakeholder register,
records what was done and checks it against the plan, shows the schedule
and renders reports people can share.`,
		Example: `  plan init --title "Draft cycling strategy" --start 2027-03-01
  plan check
  plan timeline engagement.plan.yaml
  plan render -o report.html`,
		Version:       fmt.Sprintf("%s (commit %s, built %s)", env.Build.Version, env.Build.Commit, env.Build.Date),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			// --color, else PLAN_COLOR, else auto; no command's config file has a say. Only
			// --color joins: another flag of the command may share a config option's name
			// and mean something else (add-stakeholder's --profile is the group's profile).
			colorOnly := pflag.NewFlagSet("color", pflag.ContinueOnError)
			if f := cmd.Flags().Lookup("color"); f != nil {
				colorOnly.AddFlag(f)
			}
			cfg, err := config.Resolve(config.Layers{Getenv: env.Var, Flags: colorOnly, NoFile: true})
			if err != nil {
				return cli.BadInput(err)
			}
			if mode := cfg.String("color"); env.IO.SetColorMode(mode) != nil {
				return cli.BadInputf("invalid %s %q: want auto, always or never", cfg.From("color"), mode)
			}
			// Cobra checks these after this hook, with errors of no type of their own.
			if err := cmd.ValidateRequiredFlags(); err != nil {
				return cli.BadInput(err)
			}
			if err := cmd.ValidateFlagGroups(); err != nil {
				return cli.BadInput(err)
			}
			return nil
		},
	}
	root.SetVersionTemplate("plan {{.Version}}\n")
	root.SetIn(env.IO.In)
	root.SetOut(env.IO.Out)
	root.SetErr(env.IO.ErrOut)
	root.PersistentFlags().String("color", iostreams.ColorAuto, "colour output: auto, always or never (auto honours NO_COLOR and colours only a terminal)")
	cli.CompleteValues(root, "color", []string{"auto", "always", "never"})
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return cli.BadInput(err) })
	root.AddCommand(subcommands(env)...)
	strictCompletion(root)
	strictHelp(root)
	typedArgErrors(root)
	return root
}

// execute runs the command line. Cobra refuses a command it does not know from Find, with
// an error of no type of its own: an untyped error that Find raises too is that refusal,
// worded here as bad input. (Find is asked after Execute, which adds the hidden commands
// of shell completion.)
func execute(root *cobra.Command, args []string) error {
	err := root.Execute()
	var ee *cli.ExitError
	if err == nil || errors.As(err, &ee) {
		return err
	}
	cmd, rest, ferr := root.Find(args)
	if ferr == nil {
		return err
	}
	name := ""
	if cmd.ParseFlags(rest) == nil && cmd.Flags().NArg() > 0 {
		name = cmd.Flags().Arg(0)
	}
	for _, a := range rest {
		if name == "" && !strings.HasPrefix(a, "-") {
			name = a
		}
	}
	msg := fmt.Sprintf("unknown command %q for %q", name, cmd.CommandPath())
	if s := cmd.SuggestionsFor(name); len(s) > 0 {
		quoted := make([]string, len(s))
		for i, name := range s {
			quoted[i] = strconv.Quote(name)
		}
		msg += ": did you mean " + strings.Join(quoted, " or ") + "?"
	}
	return cli.BadInput(errors.New(msg))
}

// typedArgErrors makes the error of every command's argument check bad input (exit 2)
// by its type. Flag errors already are, through the root's FlagErrorFunc.
func typedArgErrors(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return cli.BadInput(err)
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		typedArgErrors(sub)
	}
}

// strictHelp makes `plan help TOPIC` refuse a topic that is no command. Cobra's own help
// command prints "Unknown help topic" and the usage, and exits 0.
func strictHelp(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() != "help" || c.Run == nil {
			continue
		}
		show := c.Run
		c.Run = nil
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if found, rest, err := cmd.Root().Find(args); found == nil || err != nil || len(rest) > 0 {
				return cli.BadInputf("unknown help topic %q: run plan help to list the commands", strings.Join(args, " "))
			}
			show(cmd, args)
			return nil
		}
	}
}

// strictCompletion makes `plan completion SHELL` refuse a shell it does not know. Cobra's
// own completion command only has subcommands, so it answers `plan completion bogus`
// with its help and exit 0, which a setup script would take for success.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sub := range c.Commands() {
			shells = append(shells, sub.Name())
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return cli.BadInputf("unknown shell %q for completion: choose %s", args[0], strings.Join(shells, ", "))
		}
	}
}
