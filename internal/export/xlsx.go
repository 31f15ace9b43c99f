package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// DateFormat is the number format of a date cell: the plan's own way of writing a day,
// which every spreadsheet reads the same whatever its locale.
const DateFormat = "yyyy-mm-dd"

// Column widths, in characters: enough for a header or a date, and no wider than a
// paragraph reads well, past which a cell wraps.
const (
	minWidth = 8
	maxWidth = 60
)

// firstExcelDay is the first day a spreadsheet can hold as a date (1900-01-01); an
// earlier day is written as text.
var firstExcelDay = time.Date(1900, time.January, 1, 0, 0, 0, 0, time.UTC)

// CellTooLongError is a cell longer than a spreadsheet cell can hold, which the workbook
// would have to cut without a word.
type CellTooLongError struct {
	Sheet, Column string
	// Row is the item's row on its sheet, counting the header as 1.
	Row int
	// Length is the cell's length in UTF-16 code units, as spreadsheets count it.
	Length int
}

func (e *CellTooLongError) Error() string {
	return fmt.Sprintf("%s sheet, row %d, column %s: %d characters, more than the %d a spreadsheet cell holds: shorten it, or export it with --format csv",
		e.Sheet, e.Row, e.Column, e.Length, excelize.TotalCellChars)
}

// WorkbookOptions are what a workbook says about itself.
type WorkbookOptions struct {
	// Title is the document's title (the plan's).
	Title string
	// Active is the section whose sheet the workbook opens on; "" for the first.
	Active string
}

// WriteXLSX writes tables as an .xlsx workbook, a sheet each in order: a bold header row
// that stays in view as the sheet scrolls, the rows as a spreadsheet table named after
// the sheet (so that each column sorts and filters), columns as wide as their
// content (up to a limit, past which text wraps), days as dates, numbers as numbers,
// flags as TRUE or FALSE. Text is stored as text, so a spreadsheet never runs it as a
// formula. Nothing is written when a cell is too long for a spreadsheet
// (*CellTooLongError).
func WriteXLSX(w io.Writer, tables []*Table, opts WorkbookOptions) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if err := f.SetDocProps(&excelize.DocProperties{Title: opts.Title, Creator: "plan"}); err != nil {
		return err
	}
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, t := range tables {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), t.Sheet)
		} else {
			_, err = f.NewSheet(t.Sheet)
		}
		if err != nil {
			return err
		}
		if err := writeSheet(f, t, styles); err != nil {
			return err
		}
		if t.Section == opts.Active {
			f.SetActiveSheet(i)
		}
	}
	return f.Write(w)
}

type styles struct {
	header, text, date int
}

func newStyles(f *excelize.File) (styles, error) {
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	var s styles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top"},
	}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return s, err
	}
	dateFormat := DateFormat
	s.date, err = f.NewStyle(&excelize.Style{Alignment: top, CustomNumFmt: &dateFormat})
	return s, err
}

// writeSheet writes t into its sheet cell by cell. excelize's StreamWriter would take
// half the time on the largest plans, but it writes the sheets into the file in a random
// order, and the same plan must always give the same bytes.
func writeSheet(f *excelize.File, t *Table, s styles) error {
	sheet, last := t.Sheet, len(t.Columns)-1
	lastCol, _ := excelize.ColumnNumberToName(last + 1)
	for c, name := range t.Columns {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, col, col, columnWidth(name, t.Rows, c)); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, cellName(c, 0), name); err != nil {
			return err
		}
	}
	// Cells written after take their column's style; the header has its own.
	if err := f.SetColStyle(sheet, "A:"+lastCol, s.text); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", cellName(last, 0), s.header); err != nil {
		return err
	}
	for r, row := range t.Rows {
		for c, cell := range row {
			v, err := value(t, r, c, cell, s)
			if err != nil {
				return err
			}
			if v == nil {
				continue
			}
			name := cellName(c, r+1)
			if err := f.SetCellValue(sheet, name, v.Value); err != nil {
				return err
			}
			if v.StyleID != s.text {
				if err := f.SetCellStyle(sheet, name, name, v.StyleID); err != nil {
					return err
				}
			}
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// A table over the rows gives every column a filter and sort button in the header;
	// it needs a row besides the header, which an empty section leaves blank.
	return f.AddTable(sheet, &excelize.Table{Range: "A1:" + cellName(last, max(len(t.Rows), 1)), Name: t.Sheet})
}

// cellName is the name of the cell in column c and row r of a table, both from 0, with
// the header in the sheet's first row.
func cellName(c, r int) string {
	name, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return name
}

// value is what the workbook holds in the cell in row r and column c of t: nil for an
// empty cell, else the value and its style.
func value(t *Table, r, c int, cell Cell, s styles) (*excelize.Cell, error) {
	switch {
	case cell.Text == "":
		return nil, nil
	case cell.Kind == Date && !cell.Day.Time().Before(firstExcelDay):
		return &excelize.Cell{StyleID: s.date, Value: cell.Day.Time()}, nil
	case cell.Kind == Number:
		n, err := strconv.ParseInt(cell.Text, 10, 64)
		return &excelize.Cell{StyleID: s.text, Value: n}, err
	case cell.Kind == Bool:
		return &excelize.Cell{StyleID: s.text, Value: cell.Text == "true"}, nil
	}
	if n := len(utf16.Encode([]rune(cell.Text))); n > excelize.TotalCellChars {
		return nil, &CellTooLongError{Sheet: t.Sheet, Column: t.Columns[c], Row: r + 2, Length: n}
	}
	return &excelize.Cell{StyleID: s.text, Value: cell.Text}, nil
}

// columnWidth fits column c to its header and the longest line of its cells, within
// minWidth and maxWidth.
func columnWidth(header string, rows [][]Cell, c int) float64 {
	widest := utf8.RuneCountInString(header)
	for _, row := range rows {
		for line := range strings.SplitSeq(row[c].Text, "\n") {
			widest = max(widest, utf8.RuneCountInString(line))
		}
	}
	// A little room, as a spreadsheet's own "fit to content" leaves.
	return float64(min(max(widest+2, minWidth), maxWidth))
}
