package rendercmd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/report"
)

const example = "../../../examples/council-consultation.plan.yaml"

// testEnv runs commands in dir with fixed time and environment.
func testEnv(dir string) (*cli.Env, *bytes.Buffer, *bytes.Buffer) {
	ios, _, out, errOut := iostreams.Test()
	return &cli.Env{
		IO:     ios,
		Build:  cli.BuildInfo{Version: "9.9.9"},
		Now:    func() time.Time { return time.Date(2027, 3, 15, 9, 0, 0, 0, time.UTC) },
		Getenv: func(string) string { return "" },
		Dir:    dir,
	}, out, errOut
}

// noGit stands in for git: the tests must not depend on this repository's history.
func noGit(string) *report.GitInfo { return nil }

// copyExample puts the council example in a fresh directory under name.
func copyExample(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(t *testing.T, dir string, args ...string) (stdout string, err error) {
	t.Helper()
	env, out, _ := testEnv(dir)
	cmd := NewCmd(env, func(o *Options) error {
		o.GitLookup = noGit
		return Run(o)
	})
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	err = cmd.Execute()
	return out.String(), err
}

func TestFlags(t *testing.T) {
	dir := t.TempDir()
	rc := filepath.Join(dir, "rc.yaml")
	if err := os.WriteFile(rc, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	env, _, _ := testEnv(dir)
	var got *Options
	cmd := NewCmd(env, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"x.plan.yaml", "-f", "html", "-o", "out.html", "--template", "t.tmpl", "--css", "a.css", "--no-findings", "--with-findings", "--fail-on", "warning", "-c", rc, "--today", "2027-01-02", "--charts", "slides"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := Options{Env: env, File: "x.plan.yaml", Format: "html", Output: "out.html", Template: "t.tmpl", CSS: "a.css", NoFindings: true, WithFindings: true, FailOn: "warning", Config: rc, Today: "2027-01-02", Charts: "slides"}
	if got.File != want.File || got.Format != want.Format || got.Output != want.Output || got.Template != want.Template ||
		got.CSS != want.CSS || got.NoFindings != want.NoFindings || got.WithFindings != want.WithFindings || got.FailOn != want.FailOn ||
		got.Config != want.Config || got.Today != want.Today || got.Charts != want.Charts || got.Settings == nil || got.Settings.Path != rc {
		t.Errorf("options = %+v, want %+v", *got, want)
	}
}

// TestFailOnFromEnvironment: PLAN_FAIL_ON sets --fail-on's level, and the flag given wins;
// PLAN_FAIL_LEVEL, which is plan check's, does not.
func TestFailOnFromEnvironment(t *testing.T) {
	for _, tc := range []struct {
		vars map[string]string
		args []string
		want string
	}{
		{nil, nil, "never"},
		{map[string]string{"PLAN_FAIL_ON": "error"}, nil, "error"},
		{map[string]string{"PLAN_FAIL_ON": "error"}, []string{"--fail-on", "never"}, "never"},
		{map[string]string{"PLAN_FAIL_LEVEL": "error"}, nil, "never"},
	} {
		env, _, _ := testEnv(t.TempDir())
		env.Getenv = func(k string) string { return tc.vars[k] }
		var got *Options
		cmd := NewCmd(env, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if got.FailOn != tc.want {
			t.Errorf("%v %v: fail on %q, want %q", tc.vars, tc.args, got.FailOn, tc.want)
		}
	}
}

func TestFormatFor(t *testing.T) {
	for _, tc := range []struct {
		format, output, want string
		bad                  bool
	}{
		{"", "", "md", false},
		{"", "-", "md", false},
		{"", "report.html", "html", false},
		{"", "REPORT.HTM", "html", false},
		{"", "report.md", "md", false},
		{"", "report.markdown", "md", false},
		{"md", "report.html", "", true},
		{"html", "report.md", "", true},
		{"HTML", "report.HTM", "html", false},
		{"md", "notes.txt", "md", false},
		{"html", "report", "html", false},
		{"html", "-", "html", false},
		{"html", "", "html", false},
		{"", "report.pdf", "", true},
		{"", "report", "", true},
		{"", os.DevNull, "md", false},
		{"html", os.DevNull, "html", false},
		{"", "/dev/stdout", "", true},
		{"pdf", "", "", true},
	} {
		got, err := formatFor(tc.format, tc.output)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("formatFor(%q, %q) = %q, %v", tc.format, tc.output, got, err)
		}
	}
}

func TestMarkdownToStdout(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	out, err := run(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Draft Walking and Cycling Strategy", "## At a glance", "```mermaid\nquadrantChart",
		"Generated on 15 Mar 2027 by plan 9.9.9 from council.plan.yaml."} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestHTMLFile(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	out, err := run(t, dir, "council.plan.yaml", "-o", "site/report.html", "--today", "2027-04-01")
	if err != nil {
		t.Fatal(err)
	}
	if out != "" {
		t.Errorf("writing a file also printed %q", out)
	}
	page, err := os.ReadFile(filepath.Join(dir, "site", "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "Today, 1 Apr 2027", "Generated on 1 Apr 2027 by plan 9.9.9"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "site"))
	if len(entries) != 1 {
		t.Errorf("the output directory holds %d files; the atomic write left a temporary one", len(entries))
	}
}

// TestFormatAndExtensionDisagree: -f html -o r.md is refused with the fix, and nothing is
// written; a name whose extension says no format takes --format's.
func TestFormatAndExtensionDisagree(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	_, err := run(t, dir, "-f", "html", "-o", "r.md")
	if cli.Code(err) != cli.ExitBadInput || err.Error() != "--format html but -o r.md names a Markdown file: write to r.html, or leave out --format and the format follows -o" {
		t.Errorf("-f html -o r.md: %v (exit %d)", err, cli.Code(err))
	}
	if _, err := os.Stat(filepath.Join(dir, "r.md")); err == nil {
		t.Error("the refused report was written")
	}
	if _, err := run(t, dir, "-f", "md", "-o", "report.txt"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "# ") {
		t.Errorf("--format md wrote %.40q", data)
	}
}

func TestFindingsAndNoFindings(t *testing.T) {
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	// Without a budget, plan check warns; the report still renders, listing the gap.
	src := strings.Replace(string(data), "budget:\n", "x_budget:\n", 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "p.plan.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, dir)
	if err != nil {
		t.Fatalf("a plan with findings must still render: %v", err)
	}
	if !strings.Contains(out, "## Open gaps") || !strings.Contains(out, "no budget") || strings.Contains(out, "`budget-missing`") {
		t.Errorf("no Open gaps section listing the budget's absence, without its rule id:\n%s", out[strings.LastIndex(out, "## "):])
	}
	out, err = run(t, dir, "--with-findings")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "`budget-missing`") {
		t.Errorf("--with-findings does not show the rule id:\n%s", out[strings.LastIndex(out, "## "):])
	}
	if _, err := run(t, dir, "--with-findings", "--no-findings"); cli.Code(err) != cli.ExitBadInput {
		t.Errorf("--with-findings --no-findings: %v, want exit 2", err)
	}
	out, err = run(t, dir, "--no-findings")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "Open gaps") {
		t.Error("--no-findings still lists the gaps")
	}
}

func TestCustomTemplateAndCSS(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	if err := os.WriteFile(filepath.Join(dir, "t.tmpl"), []byte(`<p>{{.Title}}</p><style>{{.CSS}}</style>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "brand.css"), []byte(`h1 { color: rebeccapurple }`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, dir, "-f", "html", "--template", "t.tmpl", "--css", "brand.css")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "<p>Draft Walking") || !strings.Contains(out, "h1 { color: rebeccapurple }") {
		t.Errorf("the custom template or stylesheet was not used: %.200q", out)
	}
}

func TestBadInput(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	if err := os.WriteFile(filepath.Join(dir, "broken.tmpl"), []byte("{{if}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown extension", []string{"-o", "report.pdf"}, "cannot tell the format"},
		{"unknown format", []string{"-f", "pdf"}, `invalid --format "pdf"`},
		{"template for Markdown", []string{"--template", "broken.tmpl"}, "HTML reports only"},
		{"css for Markdown", []string{"-o", "x.md", "--css", "a.css"}, "HTML reports only"},
		{"bad today", []string{"--today", "2027-02-30"}, "--today"},
		{"missing file", []string{"nope.plan.yaml"}, "nope.plan.yaml: cannot read"},
		{"missing template", []string{"-f", "html", "--template", "nope.tmpl"}, "--template nope.tmpl: no such file"},
		{"broken template", []string{"-f", "html", "--template", "broken.tmpl"}, "template"},
		{"missing css", []string{"-f", "html", "--css", "nope.css"}, "--css nope.css: no such file"},
	} {
		_, err := run(t, dir, tc.args...)
		if cli.Code(err) != cli.ExitBadInput || err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: exit %d, %v; want exit 2 mentioning %q", tc.name, cli.Code(err), err, tc.want)
		}
	}
}

func TestPlanThatDoesNotLoad(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.plan.yaml"), []byte("schema_version: 1\ntitle: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := run(t, dir, "-o", "out.html")
	if cli.Code(err) != cli.ExitBadInput {
		t.Fatalf("exit %d (%v), want 2", cli.Code(err), err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "bad.plan.yaml:") || strings.Contains(msg, "\n") {
		t.Errorf("the message is not the loader's one line: %q", msg)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "out.html")); statErr == nil {
		t.Error("a report was written for a plan that does not load")
	}
}

func TestWhichPlan(t *testing.T) {
	empty := t.TempDir()
	if _, err := run(t, empty); cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), "no plan file") {
		t.Errorf("no plan: %v", err)
	}
	dir := copyExample(t, "b.plan.yaml")
	data, _ := os.ReadFile(filepath.Join(dir, "b.plan.yaml"))
	if err := os.WriteFile(filepath.Join(dir, "a.plan.yml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := run(t, dir)
	if cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), "a.plan.yml, b.plan.yaml") {
		t.Errorf("two plans: %v, want exit 2 naming both", err)
	}
	if _, err := run(t, dir, "a.plan.yml"); err != nil {
		t.Errorf("a named plan among several: %v", err)
	}
}

func TestGitInfoInFooter(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	env, out, _ := testEnv(dir)
	var asked string
	opts := &Options{Env: env, GitLookup: func(path string) *report.GitInfo {
		asked = path
		return &report.GitInfo{Commit: "0123456789abcdef0123", Modified: true}
	}}
	if err := Run(opts); err != nil {
		t.Fatal(err)
	}
	if asked != filepath.Join(dir, "council.plan.yaml") {
		t.Errorf("git was asked about %q", asked)
	}
	if !strings.Contains(out.String(), "last changed in commit 0123456789ab, with uncommitted changes.") {
		t.Errorf("the footer lacks the git information: %q", out.String()[strings.LastIndex(out.String(), "Generated"):])
	}
}

// TestOutputIsNeverAnInput: -o naming the plan, the template or the stylesheet, by any
// name, is refused and leaves the file as it was.
func TestOutputIsNeverAnInput(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	original, err := os.ReadFile(filepath.Join(dir, "council.plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"t.html": `<p>{{.Title}}</p>`, "brand.css": `h1 {}`} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("council.plan.yaml", filepath.Join(dir, "report.md")); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"council.plan.yaml", "-f", "md", "-o", "council.plan.yaml"}, "-o council.plan.yaml would overwrite the plan council.plan.yaml"},
		{[]string{"council.plan.yaml", "-f", "md", "-o", "./council.plan.yaml"}, "would overwrite the plan council.plan.yaml"},
		{[]string{"council.plan.yaml", "-o", "report.md"}, "-o report.md would overwrite the plan council.plan.yaml"},
		{[]string{"council.plan.yaml", "--template", "t.html", "-o", "t.html"}, "would overwrite the template t.html"},
		{[]string{"council.plan.yaml", "--css", "brand.css", "-f", "html", "-o", "brand.css"}, "would overwrite the stylesheet brand.css"},
	} {
		_, err := run(t, dir, tc.args...)
		if cli.Code(err) != cli.ExitBadInput || err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: exit %d, %v; want exit 2 saying %q", tc.args, cli.Code(err), err, tc.want)
		}
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "council.plan.yaml")); !bytes.Equal(now, original) {
		t.Error("the plan was overwritten")
	}
	// A new file, and an old report, are written as before.
	for _, out := range []string{"new.md", "new.md"} {
		if _, err := run(t, dir, "council.plan.yaml", "-o", out); err != nil {
			t.Errorf("-o %s: %v", out, err)
		}
	}
}

// TestUnreadableInputs: a template or stylesheet that is a device, a directory or too
// large is refused in one line naming it, before any of it is read into memory.
func TestUnreadableInputs(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	big, err := os.Create(filepath.Join(dir, "big.css"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(maxInputSize + 1); err != nil {
		t.Fatal(err)
	}
	big.Close()
	if err := os.Mkdir(filepath.Join(dir, "styles"), 0o755); err != nil {
		t.Fatal(err)
	}
	type input struct {
		args []string
		want string
	}
	cases := []input{
		{[]string{"-f", "html", "--css", "big.css"}, "--css big.css: is larger than the limit of 10 MiB"},
		{[]string{"-f", "html", "--template", "big.css"}, "--template big.css: is larger than the limit of 10 MiB"},
		{[]string{"-f", "html", "--css", "styles"}, "--css styles: is a directory, not a file"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases = append(cases,
			input{[]string{"-f", "html", "--css", "/dev/zero"}, "--css /dev/zero: is not a regular file"},
			input{[]string{"-f", "html", "--template", "/dev/zero"}, "--template /dev/zero: is not a regular file"})
	}
	for _, tc := range cases {
		_, err := run(t, dir, tc.args...)
		if cli.Code(err) != cli.ExitBadInput || err == nil || err.Error() != tc.want {
			t.Errorf("%v: exit %d, %v; want exit 2 saying %q", tc.args, cli.Code(err), err, tc.want)
		}
	}
}

// TestOutputDirectory: an -o that names a directory is refused before anything is
// created, whether the directory exists or not.
func TestOutputDirectory(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	if err := os.Mkdir(filepath.Join(dir, "site"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-f", "md", "-o", "newdir/"}, "-o newdir/ is a directory: name the file to write, such as newdir/report.html"},
		{[]string{"-o", "newdir/"}, "-o newdir/ is a directory"},
		{[]string{"-f", "html", "-o", "site"}, "-o site is a directory: name the file to write, such as site/report.html"},
	} {
		_, err := run(t, dir, tc.args...)
		if cli.Code(err) != cli.ExitBadInput || err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%v: exit %d, %v; want exit 2 saying %q", tc.args, cli.Code(err), err, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "newdir")); !os.IsNotExist(err) {
		t.Errorf("a refused -o newdir/ left the directory behind (%v)", err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "site")); len(entries) != 0 {
		t.Errorf("a refused -o site wrote %d files into it", len(entries))
	}
}

// TestGapsInRecords: the report's open gaps are plan check's as of the report's day,
// the findings in the plan's records among them, each naming its record (its line is
// that file's, not the plan's).
func TestGapsInRecords(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	records := filepath.Join(dir, "council.records")
	if err := os.MkdirAll(records, 0o755); err != nil {
		t.Fatal(err)
	}
	record := "schema_version: 1\ndate: 2027-03-16\nengaged:\n  - stakeholder: tradtional-owners\n    people: 7\n"
	if err := os.WriteFile(filepath.Join(records, "2027-03-16-walk.record.yaml"), []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, dir, "--today", "2027-04-01")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `In the record 2027-03-16-walk.record.yaml: stakeholder "tradtional-owners" is not in the plan's stakeholders`) {
		t.Errorf("the record's unknown stakeholder is not among the open gaps:\n%s", out)
	}
}
