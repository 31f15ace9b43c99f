package filelock

import (
	"errors"
	"os"
	"time"
)

// ErrTimeout is returned by Acquire when another process held the lock for the whole
// wait. Errors leave the path out: the caller names the file as the user typed it.
var ErrTimeout = errors.New("timed out waiting for another process to finish editing the file")

// Lock is a held lock. Unlock releases it.
type Lock struct {
	f *os.File
}

// Acquire takes an exclusive lock on the file at path, waiting up to timeout for other
// holders. The file must exist.
func Acquire(path string, timeout time.Duration) (*Lock, error) {
	return acquire(path, timeout, nil)
}

// Unlock releases the lock. Closing the descriptor is what releases a flock, which is
// also why a crashed holder never leaves the file locked.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}
