package planedit

import (
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/edit"
)

// CompletePath completes the [FILE] PATH arguments of an editing command for the shell.
// As the first argument it offers the plan files in the directory and the paths of the
// only plan there; after a plan file, the paths of that plan. A path that leads on to
// more ends in "." or "[" and takes no space after it.
func CompletePath(env *cli.Env) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		none := cobra.ShellCompDirectiveNoFileComp
		dir, err := env.WorkDir()
		if err != nil || len(args) > 1 {
			return nil, none
		}
		var file string
		var out []string
		if len(args) == 1 {
			if !discover.IsPlanName(args[0]) {
				return nil, none
			}
			file = args[0]
		} else {
			if entries, err := os.ReadDir(dir); err == nil {
				for _, e := range entries {
					if n := e.Name(); e.Type().IsRegular() && discover.IsPlanName(n) && strings.HasPrefix(n, toComplete) {
						out = append(out, n)
					}
				}
			}
			file, _ = cli.OnlyPlan(dir, "")
		}
		if file != "" {
			if data, err := os.ReadFile(env.Path(file)); err == nil {
				out = append(out, edit.Completions(data, toComplete)...)
			}
		}
		return out, none | cobra.ShellCompDirectiveNoSpace
	}
}
