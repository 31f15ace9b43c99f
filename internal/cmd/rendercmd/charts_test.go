package rendercmd

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/cli"
)

// TestChartsDirectory: --charts writes the three charts as SVG files that stand alone,
// whatever the report's format, next to the report.
func TestChartsDirectory(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	if _, err := run(t, dir, "-o", "report.md", "--charts", "slides"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.md")); err != nil {
		t.Errorf("the report was not written: %v", err)
	}
	for _, tc := range []struct{ file, title string }{
		{"grid.svg", "Power/interest grid"},
		{"matrix.svg", "Engagement assessment matrix"},
		{"gantt.svg", "Timeline"},
	} {
		data, err := os.ReadFile(filepath.Join(dir, "slides", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		checkStandaloneSVG(t, tc.file, data, tc.title)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "slides"))
	if len(entries) != 3 {
		t.Errorf("the charts directory holds %d files, want 3", len(entries))
	}
}

// TestOnlyTheCharts: docs/render.md's way to write only the charts, -o /dev/null without
// --format, writes them and leaves /dev/null a device.
func TestOnlyTheCharts(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	if _, err := run(t, dir, "-o", os.DevNull, "--charts", "slides"); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"grid.svg", "matrix.svg", "gantt.svg"} {
		if _, err := os.Stat(filepath.Join(dir, "slides", name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if info, err := os.Lstat(os.DevNull); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a device: %v", os.DevNull, err)
	}
}

// checkStandaloneSVG checks what a file needs to open on its own in a browser, an
// editor or a slide program: well-formed XML whose root is an svg element in the SVG
// namespace with a viewBox and a size, a title first, and its own style sheet.
func checkStandaloneSVG(t *testing.T, name string, data []byte, title string) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("%s does not start with an XML declaration", name)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var root *xml.StartElement
	var first string
	var hasStyle bool
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch {
			case root == nil:
				root = &se
			case first == "":
				first = se.Name.Local
				var text string
				if err := dec.DecodeElement(&text, &se); err != nil {
					t.Fatal(err)
				}
				if text != title {
					t.Errorf("%s: the title is %q, want %q", name, text, title)
				}
			case se.Name.Local == "style":
				hasStyle = true
			}
		}
	}
	if root == nil || root.Name.Local != "svg" || root.Name.Space != "http://www.w3.org/2000/svg" {
		t.Fatalf("%s: the root is %+v, not an svg element in the SVG namespace", name, root)
	}
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	for _, a := range []string{"viewBox", "width", "height", "font-family"} {
		if attrs[a] == "" {
			t.Errorf("%s: the svg element has no %s", name, a)
		}
	}
	if first != "title" {
		t.Errorf("%s: the first element is %q, not the title", name, first)
	}
	if !hasStyle {
		t.Errorf("%s has no style sheet of its own", name)
	}
}

// TestChartsAPlanLacks: a chart the plan has no data for is not written, and standard
// error says which and why.
func TestChartsAPlanLacks(t *testing.T) {
	dir := t.TempDir()
	plan := "schema_version: 1\ntitle: Small\nstakeholders:\n  - id: a\n    name: Residents\n    influence: low\n    impact: high\n"
	if err := os.WriteFile(filepath.Join(dir, "small.plan.yaml"), []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	env, _, errOut := testEnv(dir)
	cmd := NewCmd(env, func(o *Options) error { o.GitLookup = noGit; return Run(o) })
	cmd.SetArgs([]string{"--charts", "out", "-o", "r.md"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "grid.svg")); err != nil {
		t.Errorf("grid.svg: %v", err)
	}
	for _, absent := range []string{"matrix.svg", "gantt.svg"} {
		if _, err := os.Stat(filepath.Join(dir, "out", absent)); err == nil {
			t.Errorf("%s was written for a plan without its data", absent)
		}
		if !strings.Contains(errOut.String(), filepath.Join("out", absent)+" not written: ") {
			t.Errorf("standard error does not say %s was not written: %q", absent, errOut.String())
		}
	}
}

// TestChartsMustBeADirectory: --charts naming a file is refused before anything is
// written.
func TestChartsMustBeADirectory(t *testing.T) {
	dir := copyExample(t, "council.plan.yaml")
	if err := os.WriteFile(filepath.Join(dir, "slides"), []byte("notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := run(t, dir, "-o", "report.html", "--charts", "slides")
	if cli.Code(err) != cli.ExitBadInput || err == nil || !strings.Contains(err.Error(), "--charts slides: is a file, not a directory") {
		t.Errorf("exit %d, %v; want exit 2 saying slides is a file", cli.Code(err), err)
	}
	if _, err := os.Stat(filepath.Join(dir, "report.html")); err == nil {
		t.Error("the report was written although --charts was wrong")
	}
}
