package recordcmd

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/filelock"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
)

var update = flag.Bool("update", false, "rewrite the golden files")

type run struct {
	env         *cli.Env
	out, errOut *bytes.Buffer
}

// newRun is a command environment in dir whose clock and PLAN_TODAY are fixed, so no
// test depends on the day it runs.
func newRun(dir string) run {
	ios, _, out, errOut := iostreams.Test()
	now := func() time.Time { return time.Date(2027, 3, 20, 12, 0, 0, 0, time.Local) }
	env := &cli.Env{IO: ios, Dir: dir, Now: now, Getenv: func(string) string { return "" }}
	return run{env: env, out: out, errOut: errOut}
}

func planDir(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/small.plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "small.plan.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// full is a record with every flag given.
func full(env *cli.Env) *Options {
	return &Options{
		Env: env, Date: "2027-03-04", Until: "2027-03-05", Activity: "drop-in", Channel: "Library",
		Summary:      "Two evenings at the library; most questions were about parking.",
		Stakeholders: []string{"residents=34", "traders"},
		Issues:       []string{"Loading zones would be lost"}, RaisedBy: []string{"traders"},
		Response:   "Loading zones stay; parking moves to Smith Street.",
		Commitment: "Publish the parking survey", Owner: "Transport team", Due: "2027-04-01",
		Disclosed: []string{"draft"}, Grievances: []string{"access"},
		Measures: []string{"responses=120"}, ReportBacks: []string{"routes"},
	}
}

// TestDryRunGolden: --dry-run prints the record exactly as it would be written, and
// says where, and writes nothing.
func TestDryRunGolden(t *testing.T) {
	dir := planDir(t)
	r := newRun(dir)
	opts := full(r.env)
	opts.DryRun = true
	if err := Run(opts); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "full.record.yaml.golden")
	if *update {
		if err := os.WriteFile(golden, r.out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if r.out.String() != string(want) {
		t.Errorf("dry run printed:\n%s\nwant (go test -update to accept):\n%s", r.out, want)
	}
	if got := r.errOut.String(); got != "plan: would write small.records/2027-03-04-drop-in-54b8.record.yaml\n" {
		t.Errorf("stderr %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "small.records")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a dry run made the records folder: %v", err)
	}
	// What it printed is a record the loader takes.
	if _, err := record.Parse("full.record.yaml", r.out.Bytes(), plan.Options{}); err != nil {
		t.Errorf("the printed record does not load: %v", err)
	}
}

func TestWritesARecord(t *testing.T) {
	dir := planDir(t)
	r := newRun(dir)
	if err := Run(full(r.env)); err != nil {
		t.Fatal(err)
	}
	if got := r.out.String(); got != "Recorded small.records/2027-03-04-drop-in-54b8.record.yaml\n" {
		t.Errorf("printed %q", got)
	}
	want, _ := os.ReadFile(filepath.Join("testdata", "full.record.yaml.golden"))
	got, err := os.ReadFile(filepath.Join(dir, "small.records", "2027-03-04-drop-in-54b8.record.yaml"))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("wrote %q (%v), want the dry run's record", got, err)
	}
}

func TestDefaults(t *testing.T) {
	dir := planDir(t)
	r := newRun(dir)
	// No date: today by the env's clock. No activity or slug: a slug of the summary.
	if err := Run(&Options{Env: r.env, Summary: "Phone call with the Traders' Association chair about deliveries", Stakeholders: []string{"traders=1"}}); err != nil {
		t.Fatal(err)
	}
	if got := r.out.String(); got != "Recorded small.records/2027-03-20-phone-call-with-the-traders-association-df34.record.yaml\n" {
		t.Errorf("printed %q", got)
	}
	r = newRun(dir)
	r.env.Getenv = func(k string) string { return map[string]string{"PLAN_TODAY": "2027-03-21"}[k] }
	if err := Run(&Options{Env: r.env, Stakeholders: []string{"residents"}}); err != nil {
		t.Fatal(err)
	}
	if got := r.out.String(); got != "Recorded small.records/2027-03-21-record-0065.record.yaml\n" {
		t.Errorf("printed %q", got)
	}
}

func TestNamedRecordsFolder(t *testing.T) {
	dir := planDir(t)
	path := filepath.Join(dir, "small.plan.yaml")
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(data, "records: log/engagement\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	r := newRun(dir)
	if err := Run(&Options{Env: r.env, Date: "2027-03-04", Activity: "drop-in", Slug: "evening"}); err != nil {
		t.Fatal(err)
	}
	if got := r.out.String(); got != "Recorded log/engagement/2027-03-04-evening-cbad.record.yaml\n" {
		t.Errorf("printed %q", got)
	}
}

func TestRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts func(*Options)
		want string
	}{
		{"a month for a date", func(o *Options) { o.Date = "2027-03" }, `--date must be a day, YYYY-MM-DD: "2027-03" is not one`},
		{"not a date", func(o *Options) { o.Date = "2027-02-30" }, `--date: "2027-02-30" is not a real date in the form YYYY-MM-DD`},
		{"a range for a date", func(o *Options) { o.Date = "2027-03-01..2027-03-05" }, "--date 2027-03-01..2027-03-05 is a range: use --date 2027-03-01 and --until 2027-03-05"},
		{"a month for a due date", func(o *Options) { o.Due = "2027-04" }, `--due must be a day, YYYY-MM-DD: "2027-04" is not one`},
		{"until before date", func(o *Options) { o.Until = "2027-03-01" }, "--until 2027-03-01 is before --date 2027-03-04"},
		{"people not a number", func(o *Options) { o.Stakeholders = []string{"residents=many"} }, `invalid --stakeholder "residents=many"`},
		{"a group twice", func(o *Options) { o.Stakeholders = []string{"residents", "traders", "residents=4"} },
			"--stakeholder residents and --stakeholder residents=4 name the same group: give it once, with all its people"},
		{"a stakeholder that is not a slug", func(o *Options) { o.Stakeholders = []string{"Residents"} }, `invalid --stakeholder "Residents"`},
		{"a measure without a value", func(o *Options) { o.Measures = []string{"responses"} }, `invalid --measure "responses"`},
		{"a percentage", func(o *Options) { o.Measures = []string{"responses=62%"} }, "a percentage as 62, not 62%"},
		{"a response for two issues", func(o *Options) { o.Issues = []string{"a", "b"} }, "give exactly one --issue"},
		{"an owner without a commitment", func(o *Options) { o.Commitment = "" }, "--owner and --due are the commitment's"},
		{"a blank issue", func(o *Options) { o.Issues = []string{"  "} }, "--issue must not be empty"},
		{"a two-line channel", func(o *Options) { o.Channel = "a\nb" }, "--channel must be a single line"},
		{"an unknown activity", func(o *Options) { o.Activity = "drop-inn" }, `small.plan.yaml: nothing recorded: activity "drop-inn" is not in the plan's activities: did you mean "drop-in"?`},
		{"unknown ids", func(o *Options) { o.Disclosed = []string{"final"}; o.ReportBacks = []string{"budget"} },
			`nothing recorded: document "final" is not in the plan's disclosure: use an id from there, or add it to the plan; decision "budget"`},
		{"a bad slug", func(o *Options) { o.Slug = "Evening" }, `invalid --slug "Evening"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := planDir(t)
			r := newRun(dir)
			opts := full(r.env)
			tc.opts(opts)
			err := Run(opts)
			var exit *cli.ExitError
			if !errors.As(err, &exit) || exit.Code != cli.ExitBadInput {
				t.Fatalf("got %v, want bad input (exit 2)", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "small.records")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a refused record made the records folder: %v", err)
			}
		})
	}
}

func TestRefusesAnInvalidPlan(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.plan.yaml"), []byte("schema_version: 1\ntitle: T\ntitle: U\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := newRun(dir)
	err := Run(&Options{Env: r.env, Date: "2027-03-04"})
	if err == nil || !strings.Contains(err.Error(), "bad.plan.yaml:3:1") {
		t.Errorf("got %v, want the plan's problem at its line", err)
	}
}

// TestConcurrentRuns runs 20 records of one activity on one day at once: each must get a
// file of its own, and none may be lost or half written.
func TestConcurrentRuns(t *testing.T) {
	dir := planDir(t)
	const n = 20
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := newRun(dir)
			errs[i] = Run(&Options{Env: r.env, Date: "2027-03-04", Activity: "drop-in", Stakeholders: []string{fmt.Sprintf("residents=%d", i)}})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("run %d: %v", i, err)
		}
	}
	set, findings, err := record.Load(filepath.Join(dir, "small.records"), "", plan.Options{})
	if err != nil || len(findings) > 0 {
		t.Fatalf("loading the records: %v %v", err, findings)
	}
	seen := map[int]bool{}
	for _, r := range set.Records {
		seen[*r.Engaged[0].People] = true
	}
	if set.Len() != n || len(seen) != n {
		t.Errorf("%d records with %d distinct runs, want %d", set.Len(), len(seen), n)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "small.records"))
	if len(entries) != n {
		t.Errorf("%d files in the folder, want %d (no temporary file left behind)", len(entries), n)
	}
}

// TestTakesThePlansLock: a record is written under the lock the editing commands hold,
// so a rename that rewrites the records folder cannot interleave with it. While another
// run holds the lock, nothing is written; once it lets go, the record is.
func TestTakesThePlansLock(t *testing.T) {
	dir := planDir(t)
	lock, err := filelock.Acquire(filepath.Join(dir, "small.plan.yaml"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	r := newRun(dir)
	opts := &Options{Env: r.env, Date: "2027-03-04", Activity: "drop-in", LockTimeout: time.Millisecond}
	err = Run(opts)
	if err == nil || !strings.Contains(err.Error(), "small.plan.yaml: cannot add a record: timed out") {
		t.Errorf("with the lock held elsewhere: %v, want a timeout", err)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "small.records")); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("the records folder exists after a refused run: %v", statErr)
	}
	if err := lock.Unlock(); err != nil {
		t.Fatal(err)
	}
	if err := Run(opts); err != nil {
		t.Errorf("after the lock is released: %v", err)
	}
}
