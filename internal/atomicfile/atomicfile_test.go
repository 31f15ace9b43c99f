package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

func TestWriteCreatesAndReplacesKeepingMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	if err := Write(path, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "two\n" {
		t.Errorf("content %q", got)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteIntoReadOnlyDirLeavesOriginal(t *testing.T) {
	if testenv.AsUnprivileged(t) {
		return // root ignores directory permissions: the test ran again as nobody
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	if err := os.WriteFile(path, []byte("original\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	if err := Write(path, []byte("new\n"), 0o644); err == nil {
		t.Fatal("want an error writing into a read-only directory")
	}
	got, _ := os.ReadFile(path)
	if string(got) != "original\n" {
		t.Errorf("original changed: %q", got)
	}
}

func TestWriteToDirectoryFails(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, []byte("x"), 0o644); err == nil {
		t.Fatal("want an error writing over a directory")
	}
}
