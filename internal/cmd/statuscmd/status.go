// Package statuscmd implements `plan status`, which says where a plan stands today
// against its records: the phase, what falls due, what is overdue, whom the records
// show were engaged, and what was promised.
package statuscmd

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/status"
)

// Formats are the values of --format, the default first.
var Formats = []string{"text", "json", "md"}

// Options are the flags and arguments of `plan status`.
type Options struct {
	Env     *cli.Env
	File    string
	Format  string
	Today   string
	Horizon int
	Width   int
	Config  string
}

// NewCmd builds `plan status`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "status [FILE]",
		Short: "Say where the plan stands today, against its records",
		Long: `Say where a plan stands on a day, in one screen: the phase it is in and the
days left; what falls due in the next 14 days (activities, report-backs,
objectives, commitments); what is overdue (the findings of plan check --today
that depend on the day); coverage, the stakeholder groups the records show were
engaged against the plan, by participation level, and who has not been reached;
open commitments and grievances; and measures against their targets.

The records are read from the plan's records folder, as plan check reads them
(docs/records.md). A plan without records yet still gets its phase and what is
due. Without FILE, the one *.plan.yaml or *.plan.yml in the current directory is
used.

Formats:
  text  for a terminal: coloured there, plain when piped (NO_COLOR, --color)
  json  every figure, stable and documented field by field in docs/status.md
  md    GitHub Markdown, for a weekly update or a pull-request comment

Exit status: 0 whenever the status could be worked out, however behind the plan
is (plan check is the gate); 2 when the plan cannot be found or loaded, its
records folder cannot be read, or a flag is wrong.`,
		Example: `  plan status
  plan status consultation.plan.yaml --today 2027-03-15
  plan status --format md > status.md
  PLAN_TODAY=2027-03-15 plan status --format json | jq .coverage`,
	}
	cli.FileArg(cmd, &opts.File, func() error { return runF(opts) })
	f := cmd.Flags()
	cli.FormatFlag(cmd, &opts.Format, Formats)
	f.StringVar(&opts.Today, "today", "", "the day to report on, YYYY-MM-DD (default: "+config.EnvName("today")+", else today's local date)")
	f.IntVar(&opts.Horizon, "days", status.DefaultHorizon, "how many days ahead count as due soon")
	f.IntVarP(&opts.Width, "width", "w", 0, "width to fit the text to, in columns (default: the terminal's; none when piped)")
	cli.ConfigFlag(cmd, &opts.Config, "")
	cli.CompleteNothing(cmd, "today", "days", "width")
	return cmd
}

// Run loads the plan and its records, works out the state and writes it.
func Run(opts *Options) error {
	env := opts.Env
	if err := cli.OneOf("format", opts.Format, Formats); err != nil {
		return err
	}
	if opts.Horizon < 1 || opts.Horizon > 366 {
		return cli.BadInputf("--days must be from 1 to 366, not %d", opts.Horizon)
	}
	if opts.Width < 0 {
		return cli.BadInputf("--width must be positive, not %d", opts.Width)
	}
	today, err := env.Today(opts.Today)
	if err != nil {
		return err
	}
	target, err := env.Target(opts.File, opts.Config, "plan status FILE")
	if err != nil {
		return err
	}
	// Loaded as check loads it, so that a plan naming a profile no one defined is refused
	// here as it is there; status itself needs no settings.
	p, _, err := target.LoadChecked()
	if err != nil {
		return err
	}
	set, skipped, err := record.LoadFor(p, target.Path, target.Name, plan.Options{MaxSize: target.Config.MaxFileSize})
	if err != nil {
		return cli.BadInput(err)
	}
	s := status.Build(p, set, skipped, status.Options{Today: today, Horizon: opts.Horizon})
	s.FindOverdue(target.Config, p, set)

	out := env.IO.Out
	switch opts.Format {
	case "json":
		return status.WriteJSON(out, s)
	case "md":
		return status.WriteMarkdown(out, s)
	}
	// A terminal gets one screen, cut and wrapped to its width; text piped into a file
	// or a mail keeps every word, unless --width asks otherwise.
	width := opts.Width
	if width == 0 && env.IO.IsTTY() {
		width = env.IO.Width()
	}
	if err := status.WriteText(out, s, status.TextOptions{Width: width, Renderer: env.IO.Renderer()}); err != nil {
		return fmt.Errorf("writing the status: %w", err)
	}
	return nil
}
