// Package cli holds what every subcommand shares with the root command: exit codes, the
// errors that carry them, the environment a command runs in, and the flags and FILE
// argument that several commands take alike. Keeping it apart from internal/app lets
// each internal/cmd/<verb> package depend on it without a cycle.
package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/planascode/plan/internal/iostreams"
)

// Exit codes. They are part of the interface: CI pipelines branch on them.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitBadInput = 2
	ExitInternal = 3
)

// ExitError carries an exit code. A nil Err means the command has already said what it
// had to, and the process should just exit with Code.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

// BadInput is an error for input or usage the command cannot work with (exit 2).
func BadInput(err error) error { return &ExitError{Code: ExitBadInput, Err: err} }

// BadInputf formats a BadInput error.
func BadInputf(format string, args ...any) error {
	return BadInput(fmt.Errorf(format, args...))
}

// Findings is the silent error `plan check` returns when it found what it reports (exit 1).
func Findings() error { return &ExitError{Code: ExitFindings} }

// Code returns the exit code for err: 0 for nil, the ExitError's code, or 3 for anything
// unexpected.
func Code(err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitInternal
}

// BuildInfo is what ldflags inject into the binary.
type BuildInfo struct {
	Version string
	Commit  string
	Date    string
}

// Env is what every command needs from the world, injectable for tests.
type Env struct {
	IO    *iostreams.IOStreams
	Build BuildInfo
	// Now returns the current time; tests fix it.
	Now func() time.Time
	// Getenv reads an environment variable; tests fake it.
	Getenv func(string) string
	// Dir is the working directory commands resolve relative paths against; "" means the
	// process's.
	Dir string
}
