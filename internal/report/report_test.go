package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func loadPlan(t testing.TB, path string) *plan.Plan {
	t.Helper()
	p, err := plan.Load(path, path, plan.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return p
}

func TestBudgetTotals(t *testing.T) {
	p := loadPlan(t, "../render/testdata/plans/gaps.plan.yaml")
	d := Build(p, Options{})
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

func TestMatrixChart(t *testing.T) {
	p := loadPlan(t, "../../examples/school-software-rollout.plan.yaml")
	d := Build(p, Options{})
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

// TestGridSaysWhatIsMissing: a group that stakeholder-incomplete passes (the default
// profile does not ask for impact) but that lacks a rating the grid needs is named under
// the grid with the rating it lacks, so the report and the check agree on what to add.
func TestGridSaysWhatIsMissing(t *testing.T) {
	p, err := plan.Parse("g.plan.yaml", []byte(`schema_version: 1
title: G
stakeholders:
  - {id: a, name: Rated, influence: high, impact: low}
  - {id: b, name: Residents, influence: high}
  - {id: c, name: Shops, impact: medium}
  - {id: d, name: Visitors}
`), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := Build(p, Options{})
	if d.Grid == nil {
		t.Fatal("no grid")
	}
	want := []string{"Residents (no impact rating)", "Shops (no influence rating)", "Visitors (no influence or impact rating)"}
	if strings.Join(d.Grid.Unplaced, "|") != strings.Join(want, "|") {
		t.Errorf("Unplaced = %q, want %q", d.Grid.Unplaced, want)
	}
}

// TestDraftAndSponsorView: errors and placeholders (at any severity) make a draft, and
// what was silenced does not; the sponsor's view leaves out unused-ignore and keeps the
// silenced findings, with their reasons, for the Accepted gaps appendix.
func TestDraftAndSponsorView(t *testing.T) {
	p := &plan.Plan{SchemaVersion: 1, Title: "T"}
	err := diag.Finding{Rule: "risk-unmitigated", Severity: diag.Error, Line: 9, Message: "no mitigation"}
	warn := diag.Finding{Rule: "risks-missing", Severity: diag.Warning, Line: 1, Message: "no risks"}
	placeholder := diag.Finding{Rule: "placeholder", Severity: diag.Info, Line: 3, Message: "TBD"}
	unused := diag.Finding{Rule: "unused-ignore", Severity: diag.Info, Line: 4, Message: "silences nothing"}
	silenced := diag.Silenced{Finding: diag.Finding{Rule: "stakeholder-unreachable", Severity: diag.Error, Line: 7, Message: "no channels"}, Reason: "reached\nin person", Line: 7}
	for _, tc := range []struct {
		name     string
		findings []diag.Finding
		draft    *Draft
	}{
		{"clean", nil, nil},
		{"warnings only", []diag.Finding{warn, unused}, nil},
		{"an error", []diag.Finding{err, warn}, &Draft{Errors: 1}},
		{"a placeholder at info", []diag.Finding{placeholder}, &Draft{Placeholders: 1}},
		{"both", []diag.Finding{err, placeholder, err}, &Draft{Errors: 2, Placeholders: 1}},
	} {
		d := Build(p, Options{Findings: tc.findings, Silenced: []diag.Silenced{silenced}})
		if (d.Draft == nil) != (tc.draft == nil) || d.Draft != nil && *d.Draft != *tc.draft {
			t.Errorf("%s: draft %+v, want %+v", tc.name, d.Draft, tc.draft)
		}
	}
	if got := (&Draft{Errors: 2, Placeholders: 1}).Reason(); got != "2 errors and 1 placeholder left from the template" {
		t.Errorf("reason = %q", got)
	}

	all := []diag.Finding{warn, unused}
	sponsor := Build(p, Options{Findings: all, Silenced: []diag.Silenced{silenced}})
	if len(sponsor.Findings) != 1 || sponsor.Findings[0].Rule != "risks-missing" || sponsor.FindingDetail {
		t.Errorf("sponsor's gaps: %+v (detail %v), want risks-missing alone", sponsor.Findings, sponsor.FindingDetail)
	}
	want := []Accepted{{Finding: Finding{Severity: "error", Line: 7, Message: "no channels", Rule: "stakeholder-unreachable"}, Reason: "reached in person"}}
	if !reflect.DeepEqual(sponsor.Accepted, want) || !sponsor.Has(SecAccepted) {
		t.Errorf("accepted = %+v (section %v), want %+v", sponsor.Accepted, sponsor.Has(SecAccepted), want)
	}
	authors := Build(p, Options{Findings: all, WithFindings: true})
	if len(authors.Findings) != 2 || !authors.FindingDetail || authors.Has(SecAccepted) {
		t.Errorf("--with-findings: %+v (detail %v)", authors.Findings, authors.FindingDetail)
	}
	none := Build(p, Options{Findings: []diag.Finding{err}, Silenced: []diag.Silenced{silenced}, NoFindings: true})
	if len(none.Findings) != 0 || len(none.Accepted) != 0 || none.Draft == nil {
		t.Errorf("--no-findings: gaps %v, accepted %v, draft %v: want none, none and a draft", none.Findings, none.Accepted, none.Draft)
	}
}
