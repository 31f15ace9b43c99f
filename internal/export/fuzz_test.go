package export

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/planascode/plan/internal/csvsafe"
	"github.com/planascode/plan/internal/plan"
)

// FuzzExport exports whatever plan the loader accepts: no section may panic, every
// table's CSV reads back with encoding/csv to exactly its cells (defused), and the
// workbook is written and opens again, unless a cell is too long for it.
func FuzzExport(f *testing.F) {
	if data, err := os.ReadFile(goldenPlans["awkward"]); err == nil {
		// The fuzzer's engine stalls on multi-kilobyte seeds; the plan's first stakeholders
		// hold most kinds of cell.
		f.Add(data[:bytes.Index(data, []byte("\n  - id: port-authority"))+1])
	}
	for _, s := range []string{
		"schema_version: 1\ntitle: a\n",
		"schema_version: 1\ntitle: a\nstakeholders: [{id: s, name: \"=1\\r\\n\\r+2\\n\"}]\n",
		"schema_version: 1\ntitle: a\nactivities: [{id: a, name: b, date: 2027-Q1, until: 0001-01-01}]\n",
		"schema_version: 1\ntitle: a\ntimeline: {phases: [{id: p, kind: ongoing, start: 9999-12}, {id: q, kind: close, days: 3}]}\n",
		"schema_version: 1\ntitle: a\nevaluation: {measures: [{id: m, metric: \" \", target: -1.5e3}]}\n",
		"schema_version: 1\ntitle: a\ndecisions: [{id: d, question: \"\\\"\", open: [\"\", \",\"]}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := plan.Parse("f.plan.yaml", data, plan.Options{MaxSize: 1 << 20})
		if err != nil {
			return
		}
		tables := All(p)
		for _, table := range tables {
			var b bytes.Buffer
			if err := WriteCSV(&b, table); err != nil {
				t.Fatalf("%s: %v", table.Section, err)
			}
			got := readCSV(t, b.Bytes())
			want := [][]string{table.Columns}
			for _, row := range table.Rows {
				cells := make([]string, len(row))
				for i, c := range row {
					cells[i] = csvsafe.Defuse(c.Text)
				}
				want = append(want, cells)
			}
			if !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s reads back as\n%q\nnot\n%q", table.Section, got, want)
			}
		}
		var b bytes.Buffer
		err = WriteXLSX(&b, tables, WorkbookOptions{Title: p.Title})
		var tooLong *CellTooLongError
		if errors.As(err, &tooLong) {
			return
		}
		if err != nil {
			t.Fatalf("workbook: %v", err)
		}
		wb, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatalf("the workbook does not open: %v", err)
		}
		wb.Close()
	})
}
