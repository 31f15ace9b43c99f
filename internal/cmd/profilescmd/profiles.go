// Package profilescmd implements `plan profiles`: the kinds of plan, and what each asks.
package profilescmd

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/profile"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
)

// NewCmd builds `plan profiles`.
func NewCmd(env *cli.Env) *cobra.Command {
	var configFile string
	cmd := &cobra.Command{
		Use:   "profiles [NAME]",
		Short: "List the kinds of plan, or explain what one asks",
		Long: `A profile says what a kind of plan must contain and how strictly it is checked:
each rule's severity, the phase kinds and their minimum lengths, the roles that must
be filled, the fields objectives and stakeholders need. A plan names its profile
with "profile:" at its top; --profile, PLAN_PROFILE or .planrc.yaml's "profile:"
set the default, which is otherwise online-engagement.

Without an argument, list the built-in profiles and those .planrc.yaml defines.
With a name, say what that profile asks, where it differs from online-engagement,
and its sources. The same text for the built-ins is in docs/profiles.md.`,
		Example: `  plan profiles
  plan profiles ess10`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return config.Default().Profiles.Names(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := env.Config(cmd.Flags())
			if err != nil {
				return err
			}
			if len(args) == 0 {
				return list(env.IO.Out, cfg.Profiles)
			}
			if _, ok := cfg.Profiles.Get(args[0]); !ok {
				return cli.BadInput(cfg.Profiles.Unknown(args[0]))
			}
			r, err := cfg.Profiles.Resolve(args[0])
			if err != nil {
				return cli.BadInput(err)
			}
			return Explain(env.IO.Out, r)
		},
	}
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "config file whose profiles to include (default: .planrc.yaml found upwards; also "+config.EnvVar+")")
	return cmd
}

func list(w io.Writer, set *profile.Set) error {
	names := set.Names()
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	var b strings.Builder
	for _, n := range names {
		p, _ := set.Get(n)
		title := p.Title
		if n == profile.Default {
			title += " (the default)"
		}
		if !p.Builtin {
			title += " (.planrc.yaml)"
		}
		fmt.Fprintf(&b, "%-*s  %s\n", width, n, title)
	}
	fmt.Fprintf(&b, "\n%d profiles. Run `plan profiles NAME` for what one asks.\n", len(names))
	_, err := io.WriteString(w, b.String())
	return err
}

// Explain writes what the resolved profile asks, for people: its summary, then each
// setting where it differs from the default profile, with the profile's reason, then
// its sources.
func Explain(w io.Writer, r *profile.Resolved) error {
	var b strings.Builder
	p := r.Chain[0]
	fmt.Fprintf(&b, "%s: %s\n", p.Name, p.Title)
	if len(r.Chain) > 1 {
		fmt.Fprintf(&b, "extends: %s\n", profile.ChainNames(r.Chain[1:]))
	}
	if p.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", wrap(p.Summary))
	}
	s := r.Settings
	b.WriteString("\nWhat it asks:\n")
	item := func(format string, args ...any) { fmt.Fprintf(&b, "  - "+format+"\n", args...) }
	item("objectives need: %s", orNone(s.ObjectiveFields))
	item("stakeholders need: %s", orNone(s.StakeholderFields))
	item("required roles: %s; optional roles: %s", orNone(s.RequiredRoles), orNone(s.OptionalRoles))
	item("phases required: %s; advised: %s", orNone(s.RequiredPhases), orNone(s.AdvisedPhases))
	item("minimum phase lengths: %s", lengths(s.Minimums))
	if len(s.Ideals) > 0 {
		item("ideal phase lengths: %s", lengths(s.Ideals))
	}
	if s.PhasesMayOverlap {
		item("phases may overlap")
	}
	if s.VulnerableGroups {
		item("the register names at least one vulnerable group")
	}
	changed := map[string]string{}
	why := map[string]string{}
	for i := len(r.Chain) - 1; i >= 0; i-- {
		maps.Copy(changed, r.Chain[i].Rules)
		maps.Copy(why, r.Chain[i].Why)
	}
	if len(changed) > 0 {
		b.WriteString("\nRules set apart from their default severity:\n")
		for _, id := range slices.Sorted(maps.Keys(changed)) {
			def := ""
			if rule, ok := rules.ByID(id); ok {
				def = fmt.Sprintf(" (default %s)", rule.Severity)
			}
			fmt.Fprintf(&b, "  - %s: %s%s\n", id, changed[id], def)
			if why[id] != "" {
				fmt.Fprintf(&b, "%s\n", indent(wrap(why[id]), "    "))
			}
		}
	}
	var sources []string
	for _, c := range r.Chain {
		sources = append(sources, c.Sources...)
	}
	if len(sources) > 0 {
		b.WriteString("\nSources:\n")
		for _, src := range sources {
			fmt.Fprintf(&b, "  - %s\n", strings.ReplaceAll(wrap(src), "\n", "\n    "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "nothing in particular"
	}
	return strings.Join(list, ", ")
}

func lengths(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	var parts []string
	for _, kind := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %s", kind, wording.DaysInWords(m[kind])))
	}
	return strings.Join(parts, ", ")
}

// wrap folds text into lines of at most 78 characters.
func wrap(text string) string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > 78 {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return strings.Join(append(lines, line), "\n")
}

func indent(text, prefix string) string {
	return prefix + strings.ReplaceAll(text, "\n", "\n"+prefix)
}
