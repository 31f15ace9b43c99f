package edit

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/planascode/plan/internal/plan"
)

// TestChangeGolden runs every testdata/set/*.txtar and testdata/remove/*.txtar case.
// A case's comment names the edit ("path: stakeholders.traders.influence", and for set
// "value: high", or a Go-quoted "value: \"two\\nlines\"", and "string: true" to write it
// as text), the references changed with it ("also: 12:7 20:5"), and takes the flags of
// TestGolden (crlf, cr, bom, nonewline).
func TestChangeGolden(t *testing.T) {
	var files []string
	for _, dir := range []string{"set", "remove"} {
		fs, err := filepath.Glob(filepath.Join("testdata", dir, "*.txtar"))
		if err != nil || len(fs) == 0 {
			t.Fatalf("no %s cases: %v", dir, err)
		}
		files = append(files, fs...)
	}
	for _, file := range files {
		op := filepath.Base(filepath.Dir(file))
		t.Run(op+"/"+strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := readCase(t, ar)
			e := readChange(t, ar)
			before := c.input()
			if _, err := plan.Parse("before.plan.yaml", before, plan.Options{}); err != nil {
				t.Fatalf("the input is not a valid plan: %v", err)
			}
			var out []byte
			if op == "set" {
				out, err = Set(before, e.path, e.value, e.also)
			} else {
				out, err = Remove(before, e.path, e.also)
			}
			if err != nil {
				t.Fatalf("%s %s: %v", op, e.path, err)
			}
			if _, err := plan.Parse("after.plan.yaml", out, plan.Options{}); err != nil {
				t.Fatalf("the result is not a valid plan: %v\n%s", err, out)
			}
			got := c.normalise(t, out)
			if *update {
				c.setAfter(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, c.after) {
				t.Errorf("after.plan.yaml differs (go test -update to accept):\n%s", UnifiedDiff("after.plan.yaml", c.after, got, 3))
			}
		})
	}
}

type changeCase struct {
	path  Path
	value Value
	also  []At
}

func readChange(t *testing.T, ar *txtar.Archive) changeCase {
	t.Helper()
	c := changeCase{value: Value{Typed: true}}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		key, rest, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		switch key {
		case "path":
			p, err := ParsePath(rest)
			if err != nil {
				t.Fatal(err)
			}
			c.path = p
		case "value":
			c.value.Text = rest
			if strings.HasPrefix(rest, `"`) {
				s, err := strconv.Unquote(rest)
				if err != nil {
					t.Fatalf("value: %v", err)
				}
				c.value.Text = s
			}
		case "string":
			c.value.Typed = rest != "true"
		case "also":
			for _, f := range strings.Fields(rest) {
				l, col, _ := strings.Cut(f, ":")
				line, err1 := strconv.Atoi(l)
				column, err2 := strconv.Atoi(col)
				if err1 != nil || err2 != nil {
					t.Fatalf("also: %q is not LINE:COLUMN", f)
				}
				c.also = append(c.also, At{Line: line, Column: column})
			}
		}
	}
	if c.path == nil {
		t.Fatal("the case names no path")
	}
	return c
}
