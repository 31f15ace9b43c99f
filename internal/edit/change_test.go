package edit

import (
	"errors"
	"strings"
	"testing"
)

func TestParsePath(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Path
		err  string
	}{
		{in: "title", want: Path{{Name: "title"}}},
		{in: "stakeholders.traders.influence", want: Path{{Name: "stakeholders"}, {Name: "traders"}, {Name: "influence"}}},
		{in: "policy.principles[2]", want: Path{{Name: "policy"}, {Name: "principles"}, {Index: 2, IsIndex: true}}},
		{in: "x_grid[0][1]", want: Path{{Name: "x_grid"}, {Index: 0, IsIndex: true}, {Index: 1, IsIndex: true}}},
		{in: "", err: "the path is empty"},
		{in: "a..b", err: "a step is empty"},
		{in: "a.", err: "a step is empty"},
		{in: "[0]", err: "an index follows the key of its list"},
		{in: "a.[0]", err: "an index follows the key of its list"},
		{in: "a[x]", err: "[x] is not an index"},
		{in: "a[01]", err: "[01] is not an index"},
		{in: "a[-1]", err: "[-1] is not an index"},
		{in: "a[1", err: "no closing ]"},
		{in: "a[1]b", err: "nothing may follow an index"},
		{in: "a b", err: `"a b" is not a key or an id`},
	} {
		got, err := ParsePath(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParsePath(%q) = %v, %v; want an error containing %q", tc.in, got, err, tc.err)
			}
			continue
		}
		if err != nil || got.String() != tc.want.String() || len(got) != len(tc.want) {
			t.Errorf("ParsePath(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

const refusalPlan = `schema_version: 1
title: T
x_base: &base
  summary: merged
<<: *base
stakeholders:
  - id: traders
    name: Traders
    influence: !!str low
    channels: &ch [Email]
  - id: residents
    name: Residents
    channels: *ch
policy:
  principles: [Inclusion]
`

// TestRefusals: what Set and Remove refuse, and how they say it.
func TestRefusals(t *testing.T) {
	for _, tc := range []struct {
		op, path, want string
	}{
		{"set", "stakeholders.tradrs.name", `stakeholders has no item with id "tradrs": did you mean "traders"?`},
		{"set", "stakeholders.traders.influense", `stakeholders.traders has no influense: did you mean "influence"?`},
		{"set", "stakeholders.traders.nonsense", `stakeholders.traders has no nonsense`},
		{"set", "stakeholders.traders.name.first", `stakeholders.traders.name is a single value, not a mapping, so it has no first`},
		{"set", "stakeholders.traders[0]", `stakeholders.traders is not a list, so it has no [0]`},
		{"set", "policy.principles.inclusion", `the entries of policy.principles have no ids: address one by its place, as policy.principles[0]`},
		{"set", "policy.principles[3]", `policy.principles has 1 entry: the only one is [0]`},
		{"set", "stakeholders.traders", `stakeholders.traders is a mapping: set changes one value; name one of its keys, as stakeholders.traders.id`},
		{"set", "stakeholders", `stakeholders is a list: set changes one value; name one of its entries by id, as stakeholders.traders`},
		{"set", "policy.principles", `policy.principles is a list: set changes one value; name one of its entries by its place, as policy.principles[0]`},
		{"set", "summary", `summary comes from the merge key (<<) at line 5`},
		{"set", "stakeholders.residents.channels[0]", `stakeholders.residents.channels is an alias (*ch, line 13)`},
		{"set", "stakeholders.residents.channels", `stakeholders.residents.channels is an alias (*ch, line 13), which shares its value with the anchor at line 10`},
		{"set", "stakeholders.traders.influence", `has a tag (!)`},
		{"set", "approvals[0].date", `: the plan has no approvals: a list is not added on the way to a value`},
		{"remove", "stakeholders.traders.notes", `stakeholders.traders has no notes: there is nothing to remove`},
		{"remove", "summary", `summary comes from the merge key (<<) at line 5`},
	} {
		p, err := ParsePath(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if tc.op == "set" {
			_, err = Set([]byte(refusalPlan), p, Value{Text: "x"}, nil)
		} else {
			_, err = Remove([]byte(refusalPlan), p, nil)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %s: %v; want an error containing %q", tc.op, tc.path, err, tc.want)
		}
	}
}

// TestRemoveRefusesTheWholePlan: the plan's last key cannot go, and what cannot be parsed is
// refused before anything is touched.
func TestRemoveRefusesTheWholePlan(t *testing.T) {
	p, _ := ParsePath("title")
	if _, err := Remove([]byte("title: T\n"), p, nil); err == nil {
		t.Error("removing the only key was not refused")
	}
	if _, err := Remove([]byte("title: [\n"), p, nil); err == nil {
		t.Error("an invalid document was not refused")
	}
	only, _ := ParsePath("x_l[0].only")
	if _, err := Remove([]byte("title: T\nx_l:\n  - only: 1\n"), only, nil); err == nil || !strings.Contains(err.Error(), "would be empty") {
		t.Errorf("removing an entry's only key: %v", err)
	}
}

// TestRemoveFirstKey: the key after the first key of an entry takes its place on the
// dash's line.
func TestRemoveFirstKey(t *testing.T) {
	src := "title: T\nx_l:\n  -   a: 1  # one\n      # about b\n      b: 2\n      c: 3\n"
	p, _ := ParsePath("x_l[0].a")
	out, err := Remove([]byte(src), p, nil)
	if want := "title: T\nx_l:\n  -   b: 2\n      c: 3\n"; err != nil || string(out) != want {
		t.Errorf("got %q, %v; want %q", out, err, want)
	}
}

// TestVerifyCatchesMisplacedSplice: a change whose splices do not match its intent is
// refused, never returned.
func TestVerifyCatchesMisplacedSplice(t *testing.T) {
	src := []byte("schema_version: 1\ntitle: T\nsummary: s\n")
	c, err := newChange(src)
	if err != nil {
		t.Fatal(err)
	}
	// The intent says nothing changed; the splice changes the summary.
	c.splices = append(c.splices, splice{at: len(src) - 2, del: 1, text: "x"})
	_, err = c.finish()
	var unsafe *UnsafeEditError
	if !errors.As(err, &unsafe) || !strings.Contains(unsafe.Reason, "line 3") {
		t.Fatalf("finish = %v, want a refusal naming line 3", err)
	}
}

// TestSetTyped: a value is written as what YAML reads it as only when asked.
func TestSetTyped(t *testing.T) {
	src := []byte("schema_version: 1\ntitle: T\nx_n: old\n")
	p, _ := ParsePath("x_n")
	for _, tc := range []struct {
		text  string
		typed bool
		want  string
	}{
		{"6", true, "x_n: 6\n"},
		{"6", false, `x_n: "6"` + "\n"},
		{"true", true, "x_n: true\n"},
		{"yes", true, `x_n: "yes"` + "\n"},
		{"2027-03-31", true, "x_n: 2027-03-31\n"},
		{"2027-03-31", false, `x_n: "2027-03-31"` + "\n"},
		{"null", true, `x_n: "null"` + "\n"},
		{"a # b", true, `x_n: 'a # b'` + "\n"},
	} {
		out, err := Set(src, p, Value{Text: tc.text, Typed: tc.typed}, nil)
		if err != nil {
			t.Errorf("Set %q: %v", tc.text, err)
			continue
		}
		if got := strings.TrimPrefix(string(out), "schema_version: 1\ntitle: T\n"); got != tc.want {
			t.Errorf("Set %q (typed %v) wrote %q, want %q", tc.text, tc.typed, got, tc.want)
		}
	}
}

// TestSetNested: a key of a nested mapping the entry lacks is written with that mapping,
// in block style under a block mapping and in flow style in a flow one.
func TestSetNested(t *testing.T) {
	for _, tc := range []struct{ src, path, want string }{
		{
			"schema_version: 1\ntitle: T\nstakeholders:\n  - id: a\n    name: A\n    channels: [x]\n",
			"stakeholders.a.engagement.current",
			"schema_version: 1\ntitle: T\nstakeholders:\n  - id: a\n    name: A\n    engagement:\n      current: neutral\n    channels: [x]\n",
		},
		{
			"schema_version: 1\ntitle: T\nstakeholders: [{id: a, name: A}]\n",
			"stakeholders.a.engagement.current",
			"schema_version: 1\ntitle: T\nstakeholders: [{id: a, name: A, engagement: {current: neutral}}]\n",
		},
		{
			"schema_version: 1\ntitle: T\n",
			"policy.response.moderation",
			"schema_version: 1\ntitle: T\npolicy:\n  response:\n    moderation: neutral\n",
		},
	} {
		p, _ := ParsePath(tc.path)
		out, err := Set([]byte(tc.src), p, Value{Text: "neutral"}, nil)
		if err != nil || string(out) != tc.want {
			t.Errorf("set %s:\n%s\n%v\nwant:\n%s", tc.path, out, err, tc.want)
		}
	}
	for _, path := range []string{"stakeholders.a.engagement.curent", "stakeholders.a.channels2[0]", "stakeholders.a.name.first"} {
		p, _ := ParsePath(path)
		if _, err := Set([]byte("schema_version: 1\ntitle: T\nstakeholders:\n  - id: a\n    name: A\n"), p, Value{Text: "x"}, nil); err == nil {
			t.Errorf("set %s was not refused", path)
		}
	}
}

func TestCompletions(t *testing.T) {
	src := []byte("schema_version: 1\ntitle: T\nstakeholders:\n  - id: traders\n    name: Traders\n    channels: [a, b]\n  - id: tenants\n    name: Tenants\npolicy:\n  principles: [x]\n")
	for _, tc := range []struct {
		partial string
		want    []string
	}{
		{"st", []string{"stakeholders.", "status"}},
		{"stakeholders.t", []string{"stakeholders.traders.", "stakeholders.tenants."}},
		{"stakeholders.traders.", []string{"stakeholders.traders.id", "stakeholders.traders.name", "stakeholders.traders.channels[",
			"stakeholders.traders.profile", "stakeholders.traders.interest", "stakeholders.traders.influence", "stakeholders.traders.impact",
			"stakeholders.traders.participation", "stakeholders.traders.engagement", "stakeholders.traders.vulnerable", "stakeholders.traders.category",
			"stakeholders.traders.partner", "stakeholders.traders.part_of", "stakeholders.traders.languages", "stakeholders.traders.support",
			"stakeholders.traders.contact", "stakeholders.traders.notes"}},
		{"stakeholders.traders.channels[", []string{"stakeholders.traders.channels[0]", "stakeholders.traders.channels[1]"}},
		{"policy.principles.", []string{"policy.principles[0]"}},
		{"nothing.", nil},
		{"[", nil},
	} {
		if got := Completions(src, tc.partial); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("Completions(%q) = %q, want %q", tc.partial, got, tc.want)
		}
	}
}

func TestNearID(t *testing.T) {
	ids := []string{"consultation", "close", "planning", "pilot-a", "pilot-b"}
	for _, tc := range []struct{ id, want string }{
		{"consult", "consultation"},
		{"plannng", "planning"},
		{"pilot", "pilot-a"}, // one edit away beats a prefix
		{"pil", ""},          // begins two
		{"co", ""},           // too short to guess from
		{"zzz", ""},
	} {
		if got := NearID(tc.id, ids); got != tc.want {
			t.Errorf("NearID(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
}

// TestRename changes the scalars at the positions given, each keeping its quoting and the
// comment after it, and nothing else.
func TestRename(t *testing.T) {
	src := "schema_version: 1\ndate: 2027-03-04\nengaged:\n  - stakeholder: union-reps  # the JCC side\nissues:\n  - text: Shifts\n    raised_by: ['union-reps', staff]\n"
	out, err := Rename([]byte(src), []At{{Line: 4, Column: 18}, {Line: 7, Column: 17}}, []string{"unions", "unions"})
	if err != nil {
		t.Fatal(err)
	}
	want := "schema_version: 1\ndate: 2027-03-04\nengaged:\n  - stakeholder: unions  # the JCC side\nissues:\n  - text: Shifts\n    raised_by: ['unions', staff]\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if _, err := Rename([]byte(src), []At{{Line: 4, Column: 5}}, []string{"x"}); err == nil {
		t.Error("a position with no value was renamed")
	}
}
