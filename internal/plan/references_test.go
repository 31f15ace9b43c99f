package plan

import (
	"os"
	"reflect"
	"testing"
)

// TestReferencesListsEveryRef loads a plan that writes every field and checks that
// References lists every reference of the model, found by walking its types, so that a
// reference field added to the model without being added to References fails here.
func TestReferencesListsEveryRef(t *testing.T) {
	data, err := os.ReadFile("testdata/every-field.plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("every-field.plan.yaml", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	written := map[*Ref]bool{}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			if r, ok := v.Addr().Interface().(*Ref); ok {
				if r.ID != "" {
					written[r] = true
				}
				return
			}
			if decodesItself(v.Type()) {
				// Text, DateAt, Roles: no references inside.
				return
			}
			for i := range v.NumField() {
				if _, ok := yamlName(v.Type().Field(i)); ok {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(p))
	if len(written) == 0 {
		t.Fatal("the plan writes no references")
	}
	listed := map[*Ref]bool{}
	for _, r := range p.References() {
		listed[r.Ref] = true
		if !written[r.Ref] {
			t.Errorf("%s %s %q: listed, but not a reference of the model", r.Owner, r.Key, r.ID)
		}
		if r.List == "" || r.Owner == "" || r.Key == "" || r.Node == nil {
			t.Errorf("%+v: incomplete", r)
		}
	}
	for r := range written {
		if !listed[r] {
			t.Errorf("the reference %q at line %d is not listed", r.ID, r.Node.Line)
		}
	}
}

// TestLost: a removed or renamed id loses its references, and only those.
func TestLost(t *testing.T) {
	const before = "schema_version: 1\ntitle: T\nstakeholders:\n  - {id: a, name: A}\n  - {id: b, name: B, part_of: a}\nactivities:\n  - {id: x, name: X, audience: [a, b]}\n"
	const after = "schema_version: 1\ntitle: T\nstakeholders:\n  - {id: c, name: A}\n  - {id: b, name: B, part_of: a}\nactivities:\n  - {id: x, name: X, audience: [a, b]}\n"
	p, err := Parse("before", []byte(before), Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, err := Parse("after", []byte(after), Options{})
	if err != nil {
		t.Fatal(err)
	}
	lost := p.Lost(q)
	if len(lost) != 2 || lost[0].Key != "part_of" || lost[1].Key != "audience" || lost[1].Node.Line != 7 {
		t.Errorf("lost %+v", lost)
	}
}

// TestRenamed: an id replaced in place is a rename, old to new; a list that changes
// length has none, since its ids no longer pair by place.
func TestRenamed(t *testing.T) {
	load := func(src string) *Plan {
		p, err := Parse("p.plan.yaml", []byte("schema_version: 1\ntitle: T\n"+src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	before := load("stakeholders:\n  - {id: a, name: A}\n  - {id: b, name: B}\nactivities:\n  - {id: walk, name: Walk}\n")
	renamed := load("stakeholders:\n  - {id: a, name: A}\n  - {id: c, name: B}\nactivities:\n  - {id: stroll, name: Walk}\n")
	removed := load("stakeholders:\n  - {id: a, name: A}\n")
	got := before.Renamed(renamed, RecordedLists)
	want := map[string]map[string]string{ListStakeholders: {"b": "c"}, ListActivities: {"walk": "stroll"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Renamed = %v, want %v", got, want)
	}
	if got := before.Renamed(removed, RecordedLists); len(got) != 0 {
		t.Errorf("a removal reads as renames: %v", got)
	}
	gone := before.Gone(removed, RecordedLists)
	if !gone[ListStakeholders]["b"] || !gone[ListActivities]["walk"] || gone[ListStakeholders]["a"] {
		t.Errorf("Gone = %v", gone)
	}
}
