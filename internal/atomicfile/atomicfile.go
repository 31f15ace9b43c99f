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
// os.WriteFile would give it. On any failure the
// original file is untouched and the temporary file removed.
//
// A symbolic link is written through: the file it names is replaced and the link kept,
// since replacing the link would leave the real file stale without a word. A target that
// exists but is not a regular file (a terminal, /dev/stdout, /dev/null, a FIFO) has no
// content to protect and cannot be replaced by renaming without destroying the device
// node, so it is written directly.
func Write(path string, data []byte, perm fs.FileMode) (err error) {
	path, err = resolve(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	info, statErr := os.Stat(path)
	switch {
	case statErr == nil && info.IsDir():
		return fmt.Errorf("%s: is a directory", path)
	case statErr == nil && !info.Mode().IsRegular():
		return writeInPlace(path, data)
	case statErr != nil && !errors.Is(statErr, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: %w", path, fserr.Cause(statErr))
	}
	var old fs.FileInfo // the file being replaced, if there is one
	if statErr == nil {
		old = info
	}
	tmpName, err := writeTemp(path, data, perm, old)
	if err != nil {
		return err
	}
	if err = os.Rename(tmpName, path); err != nil {
		os.Remove(tmpName)
		return fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
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
	path, err := resolve(path)
	if err != nil {
		return err
	}
	exists := fmt.Errorf("cannot create %s: %w", path, fs.ErrExist)
	if _, err := os.Lstat(path); err == nil {
		return exists
	}
	tmpName, err := writeTemp(path, data, perm, nil)
	if err != nil {
		return err
	}
	defer os.Remove(tmpName)
	if err := os.Link(tmpName, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return exists
		}
		if _, err := os.Lstat(path); err == nil {
			return exists
		}
		if err := os.Rename(tmpName, path); err != nil {
			return fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
		}
	}
	syncDir(filepath.Dir(path))
	return nil
}

// writeTemp writes data to a new temporary file beside path, synced and closed, and
// returns its name. old is the file it will replace, whose mode and owner it takes; nil
// for a new file, which gets perm less the umask. On failure nothing is left behind.
func writeTemp(path string, data []byte, perm fs.FileMode, old fs.FileInfo) (name string, err error) {
	dir := filepath.Dir(path)
	if old != nil {
		perm = old.Mode().Perm()
	}
	tmp, err := createTemp(path, perm)
	if err != nil {
		// The message names the file the user asked for; the directory says why.
		return "", fmt.Errorf("cannot write %s: cannot create a file in %s: %w", path, dir, fserr.Cause(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
	}
	if err = tmp.Sync(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
	}
	if old != nil {
		// The umask narrowed the mode at creation; a replaced file keeps exactly its own.
		if err = tmp.Chmod(perm); err != nil {
			return "", fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
		}
		keepOwner(tmp, old)
	}
	if err = tmp.Close(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
	}
	return tmp.Name(), nil
}

// resolve follows symbolic links to the file they name. A link to a file that does not
// exist yet is followed too, one step at a time, so that the file is created where the
// link points; a loop is an error, as it is for any other program opening the path.
func resolve(path string) (string, error) {
	for hops := 0; ; hops++ {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			// A missing path is created; any other error surfaces from Stat in Write.
			return path, nil
		}
		if hops == 40 {
			return "", fmt.Errorf("cannot write %s: too many levels of symbolic links", path)
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
}

// writeInPlace writes to something that is not a regular file, such as /dev/stdout.
func writeInPlace(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, fserr.Cause(err))
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
