//go:build !unix

package atomicfile

import (
	"io/fs"
)

// keepOwner does nothing where files have no Unix owner.
func keepOwner(tempFile, fs.FileInfo) {}
