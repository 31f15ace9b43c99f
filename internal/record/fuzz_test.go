package record

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/yamltree"
)

// FuzzParse feeds arbitrary bytes to the record loader: it must never panic, a record it
// loads has a date, and every finding it reports lies inside the file with a one-line
// message.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("../../examples/*.records/*.record.yaml")
	paths = append(paths, "testdata/every-field.record.yaml")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"", "schema_version: 1\ndate: 2027-03-04\n", "- a\n", "schema_version: 1\ndate: 2027-02-30\n",
		"schema_version: 1\ndate: 2027-03-04\ngrievances: [{}]\n", "a: &a [*a]\n",
		"schema_version: 1\ndate: 2027-03-04\nissues: [{text: a, commitment: {text: b, status: done}}]\n",
		"\xef\xbb\xbfschema_version: 1\r\ndate: 2027-03-04\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("f.record.yaml", data, plan.Options{MaxSize: 1 << 20})
		if err == nil {
			if r.Root == nil || r.Date.IsZero() || r.Date.Node == nil {
				t.Fatal("a loaded record has no root or no date")
			}
			for _, g := range r.Grievances {
				if g.Received.IsZero() {
					t.Fatal("a loaded grievance has no received date")
				}
			}
			return
		}
		var le *plan.Error
		if !errors.As(err, &le) {
			t.Fatalf("Parse returned %T, not *plan.Error: %v", err, err)
		}
		// Lines as YAML counts them: NEL, LS and PS break lines too.
		lines := yamltree.NewLines(data).Len()
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
