package export

import (
	"io"

	"github.com/planascode/plan/internal/csvsafe"
)

// WriteCSV writes t as CSV: a header row of column names, then a row per item. Cells a
// spreadsheet would run as formulas are defused as every CSV plan writes defuses them
// (see csvsafe).
func WriteCSV(w io.Writer, t *Table) error {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(t.Columns); err != nil {
		return err
	}
	row := make([]string, len(t.Columns))
	for _, cells := range t.Rows {
		for i, c := range cells {
			row[i] = c.Text
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}
