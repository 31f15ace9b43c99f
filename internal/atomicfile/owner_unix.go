//go:build unix

package atomicfile

import (
	"io/fs"
	"syscall"
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
