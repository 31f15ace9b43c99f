// Package export lays a plan's registers out as tables (the stakeholder register,
// activities, risks, decisions, phases and measures) and writes them for spreadsheets:
// one table as CSV, or all of them as an .xlsx workbook with a sheet each.
//
// The columns of each table are a stable contract, documented in docs/export.md: a
// column is never renamed, moved or dropped, and a new field of the format becomes a new
// column at the end of its table.
package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/plan"
)

// Sections are the tables a plan is exported as, the default first, in the order of
// the workbook's sheets.
var Sections = sectionNames()

func sectionNames() []string {
	names := make([]string, len(sectionTables))
	for i, s := range sectionTables {
		names[i] = s.name
	}
	return names
}

// ListSeparator joins the items of a list, and the ids of a list of references, in one
// cell.
const ListSeparator = "; "

// Table is one section of a plan as rows of cells under named columns.
type Table struct {
	// Section is the section's name, as --section and the format name it.
	Section string
	// Sheet is the name of the table's sheet in a workbook.
	Sheet   string
	Columns []string
	Rows    [][]Cell
}

// Kind is what a cell holds, which decides how a workbook stores it; CSV writes every
// kind as its Text.
type Kind uint8

// The kinds of cell.
const (
	Text Kind = iota
	// Date is a calendar day; a month, quarter or season is Text, as written.
	Date
	Number
	Bool
)

// Cell is one value of a table.
type Cell struct {
	// Text is the value as CSV writes it: text as the plan writes it (line breaks as
	// "\n", none at the end), a date as the plan writes it, a number in digits, a flag as
	// true or false; "" for a value the plan does not give.
	Text string
	Kind Kind
	// Day is the date of a Date cell.
	Day plan.Date
}

// Build returns the table of the named section (one of Sections).
func Build(p *plan.Plan, section string) (*Table, error) {
	for _, s := range sectionTables {
		if s.name == section {
			return s.build(p), nil
		}
	}
	return nil, fmt.Errorf("unknown section %q: want %s", section, strings.Join(Sections, ", "))
}

// All returns every section's table, in the order of Sections.
func All(p *plan.Plan) []*Table {
	out := make([]*Table, len(sectionTables))
	for i, s := range sectionTables {
		out[i] = s.build(p)
	}
	return out
}

// column is one column of a table of Ts: its name and how a T fills it.
type column[T any] struct {
	name string
	cell func(*T) Cell
}

// table lays items out under columns.
func table[T any](section, sheet string, items []T, columns []column[T]) *Table {
	t := &Table{Section: section, Sheet: sheet, Columns: make([]string, len(columns)), Rows: make([][]Cell, len(items))}
	for i, c := range columns {
		t.Columns[i] = c.name
	}
	for r := range items {
		row := make([]Cell, len(columns))
		for i, c := range columns {
			row[i] = c.cell(&items[r])
		}
		t.Rows[r] = row
	}
	return t
}

func text(s string) Cell {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	// A block scalar ends in a line break, which in a cell is only an empty last line.
	return Cell{Text: strings.TrimRight(s, "\n")}
}

func list(items []string) Cell { return text(strings.Join(items, ListSeparator)) }

func date(d plan.Date) Cell {
	if d.IsZero() || !d.Precise() {
		return Cell{Text: d.String()}
	}
	return Cell{Text: d.String(), Kind: Date, Day: d}
}

// count is a number the plan gives only when it is above 0.
func count(n int) Cell {
	if n == 0 {
		return Cell{}
	}
	return Cell{Text: strconv.Itoa(n), Kind: Number}
}

func boolean(b bool) Cell { return Cell{Text: strconv.FormatBool(b), Kind: Bool} }
