//go:build linux

package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// initLine is one line of GODEBUG=inittrace=1: "init PKG @T ms, C ms clock, B bytes, A allocs".
var initLine = regexp.MustCompile(`^init (\S+) @\S+ ms, \S+ ms clock, (\d+) bytes, (\d+) allocs$`)

// maxInitBytes is what one of plan's own packages may allocate while it is initialised.
// Every command, `plan --version` included, pays for every package's init; a
// package-level regexp, template or table costs tens of kilobytes, while the error values
// and small maps that packages legitimately declare cost well under this.
const maxInitBytes = 4096

// TestOwnPackagesDoNoWorkAtStartup guards issue 7's start-up target where plan's own code
// decides it: work a command may need (a regexp, a schema, a template) is done on first
// use, not in package initialisation. Allocation counts, unlike times, are the same on
// every machine, so this is an assertion about work rather than a timed one.
func TestOwnPackagesDoNoWorkAtStartup(t *testing.T) {
	bin := planBinary(t)
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("plan --version: %v\n%s", err, stderr.String())
	}

	own := 0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		m := initLine.FindStringSubmatch(sc.Text())
		if m == nil || !strings.HasPrefix(m[1], "github.com/planascode/plan/") {
			continue
		}
		own++
		allocated, _ := strconv.Atoi(m[2])
		if allocated > maxInitBytes {
			t.Errorf("%s allocates %d bytes (%s allocations) in its init, more than %d: compile what it builds on first use (internal/lazyregexp, sync.OnceValue)", m[1], allocated, m[3], maxInitBytes)
		}
	}
	if own == 0 {
		t.Fatalf("no init trace for plan's packages in:\n%s", stderr.String())
	}
}
