// Package csvsafe writes CSV that a spreadsheet opens without running any of it. Every
// CSV plan writes for spreadsheets (plan timeline, plan export) goes through it, so that
// all of them defuse formulas the same way.
package csvsafe

import (
	"encoding/csv"
	"io"
	"strings"
)

// Writer is an encoding/csv writer that defuses every cell it writes.
type Writer struct {
	csv *csv.Writer
}

// NewWriter writes CSV to w.
func NewWriter(w io.Writer) *Writer { return &Writer{csv: csv.NewWriter(w)} }

// Write writes one row, each cell defused; row itself is left as it was.
func (w *Writer) Write(row []string) error {
	safe := make([]string, len(row))
	for i, c := range row {
		safe[i] = Defuse(c)
	}
	return w.csv.Write(safe)
}

// WriteAll writes rows, each cell defused, and flushes, as csv.Writer.WriteAll does.
func (w *Writer) WriteAll(rows [][]string) error {
	for _, row := range rows {
		if err := w.Write(row); err != nil {
			return err
		}
	}
	return w.Flush()
}

// Flush writes what is buffered and returns the first error of any write.
func (w *Writer) Flush() error {
	w.csv.Flush()
	return w.csv.Error()
}

// formulaStarts are the first characters that make a spreadsheet read a cell as a
// formula (or, for tab and carriage return, hide one after them).
const formulaStarts = "=+-@\t\r"

// Defuse returns cell as a spreadsheet shows it as text rather than running it as a
// formula (CSV injection): a cell that starts with = + - @ or a tab or carriage return
// gets a leading apostrophe, which spreadsheets take to mean "text". Ids, kinds, numbers
// and dates never start with those.
func Defuse(cell string) string {
	if NeedsDefusing(cell) {
		return "'" + cell
	}
	return cell
}

// NeedsDefusing reports whether a spreadsheet would read cell, typed in or opened from
// CSV, as a formula.
func NeedsDefusing(cell string) bool {
	return cell != "" && strings.IndexByte(formulaStarts, cell[0]) >= 0
}
