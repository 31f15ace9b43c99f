package render

import (
	"path/filepath"
	"strings"

	"github.com/planascode/plan/internal/git"
	"github.com/planascode/plan/internal/plan"
)

// GitInfo is what the footer says about the plan file's history. A nil *GitInfo means
// the file is not in a git repository (or git is not installed), and the footer says
// nothing about history.
type GitInfo struct {
	// Commit is the full hash of the last commit that changed the file; "" when the
	// file has never been committed.
	Commit string
	// Date is that commit's committer date.
	Date plan.Date
	// Modified is set when the working copy differs from the last commit (or the file
	// is not yet tracked).
	Modified bool
	// Untracked is set when git does not track the file at all.
	Untracked bool
}

// ShortCommit is the commit hash cut to 12 characters, as people quote it.
func (g *GitInfo) ShortCommit() string {
	if g == nil {
		return ""
	}
	if len(g.Commit) > 12 {
		return g.Commit[:12]
	}
	return g.Commit
}

// LookupGit asks the real git about path: the last commit that changed it
// (git log -1 --format=%H%x00%cs -- FILE) and whether it has uncommitted changes
// (git status --porcelain -- FILE), both run in the file's directory. It returns nil
// when git is missing, the file is not in a repository, or git fails: the footer then
// says nothing about history.
func LookupGit(path string) *GitInfo {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	dir, base := filepath.Dir(abs), filepath.Base(abs)
	run := func(args ...string) (string, bool) {
		out, err := git.Run(dir, args...)
		return out, err == nil
	}
	if _, ok := run("rev-parse", "--is-inside-work-tree"); !ok {
		return nil
	}
	info := &GitInfo{}
	if out, ok := run("log", "-1", "--format=%H%x00%cs", "--", base); ok {
		commit, date, found := strings.Cut(strings.TrimSpace(out), "\x00")
		if found {
			info.Commit = commit
			if d, err := plan.ParseDate(date); err == nil {
				info.Date = d
			}
		}
	}
	if out, ok := run("status", "--porcelain", "--", base); ok {
		status := strings.TrimSpace(out)
		info.Modified = status != ""
		info.Untracked = strings.HasPrefix(status, "??")
	}
	return info
}
