package render

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// grids are the tables whose columns are the levels or phases of a grid rather than
// facts a row may lack: an empty column there says nobody is at that level.
var grids = []string{"Engagement assessment matrix as a table", "Coverage table"}

var (
	htmlTable = regexp.MustCompile(`(?s)aria-label="([^"]*)">\s*<table[^>]*>(.*?)</table>`)
	htmlRow   = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	htmlCell  = regexp.MustCompile(`(?s)<t[hd][^>]*>(.*?)</t[hd]>`)
	anyTag    = regexp.MustCompile(`<[^>]*>`)
	mdCell    = regexp.MustCompile(`(?:^|[^\\])\|`)
)

// TestNoEmptyColumns: no table of a golden report has a column that no row fills
// (Objectives' "Informs the decision", the register's "Contact"…), in either format;
// such a column is left out, not printed empty.
func TestNoEmptyColumns(t *testing.T) {
	for _, gp := range goldenPlans {
		md, page := reports(t, gp)
		for _, m := range htmlTable.FindAllStringSubmatch(page, -1) {
			label, body := m[1], m[2]
			if strings.Contains(body, "<table") || slices.Contains(grids, label) {
				continue // a table inside a cell's Markdown, or a grid
			}
			var rows [][]string
			for _, r := range htmlRow.FindAllStringSubmatch(body, -1) {
				var cells []string
				for _, c := range htmlCell.FindAllStringSubmatch(r[1], -1) {
					cells = append(cells, strings.TrimSpace(anyTag.ReplaceAllString(c[1], "")))
				}
				rows = append(rows, cells)
			}
			checkColumns(t, gp.name+".html "+label, rows)
		}
		lines := strings.Split(md, "\n")
		for i := 0; i+1 < len(lines); i++ {
			if !strings.HasPrefix(lines[i], "| ") || !strings.HasPrefix(lines[i+1], "| ---") {
				continue
			}
			var rows [][]string
			for j := i; j < len(lines) && strings.HasPrefix(lines[j], "|"); j++ {
				if j != i+1 {
					rows = append(rows, mdCells(lines[j]))
				}
			}
			if strings.HasPrefix(lines[i], "| Stakeholder group |") || strings.HasPrefix(lines[i], "| Stakeholder | Unaware |") {
				continue
			}
			checkColumns(t, gp.name+".md "+lines[i], rows)
		}
	}
}

// mdCells splits a Markdown table row at its unescaped pipes.
func mdCells(line string) []string {
	var cells []string
	last := 0
	for _, loc := range mdCell.FindAllStringIndex(line, -1) {
		end := loc[1] - 1
		if last > 0 || end > 0 {
			cells = append(cells, strings.TrimSpace(line[last:end]))
		}
		last = loc[1]
	}
	return cells
}

// checkColumns reports each column of rows (headings first) that no other row fills.
func checkColumns(t *testing.T, table string, rows [][]string) {
	t.Helper()
	if len(rows) < 2 {
		return
	}
	for k, heading := range rows[0] {
		empty := true
		for _, r := range rows[1:] {
			empty = empty && (k >= len(r) || r[k] == "")
		}
		if empty {
			t.Errorf("%s: no row fills the column %q", table, heading)
		}
	}
}
