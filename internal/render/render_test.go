package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenPlan is a plan the golden reports are made from, with the day taken as today.
type goldenPlan struct {
	name, path, today string
}

var goldenPlans = []goldenPlan{
	{"council-consultation", "../../examples/council-consultation.plan.yaml", "2027-03-15"},
	{"school-software-rollout", "../../examples/school-software-rollout.plan.yaml", "2027-05-03"},
	{"gaps", "testdata/plans/gaps.plan.yaml", "2027-03-10"},
	{"hostile", "testdata/plans/hostile.plan.yaml", "2027-03-05"},
}

// fakeGit is the history the golden reports claim, so that they do not change with
// every commit of this repository.
var fakeGit = &GitInfo{Commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", Date: plan.MustDate("2027-02-26"), Modified: true}

func loadPlan(t testing.TB, path string) *plan.Plan {
	t.Helper()
	p, err := plan.Load(path, path, plan.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	// The footer names the file as the user typed it; the tests' relative paths would
	// otherwise leak into the goldens.
	p.File = filepath.Base(path)
	return p
}

// optionsFor are the options plan render would use for gp with the default config.
func optionsFor(t testing.TB, p *plan.Plan, today string) Options {
	t.Helper()
	cfg := config.Default()
	return Options{
		Findings: lint.New(cfg).CheckPlan(p),
		Today:    plan.MustDate(today),
		Version:  "1.0.0-test",
		Git:      fakeGit,
		Minimums: cfg.Settings.Minimums,
		Ideals:   cfg.Settings.Ideals,
	}
}

// reports renders gp in both formats.
func reports(t testing.TB, gp goldenPlan) (md, html string) {
	t.Helper()
	p := loadPlan(t, gp.path)
	opts := optionsFor(t, p, gp.today)
	var m, h bytes.Buffer
	if err := Markdown(&m, p, opts); err != nil {
		t.Fatalf("%s: Markdown: %v", gp.name, err)
	}
	if err := HTML(&h, p, opts); err != nil {
		t.Fatalf("%s: HTML: %v", gp.name, err)
	}
	return m.String(), h.String()
}

func TestGolden(t *testing.T) {
	for _, gp := range goldenPlans {
		t.Run(gp.name, func(t *testing.T) {
			md, html := reports(t, gp)
			checkGolden(t, filepath.Join("testdata", "golden", gp.name+".md"), md)
			checkGolden(t, filepath.Join("testdata", "golden", gp.name+".html"), html)
		})
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/render -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (run go test ./internal/render -update and review the diff):\n%s", path, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line that differs, which is enough to find the change.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(only line endings differ)"
}

// TestSectionsInFormatOrder checks that the headings come in the format's order and
// that a plan's missing sections are left out, not printed empty.
func TestSectionsInFormatOrder(t *testing.T) {
	md, _ := reports(t, goldenPlans[0])
	order := []string{"# ", "## At a glance", "## Mandate", "## Context and status", "## Objectives", "## Stakeholders",
		"## Power, interest and engagement", "## Roles", "## Budget", "## Policy", "## Activities", "## Risks",
		"## Decisions", "## Timeline", "## Evaluation"}
	last := -1
	for _, h := range order {
		i := strings.Index(md, "\n"+h)
		if h == "# " {
			i = strings.Index(md, h)
		}
		if i < 0 {
			t.Errorf("no %q heading", h)
			continue
		}
		if i < last {
			t.Errorf("%q comes before the section it should follow", h)
		}
		last = i
	}
	if strings.Contains(md, "## Open gaps") {
		t.Error("the council example has no findings, but the report has an Open gaps section")
	}

	p := &plan.Plan{SchemaVersion: 1, Title: "Bare", File: "bare.plan.yaml"}
	var b bytes.Buffer
	if err := Markdown(&b, p, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, h := range order[2:] {
		if strings.Contains(b.String(), h) {
			t.Errorf("a plan with only a title has a %q section", h)
		}
	}
	var h bytes.Buffer
	if err := HTML(&h, p, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"mandate", "objectives", "stakeholders", "timeline", "open-gaps"} {
		if strings.Contains(h.String(), `id="`+id+`"`) {
			t.Errorf("a plan with only a title has a %s section in HTML", id)
		}
	}
}

func TestOpenGapsAndNoFindings(t *testing.T) {
	gp := goldenPlans[2]
	p := loadPlan(t, gp.path)
	opts := optionsFor(t, p, gp.today)
	if len(opts.Findings) == 0 {
		t.Fatal("the gaps plan has no findings; the test needs some")
	}
	for _, format := range []struct {
		name   string
		render func(*bytes.Buffer, *plan.Plan, Options) error
		gaps   string
	}{
		{"markdown", func(b *bytes.Buffer, p *plan.Plan, o Options) error { return Markdown(b, p, o) }, "## Open gaps"},
		{"html", func(b *bytes.Buffer, p *plan.Plan, o Options) error { return HTML(b, p, o) }, `id="open-gaps"`},
	} {
		var with, without bytes.Buffer
		if err := format.render(&with, p, opts); err != nil {
			t.Fatal(err)
		}
		o := opts
		o.NoFindings = true
		if err := format.render(&without, p, o); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(with.String(), format.gaps) {
			t.Errorf("%s: findings but no Open gaps section", format.name)
		}
		if strings.Contains(without.String(), format.gaps) || strings.Contains(without.String(), "Open gaps") {
			t.Errorf("%s: --no-findings still shows the gaps", format.name)
		}
		for _, f := range opts.Findings {
			if !strings.Contains(with.String(), f.Rule) {
				t.Errorf("%s: the Open gaps section lacks the %s finding", format.name, f.Rule)
			}
		}
	}
}

func TestBudgetTotals(t *testing.T) {
	p := loadPlan(t, "testdata/plans/gaps.plan.yaml")
	d := build(p, Options{})
	if d.Budget == nil || len(d.Budget.Totals) != 1 {
		t.Fatalf("budget totals: %+v", d.Budget)
	}
	if got, want := d.Budget.Totals[0].Text, "EUR 1,120.50"; got != want {
		t.Errorf("total = %q, want %q", got, want)
	}
	if got := d.Budget.Items[1].Amount; got != "1,000.00" {
		t.Errorf("an amount in a budget with cents = %q, want 1,000.00", got)
	}
	if got := formatAmount(1234567, false); got != "1,234,567" {
		t.Errorf("formatAmount = %q", got)
	}
}

func TestFooter(t *testing.T) {
	for _, tc := range []struct {
		git  *GitInfo
		want string
	}{
		{nil, "Generated on 5 Mar 2027 by plan 2.0 from a.plan.yaml."},
		{&GitInfo{Commit: "0123456789abcdef", Date: plan.MustDate("2027-03-01")}, "Generated on 5 Mar 2027 by plan 2.0 from a.plan.yaml, last changed in commit 0123456789ab on 1 Mar 2027."},
		{&GitInfo{Commit: "0123456789abcdef", Date: plan.MustDate("2027-03-01"), Modified: true}, "Generated on 5 Mar 2027 by plan 2.0 from a.plan.yaml, last changed in commit 0123456789ab on 1 Mar 2027, with uncommitted changes."},
		{&GitInfo{Modified: true, Untracked: true}, "Generated on 5 Mar 2027 by plan 2.0 from a.plan.yaml, which is not yet committed."},
	} {
		f := Footer{Generated: "5 Mar 2027", Version: "2.0", File: "a.plan.yaml", Git: tc.git}
		if tc.git != nil {
			f.GitDate = FormatDate(tc.git.Date)
		}
		if got := footerText(f); got != tc.want {
			t.Errorf("footer = %q\nwant     %q", got, tc.want)
		}
	}
}

func TestMatrixChart(t *testing.T) {
	p := loadPlan(t, "../../examples/school-software-rollout.plan.yaml")
	d := build(p, Options{})
	svg := string(d.Engagement.Chart.SVG)
	rows := len(d.Engagement.Rows)
	if got := strings.Count(svg, `class="current"`); got != rows+1 { // and one in the legend
		t.Errorf("%d current markers for %d rows", got, rows)
	}
	if got := strings.Count(svg, `class="desired"`); got != rows+1 {
		t.Errorf("%d desired markers for %d rows", got, rows)
	}
	for _, want := range []string{`<title id="chart-engagement-title">`, `<desc id="chart-engagement-desc">`, ">C</text>", ">D</text>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the matrix lacks %s", want)
		}
	}
}
