//go:build linux

package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteThroughSymlinkedDirectory is the case where resolving a link's target by its
// text goes wrong: sub is a link to other/deep/dir, and sub/l.plan.yaml a link to
// ../r.plan.yaml, which the kernel finds in other/deep, not beside sub. A write through
// the link must change other/deep/r.plan.yaml and leave the unrelated r.plan.yaml alone.
func TestWriteThroughSymlinkedDirectory(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(root, "other", "deep", "dir")
	for _, d := range []string{repo, deep} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	unrelated := filepath.Join(repo, "r.plan.yaml")
	linked := filepath.Join(root, "other", "deep", "r.plan.yaml")
	mustWrite(t, unrelated, "unrelated\n")
	mustWrite(t, linked, "linked\n")
	mustSymlink(t, deep, filepath.Join(repo, "sub"))
	mustSymlink(t, "../r.plan.yaml", filepath.Join(deep, "l.plan.yaml"))

	path := filepath.Join(repo, "sub", "l.plan.yaml")
	target, err := Target(path)
	if err != nil {
		t.Fatal(err)
	}
	if !sameFile(t, target, path) {
		t.Errorf("Target(%s) = %s, not the file the kernel opens", path, target)
	}
	if err := Write(path, []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, unrelated); got != "unrelated\n" {
		t.Errorf("the unrelated %s was overwritten: %q", unrelated, got)
	}
	if got := mustRead(t, linked); got != "new\n" {
		t.Errorf("the file the link names has %q, want the new bytes", got)
	}
	if got := mustRead(t, path); got != "new\n" {
		t.Errorf("reading through the link gives %q", got)
	}

	// A link to a file that does not exist yet is created where the kernel would
	// create it, and Create refuses a name whose link leads to an existing file.
	mustSymlink(t, "../n.plan.yaml", filepath.Join(deep, "n.plan.yaml"))
	if err := Create(filepath.Join(repo, "sub", "n.plan.yaml"), []byte("created\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, filepath.Join(root, "other", "deep", "n.plan.yaml")); got != "created\n" {
		t.Errorf("created through the link: %q", got)
	}
	if _, err := os.Lstat(filepath.Join(repo, "n.plan.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file was created beside the link's directory as typed: %v", err)
	}
	if err := Create(path, []byte("x"), 0o644); !errors.Is(err, fs.ErrExist) {
		t.Errorf("Create through a link to an existing file: %v, want fs.ErrExist", err)
	}
}

// TestWriteToPipe is `render -o /dev/stdout` with standard output a pipe: the links
// lead to "pipe:[…]", which only the kernel's own lookup can open.
func TestWriteToPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := make(chan string)
	go func() {
		data, _ := io.ReadAll(r)
		got <- string(data)
	}()
	err = Write(fmt.Sprintf("/proc/self/fd/%d", w.Fd()), []byte("report\n"), 0o644)
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "report\n" {
		t.Errorf("read %q from the pipe", s)
	}
}

// TestRefusesReadOnlyFile: a file without write permission is not replaced, even by root
// (whom the rename would let): the error says why and wraps fs.ErrPermission.
func TestRefusesReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	mustWrite(t, path, "original\n")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	err := Write(path, []byte("new\n"), 0o644)
	if !errors.Is(err, fs.ErrPermission) || !errors.Is(err, ErrReadOnly) {
		t.Fatalf("err = %v, want ErrReadOnly", err)
	}
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "read-only") {
		t.Errorf("message %q should name the file and say it is read-only", msg)
	}
	assertOnly(t, dir, path, []byte("original\n"), 0o444)
}

// TestRenameFailureIsWorded: when the rename fails, the message names the file and the
// reason, not the temporary file git status would never show.
func TestRenameFailureIsWorded(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.plan.yaml")
	mustWrite(t, path, "original\n")
	withTempFile(t, func(f *os.File) tempFile { return vanishingFile{f} })
	err := Write(path, []byte("new\n"), 0o644)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want the rename's not-exist", err)
	}
	if msg := err.Error(); strings.Contains(msg, ".tmp-") || strings.Contains(msg, "rename") || !strings.Contains(msg, path) {
		t.Errorf("message %q: want the file's name and the reason only", msg)
	}
	assertOnly(t, dir, path, []byte("original\n"), 0o644)
}

// vanishingFile is removed when it is closed, so the rename that follows fails.
type vanishingFile struct{ *os.File }

func (f vanishingFile) Close() error {
	err := f.File.Close()
	os.Remove(f.Name())
	return err
}

// blockingFile writes its data, tells the parent test it has, and never returns.
type blockingFile struct{ *os.File }

func (f blockingFile) Write(p []byte) (int, error) {
	if _, err := f.File.Write(p); err != nil {
		return 0, err
	}
	os.Stdout.WriteString("written\n")
	select {}
}

// TestSignalRemovesTemporaryFile stops a process in the middle of a write with each of
// the signals a user or CI sends: the process dies by that signal, as it would without
// plan's handler, and leaves no temporary file and the original as it was.
func TestSignalRemovesTemporaryFile(t *testing.T) {
	if dir := os.Getenv("ATOMICFILE_SIGNAL_DIR"); dir != "" {
		withTempFile(t, func(f *os.File) tempFile { return blockingFile{f} })
		Write(filepath.Join(dir, "a.plan.yaml"), []byte("new\n"), 0o644)
		t.Fatal("the write returned")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "a.plan.yaml")
			mustWrite(t, path, "original\n")
			cmd := exec.Command(os.Args[0], "-test.run=^TestSignalRemovesTemporaryFile$")
			cmd.Env = append(os.Environ(), "ATOMICFILE_SIGNAL_DIR="+dir)
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(out).ReadString('\n')
			if line != "written\n" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the child did not reach the write: %q", line)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("the process ended with %v, want death by %v", cmd.ProcessState, sig)
			}
			assertOnly(t, dir, path, []byte("original\n"), 0o644)
		})
	}
}

func sameFile(t *testing.T, a, b string) bool {
	t.Helper()
	ia, err := os.Stat(a)
	if err != nil {
		t.Fatal(err)
	}
	ib, err := os.Stat(b)
	if err != nil {
		t.Fatal(err)
	}
	return os.SameFile(ia, ib)
}

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
