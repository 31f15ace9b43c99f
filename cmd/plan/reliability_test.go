//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/planascode/plan/internal/testenv"
)

// The reliability tests run the real binary, built once with go build, rather than the
// testscript re-execution of this test binary: each command is its own process, so its
// exit code, its peak memory (from rusage) and a hang are its own to measure. Linux only,
// for rusage's units, /dev/full and running a command as another user.

const (
	// memoryBound is the peak resident set any command may reach on any bad input,
	// including the 50 MB file and the billion laughs.
	memoryBound = 300 << 20
	// nobody is the user that runs the cases needing real permission checks when the
	// tests run as root, whom permission bits do not stop.
	nobody = 65534
)

var (
	raceOnce  sync.Once
	raceBuild bool

	buildOnce sync.Once
	buildBin  string
	buildErr  error
)

// skipUnderRace skips a test that only runs the plan binary: the binary is built without
// the race detector, so under -race the test would repeat the plain run for nothing.
func skipUnderRace(t testing.TB) {
	t.Helper()
	raceOnce.Do(func() {
		if bi, ok := debug.ReadBuildInfo(); ok {
			for _, s := range bi.Settings {
				raceBuild = raceBuild || s.Key == "-race" && s.Value == "true"
			}
		}
	})
	if raceBuild {
		t.Skip("runs an ordinary plan binary: nothing for the race detector to see")
	}
}

// planBinary builds ./cmd/plan once per test binary, into a directory every user can
// read. The directory must outlive the test that builds it and TestMain belongs to
// testscript, so it is named after this process and removed by the next run once this
// process has gone.
func planBinary(t testing.TB) string {
	t.Helper()
	skipUnderRace(t)
	buildOnce.Do(func() {
		removeStaleBuilds()
		gomod, err := exec.Command("go", "env", "GOMOD").Output()
		if err != nil || len(bytes.TrimSpace(gomod)) == 0 {
			buildErr = fmt.Errorf("cannot find the module root: %v", err)
			return
		}
		dir := filepath.Join(os.TempDir(), fmt.Sprintf("plan-reliability-%d", os.Getpid()))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			buildErr = err
			return
		}
		bin := filepath.Join(dir, "plan")
		build := exec.Command("go", "build", "-o", bin, "./cmd/plan")
		build.Dir = filepath.Dir(string(bytes.TrimSpace(gomod)))
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		buildBin = bin
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildBin
}

// removeStaleBuilds removes the binaries of earlier test processes that have exited.
func removeStaleBuilds() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "plan-reliability-*"))
	for _, d := range dirs {
		var pid int
		if _, err := fmt.Sscanf(filepath.Base(d), "plan-reliability-%d", &pid); err != nil || pid == os.Getpid() {
			continue
		}
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			os.RemoveAll(d)
		}
	}
}

// result is what one run of the binary did.
type result struct {
	code           int
	stdout, stderr string
	maxRSS         int64 // bytes
	elapsed        time.Duration
	cpu            time.Duration // user and system
}

func (r result) String() string {
	return fmt.Sprintf("exit %d, %.0f MB, %v\nstdout:\n%s\nstderr:\n%s", r.code, float64(r.maxRSS)/(1<<20), r.elapsed.Round(time.Millisecond), clip(r.stdout), clip(r.stderr))
}

func clip(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

type runOpts struct {
	dir    string
	asUser int // 0: as the test runs
	env    []string
	// discardStdout drops what the command prints rather than keep it for the result:
	// a 246 MB report held by the test process would count as later commands' memory.
	discardStdout bool
}

// runPlan runs the binary and fails the test on a hang or a crash of the process itself.
//
// The peak memory it reports is at least the test process's own peak so far: os/exec
// starts the command in the test process's address space (vfork), and Linux counts that
// space's high-water mark into the command's at exec. So the tests keep their own
// memory small: nothing large is built or read whole.
func runPlan(t testing.TB, bin string, o runOpts, args ...string) result {
	t.Helper()
	// No time limit of its own: on a busy machine a slow command is not a failure. A
	// command that hangs is stopped shortly before go test's own deadline.
	ctx, cancel := testenv.Context(t, context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = o.dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "PLAN_CONFIG=", "COLUMNS=100")
	cmd.Env = append(cmd.Env, o.env...)
	if o.asUser != 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(o.asUser), Gid: uint32(o.asUser)}}
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if o.discardStdout {
		cmd.Stdout = io.Discard
	}
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start)}
	if ctx.Err() != nil {
		t.Fatalf("plan %s: still running when the test binary's time was nearly up (a hang?)", strings.Join(args, " "))
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("plan %s: %v", strings.Join(args, " "), err)
	}
	r.code = cmd.ProcessState.ExitCode()
	r.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("plan %s: killed by %v\n%s", strings.Join(args, " "), ws.Signal(), r)
	}
	return r
}

