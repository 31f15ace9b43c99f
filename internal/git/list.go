package git

import "strings"

// ListFiles returns what git lists below dir, relative to it and slash-separated: the
// tracked files and the untracked ones that no ignore rule excludes (git ls-files -co
// --exclude-standard), so that .gitignore files, info/exclude, core.excludesFile and
// every rule of git's own apply as git applies them. A tracked file is listed even if a
// rule matches it, as git tracks it regardless. A repository nested in the work tree is
// one entry, its directory: with a trailing slash when untracked, without when it is a
// submodule. Each entry is listed once, in git's order.
//
// The error is a missing git (wrapping ErrNoGit), a dir outside any work tree, or git
// failing or not answering within Timeout.
func ListFiles(dir string) ([]string, error) {
	out, err := Run(dir, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if err != nil {
		return nil, err
	}
	var names []string
	seen := make(map[string]bool)
	for _, name := range strings.Split(out, "\x00") {
		// A file in conflict is listed once per stage.
		if name != "" && !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names, nil
}
