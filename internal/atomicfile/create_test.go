package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateMakesANewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	if err := Create(path, []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("content %q", got)
	}
	assertOnlyFiles(t, dir, "a.plan.yaml")
}

func TestCreateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	if err := os.WriteFile(path, []byte("theirs\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Create(path, []byte("ours\n"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "theirs\n" {
		t.Errorf("content %q", got)
	}
	assertOnlyFiles(t, dir, "a.plan.yaml")
}

// TestCreateLosesARaceSafely: a file another program makes while Create writes its
// temporary file is kept, not renamed over.
func TestCreateLosesARaceSafely(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	orig := createTemp
	t.Cleanup(func() { createTemp = orig })
	createTemp = func(p string, perm fs.FileMode) (tempFile, error) {
		if err := os.WriteFile(path, []byte("theirs\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return orig(p, perm)
	}
	if err := Create(path, []byte("ours\n"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "theirs\n" {
		t.Errorf("content %q: the other program's file was replaced", got)
	}
	assertOnlyFiles(t, dir, "a.plan.yaml")
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != len(want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("files %v, want %v", got, want)
		}
	}
}
