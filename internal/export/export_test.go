package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/planascode/plan/internal/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenPlans are the plans every section is exported from and compared with
// testdata/golden/NAME/SECTION.csv.
var goldenPlans = map[string]string{
	"council-consultation":    "../../examples/council-consultation.plan.yaml",
	"school-software-rollout": "../../examples/school-software-rollout.plan.yaml",
	"awkward":                 "testdata/plans/awkward.plan.yaml",
}

func load(t testing.TB, path string) *plan.Plan {
	t.Helper()
	p, err := plan.Load(path, path, plan.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return p
}

func TestGoldenCSV(t *testing.T) {
	for name, path := range goldenPlans {
		p := load(t, path)
		for _, section := range Sections {
			t.Run(name+"/"+section, func(t *testing.T) {
				table, err := Build(p, section)
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := WriteCSV(&b, table); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "golden", name, section+".csv")
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./internal/export -update)", err)
				}
				if !bytes.Equal(b.Bytes(), want) {
					t.Errorf("%s differs from the export (go test ./internal/export -update, then review the diff):\n%s", golden, b.String())
				}
			})
		}
	}
}

// TestGoldenPlansFillEveryColumn guards the goldens against a column that silently
// exports nothing: each golden plan has a row in every section, and every column is
// filled in one of them.
func TestGoldenPlansFillEveryColumn(t *testing.T) {
	filled := map[string]bool{}
	for name, path := range goldenPlans {
		for _, table := range All(load(t, path)) {
			if len(table.Rows) == 0 {
				t.Errorf("%s has no %s", name, table.Section)
			}
			for _, row := range table.Rows {
				for c, cell := range row {
					if cell.Text != "" && cell.Text != "false" {
						filled[table.Section+"."+table.Columns[c]] = true
					}
				}
			}
		}
	}
	for _, table := range All(&plan.Plan{}) {
		for _, col := range table.Columns {
			key := table.Section + "." + col
			if !filled[key] {
				t.Errorf("no golden plan fills %s: add it to testdata/plans/awkward.plan.yaml", key)
			}
		}
	}
}

func TestBuildUnknownSection(t *testing.T) {
	_, err := Build(&plan.Plan{}, "stakeholder")
	if err == nil || !strings.Contains(err.Error(), `unknown section "stakeholder": want stakeholders, activities, risks, decisions, phases, measures`) {
		t.Errorf("err = %v", err)
	}
}

func TestEmptyPlanHasHeadersOnly(t *testing.T) {
	for _, table := range All(&plan.Plan{}) {
		if len(table.Rows) != 0 || len(table.Columns) == 0 {
			t.Errorf("%s: %d rows, %d columns", table.Section, len(table.Rows), len(table.Columns))
		}
		var b bytes.Buffer
		if err := WriteCSV(&b, table); err != nil {
			t.Fatal(err)
		}
		if want := strings.Join(table.Columns, ",") + "\n"; b.String() != want {
			t.Errorf("%s: %q, want %q", table.Section, b.String(), want)
		}
	}
}

