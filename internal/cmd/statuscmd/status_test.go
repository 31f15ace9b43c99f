package statuscmd

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

// run runs `plan status` in a copy of the bundled council example (with its records),
// on a terminal of the given width (0: not a terminal).
func run(t *testing.T, width int, args ...string) (string, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../../examples")); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	if width > 0 {
		ios.SetTTY(true)
		ios.SetNoColor(true)
		ios.SetWidth(width)
	}
	env := &cli.Env{IO: ios, Dir: dir, Now: func() time.Time { return time.Date(2027, 3, 26, 12, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }}
	cmd := NewCmd(env, nil)
	cmd.SetArgs(append([]string{"council-consultation.plan.yaml"}, args...))
	cmd.SetOut(out)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return out.String(), err
}

// TestTerminalFitsItsWidth: on a terminal of 80 columns or more every line fits (a
// narrower one keeps a dozen columns of each row's free text, and the terminal wraps
// what is left over); piped, nothing is cut.
func TestTerminalFitsItsWidth(t *testing.T) {
	for _, width := range []int{80, 100, 120} {
		out, err := run(t, width)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(out, "\n") {
			// The title and the phase line are the plan's own and are not cut.
			if n := len([]rune(l)); n > width && !strings.HasPrefix(l, "Draft ") && !strings.HasPrefix(l, "Status on") && !strings.HasPrefix(l, "  Consultation") {
				t.Errorf("width %d: a line of %d columns: %q", width, n, l)
			}
		}
	}
	piped, err := run(t, 0)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(piped, "…") || !strings.Contains(piped, "Route priorities workshop with the Bicycle User Group") {
		t.Errorf("piped output was cut:\n%s", piped)
	}
}

// TestTodayFromTheClock: without --today or PLAN_TODAY, the clock's day.
func TestTodayFromTheClock(t *testing.T) {
	out, err := run(t, 0)
	if err != nil || !strings.Contains(out, "Status on 2027-03-26 ") {
		t.Errorf("%v\n%s", err, out)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--format", "csv"}, {"--days", "400"}, {"--width", "-1"}, {"--today", "yesterday"}} {
		if _, err := run(t, 0, args...); cli.Code(err) != cli.ExitBadInput {
			t.Errorf("%v: exit %d (%v), want 2", args, cli.Code(err), err)
		}
	}
}
