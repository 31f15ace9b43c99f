package render

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/safemd"
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
	{"real-plan", "testdata/plans/real-plan.plan.yaml", "2027-05-03"},
	{"cause2-sep", "testdata/plans/real/cause2-sep.plan.yaml", "2024-09-02"},
	{"airservices-ces", "testdata/plans/real/airservices-ces.plan.yaml", "2023-05-10"},
	{"duke-canvas", "testdata/plans/real/duke-canvas.plan.yaml", "2023-02-01"},
	{"crowd-1", "testdata/plans/crowd/crowd-1.plan.yaml", "2027-04-20"},
	{"crowd-6", "testdata/plans/crowd/crowd-6.plan.yaml", "2027-04-20"},
	{"crowd-18", "testdata/plans/crowd/crowd-18.plan.yaml", "2027-04-20"},
	{"crowd-60", "testdata/plans/crowd/crowd-60.plan.yaml", "2027-04-20"},
	{"crowd-20-medium-high", "testdata/plans/crowd/crowd-20-medium-high.plan.yaml", "2027-04-20"},
	{"crowd-30-high-high", "testdata/plans/crowd/crowd-30-high-high.plan.yaml", "2027-04-20"},
	{"crowd-60-high-high", "testdata/plans/crowd/crowd-60-high-high.plan.yaml", "2027-04-20"},
}

