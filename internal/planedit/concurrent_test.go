package planedit_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/additemcmd"
	"github.com/planascode/plan/internal/cmd/removecmd"
	"github.com/planascode/plan/internal/cmd/setcmd"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/filelock"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/plan"
)

// TestConcurrentMix runs 20 edits at once on one plan: 7 stakeholders added, 7 values
// set and 6 stakeholders removed. Each run holds the file's lock from before it reads
// until after it renames, so every one of them must show in the result, and nothing
// else may change.
func TestConcurrentMix(t *testing.T) {
	if !filelock.Supported {
		t.Skip("no advisory file locks on this platform")
	}
	var src strings.Builder
	src.WriteString("schema_version: 1\ntitle: Mixed edits  # all at once\n\nstakeholders:\n")
	for i := range 7 {
		fmt.Fprintf(&src, "  - id: s%d\n    name: Set %d\n    influence: low  # before\n", i, i)
	}
	for i := range 6 {
		fmt.Fprintf(&src, "\n  # To go.\n  - id: r%d\n    name: Removed %d\n", i, i)
	}
	src.WriteString("\nroles:\n  engagement_lead:\n    name: Sam Lee\n")
	dir := t.TempDir()
	path := filepath.Join(dir, "mix.plan.yaml")
	if err := os.WriteFile(path, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	env := func() *cli.Env {
		ios, _, _, _ := iostreams.Test()
		return &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(string) string { return "" }}
	}
	var runs []func() error
	for i := range 7 {
		runs = append(runs,
			func() error {
				return additemcmd.Run(&additemcmd.Options{Env: env(), Kind: edit.Stakeholders, Values: map[string]any{"name": fmt.Sprintf("Added %d", i)}})
			},
			func() error {
				return setcmd.Run(&setcmd.Options{Env: env(), Path: fmt.Sprintf("stakeholders.s%d.influence", i), Value: "high"})
			})
		if i < 6 {
			runs = append(runs, func() error {
				return removecmd.Run(&removecmd.Options{Env: env(), Path: fmt.Sprintf("stakeholders.r%d", i)})
			})
		}
	}
	if len(runs) != 20 {
		t.Fatalf("%d runs, want 20", len(runs))
	}
	errs := make([]error, len(runs))
	var wg sync.WaitGroup
	for i, run := range runs {
		wg.Go(func() { errs[i] = run() })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("run %d: %v", i, err)
		}
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Parse(path, data, plan.Options{})
	if err != nil {
		t.Fatalf("the result is not a valid plan: %v\n%s", err, data)
	}
	got := map[string]plan.Stakeholder{}
	for _, s := range p.Stakeholders {
		got[s.ID] = s
	}
	for i := range 7 {
		if s, ok := got[fmt.Sprintf("s%d", i)]; !ok || s.Influence != "high" {
			t.Errorf("s%d: %+v, want influence high", i, s)
		}
		if _, ok := got[fmt.Sprintf("added-%d", i)]; !ok {
			t.Errorf("added-%d was lost", i)
		}
	}
	for i := range 6 {
		if _, ok := got[fmt.Sprintf("r%d", i)]; ok {
			t.Errorf("r%d is still there", i)
		}
	}
	if len(p.Stakeholders) != 14 {
		t.Errorf("%d stakeholders, want 14", len(p.Stakeholders))
	}
	if want := "  - id: s0\n    name: Set 0\n    influence: high  # before\n"; !strings.Contains(string(data), want) {
		t.Errorf("the set values lost their comments:\n%s", data)
	}
	if !strings.HasPrefix(string(data), "schema_version: 1\ntitle: Mixed edits  # all at once\n\nstakeholders:\n") ||
		!strings.HasSuffix(string(data), "\nroles:\n  engagement_lead:\n    name: Sam Lee\n") ||
		strings.Contains(string(data), "# To go.") || strings.Contains(string(data), "\n\n\n") {
		t.Errorf("bytes outside the edits changed:\n%s", data)
	}
}