// badInput is one entry of the bad-input corpus with what every command must do with it.
type badInput struct {
	// name is the argument every command gets: a file in testdata/bad, or what make
	// creates.
	name string
	make func(t *testing.T, dir string)
	// line is the line the messages must name; 0 when the file cannot be read at all,
	// so that there is no line to name.
	line int
	// check is plan check's exit code: 1 when the file loads far enough to get
	// findings (yaml-syntax and schema are findings), 2 when it cannot be read.
	check int
	// valid marks a plan every command accepts.
	valid bool
	// checkMentions is what plan check's stderr must name when it exits 2, when that is
	// not name itself (a file inside a directory named on the command line).
	checkMentions string
	// asNobody runs the case as an unprivileged user when the tests run as root.
	asNobody bool
}

var badInputs = []badInput{
	{name: "empty.plan.yaml", line: 1, check: 1},
	{name: "comments-only.plan.yaml", line: 1, check: 1},
	// yaml.v3 names the line where the enclosing block starts, not the stray indent.
	{name: "bad-indentation.plan.yaml", line: 6, check: 1},
	{name: "tabs.plan.yaml", line: 4, check: 1},
	{name: "duplicate-keys.plan.yaml", line: 7, check: 1},
	{name: "top-level-list.plan.yaml", line: 1, check: 1},
	{name: "wrong-types.plan.yaml", line: 1, check: 1},
	{name: "impossible-dates.plan.yaml", line: 4, check: 1},
	{name: "schema-version-2.plan.yaml", line: 1, check: 1},
	{name: "unknown-keys.plan.yaml", line: 2, check: 1},
	{name: "multiple-documents.plan.yaml", line: 3, check: 1},
	{name: "huge-numbers.plan.yaml", line: 8, check: 1},
	// The alias written in the document whose expansion passes the bound, not the
	// anchored text it copies.
	{name: "alias-bomb.plan.yaml", line: 10, check: 1},
	// yaml.v3 reports an unknown anchor without a position, so the loader says line 1.
	{name: "alias-unknown.plan.yaml", line: 4, check: 1},
	{name: "merge-not-mapping.plan.yaml", line: 5, check: 1},
	{name: "invalid-utf8.plan.yaml", line: 3, check: 1},
	{name: "nul-bytes.plan.yaml", line: 3, check: 1},
	{name: "bom-crlf.plan.yaml", valid: true},
	{name: "alias-self.plan.yaml", line: 4, check: 1},
	{name: "binary-text.plan.yaml", line: 4, check: 1},
	{name: "deep-nesting.plan.yaml", make: deepNesting, line: 3, check: 1},
	// The eleventh alias passes the 10 MiB aliases may add.
	{name: "alias-long-text.plan.yaml", make: aliasLongText, line: 4, check: 1},
	{name: "huge.plan.yaml", make: huge, line: 1, check: 1},
	{name: "x.plan.yaml", make: planNamedDirectory, check: 2},
	{name: "tree", make: symlinkTree, check: 2, checkMentions: "loop-a.plan.yaml"},
	{name: "loop-a.plan.yaml", make: symlinkLoop, check: 2},
	{name: "unreadable.plan.yaml", make: unreadable, check: 2, asNobody: true},
}

// deepNesting writes 10,001 nested flow lists, one more than the loader (and yaml.v3)
// accept. Generated rather than committed: the point is the shape, not the bytes.
func deepNesting(t *testing.T, dir string) {
	const n = 10001
	data := "schema_version: 1\ntitle: Deep\nx_deep: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n"
	writeFile(t, filepath.Join(dir, "deep-nesting.plan.yaml"), data)
}

// aliasLongText writes one 1 MB string aliased 3,000 times: a 1 MB file that the node
// bound alone let expand to 3 GB of text, which render took all the memory to draw.
func aliasLongText(t *testing.T, dir string) {
	data := "schema_version: 1\ntitle: Long text\nx_text: &t " + strings.Repeat("x", 1<<20) + "\n" +
		"summary: [" + strings.Repeat("*t, ", 2999) + "*t]\n"
	writeFile(t, filepath.Join(dir, "alias-long-text.plan.yaml"), data)
}

