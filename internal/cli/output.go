package cli

import (
	"os"
	"path/filepath"

	"github.com/planascode/plan/internal/atomicfile"
	"github.com/planascode/plan/internal/fserr"
)

// ToStdout reports whether -o (output, as typed) means standard output: not given, or "-".
func ToStdout(output string) bool { return output == "" || output == "-" }

// NotADirectory refuses an -o (typed, found at path) that names a directory, by a
// trailing slash or because one is there, before anything is created: the command needs
// a file name, and guessing one would write where nobody looks. example is a file name
// to suggest, such as report.html.
func NotADirectory(path, typed, example string) error {
	if ToStdout(typed) {
		return nil
	}
	info, err := os.Stat(path)
	if os.IsPathSeparator(typed[len(typed)-1]) || err == nil && info.IsDir() {
		return BadInputf("-o %s is a directory: name the file to write, such as %s", typed, filepath.Join(typed, example))
	}
	return nil
}

// NotAnInput refuses an -o (typed, found at path) that names one of the files the output
// is made from (under another name, through a link, or as typed): writing there would
// replace the plan, which a typo in a long command line should never cost anyone.
// inputs maps each input's path to what messages call it ("the plan x.plan.yaml");
// product is what the command writes ("the report").
func NotAnInput(path, typed, product string, inputs map[string]string) error {
	if ToStdout(typed) {
		return nil
	}
	outInfo, err := os.Stat(path)
	if err != nil {
		return nil // a file that does not exist yet is nobody's input
	}
	for in, what := range inputs {
		if info, err := os.Stat(in); err == nil && os.SameFile(outInfo, info) {
			return BadInputf("-o %s would overwrite %s, which %s is made from: write %s to another file", typed, what, product, product)
		}
	}
	return nil
}

// WriteOutput writes data where -o (output, as typed) says: standard output, or the file,
// atomically, creating its directory if need be. A file that cannot be written is bad
// input (exit 2): the path is the user's to fix.
func (e *Env) WriteOutput(output string, data []byte) error {
	if ToStdout(output) {
		_, err := e.IO.Out.Write(data)
		return err
	}
	path := e.Path(output)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return BadInputf("cannot create the directory for %s: %v", output, fserr.Cause(err))
	}
	if err := atomicfile.Write(path, data, 0o644); err != nil {
		return BadInput(err)
	}
	return nil
}
