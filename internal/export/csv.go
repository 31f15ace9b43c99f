package export

import (
	"io"

	"github.com/planascode/plan/internal/csvsafe"
)

// WriteCSV writes t as CSV: a header row of column names, then a row per item. Cells a
// spreadsheet would run as formulas are defused as every CSV plan writes defuses them
// (see csvsafe).
func WriteCSV(w io.Writer, t *Table) error {
	rows := [][]string{t.Columns}
	for _, cells := range t.Rows {
		row := make([]string, len(cells))
		for i, c := range cells {
			row[i] = c.Text
		}
		rows = append(rows, row)
	}
	return csvsafe.NewWriter(w).WriteAll(rows)
}
