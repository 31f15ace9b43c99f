package diffcmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/plan"
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
		{args: []string{"notes.yaml", "HEAD"}, err: "give the revision first: plan diff HEAD notes.yaml"},
		{args: []string{"a.plan.yaml", "v1.2"}, err: "give the revision first: plan diff v1.2 a.plan.yaml"},
		{args: []string{"old.plan.yaml", "new.plan.yaml"}, rev: "old.plan.yaml", file: "new.plan.yaml"},
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

// TestApprovedCommit: the commit that recorded the approval, when it has the approved
// version; else the newest commit before it with that version; a revision that does not
// load is passed over.
func TestApprovedCommit(t *testing.T) {
	approval := plan.Approval{By: "Jane Smith", Version: "1.0"}
	v := func(commit, version string, approved bool) revision {
		p := &plan.Plan{Version: version}
		if approved {
			p.Approvals = []plan.Approval{approval}
		}
		return revision{Commit: commit, Plan: p}
	}
	broken := func(commit string) revision { return revision{Commit: commit} }
	tests := []struct {
		name    string
		history []revision // newest first
		want    string
	}{
		{"edits after the approval, same version", []revision{v("e2", "1.0", true), v("e1", "1.0", true), v("signed", "1.0", true), v("draft", "1.0", false)}, "signed"},
		{"recorded with a new version", []revision{v("bump", "1.1", true), v("last", "1.0", false), v("first", "1.0", false)}, "last"},
		{"not committed yet", []revision{v("b", "1.1", false), v("a", "1.0", false)}, "a"},
		{"removed and recorded again: the newest run", []revision{v("again", "1.0", true), v("gone", "1.0", false), v("once", "1.0", true)}, "again"},
		{"a revision that does not load ends a run", []revision{v("c", "1.0", true), broken("b"), v("a", "1.0", true)}, "c"},
		{"no commit has the version", []revision{v("b", "1.2", false), v("a", "1.1", false)}, ""},
	}
	for _, tt := range tests {
		if got := approvedCommit(tt.history, &approval); got != tt.want {
			t.Errorf("%s: approvedCommit = %q, want %q", tt.name, got, tt.want)
		}
	}
}