// huge writes a 50 MB file of plausible stakeholders, five times the size limit: the
// loader must stop reading at the limit rather than load it.
func huge(t *testing.T, dir string) {
	// Written as it is made: the test process's own peak memory would count as the
	// commands' (see runPlan).
	f, err := os.Create(filepath.Join(dir, "huge.plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n, _ := w.WriteString("schema_version: 1\ntitle: Huge\nstakeholders:\n")
	for i := 0; n < 50<<20; i++ {
		m, _ := fmt.Fprintf(w, "  - id: s%07d\n    name: Stakeholder number %d\n", i, i)
		n += m
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func planNamedDirectory(t *testing.T, dir string) {
	if err := os.Mkdir(filepath.Join(dir, "x.plan.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
}

// symlinkTree is a directory whose walk could loop: sub/up points back at the root, and
// two plan files point at each other. It also holds one readable, broken plan.
func symlinkTree(t *testing.T, dir string) {
	root := filepath.Join(dir, "tree")
	if err := os.MkdirAll(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	copyBad(t, "schema-version-2.plan.yaml", filepath.Join(root, "sub", "old.plan.yaml"))
	symlink(t, "..", filepath.Join(root, "sub", "up"))
	symlink(t, "loop-b.plan.yaml", filepath.Join(root, "loop-a.plan.yaml"))
	symlink(t, "loop-a.plan.yaml", filepath.Join(root, "loop-b.plan.yaml"))
}

func symlinkLoop(t *testing.T, dir string) {
	symlink(t, "loop-b.plan.yaml", filepath.Join(dir, "loop-a.plan.yaml"))
	symlink(t, "loop-a.plan.yaml", filepath.Join(dir, "loop-b.plan.yaml"))
}

// unreadable is a plan with mode 000. Root reads it anyway, so as root the case runs as
// the user nobody (see asNobody).
func unreadable(t *testing.T, dir string) {
	path := filepath.Join(dir, "unreadable.plan.yaml")
	copyBad(t, "schema-version-2.plan.yaml", path)
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyBad(t *testing.T, name, to string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "bad", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// snapshot records every entry under dir without following links: its type and mode,
// its link target, and a hash of its bytes. Two equal snapshots mean nothing was
// written, replaced, created or left behind.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		entry := info.Mode().String()
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(path)
			entry += " -> " + target
		case info.Mode().IsRegular():
			// Hashed as it is read, not read whole: see runPlan on the test
			// process's memory.
			f, err := os.Open(path)
			if err != nil {
				entry += " unreadable"
				break
			}
			h := sha256.New()
			_, err = io.Copy(h, f)
			f.Close()
			if err != nil {
				entry += " unreadable"
				break
			}
			entry += fmt.Sprintf(" %x", h.Sum(nil))
		}
		snap[path] = entry
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func diffSnapshots(before, after map[string]string) []string {
	var diffs []string
	for p, b := range before {
		if a, ok := after[p]; !ok {
			diffs = append(diffs, "removed "+p)
		} else if a != b {
			diffs = append(diffs, "changed "+p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			diffs = append(diffs, "created "+p)
		}
	}
	return diffs
}

// caseDir makes a directory for one case that every user can read: as root the
// unprivileged cases run as nobody, who must reach the file to be refused by its mode.
func caseDir(t testing.TB) string {
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBadInput runs every command on every entry of the bad-input corpus. Whatever the
// input: no panic or stack trace, the documented exit code, a message naming the file
// (and the line, when there is one), bounded memory, no hang, and nothing on disk
// changed, created or left behind.
func TestBadInput(t *testing.T) {
	bin := planBinary(t)
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := caseDir(t)
			if tc.make != nil {
				tc.make(t, dir)
			} else {
				copyBad(t, tc.name, filepath.Join(dir, tc.name))
			}
			o := runOpts{dir: dir}
			if tc.asNobody && os.Geteuid() == 0 {
				o.asUser = nobody
			}
			commands := [][]string{
				{"check", tc.name},
				{"timeline", tc.name, "--today", "2027-03-15"},
				{"render", tc.name, "--today", "2027-03-15"},
				{"render", tc.name, "--today", "2027-03-15", "-o", "report.html"},
				{"export", tc.name},
				{"export", tc.name, "-o", "register.xlsx"},
				// Last: on the valid plan it is the one command that writes.
				{"add-stakeholder", tc.name, "--name", "X"},
			}

			before := snapshot(t, dir)
			for _, args := range commands {
				if args[0] == "add-stakeholder" && tc.valid {
					checkAddToValid(t, bin, o, tc)
					continue
				}
				r := runPlan(t, bin, o, args...)
				what := "plan " + strings.Join(args, " ")
				assertNoCrash(t, what, r)
				if r.maxRSS > memoryBound {
					t.Errorf("%s: peak memory %d MB, over %d MB", what, r.maxRSS>>20, memoryBound>>20)
				}
				if (args[0] == "render" || args[0] == "export") && tc.valid {
					// render -o and export -o write their files; compare the tree without them.
					os.Remove(filepath.Join(dir, "report.html"))
					os.Remove(filepath.Join(dir, "register.xlsx"))
				}
				if d := diffSnapshots(before, snapshot(t, dir)); len(d) > 0 {
					t.Errorf("%s touched the disk: %v", what, d)
				}
				if args[0] == "check" {
					assertCheck(t, what, r, tc)
				} else {
					assertOther(t, what, r, tc)
				}
			}
		})
	}
}

func assertNoCrash(t testing.TB, what string, r result) {
	t.Helper()
	for _, out := range []string{r.stdout, r.stderr} {
		for _, sign := range []string{"panic:", "goroutine ", "runtime error", "internal error", ".go:"} {
			if strings.Contains(out, sign) {
				t.Errorf("%s: crashed (%q in the output)\n%s", what, sign, r)
				return
			}
		}
	}
	if r.code == 3 {
		t.Errorf("%s: exit 3, an internal error\n%s", what, r)
	}
}

func assertCheck(t *testing.T, what string, r result, tc badInput) {
	t.Helper()
	want := tc.check
	if tc.valid {
		want = 0
	}
	if r.code != want {
		t.Errorf("%s: exit %d, want %d\n%s", what, r.code, want, r)
		return
	}
	switch want {
	case 1:
		// Findings go to stdout, compiler-style, at the line.
		if at := fmt.Sprintf("%s:%d:", tc.name, tc.line); !strings.Contains(r.stdout, at) {
			t.Errorf("%s: no finding at %s\n%s", what, at, r)
		}
	case 2:
		mention := tc.checkMentions
		if mention == "" {
			mention = tc.name
		}
		if !strings.HasPrefix(r.stderr, "plan: ") || !strings.Contains(r.stderr, mention) {
			t.Errorf("%s: stderr does not say what is wrong with %s\n%s", what, mention, r)
		}
	}
}

// assertOther checks timeline, render and add-stakeholder: exit 2, nothing on stdout,
// and a last stderr line "plan: …" naming the file (and line). timeline and render say
// it in that one line; add-stakeholder first lists the loader's findings, one a line,
// as plan check prints them.
func assertOther(t *testing.T, what string, r result, tc badInput) {
	t.Helper()
	if tc.valid {
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%s: a valid plan failed\n%s", what, r)
		}
		return
	}
	if r.code != 2 {
		t.Errorf("%s: exit %d, want 2\n%s", what, r.code, r)
		return
	}
	if r.stdout != "" {
		t.Errorf("%s: wrote to stdout on failure\n%s", what, r)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "plan: ") || !strings.Contains(last, tc.name) {
		t.Errorf("%s: the last line of stderr does not name %s: %q", what, tc.name, last)
	}
	if !strings.HasPrefix(what, "plan add-stakeholder") && len(lines) != 1 {
		t.Errorf("%s: %d lines on stderr, want one\n%s", what, len(lines), r)
	}
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, tc.name+":") {
			t.Errorf("%s: a finding that does not name the file as given: %q", what, l)
		}
	}
	if tc.line > 0 {
		if at := fmt.Sprintf("%s:%d:", tc.name, tc.line); !strings.Contains(r.stderr, at) {
			t.Errorf("%s: stderr does not point at %s\n%s", what, at, r)
		}
	}
}

// checkAddToValid adds a stakeholder to the valid plan with a BOM and CRLF line endings:
// the result keeps both, and loads.
func checkAddToValid(t *testing.T, bin string, o runOpts, tc badInput) {
	t.Helper()
	path := filepath.Join(o.dir, tc.name)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := runPlan(t, bin, o, "add-stakeholder", tc.name, "--name", "Late arrivals")
	assertNoCrash(t, "plan add-stakeholder", r)
	if r.code != 0 {
		t.Fatalf("plan add-stakeholder on a valid plan:\n%s", r)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(after, []byte("\xef\xbb\xbf")) || bytes.Count(after, []byte("\n")) != bytes.Count(after, []byte("\r\n")) {
		t.Error("the edit dropped the BOM or mixed line endings")
	}
	if len(after) <= len(before) || !bytes.Contains(after, []byte("id: late-arrivals\r\n")) {
		t.Error("the edit did not add the stakeholder")
	}
	if r := runPlan(t, bin, o, "check", tc.name); r.code == 2 || strings.Contains(r.stdout, "[schema]") || strings.Contains(r.stdout, "[yaml-syntax]") {
		t.Errorf("the edited plan does not load:\n%s", r)
	}
}

// Peak memory allowed on the largest file the loader accepts. A dense 10 MiB plan holds
// 200,000 stakeholders and gets a million findings, and its report is some 250 MB that
// render holds more than once; docs/reliability.md records what each command costs. The
// bounds catch a blow-up (a quadratic step, an unbounded copy), not a few percent.
const (
	largestMemoryBound       = 2 << 30
	largestRenderMemoryBound = 4 << 30
)

// largestCommands are the commands run on the largest plan, each with the exit code it
// must give.
var largestCommands = []struct {
	args []string
	code int
}{
	{[]string{"check", "largest.plan.yaml"}, 1},
	{[]string{"timeline", "largest.plan.yaml", "--today", "2027-03-15", "--format", "json"}, 0},
	{[]string{"add-stakeholder", "largest.plan.yaml", "--name", "X", "--dry-run"}, 0},
	{[]string{"render", "largest.plan.yaml", "--today", "2027-03-15", "--format", "html"}, 0},
	{[]string{"export", "largest.plan.yaml", "--format", "xlsx"}, 0},
}

// largestPlan writes, in a new directory, a plan just under the 10 MiB limit made of the
// smallest nodes YAML allows: the most nodes, and findings, per byte.
func largestPlan(t testing.TB) string {
	dir := caseDir(t)
	var b bytes.Buffer
	b.WriteString("schema_version: 1\ntitle: Largest\ntimeline:\n  start: 2027-01-04\n  phases:\n    - id: listen\n      kind: engagement\n      weeks: 6\nstakeholders:\n")
	const limit = 10 << 20
	entry := "  - id: s%07d\n    name: Stakeholder number %d\n"
	for i := 0; b.Len() < limit-2*len(entry); i++ {
		fmt.Fprintf(&b, entry, i, i)
	}
	writeFile(t, filepath.Join(dir, "largest.plan.yaml"), b.String())
	return dir
}

// TestLargestAcceptedFile feeds every command the largest plan: each must finish with
// the right exit code, within the memory bound, and leave the file as it was. How long
// they take is BenchmarkLargestAcceptedFile's to measure: a busy machine is no failure.
func TestLargestAcceptedFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 10 MiB plan and checks it")
	}
	bin := planBinary(t)
	dir := largestPlan(t)
	before := snapshot(t, dir)
	for _, c := range largestCommands {
		r := runPlan(t, bin, runOpts{dir: dir, discardStdout: true}, c.args...)
		what := "plan " + strings.Join(c.args, " ")
		assertNoCrash(t, what, r)
		if r.code != c.code {
			t.Errorf("%s: exit %d, want %d\n%s", what, r.code, c.code, r)
		}
		t.Logf("%s: peak %d MB", what, r.maxRSS>>20)
		bound := int64(largestMemoryBound)
		if c.args[0] == "render" {
			bound = largestRenderMemoryBound
		}
		if r.maxRSS > bound {
			t.Errorf("%s: peak memory %d MB, over %d MB", what, r.maxRSS>>20, bound>>20)
		}
	}
	if d := diffSnapshots(before, snapshot(t, dir)); len(d) > 0 {
		t.Errorf("the commands touched the disk: %v", d)
	}
}

// BenchmarkLargestAcceptedFile times each command on the largest plan, as a process:
// the figures in docs/reliability.md. Besides wall time per run it reports the CPU time
// (user and system, steadier than wall time on a shared machine) and the peak resident
// memory. Run it with -benchtime 1x -count 3; GOGC in the environment reaches the
// commands, so GOGC=100 gives Go's default for comparison.
func BenchmarkLargestAcceptedFile(b *testing.B) {
	bin := planBinary(b)
	dir := largestPlan(b)
	for _, c := range largestCommands {
		b.Run(c.args[0], func(b *testing.B) {
			var cpu time.Duration
			var peak int64
			for b.Loop() {
				r := runPlan(b, bin, runOpts{dir: dir, discardStdout: true}, c.args...)
				if r.code != c.code {
					b.Fatalf("exit %d, want %d\n%s", r.code, c.code, r)
				}
				cpu += r.cpu
				peak = max(peak, r.maxRSS)
			}
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}

// TestDeterminism runs each command twice, and plan check with several -j values, on the
// examples and the bad-input corpus: the output must be byte for byte the same, so that
// reports can be committed and diffed, and CI annotations never shuffle.
func TestDeterminism(t *testing.T) {
	bin := planBinary(t)
	dir := caseDir(t)
	for _, src := range []string{"../../examples", "../../testdata/bad"} {
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".plan.yaml") {
				copyFile(t, filepath.Join(src, e.Name()), filepath.Join(dir, e.Name()))
			}
		}
	}
	o := runOpts{dir: dir}
	same := func(what string, runs []result) {
		t.Helper()
		for _, r := range runs[1:] {
			if r.code != runs[0].code || r.stdout != runs[0].stdout || r.stderr != runs[0].stderr {
				t.Errorf("%s: two runs differ:\n%s\n----\n%s", what, runs[0], r)
				return
			}
		}
	}
	// GitHub annotations and JUnit are formats too; github writes no step summary here.
	for _, format := range []string{"text", "json", "sarif", "github", "junit"} {
		var runs []result
		for _, jobs := range []string{"1", "2", "8", "1", "8"} {
			r := runPlan(t, bin, o, "check", "--format", format, "-j", jobs, ".")
			assertNoCrash(t, "plan check", r)
			if r.code != 1 {
				t.Fatalf("plan check --format %s: exit %d, want 1\n%s", format, r.code, r)
			}
			runs = append(runs, r)
		}
		same("plan check --format "+format, runs)
	}
	examples, _ := filepath.Glob("../../examples/*.plan.yaml")
	if len(examples) == 0 {
		t.Fatal("no examples found")
	}
	var commands [][]string
	for _, ex := range examples {
		name := filepath.Base(ex)
		for _, format := range []string{"text", "json", "mermaid", "ics", "csv"} {
			commands = append(commands, []string{"timeline", name, "--today", "2027-03-15", "--width", "100", "--format", format})
		}
		commands = append(commands,
			[]string{"render", name, "--today", "2027-03-15", "--format", "md"},
			[]string{"render", name, "--today", "2027-03-15", "--format", "html"},
			[]string{"export", name, "--format", "csv", "--section", "activities"},
			[]string{"export", name, "--format", "xlsx"})
	}
	for _, args := range commands {
		a, b := runPlan(t, bin, o, args...), runPlan(t, bin, o, args...)
		if a.code != 0 {
			t.Errorf("plan %s: exit %d\n%s", strings.Join(args, " "), a.code, a)
		}
		same("plan "+strings.Join(args, " "), []result{a, b})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestWrites covers every command that writes (init, add-stakeholder, render -o, export -o): the
// file keeps its mode, and a write that cannot complete (a read-only directory, a full
// disk, /dev/full) leaves the original byte for byte and no temporary file behind.
// Concurrent add-stakeholder runs are TestConcurrentProcesses in
// internal/cmd/addstakeholder.
func TestWrites(t *testing.T) {
	bin := planBinary(t)
	example := filepath.Join("..", "..", "examples", "council-consultation.plan.yaml")

	// writers are the writing commands, each on p.plan.yaml (or report.html, register.xlsx)
	// in dir.
	writers := [][]string{
		{"add-stakeholder", "p.plan.yaml", "--name", "Late arrivals"},
		{"init", "p.plan.yaml", "--force", "--title", "Replaced"},
		{"render", "p.plan.yaml", "--today", "2027-03-15", "-o", "report.html"},
		{"export", "p.plan.yaml", "-o", "register.xlsx"},
	}
	setup := func(t *testing.T, dir string) {
		copyFile(t, example, filepath.Join(dir, "p.plan.yaml"))
		writeFile(t, filepath.Join(dir, "report.html"), "<p>an earlier report</p>\n")
		writeFile(t, filepath.Join(dir, "register.xlsx"), "an earlier workbook\n")
	}

	t.Run("mode", func(t *testing.T) {
		for _, args := range writers {
			dir := caseDir(t)
			setup(t, dir)
			target := filepath.Join(dir, args[len(args)-1])
			if args[0] != "render" && args[0] != "export" {
				target = filepath.Join(dir, "p.plan.yaml")
			}
			if err := os.Chmod(target, 0o640); err != nil {
				t.Fatal(err)
			}
			r := runPlan(t, bin, runOpts{dir: dir}, args...)
			if r.code != 0 {
				t.Fatalf("plan %s:\n%s", strings.Join(args, " "), r)
			}
			if info, err := os.Stat(target); err != nil || info.Mode() != 0o640 {
				t.Errorf("plan %s: mode %v, want -rw-r----- kept (%v)", strings.Join(args, " "), testenv.ModeOf(info), err)
			}
			assertNoTempFiles(t, dir)
		}
		dir := caseDir(t)
		r := runPlan(t, bin, runOpts{dir: dir}, "init", "new.plan.yaml")
		if r.code != 0 {
			t.Fatalf("plan init:\n%s", r)
		}
		if info, err := os.Stat(filepath.Join(dir, "new.plan.yaml")); err != nil || info.Mode() != 0o644&^umask(t) {
			t.Errorf("plan init: a new file has mode %v, want %v", testenv.ModeOf(info), 0o644&^umask(t))
		}
	})

	t.Run("read-only directory", func(t *testing.T) {
		dir := caseDir(t)
		setup(t, dir)
		o := runOpts{dir: dir}
		if os.Geteuid() == 0 {
			// Root writes anywhere, so the commands run as nobody, who owns the files (a
			// writer that wrote in place would succeed) but not the directory (no new
			// file, so no atomic replace, can be made in it).
			o.asUser = nobody
			for _, f := range []string{"p.plan.yaml", "report.html", "register.xlsx"} {
				if err := os.Chown(filepath.Join(dir, f), nobody, nobody); err != nil {
					t.Fatal(err)
				}
			}
		} else {
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
		}
		assertWritesFail(t, bin, o, writers, "permission denied")
	})

	t.Run("read-only file", func(t *testing.T) {
		// Renaming over a file needs only the directory's permission, so without a
		// check of its own the write would replace a file the user made read-only;
		// even root, whom the mode does not stop, is refused.
		dir := caseDir(t)
		setup(t, dir)
		for _, f := range []string{"p.plan.yaml", "report.html", "register.xlsx"} {
			if err := os.Chmod(filepath.Join(dir, f), 0o444); err != nil {
				t.Fatal(err)
			}
		}
		assertWritesFail(t, bin, runOpts{dir: dir}, writers, "read-only")
	})

	t.Run("symlinked directory", func(t *testing.T) {
		// repo/sub is a link to other/deep/dir, and l.plan.yaml in it a link to
		// ../r.plan.yaml: other/deep/r.plan.yaml to the kernel, but repo/r.plan.yaml
		// to a reading of the link's text.
		dir := caseDir(t)
		for _, d := range []string{"repo", "other/deep/dir"} {
			if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		copyFile(t, example, filepath.Join(dir, "repo", "r.plan.yaml"))
		copyFile(t, example, filepath.Join(dir, "other", "deep", "r.plan.yaml"))
		symlink(t, filepath.Join(dir, "other", "deep", "dir"), filepath.Join(dir, "repo", "sub"))
		symlink(t, "../r.plan.yaml", filepath.Join(dir, "other", "deep", "dir", "l.plan.yaml"))
		symlink(t, "../n.plan.yaml", filepath.Join(dir, "other", "deep", "dir", "n.plan.yaml"))
		unrelated := filepath.Join(dir, "repo", "r.plan.yaml")
		linked := filepath.Join(dir, "other", "deep", "r.plan.yaml")
		original, err := os.ReadFile(unrelated)
		if err != nil {
			t.Fatal(err)
		}
		o := runOpts{dir: dir}

		r := runPlan(t, bin, o, "add-stakeholder", "repo/sub/l.plan.yaml", "--name", "Late arrivals")
		if r.code != 0 {
			t.Fatalf("plan add-stakeholder:\n%s", r)
		}
		if data, _ := os.ReadFile(linked); !bytes.Contains(data, []byte("id: late-arrivals")) {
			t.Error("add-stakeholder: the file the link names did not get the stakeholder")
		}

		// The report goes to the file the link names, which is not the plan.
		r = runPlan(t, bin, o, "render", "repo/r.plan.yaml", "--today", "2027-03-15", "--format", "html", "-o", "repo/sub/l.plan.yaml")
		if r.code != 0 {
			t.Fatalf("plan render -o through the link:\n%s", r)
		}
		if data, _ := os.ReadFile(linked); !bytes.HasPrefix(data, []byte("<!DOCTYPE html>")) {
			t.Errorf("render -o: the file the link names is not the report: %.40q", data)
		}
		// And when the link names the plan, the guard refuses.
		copyFile(t, example, linked)
		r = runPlan(t, bin, o, "render", "other/deep/r.plan.yaml", "--today", "2027-03-15", "--format", "html", "-o", "repo/sub/l.plan.yaml")
		if r.code != 2 || !strings.Contains(r.stderr, "which the report is made from") {
			t.Errorf("render -o through a link to the plan: want exit 2 and the guard's message\n%s", r)
		}

		// init creates the file it reports, where the link points.
		r = runPlan(t, bin, o, "init", "repo/sub/n.plan.yaml")
		if r.code != 0 {
			t.Fatalf("plan init through a dangling link:\n%s", r)
		}
		if _, err := os.Stat(filepath.Join(dir, "other", "deep", "n.plan.yaml")); err != nil {
			t.Errorf("init did not create the file the link names: %v", err)
		}
		if _, err := os.Lstat(filepath.Join(dir, "repo", "n.plan.yaml")); err == nil {
			t.Error("init created repo/n.plan.yaml, which the link does not name")
		}

		if data, _ := os.ReadFile(unrelated); !bytes.Equal(data, original) {
			t.Errorf("%s, which no command named, was overwritten", unrelated)
		}
		assertNoTempFiles(t, filepath.Join(dir, "other", "deep"))
	})

	t.Run("full disk", func(t *testing.T) {
		dir := caseDir(t)
		if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=256k,mode=0755"); err != nil {
			t.Skipf("cannot mount a small tmpfs to fill (%v): needs root or CAP_SYS_ADMIN; internal/atomicfile's injected failures cover the same code", err)
		}
		t.Cleanup(func() { _ = syscall.Unmount(dir, 0) })
		setup(t, dir)
		filler := filepath.Join(dir, "filler")
		testenv.FillDisk(t, filler)
		before := snapshot(t, dir)
		assertWritesFail(t, bin, runOpts{dir: dir}, writers, "no space left on device")
		if d := diffSnapshots(before, snapshot(t, dir)); len(d) > 0 {
			t.Errorf("the full disk changed: %v", d)
		}
	})

	t.Run("/dev/full", func(t *testing.T) {
		if _, err := os.Stat("/dev/full"); err != nil {
			t.Skip("no /dev/full")
		}
		dir := caseDir(t)
		setup(t, dir)
		for _, tc := range []struct {
			args []string
			want string
		}{
			// init refuses the name before it tries to write: no plan is called full.
			{[]string{"init", "/dev/full", "--force"}, "is not named *.plan.yaml"},
			{[]string{"render", "p.plan.yaml", "--format", "md", "-o", "/dev/full"}, "no space left on device"},
		} {
			args := tc.args
			r := runPlan(t, bin, runOpts{dir: dir}, args...)
			assertNoCrash(t, "plan "+args[0], r)
			if r.code != 2 || !strings.Contains(r.stderr, "/dev/full") || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("plan %s: want exit 2 and the reason\n%s", strings.Join(args, " "), r)
			}
			// Replacing a device by renaming a file over it would, as root, destroy it.
			if info, err := os.Lstat("/dev/full"); err != nil || info.Mode()&fs.ModeCharDevice == 0 {
				t.Fatalf("plan %s replaced /dev/full: %v %v", strings.Join(args, " "), testenv.ModeOf(info), err)
			}
		}
	})

	t.Run("symlinked plan", func(t *testing.T) {
		dir := caseDir(t)
		if err := os.Mkdir(filepath.Join(dir, "shared"), 0o755); err != nil {
			t.Fatal(err)
		}
		copyFile(t, example, filepath.Join(dir, "shared", "real.plan.yaml"))
		symlink(t, "shared/real.plan.yaml", filepath.Join(dir, "p.plan.yaml"))
		r := runPlan(t, bin, runOpts{dir: dir}, "add-stakeholder", "p.plan.yaml", "--name", "Late arrivals")
		if r.code != 0 {
			t.Fatalf("plan add-stakeholder:\n%s", r)
		}
		if info, err := os.Lstat(filepath.Join(dir, "p.plan.yaml")); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("the link was replaced by a copy: %v %v", testenv.ModeOf(info), err)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "shared", "real.plan.yaml")); !bytes.Contains(data, []byte("id: late-arrivals")) {
			t.Error("the file the link names did not get the stakeholder")
		}
	})
}

// assertWritesFail runs each writer in o.dir, where writing cannot succeed: exit 2, a
// one-line reason, and the directory exactly as before.
func assertWritesFail(t *testing.T, bin string, o runOpts, writers [][]string, reason string) {
	t.Helper()
	before := snapshot(t, o.dir)
	for _, args := range writers {
		what := "plan " + strings.Join(args, " ")
		r := runPlan(t, bin, o, args...)
		assertNoCrash(t, what, r)
		if r.code != 2 {
			t.Errorf("%s: exit %d, want 2\n%s", what, r.code, r)
		}
		if !strings.HasPrefix(r.stderr, "plan: ") || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, reason) {
			t.Errorf("%s: want one line saying %q\n%s", what, reason, r)
		}
		if d := diffSnapshots(before, snapshot(t, o.dir)); len(d) > 0 {
			t.Errorf("%s: the failed write changed the directory: %v", what, d)
		}
	}
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// umask reads the process's umask without changing it (Linux 4.7 and later), since
// setting it to read it would race with the other tests creating files.
func umask(t *testing.T) fs.FileMode {
	t.Helper()
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("cannot read the umask")
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "Umask:"); ok {
			var m uint32
			if _, err := fmt.Sscanf(strings.TrimSpace(v), "%o", &m); err == nil {
				return fs.FileMode(m)
			}
		}
	}
	t.Skip("no Umask line in /proc/self/status")
	return 0
}

// TestFullStandardOutput: output that cannot be written is the user's environment, not a
// bug, so every command says so in one line and exits 2, never 3 with "internal error".
func TestFullStandardOutput(t *testing.T) {
	bin := planBinary(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	example := filepath.Join("..", "..", "examples", "council-consultation.plan.yaml")
	for _, args := range [][]string{
		{"version"},
		{"--version"},
		{"rules"},
		{"schema"},
		{"check", example},
		{"check", "-f", "json", example},
		{"timeline", example},
		{"render", example},
		{"render", "--format", "html", example},
		{"export", example},
		{"export", "--format", "xlsx", example},
		{"add-stakeholder", "--dry-run", "--name", "Local press", example},
		{"init", "--list"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "PLAN_CONFIG=")
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = full, &stderr
		_ = cmd.Run()
		what := "plan " + strings.Join(args, " ")
		if code := cmd.ProcessState.ExitCode(); code != 2 {
			t.Errorf("%s > /dev/full: exit %d, want 2; stderr:\n%s", what, code, stderr.String())
		}
		if got, want := stderr.String(), "plan: cannot write to standard output: no space left on device\n"; got != want {
			t.Errorf("%s > /dev/full: stderr %q, want %q", what, got, want)
		}
	}
}

// TestDeletedWorkingDirectory: a shell left in a directory that was removed is the
// user's situation to fix (exit 2, one line), for every command that reads a plan.
func TestDeletedWorkingDirectory(t *testing.T) {
	bin := planBinary(t)
	for _, cmdline := range []string{"check", "timeline", "render", "export", "add-stakeholder --name X"} {
		gone := filepath.Join(t.TempDir(), "gone")
		if err := os.Mkdir(gone, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("sh", "-c", `cd "$1" && rmdir "$1" && exec "$2" `+cmdline, "sh", gone, bin)
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "PLAN_CONFIG=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		_ = cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != 2 || !strings.HasPrefix(stderr.String(), "plan: cannot tell the current directory (was it deleted?)") || strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("plan %s in a deleted directory: exit %d, stderr %q; want exit 2 and one line", cmdline, code, stderr.String())
		}
	}
}
