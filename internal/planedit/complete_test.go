package planedit_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/planedit"
)

func TestCompletePath(t *testing.T) {
	dir := t.TempDir()
	plan := "schema_version: 1\ntitle: T\nstakeholders:\n  - id: traders\n    name: Traders\n"
	if err := os.WriteFile(filepath.Join(dir, "main.plan.yaml"), []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	complete := planedit.CompletePath(&cli.Env{Dir: dir})
	for _, tc := range []struct {
		args    []string
		partial string
		want    []string
	}{
		{nil, "stakeholders.", []string{"stakeholders.traders."}},
		{nil, "ma", []string{"main.plan.yaml", "mandate"}},
		{[]string{"main.plan.yaml"}, "stakeholders.traders.na", []string{"stakeholders.traders.name"}},
		{[]string{"notes.txt"}, "st", nil},
		{[]string{"main.plan.yaml", "title"}, "", nil},
	} {
		got, _ := complete(nil, tc.args, tc.partial)
		if !slices.Equal(got, tc.want) {
			t.Errorf("complete(%q, %q) = %q, want %q", tc.args, tc.partial, got, tc.want)
		}
	}
}
