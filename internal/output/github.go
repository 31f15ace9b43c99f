package output

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/planascode/plan/internal/diag"
)

// GitHub is the format for GitHub Actions: one workflow command per finding, which the
// runner turns into an annotation on the pull request's diff, then the summary line. When
// StepSummaryPath is set it also appends a Markdown table to the job's summary page.
type GitHub struct {
	// StepSummaryPath is the file named by $GITHUB_STEP_SUMMARY, or "" for none. It is a
	// field rather than read inside Format so that tests need not touch the environment.
	StepSummaryPath string
}

// maxSummaryRows bounds the step-summary table: GitHub refuses a step summary over 1 MiB,
// and a table that long would not be read anyway.
const maxSummaryRows = 1000

// Format writes the workflow commands and the summary line to w, then the step summary.
func (g GitHub) Format(w io.Writer, r Report) error {
	var b bytes.Buffer
	rel := relPaths(r.BaseDir)
	for _, f := range r.Findings {
		b.WriteString(workflowCommand(f, rel(f.File)))
		b.WriteByte('\n')
	}
	sum := summaryLine(diag.Summarize(r.Findings), r.Files)
	b.WriteString(sum + "\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return err
	}
	if g.StepSummaryPath == "" {
		return nil
	}
	if err := appendStepSummary(g.StepSummaryPath, r, sum); err != nil {
		return fmt.Errorf("writing GitHub step summary: %w", err)
	}
	return nil
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
	props := []string{"file=" + escapeProperty(path), fmt.Sprintf("line=%d", line)}
	// The runner rejects columns on an annotation that spans lines, so a multi-line
	// finding is annotated by lines alone.
	if endLine == line {
		props = append(props, fmt.Sprintf("col=%d", col))
	}
	props = append(props, fmt.Sprintf("endLine=%d", endLine))
	if endLine == line {
		props = append(props, fmt.Sprintf("endColumn=%d", endCol))
	}
	props = append(props, "title="+escapeProperty(f.Rule))
	return "::" + cmd + " " + strings.Join(props, ",") + "::" + escapeData(f.Message)
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

// appendStepSummary appends the Markdown summary to the step summary file, which other
// steps' tools may also write to, hence append and a separating newline.
func appendStepSummary(path string, r Report, sum string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		b.WriteByte('\n')
	}
	writeStepSummary(&b, r, sum)
	_, err = f.Write(b.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeStepSummary writes a heading, the counts and, when there are findings, a table.
func writeStepSummary(b *bytes.Buffer, r Report, sum string) {
	b.WriteString("## plan check\n\n")
	b.WriteString(sum + "\n")
	if len(r.Findings) == 0 {
		return
	}
	b.WriteString("\n| File | Line | Severity | Rule | Message |\n| --- | ---: | --- | --- | --- |\n")
	rel := relPaths(r.BaseDir)
	for i, f := range r.Findings {
		if i == maxSummaryRows {
			fmt.Fprintf(b, "\n%d more findings are not shown.\n", len(r.Findings)-i)
			break
		}
		fmt.Fprintf(b, "| %s | %d | %s | `%s` | %s |\n",
			markdownCell(rel(f.File)), f.Line, f.Severity,
			strings.ReplaceAll(f.Rule, "`", ""), markdownCell(f.Message))
	}
}

// markdownCell escapes text for a GitHub-flavoured Markdown table cell: a pipe would end
// the cell and a newline the row, and "<" or "&" could start HTML. Backslashes are
// escaped first so that a message's own "\|" cannot undo the pipe's escape.
func markdownCell(s string) string { return cellEscaper.Replace(s) }
