package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestClosedStandardOutput: output nobody can receive is the user's environment (exit 2,
// one line), whether standard output was closed (>&-) or is full; >/dev/null is fine.
func TestClosedStandardOutput(t *testing.T) {
	bin := planBinary(t)
	example := filepath.Join("..", "..", "examples", "council-consultation.plan.yaml")
	for _, args := range []string{"version", "check " + example, "timeline " + example} {
		cmd := exec.Command("sh", "-c", `exec "$0" `+args+` >&-`, bin)
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "PLAN_CONFIG=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		_ = cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != 2 || stderr.String() != "plan: cannot write to standard output: it is closed\n" {
			t.Errorf("plan %s >&-: exit %d, stderr %q; want exit 2 and that it is closed", args, code, stderr.String())
		}
		cmd = exec.Command("sh", "-c", `exec "$0" `+args+` >/dev/null`, bin)
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "PLAN_CONFIG=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("plan %s >/dev/null: %v\n%s", args, err, out)
		}
	}
}

// TestBrokenPipe: plan check | head ends plan quietly, as it ends cat or grep: killed by
// SIGPIPE (exit status 141 in a shell), with nothing on stderr.
func TestBrokenPipe(t *testing.T) {
	bin := planBinary(t)
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "council-consultation.plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// Enough findings to fill a pipe's buffer many times over.
	for i := range 200 {
		name := filepath.Join(dir, fmt.Sprintf("p%03d.plan.yaml", i))
		if err := os.WriteFile(name, bytes.Replace(src, []byte("title:"), []byte("titel:"), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "check", "-f", "json", dir)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "PLAN_CONFIG=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(out, make([]byte, 10)); err != nil {
		t.Fatal(err)
	}
	out.Close()
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGPIPE || stderr.Len() > 0 {
		t.Errorf("plan check | head: %v, stderr %q; want killed by SIGPIPE and nothing on stderr", err, stderr.String())
	}
}
