package output

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/planascode/plan/internal/diag"
)

// GitHub is the format for GitHub Actions: one workflow command per finding, which the
// runner turns into an annotation on the pull request's diff, then the summary line.
// StepSummary is its companion for the job's summary page.
type GitHub struct{}

// maxSummaryRows bounds the step-summary table: GitHub refuses a step summary over 1 MiB,
// and a table that long would not be read anyway.
const maxSummaryRows = 1000

// Format writes the workflow commands and the summary line to w.
func (GitHub) Format(w io.Writer, r Report) error {
	var b bytes.Buffer
	rel := relPaths(r.BaseDir)
	for _, f := range r.Findings {
		b.WriteString(workflowCommand(f, rel(f.File)))
		b.WriteByte('\n')
	}
	b.WriteString(summaryLine(r) + "\n")
	_, err := w.Write(b.Bytes())
	return err
}

// workflowCommand returns the ::error, ::warning or ::notice command for f.
func workflowCommand(f diag.Finding, path string) string {
	cmd := "notice"
	switch f.Severity {
	case diag.Error:
		cmd = "error"
	case diag.Warning:
		cmd = "warning"
	}
	line, col, endLine, endCol := span(f)
	where := fmt.Sprintf("line=%d,col=%d,endLine=%d,endColumn=%d", line, col, endLine, endCol)
	if endLine != line {
		// The runner rejects columns on an annotation that spans lines, so a multi-line
		// finding is annotated by lines alone.
		where = fmt.Sprintf("line=%d,endLine=%d", line, endLine)
	}
	return "::" + cmd + " file=" + escapeProperty(path) + "," + where + ",title=" + escapeProperty(f.Rule) + "::" + escapeData(f.Message)
}

// escapeData escapes a workflow command's message so that it stays on one line; the
// runner undoes exactly these escapes.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// The replacers are built once: building one costs more than the replacing, and a run
// with thousands of findings escaped every message and path afresh.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	cellEscaper     = strings.NewReplacer(
		`\`, `\\`,
		"|", `\|`,
		"&", "&amp;",
		"<", "&lt;",
		">", "&gt;",
		"\r\n", "<br>",
		"\n", "<br>",
		"\r", "<br>",
	)
)

// escapeProperty escapes a workflow command property value, where ":" and "," would
// otherwise end the value.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// StepSummary writes the Markdown for a GitHub job's summary page ($GITHUB_STEP_SUMMARY):
// a heading, the counts and, when there are findings, a table of them.
func StepSummary(w io.Writer, r Report) error {
	var b bytes.Buffer
	b.WriteString("## plan check\n\n")
	b.WriteString(summaryLine(r) + "\n")
	if len(r.Findings) > 0 {
		b.WriteString("\n| File | Line | Severity | Rule | Message |\n| --- | ---: | --- | --- | --- |\n")
		rel := relPaths(r.BaseDir)
		for i, f := range r.Findings {
			if i == maxSummaryRows {
				fmt.Fprintf(&b, "\n%s not shown.\n", plural(len(r.Findings)-i, "more finding is", "more findings are"))
				break
			}
			fmt.Fprintf(&b, "| %s | %d | %s | `%s` | %s |\n",
				markdownCell(rel(f.File)), f.Line, f.Severity,
				strings.ReplaceAll(f.Rule, "`", ""), markdownCell(f.Message))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// markdownCell escapes text for a GitHub-flavoured Markdown table cell: a pipe would end
// the cell and a newline the row, and "<" or "&" could start HTML. Backslashes are
// escaped first so that a message's own "\|" cannot undo the pipe's escape.
func markdownCell(s string) string { return cellEscaper.Replace(s) }
