package git

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/planascode/plan/internal/wording"
)

// MergeBase returns the commit where HEAD left base, as plan check --changed and plan
// diff compare with.
func MergeBase(dir, base string) (string, error) {
	if err := checkRef(base); err != nil {
		return "", err
	}
	mb, err := Run(dir, "merge-base", base, "HEAD")
	var ge *Error
	if errors.As(err, &ge) && strings.TrimSpace(ge.Stderr) == "" {
		// git says nothing when both commits exist but share no history, which in CI
		// almost always means a shallow clone.
		return "", fmt.Errorf("%s and HEAD have no common ancestor: fetch the history that joins them (in a shallow clone, git fetch --unshallow, or actions/checkout with fetch-depth: 0)", base)
	}
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(mb), nil
}

// checkRef refuses a ref git would read as one of its own options.
func checkRef(ref string) error {
	if strings.HasPrefix(ref, "-") {
		return fmt.Errorf("%q is not a branch or commit: a ref cannot start with \"-\"", ref)
	}
	return nil
}

// Commit returns the full hash of the commit rev names (a branch, tag or hash), or an
// error that says it names none here.
func Commit(dir, rev string) (string, error) {
	if err := checkRef(rev); err != nil {
		return "", err
	}
	out, err := Run(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	var ge *Error
	if errors.As(err, &ge) && ge.exitCode == 1 {
		return "", unknownRev(dir, rev)
	}
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// unknownRev says that rev names no commit here, with what may help: in a shallow clone
// the commit may just not be fetched; otherwise rev may be a branch name mistyped.
func unknownRev(dir, rev string) error {
	msg := fmt.Sprintf("%q is not a commit in this repository", rev)
	if IsShallow(dir) {
		return errors.New(msg + " (this is a shallow clone: fetch more history with git fetch --unshallow, or actions/checkout with fetch-depth: 0)")
	}
	if near := wording.Closest(rev, Branches(dir)); near != "" {
		return errors.New(msg + ": did you mean " + near + "?")
	}
	return errors.New(msg)
}

// FileAt returns the bytes of the file at path (absolute, or relative to the process's
// directory) as it was in commit, and false when the file did not exist there. It asks
// git in the file's own directory, so a plan in a subdirectory or another repository is
// found where it is.
func FileAt(commit, path string) ([]byte, bool, error) {
	dir, name, err := split(path)
	if err != nil {
		return nil, false, err
	}
	// "./name" is relative to the directory git runs in, not to the top of the work tree.
	object, err := Run(dir, "rev-parse", "--verify", "--quiet", commit+":./"+name)
	var ge *Error
	if errors.As(err, &ge) && ge.exitCode == 1 {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	data, err := Run(dir, "cat-file", "blob", strings.TrimSpace(object))
	if err != nil {
		return nil, false, err
	}
	return []byte(data), true, nil
}

// FileCommits lists the commits that changed the file at path, newest first, as full
// hashes: where plan diff --approved looks for the version that was approved.
func FileCommits(path string) ([]string, error) {
	dir, name, err := split(path)
	if err != nil {
		return nil, err
	}
	out, err := Run(dir, "log", "--format=%H", "--no-ext-diff", "--", name)
	if err != nil {
		return nil, err
	}
	return strings.Fields(out), nil
}

// split is the directory a file is in and its name there.
func split(path string) (dir, name string, err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", err
	}
	return filepath.Dir(abs), filepath.Base(abs), nil
}
