// Package render implements `plan render`, which turns a plan into a report for the
// people who sign it off and the stakeholders it is shown to: GitHub-flavoured Markdown,
// or one self-contained HTML page.
package rendercmd

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/render"
	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
)

// Formats are the values of --format, the default first.
var Formats = []string{"md", "html"}

// Options are the flags and arguments of `plan render`.
type Options struct {
	Env        *cli.Env
	File       string
	Format     string
	Output     string
	Template   string
	CSS        string
	NoFindings bool
	// WithFindings keeps the tooling detail of the gaps: lines, rule ids, unused-ignore.
	WithFindings bool
	// FailOn is the lowest severity that makes render refuse (or "never"); a draft is
	// always refused under any level but never.
	FailOn string
	Config string
	Today  string
	// Settings is the layered configuration (defaults, file, PLAN_* variables, flags)
	// when NewCmd resolved it; nil makes Run read the file Config names.
	Settings *config.Config
	// Charts is a directory to write the charts into as SVG files of their own.
	Charts string
	// GitLookup finds the plan file's last commit; nil means lookupGit, which runs the
	// real git. Tests replace it.
	GitLookup func(path string) *report.GitInfo
}

// NewCmd builds `plan render`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "render [FILE]",
		Short: "Render a plan as a Markdown or HTML report to share and sign off",
		Long: `Render a plan as a report: every section the plan has, in the format's order,
from the summary and an "at a glance" block to the evaluation measures, with a
power/interest grid, an engagement assessment matrix and the timeline as charts.

Markdown (GitHub-flavoured, the default) draws the charts as Mermaid diagrams,
which GitHub shows as pictures. HTML is one self-contained page: inline CSS and
SVG charts, no JavaScript, nothing loaded from anywhere; it reads on a phone,
prints on A4 and follows the reader's light or dark setting. --template swaps in
your own html/template (see docs/render.md for the data it receives) and --css
adds a stylesheet after the built-in one.

Text the plan marks as Markdown is rendered safely: raw HTML is shown as text,
and only http, https and mailto links are kept. Everything else from the plan is
escaped.

The format follows the extension of -o (.md, .markdown, .html, .htm), and a
--format that the extension contradicts is refused; without -o the report goes
to standard output. Files are written atomically. The footer gives the date, the
version of plan and, when the plan is in a git repository, the commit and date of its
last change and whether it has uncommitted changes.

A plan with findings still renders, with an "Open gaps" section listing them
(unless --no-findings). While an error or a template placeholder is left the
report is a draft, and says DRAFT in its title, under it and, in HTML, across
every page on screen and in print. The report is written for a sponsor: rule
ids, lines and unused plan:ignore comments appear only with --with-findings,
and what plan:ignore comments silence is listed under "Accepted gaps" with
their reasons. --fail-on error (or PLAN_FAIL_ON=error) refuses to write a
draft, for CI; --fail-on warning also refuses one with warnings left.

--charts DIR also writes the power/interest grid, the engagement matrix and the
Gantt chart into DIR as grid.svg, matrix.svg and gantt.svg: standalone SVG files
for slides and documents, whatever the report's format.

Without FILE, the one *.plan.yaml or *.plan.yml file in the current directory is
used. Exit status: 0 when the report is written, 1 when --fail-on refuses it,
2 when the plan cannot be found or loaded, a flag or template is wrong, or the
output cannot be written.`,
		Example: `  plan render > plan.md
  plan render consultation.plan.yaml -o report.html
  plan render -o site/index.html --css brand.css --today 2027-03-15
  plan render --format html --template our-report.html.tmpl > report.html
  plan render -o site/index.html --fail-on error
  plan render -o report.html --charts slides/`,
	}
	cli.FileArg(cmd, &opts.File, func() error {
		cfg, err := env.Config(cmd.Flags())
		if err != nil {
			return err
		}
		opts.Settings, opts.FailOn = cfg, cfg.String("fail_on")
		return runF(opts)
	})
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "", "report format: md or html (default: from -o's extension, else md)")
	f.StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	f.StringVar(&opts.Template, "template", "", "html/template file to use instead of the built-in report (HTML only)")
	f.StringVar(&opts.CSS, "css", "", "stylesheet to inline after the built-in one (HTML only)")
	f.BoolVar(&opts.NoFindings, "no-findings", false, `leave out the "Open gaps" and "Accepted gaps" sections and the counts of errors and warnings`)
	f.BoolVar(&opts.WithFindings, "with-findings", false, "show each gap's line and rule id, and unused plan:ignore comments (for the plan's authors)")
	f.StringVar(&opts.FailOn, "fail-on", "never", "refuse to write a draft, or a report with findings of this severity or above: error, warning, info or never (also PLAN_FAIL_ON)")
	cli.ConfigFlag(cmd, &opts.Config, "")
	f.StringVar(&opts.Charts, "charts", "", "also write the charts into this directory as grid.svg, matrix.svg and gantt.svg, for slides")
	f.StringVar(&opts.Today, "today", "", "the day to mark as today and date the report, YYYY-MM-DD (default: today's local date)")
	cli.CompleteValues(cmd, "format", Formats)
	cli.CompleteValues(cmd, "fail-on", diag.FailLevels)
	_ = cmd.MarkFlagFilename("output", "md", "html")
	_ = cmd.MarkFlagFilename("template", "tmpl", "html")
	_ = cmd.MarkFlagFilename("css", "css")
	cli.CompleteNothing(cmd, "today")
	_ = cmd.MarkFlagDirname("charts")
	return cmd
}

