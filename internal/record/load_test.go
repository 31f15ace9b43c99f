package record

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
)

// TestParseRefusesBadInput: a record survives what a plan survives, with a clear
// one-line message naming the file and the line.
func TestParseRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"empty", "", "r.record.yaml:1:1: the file is empty: a record needs at least schema_version: 1 and a date (try `plan record`)"},
		{"only a comment", "# nothing yet\n", "r.record.yaml:1:1: the file is empty"},
		{"a list", "- a\n", "r.record.yaml:1:1: the top level must be a mapping of keys such as schema_version and date, not a list"},
		{"invalid YAML", "schema_version: 1\ndate: [2027-03-04\n", "r.record.yaml:2:1: invalid YAML"},
		{"two documents", "schema_version: 1\ndate: 2027-03-04\n---\na: 1\n", "r.record.yaml:3:1: the file holds more than one YAML document: a record is one document"},
		{"a duplicate key", "schema_version: 1\ndate: 2027-03-04\ndate: 2027-03-05\n", "r.record.yaml:3:1: duplicate key"},
		{"not UTF-8", "schema_version: 1\ndate: 2027-03-04\nsummary: caf\xe9\n", "r.record.yaml:3:13: the file is not valid UTF-8"},
		{"a NUL byte", "schema_version: 1\ndate: 2027-03-04\x00\n", "r.record.yaml:2:17: the file holds a NUL byte"},
		{"no date", "schema_version: 1\nsummary: Met the traders\n", `r.record.yaml:1:1: missing required key "date"`},
		{"not a real day", "schema_version: 1\ndate: 2027-02-30\n", "r.record.yaml:2:7: date:"},
		{"a month is not a day", "schema_version: 1\ndate: 2027-03\n", "r.record.yaml:2:7: date:"},
		{"an unknown key", "schema_version: 1\ndate: 2027-03-04\nengagd: []\n", `r.record.yaml:3:1: unknown key "engagd": did you mean "engaged"?`},
		{"people below zero", "schema_version: 1\ndate: 2027-03-04\nengaged: [{stakeholder: a, people: -1}]\n", "r.record.yaml:3:36: engaged[0].people: must be at least 0, not -1"},
		// Found by FuzzParse in CI: 1e80 passed the schema as a whole number and then
		// overflowed the model's int.
		{"more people than an int holds", "schema_version: 1\ndate: 2027-03-04\nengaged: [{stakeholder: a, people: 1e80}]\n", "r.record.yaml:3:36: engaged[0].people: must be at most 1000000000"},
		{"a measure value that is text", "schema_version: 1\ndate: 2027-03-04\nmeasures: [{measure: m, value: lots}]\n", "r.record.yaml:3:32: measures[0].value:"},
		{"a commitment done with no closed date", "schema_version: 1\ndate: 2027-03-04\nissues:\n  - text: Parking\n    commitment: {text: Survey, status: done}\n", `r.record.yaml:5:5: issues[0].commitment: missing required key "closed"`},
		{"an id that is not a slug", "schema_version: 1\ndate: 2027-03-04\nactivity: Drop In\n", "r.record.yaml:3:11: activity:"},
		{"a blank grievance id", "schema_version: 1\ndate: 2027-03-04\ngrievances: [{id: ' '}]\n", "r.record.yaml:3:19: grievances[0].id:"},
		{"until before date", "schema_version: 1\ndate: 2027-03-04\nuntil: 2027-03-01\n", "r.record.yaml:3:8: until: 2027-03-01 is before the record's date, 2027-03-04"},
		{"resolved before received", "schema_version: 1\ndate: 2027-03-04\ngrievances:\n  - {received: 2027-03-02, resolved: 2027-02-20}\n", "r.record.yaml:4:38: grievances[0].resolved: 2027-02-20 is before the day it was received, 2027-03-02"},
		{"resolved before the record's date, received then", "schema_version: 1\ndate: 2027-03-04\ngrievances: [{resolved: 2027-03-01}]\n", "r.record.yaml:3:25: grievances[0].resolved: 2027-03-01 is before the day it was received, 2027-03-04"},
		{"closed before the record's date", "schema_version: 1\ndate: 2027-03-04\nissues:\n  - text: Parking\n    commitment: {text: Survey, closed: 2027-02-23}\n", "r.record.yaml:5:40: issues[0].commitment.closed: 2027-02-23 is before the record's date, 2027-03-04"},
		{"a group engaged twice", "schema_version: 1\ndate: 2027-03-04\nengaged:\n  - {stakeholder: residents}\n  - {stakeholder: traders}\n  - {stakeholder: residents, people: 4}\n", `r.record.yaml:6:6: engaged[2]: stakeholder "residents" is already engaged[0]: list a group once, with all its people`},
		{"another version", "schema_version: 2\ndate: 2027-03-04\n", "r.record.yaml:1:17: schema_version:"},
		{"an alias bomb", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", "r.record.yaml:6:8: aliases expand the document beyond 200000 nodes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("r.record.yaml", []byte(tc.data), plan.Options{})
			var le *plan.Error
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a *plan.Error", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tc.want) && !strings.Contains(msg, tc.want) {
				t.Errorf("got  %s\nwant %s", msg, tc.want)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("message is more than one line: %q", msg)
			}
		})
	}
}

