//go:build !unix

package atomicfile

import (
	"io/fs"
	"os"
)

// keepOwner does nothing where files have no Unix owner.
func keepOwner(tempFile, fs.FileInfo) {}

// writable refuses a read-only file; other permissions are the rename's to enforce.
func writable(_ string, info fs.FileInfo) error {
	return readOnly(info)
}

var stopSignals = []os.Signal{os.Interrupt}

// raise ends the process as Ctrl-C would have.
func raise(os.Signal) {
	os.Exit(exitInterrupted)
}
