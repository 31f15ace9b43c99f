package discover

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/git/gittest"
	"github.com/planascode/plan/internal/testenv"
)

// TestFilesAsksGit: in a work tree, git decides what is ignored, with the rules the
// matcher cannot see (the global excludes file) and git's own (a tracked file is never
// ignored; a nested repository keeps its own rules). Without git the matcher decides.
func TestFilesAsksGit(t *testing.T) {
	r := gittest.NewRepo(t)
	global := filepath.Join(t.TempDir(), "excludes")
	writeFile(t, global, "*.global.plan.yaml\n")
	r.Git("config", "core.excludesFile", global)
	r.Write(
		".gitignore", "build/\n*.local.plan.yaml\n",
		"tracked.local.plan.yaml", "x",
		"a.plan.yaml", "x",
	)
	r.Git("add", "-f", "tracked.local.plan.yaml")
	r.Write(
		"docs/b.plan.yaml", "x",
		"docs/c.global.plan.yaml", "x",
		"docs/d.local.plan.yaml", "x",
		"build/e.plan.yaml", "x",
		"nested/f.plan.yaml", "x",
		"nested/g.plan.yaml", "x",
		"nested/.gitignore", "g.plan.yaml\n",
	)
	gittest.RunGit(t, filepath.Join(r.Dir, "nested"), "init", "-q")
	t.Chdir(r.Dir)

	expect(t, slashed(files(t, Options{}, ".")),
		"a.plan.yaml", "docs/b.plan.yaml", "nested/f.plan.yaml", "tracked.local.plan.yaml")
	expect(t, slashed(files(t, Options{}, "docs")), "docs/b.plan.yaml")
	expect(t, slashed(files(t, Options{Exclude: []string{"nested/"}}, ".")),
		"a.plan.yaml", "docs/b.plan.yaml", "tracked.local.plan.yaml")

	t.Run("without git, the matcher", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		expect(t, slashed(files(t, Options{}, ".")),
			"a.plan.yaml", "docs/b.plan.yaml", "docs/c.global.plan.yaml", "nested/f.plan.yaml")
	})
}

// TestFilesAsksGitReportsUnreadable: a directory git cannot list is still walked, so
// that the walk reports it rather than passing over its plans in silence.
func TestFilesAsksGitReportsUnreadable(t *testing.T) {
	if testenv.AsUnprivileged(t) {
		return // root reads every directory: the test ran again as nobody
	}
	r := gittest.NewRepo(t)
	r.Write("a.plan.yaml", "x", "locked/b.plan.yaml", "x")
	if err := os.Chmod(filepath.Join(r.Dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(r.Dir, "locked"), 0o755) })
	t.Chdir(r.Dir)
	got, err := Files([]string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	expect(t, slashed(got.Files), "a.plan.yaml")
	expect(t, messages(got.Unreadable), "locked: permission denied")
}