func TestCells(t *testing.T) {
	p := load(t, goldenPlans["awkward"])
	cell := func(section, id, column string) Cell {
		t.Helper()
		table, err := Build(p, section)
		if err != nil {
			t.Fatal(err)
		}
		c := slices.Index(table.Columns, column)
		for _, row := range table.Rows {
			if row[0].Text == id {
				return row[c]
			}
		}
		t.Fatalf("no %s %q", section, id)
		return Cell{}
	}
	for _, tc := range []struct {
		section, id, column string
		want                Cell
	}{
		{"stakeholders", "residents", "channels", Cell{Text: "Letterbox drop; Facebook group, Harbourside"}},
		{"stakeholders", "residents", "engagement.desired", Cell{Text: "supportive"}},
		{"stakeholders", "residents", "vulnerable", Cell{Text: "true", Kind: Bool}},
		{"stakeholders", "residents", "profile", Cell{Text: "Long-standing residents of the **harbour** streets.\nMany are retired."}},
		{"stakeholders", "older-residents", "interest", Cell{Text: "-\tworried about noise\n- and dust"}},
		{"stakeholders", "older-residents", "engagement.current", Cell{}},
		{"stakeholders", "older-residents", "part_of", Cell{Text: "residents"}},
		{"activities", "drop-in", "audience", Cell{Text: "residents; older-residents"}},
		{"activities", "drop-in", "date", Cell{Text: "2027-03-02", Kind: Date, Day: plan.MustDate("2027-03-02")}},
		{"activities", "drop-in", "sessions", Cell{Text: "9", Kind: Number}},
		{"activities", "newsletter", "date", Cell{Text: "2027-Q2"}},
		{"activities", "newsletter", "until", Cell{Text: "2027-summer"}},
		{"activities", "newsletter", "sessions", Cell{}},
		{"decisions", "hours", "report_back", Cell{Text: "2027-05"}},
		{"phases", "plan", "name", Cell{Text: "Planning"}},
		{"phases", "plan", "resolved_end", Cell{Text: "2027-02-28", Kind: Date, Day: plan.MustDate("2027-02-28")}},
		{"phases", "close", "resolved_start", Cell{Text: "2027-04-02/2027-05-01"}},
		{"phases", "after", "resolved_end", Cell{}},
		{"measures", "reach", "target", Cell{Text: "500"}},
	} {
		if got := cell(tc.section, tc.id, tc.column); got != tc.want {
			t.Errorf("%s %s %s = %+v, want %+v", tc.section, tc.id, tc.column, got, tc.want)
		}
	}
}

func writeWorkbook(t *testing.T, p *plan.Plan, active string) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, All(p), WorkbookOptions{Title: p.Title, Active: active}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// find returns the cell of the row whose first cell is id, in the named column.
func find(t *testing.T, f *excelize.File, sheet, id, column string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	c := slices.Index(rows[0], column)
	if c < 0 {
		t.Fatalf("%s has no column %s: %q", sheet, column, rows[0])
	}
	for r, row := range rows {
		if len(row) > 0 && row[0] == id {
			return cellName(c, r)
		}
	}
	t.Fatalf("%s has no row %q", sheet, id)
	return ""
}

// isText reports whether a cell of type typ holds text, which a spreadsheet never runs.
func isText(typ excelize.CellType) bool {
	return typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString
}

