package exportcmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

const example = "../../../examples/council-consultation.plan.yaml"

// run runs plan export in dir, with stdout a terminal or not.
func run(t *testing.T, dir string, tty bool, args ...string) (stdout string, err error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	ios.SetTTY(tty)
	env := &cli.Env{IO: ios, Getenv: func(string) string { return "" }, Dir: dir}
	cmd := NewCmd(env, nil)
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err = cmd.Execute()
	return out.String(), err
}

func copyExample(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "council.plan.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestWorkbookToATerminalIsRefused(t *testing.T) {
	dir := copyExample(t)
	for _, args := range [][]string{{"--format", "xlsx"}, {"-f", "xlsx", "-o", "-"}} {
		out, err := run(t, dir, true, args...)
		if cli.Code(err) != cli.ExitBadInput || out != "" {
			t.Errorf("%q: exit %d, %d bytes out", args, cli.Code(err), len(out))
		}
		if want := "an .xlsx workbook is binary, which a terminal cannot show: write it to a file with -o register.xlsx, or redirect it (> register.xlsx)"; err == nil || err.Error() != want {
			t.Errorf("%q: err = %v", args, err)
		}
	}
	// CSV is text, and a terminal shows it.
	if out, err := run(t, dir, true); err != nil || !strings.HasPrefix(out, "id,name,") {
		t.Errorf("CSV to a terminal: %v, %q", err, out)
	}
	// A workbook written to a file is not for the terminal.
	if _, err := run(t, dir, true, "-o", "register.xlsx"); err != nil {
		t.Errorf("-o register.xlsx from a terminal: %v", err)
	}
}

func TestWorkbookOpensOnTheSection(t *testing.T) {
	dir := copyExample(t)
	if _, err := run(t, dir, false, "--section", "decisions", "-o", "plan.xlsx"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "plan.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Stakeholders,Activities,Risks,Decisions,Phases,Measures" {
		t.Errorf("sheets: %s", got)
	}
	if got := f.GetSheetName(f.GetActiveSheetIndex()); got != "Decisions" {
		t.Errorf("opens on %s", got)
	}
	if v, _ := f.GetCellValue("Stakeholders", "B2"); v != "Residents and ratepayers" {
		t.Errorf("Stakeholders!B2 = %q", v)
	}
	if props, _ := f.GetDocProps(); !strings.Contains(props.Title, "Walking and Cycling") {
		t.Errorf("title %q", props.Title)
	}
}

func TestCellTooLongIsBadInput(t *testing.T) {
	dir := t.TempDir()
	plan := "schema_version: 1\ntitle: Long\nstakeholders:\n  - id: a\n    name: A\n    notes: " + strings.Repeat("x", excelize.TotalCellChars+1) + "\n"
	if err := os.WriteFile(filepath.Join(dir, "long.plan.yaml"), []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := run(t, dir, false, "-o", "long.xlsx")
	if cli.Code(err) != cli.ExitBadInput || err == nil || !strings.HasPrefix(err.Error(), "long.plan.yaml: Stakeholders sheet, row 2, column notes: 32768 characters") {
		t.Errorf("exit %d: %v", cli.Code(err), err)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "long.xlsx")); !os.IsNotExist(statErr) {
		t.Errorf("a workbook was written: %v", statErr)
	}
	// CSV has no such limit.
	if _, err := run(t, dir, false, "-o", "long.csv"); err != nil {
		t.Errorf("CSV: %v", err)
	}
}

func TestFormatFor(t *testing.T) {
	for _, tc := range []struct{ format, output, want, err string }{
		{"", "", "csv", ""},
		{"", "-", "csv", ""},
		{"", "a.csv", "csv", ""},
		{"", "A.XLSX", "xlsx", ""},
		{"XLSX", "", "xlsx", ""},
		{"csv", "a.txt", "csv", ""},
		{"", "a.txt", "", "cannot tell the format from the name a.txt"},
		{"", "register", "", "cannot tell the format from the name register"},
		{"csv", "a.xlsx", "", "-o a.xlsx ends in .xlsx but --format is csv: name the file a.csv"},
		{"ods", "", "", `invalid --format "ods"`},
	} {
		got, err := formatFor(tc.format, tc.output)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("formatFor(%q, %q) = %q, %v; want %q, %q", tc.format, tc.output, got, err, tc.want, tc.err)
		}
	}
}
