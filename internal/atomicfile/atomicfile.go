// Package atomicfile writes files so that a reader, a crash or a full disk never sees or
// leaves a half-written one: the bytes go to a temporary file in the same directory,
// are synced, and only then renamed over the target.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/planascode/plan/internal/fserr"
)

// tempFile is what Write needs of its temporary file. It is an interface only so that
// tests can make a write, sync or close fail as a full or failing disk would.
type tempFile interface {
	io.Writer
	Name() string
	Sync() error
	Chmod(fs.FileMode) error
	Chown(uid, gid int) error
	Stat() (fs.FileInfo, error)
	Close() error
}

// createTemp makes the temporary file for path with perm (less the umask); tests
// replace it. Unlike os.CreateTemp it takes the mode at creation, so that a new file gets
// the mode the user's umask asks for and never passes through a wider one.
var createTemp = func(path string, perm fs.FileMode) (tempFile, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		name := filepath.Join(dir, "."+base+".tmp-"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "create", Path: dir, Err: fs.ErrExist}
}

// Write replaces (or creates) path with data. An existing file keeps its mode (and, where
// the platform and privileges allow, its owner); a new one gets perm less the umask, as
// os.WriteFile would give it. On any failure the original file is untouched and the
// temporary file removed, as it is when the process is interrupted or terminated
// meanwhile. Errors name path as the caller gave it.
//
// A symbolic link is written through: the file it names (see Target) is replaced and the
// link kept, since replacing the link would leave the real file stale without a word. A
// target that exists but is not a regular file (a terminal, /dev/stdout, /dev/null, a
// FIFO) has no content to protect and cannot be replaced by renaming without destroying
// the device node, so it is written directly.
//
// A file the caller could not open for writing (read-only, or another user's) is refused
// with an error wrapping fs.ErrPermission: renaming over it would succeed where any
// other program's write fails, and a file made read-only is meant to stay as it is.
func Write(path string, data []byte, perm fs.FileMode) (err error) {
	// The kernel's own lookup first: /dev/stdout leads through /proc/self/fd/1 to a link
	// such as "pipe:[1234]", which names no file that a path could reach.
	if info, err := os.Stat(path); err == nil && !info.IsDir() && !info.Mode().IsRegular() {
		return writeInPlace(path, path, data)
	}
	target, err := Target(path)
	if err != nil {
		return err
	}
	// From before the temporary file exists, so that no moment is left in which an
	// interrupt would leave it behind.
	defer watchSignals()()
	dir := filepath.Dir(target)
	info, statErr := os.Stat(target)
	switch {
	case statErr == nil && info.IsDir():
		return fmt.Errorf("%s: is a directory", path)
	case statErr == nil && !info.Mode().IsRegular():
		return writeInPlace(path, target, data)
	case statErr != nil && !errors.Is(statErr, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: %w", path, cause(statErr))
	}
	var old fs.FileInfo // the file being replaced, if there is one
	if statErr == nil {
		old = info
		if err := writable(target, info); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, err)
		}
	}
	tmpName, err := writeTemp(path, target, data, perm, old)
	if err != nil {
		return err
	}
	defer forget(tmpName)
	if err = os.Rename(tmpName, target); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("cannot write %s: cannot replace it: %w", path, cause(err))
	}
	syncDir(dir)
	return nil
}

// Create writes data to path as Write does, but only if path does not exist: a file
// that is there, even one another program made a moment ago, is never replaced. The
// temporary file is linked into place, which fails when the name is taken; the error
// then wraps fs.ErrExist. Where the file system has no hard links, it is renamed into
// place after a last check.
func Create(path string, data []byte, perm fs.FileMode) error {
	target, err := Target(path)
	if err != nil {
		return err
	}
	defer watchSignals()()
	exists := fmt.Errorf("cannot create %s: %w", path, fs.ErrExist)
	if _, err := os.Lstat(target); err == nil {
		return exists
	}
	tmpName, err := writeTemp(path, target, data, perm, nil)
	if err != nil {
		return err
	}
	defer forget(tmpName)
	defer os.Remove(tmpName)
	if err := os.Link(tmpName, target); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return exists
		}
		if _, err := os.Lstat(target); err == nil {
			return exists
		}
		if err := os.Rename(tmpName, target); err != nil {
			return fmt.Errorf("cannot write %s: cannot put it in place: %w", path, cause(err))
		}
	}
	syncDir(filepath.Dir(target))
	return nil
}

