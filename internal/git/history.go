package git

import "strings"

// History is what git says about one file, for the report footer.
type History struct {
	// Commit is the full hash of the last commit that changed the file; "" when the
	// file has never been committed.
	Commit string
	// Date is that commit's committer date, YYYY-MM-DD.
	Date string
	// Modified is set when the working copy differs from the last commit (or the file
	// is not yet tracked).
	Modified bool
	// Untracked is set when git does not track the file at all.
	Untracked bool
}

// FileHistory asks git about path: the last commit that changed it
// (git log -1 --format=%H%x00%cs -- FILE) and whether it has uncommitted changes
// (git status --porcelain -- FILE), both run in the file's directory. It returns nil
// when git is missing, the file is not in a repository, or git fails.
func FileHistory(path string) *History {
	dir, base, err := split(path)
	if err != nil {
		return nil
	}
	run := func(args ...string) (string, bool) {
		out, err := Run(dir, args...)
		return out, err == nil
	}
	if _, ok := run("rev-parse", "--is-inside-work-tree"); !ok {
		return nil
	}
	h := &History{}
	if out, ok := run("log", "-1", "--format=%H%x00%cs", "--", base); ok {
		if commit, date, found := strings.Cut(strings.TrimSpace(out), "\x00"); found {
			h.Commit, h.Date = commit, date
		}
	}
	if out, ok := run("status", "--porcelain", "--", base); ok {
		status := strings.TrimSpace(out)
		h.Modified = status != ""
		h.Untracked = strings.HasPrefix(status, "??")
	}
	return h
}
