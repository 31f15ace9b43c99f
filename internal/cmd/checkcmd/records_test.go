package checkcmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRecordArgumentChecksItsPlan: a record named on the command line (as a pre-commit
// hook or an editor passes the files it saw change) is checked with its plan, whether it
// lies in the default folder beside the plan or in the folder the plan's records: names,
// deeper down; a record no plan keeps is bad input, naming it.
func TestRecordArgumentChecksItsPlan(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.plan.yaml", broken)
	write("a.records/2027-03-04-x.record.yaml", "schema_version: 1\ndate: 2027-03-04\n")
	write("team/b.plan.yaml", "schema_version: 1\ntitle: B\nrecords: log\n")
	write("team/log/2027/2027-03-05-call.record.yml", "schema_version: 1\ndate: 2027-03-05\n")
	write("stray/2027-03-06-y.record.yaml", "schema_version: 1\ndate: 2027-03-06\n")

	res := run(t, dir, "-f", "json", "a.records/2027-03-04-x.record.yaml", "team/log/2027/2027-03-05-call.record.yml")
	if res.stdout == "" {
		t.Fatalf("exit %d, stderr %s", res.code, res.stderr)
	}
	var report struct {
		Files    int
		Findings []struct{ File string }
	}
	if err := json.Unmarshal([]byte(res.stdout), &report); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range report.Findings {
		got = append(got, f.File)
	}
	slices.Sort(got)
	if got = slices.Compact(got); report.Files != 2 || strings.Join(got, " ") != "a.plan.yaml team/b.plan.yaml" {
		t.Errorf("checked %q, want the two plans that keep the records", got)
	}

	res = run(t, dir, "stray/2027-03-06-y.record.yaml")
	if res.code != 2 || !strings.Contains(res.stderr, "stray/2027-03-06-y.record.yaml is a record, but no plan") {
		t.Errorf("a record no plan keeps: exit %d, stderr %q", res.code, res.stderr)
	}
}
