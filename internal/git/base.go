package git

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotRepository is returned, wrapped, when the directory git runs in is in no work
// tree.
var ErrNotRepository = errors.New("not in a git repository")

// NoBaseError is ResolveBase finding no default branch: Tried lists the names it looked
// for, in order, so the message can say what to name instead.
type NoBaseError struct {
	Tried []string
}

func (e *NoBaseError) Error() string {
	return "no default branch found (tried " + strings.Join(e.Tried, ", ") + ")"
}

// defaultBranches are the names looked for when neither the CI system, the branch's
// upstream nor origin/HEAD says which branch a change will be merged into: local ones
// first, since someone who has a main has usually kept it in step, then the remote's.
var defaultBranches = []string{"main", "master", "origin/main", "origin/master"}

// TopLevel returns the top directory of the work tree containing dir, or an error
// wrapping ErrNotRepository when there is none.
func TopLevel(dir string) (string, error) {
	out, err := Run(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// ResolveBase returns the branch plan check --changed and plan diff compare with: ref
// when it is set, otherwise the default branch, as a pull request sees it:
//
//  1. origin/$GITHUB_BASE_REF, when getenv gives GITHUB_BASE_REF (a GitHub Actions job
//     for a pull request, where HEAD is a detached merge commit);
//  2. the current branch's upstream, unless it is the same branch on a remote (a pushed
//     feature branch tracks its own copy, which is no base: it would compare the branch
//     with itself);
//  3. refs/remotes/origin/HEAD, the remote's default branch as the clone recorded it;
//  4. main, master, origin/main, origin/master, the first that exists.
//
// When GITHUB_BASE_REF names a branch that was not fetched, it says so rather than
// falling back, since any other branch would be the wrong comparison. With nothing
// found, the error is a *NoBaseError; outside a work tree it wraps ErrNotRepository.
func ResolveBase(dir, ref string, getenv func(string) string) (string, error) {
	if ref != "" {
		return ref, nil
	}
	if _, err := TopLevel(dir); err != nil {
		return "", err
	}
	if b := getenv("GITHUB_BASE_REF"); b != "" {
		base := "origin/" + b
		if isCommit(dir, "refs/remotes/"+base) {
			return base, nil
		}
		return "", fmt.Errorf("GITHUB_BASE_REF names the pull request's base %s, but %s is not in this clone: fetch it (git fetch origin %s), or actions/checkout with fetch-depth: 0", b, base, b)
	}
	if up := upstreamBase(dir); up != "" {
		return up, nil
	}
	if out, err := Run(dir, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"); err == nil {
		if head := strings.TrimSpace(out); head != "" && isCommit(dir, "refs/remotes/"+head) {
			return head, nil
		}
	}
	for _, name := range defaultBranches {
		full := "refs/heads/" + name
		if strings.HasPrefix(name, "origin/") {
			full = "refs/remotes/" + name
		}
		if isCommit(dir, full) {
			return name, nil
		}
	}
	return "", &NoBaseError{Tried: append([]string{"origin/HEAD"}, defaultBranches...)}
}

// upstreamBase is the current branch's upstream ("origin/develop"), or "" when HEAD is
// detached, the branch has no upstream, or the upstream is the branch itself on a
// remote.
func upstreamBase(dir string) string {
	branch := currentBranch(dir)
	if branch == "" {
		return ""
	}
	up := Upstream(dir)
	if up == "" {
		return ""
	}
	merge, err := Run(dir, "config", "--get", "branch."+branch+".merge")
	if err != nil || strings.TrimSpace(merge) == "refs/heads/"+branch {
		return ""
	}
	return up
}

// Upstream returns the upstream branch of the current branch (such as "origin/main"),
// or "" when it has none.
func Upstream(dir string) string {
	out, err := Run(dir, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(out)
}

// isCommit reports whether the full ref name names a commit.
func isCommit(dir, ref string) bool {
	_, err := Run(dir, "rev-parse", "--verify", "--quiet", ref+"^{commit}")
	return err == nil
}

// IsShallow reports whether the repository containing dir is a shallow clone, whose
// history stops short: a commit git cannot find may just not be fetched.
func IsShallow(dir string) bool {
	out, err := Run(dir, "rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(out) == "true"
}

// SuggestBase is a branch to name in a message that asks for one: a branch of this
// repository other than the current one, else "main".
func SuggestBase(dir string) string {
	current := currentBranch(dir)
	for _, b := range Branches(dir) {
		if b != current {
			return b
		}
	}
	return "main"
}

// currentBranch is the branch HEAD is on, or "" when HEAD is detached.
func currentBranch(dir string) string {
	out, _ := Run(dir, "symbolic-ref", "--quiet", "--short", "HEAD")
	return strings.TrimSpace(out)
}

// Branches lists the local and remote-tracking branches, for completing --base; nil
// outside a repository.
func Branches(dir string) []string {
	out, err := Run(dir, "for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes")
	if err != nil {
		return nil
	}
	var names []string
	for _, name := range strings.Split(out, "\n") {
		// origin/HEAD is an alias of a branch already listed.
		if name != "" && !strings.HasSuffix(name, "/HEAD") {
			names = append(names, name)
		}
	}
	return names
}