func TestXLSX(t *testing.T) {
	p := load(t, goldenPlans["awkward"])
	f := writeWorkbook(t, p, "")

	want := []string{"Stakeholders", "Activities", "Risks", "Decisions", "Phases", "Measures"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("the workbook opens on sheet %d, not the stakeholders", f.GetActiveSheetIndex())
	}
	for _, table := range All(p) {
		rows, err := f.GetRows(table.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != len(table.Rows)+1 || !slices.Equal(rows[0], table.Columns) {
			t.Errorf("%s: %d rows, header %q; want %d rows, header %q", table.Sheet, len(rows), rows[0], len(table.Rows)+1, table.Columns)
		}
		panes, err := f.GetPanes(table.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: the header row is not frozen: %+v", table.Sheet, panes)
		}
		tables, err := f.GetTables(table.Sheet)
		if err != nil || len(tables) != 1 || tables[0].Range != "A1:"+cellName(len(table.Columns)-1, max(len(table.Rows), 1)) {
			t.Errorf("%s: tables %+v (%v), want one over the rows, for the header's filters", table.Sheet, tables, err)
		}
		style, _ := f.GetCellStyle(table.Sheet, "A1")
		if s, _ := f.GetStyle(style); s == nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("%s: the header is not bold", table.Sheet)
		}
	}

	// A day is a date: a number, shown in the date format.
	at := find(t, f, "Activities", "drop-in", "date")
	if typ, _ := f.GetCellType("Activities", at); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("the date is stored as %v, not a number", typ)
	}
	raw, _ := f.GetCellValue("Activities", at, excelize.Options{RawCellValue: true})
	if raw != "46448" { // 2 March 2027, in days since the spreadsheet epoch
		t.Errorf("the date's value is %q, want 46448", raw)
	}
	style, _ := f.GetCellStyle("Activities", at)
	if s, _ := f.GetStyle(style); s == nil || s.CustomNumFmt == nil || *s.CustomNumFmt != DateFormat {
		t.Errorf("the date's style %+v has no %s format", s, DateFormat)
	}
	if shown, _ := f.GetCellValue("Activities", at); shown != "2027-03-02" {
		t.Errorf("the date shows as %q", shown)
	}

	// A month, a quarter or a day before 1900 is text, as the plan writes it.
	for _, c := range []struct{ sheet, id, column, want string }{
		{"Activities", "newsletter", "date", "2027-Q2"},
		{"Decisions", "hours", "report_back", "2027-05"},
		{"Decisions", "early", "report_back", "1899-12-31"},
	} {
		at := find(t, f, c.sheet, c.id, c.column)
		typ, _ := f.GetCellType(c.sheet, at)
		got, _ := f.GetCellValue(c.sheet, at)
		if !isText(typ) || got != c.want {
			t.Errorf("%s %s %s: %v %q, want the text %q", c.sheet, c.id, c.column, typ, got, c.want)
		}
	}

	// Text that looks like a formula is text: kept as written, never a formula.
	for _, c := range []struct{ sheet, id, column, want string }{
		{"Stakeholders", "residents", "notes", "=1+1"},
		{"Stakeholders", "residents", "contact", "+61 2 9999 0000"},
		{"Stakeholders", "older-residents", "name", "@older residents"},
		{"Measures", "formula", "metric", "=SUM(A1:A9)"},
		{"Measures", "formula", "target", "-10%"},
	} {
		at := find(t, f, c.sheet, c.id, c.column)
		typ, _ := f.GetCellType(c.sheet, at)
		got, _ := f.GetCellValue(c.sheet, at)
		formula, _ := f.GetCellFormula(c.sheet, at)
		if !isText(typ) || got != c.want || formula != "" {
			t.Errorf("%s %s %s: %v %q formula %q, want the text %q", c.sheet, c.id, c.column, typ, got, formula, c.want)
		}
	}

	// Text wraps, at the top of its row.
	at = find(t, f, "Stakeholders", "residents", "profile")
	style, _ = f.GetCellStyle("Stakeholders", at)
	if s, _ := f.GetStyle(style); s == nil || s.Alignment == nil || !s.Alignment.WrapText || s.Alignment.Vertical != "top" {
		t.Errorf("the profile's style %+v does not wrap at the top", s)
	}

	// Numbers are numbers and flags are booleans.
	at = find(t, f, "Activities", "drop-in", "sessions")
	if got, _ := f.GetCellValue("Activities", at); got != "9" {
		t.Errorf("sessions = %q", got)
	}
	at = find(t, f, "Stakeholders", "port-authority", "partner")
	if typ, _ := f.GetCellType("Stakeholders", at); typ != excelize.CellTypeBool {
		t.Errorf("partner is stored as %v, not a boolean", typ)
	}

	// Columns fit their content within limits.
	if w, _ := f.GetColWidth("Stakeholders", "A"); w != float64(len("older-residents")+2) {
		t.Errorf("the id column is %v wide", w)
	}
	if w, _ := f.GetColWidth("Risks", "A"); w != minWidth {
		t.Errorf("the id column of risks is %v wide, want %d", w, minWidth)
	}

	if props, _ := f.GetDocProps(); props.Title != p.Title {
		t.Errorf("the workbook's title is %q", props.Title)
	}
}

