// Package git runs the real git for plan: which files a branch has changed (plan check
// --changed) and, for the report footer, a file's last commit.
//
// It runs git rather than reading the repository itself: what counts as changed
// (renames, the index, untracked files that .gitignore hides, worktrees, submodules,
// safe.directory) is git's to decide, and a user who asks for "what changed" means what
// `git diff` would show them.
package git

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// ErrNoGit is returned, wrapped, when there is no git to run.
var ErrNoGit = errors.New("git is not installed")

// Error is a git command that failed: which command, and what git said.
type Error struct {
	Args   []string
	Stderr string
	Err    error
}

func (e *Error) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if msg == "" {
		msg = e.Err.Error()
	}
	// git's messages are often several lines (a fatal line and hints); the first says
	// what went wrong.
	msg, _, _ = strings.Cut(msg, "\n")
	return fmt.Sprintf("git %s: %s", strings.Join(e.Args, " "), msg)
}

func (e *Error) Unwrap() error { return e.Err }

// gitTimeout bounds each git call: a check in CI must fail, not hang, on a wedged
// repository (a lock, a credential prompt, a network file system).
const gitTimeout = 2 * time.Minute

// Run runs git in dir with a time limit and returns its standard output; a failure is an
// *Error with what git said.
func Run(dir string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), gitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var notFound *exec.Error
		if errors.As(err, &notFound) {
			return "", fmt.Errorf("%w: %v", ErrNoGit, err)
		}
		if ctx.Err() != nil {
			err = fmt.Errorf("no answer after %v", gitTimeout)
		}
		return "", &Error{Args: args, Stderr: stderr.String(), Err: err}
	}
	return stdout.String(), nil
}
