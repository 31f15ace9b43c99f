package cli

import (
	"cmp"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/config"
)

// FileArg gives cmd its one argument, FILE, which may be left out and is completed with
// plan files: the command puts it, when given, in *file and calls run.
func FileArg(cmd *cobra.Command, file *string, run func() error) {
	cmd.Args = cobra.MaximumNArgs(1)
	cmd.ValidArgsFunction = CompletePlanFiles
	cmd.RunE = func(_ *cobra.Command, args []string) error {
		if len(args) == 1 {
			*file = args[0]
		}
		return run()
	}
}

// CompletePlanFiles is the shell completion of a command's FILE argument: plan files only.
func CompletePlanFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return []string{"plan.yaml", "plan.yml"}, cobra.ShellCompDirectiveFilterFileExt
}

// ConfigFlag adds -c/--config, the .planrc.yaml a command reads, with its completion.
// usage says what the file is for when that differs from the usual ("config file for
// the next steps' checks"); "" says "config file".
func ConfigFlag(cmd *cobra.Command, file *string, usage string) {
	cmd.Flags().StringVarP(file, "config", "c", "", cmp.Or(usage, "config file")+" (default: .planrc.yaml found upwards; also "+config.EnvVar+")")
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
}

// FormatFlag adds -f/--format, the output format: one of formats, the first by default.
func FormatFlag(cmd *cobra.Command, format *string, formats []string) {
	cmd.Flags().StringVarP(format, "format", "f", formats[0], "output format: "+strings.Join(formats, ", "))
	CompleteValues(cmd, "format", formats)
}

// CompleteValues completes flag with values, and nothing else.
func CompleteValues(cmd *cobra.Command, flag string, values []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// CompleteNothing completes none of flags: their values are typed (a day, a number, an
// id, text), so the shell must not offer file names.
func CompleteNothing(cmd *cobra.Command, flags ...string) {
	for _, flag := range flags {
		_ = cmd.RegisterFlagCompletionFunc(flag, cobra.NoFileCompletions)
	}
}

// OneOf refuses a value of --flag that is none of want, naming them (exit 2).
func OneOf(flag, value string, want []string) error {
	if slices.Contains(want, value) {
		return nil
	}
	return BadInputf("invalid --%s %q: want %s", flag, value, strings.Join(want, ", "))
}