// formatFor decides the format: --format, else -o's extension, else Markdown. A
// --format that -o's extension contradicts is refused: a file named r.md that holds HTML
// is opened by the wrong program, and neither can be what the user meant.
func formatFor(format, output string) (string, error) {
	byName := ""
	if output != "" && output != "-" {
		byName = formatOfName(output)
	}
	if format == "" {
		// Nothing is kept of a report written to /dev/null (docs/render.md's way to write
		// only the charts), so its format cannot matter: it is the default, as on stdout.
		if byName == "" && output != "" && output != "-" && output != os.DevNull {
			return "", fmt.Errorf("cannot tell the format from the name %s: end it in .md or .html, or give --format md or --format html", output)
		}
		return cmp.Or(byName, "md"), nil
	}
	given, ok := formatAliases[strings.ToLower(format)]
	if !ok {
		return "", fmt.Errorf("invalid --format %q: want %s", format, strings.Join(Formats, " or "))
	}
	if byName != "" && byName != given {
		fixed := strings.TrimSuffix(output, filepath.Ext(output)) + "." + given
		return "", fmt.Errorf("--format %s but -o %s names %s file: write to %s, or leave out --format and the format follows -o", format, output, formatNames[byName], fixed)
	}
	return given, nil
}

// formatNames name the formats in messages.
var formatNames = map[string]string{"md": "a Markdown", "html": "an HTML"}

// formatAliases are the names of each format that --format and -o's extension take.
var formatAliases = map[string]string{"md": "md", "markdown": "md", "html": "html", "htm": "html"}

