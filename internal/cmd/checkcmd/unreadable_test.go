package checkcmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/checkcmd"
	"github.com/planascode/plan/internal/iostreams"
)

// TestUnreadableNameStaysOnOneLine: the stderr line about a path that cannot be read
// shows a line break or escape sequence in its name as U+FFFD, so it stays one line.
func TestUnreadableNameStaysOnOneLine(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("nowhere", filepath.Join(dir, "bad\nname\x1b[2J.plan.yaml")); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	ios, _, _, errOut := iostreams.Test()
	env := &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(string) string { return "" }}
	cmd := checkcmd.NewCmd(env, nil)
	cmd.SetArgs([]string{"."})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); cli.Code(err) != cli.ExitBadInput {
		t.Fatalf("exit %d: %v", cli.Code(err), err)
	}
	got := errOut.String()
	if want := "bad\uFFFDname\uFFFD[2J.plan.yaml: cannot read"; !strings.HasPrefix(got, "plan: ") || !strings.Contains(got, want) || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr %q, want one line with %q", got, want)
	}
}
