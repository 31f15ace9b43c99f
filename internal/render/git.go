package render

import (
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

// LookupGit asks git about path (see git.FileHistory). It returns nil when git is
// missing, the file is not in a repository, or git fails: the footer then says nothing
// about history.
func LookupGit(path string) *GitInfo {
	h := git.FileHistory(path)
	if h == nil {
		return nil
	}
	info := &GitInfo{Commit: h.Commit, Modified: h.Modified, Untracked: h.Untracked}
	if d, err := plan.ParseDate(h.Date); err == nil {
		info.Date = d
	}
	return info
}
