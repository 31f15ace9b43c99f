package plan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/planschema"
)

func TestParseRejects(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n" +
		"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	for _, tc := range []struct {
		name string
		src  string
		// want is "line:col rule substring" of the first finding.
		want string
	}{
		{"empty file", "", "1:1 schema the file is empty"},
		{"only comments", "# nothing here\n# still nothing\n", "1:1 schema the file is empty"},
		{"invalid UTF-8", "schema_version: 1\ntitle: caf\xe9\n", "2:11 yaml-syntax not valid UTF-8"},
		{"NUL byte", "schema_version: 1\ntitle: a\x00b\n", "2:9 yaml-syntax NUL byte"},
		{"NUL byte after CR line breaks", "schema_version: 1\rtitle: a\rsummary: é\x00\r", "3:11 yaml-syntax NUL byte"},
		{"invalid UTF-8 after NEL and LS", "schema_version: 1\u0085title: a\u2028summary: \xff\n", "3:10 yaml-syntax not valid UTF-8"},
		{"NUL byte after a byte-order mark", "\ufeffa\x00\n", "1:2 yaml-syntax NUL byte"},
		{"invalid UTF-8 after two byte-order marks", "\ufeff\ufeff\xff", "1:2 yaml-syntax not valid UTF-8"},
		{"NUL byte after two byte-order marks", "\ufeff\ufeffa: \x00", "1:5 yaml-syntax NUL byte"},
		{"multi-document", "schema_version: 1\ntitle: a\n---\nschema_version: 1\n", "3:1 yaml-syntax more than one YAML document"},
		{"top level list", "- schema_version: 1\n", "1:1 schema top level must be a mapping"},
		{"top level scalar", "hello\n", "1:1 schema top level must be a mapping"},
		{"duplicate key", "schema_version: 1\ntitle: a\ntitle: b\n", "3:1 yaml-syntax duplicate key \"title\" (first at line 2)"},
		{"nested duplicate key", "schema_version: 1\ntitle: a\nmandate:\n  statement: x\n  statement: y\n", "5:3 yaml-syntax duplicate key \"statement\""},
		{"impossible date", "schema_version: 1\ntitle: a\ntimeline:\n  start: 2027-02-30\n", "4:10 schema timeline.start: \"2027-02-30\" is not a real calendar date"},
		{"year zero", "schema_version: 1\ntitle: a\ntimeline:\n  start: 0000-01-01\n", "4:10 schema timeline.start: \"0000-01-01\" is not a real calendar date: years start at 0001"},
		{"date as a number", "schema_version: 1\ntitle: a\ntimeline:\n  start: 20270301\n", "4:10 schema timeline.start: must be a date written YYYY-MM-DD, not a number"},
		{"fraction for a whole number", "schema_version: 1\ntitle: a\npolicy:\n  response:\n    within_days: 2.5\n", "5:18 schema policy.response.within_days: must be a whole number, not a fraction"},
		{"blank title, Unicode spaces", "schema_version: 1\ntitle: \"\\u00a0\\u3000\"\n", "2:8 schema title: must not be blank: write the name of the engagement"},
		{"currency ISO 4217 does not know", "schema_version: 1\ntitle: a\nbudget:\n  currency: ABC\n", "4:13 schema budget.currency: \"ABC\" is not an ISO 4217 currency code"},
		{"currency in lower case", "schema_version: 1\ntitle: a\nbudget:\n  currency: aud\n", "4:13 schema budget.currency: \"aud\" is not an ISO 4217 currency code: write three capital letters"},
		{"misspelt key already present", "schema_version: 1\ntitle: a\nstakeholders:\n  - id: s\n    name: N\n    nmae: M\n", "6:5 schema stakeholders[0]: unknown key \"nmae\": remove it"},
		{"date on a phase", "schema_version: 1\ntitle: a\ntimeline:\n  phases:\n    - id: p\n      kind: planning\n      date: 2027-03-01\n", "7:7 schema timeline.phases[0]: unknown key \"date\": a phase's dates are its start and end"},
		{"missing required key says what to do", "schema_version: 1\ntitle: a\nrisks:\n  - description: d\n", "4:5 schema risks[0]: missing required key \"id\": add it"},
		{"empty title, one finding", "schema_version: 1\ntitle: \"\"\n", "2:8 schema title: must not be blank: write the name of the engagement"},
		{"schema_version 2", "schema_version: 2\ntitle: a\n", "1:17 schema reads format version 1, not 2"},
		{"missing schema_version", "title: a\n", "1:1 schema missing required key \"schema_version\""},
		{"missing key in item", "schema_version: 1\ntitle: a\nstakeholders:\n  - id: s1\n", "4:5 schema stakeholders[0]: missing required key \"name\""},
		{"unknown key", "schema_version: 1\ntitle: a\nsumary: x\n", "3:1 schema unknown key \"sumary\": did you mean \"summary\"?"},
		{"wrong type", "schema_version: 1\ntitle: a\nstakeholders:\n  - id: s1\n    name: n\n    channels: email\n", "6:15 schema stakeholders[0].channels: must be a list, not text"},
		{"bad slug", "schema_version: 1\ntitle: a\nstakeholders:\n  - id: Parents\n    name: n\n", "4:9 schema not a valid id"},
		{"time in date", "schema_version: 1\ntitle: a\ntimeline:\n  start: 2027-02-01T10:00:00Z\n", "4:10 schema is not a date"},
		{"both end and weeks", "schema_version: 1\ntitle: a\ntimeline:\n  phases:\n    - id: p\n      kind: planning\n      weeks: 3\n      days: 2\n", "5:7 schema timeline.phases[0]"},
		{"syntax error", "schema_version: 1\ntitle: [a\n", "yaml-syntax invalid YAML"},
		{"bad indentation", "schema_version: 1\ntitle: a\n  summary: b\n", "3:3 yaml-syntax invalid YAML"},
		{"tab indentation", "schema_version: 1\nmandate:\n\tstatement: x\n", "3:1 yaml-syntax invalid YAML"},
		{"billion laughs", bomb, "yaml-syntax aliases expand the document beyond"},
		{"deep nesting", strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "\n", "yaml-syntax"},
		{"alias inside its own list", "schema_version: 1\ntitle: a\nx_a: &x [1, *x]\n", "3:13 yaml-syntax alias *x is inside the value it refers to (&x at line 3)"},
		{"alias inside its own mapping", "schema_version: 1\ntitle: a\nx_a: &x\n  b: [*x]\n", "4:7 yaml-syntax alias *x is inside the value it refers to (&x at line 3)"},
		{"merge key of its own mapping", "schema_version: 1\ntitle: a\nx_a: &x {a: 1, <<: *x}\n", "3:20 yaml-syntax alias *x is inside the value it refers to"},
		{"merge list holding its own mapping", "schema_version: 1\ntitle: a\nx_b: &b {c: 1}\nx_a: &x {a: 1, <<: [*b, *x]}\n", "4:25 yaml-syntax alias *x is inside the value it refers to"},
		// 1 MiB of text aliased eleven times adds more than 10 MiB: the eleventh alias,
		// at column 6 + 10*4 + 1, is where it stops.
		{"aliases of long text", "schema_version: 1\ntitle: a\nx_t: &t " + strings.Repeat("x", 1<<20) + "\nx_l: [" + strings.Repeat("*t, ", 20) + "*t]\n", "4:47 yaml-syntax aliases expand the document by more than 10 MiB of text"},
		{"long keys through a merge key", "schema_version: 1\ntitle: a\nx_m: &m\n  ? " + strings.Repeat("k", 1<<20) + "\n  : 1\nx_l:\n" + strings.Repeat("  - <<: *m\n", 11), "16:9 yaml-syntax aliases expand the document by more than 10 MiB of text"},
		{"binary that is not text", "schema_version: 1\ntitle: !!binary AAD/\n", "2:8 yaml-syntax this !!binary value decodes to bytes that are not text"},
		{"binary that is not base64", "schema_version: 1\ntitle: a\nsummary: !!binary '%%%'\n", "3:10 yaml-syntax this !!binary value is not base64"},
		{"binary key", "schema_version: 1\ntitle: a\nx_a: {!!binary AA==: 1}\n", "3:7 yaml-syntax this !!binary value decodes to bytes that are not text"},
		{"NUL through an escape", "schema_version: 1\ntitle: a\nsummary: \"a\\0b\"\n", "3:10 yaml-syntax this value holds a NUL character"},
		{"NUL through an escape in a string tag", "schema_version: 1\ntitle: a\nsummary: !!str \"a\\x00b\"\n", "3:10 yaml-syntax this value holds a NUL character"},
		{"NUL in text an alias repeats", "schema_version: 1\ntitle: a\nx_a: &n \"\\0\"\nsummary: *n\n", "3:6 yaml-syntax this value holds a NUL character"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("p.plan.yaml", []byte(tc.src), Options{})
			var le *Error
			if !errors.As(err, &le) {
				t.Fatalf("want *Error, got %v", err)
			}
			f := le.Findings[0]
			got := itoa(f.Line) + ":" + itoa(f.Col) + " " + f.Rule + " " + f.Message
			pos, rest, _ := strings.Cut(tc.want, " ")
			if !strings.Contains(tc.want, ":") || strings.HasPrefix(tc.want, "yaml-syntax") {
				rest, pos = tc.want, ""
			}
			if pos != "" && !strings.HasPrefix(got, pos+" ") {
				t.Errorf("position: got %q, want %s", got, pos)
			}
			rule, sub, _ := strings.Cut(rest, " ")
			if f.Rule != rule || !strings.Contains(f.Message, sub) {
				t.Errorf("got %q, want rule %s with %q", got, rule, sub)
			}
			if strings.Contains(tc.name, "one finding") && len(le.Findings) != 1 {
				t.Errorf("%d findings, want one: %v", len(le.Findings), le.Findings)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "p.plan.yaml:"+itoa(f.Line)+":") {
				t.Errorf("error is not one line naming file and line: %q", msg)
			}
		})
	}
}

