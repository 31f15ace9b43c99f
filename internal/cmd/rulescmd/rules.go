// Package rulescmd implements `plan rules`, the rule reference in the terminal.
package rulescmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
)

// NewCmd builds `plan rules`.
func NewCmd(env *cli.Env) *cobra.Command {
	return &cobra.Command{
		Use:   "rules [RULE-ID]",
		Short: "List the lint rules, or explain one",
		Long: `Without an argument, list every rule of plan check with its default severity
and a one-line summary. With a rule id, print its full documentation: what it
finds, why it matters, and how to fix it. The same text is in docs/rules.md.`,
		Example: `  plan rules
  plan rules phase-too-short`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, r := range rules.All() {
				ids = append(ids, r.ID+"\t"+r.Summary)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			out := env.IO.Out
			if len(args) == 1 {
				r, ok := rules.ByID(args[0])
				if !ok {
					var ids []string
					for _, r := range rules.All() {
						ids = append(ids, r.ID)
					}
					if near := wording.Closest(args[0], ids); near != "" {
						return cli.BadInputf("unknown rule %q: did you mean %q? (plan rules lists them)", args[0], near)
					}
					return cli.BadInputf("unknown rule %q: run `plan rules` for the list", args[0])
				}
				_, err := fmt.Fprint(out, r.Text())
				return err
			}
			all := rules.All()
			width := 0
			for _, r := range all {
				width = max(width, len(r.ID))
			}
			for _, r := range all {
				if _, err := fmt.Fprintf(out, "%-*s  %-7s  %s\n", width, r.ID, r.Severity, r.Summary); err != nil {
					return err
				}
			}
			_, err := fmt.Fprintf(out, "\n%d rules. %s\n", len(all), "Run `plan rules ID` for one rule's documentation.")
			return err
		},
	}
}
