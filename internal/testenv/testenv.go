// Package testenv decides, for tests, what to do when a tool a cross-check needs (git,
// patch, node, Chromium) is missing: skip on a developer's machine, fail in CI, where
// every check must run. It is imported by tests only.
package testenv

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true or CI=1, as CI services and .ci/run
// set it).
func InCI() bool {
	ci := os.Getenv("CI")
	return ci == "true" || ci == "1"
}

// Unavailable skips the test because why, or fails it in CI.
func Unavailable(t testing.TB, why string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s (CI=%s: this check must run, not skip)", why, os.Getenv("CI"))
	}
	t.Skip(why)
}

// nobody is the user id permission tests drop to when the suite runs as root.
const nobody = 65534

// AsUnprivileged makes a test about permission bits mean something when the suite runs
// as root, whom they do not stop: it runs this one test again in a copy of the test
// binary as the user nobody, reports that run's result as its own and returns true, and
// the caller returns. Run as anyone else it returns false and the test goes on. Tests
// using it must not depend on files only root can read.
func AsUnprivileged(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return false
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// go test builds into a directory only its owner can enter: copy the binary where
	// nobody can run it.
	dir, err := os.MkdirTemp("", "plan-as-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, filepath.Base(self))
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	cmd := exec.Command(bin, "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1", "-test.v")
	// The package directory, for tests that read testdata; its files are world-readable
	// in a checkout.
	cmd.Dir = wd
	cmd.Env = append(os.Environ(), "TMPDIR="+os.TempDir(), "HOME="+dir)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	// -test.v names the test when it passes: a pattern that matched nothing would pass
	// silently.
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("run as nobody (uid %d): %v\n%s", nobody, err, out)
	}
	return true
}

// FillDisk writes to path until its file system is full, for tests of what a write does
// when there is no space left.
func FillDisk(t testing.TB, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for i := 0; i < 1<<18; i++ {
		if _, err := f.Write(block); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return
			}
			t.Fatal(err)
		}
	}
	t.Fatal("the file system never filled up")
}

// ModeOf is info's mode for a failure message, which must not itself fail (a nil info)
// when the stat did.
func ModeOf(info fs.FileInfo) string {
	if info == nil {
		return "(no file)"
	}
	return info.Mode().String()
}
