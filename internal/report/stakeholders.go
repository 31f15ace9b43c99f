package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/planascode/plan/internal/chart"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// levelLabel writes a level or enum value as a word, "" when absent.
func levelLabel(s string) string { return label(strings.TrimSpace(s)) }

func (d *Data) buildStakeholders(p *plan.Plan, ids anchors) {
	anyEngagement := false
	for _, s := range p.Stakeholders {
		st := Stakeholder{
			Anchor:        ids.get("stakeholder-" + s.ID),
			ID:            s.ID,
			Name:          cmp.Or(wording.OneLine(s.Name), s.ID),
			Influence:     levelLabel(s.Influence),
			Impact:        levelLabel(s.Impact),
			Participation: levelLabel(s.Participation),
			Channels:      nonBlank(s.Channels),
			Vulnerable:    s.Vulnerable,
			Contact:       s.Contact,
			Profile:       MarkdownText(s.Profile),
			Interest:      MarkdownText(s.Interest),
			Notes:         MarkdownText(s.Notes),
			Quadrant:      quadrant(s.Influence, s.Impact),
			Category:      levelLabel(s.Category),
			Partner:       s.Partner,
			Languages:     nonBlank(s.Languages),
			PartOf:        cmp.Or(d.stakeholderNames[s.PartOf.ID], s.PartOf.ID),
		}
		for _, v := range s.Support {
			if !blank(v) {
				st.Support = append(st.Support, levelLabel(v))
			}
		}
		d.StakeholderColumns.Category = d.StakeholderColumns.Category || st.Category != ""
		d.StakeholderColumns.Languages = d.StakeholderColumns.Languages || len(st.Languages) > 0
		d.StakeholderColumns.Support = d.StakeholderColumns.Support || len(st.Support) > 0
		if s.Engagement != nil {
			st.Current, st.Desired = levelLabel(s.Engagement.Current), levelLabel(s.Engagement.Desired)
			anyEngagement = anyEngagement || st.Current != "" || st.Desired != ""
		}
		d.Stakeholders = append(d.Stakeholders, st)
	}
	d.buildGrid()
	if anyEngagement {
		d.buildMatrix()
	}
}

func levelIndex(s string) int { return slices.Index(plan.Levels, strings.TrimSpace(s)) }

// quadrant names where influence and impact put a stakeholder: one of the four
// quadrants, or between two of them when a rating is medium.
func quadrant(influence, impact string) string {
	i, j := levelIndex(influence), levelIndex(impact)
	if i < 0 || j < 0 {
		return ""
	}
	return chart.Where(i, j)
}

func (d *Data) buildGrid() {
	g := &Grid{}
	// names runs from high influence to low, then from low impact to high, as Cells.
	var names [9][]string
	for _, s := range d.Stakeholders {
		i, j := levelIndex(strings.ToLower(s.Influence)), levelIndex(strings.ToLower(s.Impact))
		if i < 0 || j < 0 {
			// Which rating is missing is said with the name: stakeholder-incomplete asks
			// for impact only where the profile's stakeholder_fields do, so a plan that
			// passes plan check may still leave a group off the grid, and its author must
			// learn from the report what to add to place it.
			missing := "influence or impact"
			switch {
			case i >= 0:
				missing = "impact"
			case j >= 0:
				missing = "influence"
			}
			g.Unplaced = append(g.Unplaced, s.Name+" (no "+missing+" rating)")
			continue
		}
		names[(2-i)*3+j] = append(names[(2-i)*3+j], s.Name)
	}
	if len(g.Unplaced) == len(d.Stakeholders) {
		return
	}
	for k, list := range names {
		influence, impact := plan.Levels[2-k/3], plan.Levels[k%3]
		g.Cells = append(g.Cells, GridCell{Influence: label(influence), Impact: label(impact), Quadrant: quadrant(influence, impact), Stakeholders: list})
	}
	g.Chart = chart.Grid(names, len(g.Unplaced))
	g.Mermaid = chart.GridMermaid(names)
	d.Grid = g
}

func (d *Data) buildMatrix() {
	m := &EngagementMatrix{}
	for _, l := range plan.EngagementLevels {
		m.Levels = append(m.Levels, label(l))
	}
	var rows []chart.MatrixRow
	for _, s := range d.Stakeholders {
		if s.Current == "" && s.Desired == "" {
			continue
		}
		rows = append(rows, chart.MatrixRow{Name: s.Name, Current: slices.Index(m.Levels, s.Current), Desired: slices.Index(m.Levels, s.Desired)})
		row := EngagementRow{Name: s.Name, Cells: make([]string, len(m.Levels))}
		for i, l := range m.Levels {
			var marks []string
			if s.Current == l {
				marks = append(marks, "C")
			}
			if s.Desired == l {
				marks = append(marks, "D")
			}
			row.Cells[i] = strings.Join(marks, " ")
		}
		m.Rows = append(m.Rows, row)
	}
	m.Chart = chart.Matrix(m.Levels, rows)
	d.Engagement = m
}
