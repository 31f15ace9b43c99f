package filelock

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/planascode/plan/internal/atomicfile"
)

// TestSerialises runs read-increment-write cycles from many goroutines, each replacing
// the file by rename as the edit commands do; without the lock, or without the check
// that the locked inode is still the file, increments are lost. Separate descriptors
// exclude each other under flock even within one process, so this exercises the same
// exclusion as separate processes.
func TestSerialises(t *testing.T) {
	if !Supported {
		t.Skip("no advisory locks on this platform")
	}
	path := filepath.Join(t.TempDir(), "counter")
	if err := os.WriteFile(path, []byte("0"), 0o600); err != nil {
		t.Fatal(err)
	}
	const workers, rounds = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				if err := increment(path); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if got := string(data); got != strconv.Itoa(workers*rounds) {
		t.Errorf("counter = %s, want %d: updates were lost", got, workers*rounds)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v", info.Mode().Perm())
	}
}

// noLimit is a wait no machine, however busy, reaches: a lock that is never released
// shows as the test binary's own -timeout, not as a failure of a slow run.
const noLimit = 24 * time.Hour

func increment(path string) error {
	l, err := Acquire(path, noLimit)
	if err != nil {
		return err
	}
	defer l.Unlock()
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(string(data))
	if err != nil {
		return err
	}
	return atomicfile.Write(path, []byte(strconv.Itoa(n+1)), 0o644)
}

func TestTimeout(t *testing.T) {
	if !Supported {
		t.Skip("no advisory locks on this platform")
	}
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	held, err := Acquire(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Acquire(path, 20*time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("second Acquire: %v, want ErrTimeout", err)
	}
	if err := held.Unlock(); err != nil {
		t.Fatal(err)
	}
	again, err := Acquire(path, time.Second)
	if err != nil {
		t.Fatalf("after Unlock: %v", err)
	}
	again.Unlock()
}

func TestMissingFile(t *testing.T) {
	if _, err := Acquire(filepath.Join(t.TempDir(), "nope"), time.Second); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("err = %v, want not-exist", err)
	}
}

// TestFollowsReplacement replaces the file after Acquire has opened it, as an editor that
// held the lock just before would: the lock must end up on the file now at the path,
// not on the replaced one, or two editors could each hold "the" lock.
func TestFollowsReplacement(t *testing.T) {
	if !Supported {
		t.Skip("no advisory locks on this platform")
	}
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	replaced := 0
	l, err := acquire(path, time.Second, func() {
		if replaced == 0 {
			if err := atomicfile.Write(path, []byte("new"), 0o644); err != nil {
				t.Error(err)
			}
		}
		replaced++
	})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Unlock()
	held, _ := l.f.Stat()
	current, _ := os.Stat(path)
	if !os.SameFile(held, current) {
		t.Error("the lock is on the replaced file")
	}
	if replaced != 2 {
		t.Errorf("opened the file %d times, want 2", replaced)
	}
}