// TestGrievanceIDsAreTheRegisters: a grievance's id is whatever the team's register
// calls it, not a slug of the plan's.
func TestGrievanceIDsAreTheRegisters(t *testing.T) {
	r, err := Parse("r.record.yaml", []byte("schema_version: 1\ndate: 2027-03-04\ngrievances:\n  - {id: GRM-001, category: noise}\n  - {id: 2027/14 (phone)}\n  - {id: 17}\n"), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"GRM-001", "2027/14 (phone)", "17"} {
		if got := r.Grievances[i].ID; got != want {
			t.Errorf("grievance %d: id %q, want %q", i, got, want)
		}
	}
}

func TestParseFillsInWhenAGrievanceWasReceived(t *testing.T) {
	r, err := Parse("r.record.yaml", []byte("schema_version: 1\ndate: 2027-03-04\ngrievances:\n  - {category: noise}\n  - {received: 2027-03-01}\n"), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Grievances[0].Received; got.String() != "2027-03-04" || got.Node == nil || got.Node.Line != 2 {
		t.Errorf("a grievance with no received date: %v at %v, want the record's date at line 2", got, got.Node)
	}
	if got := r.Grievances[1].Received.String(); got != "2027-03-01" {
		t.Errorf("received %s, want 2027-03-01 as written", got)
	}
}

func TestDir(t *testing.T) {
	named, err := plan.Parse("p.plan.yaml", []byte("schema_version: 1\ntitle: T\nrecords: log/2027\n"), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	unnamed, _ := plan.Parse("p.plan.yaml", []byte("schema_version: 1\ntitle: T\n"), plan.Options{})
	for _, tc := range []struct {
		p         *plan.Plan
		path      string
		want      string
		wantNamed bool
	}{
		{unnamed, "consultations/council.plan.yaml", filepath.FromSlash("consultations/council.records"), false},
		{unnamed, "council.plan.yml", "council.records", false},
		{unnamed, "council.yaml", "council.records", false},
		{named, "consultations/council.plan.yaml", filepath.FromSlash("consultations/log/2027"), true},
		{named, "-", "", false},
		{named, "", "", false},
	} {
		got, gotNamed := Dir(tc.p, tc.path)
		if got != tc.want || gotNamed != tc.wantNamed {
			t.Errorf("Dir(%s) = %q, %v; want %q, %v", tc.path, got, gotNamed, tc.want, tc.wantNamed)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("2027-03-10-workshop.record.yaml", "schema_version: 1\ndate: 2027-03-10\n")
	write("2027/2027-03-04-drop-in.record.yml", "schema_version: 1\ndate: 2027-03-04\n")
	write("2027-03-04-a.record.yaml", "schema_version: 1\ndate: 2027-03-04\n")
	write("2027-03-05-broken.record.yaml", "schema_version: 1\ndate: 2027-03-05\ndate: 2027-03-06\n")
	write("notes.md", "not a record\n")
	write(".2027-03-01-x.record.yaml.tmp-abc", "half written")
	write(".drafts/2027-03-01-draft.record.yaml", "not: checked\n")

	set, findings, err := Load(dir, "council.records", plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range set.Records {
		got = append(got, r.File)
	}
	want := []string{"council.records/2027-03-04-a.record.yaml", "council.records/2027/2027-03-04-drop-in.record.yml", "council.records/2027-03-10-workshop.record.yaml"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("records, in order of date then file:\n got %v\nwant %v", got, want)
	}
	if len(findings) != 1 || findings[0].File != "council.records/2027-03-05-broken.record.yaml" || findings[0].Line != 3 {
		t.Errorf("findings %v, want one at the duplicate key of the broken record", findings)
	}

	if set, findings, err := Load(filepath.Join(dir, "absent"), "", plan.Options{}); err != nil || set.Len() != 0 || len(findings) != 0 {
		t.Errorf("a folder that does not exist: %v, %v, %v; want no records", set.Records, findings, err)
	}
	if _, _, err := Load(filepath.Join(dir, "notes.md"), "", plan.Options{}); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("a file for a folder: %v", err)
	}
}

// TestRecordsKeyNamingAFile: a plan whose records: names a file is told so at that line,
// by every command that reads or writes the folder.
func TestRecordsKeyNamingAFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "council.plan.yaml")
	src := "schema_version: 1\ntitle: T\nrecords: council.plan.yaml\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := plan.Parse("council.plan.yaml", []byte(src), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const want = `council.plan.yaml:3:10: records: "council.plan.yaml" is a file, not a folder: name the folder that holds the plan's *.record.yaml files, relative to the plan's folder`
	if _, _, err := LoadFor(p, path, "council.plan.yaml", plan.Options{}); err == nil || err.Error() != want {
		t.Errorf("LoadFor: %v\nwant %s", err, want)
	}
	if err := CheckFolder(p, path, "council.plan.yaml"); err == nil || err.Error() != want {
		t.Errorf("CheckFolder: %v\nwant %s", err, want)
	}
}
