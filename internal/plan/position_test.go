package plan

import (
	"os"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestEveryFieldDecodesWithItsPosition loads a plan that writes every field of the
// format and walks the model by reflection: every field of every model type must hold a
// value, every value that keeps a Position must know its node, and every field written
// must have its key. A field whose yaml tag no longer matches the format (a rename in
// one place, not the other) stays empty and fails here, rather than silently moving
// findings to line 1.
func TestEveryFieldDecodesWithItsPosition(t *testing.T) {
	data, err := os.ReadFile("testdata/every-field.plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("every-field.plan.yaml", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	filled := map[string]bool{}
	var visit func(v reflect.Value, path string)
	visit = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				visit(v.Elem(), path)
			}
			return
		case reflect.Slice:
			for i := range v.Len() {
				visit(v.Index(i), path+"[]")
			}
			return
		case reflect.Struct:
		default:
			return
		}
		if v.Type() == reflect.TypeFor[Roles]() {
			roles := v.Addr().Interface().(*Roles)
			for _, key := range roles.Keys() {
				role, _ := roles.Get(key)
				visit(reflect.ValueOf(role), path+".*")
			}
		}
		if decodesItself(v.Type()) {
			if !v.IsZero() {
				if pos, ok := v.Addr().Interface().(interface{ At() *yaml.Node }); ok && pos.At() == nil {
					t.Errorf("%s: no position", path)
				}
			}
			return
		}
		if pos, ok := v.Addr().Interface().(interface{ At() *yaml.Node }); ok && pos.At() == nil {
			t.Errorf("%s: no position", path)
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			name, ok := yamlName(f)
			if !ok {
				continue
			}
			field := v.Field(i)
			if !field.IsZero() {
				filled[path+"."+name] = true
				if owner, ok := v.Addr().Interface().(interface{ KeyOf(any) *yaml.Node }); ok && owner.KeyOf(field.Addr().Interface()) == nil {
					t.Errorf("%s.%s: written, but its owner has no key for it", path, name)
				}
			}
			visit(field, path+"."+name)
		}
	}
	visit(reflect.ValueOf(p), "")

	for _, want := range modelFields(reflect.TypeFor[Plan](), "") {
		if !filled[want] {
			t.Errorf("%s: not decoded from testdata/every-field.plan.yaml (a yaml tag that does not match the format?)", want)
		}
	}
}

// modelFields lists the path of every decoded field of the model type t.
func modelFields(t reflect.Type, path string) []string {
	switch t.Kind() {
	case reflect.Pointer:
		return modelFields(t.Elem(), path)
	case reflect.Slice:
		return modelFields(t.Elem(), path+"[]")
	case reflect.Struct:
	default:
		return nil
	}
	if t == reflect.TypeFor[Roles]() {
		return modelFields(reflect.TypeFor[Role](), path+".*")
	}
	if decodesItself(t) {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, ok := yamlName(f)
		if !ok {
			continue
		}
		out = append(out, path+"."+name)
		out = append(out, modelFields(f.Type, path+"."+name)...)
	}
	return out
}

// TestKeyOfRefusesACopy: KeyOf tells fields apart by address, so asking a copy would
// answer nil and send a finding to line 1; it must fail loudly instead.
func TestKeyOfRefusesACopy(t *testing.T) {
	p, err := Parse("p.plan.yaml", []byte("schema_version: 1\ntitle: t\ntimeline:\n  phases:\n    - {id: a, kind: planning, weeks: 1}\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if k := p.Timeline.KeyOf(&p.Timeline.Phases); k == nil || k.Line != 4 {
		t.Fatalf("KeyOf(phases) = %v, want line 4", k)
	}
	copied := *p.Timeline
	defer func() {
		if recover() == nil {
			t.Error("KeyOf on a copy did not panic")
		}
	}()
	copied.KeyOf(&copied.Phases)
}
