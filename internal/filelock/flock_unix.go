//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package filelock

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// Supported reports whether Lock really excludes other processes on this platform.
const Supported = true

// acquire is Acquire with a hook that runs between opening and locking, where a test
// can replace the file as a concurrent editor would.
func acquire(path string, timeout time.Duration, opened func()) (*Lock, error) {
	deadline := time.Now().Add(timeout)
	wait := time.Millisecond
	for {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		if opened != nil {
			opened()
		}
		locked, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("cannot lock it: %w", err)
		}
		if locked {
			if current, err := os.Stat(path); err == nil {
				if held, err := f.Stat(); err == nil && os.SameFile(current, held) {
					return &Lock{f: f}, nil
				}
			}
			// The holder before us replaced the file: lock the new one instead.
			f.Close()
			continue
		}
		f.Close()
		if time.Now().After(deadline) {
			return nil, ErrTimeout
		}
		time.Sleep(wait)
		// Back off, but not so far that a short queue of editors waits idle.
		wait = min(wait*2, 50*time.Millisecond)
	}
}

// tryLock uses flock rather than fcntl locks: an fcntl lock is dropped when the process
// closes any descriptor of the file, which reading the file to edit it does.
func tryLock(f *os.File) (bool, error) {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		}
		return false, err
	}
}
