package diffcmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

// TestArguments: [REV] [FILE] are told apart as docs/diff.md says: one argument is FILE
// when it is a file or a plan file's name, else REV.
func TestArguments(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.yaml"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args           []string
		rev, file, err string
	}{
		{args: nil},
		{args: []string{"main"}, rev: "main"},
		{args: []string{"origin/main"}, rev: "origin/main"},
		{args: []string{"notes.yaml"}, file: "notes.yaml"},
		{args: []string{"sub/new.plan.yml"}, file: "sub/new.plan.yml"},
		{args: []string{"v1.2", "notes.yaml"}, rev: "v1.2", file: "notes.yaml"},
		{args: []string{"--approved", "main"}, err: `--approved compares with the version last approved: give no revision ("main") with it`},
		{args: []string{"--approved", "notes.yaml"}, file: "notes.yaml"},
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		var got *Options
		cmd := NewCmd(&cli.Env{IO: ios, Dir: dir}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		err := cmd.Execute()
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err || cli.Code(err) != cli.ExitBadInput {
				t.Errorf("%q: error %v, want %q (exit 2)", tt.args, err, tt.err)
			}
		case err != nil:
			t.Errorf("%q: %v", tt.args, err)
		case got.Rev != tt.rev || got.File != tt.file:
			t.Errorf("%q: REV %q FILE %q, want %q %q", tt.args, got.Rev, got.File, tt.rev, tt.file)
		}
	}
}
