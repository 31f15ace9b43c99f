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
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, p := range s.Phases {
		row := []string{"phase", p.ID, p.Kind, p.Name, p.Start.String(), p.End.String(),
			countOrEmpty(p.Days), countOrEmpty(p.Minimum), countOrEmpty(p.Ideal), string(p.Status), p.Reason}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	for _, m := range s.Milestones {
		row := []string{"milestone", m.ID, string(m.Kind), m.Name, m.Date.String(), m.Date.String(), "", "", "", "", ""}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}

func countOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
