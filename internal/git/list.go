package git

import "strings"

// Listing is what git says about the files below a directory, each name relative to it
// and slash-separated.
type Listing struct {
	// Files are the tracked files and the untracked ones that no ignore rule excludes
	// (git ls-files --cached --others --exclude-standard). A tracked file is listed even
	// if a rule matches it, since git tracks it regardless. A repository nested in the
	// work tree is one entry, its directory: with a trailing slash when untracked,
	// without when it is a submodule.
	Files []string
	// IgnoredDirs are the untracked directories that an ignore rule excludes as a
	// whole, each with a trailing slash (git ls-files --others --ignored
	// --exclude-standard --directory).
	IgnoredDirs []string
}

// List asks git which files below dir it does not ignore, so that .gitignore files,
// info/exclude, core.excludesFile and every rule of git's own apply as git applies them.
//
// The error is a missing git (wrapping ErrNoGit), a dir outside any work tree, or git
// failing or not answering within Timeout.
func List(dir string) (*Listing, error) {
	files, err := Run(dir, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	ignored, err := Run(dir, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory")
	if err != nil {
		return nil, err
	}
	l := &Listing{Files: names(files)}
	for _, name := range names(ignored) {
		if strings.HasSuffix(name, "/") {
			l.IgnoredDirs = append(l.IgnoredDirs, name)
		}
	}
	return l, nil
}

// names splits git's -z output, each name once: a file in conflict is listed once per
// stage, and a file may be in both of two listings joined.
func names(out string) []string {
	var list []string
	seen := make(map[string]bool)
	for _, name := range strings.Split(out, "\x00") {
		if name != "" && !seen[name] {
			seen[name] = true
			list = append(list, name)
		}
	}
	return list
}
