package timeline

import (
	"io"
	"strconv"

	"github.com/planascode/plan/internal/csvsafe"
)

// csvHeader names the columns; a milestone leaves the columns about length empty.
var csvHeader = []string{"type", "id", "kind", "name", "start", "end", "days", "minimum_days", "ideal_days", "status", "reason"}

// WriteCSV writes one row per phase, then one per milestone, for spreadsheets. Unknown
// values are empty cells; an undated phase keeps its row, with its status and the reason,
// so that a sheet made from the plan still lists every phase.
func WriteCSV(w io.Writer, s *Schedule) error {
	rows := [][]string{csvHeader}
	for _, p := range s.Phases {
		rows = append(rows, []string{"phase", p.ID, p.Kind, p.Name, p.Start.String(), p.End.String(),
			countOrEmpty(p.Days), countOrEmpty(p.Minimum), countOrEmpty(p.Ideal), string(p.Status), p.Reason})
	}
	for _, m := range s.Milestones {
		rows = append(rows, []string{"milestone", m.ID, string(m.Kind), m.Name, m.Date.String(), m.Date.String(), "", "", "", "", ""})
	}
	return csvsafe.NewWriter(w).WriteAll(rows)
}

func countOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
