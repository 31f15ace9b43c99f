//go:build linux

package atomicfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

// failingFile is a real temporary file whose write, sync or close fails the way a full
// or failing disk makes them fail, after the write has put part of the data on disk.
type failingFile struct {
	*os.File
	failWrite, failSync, failClose bool
}

func (f *failingFile) Write(p []byte) (int, error) {
	if f.failWrite {
		n, _ := f.File.Write(p[:len(p)/2])
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Write(p)
}

func (f *failingFile) Sync() error {
	if f.failSync {
		return &fs.PathError{Op: "sync", Path: f.Name(), Err: syscall.EIO}
	}
	return f.File.Sync()
}

func (f *failingFile) Close() error {
	err := f.File.Close()
	if f.failClose {
		// NFS and some FUSE file systems report a failed write-back only at close.
		return &fs.PathError{Op: "close", Path: f.Name(), Err: syscall.EDQUOT}
	}
	return err
}

func withTempFile(t *testing.T, make func(*os.File) tempFile) {
	t.Helper()
	saved := createTemp
	t.Cleanup(func() { createTemp = saved })
	createTemp = func(path string, perm fs.FileMode) (tempFile, error) {
		f, err := saved(path, perm)
		if err != nil {
			return nil, err
		}
		return make(f.(*os.File)), nil
	}
}

// TestFailedWriteLeavesOriginal is the full-disk case: whichever step fails, the original
// keeps its bytes and mode, the error says why, and no temporary file is left behind.
func TestFailedWriteLeavesOriginal(t *testing.T) {
	for _, tc := range []struct {
		name string
		file func(*os.File) tempFile
		want error
	}{
		{"write", func(f *os.File) tempFile { return &failingFile{File: f, failWrite: true} }, syscall.ENOSPC},
		{"sync", func(f *os.File) tempFile { return &failingFile{File: f, failSync: true} }, syscall.EIO},
		{"close", func(f *os.File) tempFile { return &failingFile{File: f, failClose: true} }, syscall.EDQUOT},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.plan.yaml")
			original := bytes.Repeat([]byte("original line\n"), 1000)
			if err := os.WriteFile(path, original, 0o640); err != nil {
				t.Fatal(err)
			}
			withTempFile(t, tc.file)
			err := Write(path, bytes.Repeat([]byte("new line\n"), 2000), 0o644)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if strings.Contains(err.Error(), ".tmp-") || !strings.Contains(err.Error(), path) {
				t.Errorf("the message should name the file, not the temporary one: %v", err)
			}
			assertOnly(t, dir, path, original, 0o640)
		})
	}
}

// TestFullFileSystem writes to a real, small, full tmpfs. It needs the right to mount
// (root, or CAP_SYS_ADMIN) and skips without it; the injected failures above cover the
// same paths everywhere.
func TestFullFileSystem(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (%v): needs root or CAP_SYS_ADMIN", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
	path := filepath.Join(dir, "a.plan.yaml")
	original := bytes.Repeat([]byte("original line\n"), 1000)
	if err := os.WriteFile(path, original, 0o600); err != nil {
		t.Fatal(err)
	}
	testenv.FillDisk(t, filepath.Join(dir, "filler"))
	err := Write(path, append(original, "one more line\n"...), 0o644)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
	if err := os.Remove(filepath.Join(dir, "filler")); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, path, original, 0o600)
}

// assertOnly checks that dir holds only path, with the given content and mode.
func assertOnly(t *testing.T, dir, path string, content []byte, mode fs.FileMode) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, content) {
		t.Errorf("the original changed: %d bytes, want %d", len(got), len(content))
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != mode {
		t.Errorf("mode %v, want %v", info.Mode().Perm(), mode)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != filepath.Base(path) {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestWriteThroughSymlink keeps a plan that is linked into a repository linked: the file
// the link names gets the new bytes and keeps its mode, and the link stays a link.
func TestWriteThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "shared", "a.plan.yaml")
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte("one\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "repo.plan.yaml")
	if err := os.Symlink("shared/a.plan.yaml", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", testenv.ModeOf(info), err)
	}
	assertOnly(t, filepath.Dir(target), target, []byte("two\n"), 0o600)

	// A link to a file not written yet creates it where the link points.
	dangling := filepath.Join(dir, "new.plan.yaml")
	if err := os.Symlink("shared/new.plan.yaml", dangling); err != nil {
		t.Fatal(err)
	}
	if err := Write(dangling, []byte("three\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "shared", "new.plan.yaml")); string(got) != "three\n" {
		t.Errorf("through a dangling link: %q", got)
	}

	loop := filepath.Join(dir, "loop.plan.yaml")
	if err := os.Symlink("loop.plan.yaml", loop); err != nil {
		t.Fatal(err)
	}
	if err := Write(loop, []byte("x"), 0o644); err == nil {
		t.Error("want an error writing through a symlink loop")
	}
}

// TestWriteToDevice covers `-o /dev/stdout` and friends: a device is written directly,
// never replaced by a regular file (which, as root, would remove the device node), and a
// device that fails the write (/dev/full) reports it.
func TestWriteToDevice(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	if err := Write("/dev/null", []byte("x"), 0o644); err != nil {
		t.Fatalf("writing to /dev/null: %v", err)
	}
	if info, err := os.Lstat("/dev/null"); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", testenv.ModeOf(info), err)
	}
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	err := Write("/dev/full", []byte("x"), 0o644)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("writing to /dev/full: err = %v, want ENOSPC", err)
	}
	if info, err := os.Lstat("/dev/full"); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/full is no longer a device: %v %v", testenv.ModeOf(info), err)
	}
}

// TestKeepsOwner runs only as root, the one user who can hand a file to another: a file
// owned by someone else stays theirs after root rewrites it.
func TestKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	if err := os.WriteFile(path, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 65534 || st.Gid != 65534 {
		t.Errorf("owner %d:%d, want 65534:65534", st.Uid, st.Gid)
	}
}

// TestReadOnlyFileSystemAsRoot is the read-only directory for root, whom permission bits
// do not stop: a tmpfs remounted read-only refuses everyone. Without the right to mount
// it skips; TestWriteIntoReadOnlyDirLeavesOriginal covers other users.
func TestReadOnlyFileSystemAsRoot(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=64k"); err != nil {
		t.Skipf("cannot mount a tmpfs (%v): needs root or CAP_SYS_ADMIN", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
	path := filepath.Join(dir, "a.plan.yaml")
	if err := os.WriteFile(path, []byte("original\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("", dir, "", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	err := Write(path, []byte("new\n"), 0o644)
	if !errors.Is(err, syscall.EROFS) {
		t.Fatalf("err = %v, want EROFS", err)
	}
	assertOnly(t, dir, path, []byte("original\n"), 0o644)
}

// TestNewFileHonoursUmask: a new file gets perm less the umask, as os.WriteFile gives it,
// and a replaced file keeps its own mode whatever the umask.
func TestNewFileHonoursUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	if err := Write(path, []byte("one\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, path, []byte("one\n"), 0o640)
	if err := os.Chmod(path, 0o664); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("two\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	assertOnly(t, dir, path, []byte("two\n"), 0o664)
}
