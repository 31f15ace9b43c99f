package git_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/git"
	"github.com/planascode/plan/internal/git/gittest"
)

// TestHelpersOff: a repository's .git/config can name programs for git to run (a file
// system monitor, filter drivers); asking about a plan in it must run none of them.
func TestHelpersOff(t *testing.T) {
	r := gittest.NewRepo(t)
	marker := filepath.Join(t.TempDir(), "ran")
	hook := filepath.Join(t.TempDir(), "hook")
	if err := os.WriteFile(hook, []byte("#!/bin/sh\necho \"$0 $*\" >> '"+marker+"'\ncat\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	r.Write("a.plan.yaml", "title: a\n", ".gitattributes", "*.yaml filter=evil\n")
	r.Commit("a plan")
	r.Git("config", "core.fsmonitor", hook)
	r.Git("config", "filter.evil.clean", hook+" clean")
	r.Git("config", "filter.evil.smudge", hook+" smudge")
	r.Git("config", "filter.evil.required", "true")
	os.Remove(marker)
	// A new time stamp makes git status hash the file again, through its clean filter.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(r.Dir, "a.plan.yaml"), later, later); err != nil {
		t.Fatal(err)
	}
	r.Write("b.plan.yaml", "title: b\n")

	if h := git.FileHistory(filepath.Join(r.Dir, "a.plan.yaml")); h == nil || h.Commit == "" {
		t.Errorf("FileHistory: %+v", h)
	}
	if _, err := git.Changed(r.Dir, "HEAD"); err != nil {
		t.Errorf("Changed: %v", err)
	}
	if l, err := git.List(r.Dir); err != nil || !slices.Contains(l.Files, "b.plan.yaml") {
		t.Errorf("List: %+v, %v", l, err)
	}
	if _, found, err := git.FileAt("HEAD", filepath.Join(r.Dir, "a.plan.yaml")); err != nil || !found {
		t.Errorf("FileAt: %v, %v", found, err)
	}
	if _, err := git.FileCommits(filepath.Join(r.Dir, "a.plan.yaml")); err != nil {
		t.Errorf("FileCommits: %v", err)
	}
	if ran, err := os.ReadFile(marker); err == nil {
		t.Errorf("git ran the repository's helpers:\n%s", ran)
	}
}

// TestTimeoutIsDocumented: docs/reliability.md promises the limit the code applies.
func TestTimeoutIsDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "reliability.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`\| git lookup[^|]*\| (\d+) s `).FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/reliability.md has no git lookup row")
	}
	if want := string(m[1]) + "s"; git.Timeout.String() != want {
		t.Errorf("git.Timeout is %v, docs/reliability.md says %s", git.Timeout, want)
	}
}

// TestList: git's answer, with every kind of rule it has, including the global excludes
// file the directory's own rules cannot see.
func TestList(t *testing.T) {
	r := gittest.NewRepo(t)
	global := filepath.Join(t.TempDir(), "excludes")
	if err := os.WriteFile(global, []byte("*.global.plan.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r.Git("config", "core.excludesFile", global)
	r.Write(
		".gitignore", "ignored/\n*.local.plan.yaml\n",
		"tracked.local.plan.yaml", "x",
	)
	r.Git("add", "-f", "tracked.local.plan.yaml")
	r.Write(
		"docs/a plan.plan.yaml", "x",
		"docs/x.global.plan.yaml", "x",
		"docs/y.local.plan.yaml", "x",
		"ignored/z.plan.yaml", "x",
		"nested/n.plan.yaml", "x",
	)
	gittest.RunGit(t, filepath.Join(r.Dir, "nested"), "init", "-q")
	l, err := git.List(filepath.Join(r.Dir, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a plan.plan.yaml"}; !slices.Equal(l.Files, want) || len(l.IgnoredDirs) != 0 {
		t.Errorf("in docs: %+v, want files %q", l, want)
	}
	l, err = git.List(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(l.Files)
	want := []string{".gitignore", "docs/a plan.plan.yaml", "nested/", "tracked.local.plan.yaml"}
	if !slices.Equal(l.Files, want) {
		t.Errorf("files %q, want %q", l.Files, want)
	}
	if want := []string{"ignored/"}; !slices.Equal(l.IgnoredDirs, want) {
		t.Errorf("ignored directories %q, want %q", l.IgnoredDirs, want)
	}
	if _, err := git.List(t.TempDir()); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("outside a repository: %v, want a one-line error", err)
	}
}
