// Package render implements `plan render`, which turns a plan into a report for the
// people who sign it off and the stakeholders it is shown to: GitHub-flavoured Markdown,
// or one self-contained HTML page.
package rendercmd

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/atomicfile"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/render"
	"github.com/planascode/plan/internal/report"
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
	Config     string
	Today      string
	// GitLookup finds the plan file's last commit; nil means lookupGit, which runs the
	// real git. Tests replace it.
	GitLookup func(path string) *report.GitInfo
}

// NewCmd builds `plan render`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
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

The format follows the extension of -o (.md, .markdown, .html, .htm) unless
--format says otherwise; without -o the report goes to standard output. Files
are written atomically. A plan with findings still renders, with an "Open gaps"
section listing them, unless --no-findings. The footer gives the date, the
version of plan and, when the plan is in a git repository, the commit and date of its
last change and whether it has uncommitted changes.

Without FILE, the one *.plan.yaml or *.plan.yml file in the current directory is
used. Exit status: 0 when the report is written, 2 when the plan cannot be found
or loaded, a flag or template is wrong, or the output cannot be written.`,
		Example: `  plan render > plan.md
  plan render consultation.plan.yaml -o report.html
  plan render -o site/index.html --css brand.css --today 2027-03-15
  plan render --format html --template our-report.html.tmpl > report.html`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: cli.CompletePlanFiles,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "", "report format: md or html (default: from -o's extension, else md)")
	f.StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	f.StringVar(&opts.Template, "template", "", "html/template file to use instead of the built-in report (HTML only)")
	f.StringVar(&opts.CSS, "css", "", "stylesheet to inline after the built-in one (HTML only)")
	f.BoolVar(&opts.NoFindings, "no-findings", false, `leave out the "Open gaps" section and the counts of errors and warnings`)
	f.StringVarP(&opts.Config, "config", "c", "", "config file (default: .planrc.yaml found upwards; also "+config.EnvVar+")")
	f.StringVar(&opts.Today, "today", "", "the day to mark as today and date the report, YYYY-MM-DD (default: today's local date)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(Formats, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"md", "html"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = cmd.RegisterFlagCompletionFunc("template", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"tmpl", "html"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = cmd.RegisterFlagCompletionFunc("css", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"css"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = cmd.RegisterFlagCompletionFunc("config", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	_ = cmd.RegisterFlagCompletionFunc("today", cobra.NoFileCompletions)
	return cmd
}

// formatFor decides the format: --format, else -o's extension, else Markdown.
func formatFor(format, output string) (string, error) {
	if format != "" {
		switch strings.ToLower(format) {
		case "md", "markdown":
			return "md", nil
		case "html", "htm":
			return "html", nil
		}
		return "", fmt.Errorf("invalid --format %q: want %s", format, strings.Join(Formats, " or "))
	}
	if output == "" || output == "-" {
		return "md", nil
	}
	switch strings.ToLower(filepath.Ext(output)) {
	case ".md", ".markdown":
		return "md", nil
	case ".html", ".htm":
		return "html", nil
	}
	return "", fmt.Errorf("cannot tell the format from the name %s: end it in .md or .html, or give --format md or --format html", output)
}

// Run loads the plan, checks it, and writes the report.
func Run(opts *Options) error {
	env := opts.Env
	if err := notADirectory(env.Path(opts.Output), opts.Output); err != nil {
		return err
	}
	format, err := formatFor(opts.Format, opts.Output)
	if err != nil {
		return cli.BadInput(err)
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
	target, err := env.Target(opts.File, opts.Config, "plan render FILE")
	if err != nil {
		return err
	}
	p, err := target.Load()
	if err != nil {
		return err
	}
	name, path, cfg := target.Name, target.Path, target.Config
	checked, err := target.Settings(p)
	if err != nil {
		return err
	}

	ro := report.Options{
		NoFindings: opts.NoFindings,
		Today:      today,
		Version:    env.Build.Version,
		Minimums:   checked.Settings.Minimums,
		Ideals:     checked.Settings.Ideals,
		Profile:    fmt.Sprintf("%s (%s)", checked.Chain[0].Title, checked.Name()),
	}
	if !opts.NoFindings {
		ro.Findings = lint.New(cfg).CheckPlan(p)
	}
	// The records make the progress section; they are read as plan check reads them, and
	// one that does not load is left out of it, which stderr says (plan check says why).
	set, skipped, err := record.LoadFor(p, path, name, plan.Options{MaxSize: cfg.MaxFileSize})
	if err != nil {
		return cli.BadInput(err)
	}
	ro.Records = set
	for _, f := range skipped {
		fmt.Fprintf(env.IO.ErrOut, "plan: %s:%d: left out of the progress section, it does not load: %s\n", f.File, f.Line, diag.Displayable(f.Message))
	}
	lookup := opts.GitLookup
	if lookup == nil {
		lookup = lookupGit
	}
	ro.Git = lookup(path)
	if opts.Output != "" && opts.Output != "-" {
		inputs := map[string]string{path: "the plan " + name}
		if opts.Template != "" {
			inputs[env.Path(opts.Template)] = "the template " + opts.Template
		}
		if opts.CSS != "" {
			inputs[env.Path(opts.CSS)] = "the stylesheet " + opts.CSS
		}
		if err := notAnInput(env.Path(opts.Output), opts.Output, inputs); err != nil {
			return err
		}
	}

	var buf bytes.Buffer
	d := report.Build(p, ro)
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
	if opts.Output == "" || opts.Output == "-" {
		_, err := env.IO.Out.Write(buf.Bytes())
		return err
	}
	out := env.Path(opts.Output)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return cli.BadInputf("cannot create the directory for %s: %v", opts.Output, fserr.Cause(err))
	}
	if err := atomicfile.Write(out, buf.Bytes(), 0o644); err != nil {
		return cli.BadInput(err)
	}
	return nil
}