func TestColumnWidth(t *testing.T) {
	rows := [][]Cell{{text("short\n" + strings.Repeat("x", 100))}, {text("ünïcödé wörds")}}
	if got := columnWidth("notes", rows, 0); got != maxWidth {
		t.Errorf("a long line makes the column %v wide, want %d", got, maxWidth)
	}
	if got := columnWidth("notes", rows[1:], 0); got != 13+2 {
		t.Errorf("width %v: characters are counted, not bytes", got)
	}
}

// TestXLSXIsDeterministic: the same plan gives the same bytes, so that a committed
// workbook changes only when the plan does.
func TestXLSXIsDeterministic(t *testing.T) {
	p := load(t, goldenPlans["council-consultation"])
	var first []byte
	for range 3 {
		var b bytes.Buffer
		if err := WriteXLSX(&b, All(p), WorkbookOptions{Title: p.Title}); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b.Bytes()
		} else if !bytes.Equal(first, b.Bytes()) {
			t.Fatal("two workbooks of the same plan differ")
		}
	}
}

func TestXLSXActiveSheet(t *testing.T) {
	f := writeWorkbook(t, load(t, goldenPlans["awkward"]), "risks")
	if got := f.GetSheetName(f.GetActiveSheetIndex()); got != "Risks" {
		t.Errorf("the workbook opens on %s, not Risks", got)
	}
}

func TestXLSXRefusesACellTooLong(t *testing.T) {
	p := &plan.Plan{Stakeholders: []plan.Stakeholder{{ID: "a", Name: "A", Notes: strings.Repeat("é", excelize.TotalCellChars+1)}}}
	var b bytes.Buffer
	err := WriteXLSX(&b, All(p), WorkbookOptions{})
	var tooLong *CellTooLongError
	if !errors.As(err, &tooLong) {
		t.Fatalf("err = %v, want a CellTooLongError", err)
	}
	if want := "Stakeholders sheet, row 2, column notes: 32768 characters, more than the 32767 a spreadsheet cell holds: shorten it, or export it with --format csv"; err.Error() != want {
		t.Errorf("err = %q\nwant  %q", err, want)
	}
	if b.Len() != 0 {
		t.Errorf("%d bytes written", b.Len())
	}
	// An emoji is two units in a spreadsheet's count.
	p.Stakeholders[0].Notes = strings.Repeat("😀", excelize.TotalCellChars/2) + "ab"
	if err := WriteXLSX(&b, All(p), WorkbookOptions{}); !errors.As(err, &tooLong) {
		t.Errorf("err = %v for %d UTF-16 units", err, excelize.TotalCellChars+1)
	}
}

// readCSV reads what WriteCSV wrote back into cells.
func readCSV(t testing.TB, data []byte) [][]string {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v\n%s", err, data)
	}
	return records
}

// TestDocsListEveryColumn keeps docs/export.md, where the columns are promised, in step
// with the tables: each section's heading is followed by a table whose first column lists
// the section's columns in order.
func TestDocsListEveryColumn(t *testing.T) {
	data, err := os.ReadFile("../../docs/export.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string][]string{}
	section := ""
	for line := range strings.Lines(string(data)) {
		switch {
		case strings.HasPrefix(line, "## "):
			section = ""
		case strings.HasPrefix(line, "### "):
			section = strings.TrimSpace(strings.TrimPrefix(line, "### "))
		case section != "" && strings.HasPrefix(line, "| `"):
			name, _, _ := strings.Cut(strings.TrimPrefix(line, "| `"), "`")
			documented[section] = append(documented[section], name)
		}
	}
	for _, table := range All(&plan.Plan{}) {
		if got := documented[table.Section]; !slices.Equal(got, table.Columns) {
			t.Errorf("docs/export.md lists the %s columns\n%q\nbut the export writes\n%q", table.Section, got, table.Columns)
		}
	}
}