// fakeGit is the history the golden reports claim, so that they do not change with
// every commit of this repository.
var fakeGit = &report.GitInfo{Commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", Date: plan.MustDate("2027-02-26"), Modified: true}

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

// optionsFor are the options plan render would use for gp with the default config: the
// minimums of the plan's profile, which the report names when the plan names it.
func optionsFor(t testing.TB, p *plan.Plan, today string) report.Options {
	t.Helper()
	cfg := config.Default()
	checked, err := cfg.For(p.Profile.Value)
	if err != nil {
		t.Fatal(err)
	}
	found := lint.New(cfg).Check(p)
	o := report.Options{
		Findings: found.Findings,
		Silenced: found.Silenced,
		Today:    plan.MustDate(today),
		Version:  "1.0.0-test",
		Git:      fakeGit,
		Minimums: checked.Settings.Minimums,
		Ideals:   checked.Settings.Ideals,
	}
	if name := p.Profile.Value; name != "" {
		o.Profile = fmt.Sprintf("%s (%s)", checked.Chain[0].Title, name)
	}
	return o
}

// withRecords adds the records of the plan at path to opts, and the findings as plan
// render works them out then: plan check's as of the report's day, records and all.
func withRecords(t testing.TB, p *plan.Plan, path string, opts report.Options) report.Options {
	t.Helper()
	opts.Records = loadRecords(t, p, path)
	if opts.Records.Len() > 0 {
		l := lint.New(config.Default())
		l.Today = opts.Today
		found := l.CheckPlanRecords(p, opts.Records, nil)
		opts.Findings, opts.Silenced = found.Findings, found.Silenced
	}
	return opts
}

// reports renders gp in both formats.
func reports(t testing.TB, gp goldenPlan) (md, html string) {
	t.Helper()
	p := loadPlan(t, gp.path)
	opts := withRecords(t, p, gp.path, optionsFor(t, p, gp.today))
	return both(t, p, opts, HTMLOptions{})
}

// both renders p in both formats from data worked out once, as plan render does.
func both(t testing.TB, p *plan.Plan, opts report.Options, page HTMLOptions) (md, html string) {
	t.Helper()
	d := report.Build(p, opts)
	var m, h bytes.Buffer
	if err := Markdown(&m, d); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	if err := HTML(&h, d, page); err != nil {
		t.Fatalf("HTML: %v", err)
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
	bareMD, bareHTML := both(t, p, report.Options{}, HTMLOptions{})
	for _, h := range order[2:] {
		if strings.Contains(bareMD, h) {
			t.Errorf("a plan with only a title has a %q section", h)
		}
	}
	for _, id := range []string{"mandate", "objectives", "stakeholders", "timeline", "open-gaps"} {
		if strings.Contains(bareHTML, `id="`+id+`"`) {
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
	if len(opts.Silenced) == 0 || !slices.ContainsFunc(opts.Findings, func(f diag.Finding) bool { return f.Rule == "unused-ignore" }) {
		t.Fatal("the gaps plan silences nothing, or has no ignore that silences nothing; the test needs both")
	}
	sponsorMD, sponsorHTML := both(t, p, opts, HTMLOptions{})
	o := opts
	o.WithFindings = true
	withMD, withHTML := both(t, p, o, HTMLOptions{})
	o = opts
	o.NoFindings = true
	withoutMD, withoutHTML := both(t, p, o, HTMLOptions{})
	for _, format := range []struct {
		name, gaps, accepted   string
		sponsor, with, without string
	}{
		{"markdown", "## Open gaps", "## Accepted gaps", sponsorMD, withMD, withoutMD},
		{"html", `id="open-gaps"`, `id="accepted-gaps"`, sponsorHTML, withHTML, withoutHTML},
	} {
		for _, view := range []string{format.sponsor, format.with} {
			if !strings.Contains(view, format.gaps) || !strings.Contains(view, format.accepted) {
				t.Errorf("%s: findings but no Open gaps or Accepted gaps section", format.name)
			}
		}
		if strings.Contains(format.without, format.gaps) || strings.Contains(format.without, "Open gaps") || strings.Contains(format.without, "Accepted gaps") {
			t.Errorf("%s: --no-findings still shows the gaps", format.name)
		}
		for _, f := range opts.Findings {
			if !strings.Contains(format.with, f.Rule) {
				t.Errorf("%s: with findings, the Open gaps section lacks the %s finding's rule", format.name, f.Rule)
			}
			if !strings.Contains(format.with, escapeFor(format.name, f.Message)) {
				t.Errorf("%s: with findings, the Open gaps section does not say %q as plan check does", format.name, f.Message)
			}
			// A sponsor sees what is wrong, not the tool's names for it, nor its notes
			// about the plan's own ignore comments; a path through a list
			// (risks[0].description) is worded for a person (TestSponsorPaths), and the
			// rest of the message is plan check's.
			msg := f.Message
			if _, rest, ok := strings.Cut(msg, "[0]."); ok {
				_, msg, _ = strings.Cut(rest, " ")
			}
			if shown := strings.Contains(format.sponsor, escapeFor(format.name, msg)); shown == (f.Rule == "unused-ignore") {
				t.Errorf("%s: the sponsor's report shows the %s finding %q: %v", format.name, f.Rule, f.Message, shown)
			}
			if strings.Contains(format.sponsor, f.Rule+"<") || strings.Contains(format.sponsor, f.Rule+"`") {
				t.Errorf("%s: the sponsor's report names the rule %s", format.name, f.Rule)
			}
		}
	}
}

// escapeFor writes a finding's message as the report does.
func escapeFor(format, msg string) string {
	if format == "html" {
		return html.EscapeString(msg)
	}
	return safemd.Text(msg)
}

// TestAcceptedGaps: what the plan's ignore comments silence is listed with each
// comment's reason, and "No reason given" where it gives none, in both formats.
func TestAcceptedGaps(t *testing.T) {
	gp := goldenPlans[2]
	md, page := reports(t, gp)
	for _, want := range []string{
		"| Error | risk \"low-turnout\" has no mitigation: add mitigation saying what will be done to prevent it or reduce its effect | turnout is what the survey measures; the library board accepts the risk |",
		"| Error | stakeholder \"staff\" has no channels: add at least one way to reach them under channels | No reason given |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown: no accepted gap %q", want)
		}
	}
	for _, want := range []string{
		"<td>turnout is what the survey measures; the library board accepts the risk</td>",
		"<td>No reason given</td>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("html: no accepted gap %q", want)
		}
	}
	if i, j := strings.Index(md, "## Accepted gaps"), strings.Index(md, "## Open gaps"); i < j {
		t.Error("Accepted gaps comes before Open gaps")
	}
	if strings.Contains(md[strings.Index(md, "## Open gaps"):strings.Index(md, "## Accepted gaps")], `risk "low-turnout" has no mitigation`) {
		t.Error("a silenced finding is also an open gap")
	}
}

// TestDraft: an error left, or a placeholder at any severity, makes the report a draft in
// its title and under it; what an ignore silenced does not, and a clean plan is no draft.
func TestDraft(t *testing.T) {
	draft := func(t *testing.T, md, page string) bool {
		t.Helper()
		signs := []bool{
			strings.HasPrefix(md, "# DRAFT: "),
			strings.Contains(md, "\n> **DRAFT, not for sign-off.** The plan still has "),
			strings.Contains(page, "<title>DRAFT: "),
			strings.Contains(page, `<div class="draft-mark" aria-hidden="true"></div>`),
			strings.Contains(page, `<p class="draft-notice"><strong>DRAFT, not for sign-off.</strong>`),
		}
		for _, s := range signs[1:] {
			if s != signs[0] {
				t.Errorf("the report is a draft in some places and not in others: %v", signs)
			}
		}
		return signs[0]
	}
	clean := loadPlan(t, goldenPlans[0].path)
	if md, page := both(t, clean, optionsFor(t, clean, "2027-03-15"), HTMLOptions{}); draft(t, md, page) {
		t.Error("the council example, which has no findings, is a draft")
	}

	gaps := loadPlan(t, goldenPlans[2].path)
	opts := optionsFor(t, gaps, "2027-03-10")
	md, page := both(t, gaps, opts, HTMLOptions{})
	if !draft(t, md, page) {
		t.Fatal("the gaps plan, with errors, is not a draft")
	}
	if !strings.Contains(md, "The plan still has 10 errors and 1 placeholder left from the template, listed under [Open gaps](#open-gaps).") {
		t.Errorf("markdown: the draft notice does not say why:\n%s", md[:400])
	}
	opts.NoFindings = true
	md, page = both(t, gaps, opts, HTMLOptions{})
	if !draft(t, md, page) || strings.Contains(md, "Open gaps") || strings.Contains(page, "#open-gaps") {
		t.Error("--no-findings hides that the report is a draft, or links to gaps it left out")
	}

	// Only a placeholder, configured down to a warning: still a draft. Silenced, it is not.
	p := &plan.Plan{SchemaVersion: 1, Title: "Bare", File: "bare.plan.yaml"}
	placeholder := diag.Finding{Rule: "placeholder", Severity: diag.Warning, Line: 2, Message: `title still holds the template placeholder "TBD"`}
	md, page = both(t, p, report.Options{Findings: []diag.Finding{placeholder}}, HTMLOptions{})
	if !draft(t, md, page) || !strings.Contains(md, "The plan still has 1 placeholder left from the template") {
		t.Errorf("a placeholder at warning does not make a draft:\n%s", md)
	}
	warning := diag.Finding{Rule: "risks-missing", Severity: diag.Warning, Line: 1, Message: "no risks"}
	silenced := diag.Silenced{Finding: diag.Finding{Rule: "risk-unmitigated", Severity: diag.Error, Line: 3, Message: "no mitigation"}, Reason: "accepted"}
	if md, page = both(t, p, report.Options{Findings: []diag.Finding{warning}, Silenced: []diag.Silenced{silenced}}, HTMLOptions{}); draft(t, md, page) {
		t.Error("a warning and a silenced error make a draft")
	}
}

// TestCheckedAs: the report says which profile the plan was checked as, in both formats,
// and says nothing of one when none is given.
func TestCheckedAs(t *testing.T) {
	gp := goldenPlans[0]
	p := loadPlan(t, gp.path)
	opts := optionsFor(t, p, gp.today)
	opts.Profile = "World Bank ESS10 Stakeholder Engagement Plan (ess10)"
	md, html := both(t, p, opts, HTMLOptions{})
	if !strings.Contains(md, "**Checked as:** World Bank ESS10 Stakeholder Engagement Plan (ess10)") {
		t.Error("markdown: no Checked as line")
	}
	if !strings.Contains(html, `<span class="label">Checked as</span> World Bank ESS10 Stakeholder Engagement Plan (ess10)`) {
		t.Error("html: no Checked as line")
	}
	md, html = reports(t, goldenPlans[2]) // names no profile
	if strings.Contains(md, "Checked as") || strings.Contains(html, "Checked as") {
		t.Error("a report given no profile names one")
	}
}

func TestFooter(t *testing.T) {
	for _, tc := range []struct {
		git  *report.GitInfo
		want string
	}{
		{nil, "Generated on 5 Mar 2027 by plan 2.0 from a.plan.yaml."},
		{&report.GitInfo{Commit: "0123456789abcdef", Date: plan.MustDate("2027-03-01")}, "Generated on 5 Mar 2027 by plan 2.0 from a.plan.yaml, last changed in commit 0123456789ab on 1 Mar 2027."},
		{&report.GitInfo{Commit: "0123456789abcdef", Date: plan.MustDate("2027-03-01"), Modified: true}, "Generated on 5 Mar 2027 by plan 2.0 from a.plan.yaml, last changed in commit 0123456789ab on 1 Mar 2027, with uncommitted changes."},
		{&report.GitInfo{Modified: true, Untracked: true}, "Generated on 5 Mar 2027 by plan 2.0 from a.plan.yaml, which is not yet committed."},
	} {
		f := report.Footer{Generated: "5 Mar 2027", Version: "2.0", File: "a.plan.yaml", Git: tc.git}
		if tc.git != nil {
			f.GitDate = report.FormatDate(tc.git.Date)
		}
		if got := footerText(f); got != tc.want {
			t.Errorf("footer = %q\nwant     %q", got, tc.want)
		}
	}
}

// TestGapsMostSevereFirst: the Open gaps and Accepted gaps tables list errors first,
// then warnings, then infos, each in the order of the file, in both formats; plan
// check's order (by line) would put an info above the error a sponsor must see.
func TestGapsMostSevereFirst(t *testing.T) {
	p := loadPlan(t, goldenPlans[0].path)
	finding := func(sev diag.Severity, line int, msg string) diag.Finding {
		return diag.Finding{File: p.File, Line: line, Col: 1, Rule: "r", Severity: sev, Message: msg}
	}
	// As plan check lists them: by line.
	found := []diag.Finding{
		finding(diag.Info, 2, "info on line two"),
		finding(diag.Warning, 3, "warning on line three"),
		finding(diag.Error, 5, "first error"),
		finding(diag.Info, 6, "info on line six"),
		finding(diag.Error, 9, "second error"),
	}
	want := []string{"first error", "second error", "warning on line three", "info on line two", "info on line six"}
	var silenced []diag.Silenced
	for _, f := range found {
		silenced = append(silenced, diag.Silenced{Finding: f})
	}
	opts := optionsFor(t, p, goldenPlans[0].today)
	opts.Findings, opts.Silenced = found, silenced
	md, page := both(t, p, opts, HTMLOptions{})
	for _, tc := range []struct{ format, text, open, accepted string }{
		{"markdown", md, "## Open gaps", "## Accepted gaps"},
		{"html", page, `id="open-gaps"`, `id="accepted-gaps"`},
	} {
		for _, section := range []string{tc.open, tc.accepted} {
			at := strings.Index(tc.text, section)
			if at < 0 {
				t.Fatalf("%s: no %s", tc.format, section)
			}
			text := tc.text[at:]
			last := -1
			for _, msg := range want {
				i := strings.Index(text, msg)
				if i < 0 {
					t.Fatalf("%s %s: %q is missing", tc.format, section, msg)
				}
				if i < last {
					t.Errorf("%s %s: %q comes before a more severe or earlier gap", tc.format, section, msg)
				}
				last = i
			}
		}
	}
}

// TestSponsorPaths: the sponsor's view names the field a finding is about through a list
// as a person reads it, the item by its id or else its number, never by its YAML path;
// the authors' view (--with-findings) keeps plan check's message, path and all.
func TestSponsorPaths(t *testing.T) {
	p, err := plan.Parse("x.plan.yaml", []byte(`schema_version: 1
title: Paths
objectives:
  - id: hear-every-ward
    statement: "[Insert the objective in one sentence]"
status:
  previous_engagement:
    - method: "[Insert the method, e.g. online survey]"
stakeholders:
  - id: residents
    name: Residents
    channels: ["[Insert how to reach them]"]
`), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := optionsFor(t, p, "2027-03-01")
	sponsorMD, sponsorHTML := both(t, p, opts, HTMLOptions{})
	opts.WithFindings = true
	withMD, _ := both(t, p, opts, HTMLOptions{})
	for _, tc := range []struct{ path, sponsor string }{
		{"objectives[0].statement", `objective "hear-every-ward" › statement still holds the template placeholder`},
		{"status.previous_engagement[0].method", `status › previous engagement 1 › method still holds the template placeholder`},
		{"stakeholders[0].channels[0]", `stakeholder "residents" › channel 1 still holds the template placeholder`},
	} {
		if !strings.Contains(sponsorMD, safemd.Text(tc.sponsor)) || !strings.Contains(sponsorHTML, html.EscapeString(tc.sponsor)) {
			t.Errorf("the sponsor's report does not say %q", tc.sponsor)
		}
		if strings.Contains(sponsorMD, safemd.Text(tc.path)) || strings.Contains(sponsorHTML, tc.path) {
			t.Errorf("the sponsor's report names the path %s", tc.path)
		}
		if !strings.Contains(withMD, safemd.Text(tc.path)+" still holds") {
			t.Errorf("with findings, the report does not name the path %s as plan check does", tc.path)
		}
	}
}
