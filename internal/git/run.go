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
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"
)

// ErrNoGit is returned, wrapped, when there is no git to run.
var ErrNoGit = errors.New("git is not installed")

// Error is a git command that failed: which command, and what git said.
type Error struct {
	Args   []string
	Stderr string
	Err    error

	exitCode int
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

// Is makes errors.Is(err, ErrNotRepository) true when git refused because the directory
// is in no work tree, which run asks git to say in English.
func (e *Error) Is(target error) bool {
	return target == ErrNotRepository && strings.Contains(e.Stderr, "not a git repository")
}

// Timeout bounds each git call: a check in CI must fail, not hang, on a wedged
// repository (a lock, a credential prompt, a network file system), and a report's
// footer is not worth waiting for. docs/reliability.md gives the same figure.
const Timeout = 10 * time.Second

// helpersOff are the settings that keep git from running a program named in the
// configuration, which the repository's own .git/config can set: a plan checked or
// rendered in a repository someone else made must not run their commands. The file
// system monitor runs for status, diff and ls-files; a signature check runs gpg for log.
// Filter drivers are turned off by name (filtersOff), since any name can be configured.
var helpersOff = []string{
	"-c", "core.fsmonitor=false",
	"-c", "log.showSignature=false",
	"-c", "core.pager=cat",
}

// Run runs git in dir with a time limit and the configured helpers turned off, and
// returns its standard output; a failure is an *Error with what git said.
func Run(dir string, args ...string) (string, error) {
	off, err := filtersOffCached(dir)
	if err != nil {
		return "", err
	}
	return run(dir, args, slices.Concat(helpersOff, off, args))
}

// filtersOffByDir keeps filtersOff's answer for each directory asked about: a command
// runs git several times in one directory, and the configuration does not change
// meanwhile.
var filtersOffByDir struct {
	sync.Mutex
	opts map[string][]string
}

func filtersOffCached(dir string) ([]string, error) {
	filtersOffByDir.Lock()
	defer filtersOffByDir.Unlock()
	if opts, ok := filtersOffByDir.opts[dir]; ok {
		return opts, nil
	}
	opts, err := filtersOff(dir)
	if err != nil {
		return nil, err
	}
	if filtersOffByDir.opts == nil {
		filtersOffByDir.opts = make(map[string][]string)
	}
	filtersOffByDir.opts[dir] = opts
	return opts, nil
}

// filtersOff returns the -c options that empty the clean, smudge and process commands
// of every filter driver configured for dir, and make each optional (a required filter
// with no command is an error): git status and git diff run a clean filter on a file
// whose time stamp changed, to see whether its content did. The files are then
// compared as they are on disk.
func filtersOff(dir string) ([]string, error) {
	args := []string{"config", "-z", "--name-only", "--get-regexp", `^filter\.`}
	out, err := run(dir, args, slices.Concat(helpersOff, args))
	var ge *Error
	if errors.As(err, &ge) && ge.exitCode == 1 {
		return nil, nil // no filter configured
	}
	if err != nil {
		return nil, err
	}
	var opts []string
	seen := make(map[string]bool)
	for _, key := range strings.Split(out, "\x00") {
		i := strings.LastIndexByte(key, '.')
		if i <= len("filter.") {
			continue
		}
		driver := key[:i] // filter.NAME
		if seen[driver] {
			continue
		}
		seen[driver] = true
		if strings.Contains(driver, "=") {
			// -c cannot name such a key; refusing is safer than running the filter.
			return nil, fmt.Errorf("git: the filter %q cannot be turned off, so plan does not run git here", driver)
		}
		opts = append(opts, "-c", driver+".clean=", "-c", driver+".smudge=", "-c", driver+".process=", "-c", driver+".required=false")
	}
	return opts, nil
}

// run runs git with full as its arguments; args, the caller's part, is what an error
// names.
func run(dir string, args, full []string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Dir = dir
	// No prompt for credentials, and no index refresh written by git status: plan only
	// reads the repository. Messages in English, as plan's own are, and so that
	// ErrNotRepository can be told from git's words.
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var notFound *exec.Error
		if errors.As(err, &notFound) {
			return "", fmt.Errorf("%w: %v", ErrNoGit, err)
		}
		code := -1
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		}
		if ctx.Err() != nil {
			err = fmt.Errorf("no answer after %v", Timeout)
		}
		return "", &Error{Args: args, Stderr: stderr.String(), Err: err, exitCode: code}
	}
	return stdout.String(), nil
}
