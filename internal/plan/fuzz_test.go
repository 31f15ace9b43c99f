package plan

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic, and every finding
// it reports must lie inside the file and carry a one-line message.
func FuzzLoad(f *testing.F) {
	paths, _ := filepath.Glob("../../examples/*.plan.yaml")
	for _, p := range paths {
		// The fuzzer's engine stalls on multi-kilobyte seeds, so each example seeds it
		// with its opening lines, which hold every kind of YAML construct it uses.
		if data, err := os.ReadFile(p); err == nil {
			f.Add(head(data, 1500))
		}
	}
	for _, s := range []string{
		"", "# only a comment\n", "schema_version: 1\ntitle: a\n", "- a\n- b\n",
		"schema_version: 1\ntitle: a\ntitle: b\n", "a: &a [*a]\n", "\xef\xbb\xbfschema_version: 1\r\ntitle: a\r\n",
		"schema_version: 1\ntitle: a\ntimeline:\n  start: 2027-02-30\n", "x: !!binary aGk=\n", "? [a]\n: b\n",
		"schema_version: 1\ntitle: a\nx_d: &d {id: s, name: n}\nstakeholders: [*d, *d]\n",
		"schema_version: 1\ntitle: a\nsummary: \"a\\0b\"\nmandate: {statement: !!binary /w==}\n",
	} {
		f.Add([]byte(s))
	}
	for _, s := range mergeAndAliasSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("f.plan.yaml", data, Options{MaxSize: 1 << 20})
		if err == nil {
			if p.Root == nil {
				t.Fatal("loaded plan has no root")
			}
			p.ResolvePhases()
			if s, ok := notText(reflect.ValueOf(p).Elem(), 0); ok {
				t.Fatalf("a loaded plan holds %q, which is not text", s)
			}
			return
		}
		var le *Error
		if !errors.As(err, &le) {
			t.Fatalf("Parse returned %T, not *Error: %v", err, err)
		}
		lines := lineCount(data)
		for _, f := range le.Findings {
			if f.Line < 1 || f.Line > lines || f.Col < 1 {
				t.Errorf("finding outside the file (%d lines): %s", lines, f)
			}
			if strings.Contains(f.Message, "\n") {
				t.Errorf("multi-line message: %q", f.Message)
			}
		}
	})
}

// notText finds a string in the model that a plan may not hold: invalid UTF-8 or a NUL,
// whatever escape, tag or alias brought it there.
func notText(v reflect.Value, depth int) (string, bool) {
	if depth > 64 {
		return "", false
	}
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return s, true
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return notText(v.Elem(), depth+1)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() && f.Type != reflect.TypeFor[*yaml.Node]() && f.Name != "Source" {
				if s, ok := notText(v.Field(i), depth+1); ok {
					return s, true
				}
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if s, ok := notText(v.Index(i), depth+1); ok {
				return s, true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if s, ok := notText(it.Value(), depth+1); ok {
				return s, true
			}
		}
	}
	return "", false
}

// mergeAndAliasSeeds are the shapes where the plan as written and the plan as read
// differ most: merge keys that bring whole sections, aliases inside their own value, and
// long text aliased until the expansion bound (10 MiB) is passed or just not. Kept small
// (the fuzzer stalls on large seeds): the text grows by aliases of aliases.
func mergeAndAliasSeeds() []string {
	text := strings.Repeat("x", 1100)
	tower := func(t string) string {
		return "schema_version: 1\ntitle: a\nx_t: &t " + t + "\n" +
			"x_a: &a [*t, *t, *t, *t, *t, *t, *t, *t, *t, *t]\n" +
			"x_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
			"x_c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
			"x_d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	}
	return []string{
		"schema_version: 1\ntitle: a\nx_base: &b {stakeholders: [{id: a, name: A}]}\n<<: *b\n",
		"schema_version: 1\ntitle: a\nx_c: &c {summary: s}\nx_b: &b\n  stakeholders:\n    - id: a\n      name: A\n<<: [*c, *b]\n",
		"schema_version: 1\ntitle: a\nx_i: &i {stakeholders: [{id: a, name: A}]}\nx_o: &o {<<: *i}\n<<: *o\nstakeholders: ~\n",
		"schema_version: 1\ntitle: a\nx_a: &x {a: 1, <<: *x}\n",
		"schema_version: 1\ntitle: a\nx_a: &x\n  b: [*x]\n",
		tower(text),
		tower(text[:1000]),
		"schema_version: 1\ntitle: a\nx_t: &t !!binary " + strings.Repeat("QUFB", 250) + "\nx_l: [*t, *t, *t, *t]\n",
	}
}

// lineCount counts lines the way YAML does: CRLF, CR, LF, NEL, LS and PS all end one.
func lineCount(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return 1 + strings.Count(s, "\n") + strings.Count(s, "\r") + strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}

// head returns data cut at the last line break before n bytes.
func head(data []byte, n int) []byte {
	if len(data) <= n {
		return data
	}
	cut := strings.LastIndexByte(string(data[:n]), '\n')
	return data[:cut+1]
}
