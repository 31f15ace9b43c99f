package render

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/report"
)

func TestCustomTemplate(t *testing.T) {
	p := loadPlan(t, "../../examples/council-consultation.plan.yaml")
	d := report.Build(p, optionsFor(t, p, "2027-03-15"))
	custom := `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}} — Yarrabend</title><style>{{.CSS}}</style></head>
<body><main>
<h1>{{.Title}}</h1>
{{md 2 .Summary}}
<p>{{len .Stakeholders}} stakeholders; {{range .Budget.Totals}}{{.Text}}{{end}}</p>
{{template "stakeholders" .}}
{{with .Grid}}{{.Chart.SVG}}{{end}}
<p>{{text "Write to a@example.org"}}</p>
</main><footer>{{footer .Footer}}</footer></body></html>`
	var b bytes.Buffer
	if err := HTML(&b, d, HTMLOptions{Template: &Template{Name: "ours.html.tmpl", Source: custom}}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		"— Yarrabend</title>",
		"<strong>draft Walking and",
		"10 stakeholders; AUD 47,100",
		`<section id="stakeholders"`,
		`<svg class="chart chart-grid"`,
		`<a href="mailto:a@example.org">a@example.org</a>`,
		"last changed in commit 4b825dc642cb",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the custom report lacks %q", want)
		}
	}
	if strings.Contains(page, `class="toc"`) {
		t.Error("the custom report has the built-in table of contents")
	}
	assertInert(t, "custom template", page, 1)
}

// TestCustomTemplateRedefinesAPart checks the lighter way to customise: redefine one
// part of the built-in report and execute the whole of it.
func TestCustomTemplateRedefinesAPart(t *testing.T) {
	p := loadPlan(t, "../../examples/council-consultation.plan.yaml")
	d := report.Build(p, optionsFor(t, p, "2027-03-15"))
	src := `{{define "footer"}}<footer><p>Yarrabend City Council — {{.Footer.Generated}}</p></footer>{{end}}{{template "` + TemplateName + `" .}}`
	var b bytes.Buffer
	if err := HTML(&b, d, HTMLOptions{Template: &Template{Name: "footer.tmpl", Source: src}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "<p>Yarrabend City Council — 15 Mar 2027</p>") || !strings.Contains(b.String(), `<nav class="toc"`) {
		t.Error("the redefined footer or the rest of the built-in report is missing")
	}
	// The built-in template itself is unchanged for the next report.
	var plain bytes.Buffer
	if err := HTML(&plain, d, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "Yarrabend City Council —") {
		t.Error("redefining a part in a custom template changed the built-in one")
	}
}

func TestBadCustomTemplate(t *testing.T) {
	p := loadPlan(t, "testdata/plans/gaps.plan.yaml")
	d := report.Build(p, optionsFor(t, p, "2027-03-10"))
	for name, src := range map[string]string{
		"unclosed.tmpl": "{{if .Title}}",
		"unknown.tmpl":  "{{nosuchfunc .Title}}",
	} {
		var te *TemplateError
		if err := HTML(&bytes.Buffer{}, d, HTMLOptions{Template: &Template{Name: name, Source: src}}); !errors.As(err, &te) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want a *TemplateError naming the file", name, err)
		}
	}
}

// TestHTMLStructure checks what the issue asks of every page: a language, a viewport,
// landmarks, one h1, no skipped heading levels, a table of contents that points at the
// sections, and ids that are unique.
func TestHTMLStructure(t *testing.T) {
	for _, gp := range goldenPlans {
		_, page := reports(t, gp)
		for _, want := range []string{`<html lang="en">`, `<meta name="viewport" content="width=device-width, initial-scale=1">`,
			"<header", "<nav", `<main id="main">`, "<footer", "@page", "prefers-color-scheme: dark", "@media print"} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: no %s", gp.name, want)
			}
		}
		if n := strings.Count(page, "<h1"); n != 1 {
			t.Errorf("%s: %d h1 elements", gp.name, n)
		}
		prev := 1
		for _, m := range regexp.MustCompile(`<h([1-6])[ >]`).FindAllStringSubmatch(page, -1) {
			level := int(m[1][0] - '0')
			if level > prev+1 {
				t.Errorf("%s: an h%d follows an h%d", gp.name, level, prev)
			}
			prev = level
		}
		ids := map[string]bool{}
		for _, m := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllStringSubmatch(page, -1) {
			if ids[m[1]] {
				t.Errorf("%s: the id %q is used twice", gp.name, m[1])
			}
			ids[m[1]] = true
		}
		for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(page, -1) {
			if !ids[m[1]] {
				t.Errorf("%s: a link to #%s, which is not in the page", gp.name, m[1])
			}
		}
		for _, m := range regexp.MustCompile(`aria-labelledby="([^"]+)"`).FindAllStringSubmatch(page, -1) {
			for _, id := range strings.Fields(m[1]) {
				if !ids[id] {
					t.Errorf("%s: aria-labelledby names %q, which is not in the page", gp.name, id)
				}
			}
		}
		if strings.Count(page, "<svg") != strings.Count(page, `role="img"`) {
			t.Errorf("%s: a chart without role=img", gp.name)
		}
	}
}

// TestFilled: the template function filled says which fields any row sets, counting an
// empty list as unset, and refuses a field the rows lack rather than hiding a column.
func TestFilled(t *testing.T) {
	rows := []report.Stakeholder{{Name: "A", Channels: []string{}}, {Name: "B", Contact: "b@example.org"}}
	got, err := filled(rows, "Contact", "Channels", "Influence")
	if err != nil {
		t.Fatal(err)
	}
	if !got["Contact"] || got["Channels"] || got["Influence"] {
		t.Errorf("filled = %v, want only Contact", got)
	}
	if _, err := filled(rows, "Nonsense"); err == nil {
		t.Error("filled accepts a field the rows do not have")
	}
	if _, err := filled("text", "Contact"); err == nil {
		t.Error("filled accepts something that is not a list")
	}
}
