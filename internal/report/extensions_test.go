package report

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/planascode/plan/internal/plan"
)

func parsePlan(t testing.TB, src string) *plan.Plan {
	t.Helper()
	p, err := plan.Parse("t.plan.yaml", []byte(src), plan.Options{})
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return p
}

// fieldsOf lists the appendix as "where | key | value" lines.
func fieldsOf(e *Extensions) []string {
	var out []string
	for _, g := range e.Groups {
		for _, f := range g.Fields {
			out = append(out, g.Where+" | "+f.Path+" | "+f.Value)
		}
	}
	return out
}

func TestExtensionsByPlace(t *testing.T) {
	p := parsePlan(t, `schema_version: 1
title: T
x_top: 1
stakeholders:
  - id: women
    name: Women
    x_languages: [Samoan, Tongan]
budget:
  items:
    - {category: other, amount: 1, x_note: hi}
roles:
  sro:
    name: A
    x_phone: "123"
  x_spare: B
grievance:
  channels:
    - name: Hotline
      x_boxes: 9
timeline:
  phases:
    - id: p1
      kind: planning
      weeks: 2
      x_note: |
        two
        lines
  x_calendar: {a: 1}
`)
	d := Build(p, Options{})
	if d.Extensions == nil {
		t.Fatal("no appendix")
	}
	got := strings.Join(fieldsOf(d.Extensions), "\n")
	want := strings.Join([]string{
		"The plan | x_top | 1",
		`Stakeholder "women" | stakeholders[0].x_languages | [Samoan, Tongan]`,
		"Budget › item 1 | budget.items[0].x_note | hi",
		`Role "sro" | roles.sro.x_phone | 123`,
		"Roles | roles.x_spare | B",
		"Grievance › channel 1 | grievance.channels[0].x_boxes | 9",
		`Phase "p1" | timeline.phases[0].x_note | two` + "\nlines\n",
		"Timeline | timeline.x_calendar | {a: 1}",
	}, "\n")
	if got != want {
		t.Errorf("appendix:\n%s\nwant:\n%s", got, want)
	}
	if !d.Has(SecExtensions) || d.Sections[len(d.Sections)-1].ID != SecExtensions {
		t.Errorf("the appendix is not the last section: %v", d.Sections)
	}
	for _, g := range d.Extensions.Groups {
		for _, f := range g.Fields {
			if f.Line == 0 {
				t.Errorf("%s has no line", f.Path)
			}
			if block := strings.HasPrefix(f.Value, "[") || strings.HasPrefix(f.Value, "{"); block != f.Block {
				t.Errorf("%s: Block = %v", f.Path, f.Block)
			}
		}
	}
}

func TestNoExtensionsNoAppendix(t *testing.T) {
	d := Build(parsePlan(t, "schema_version: 1\ntitle: T\n"), Options{})
	if d.Extensions != nil || d.Has(SecExtensions) {
		t.Error("a plan without x_ fields has an appendix")
	}
}

// TestExtensionsThroughAliasesAndMerges: an x_ field brought in by a merge key is the
// item's own, written once, and an alias is shown as the value it stands for.
func TestExtensionsThroughAliasesAndMerges(t *testing.T) {
	p := parsePlan(t, `schema_version: 1
title: T
x_defaults: &d {x_owner: Ann, x_tags: &tags [a, b]}
stakeholders:
  - id: s1
    name: S
    <<: *d
    x_owner: Bo
x_again: *tags
`)
	got := strings.Join(fieldsOf(Build(p, Options{}).Extensions), "\n")
	want := strings.Join([]string{
		"The plan | x_defaults | {x_owner: Ann, x_tags: [a, b]}",
		"The plan | x_again | [a, b]",
		`Stakeholder "s1" | stakeholders[0].x_owner | Bo`,
		`Stakeholder "s1" | stakeholders[0].x_tags | [a, b]`,
	}, "\n")
	// The plan's own fields come in file order; the stakeholder's after, since the walk
	// reaches them through the stakeholders list.
	if got != want {
		t.Errorf("appendix:\n%s\nwant:\n%s", got, want)
	}
}

func TestExtensionsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("schema_version: 1\ntitle: T\n")
	fmt.Fprintf(&b, "x_long: %s\n", strings.Repeat("é", maxExtensionValue+500))
	b.WriteString("x_list:\n")
	for i := range 100 {
		fmt.Fprintf(&b, "  - item %d\n", i)
	}
	for i := range maxExtensionFields + 50 {
		fmt.Fprintf(&b, "x_f%d: %s\n", i, strings.Repeat("v", 150))
	}
	d := Build(parsePlan(t, b.String()), Options{})
	e := d.Extensions
	fields := e.Groups[0].Fields
	long, list := fields[0], fields[1]
	if n := utf8.RuneCountInString(long.Value); n != maxExtensionValue {
		t.Errorf("a long scalar shows %d characters, want %d", n, maxExtensionValue)
	}
	if long.Cut != "Shortened to 2,000 characters; the plan holds 500 more." {
		t.Errorf("long scalar's note = %q", long.Cut)
	}
	if n := strings.Count(list.Value, "\n") + 1; n != maxExtensionLines || !list.Block || list.Cut == "" {
		t.Errorf("a 100-item list shows %d lines (block %v, note %q), want %d and a note", n, list.Block, list.Cut, maxExtensionLines)
	}
	total := 0
	for _, f := range fields {
		total += utf8.RuneCountInString(f.Value)
	}
	if total > maxExtensionTotal || len(fields) > maxExtensionFields {
		t.Errorf("the appendix shows %d fields and %d characters", len(fields), total)
	}
	if e.Omitted == 0 || e.Omitted+len(fields) != maxExtensionFields+52 {
		t.Errorf("%d shown and %d omitted, of %d", len(fields), e.Omitted, maxExtensionFields+52)
	}
	if e.Limits == "" {
		t.Error("no word of the limits")
	}
}

// TestExtensionsHugeAlias: a value that aliases expand to many nodes is cut before it
// is written out, not after.
func TestExtensionsHugeAlias(t *testing.T) {
	src := "schema_version: 1\ntitle: T\nx_a: &a [" + strings.Repeat("x,", 99) + "x]\n" +
		"x_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nx_c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	e := Build(parsePlan(t, src), Options{}).Extensions
	c := e.Groups[0].Fields[2]
	if c.Key != "x_c" || c.Cut == "" || utf8.RuneCountInString(c.Value) > maxExtensionValue {
		t.Errorf("x_c: %d characters, note %q", utf8.RuneCountInString(c.Value), c.Cut)
	}
}
