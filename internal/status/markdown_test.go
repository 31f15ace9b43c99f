package status

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
)

// trusting renders Markdown as GitHub would if it trusted raw HTML: the harshest reader
// of a status pasted into a comment.
var trusting = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(ghtml.WithUnsafe()))

var (
	anyTag    = regexp.MustCompile(`(?i)<(script|img|iframe|a\s[^>]*href="javascript|[a-z]+\s[^>]*\son[a-z]+=)`)
	tableRow  = regexp.MustCompile(`(?m)^\|.*\|$`)
	tableCell = regexp.MustCompile(`(?:^|[^\\])\|`)
)

// TestMarkdownReadsAsWritten: text from the records goes into the Markdown status
// escaped: it makes no HTML, no link, no extra table cell, and is shown.
func TestMarkdownReadsAsWritten(t *testing.T) {
	for i, payload := range []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(2)>`,
		`[link](javascript:alert(3))`,
		`a | b | c`,
		"`code` **bold** _em_ ~~s~~ $x$",
		"# heading",
		"1. list",
	} {
		mark := func(n int) string { return fmt.Sprintf("%s zq%dqz", payload, n) }
		src, err := yaml.Marshal(map[string]any{
			"schema_version": 1,
			"date":           "2027-03-10",
			"engaged":        []any{map[string]any{"stakeholder": "residents"}},
			"issues": []any{map[string]any{
				"text":       "raised",
				"commitment": map[string]any{"text": mark(1), "owner": mark(2), "due": "2027-03-12"},
			}},
			"grievances": []any{map[string]any{"id": "g1", "category": "access", "summary": mark(3)}},
		})
		if err != nil {
			t.Fatal(err)
		}
		r, err := record.Parse("hostile.record.yaml", src, plan.Options{})
		if err != nil {
			t.Fatalf("payload %d: %v", i, err)
		}
		p := parsePlan(t, basePlan)
		set := &record.Set{Records: []*record.Record{r}}
		s := Build(p, set, nil, Options{Today: plan.MustDate("2027-03-11")})
		s.FindOverdue(config.Default(), p, set)
		var md bytes.Buffer
		if err := WriteMarkdown(&md, s); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := trusting.Convert(md.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		if m := anyTag.FindString(out.String()); m != "" {
			t.Errorf("payload %q makes HTML: %s", payload, m)
		}
		if strings.Contains(out.String(), "<h1") || strings.Contains(out.String(), "<ol") {
			t.Errorf("payload %q makes a heading or a list", payload)
		}
		for _, table := range strings.Split(md.String(), "\n\n") {
			rows := tableRow.FindAllString(table, -1)
			for _, row := range rows {
				if got, want := len(tableCell.FindAllString(row, -1)), len(tableCell.FindAllString(rows[0], -1)); got != want {
					t.Errorf("payload %q: a row of %d cells in a table of %d: %s", payload, got-1, want-1, row)
				}
			}
		}
		for _, n := range []int{1, 3} {
			if !strings.Contains(md.String(), fmt.Sprintf("zq%dqz", n)) {
				t.Errorf("payload %q: field %d is missing", payload, n)
			}
		}
	}
}
