package status

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestJSONFieldsDocumented: every field of the JSON output is named in docs/status.md,
// which promises to document them field by field.
func TestJSONFieldsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/status.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "" || name == "-" {
				continue
			}
			if !regexp.MustCompile(`[{ ,.\x60]` + regexp.QuoteMeta(name) + `[}, \x60]`).Match(doc) {
				t.Errorf("%s.%s (json %q) is not documented in docs/status.md", ty.Name(), f.Name, name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(State{}))
}
