package discover

import (
	"path/filepath"
	"strings"

	"github.com/planascode/plan/internal/git"
)

// listing is git's view of a walk: which files it does not ignore and which directories
// it ignores whole, slash-separated and relative to the walk root.
type listing struct {
	files       map[string]bool
	ignoredDirs map[string]bool
	// repos are the repositories nested in the work tree, which git lists as one
	// entry (untracked, or a submodule).
	repos map[string]bool
}

// listRepo asks git about the walk root when it lies in a repository: git alone knows
// every rule (core.excludesFile, rules in the global configuration, what it tracks
// regardless of a rule). It returns nil outside a repository, without git, or when git
// fails, and the walk then uses the matcher in gitignore.go.
func listRepo(root string) *listing {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil
	}
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		abs = resolved
	}
	if _, _, ok := findRepo(abs); !ok {
		return nil // no .git above: no reason to run git at all
	}
	l := &listing{files: map[string]bool{}, ignoredDirs: map[string]bool{}, repos: map[string]bool{}}
	if err := l.add(root, ""); err != nil {
		return nil
	}
	return l
}

// add records git's listing of dir, which is prefix below the walk root.
func (l *listing) add(dir, prefix string) error {
	gl, err := git.List(dir)
	if err != nil {
		return err
	}
	for _, name := range gl.Files {
		if name, ok := strings.CutSuffix(name, "/"); ok {
			l.repos[prefix+name] = true
			continue
		}
		l.files[prefix+name] = true
	}
	for _, name := range gl.IgnoredDirs {
		l.ignoredDirs[prefix+strings.TrimSuffix(name, "/")] = true
	}
	return nil
}

// isRepo reports whether the directory rel is a repository git listed as one entry: an
// untracked nested repository, or a submodule (listed as a file).
func (l *listing) isRepo(rel string) bool {
	return l.repos[rel] || l.files[rel]
}

// addRepo adds the listing of the nested repository at dir (rel below the walk root).
func (l *listing) addRepo(dir, rel string) error {
	delete(l.files, rel)
	return l.add(dir, rel+"/")
}

// ignored reports whether git ignores rel: a directory it ignores as a whole, or a file
// it does not list. Other directories are walked, so that one the walk cannot read is
// reported rather than passed over.
func (l *listing) ignored(rel string, isDir bool) bool {
	if isDir {
		return l.ignoredDirs[rel]
	}
	return !l.files[rel]
}