func TestParseAccepts(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"minimal", "schema_version: 1\ntitle: a\n"},
		{"BOM and CRLF", "\xef\xbb\xbfschema_version: 1\r\ntitle: a\r\nsummary: |\r\n  two\r\n  lines\r\n"},
		{"quoted date", "schema_version: 1\ntitle: a\ntimeline:\n  start: \"2028-02-29\"\n"},
		{"null counts as absent", "schema_version: 1\ntitle: a\nmandate:\nstakeholders:\n"},
		{"extension keys anywhere", "schema_version: 1\ntitle: a\nx_owner: me\nstakeholders:\n  - id: s\n    name: n\n    x_crm_id: 42\nroles:\n  x_note: free\n  sro:\n    name: Ann\n"},
		{"anchors and merge keys", "schema_version: 1\ntitle: a\nx_defaults: &d {influence: low, impact: low}\nstakeholders:\n  - id: s\n    name: n\n    <<: *d\n"},
		{"name as list", "schema_version: 1\ntitle: a\nroles:\n  sro:\n    name: [Ann, Bo]\n"},
		{"a YAML 1.2 directive", "# a plan\n%YAML 1.2\n---\nschema_version: 1\ntitle: a\n"},
		{"a YAML 1.1 directive", "%YAML 1.1 # as yaml.v3 knows it\n---\nschema_version: 1\ntitle: a\n"},
		{"binary that is text", "schema_version: 1\ntitle: !!binary YQ==\n"},
		{"an anchor aliased beside itself", "schema_version: 1\ntitle: a\nx_a: &x [1]\nx_b: [*x, *x]\n"},
		{"text an alias repeats up to the limit", "schema_version: 1\ntitle: a\nx_t: &t " + strings.Repeat("x", 1<<20) + "\nx_l: [" + strings.Repeat("*t, ", 9) + "*t]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse("p.plan.yaml", []byte(tc.src), Options{})
			if err != nil {
				t.Fatalf("rejected: %v", err)
			}
			if p.Title != "a" {
				t.Errorf("title %q", p.Title)
			}
		})
	}
}

