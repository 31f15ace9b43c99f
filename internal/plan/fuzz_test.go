package plan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("f.plan.yaml", data, Options{MaxSize: 1 << 20})
		if err == nil {
			if p.Root == nil {
				t.Fatal("loaded plan has no root")
			}
			p.ResolvePhases()
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
