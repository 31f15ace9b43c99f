package render

import (
	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/safemd"
)

// mdApprovals writes the sign-off record: first whether the version shown is the one
// approved, then every approval.
func mdApprovals(m *mdDoc, d *report.Data) {
	a := d.Approvals
	if a == nil {
		return
	}
	m.heading(2, "Approvals")
	m.block(safemd.Text(a.Status))
	var rows [][]string
	for _, x := range a.List {
		rows = append(rows, []string{safemd.Text(x.Version), safemd.Text(x.By), safemd.Text(x.Role), safemd.Text(x.Date), safemd.CodeSpan(x.Commit)})
	}
	m.table([]string{"Version", "Approved by", "Role", "Date", "Commit"}, rows)
}
