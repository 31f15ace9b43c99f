package checkcmd_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/checkcmd"
	"github.com/planascode/plan/internal/iostreams"
)

// TestSnippetsOnAnyTerminal: a terminal gets source snippets with colour or without
// (NO_COLOR); a pipe gets one plain line per finding.
func TestSnippetsOnAnyTerminal(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.plan.yaml"), []byte("schema_version: 1\ntitle: 7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name         string
		tty, noColor bool
		snippet      bool
	}{{"terminal", true, false, true}, {"terminal with NO_COLOR", true, true, true}, {"pipe", false, false, false}} {
		ios, _, out, _ := iostreams.Test()
		ios.SetTTY(tc.tty)
		ios.SetNoColor(tc.noColor)
		env := &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(string) string { return "" }}
		cmd := checkcmd.NewCmd(env, nil)
		cmd.SetArgs([]string{"a.plan.yaml"})
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		_ = cmd.Execute()
		got := out.String()
		seen := regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(got, "")
		if strings.Contains(seen, "  2 | title: 7\n") != tc.snippet || strings.Contains(got, "\x1b[") != (tc.tty && !tc.noColor) {
			t.Errorf("%s: want snippet %v:\n%s", tc.name, tc.snippet, got)
		}
	}
}
