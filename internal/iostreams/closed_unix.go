//go:build unix

package iostreams

import "golang.org/x/sys/unix"

// closedAtStart reports whether descriptor fd was closed when plan started. The Go
// runtime puts /dev/null, opened for reading and writing, in place of a closed standard
// descriptor, so output written there would vanish without an error. A shell's
// >/dev/null opens it for writing only and is not taken for closed.
func closedAtStart(fd int) bool {
	flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	var st, null unix.Stat_t
	if unix.Fstat(fd, &st) != nil || unix.Stat("/dev/null", &null) != nil {
		return false
	}
	return st.Mode&unix.S_IFMT == unix.S_IFCHR && st.Rdev == null.Rdev
}
