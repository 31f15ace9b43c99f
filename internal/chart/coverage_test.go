package chart

import (
	"regexp"
	"strings"
	"testing"
)

func TestCoverageMarksEveryCell(t *testing.T) {
	phases := []string{"Planning", "Consultation open", "Adoption and implementation", "Analysis and report back to everyone who took part"}
	rows := []CoverageRow{
		{Name: "Residents", Cells: []string{CoverageEngaged, CoverageMissed, CoveragePending, CoverageNone}},
		{Name: "People who ride bikes, including the Yarrabend Bicycle User Group and its 400 members", Cells: []string{CoverageNone, CoverageEngaged, CoverageEngaged, CoveragePending}},
	}
	c := Coverage(phases, rows, "3 May 2027")
	svg := string(c.SVG)
	// Each state has its shape, so the chart reads without colour; the legend shows each
	// once more.
	for _, tc := range []struct {
		mark string
		want int
	}{
		{`<rect class="desired"`, 3 + 1},
		{`<rect class="current"`, 1 + 1},
		{`<circle class="current"`, 2 + 1},
		{`<line class="arrow"`, 2 + 1},
	} {
		if got := strings.Count(svg, tc.mark); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.mark, got, tc.want)
		}
	}
	// A long name is never cut: it wraps, and every word of it is in the chart.
	var label strings.Builder
	for _, m := range regexp.MustCompile(`<tspan[^>]*>([^<]*)</tspan>`).FindAllStringSubmatch(svg, -1) {
		label.WriteString(m[1] + " ")
	}
	if !strings.Contains(label.String(), rows[1].Name) {
		t.Errorf("the long name is not whole in the chart: %q", label.String())
	}
	// Every header line fits its column, measured as bold.
	colW := (chartWidth - chartLeft - coverageNameW) / float64(len(phases))
	for _, m := range regexp.MustCompile(`class="axis-label"[^>]*>([^<]*)<`).FindAllStringSubmatch(svg, -1) {
		if w := textWidth(m[1], coverageHeadBold); w > colW-6 {
			t.Errorf("header line %q is %.0f wide, the column %.0f", m[1], w, colW)
		}
	}
	if !strings.Contains(c.Desc, "each of 2 stakeholder groups engaged in each of 4 phases, as of 3 May 2027: 3 engaged, 1 not engaged") {
		t.Errorf("description: %s", c.Desc)
	}
}

// With five phases, as most plans have, a header wraps between words, never inside one
// ("implementati" / "on").
func TestCoverageHeadersBreakBetweenWords(t *testing.T) {
	phases := []string{"Planning", "Launch", "Consultation open", "Analysis and report back", "Adoption and implementation"}
	cells := []string{CoverageNone, CoverageNone, CoverageEngaged, CoveragePending, CoveragePending}
	svg := string(Coverage(phases, []CoverageRow{{Name: "Residents", Cells: cells}}, "3 May 2027").SVG)
	words := map[string]bool{}
	for _, p := range phases {
		for _, w := range strings.Fields(p) {
			words[w] = true
		}
	}
	for _, m := range regexp.MustCompile(`class="axis-label"[^>]*>([^<]*)<`).FindAllStringSubmatch(svg, -1) {
		for _, w := range strings.Fields(m[1]) {
			if !words[w] {
				t.Errorf("header line %q breaks a word", m[1])
			}
		}
	}
}
