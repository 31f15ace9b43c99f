package record

import (
	"os"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/plan"
)

// TestEveryFieldHasAPosition loads a record that writes every field of the format and
// fails if any field of the model is left undecoded or without a position: a new field
// must be both in the schema and in the model, and reachable by a finding.
func TestEveryFieldHasAPosition(t *testing.T) {
	data, err := os.ReadFile("testdata/every-field.record.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("every-field.record.yaml", data, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkWritten(t, "Record", reflect.ValueOf(r).Elem())
}

var (
	positionType = reflect.TypeFor[plan.Position]()
	nodeType     = reflect.TypeFor[*yaml.Node]()
)

// checkWritten fails for every tagged field of v that holds its zero value, and for
// every Position left without a node.
func checkWritten(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			t.Errorf("%s: not decoded", path)
			return
		}
		checkWritten(t, path, v.Elem())
	case reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("%s: empty", path)
		}
		for i := range v.Len() {
			checkWritten(t, path+"[]", v.Index(i))
		}
	case reflect.Struct:
		typ := v.Type()
		for i := range typ.NumField() {
			f := typ.Field(i)
			if f.Type == positionType {
				if v.Field(i).Interface().(plan.Position).Node == nil {
					t.Errorf("%s: no position", path)
				}
				continue
			}
			tag := f.Tag.Get("yaml")
			if tag == "" || tag == "-" || f.Type == nodeType {
				continue
			}
			if v.Field(i).IsZero() {
				t.Errorf("%s.%s: not decoded", path, f.Name)
				continue
			}
			checkWritten(t, path+"."+f.Name, v.Field(i))
		}
	}
}
