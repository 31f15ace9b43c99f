package diff

import (
	"regexp"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

func parse(t *testing.T, body string) *plan.Plan {
	t.Helper()
	p, err := plan.Parse("p.plan.yaml", []byte("schema_version: 1\ntitle: t\n"+body), plan.Options{})
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, body)
	}
	return p
}

// section returns the items of the section with key, as "change id: field old→new, …".
func section(d *Diff, key string) []string {
	var out []string
	for _, s := range d.Sections {
		if s.Key != key {
			continue
		}
		for _, it := range s.Items {
			var fs []string
			for _, f := range it.Fields {
				fs = append(fs, f.Name+" "+f.Old+"→"+f.New)
			}
			line := string(it.Change) + " " + it.ID
			if len(fs) > 0 {
				line += ": " + strings.Join(fs, ", ")
			}
			if l := it.Length; l != nil {
				line += " | " + lengthPhrase(*l)
			}
			out = append(out, line)
		}
	}
	return out
}

func TestCompare(t *testing.T) {
	const phases = "timeline:\n  start: 2027-03-01\n  phases:\n"
	tests := []struct {
		name, key, before, after string
		want                     []string
	}{
		{
			name:   "a stakeholder re-rated",
			key:    "stakeholders",
			before: "stakeholders:\n  - {id: a, name: A, influence: low, impact: high, engagement: {current: neutral, desired: supportive}}\n",
			after:  "stakeholders:\n  - {id: a, name: A, influence: high, impact: high, engagement: {current: supportive, desired: supportive}}\n",
			want:   []string{"changed a: influence low→high, engagement.current neutral→supportive"},
		},
		{
			name:   "a renamed id is a removal and an addition",
			key:    "stakeholders",
			before: "stakeholders:\n  - {id: youth, name: Young people}\n",
			after:  "stakeholders:\n  - {id: young-people, name: Young people}\n",
			want:   []string{"added young-people: name →Young people", "removed youth"},
		},
		{
			name:   "an unchanged list says nothing",
			key:    "stakeholders",
			before: "stakeholders:\n  - {id: a, name: A}\n  - {id: b, name: B}\n",
			after:  "stakeholders:\n  - {id: b, name: B}\n  - {id: a, name: A}\n",
		},
		{
			name:   "a phase shortened below its minimum moves the next",
			key:    "phases",
			before: phases + "    - {id: e, kind: engagement, weeks: 6}\n    - {id: c, kind: close, weeks: 2}\n",
			after:  phases + "    - {id: e, kind: engagement, weeks: 3}\n    - {id: c, kind: close, weeks: 2}\n",
			want: []string{
				"changed e: end 2027-04-11→2027-03-21 | shortened from 6 weeks to 3 weeks, below its minimum of 4 weeks",
				"changed c: start 2027-04-12→2027-03-22, end 2027-04-25→2027-04-04",
			},
		},
		{
			name:   "a phase lengthened, and one added",
			key:    "phases",
			before: phases + "    - {id: e, kind: engagement, weeks: 4}\n",
			after:  phases + "    - {id: e, kind: engagement, weeks: 5}\n    - {id: c, kind: close, days: 3}\n",
			want: []string{
				"changed e: end 2027-03-28→2027-04-04 | lengthened from 4 weeks to 5 weeks (minimum 4 weeks)",
				"added c: kind →close, start →2027-04-05, end →2027-04-07 | 3 days, below its minimum of 2 weeks",
			},
		},
		{
			name:   "the budget total",
			key:    "budget",
			before: "budget: {currency: AUD, items: [{category: tools, amount: 100}, {category: staff, amount: 0.1}]}\n",
			after:  "budget: {currency: AUD, items: [{category: tools, amount: 100.2}]}\n",
			want:   []string{"changed AUD: total 100.1→100.2"},
		},
		{
			name:   "a new currency cannot be compared",
			key:    "budget",
			before: "budget: {currency: AUD, items: [{category: tools, amount: 100}]}\n",
			after:  "budget: {currency: NZD, items: [{category: tools, amount: 100}]}\n",
			want:   []string{"added NZD: total →100", "removed AUD"},
		},
		{
			name:   "roles by key",
			key:    "roles",
			before: "roles:\n  sro: {name: Helen}\n  comms: {name: Ari}\n",
			after:  "roles:\n  sro: {name: [Helen, Raj], responsibilities: Owns it.}\n",
			want:   []string{"changed sro: name Helen→Helen, Raj, responsibilities →Owns it.", "removed comms"},
		},
		{
			name:   "prose is compared too",
			key:    "decisions",
			before: "decisions:\n  - {id: d, question: \"Which route?\", outcome: ''}\n",
			after:  "decisions:\n  - {id: d, question: \"Which route?\", outcome: The river route.}\n",
			want:   []string{"changed d: outcome →The river route."},
		},
	}
	minimums := map[string]int{"engagement": 28, "close": 14}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(parse(t, tt.before), parse(t, tt.after), Options{Minimums: minimums})
			got := section(d, tt.key)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestSamePlanIsEmpty(t *testing.T) {
	src := "version: '1'\nstakeholders:\n  - {id: a, name: A, influence: low}\ntimeline:\n  start: 2027-03-01\n  phases:\n    - {id: p, kind: planning, weeks: 2}\n"
	findings := []diag.Finding{{Line: 3, Rule: "r", Severity: diag.Warning, Message: "m"}}
	d := Compare(parse(t, src), parse(t, src), Options{OldFindings: findings, NewFindings: findings})
	if !d.Empty() {
		t.Errorf("the same plan differs: %+v", d)
	}
	if s := summary(d); s != "No change in meaning; 0 new findings, 0 fixed." {
		t.Errorf("summary = %q", s)
	}
}

func TestNewFileIsAllAdded(t *testing.T) {
	d := Compare(&plan.Plan{}, parse(t, "version: '1'\nstakeholders:\n  - {id: a, name: A}\n"), Options{})
	if got := section(d, "stakeholders"); len(got) != 1 || !strings.HasPrefix(got[0], "added a") {
		t.Errorf("stakeholders = %v", got)
	}
	if len(d.Plan) != 2 { // title and version
		t.Errorf("plan fields = %+v", d.Plan)
	}
}

// TestFindingsByMeaning: a finding that only moved is neither new nor fixed, and fixing
// one of two identical findings is seen.
func TestFindingsByMeaning(t *testing.T) {
	f := func(line int, rule, msg string) diag.Finding {
		return diag.Finding{Line: line, Rule: rule, Severity: diag.Warning, Message: msg}
	}
	before := []diag.Finding{f(3, "a", "x"), f(5, "b", "twice"), f(9, "b", "twice"), f(12, "c", "gone")}
	after := []diag.Finding{f(4, "a", "x"), f(6, "b", "twice"), f(20, "d", "new")}
	got := compareFindings(before, after)
	if len(got.New) != 1 || got.New[0].Rule != "d" {
		t.Errorf("new = %+v", got.New)
	}
	if len(got.Fixed) != 2 || got.Fixed[0].Line != 9 || got.Fixed[1].Rule != "c" {
		t.Errorf("fixed = %+v", got.Fixed)
	}
}

func TestDateShift(t *testing.T) {
	for _, tt := range []struct{ before, after, want string }{
		{"2027-03-01", "2027-03-15", " (2 weeks later)"},
		{"2027-03-15", "2027-03-14", " (1 day earlier)"},
		{"2027-03", "2027-04", ""},
		{"", "2027-04-01", ""},
	} {
		if got := shift(tt.before, tt.after); got != tt.want {
			t.Errorf("shift(%q, %q) = %q, want %q", tt.before, tt.after, got, tt.want)
		}
	}
}

// TestTextIsDisplayable: a value with a line break or an escape sequence cannot split
// a line of the text output or reach the terminal.
func TestTextIsDisplayable(t *testing.T) {
	d := Compare(parse(t, "stakeholders:\n  - {id: a, name: A}\n"), parse(t, "stakeholders:\n  - {id: a, name: \"A\\e[31m\\nB\"}\n"), Options{})
	var b strings.Builder
	if err := WriteText(&b, d, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b") || strings.Count(b.String(), "\n") != 7 {
		t.Errorf("text output not displayable:\n%q", b.String())
	}
	var m strings.Builder
	if err := WriteMarkdown(&m, Compare(&plan.Plan{}, parse(t, "stakeholders:\n  - {id: a, name: \"[x](http://evil) <b>\"}\n"), Options{})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(m.String(), "](http") || strings.Contains(m.String(), "<b>") {
		t.Errorf("markdown output not escaped:\n%s", m.String())
	}
}

func writeBoth(t *testing.T, d *Diff) (text, md string) {
	t.Helper()
	var tb, mb strings.Builder
	if err := WriteText(&tb, d, nil); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&mb, d); err != nil {
		t.Fatal(err)
	}
	return tb.String(), mb.String()
}

// TestAddedRoleNamesItsPeople: a role's name is the people in it, not its label, so an
// added role says who; well-known roles are labelled as the report labels them.
func TestAddedRoleNamesItsPeople(t *testing.T) {
	d := Compare(parse(t, ""), parse(t, "roles:\n  engagement_lead: {name: Sam Lee}\n"), Options{})
	text, md := writeBoth(t, d)
	if !strings.Contains(text, "\n  + engagement_lead (Engagement lead): name Sam Lee\n") {
		t.Errorf("text:\n%s", text)
	}
	if !strings.Contains(md, "\n- **Added** `engagement_lead` Engagement lead: name Sam Lee\n") {
		t.Errorf("markdown:\n%s", md)
	}
}

// TestNewFileShowsAdditions: against a revision without the file, the title and version
// are added values, not changes from "(none)".
func TestNewFileShowsAdditions(t *testing.T) {
	d := Compare(&plan.Plan{}, parse(t, "version: '1.0'\n"), Options{})
	d.Old.Missing = true
	text, md := writeBoth(t, d)
	if !strings.Contains(text, "\n  + title t\n  + version 1.0\n") || strings.Contains(text, "(none)") {
		t.Errorf("text:\n%s", text)
	}
	if !strings.Contains(md, "\n- **Added** title t\n- **Added** version 1.0\n") || strings.Contains(md, "(none)") {
		t.Errorf("markdown:\n%s", md)
	}
	d = Compare(parse(t, "version: '1.0'\n"), parse(t, ""), Options{})
	if text, _ := writeBoth(t, d); !strings.Contains(text, "\n  - version 1.0\n") {
		t.Errorf("a version removed:\n%s", text)
	}
}

// TestMarkdownDoesNotPing: text from the plan in a pull-request comment notifies no one
// and links no issue, reads the same once the invisible joiners are dropped, and an
// email address still links.
func TestMarkdownDoesNotPing(t *testing.T) {
	name := "Ask @sam or @org/team (see #12, org/repo#34, gh-5), or write to sam@example.org"
	d := Compare(&plan.Plan{}, parse(t, "stakeholders:\n  - {id: a, name: \""+name+"\"}\n"), Options{})
	d.File = "@x #1.plan.yaml"
	_, md := writeBoth(t, d)
	for _, pinging := range []string{`(^|[^\w.+-])@\w`, `#\d`, `(?i)gh-\d`} {
		if loc := regexp.MustCompile(pinging).FindStringIndex(md); loc != nil {
			t.Errorf("%s matches %q in:\n%s", pinging, md[loc[0]:loc[1]], md)
		}
	}
	if !strings.Contains(md, "<sam@example.org>") {
		t.Errorf("the email address is not linked:\n%s", md)
	}
	visible := strings.ReplaceAll(md, wordJoiner, "")
	if !strings.Contains(visible, "Ask @sam or @org/team \\(see #12, org/repo#34, gh-5\\), or write to") && !strings.Contains(visible, "Ask @sam or @org/team (see #12, org/repo#34, gh-5), or write to") {
		t.Errorf("the text does not read as written:\n%s", visible)
	}
}

// TestVersionNote: against an approved version, a change of meaning under the same
// version number is called out; a new version number, or no change, is not.
func TestVersionNote(t *testing.T) {
	approved := &plan.Approval{By: "Jane Smith", Version: "1.0"}
	for _, tc := range []struct {
		name, after string
		note        bool
	}{
		{"edited, same version", "version: '1.0'\nstakeholders:\n  - {id: a, name: A}\n", true},
		{"edited, new version", "version: '1.1'\nstakeholders:\n  - {id: a, name: A}\n", false},
		{"not edited", "version: '1.0'\n", false},
	} {
		d := Compare(parse(t, "version: '1.0'\n"), parse(t, tc.after), Options{})
		d.Old.Approval, d.Old.Commit = approved, "0123456789abcdef"
		text, md := writeBoth(t, d)
		const note = "The plan's meaning changed since version 1.0 was approved, but it still says version 1.0"
		if strings.Contains(text, note) != tc.note || strings.Contains(md, note) != tc.note {
			t.Errorf("%s: note shown %v, want %v:\n%s\n%s", tc.name, strings.Contains(text, note), tc.note, text, md)
		}
	}
}