func TestParseModel(t *testing.T) {
	src := "schema_version: 1\ntitle: a\nx_defaults: &d {influence: high}\nstakeholders:\n  - id: s\n    name: n\n    <<: *d\n    channels: [email]\nroles:\n  sro:\n    name: [Ann, Bo]\n  custom:\n    name: Cy\ntimeline:\n  start: 2027-03-01\n  phases:\n    - id: p\n      kind: planning\n      weeks: 4\n"
	p, err := Parse("p.plan.yaml", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := p.Stakeholders[0]
	if s.Influence != "high" || s.Node == nil || s.Node.Line != 5 {
		t.Errorf("stakeholder %+v", s)
	}
	sro, _ := p.Roles.Get("sro")
	if got := sro.Name; len(got) != 2 || got[1].Value != "Bo" || got[1].Node == nil || got[1].Node.Line != 11 {
		t.Errorf("sro names %+v", got)
	}
	if strings.Join(p.Roles.Keys(), ",") != "sro,custom" {
		t.Errorf("role order %v", p.Roles.Keys())
	}
	if p.Timeline.Phases[0].Node.Line != 17 {
		t.Errorf("phase node line %d", p.Timeline.Phases[0].Node.Line)
	}
}

func TestSizeLimit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.plan.yaml")
	data := []byte("schema_version: 1\ntitle: a\nsummary: " + strings.Repeat("x", 2000) + "\n")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, path, Options{MaxSize: 1000})
	var le *Error
	if !errors.As(err, &le) || !strings.Contains(le.Error(), "larger than") {
		t.Fatalf("want a size error, got %v", err)
	}
	if _, err := Load(path, path, Options{}); err != nil {
		t.Errorf("default limit rejected a small file: %v", err)
	}
}