// writeTemp writes data to a new temporary file beside target, synced and closed, and
// returns its name, which a signal removes until the caller forgets it. old is the file
// it will replace, whose mode and owner it takes; nil for a new file, which gets perm
// less the umask. On failure nothing is left behind. path is what messages name.
func writeTemp(path, target string, data []byte, perm fs.FileMode, old fs.FileInfo) (name string, err error) {
	dir := filepath.Dir(target)
	if old != nil {
		perm = old.Mode().Perm()
	}
	tmp, err := createTemp(target, perm)
	if err != nil {
		// The message names the file the user asked for; the directory says why.
		return "", fmt.Errorf("cannot write %s: cannot create a file in %s: %w", path, dir, cause(err))
	}
	remember(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			forget(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, cause(err))
	}
	if err = tmp.Sync(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, cause(err))
	}
	if old != nil {
		// The umask narrowed the mode at creation; a replaced file keeps exactly its own.
		if err = tmp.Chmod(perm); err != nil {
			return "", fmt.Errorf("cannot write %s: %w", path, cause(err))
		}
		keepOwner(tmp, old)
	}
	if err = tmp.Close(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, cause(err))
	}
	return tmp.Name(), nil
}

// maxLinks is how many symbolic links Target follows before calling it a loop, as
// Linux's own limit for one path lookup.
const maxLinks = 40

// Target returns the file a write to path replaces or creates: the path with its
// directory's symbolic links resolved, and a symbolic link at the end followed, even
// one naming a file that does not exist yet, so that the file is created where the link
// points. Links are resolved as the kernel resolves them, a ".." in a link's target
// climbing out of the directory the link really is in, so the file Target names is the
// one os.Stat(path) describes when it exists. A loop is an error, as it is for any
// other program opening the path.
func Target(path string) (string, error) {
	current := path
	for hops := 0; ; hops++ {
		dir, base := filepath.Split(current)
		if dir == "" {
			dir = "."
		}
		if resolved, err := filepath.EvalSymlinks(dir); err == nil {
			current = filepath.Join(resolved, base)
		}
		// A missing directory is left for creating the file to report.
		info, err := os.Lstat(current)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			// A missing file is created; any other error surfaces from Stat in Write.
			return current, nil
		}
		if hops == maxLinks {
			return "", fmt.Errorf("cannot write %s: too many levels of symbolic links", path)
		}
		link, err := os.Readlink(current)
		if err != nil {
			return "", fmt.Errorf("cannot write %s: %w", path, cause(err))
		}
		if !filepath.IsAbs(link) {
			// Not filepath.Join, which would clean "dir/../x" to "x" by the text alone;
			// the next round resolves the directory part on disk.
			link = filepath.Dir(current) + string(filepath.Separator) + link
		}
		current = link
	}
}

// cause words a file system error for a message that already names the file: the
// reason alone, without the operation and the temporary file's name that *fs.PathError
// and *os.LinkError (rename, link) carry.
func cause(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return fserr.Cause(err)
}

// writeInPlace writes to something that is not a regular file, such as /dev/stdout.
func writeInPlace(path, target string, data []byte) error {
	f, err := os.OpenFile(target, os.O_WRONLY|os.O_TRUNC, 0)
	if err == nil {
		_, err = f.Write(data)
		if closeErr := f.Close(); err == nil {
			err = closeErr
		}
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, cause(err))
	}
	return nil
}

// syncDir makes the rename durable where the platform supports it; failure only weakens
// durability across a power cut, so it is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// ErrReadOnly is returned, wrapped, by Write for a file that has no write permission: it
// is also fs.ErrPermission.
var ErrReadOnly = readOnlyError{}

type readOnlyError struct{}

func (readOnlyError) Error() string {
	return "the file is read-only: make it writable first (chmod u+w) if it should change"
}

func (readOnlyError) Is(target error) bool { return target == fs.ErrPermission }

// readOnly refuses a file without a single write permission bit.
func readOnly(info fs.FileInfo) error {
	if info.Mode().Perm()&0o222 == 0 {
		return ErrReadOnly
	}
	return nil
}
