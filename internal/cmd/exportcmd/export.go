// Package exportcmd implements `plan export`, which takes a plan's registers out to a
// spreadsheet: one section as CSV, or every section as an .xlsx workbook.
package exportcmd

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/export"
)

// Formats are the values of --format, the default first.
var Formats = []string{"csv", "xlsx"}

// Options are the flags and arguments of `plan export`.
type Options struct {
	Env     *cli.Env
	File    string
	Format  string
	Section string
	Output  string
	Config  string
}

// NewCmd builds `plan export`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "export [FILE]",
		Short: "Export the stakeholder register and other sections to CSV or a spreadsheet",
		Long: `Export a plan's registers for a spreadsheet: the stakeholder register (the
default), activities, risks, decisions, phases or measures, one row per item.

  csv   one section (--section) as CSV: a header row, then a row per item
  xlsx  an .xlsx workbook with a sheet for every section; --section picks the
        sheet it opens on. Header rows stay in view and filter, columns fit
        their content, days are dates, numbers are numbers

Columns are named for the plan's keys and are a stable contract (docs/export.md).
Lists and references are joined with "; ". A date the plan gives as a month,
quarter or season (2027-03, 2027-Q1, 2027-summer) is written as the plan writes it.
Text a spreadsheet would run as a formula (starting with = + - or @) is never run:
CSV puts an apostrophe before it; the workbook stores it as text.

The format follows -o's extension (.csv, .xlsx) unless --format says otherwise;
without -o the export goes to standard output, which for a workbook must not be a
terminal. Files are written atomically. A plan with findings still exports (plan
check is the gate); one that is not valid YAML or breaks the schema does not.

Without FILE, the one *.plan.yaml or *.plan.yml file in the current directory is
used. Exit status: 0 when the export is written, 2 when the plan cannot be found or
loaded, a flag is wrong, or the output cannot be written.`,
		Example: `  plan export > stakeholders.csv
  plan export consultation.plan.yaml --section risks -o risks.csv
  plan export -o register.xlsx
  plan export --format xlsx --section activities > plan.xlsx`,
	}
	cli.FileArg(cmd, &opts.File, func() error { return runF(opts) })
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "", "csv or xlsx (default: from -o's extension, else csv)")
	f.StringVar(&opts.Section, "section", export.Sections[0], "section to export: "+strings.Join(export.Sections, ", ")+" (xlsx: the sheet the workbook opens on)")
	f.StringVarP(&opts.Output, "output", "o", "", "file to write (default: standard output)")
	cli.ConfigFlag(cmd, &opts.Config, "")
	cli.CompleteValues(cmd, "format", Formats)
	cli.CompleteValues(cmd, "section", export.Sections)
	_ = cmd.MarkFlagFilename("output", Formats...)
	return cmd
}

// formatFor decides the format: --format, else -o's extension, else CSV. A format that
// contradicts -o's extension is refused, since a workbook in a .csv file (or CSV in an
// .xlsx one) opens in no spreadsheet.
func formatFor(format, output string) (string, error) {
	ext := ""
	if !cli.ToStdout(output) {
		ext = strings.ToLower(strings.TrimPrefix(filepath.Ext(output), "."))
	}
	if format != "" {
		format = strings.ToLower(format)
		if !slices.Contains(Formats, format) {
			return "", fmt.Errorf("invalid --format %q: want %s", format, strings.Join(Formats, " or "))
		}
		if slices.Contains(Formats, ext) && ext != format {
			return "", fmt.Errorf("-o %s ends in .%s but --format is %s: name the file %s, or leave --format out", output, ext, format, strings.TrimSuffix(output, filepath.Ext(output))+"."+format)
		}
		return format, nil
	}
	if ext == "" && cli.ToStdout(output) {
		return Formats[0], nil
	}
	if !slices.Contains(Formats, ext) {
		return "", fmt.Errorf("cannot tell the format from the name %s: end it in .csv or .xlsx, or give --format csv or --format xlsx", output)
	}
	return ext, nil
}

// Run loads the plan and writes the export.
func Run(opts *Options) error {
	env := opts.Env
	example := "register.csv"
	if strings.EqualFold(opts.Format, "xlsx") {
		example = "register.xlsx"
	}
	if err := cli.NotADirectory(env.Path(opts.Output), opts.Output, example); err != nil {
		return err
	}
	format, err := formatFor(opts.Format, opts.Output)
	if err != nil {
		return cli.BadInput(err)
	}
	if err := cli.OneOf("section", opts.Section, export.Sections); err != nil {
		return err
	}
	if format == "xlsx" && cli.ToStdout(opts.Output) && env.IO.IsTTY() {
		return cli.BadInputf("an .xlsx workbook is binary, which a terminal cannot show: write it to a file with -o register.xlsx, or redirect it (> register.xlsx)")
	}
	target, err := env.Target(opts.File, opts.Config, "plan export FILE")
	if err != nil {
		return err
	}
	p, err := target.Load()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if format == "xlsx" {
		err = export.WriteXLSX(&buf, export.All(p), export.WorkbookOptions{Title: p.Title, Active: opts.Section})
	} else {
		var table *export.Table
		if table, err = export.Build(p, opts.Section); err == nil {
			err = export.WriteCSV(&buf, table)
		}
	}
	if err != nil {
		var tooLong *export.CellTooLongError
		if errors.As(err, &tooLong) {
			return cli.BadInputf("%s: %v", target.Name, err)
		}
		return err
	}
	if err := cli.NotAnInput(env.Path(opts.Output), opts.Output, "the export", map[string]string{target.Path: "the plan " + target.Name}); err != nil {
		return err
	}
	return env.WriteOutput(opts.Output, buf.Bytes())
}
