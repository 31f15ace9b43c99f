// Package fserr words file-system errors for messages that name the file themselves, as
// the user typed it: "plan.yaml: cannot read: permission denied" rather than the
// operation and absolute path an *fs.PathError would repeat.
package fserr

import (
	"errors"
	"io/fs"
)

// Cause returns what went wrong with a path ("permission denied", "no such file or
// directory"), without the operation and path that *fs.PathError adds.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
