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

	"github.com/planascode/plan/internal/cli"
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
	err := root.Execute()
	if werr := ios.OutErr(); werr != nil {
		// Whatever the command made of it, its output is lost: it could not do its job,
		// and the cause lies outside plan.
		fmt.Fprintf(ios.ErrOut, "plan: cannot write to standard output: %v\n", fserr.Cause(werr))
		return cli.ExitBadInput
	}
	if err == nil {
		return cli.ExitOK
	}
	usage := isUsageError(err)
	if usage {
		err = cli.BadInput(err)
	}
	code = cli.Code(err)
	var ee *cli.ExitError
	if errors.As(err, &ee) && ee.Err == nil {
		return code
	}
	msg := strings.TrimSpace(err.Error())
	if usage {
		msg = oneLineUsage(msg)
	}
	if code == cli.ExitInternal {
		msg = "internal error: " + msg
	}
	// Our own messages are one line, but they quote paths and plan text, which may hold a
	// line break or an escape sequence.
	fmt.Fprintf(ios.ErrOut, "plan: %s\n", diag.Displayable(msg))
	return code
}

// isUsageError recognises the errors cobra itself raises for a command line it cannot
// parse, which carry no exit code of their own.
func isUsageError(err error) bool {
	var ee *cli.ExitError
	if errors.As(err, &ee) {
		return false
	}
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "required flag", "accepts ", "requires "} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}

// oneLineUsage folds cobra's usage errors, which may run over several lines, into one:
// its "Did you mean this?" list becomes a question at the end of the line.
func oneLineUsage(msg string) string {
	first, rest, _ := strings.Cut(msg, "\n")
	_, suggestions, ok := strings.Cut(rest, "Did you mean this?\n")
	if !ok {
		return first
	}
	var quoted []string
	for _, s := range strings.Fields(suggestions) {
		quoted = append(quoted, strconv.Quote(s))
	}
	if len(quoted) == 0 {
		return first
	}
	return first + ": did you mean " + strings.Join(quoted, " or ") + "?"
}

// NewRootCmd builds the command tree. Each call builds a fresh tree, so tests never share
// flag state.
func NewRootCmd(env *cli.Env) *cobra.Command {
	var color string
	root := &cobra.Command{
		Use:   "plan",
		Short: "Stakeholder engagement plans as code",
		Long: `plan keeps stakeholder engagement plans as YAML files in a git repository:
it scaffolds them, checks them for gaps, grows the stakeholder register,
shows the schedule and renders reports people can share.`,
		Example: `  plan init --title "Draft cycling strategy" --start 2027-03-01
  plan check
  plan timeline engagement.plan.yaml
  plan render -o report.html`,
		Version:       versionString(env.Build),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if err := env.IO.SetColorMode(color); err != nil {
				return cli.BadInput(err)
			}
			return nil
		},
	}
	root.SetVersionTemplate("plan {{.Version}}\n")
	root.SetIn(env.IO.In)
	root.SetOut(env.IO.Out)
	root.SetErr(env.IO.ErrOut)
	root.PersistentFlags().StringVar(&color, "color", iostreams.ColorAuto, "colour output: auto, always or never (auto honours NO_COLOR and colours only a terminal)")
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions([]string{"auto", "always", "never"}, cobra.ShellCompDirectiveNoFileComp))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return cli.BadInput(err) })
	root.AddCommand(subcommands(env)...)
	strictCompletion(root)
	strictHelp(root)
	return root
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

func versionString(b cli.BuildInfo) string {
	return fmt.Sprintf("%s (commit %s, built %s)", b.Version, b.Commit, b.Date)
}