// formatOfName is the format a file name's extension says, or "" for another extension.
func formatOfName(name string) string {
	return formatAliases[strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")]
}

// Run loads the plan, checks it, and writes the report.
func Run(opts *Options) error {
	env := opts.Env
	if err := cli.NotADirectory(env.Path(opts.Output), opts.Output, "report.html"); err != nil {
		return err
	}
	format, err := formatFor(opts.Format, opts.Output)
	if err != nil {
		return cli.BadInput(err)
	}
	if opts.NoFindings && opts.WithFindings {
		return cli.BadInputf("--no-findings and --with-findings contradict each other: give one")
	}
	cfg := opts.Settings
	if cfg == nil {
		if cfg, err = env.ConfigWith(opts.Config); err != nil {
			return err
		}
	}
	failAt, err := diag.ParseFailLevel(cmp.Or(opts.FailOn, "never"), cfg.From("fail_on"))
	if err != nil {
		return cli.BadInput(err)
	}
	if opts.Charts != "" {
		if err := chartsDir(env.Path(opts.Charts), opts.Charts); err != nil {
			return err
		}
	}
	if format != "html" && (opts.Template != "" || opts.CSS != "") {
		return cli.BadInputf("--template and --css apply to HTML reports only: add --format html or write to a .html file")
	}
	var page render.HTMLOptions
	if opts.Template != "" {
		src, err := readInput(env.Path(opts.Template), "--template "+opts.Template)
		if err != nil {
			return err
		}
		page.Template = &render.Template{Name: opts.Template, Source: string(src)}
	}
	if opts.CSS != "" {
		if page.CSS, err = readInput(env.Path(opts.CSS), "--css "+opts.CSS); err != nil {
			return err
		}
	}
	today, err := env.Today(opts.Today)
	if err != nil {
		return err
	}
	target, err := env.TargetIn(opts.File, cfg, "plan render FILE")
	if err != nil {
		return err
	}
	p, checked, err := target.LoadChecked()
	if err != nil {
		return err
	}
	name, path := target.Name, target.Path

	// The records make the progress section; they are read as plan check reads them, and
	// one that does not load is left out of it, which stderr says (and the open gaps).
	set, skipped, err := record.LoadFor(p, path, name, plan.Options{MaxSize: cfg.MaxFileSize})
	if err != nil {
		return cli.BadInput(err)
	}
	for _, f := range skipped {
		fmt.Fprintf(env.IO.ErrOut, "plan: %s:%d: left out of the progress section, it does not load: %s\n", f.File, f.Line, diag.Displayable(f.Message))
	}
	// The findings are worked out even with --no-findings: they decide whether the
	// report is a draft. They are plan check's as of the report's day, records and all.
	linter := lint.New(cfg)
	linter.Today = today
	found := linter.CheckPlanRecords(p, set, skipped)
	ro := report.Options{
		Records:      set,
		Findings:     found.Findings,
		Silenced:     found.Silenced,
		NoFindings:   opts.NoFindings,
		WithFindings: opts.WithFindings,
		Today:        today,
		Version:      env.Build.Version,
		Minimums:     checked.Settings.Minimums,
		Ideals:       checked.Settings.Ideals,
		Profile:      fmt.Sprintf("%s (%s)", checked.Chain[0].Title, checked.Name()),
	}
	lookup := opts.GitLookup
	if lookup == nil {
		lookup = lookupGit
	}
	ro.Git = lookup(path)
	inputs := map[string]string{path: "the plan " + name}
	if opts.Template != "" {
		inputs[env.Path(opts.Template)] = "the template " + opts.Template
	}
	if opts.CSS != "" {
		inputs[env.Path(opts.CSS)] = "the stylesheet " + opts.CSS
	}
	if err := cli.NotAnInput(env.Path(opts.Output), opts.Output, "the report", inputs); err != nil {
		return err
	}

	d := report.Build(p, ro)
	if err := refuse(failAt, d.Draft, found.Findings, name, cfg.From("fail_on")); err != nil {
		return err
	}
	var buf bytes.Buffer
	if format == "html" {
		err = render.HTML(&buf, d, page)
	} else {
		err = render.Markdown(&buf, d)
	}
	if err != nil {
		var te *render.TemplateError
		if errors.As(err, &te) || opts.Template != "" {
			// A custom template that does not parse or run is the user's to fix.
			return cli.BadInput(err)
		}
		return err
	}
	if err := env.WriteOutput(opts.Output, buf.Bytes()); err != nil {
		return err
	}
	if opts.Charts != "" {
		return writeCharts(env, env.Path(opts.Charts), opts.Charts, d)
	}
	return nil
}

// refuse is the error of a render that --fail-on stops (exit 1, nothing written): the
// report would be a draft, or findings at or above failAt remain. from names where the
// level was set (--fail-on, PLAN_FAIL_ON).
func refuse(failAt diag.Severity, draft *report.Draft, findings []diag.Finding, name, from string) error {
	if failAt == 0 {
		return nil
	}
	var left []string
	if draft != nil {
		left = draft.Left()
	}
	// Errors and placeholders are in the draft's reason already.
	counts := map[diag.Severity]int{}
	for _, f := range findings {
		if f.Severity >= failAt && f.Severity < diag.Error && f.Rule != rules.IDPlaceholder {
			counts[f.Severity]++
		}
	}
	if n := counts[diag.Warning]; n > 0 {
		left = append(left, wording.Plural(n, "warning"))
	}
	if n := counts[diag.Info]; n > 0 {
		left = append(left, wording.Plural(n, "finding")+" for information")
	}
	if len(left) == 0 {
		return nil
	}
	state := "still has"
	if draft != nil {
		state = "is a draft, with"
	}
	return &cli.ExitError{Code: cli.ExitFindings, Err: fmt.Errorf(
		"not writing the report (%s %s): %s %s %s; plan check %s lists them", from, failAt, name, state, wording.List(left), name)}
}