func TestLoadUnreadable(t *testing.T) {
	_, err := Load("missing.plan.yaml", filepath.Join(t.TempDir(), "missing.plan.yaml"), Options{})
	if err == nil || !strings.Contains(err.Error(), "missing.plan.yaml: cannot read") {
		t.Fatalf("got %v", err)
	}
	var le *Error
	if errors.As(err, &le) {
		t.Error("a read failure must not be a plan finding")
	}
	if _, err := Load("dir", t.TempDir(), Options{}); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: got %v", err)
	}
}

func TestExamplesLoad(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*.plan.yaml")
	if len(paths) < 2 {
		t.Fatalf("want at least two examples, found %v", paths)
	}
	for _, p := range paths {
		if _, err := Load(p, p, Options{}); err != nil {
			t.Errorf("%v", err)
		}
	}
}

func itoa(i int) string {
	return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(i))
}

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestEveryDuplicateKeyIsReported(t *testing.T) {
	src := "schema_version: 1\ntitle: t\nsummary: a\ntitle: u\nroles:\n  sro: {name: a}\n  sro: {name: b}\n"
	_, err := Parse("d.plan.yaml", []byte(src), Options{})
	var le *Error
	if !errors.As(err, &le) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, f := range le.Findings {
		got = append(got, fmtInt(f.Line)+":"+fmtInt(f.Col)+" "+f.Rule+" "+f.Message)
	}
	want := []string{
		`4:1 yaml-syntax duplicate key "title" (first at line 2): keep one`,
		`7:3 yaml-syntax duplicate key "sro" (first at line 6): keep one`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSchemaFindingEnds(t *testing.T) {
	for _, tc := range []struct {
		src                     string
		line, col, endL, endCol int
	}{
		{"schema_version: 1\ntitle: a\ntimeline:\n  start: 2027-02-30\n", 4, 10, 4, 20},
		{"schema_version: 1\ntitle: a\ntimeline:\n  start: \"2027-02-30\"\n", 4, 10, 4, 22},
		{"schema_version: 1\ntitle: a\nbudget:\n  currency: ABC # a comment\n", 4, 13, 4, 16},
		{"schema_version: 1\ntitle: a\nrisks:\n  - id: r\n", 4, 5, 4, 5},
	} {
		_, err := Parse("p.plan.yaml", []byte(tc.src), Options{})
		var le *Error
		if !errors.As(err, &le) {
			t.Fatalf("%q: want *Error, got %v", tc.src, err)
		}
		f := le.Findings[0]
		if f.Line != tc.line || f.Col != tc.col || f.EndLine != tc.endL || f.EndCol != tc.endCol {
			t.Errorf("%q: finding at %d:%d-%d:%d, want %d:%d-%d:%d", tc.src, f.Line, f.Col, f.EndLine, f.EndCol, tc.line, tc.col, tc.endL, tc.endCol)
		}
	}
}

// TestDuplicateKeysAreCapped: a file of many thousands of duplicate keys gets the first
// thousand and one finding saying that more are not listed, where they begin.
func TestDuplicateKeysAreCapped(t *testing.T) {
	src := "schema_version: 1\ntitle: t\nx_a:\n" + strings.Repeat("  k: 1\n", 5000)
	_, err := Parse("d.plan.yaml", []byte(src), Options{})
	var le *Error
	if !errors.As(err, &le) {
		t.Fatalf("got %v", err)
	}
	if len(le.Findings) != 1001 {
		t.Fatalf("%d findings, want 1001", len(le.Findings))
	}
	last := le.Findings[1000]
	if last.Line != 1005 || !strings.Contains(last.Message, "more than 1000 duplicate keys") {
		t.Errorf("last finding %d: %s", last.Line, last.Message)
	}
}

// TestSchemaFindingsAreCapped: a plan that breaks the schema in many thousands of places
// gets the first thousand, in the order of the file, and one finding saying that more
// are not listed, at the first of them.
func TestSchemaFindingsAreCapped(t *testing.T) {
	src := "schema_version: 1\ntitle: t\nstakeholders:\n" + strings.Repeat("  - 1\n", 5000)
	_, err := Parse("s.plan.yaml", []byte(src), Options{})
	var le *Error
	if !errors.As(err, &le) {
		t.Fatalf("got %v", err)
	}
	if len(le.Findings) != 1001 {
		t.Fatalf("%d findings, want 1001", len(le.Findings))
	}
	for i, f := range le.Findings[:1000] {
		if f.Line != 4+i || !strings.HasPrefix(f.Message, "stakeholders["+itoa(i)+"]: must be a mapping") {
			t.Fatalf("finding %d: %d: %s", i, f.Line, f.Message)
		}
	}
	last := le.Findings[1000]
	if last.Line != 1004 || last.Rule != RuleSchema || !strings.Contains(last.Message, "more than 1000 places") {
		t.Errorf("last finding %d: %s", last.Line, last.Message)
	}
}

// TestModelGapIsReportedAtItsLine: should the schema ever let through a value the model
// cannot hold (as it once did with people: 1e80 in a record), the file is refused with one
// line naming the line of that value, not a message of several lines pointing at line 1.
func TestModelGapIsReportedAtItsLine(t *testing.T) {
	lenient := Document{Noun: "note", Keys: "n", Validate: func(any, int) []planschema.Violation { return nil }}
	var out struct {
		N int `yaml:"n"`
		M int `yaml:"m"`
	}
	_, err := DecodeDocument("f.yaml", []byte("# a note\nn: 1e80\nm: x\n"), Options{}, lenient, &out)
	var le *Error
	if !errors.As(err, &le) || len(le.Findings) != 1 {
		t.Fatalf("got %v, want one finding", err)
	}
	f := le.Findings[0]
	if f.Line != 2 || f.Col != 1 || strings.Contains(f.Message, "\n") || !strings.Contains(f.Message, "the note could not be read: cannot unmarshal !!float `1e80` into int") {
		t.Errorf("got %d:%d %q", f.Line, f.Col, f.Message)
	}
}
