package fserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"testing"
)

func TestCause(t *testing.T) {
	_, err := os.Open("/no/such/file")
	if got := Cause(err); got.Error() != "no such file or directory" || !errors.Is(got, fs.ErrNotExist) {
		t.Errorf("Cause(%v) = %v", err, got)
	}
	if got := Cause(fmt.Errorf("reading: %w", err)); got.Error() != "no such file or directory" {
		t.Errorf("Cause of a wrapped error = %v", got)
	}
	plain := errors.New("not a path error")
	if got := Cause(plain); got != plain {
		t.Errorf("Cause(%v) = %v, want it unchanged", plain, got)
	}
}
