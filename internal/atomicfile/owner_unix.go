//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// keepOwner gives the new file the replaced file's owner and group. Only root can give a
// file away, so for anyone else this changes nothing or fails; it is best effort because
// the point is that `sudo plan add-stakeholder` does not leave a user's plan owned by root.
func keepOwner(f tempFile, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if cur, err := f.Stat(); err == nil {
		if now, ok := cur.Sys().(*syscall.Stat_t); ok && now.Uid == st.Uid && now.Gid == st.Gid {
			return
		}
	}
	_ = f.Chown(int(st.Uid), int(st.Gid))
}

// writable refuses a file that has no write permission for anyone, which even root's
// writes respect here, or that the process could not open for writing: another user's
// file in the caller's directory.
func writable(path string, info fs.FileInfo) error {
	if err := readOnly(info); err != nil {
		return err
	}
	const wOK = 2 // W_OK in unistd.h
	if err := syscall.Access(path, wOK); errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM) {
		return fs.ErrPermission
	}
	return nil
}

// stopSignals are the signals that end a process by default and that a user or a CI
// runner sends to stop plan: Ctrl-C, kill, and a closed terminal.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// raise ends the process by sig, its handler having been reset to the default, as the
// Go runtime ends a process that gets a signal it does not handle.
func raise(sig os.Signal) {
	s, ok := sig.(syscall.Signal)
	if !ok {
		os.Exit(exitInterrupted)
	}
	_ = syscall.Kill(os.Getpid(), s)
	// Delivery is asynchronous. Should the signal not end the process, the shell's code
	// for death by signal says the same.
	time.Sleep(time.Second)
	os.Exit(128 + int(s))
}
