package git

import "path/filepath"

// Changes is what a branch has changed since it left its base.
type Changes struct {
	// Root is the top-level directory of the work tree, as git reports it.
	Root string
	// Base is the ref compared with, and MergeBase the commit it resolved to.
	Base, MergeBase string
	// Files are the absolute paths of the files added, copied, modified or renamed
	// since MergeBase (committed, staged or not) and of the untracked files git does not
	// ignore, in git's order and each once. Deleted files are left out: there is nothing
	// left to check.
	Files []string

	set map[string]bool
}

// Changed returns the files changed in the work tree containing dir since its merge
// base with base. Untracked files count as changed, since a new plan is usually not yet
// committed when someone checks it.
func Changed(dir, base string) (*Changes, error) {
	if err := checkRef(base); err != nil {
		return nil, err
	}
	root, err := TopLevel(dir)
	if err != nil {
		return nil, err
	}
	mb, err := MergeBase(dir, base)
	if err != nil {
		return nil, err
	}
	// -z keeps names with spaces, quotes or non-ASCII letters as they are instead of
	// C-quoting them; "--" stops a file named like the commit being taken for a path.
	// A submodule's own changes are no plan of this repository, and finding them would
	// run git in the submodule, under its configuration.
	diff, err := Run(root, "diff", "--name-only", "--no-ext-diff", "--ignore-submodules=all", "--diff-filter=ACMR", "-z", mb, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := Run(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	c := &Changes{Root: root, Base: base, MergeBase: mb}
	for _, name := range names(diff + "\x00" + untracked) {
		c.Files = append(c.Files, filepath.Join(root, filepath.FromSlash(name)))
	}
	return c, nil
}

// Contains reports whether path (absolute or relative to the process's directory) is
// one of the changed files. Symlinks in the directories of path are resolved first,
// because git reports the work tree by its real path (on macOS, /var is /private/var);
// the file itself is not, so a symlinked plan counts when the link changed.
func (c *Changes) Contains(path string) bool {
	if c.set == nil {
		c.set = make(map[string]bool, len(c.Files))
		for _, f := range c.Files {
			c.set[f] = true
		}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	return c.set[abs]
}
