package record

import (
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/planascode/plan/internal/plan"
)

// TestReferencesListsEveryRef loads a record that writes every field and checks that
// References lists every reference of the model, found by walking its types, so that a
// reference field added to the record format without being added to References (which
// the editing commands rely on to keep records pointing at the plan) fails here.
func TestReferencesListsEveryRef(t *testing.T) {
	data, err := os.ReadFile("testdata/every-field.record.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("every-field.record.yaml", data, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	written := map[*plan.Ref]bool{}
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
			if ref, ok := v.Addr().Interface().(*plan.Ref); ok {
				if ref.ID != "" {
					written[ref] = true
				}
				return
			}
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() && f.Tag.Get("yaml") != "-" {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(r))
	if len(written) == 0 {
		t.Fatal("the record writes no references")
	}
	set := &Set{Records: []*Record{r}}
	listed := map[*plan.Ref]bool{}
	for _, ref := range set.References() {
		listed[ref.Ref] = true
		if !written[ref.Ref] {
			t.Errorf("%s %q: listed, but not a reference of the model", ref.Key, ref.ID)
		}
		if !slices.Contains(plan.RecordedLists, ref.List) || ref.Key == "" || ref.Node == nil || ref.Record != r {
			t.Errorf("%+v: incomplete", ref)
		}
	}
	for ref := range written {
		if !listed[ref] {
			t.Errorf("the reference %q at line %d is not listed", ref.ID, ref.Node.Line)
		}
	}
}
