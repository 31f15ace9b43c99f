package edit

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/schema"
)

// TestKindsMatchSchema checks every kind's table against the schema: each field is a
// property of the list's items, the schema's required fields are required, and allowed
// values are its enum.
func TestKindsMatchSchema(t *testing.T) {
	var root map[string]any
	if err := json.Unmarshal(schema.Plan, &root); err != nil {
		t.Fatal(err)
	}
	resolve := func(n map[string]any) map[string]any {
		for i := 0; i < 10; i++ {
			ref, ok := n["$ref"].(string)
			if !ok {
				return n
			}
			n = root
			for _, step := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
				n, _ = n[step].(map[string]any)
			}
		}
		return n
	}
	prop := func(n map[string]any, key string) map[string]any {
		props, _ := resolve(n)["properties"].(map[string]any)
		p, _ := props[key].(map[string]any)
		if p == nil {
			return nil
		}
		return resolve(p)
	}
	for _, k := range Kinds {
		t.Run(k.Noun, func(t *testing.T) {
			n := root
			for _, step := range k.Path {
				if n = prop(n, step); n == nil {
					t.Fatalf("the schema has no %s", k.PathString())
				}
			}
			items, _ := n["items"].(map[string]any)
			items = resolve(items)
			var required []string
			for _, r := range items["required"].([]any) {
				required = append(required, r.(string))
			}
			var ours []string
			for _, f := range k.Fields {
				if f.Required {
					ours = append(ours, f.Key)
				}
				p := items
				for _, step := range strings.Split(f.Key, ".") {
					if p = prop(p, step); p == nil {
						t.Fatalf("the schema's %s have no %s", k.PathString(), f.Key)
					}
				}
				if f.List {
					p = resolve(p["items"].(map[string]any))
				}
				var enum []string
				enumValues, _ := p["enum"].([]any)
				for _, v := range enumValues {
					if s, ok := v.(string); ok {
						enum = append(enum, s)
					}
				}
				if !slices.Equal(enum, f.Values) {
					t.Errorf("%s: the schema allows %q, the kind %q", f.Key, enum, f.Values)
				}
			}
			// A kind may ask for more than the schema (a measure's metric: a measure of
			// nothing named is no use), never less.
			for _, r := range required {
				if !slices.Contains(ours, r) {
					t.Errorf("the schema requires %q, the kind only %q", r, ours)
				}
			}
			if k.Label == "" {
				t.Error("no label")
			} else if _, ok := k.Field(k.Label); !ok {
				t.Errorf("the label %q is not a field", k.Label)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		kind   *Kind
		values map[string]any
		want   string
	}{
		{"no label", Risks, map[string]any{"id": "r"}, "a risk needs description"},
		{"no id", Activities, map[string]any{"name": "A"}, "an activity needs id"},
		{"bad enum", Activities, map[string]any{"id": "a", "name": "A", "kind": "party"}, `invalid kind "party": want meeting, webinar`},
		{"bad date", Decisions, map[string]any{"id": "d", "question": "Q", "report_back": "next week"}, `invalid report_back "next week": a date is YYYY-MM-DD`},
		{"no such day", Changes, map[string]any{"date": "2027-02-30", "summary": "S"}, `invalid date "2027-02-30": there is no such day`},
		{"bad ref", Measures, map[string]any{"id": "m", "metric": "M", "objective": "Hear all"}, `invalid objective "Hear all"`},
		{"ref twice", Activities, map[string]any{"id": "a", "name": "A", "audience": []string{"p", "p"}}, `audience "p" is given twice`},
		{"unknown key", Risks, map[string]any{"id": "r", "description": "D", "severity": "high"}, `a risk has no field "severity"`},
		{"wrong type", Phases, map[string]any{"id": "p", "kind": "close", "weeks": "two"}, "weeks is a whole number"},
		{"two ends", Phases, map[string]any{"id": "p", "kind": "close", "weeks": 2, "days": 3}, "give one of end, weeks and days, not weeks and days"},
		{"no end", Phases, map[string]any{"id": "p", "kind": "close"}, "needs an end"},
		{"blank", GrievanceTiers, map[string]any{"name": " "}, "name must not be empty"},
		{"itself", Stakeholders, map[string]any{"id": "x", "name": "X", "part_of": "x"}, `part_of "x" is the new stakeholder's own id`},
		{"NUL", Objectives, map[string]any{"id": "o", "statement": "a\x00"}, "NUL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Item{Kind: tc.kind, Values: tc.values}.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if _, addErr := AddItem([]byte(minimal), Item{Kind: tc.kind, Values: tc.values}); addErr == nil {
				t.Error("AddItem accepted what Validate refuses")
			}
		})
	}
	ongoing := Item{Kind: Phases, Values: map[string]any{"id": "p", "kind": "ongoing"}}
	if err := ongoing.Validate(); err != nil {
		t.Errorf("an ongoing phase needs no end: %v", err)
	}
}

