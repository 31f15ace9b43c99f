// Package timeline implements `plan timeline`, which shows a plan's schedule against the
// recommended minimum length of each phase, as a terminal chart or in a format other
// tools read.
package timelinecmd

import (
	"cmp"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/diag"
	sched "github.com/planascode/plan/internal/timeline"
)

// Formats are the values of --format, the default first.
var Formats = []string{"text", "json", "mermaid", "ics", "csv"}

// Options are the flags and arguments of `plan timeline`.
type Options struct {
	Env    *cli.Env
	File   string
	Format string
	Today  string
	Width  int
	Config string
}

// NewCmd builds `plan timeline`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "timeline [FILE]",
		Short: "Show the schedule at a glance, against the recommended minimums",
		Long: `Show a plan's phases on a timeline, each against the recommended minimum
(and ideal) length for its kind, with decision report-backs, dated activities and
objectives' deadlines as milestones.

Without FILE, the one *.plan.yaml or *.plan.yml file in the current directory is
used. The minimums come from .planrc.yaml (minimums and ideals, per phase kind),
found as plan check finds it, or from --config / PLAN_CONFIG.

Formats:
  text     a Gantt chart for the terminal, fitted to its width (or --width), with
           a marker for today; a phase below its minimum is flagged TOO SHORT
  json     every phase's dates, length, minimum, ideal and status, and the milestones
  mermaid  a gantt diagram: paste it into a mermaid code block on GitHub
  ics      an iCalendar file of all-day events; importing it again updates them
  csv      one row per phase and milestone, for spreadsheets

A phase whose dates cannot be worked out is left off the chart and listed beneath
it with the reason (json and csv: status "undated" and a reason; mermaid and ics:
left out, with the reason on stderr).

Exit status: 0 when the timeline is shown (even with phases that are too short
or undated: plan check is the gate), 2 when the file cannot be found or loaded,
a flag is wrong, or no phase at all can be dated.`,
		Example: `  plan timeline
  plan timeline consultation.plan.yaml --today 2027-03-15 --width 100
  plan timeline --format mermaid > timeline.mmd
  plan timeline --format ics > engagement.ics`,
	}
	cli.FileArg(cmd, &opts.File, func() error { return runF(opts) })
	f := cmd.Flags()
	cli.FormatFlag(cmd, &opts.Format, Formats)
	f.StringVar(&opts.Today, "today", "", "the day to mark as today, YYYY-MM-DD (default: today's local date)")
	f.IntVarP(&opts.Width, "width", "w", 0, fmt.Sprintf("width of the text chart in columns, at least %d (default: the terminal's)", sched.MinWidth))
	cli.ConfigFlag(cmd, &opts.Config, "")
	cli.CompleteNothing(cmd, "today", "width")
	return cmd
}

// Run loads the plan, works out its schedule and writes it in the chosen format.
func Run(opts *Options) error {
	env := opts.Env
	if err := cli.OneOf("format", opts.Format, Formats); err != nil {
		return err
	}
	if opts.Width != 0 && opts.Width < sched.MinWidth {
		return cli.BadInputf("--width must be at least %d columns, not %d", sched.MinWidth, opts.Width)
	}
	today, err := env.Today(opts.Today)
	if err != nil {
		return err
	}
	target, err := env.Target(opts.File, opts.Config, "plan timeline FILE")
	if err != nil {
		return err
	}
	p, checked, err := target.LoadChecked()
	if err != nil {
		return err
	}
	s, err := sched.Build(p, sched.Options{Minimums: checked.Settings.Minimums, Ideals: checked.Settings.Ideals, Today: today})
	// A phase that cannot be dated stops nothing while another can be: a published plan
	// often leaves its first phase's start unsaid, and a chart of the rest is still the
	// point of the command. Only a timeline with nothing to draw is bad input.
	if err != nil && (s == nil || !s.Drawable()) {
		return cli.BadInput(err)
	}
	if err := write(env.IO.Out, opts, s); err != nil {
		return err
	}
	if opts.Format == "mermaid" || opts.Format == "ics" {
		// A diagram or a calendar has no place to say why a phase is missing, so it is
		// said on stderr, which a redirect into a file does not take.
		for _, ph := range s.Undated() {
			fmt.Fprintf(env.IO.ErrOut, "plan: %s\n", diag.Displayable(fmt.Sprintf(
				"%s: phase %q is not shown: its dates cannot be worked out: %s", lineRef(s.File, ph.Line), ph.ID, ph.Reason)))
		}
	}
	return nil
}

// lineRef is FILE:LINE, or FILE when the line is unknown.
func lineRef(file string, line int) string {
	if line > 0 {
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}

func write(w io.Writer, opts *Options, s *sched.Schedule) error {
	switch opts.Format {
	case "json":
		return sched.WriteJSON(w, s)
	case "mermaid":
		return sched.WriteMermaid(w, s)
	case "ics":
		return sched.WriteICS(w, s)
	case "csv":
		return sched.WriteCSV(w, s)
	}
	ios := opts.Env.IO
	return sched.WriteText(w, s, sched.TextOptions{Width: cmp.Or(opts.Width, ios.Width()), Renderer: ios.Renderer()})
}
