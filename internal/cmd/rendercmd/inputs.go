package rendercmd

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/git"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/report"
)

// maxInputSize caps a template or stylesheet: as large as the largest plan plan reads by
// default, far more than any real one needs, and small enough that --css /dev/zero or a
// mistyped log file fails at once instead of filling memory.
const maxInputSize = plan.DefaultMaxSize

// readInput reads a file given with a flag; flag is the flag and the path as typed,
// which every message starts with. Only a regular file is opened, so that a device or a
// FIFO is refused rather than read for ever.
func readInput(path, flag string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, cli.BadInputf("%s: no such file", flag)
	case err != nil:
		return nil, cli.BadInputf("%s: %v", flag, fserr.Cause(err))
	case info.IsDir():
		return nil, cli.BadInputf("%s: is a directory, not a file", flag)
	case !info.Mode().IsRegular():
		return nil, cli.BadInputf("%s: is not a regular file", flag)
	case info.Size() > maxInputSize:
		return nil, cli.BadInputf("%s: is larger than the limit of %d MiB", flag, maxInputSize>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, cli.BadInputf("%s: cannot read: %v", flag, fserr.Cause(err))
	}
	defer f.Close()
	// The file may have grown since it was measured.
	data, err := io.ReadAll(io.LimitReader(f, maxInputSize+1))
	if err != nil {
		return nil, cli.BadInputf("%s: cannot read: %v", flag, fserr.Cause(err))
	}
	if len(data) > maxInputSize {
		return nil, cli.BadInputf("%s: is larger than the limit of %d MiB", flag, maxInputSize>>20)
	}
	return data, nil
}

// lookupGit asks git about the plan file for the footer (see git.FileHistory). Without
// git, outside a repository or when git fails it returns nil, and the footer says
// nothing about history.
func lookupGit(path string) *report.GitInfo {
	h := git.FileHistory(path)
	if h == nil {
		return nil
	}
	info := &report.GitInfo{Commit: h.Commit, Modified: h.Modified, Untracked: h.Untracked}
	if d, err := plan.ParseDate(h.Date); err == nil {
		info.Date = d
	}
	return info
}
