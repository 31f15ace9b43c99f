package discover

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/planascode/plan/internal/fserr"
)

// Options narrows what a directory walk picks up. Patterns use the .gitignore syntax:
// slash-separated and relative to the directory argument being walked, "*", "?" and
// "[...]" within one path segment, "**" across segments. A pattern without a slash
// (other than a trailing one) matches the base name at any depth, as the default
// *.plan.yaml does; one with a slash matches the whole relative path; a trailing slash
// matches directories only. Neither option applies to files named as arguments.
type Options struct {
	// Include replaces the default *.plan.yaml and *.plan.yml: a walked file is
	// checked if it matches any of these.
	Include []string
	// Exclude skips the files, and the directories with all they contain, that match
	// any of these.
	Exclude []string
}

// Files expands the arguments of `plan check` into the plan files to check, in argument
// order and, within a directory, in lexical order of the slash-separated path (the
// order git ls-files uses), each path once. No arguments means ".".
//
// A file argument is returned as given, whatever its name, since the user asked for it.
// A directory is walked for matching files, skipping .git, node_modules, what git
// ignores (asked of git inside a work tree, else read from the .gitignore files and
// .git/info/exclude in effect), and what Exclude names;
// symlinked directories are not followed. Found paths are joined onto the argument, so
// "examples" yields "examples/a.plan.yaml" and "." yields "a.plan.yaml". "-" (standard
// input) is passed through.
//
// A missing or unreadable argument, or a directory the walk cannot read, goes into
// Result.Unreadable and the rest is still found: one bad path must not hide the findings
// of every other file. A walk that finds nothing is not a problem: the result is empty.
// The error is for options that make no sense (an invalid pattern).
func Files(args []string, opts Options) (Result, error) {
	include, err := compileOptions("include", opts.Include)
	if err != nil {
		return Result{}, err
	}
	exclude, err := compileOptions("exclude", opts.Exclude)
	if err != nil {
		return Result{}, err
	}
	if len(args) == 0 {
		args = []string{"."}
	}

	var res Result
	seen := make(map[string]bool)
	add := func(p string) {
		// Keyed by absolute path so "examples/a.plan.yaml" and "./examples/a.plan.yaml"
		// are one file; symlinks are not resolved, since two names the user sees as
		// different should each get their diagnostics.
		key := p
		if p != "-" {
			if abs, err := filepath.Abs(p); err == nil {
				key = abs
			}
		}
		if !seen[key] {
			seen[key] = true
			res.Files = append(res.Files, p)
		}
	}

	for _, arg := range args {
		if arg == "-" {
			add(arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			res.Unreadable = append(res.Unreadable, pathError(arg, err))
			continue
		}
		if !info.IsDir() {
			// Only regular files are opened to prove they are readable: opening a
			// FIFO with no writer would block.
			if info.Mode().IsRegular() {
				f, err := os.Open(arg)
				if err != nil {
					res.Unreadable = append(res.Unreadable, pathError(arg, err))
					continue
				}
				f.Close()
			}
			add(arg)
			continue
		}
		found, unreadable := walk(arg, include, exclude)
		res.Unreadable = append(res.Unreadable, unreadable...)
		for _, p := range found {
			add(p)
		}
	}
	return res, nil
}

// Result is what Files found.
type Result struct {
	// Files are the plan files, in the order Files describes.
	Files []string
	// Unreadable holds an error naming each argument, and each directory or .gitignore
	// met in a walk, that could not be read; the caller reports them after the rest.
	Unreadable []error
}

// ValidPattern reports whether s is a pattern Options can hold, so that a config file can
// be refused, with its line, before any walk.
func ValidPattern(s string) bool {
	p, ok := compilePattern(s)
	return ok && p.valid()
}

func compileOptions(what string, patterns []string) ([]pattern, error) {
	var out []pattern
	for _, s := range patterns {
		p, ok := compilePattern(s)
		if !ok || !p.valid() {
			return nil, fmt.Errorf("invalid %s pattern %q", what, s)
		}
		out = append(out, p)
	}
	return out, nil
}

func matchAny(patterns []pattern, rel string, isDir bool) bool {
	return slices.ContainsFunc(patterns, func(p pattern) bool { return p.match(rel, isDir) })
}

// pathError names path in front of the bare cause ("permission denied"), because the
// *fs.PathError message would repeat the operation and, for a walk, an inner path the
// user never typed. The cause stays wrapped for errors.Is.
func pathError(name string, err error) error {
	return fmt.Errorf("%s: %w", name, fserr.Cause(err))
}

type walker struct {
	root             string
	include, exclude []pattern
	// listed is git's answer for the walk root, when it lies in a work tree; nil
	// where git is missing or fails, and ignore, the matcher, decides instead.
	listed *listing
	ignore ignoreMatcher
	// prefix is the walk root relative to the ignore matcher's root (the repository
	// root when there is one), slash-separated, "" when they are the same.
	prefix string
	found  []string
	// unreadable are the directories and ignore files that could not be read; the
	// walk goes on without them.
	unreadable []error
}

// walk returns the matching files under root, joined onto it and sorted, and what it
// could not read on the way.
func walk(root string, include, exclude []pattern) ([]string, []error) {
	w := &walker{root: root, include: include, exclude: exclude}
	// Where git answers, it has applied every rule there is and the matcher has
	// nothing to add.
	w.listed = listRepo(root)
	if w.listed == nil {
		if err := w.loadRepoIgnores(); err != nil {
			// Without the repository's ignore rules the walk would check files the
			// user has ignored, so nothing is reported from this root but the reason.
			return nil, []error{err}
		}
	}
	w.dir(root, "")
	// ReadDir order would put "a/x" before "a.b" (a directory's entries are sorted by
	// name, "a" < "a.b"); a full-path sort gives the order users see from git and sort.
	slices.Sort(w.found)
	out := make([]string, len(w.found))
	for i, rel := range w.found {
		out[i] = filepath.Join(root, filepath.FromSlash(rel))
	}
	return out, w.unreadable
}

// loadRepoIgnores adds what applies to the walk root from outside it: the repository's
// info/exclude and the .gitignore files of the directories between the repository root
// and the walk root.
func (w *walker) loadRepoIgnores() error {
	abs, err := filepath.Abs(w.root)
	if err != nil {
		return pathError(w.root, err)
	}
	// git finds the repository from the real directory, so a symlinked walk root
	// belongs to the repository it points into.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	repo, exclude, ok := findRepo(abs)
	if !ok {
		return nil
	}
	if err := w.ignore.addFile(exclude, ""); err != nil {
		return err
	}
	rel, err := filepath.Rel(repo, abs)
	if err != nil || rel == "." {
		return nil
	}
	w.prefix = filepath.ToSlash(rel)
	dir, base := repo, ""
	for _, seg := range strings.Split(w.prefix, "/") {
		if err := w.ignore.addFile(filepath.Join(dir, ".gitignore"), base); err != nil {
			return err
		}
		dir, base = filepath.Join(dir, seg), path.Join(base, seg)
	}
	return nil
}

// dir walks the directory at fsPath, which is rel (slash-separated, "" for the root)
// below the walk root. A directory it cannot read, or whose .gitignore it cannot read,
// is recorded and skipped with all it holds.
func (w *walker) dir(fsPath, rel string) {
	entries, err := os.ReadDir(fsPath)
	if err != nil {
		w.unreadable = append(w.unreadable, pathError(fsPath, err))
		return
	}
	mark := len(w.ignore.rules)
	defer func() { w.ignore.rules = w.ignore.rules[:mark] }()
	isIgnoreFile := func(e fs.DirEntry) bool { return e.Name() == ".gitignore" }
	if w.listed == nil && slices.ContainsFunc(entries, isIgnoreFile) {
		if err := w.ignore.addFile(filepath.Join(fsPath, ".gitignore"), path.Join(w.prefix, rel)); err != nil {
			w.unreadable = append(w.unreadable, err)
			return
		}
	}

	for _, e := range entries {
		name := e.Name()
		if name == ".git" || name == "node_modules" {
			continue
		}
		childRel := path.Join(rel, name)
		childPath := filepath.Join(fsPath, name)
		isDir := e.IsDir()
		if w.ignored(childRel, isDir) || matchAny(w.exclude, childRel, isDir) {
			continue
		}
		if isDir {
			if w.listed != nil && w.listed.isRepo(childRel) {
				// git lists a repository inside its work tree as one entry, so
				// what lies in it is that repository's to say.
				if err := w.listed.addRepo(childPath, childRel); err != nil {
					w.unreadable = append(w.unreadable, pathError(childPath, err))
					continue
				}
			}
			w.dir(childPath, childRel)
			continue
		}
		switch typ := e.Type(); {
		case typ&fs.ModeSymlink != 0:
			// Not following a symlinked directory is what keeps a link to an
			// ancestor from looping. A dangling link is kept so that loading it
			// reports the broken link rather than the file silently vanishing.
			if info, err := os.Stat(childPath); err == nil && info.IsDir() {
				continue
			}
		case !typ.IsRegular():
			continue
		}
		if w.wanted(name, childRel) {
			w.found = append(w.found, childRel)
		}
	}
}

// ignored decides rel, below the walk root, by git's listing where there is one, else
// by the matcher.
func (w *walker) ignored(rel string, isDir bool) bool {
	if w.listed != nil {
		return w.listed.ignored(rel, isDir)
	}
	return w.ignore.match(path.Join(w.prefix, rel), isDir)
}

func (w *walker) wanted(name, rel string) bool {
	if len(w.include) > 0 {
		return matchAny(w.include, rel, false)
	}
	return IsPlanName(name)
}

// IsPlanName reports whether a file's name marks it as a plan: *.plan.yaml or
// *.plan.yml.
func IsPlanName(name string) bool {
	return strings.HasSuffix(name, ".plan.yaml") || strings.HasSuffix(name, ".plan.yml")
}
