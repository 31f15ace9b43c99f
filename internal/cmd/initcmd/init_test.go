package initcmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

// TestBadFlagsAreUsageErrors: text that would break the scaffold (a second line injects a
// key; a blank title fails the schema) is the user's input to fix, exit 2, and no file is
// written. Before, the broken scaffold surfaced as an internal error.
func TestBadFlagsAreUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"title on two lines", Options{Title: "a\nb"}, "--title must be a single line"},
		{"title with a carriage return", Options{Title: "a\rtitle: b"}, "--title must be a single line"},
		{"blank title", Options{Title: " \t "}, "--title must not be blank"},
		{"schema on two lines", Options{Schema: "x\ntitle: injected"}, "--schema must be a single line"},
		{"schema with a carriage return", Options{Schema: "x\rtitle: injected"}, "--schema must be a single line"},
		{"standard output", Options{File: "-"}, "plan init writes a file, not standard output"},
		{"start too late for the template", Options{Start: "9999-12-01"}, "--start 9999-12-01 is too late: the template's phases would run past 9999-12-31"},
		{"title with a line separator", Options{Title: "a\u2028b"}, "--title must be a single line"},
		{"title that is not UTF-8", Options{Title: "a\xffb"}, "--title is not valid UTF-8"},
		{"schema with a next-line character", Options{Schema: "x\u0085bogus: ["}, "--schema must be a single line"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			ios, _, _, _ := iostreams.Test()
			opts := tc.opts
			opts.Env = &cli.Env{IO: ios, Dir: dir, Now: func() time.Time { return time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC) }, Getenv: func(string) string { return "" }}
			opts.Template = "minimal"
			if opts.File == "" {
				opts.File = DefaultFile
			}
			if opts.Schema == "" {
				opts.Schema = "plan.schema.json"
			}
			err := Run(&opts)
			if cli.Code(err) != cli.ExitBadInput || err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Run = %v (exit %d), want exit 2 saying %q", err, cli.Code(err), tc.want)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 0 {
				t.Errorf("files written: %v", entries)
			}
			if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
				t.Error(`a file named "-" was written`)
			}
		})
	}
}
