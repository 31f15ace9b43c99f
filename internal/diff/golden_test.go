package diff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func load(t testing.TB, path string) *plan.Plan {
	t.Helper()
	p, err := plan.Load(filepath.Base(path), path, plan.Options{})
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return p
}

// goldenDiff compares testdata/old.plan.yaml with testdata/new.plan.yaml, each checked
// under the default configuration, as plan diff does.
func goldenDiff(t testing.TB) *Diff {
	before, after := load(t, "testdata/old.plan.yaml"), load(t, "testdata/new.plan.yaml")
	linter := lint.New(config.Default())
	d := Compare(before, after, Options{
		Minimums:    map[string]int{"planning": 14, "engagement": 28, "close": 14},
		OldFindings: linter.CheckPlan(before),
		NewFindings: linter.CheckPlan(after),
	})
	d.File = "park.plan.yaml"
	d.Old = Side{Rev: "main", Commit: "d47348b557c2f107d91c61dae706f5b91360c218", MergeBase: true, Version: before.Version}
	return d
}

func TestGolden(t *testing.T) {
	d := goldenDiff(t)
	for _, tc := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"park.txt", func(b *bytes.Buffer) error { return WriteText(b, d, nil) }},
		{"park.md", func(b *bytes.Buffer) error { return WriteMarkdown(b, d) }},
		{"park.json", func(b *bytes.Buffer) error { return WriteJSON(b, d) }},
	} {
		t.Run(tc.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", tc.file)
			if *update {
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/diff -update)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("%s differs from the golden file (go test ./internal/diff -update rewrites it):\n%s", tc.file, got)
			}
		})
	}
}