func TestAddItemDuplicate(t *testing.T) {
	for _, tc := range []struct {
		kind *Kind
		src  string
		line int
	}{
		{Objectives, "objectives:\n  - id: o\n    statement: S\n", 4},
		{Phases, "timeline:\n  phases:\n    - {id: o, kind: ongoing}\n", 5},
		{Measures, "evaluation: {measures: [{id: o}]}\n", 3},
		{Disclosures, "disclosure:\n- id: o\n  document: D\n", 4},
	} {
		it := Item{Kind: tc.kind, Values: map[string]any{"id": "o"}}
		for _, f := range tc.kind.Fields {
			if f.Required && f.Key != "id" {
				it.Values[f.Key] = "ongoing"
			}
		}
		_, err := AddItem([]byte(minimal+tc.src), it)
		var dup *DuplicateIDError
		if !errors.As(err, &dup) || dup.Line != tc.line || dup.Noun != tc.kind.Noun {
			t.Errorf("%s: err = %v, want a duplicate %s at line %d", tc.kind.Noun, err, tc.kind.Noun, tc.line)
		}
	}
	// Entries without ids may repeat: two grievance channels may share a name.
	src := minimal + "grievance:\n  channels:\n    - name: Hotline\n"
	if _, err := AddItem([]byte(src), Item{Kind: GrievanceChannels, Values: map[string]any{"name": "Hotline"}}); err != nil {
		t.Error(err)
	}
}

func TestAddItemRefusesShapes(t *testing.T) {
	ph := Item{Kind: Phases, Values: map[string]any{"id": "p", "kind": "ongoing"}}
	for _, tc := range []struct{ name, src, want string }{
		{"timeline a list", "timeline: [a]\n", "timeline at line 3 is not a mapping"},
		{"phases a mapping", "timeline:\n  phases: {a: 1}\n", "timeline.phases at line 4 is not a list"},
		{"phases from a merge", "x_t: &t {phases: [{id: a, kind: ongoing}]}\ntimeline: {<<: *t}\n", "phases comes from the merge key"},
		{"aliased empty timeline", "timeline: &t\nx_t: *t\n", "has an anchor (&t) that another key refers to"},
		// The block keeps its last line break only if it has one: a line added after it
		// would give it one, and the text would change.
		{"literal block last, no final newline", "timeline:\n  x_note: |\n    text", "the value at line 4 changed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := AddItem([]byte(minimal+tc.src), ph)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q\n%s", err, tc.want, out)
			}
		})
	}
}

func TestCheckRefs(t *testing.T) {
	src := minimal + `stakeholders:
  - {id: residents, name: Residents}
objectives:
  - {id: hear-all, statement: S}
timeline:
  phases:
    - {id: launch, kind: launch, days: 1}
`
	p, err := plan.Parse("p.plan.yaml", []byte(src), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		it   Item
		want string
	}{
		{"ok", Item{Kind: Activities, Values: map[string]any{"id": "a", "name": "A", "audience": []string{"residents"}, "phase": "launch"}}, ""},
		{"misspelt audience", Item{Kind: Activities, Values: map[string]any{"id": "a", "name": "A", "audience": []string{"residents", "resident"}}}, `there is no stakeholder "resident" for audience: did you mean "residents"?`},
		{"unknown phase", Item{Kind: Decisions, Values: map[string]any{"id": "d", "question": "Q", "phase": "closing"}}, `there is no phase "closing" for phase`},
		{"misspelt objective", Item{Kind: Measures, Values: map[string]any{"id": "m", "metric": "M", "objective": "hear-al"}}, `did you mean "hear-all"?`},
		{"no decisions", Item{Kind: Objectives, Values: map[string]any{"id": "o", "statement": "S", "decision": "d"}}, `there is no decision "d" for decision`},
		{"informs", Item{Kind: Disclosures, Values: map[string]any{"id": "x", "document": "X", "informs": "launch"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckRefs(p, tc.it)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// TestNewSectionInModelOrder: a missing list is created where the model (the format)
// orders it among every top-level key, those no command adds (approvals, records)
// included.
func TestNewSectionInModelOrder(t *testing.T) {
	src := "schema_version: 1\ntitle: T\napprovals:\n  - {by: Jane Smith, version: \"1\", date: 2027-02-10}\nsummary: S\n"
	it := Item{Kind: Changes, Values: map[string]any{"date": "2027-03-01", "summary": "First"}}
	got, err := AddItem([]byte(src), it)
	if err != nil {
		t.Fatal(err)
	}
	want := "schema_version: 1\ntitle: T\nchanges:\n  - date: 2027-03-01\n    summary: First\napprovals:\n  - {by: Jane Smith, version: \"1\", date: 2027-02-10}\nsummary: S\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestRefsNameReferencedLists checks that every kind a field refers to is a list whose
// ids the plan reads for references (plan.ReferencedLists), since Kind.IDs asks the plan
// by the list's path.
func TestRefsNameReferencedLists(t *testing.T) {
	for _, k := range Kinds {
		for _, f := range k.Fields {
			if f.Type != Ref {
				continue
			}
			to := KindByNoun(f.RefTo)
			if to == nil || !slices.Contains(plan.ReferencedLists, to.PathString()) {
				t.Errorf("%s.%s refers to %q, which is not a list of plan.ReferencedLists", k.Noun, f.Key, f.RefTo)
			}
		}
	}
}
