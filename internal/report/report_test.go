package report

import (
	"strings"
	"testing"

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
