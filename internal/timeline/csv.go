package timeline

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// csvHeader names the columns; a milestone leaves the columns about length empty.
var csvHeader = []string{"type", "id", "kind", "name", "start", "end", "days", "minimum_days", "ideal_days", "status", "reason"}

// WriteCSV writes one row per phase, then one per milestone, for spreadsheets. Unknown
// values are empty cells; an undated phase keeps its row, with its status and the reason,
// so that a sheet made from the plan still lists every phase.
func WriteCSV(w io.Writer, s *Schedule) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, p := range s.Phases {
		row := []string{"phase", p.ID, p.Kind, p.Name, p.Start.String(), p.End.String(),
			countOrEmpty(p.Days), countOrEmpty(p.Minimum), countOrEmpty(p.Ideal), string(p.Status), p.Reason}
		if err := cw.Write(cells(row)); err != nil {
			return err
		}
	}
	for _, m := range s.Milestones {
		row := []string{"milestone", m.ID, string(m.Kind), m.Name, m.Date.String(), m.Date.String(), "", "", "", "", ""}
		if err := cw.Write(cells(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func countOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// cells defuses text a spreadsheet would run as a formula (CSV injection): a cell that
// starts with = + - @ or a tab or carriage return gets a leading apostrophe, which
// spreadsheets show as text. Ids, kinds and dates never start with those.
func cells(row []string) []string {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			row[i] = "'" + c
		}
	}
	return row
}
