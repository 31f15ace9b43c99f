package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/rules"
)

func readExample(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestExamplesAreClean(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*.plan.yaml")
	if len(paths) == 0 {
		t.Fatal("no examples found")
	}
	var inputs []Input
	for _, p := range paths {
		inputs = append(inputs, Input{Name: p, Path: p})
	}
	res := New(nil).Run(inputs)
	if res.Files != len(paths) || len(res.ReadErrors) > 0 {
		t.Fatalf("files %d, read errors %v", res.Files, res.ReadErrors)
	}
	for _, f := range res.Findings {
		t.Errorf("example has a finding: %s", f)
	}
}

func TestBrokenFileIsAFindingAndOthersStillRun(t *testing.T) {
	good := readExample(t, "council-consultation.plan.yaml")
	res := New(nil).Run([]Input{
		{Name: "bad.plan.yaml", Data: []byte("schema_version: 1\ntitle: [oops\n")},
		{Name: "good.plan.yaml", Data: good},
		{Name: "schema.plan.yaml", Data: []byte("schema_version: 1\ntitle: a\nstakeholders: nope\n")},
	})
	if res.Files != 3 {
		t.Errorf("files %d", res.Files)
	}
	var rules []string
	for _, f := range res.Findings {
		rules = append(rules, f.File+":"+f.Rule)
	}
	want := []string{"bad.plan.yaml:yaml-syntax", "schema.plan.yaml:schema"}
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("got %v, want %v (no other rule may run on a file that fails to load)", rules, want)
	}
}

// TestFileThatDoesNotLoadIsNeverClean: no configuration and no ignore comment turns off,
// silences or lowers a yaml-syntax or schema finding of a file that does not load, since
// no other command can use it.
func TestFileThatDoesNotLoadIsNeverClean(t *testing.T) {
	broken := map[string]string{
		"yaml-syntax": "schema_version: 1\ntitle: a\ntitle: b\n",
		"schema":      "schema_version: 1\ntitle: a\nstakeholders: nope\n",
	}
	configs := map[string]string{
		"off":     "rules:\n  yaml-syntax: off\n  schema: off\n",
		"warning": "rules:\n  yaml-syntax: info\n  schema: warning\n",
		"none":    "",
	}
	ignores := map[string]string{
		"ignore-file":            "# plan:ignore-file yaml-syntax, schema\n",
		"ignore on the line":     "",
		"no ignore":              "",
		"ignore-file at the end": "",
	}
	for rule, body := range broken {
		for cname, rc := range configs {
			cfg, err := config.Parse(".planrc.yaml", []byte(rc))
			if err != nil {
				t.Fatal(err)
			}
			for iname, head := range ignores {
				src := head + body
				switch iname {
				case "ignore on the line":
					src = strings.Replace(body, "\n", " # plan:ignore yaml-syntax schema\n", -1)
				case "ignore-file at the end":
					src = body + "# plan:ignore-file " + rule + "\n"
				}
				fs := findingsFor(t, cfg, src)
				if len(fs) == 0 || fs[0].Rule != rule || fs[0].Severity != diag.Error {
					t.Errorf("%s, config %s, %s: got %v, want a %s error", rule, cname, iname, fs, rule)
				}
			}
		}
	}
	// The size limit fails a file before it is parsed; the same holds.
	cfg, err := config.Parse(".planrc.yaml", []byte("max_file_size: 10\nrules:\n  yaml-syntax: off\n"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "big.plan.yaml")
	if err := os.WriteFile(path, []byte("# plan:ignore-file yaml-syntax\nschema_version: 1\ntitle: a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := New(cfg).Run([]Input{{Name: "big.plan.yaml", Path: path}})
	if len(res.Findings) != 1 || res.Findings[0].Rule != "yaml-syntax" || res.Findings[0].Severity != diag.Error {
		t.Errorf("a file over the size limit: %v", res.Findings)
	}
}

func TestUnreadableFileIsAReadError(t *testing.T) {
	res := New(nil).Run([]Input{{Name: "missing.plan.yaml", Path: filepath.Join(t.TempDir(), "missing.plan.yaml")}})
	if len(res.ReadErrors) != 1 || res.Files != 0 {
		t.Fatalf("read errors %v, files %d", res.ReadErrors, res.Files)
	}
}

const gappy = `schema_version: 1
title: Gaps
# plan:ignore-file budget-missing -- funded from the operating budget
stakeholders:
  - id: residents # plan:ignore stakeholder-unreachable -- reached through the council newsletter
    name: Residents
  # plan:ignore stakeholder-incomplete, vulnerable-support -- profile to come
  - id: traders
    name: Traders
    influence: low
  - id: cyclists
    name: Cyclists
`

func findingsFor(t *testing.T, cfg *config.Config, src string) []diag.Finding {
	t.Helper()
	return New(cfg).CheckBytes("g.plan.yaml", []byte(src))
}

func has(fs []diag.Finding, rule string, line int) bool {
	for _, f := range fs {
		if f.Rule == rule && f.Line == line {
			return true
		}
	}
	return false
}

func TestInlineIgnores(t *testing.T) {
	fs := findingsFor(t, nil, gappy)
	if has(fs, "stakeholder-unreachable", 5) {
		t.Error("inline ignore on the item's line did not silence stakeholder-unreachable")
	}
	if !has(fs, "stakeholder-incomplete", 5) {
		t.Error("an ignore for another rule silenced stakeholder-incomplete on residents")
	}
	if has(fs, "stakeholder-incomplete", 8) {
		t.Error("ignore on the line above did not silence stakeholder-incomplete on traders")
	}
	if !has(fs, "stakeholder-incomplete", 11) || !has(fs, "stakeholder-unreachable", 11) {
		t.Error("ignores leaked onto cyclists")
	}
	for _, f := range fs {
		if f.Rule == "budget-missing" {
			t.Errorf("ignore-file did not silence budget-missing: %s", f)
		}
	}
	var unused []string
	for _, f := range fs {
		if f.Rule == "unused-ignore" {
			unused = append(unused, fmt.Sprintf("%d:%d %s", f.Line, f.Col, f.Message))
		}
	}
	// budget-missing never fires with three stakeholders, and traders' single channel
	// rule does not apply to a stakeholder who is not vulnerable.
	want := []string{
		"3:1 plan:ignore budget-missing silences nothing here: remove it",
		"7:3 plan:ignore vulnerable-support silences nothing here: remove it",
	}
	if !reflect.DeepEqual(unused, want) {
		t.Errorf("unused-ignore findings:\n got %q\nwant %q", unused, want)
	}
}

// TestSilencedKeepsReasons: what an ignore silences is kept apart with the comment's own
// reason, for the report's appendix, and a comment without one gives "".
func TestSilencedKeepsReasons(t *testing.T) {
	src := gappy + "  - id: walkers # plan:ignore stakeholder-unreachable\n    name: Walkers\n    influence: low\n    impact: low\n"
	p, err := plan.Parse("g.plan.yaml", []byte(src), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := New(nil).Check(p)
	var got []string
	for _, s := range res.Silenced {
		got = append(got, fmt.Sprintf("%d %s (comment at %d, file %v): %q", s.Finding.Line, s.Finding.Rule, s.Line, s.WholeFile, s.Reason)+" "+s.Finding.Message)
	}
	want := []string{
		`1 budget-missing (comment at 3, file true): "funded from the operating budget" the plan has 4 stakeholder groups but no budget: add budget.items with what engaging them will cost`,
		`5 stakeholder-unreachable (comment at 5, file false): "reached through the council newsletter" stakeholder "residents" has no channels: add at least one way to reach them under channels`,
		`8 stakeholder-incomplete (comment at 7, file false): "profile to come" stakeholder "traders" has no interest: describe their issues and needs and what they gain by taking part`,
		`8 stakeholder-incomplete (comment at 7, file false): "profile to come" stakeholder "traders" has no profile: describe their social, technical, economic and political context`,
		`13 stakeholder-unreachable (comment at 13, file false): "" stakeholder "walkers" has no channels: add at least one way to reach them under channels`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("silenced:\n got %q\nwant %q", got, want)
	}
	for _, f := range res.Findings {
		for _, s := range res.Silenced {
			if f == s.Finding {
				t.Errorf("%s is both kept and silenced", f)
			}
		}
	}
	if fs := New(nil).CheckPlan(p); !reflect.DeepEqual(fs, res.Findings) {
		t.Errorf("CheckPlan and Check disagree:\n%v\n%v", fs, res.Findings)
	}
}

func TestIgnoreUnknownRuleIsReported(t *testing.T) {
	fs := findingsFor(t, nil, "schema_version: 1\ntitle: a # plan:ignore no-such-rule\n")
	if !has(fs, "unused-ignore", 2) || !strings.Contains(fs[len(fs)-1].Message+fmt.Sprint(fs), "not a rule") {
		t.Errorf("unknown rule in ignore not reported: %v", fs)
	}
}

func TestIgnoreCoversSubtree(t *testing.T) {
	src := "schema_version: 1\ntitle: a\n# plan:ignore stakeholder-unreachable\nstakeholders:\n  - id: a\n    name: A\n  - id: b\n    name: B\n"
	// Without the comment the rule fires for both items, so its absence below is the
	// comment's doing.
	if without := findingsFor(t, nil, strings.Replace(src, "# plan:ignore stakeholder-unreachable\n", "\n", 1)); !has(without, "stakeholder-unreachable", 5) || !has(without, "stakeholder-unreachable", 7) {
		t.Fatalf("stakeholder-unreachable does not fire without the ignore: %v", without)
	}
	for _, f := range findingsFor(t, nil, src) {
		if f.Rule == "stakeholder-unreachable" {
			t.Errorf("ignore above stakeholders: did not cover its items: %s", f)
		}
	}
}

func TestConfigSeverityAndOff(t *testing.T) {
	cfg, err := config.Parse(".planrc.yaml", []byte("rules:\n  stakeholder-incomplete: error\n  stakeholder-unreachable: off\n"))
	if err != nil {
		t.Fatal(err)
	}
	fs := findingsFor(t, cfg, gappy)
	incomplete := 0
	for _, f := range fs {
		if f.Rule == "stakeholder-unreachable" {
			t.Errorf("rule turned off still reported: %s", f)
		}
		if f.Rule == "stakeholder-incomplete" {
			incomplete++
			if f.Severity != diag.Error {
				t.Errorf("severity override not applied: %s", f)
			}
		}
	}
	if incomplete == 0 {
		t.Error("no stakeholder-incomplete finding to see the override on")
	}
	if !has(findingsFor(t, nil, gappy), "stakeholder-unreachable", 11) {
		t.Error("stakeholder-unreachable does not fire without the config, so turning it off shows nothing")
	}
}

func TestDeterministicAcrossJobs(t *testing.T) {
	var inputs []Input
	for i := 0; i < 40; i++ {
		src := gappy
		if i%3 == 0 {
			src = string(readExample(t, "school-software-rollout.plan.yaml"))
		}
		inputs = append(inputs, Input{Name: fmt.Sprintf("p%02d.plan.yaml", i), Data: []byte(src)})
	}
	var first []diag.Finding
	for i, jobs := range []int{1, 2, 8} {
		l := New(nil)
		l.Jobs = jobs
		got := l.Run(inputs).Findings
		if i == 0 {
			if len(got) == 0 {
				t.Fatal("the inputs have no findings: nothing to compare")
			}
			first = got
			continue
		}
		if !reflect.DeepEqual(first, got) {
			t.Fatalf("findings differ with -j %d", jobs)
		}
	}
}

func TestFindingPointerAndEnd(t *testing.T) {
	fs := findingsFor(t, nil, "schema_version: 1\ntitle: a\nactivities:\n  - id: a\n    name: A\n    audience: [nobody]\n")
	for _, f := range fs {
		if f.Rule == "unknown-reference" {
			if f.Pointer != "/activities/0/audience/0" || f.Line != 6 || f.Col != 16 || f.EndLine != 6 || f.EndCol != 22 {
				t.Errorf("unknown-reference at %d:%d-%d:%d pointer %q", f.Line, f.Col, f.EndLine, f.EndCol, f.Pointer)
			}
			return
		}
	}
	t.Fatal("unknown-reference did not fire")
}

// TestAliasItemsPointAtTheAlias: a list item written as an alias starts where the alias
// is, not at the anchor it names, and each use of one anchor is an item of its own.
func TestAliasItemsPointAtTheAlias(t *testing.T) {
	fs := findingsFor(t, nil, `schema_version: 1
title: Alias items
x_defs:
  risk: &rk
    id: r2
    description: d
risks:
  - id: r1
    description: first
    mitigation: m
  - *rk
  - *rk
`)
	want := []place{
		{"risk-unmitigated", 11, 5, "/risks/1"},
		{"duplicate-id", 12, 5, "/risks/2"},
		{"risk-unmitigated", 12, 5, "/risks/2"},
	}
	if got := placesOf(fs, "risk-unmitigated", "duplicate-id"); !slices.Equal(got, want) {
		t.Errorf("findings about the aliased risks:\n got %v\nwant %v", got, want)
	}
}

// place is where a finding of a rule points.
type place struct {
	rule      string
	line, col int
	pointer   string
}

// placesOf lists where the findings of the given rules point, in the findings' order.
func placesOf(fs []diag.Finding, rules ...string) []place {
	var out []place
	for _, f := range fs {
		if slices.Contains(rules, f.Rule) {
			out = append(out, place{f.Rule, f.Line, f.Col, f.Pointer})
		}
	}
	return out
}

// TestAliasedValuesPointAtTheAlias: a value reached through an alias belongs to the key
// that holds the alias, for its position, its pointer and the ignore comment on its line;
// and an anchored or tagged item starts at its first key.
func TestAliasedValuesPointAtTheAlias(t *testing.T) {
	fs := findingsFor(t, nil, `schema_version: 1
title: Aliased values
stakeholders:
  - {id: res, name: R, channels: [web]}
activities:
  - {id: a1, name: A, audience: &aud [res, ghost]}
  - {id: a2, name: B, audience: *aud}
  - {id: a3, name: C, audience: *aud} # plan:ignore unknown-reference
roles:
  sro: &p {name: "[Name]"}
  project_manager: *p
  engagement_lead: {name: E}
  subject_matter_expert: {name: S}
  content_editor: {name: C}
  technical_support: {name: T}
risks:
  - &r
    id: r1
    description: d
  - !!map
    id: r2
    description: d
`)
	want := []place{
		{"unknown-reference", 6, 44, "/activities/0/audience/1"},
		{"unknown-reference", 7, 33, "/activities/1/audience/1"},
		{"role-unassigned", 10, 18, "/roles/sro/name"},
		{"role-unassigned", 11, 20, "/roles/project_manager/name"},
		{"risk-unmitigated", 18, 5, "/risks/0"},
		{"risk-unmitigated", 21, 5, "/risks/1"},
	}
	if got := placesOf(fs, "unknown-reference", "role-unassigned", "risk-unmitigated", "unused-ignore"); !slices.Equal(got, want) {
		t.Errorf("findings about aliased values and anchored items:\n got %v\nwant %v", got, want)
	}
}

// TestIgnoreEdgeCases holds plan:ignore to being a comment about the node on its line.
func TestIgnoreEdgeCases(t *testing.T) {
	type at struct {
		rule string
		line int
	}
	for _, tc := range []struct {
		name string
		src  string
		// want are the findings of these rules that must remain; gone those that must not.
		want, gone []at
	}{
		{
			name: "text in a folded string is not a comment",
			src:  "schema_version: 1\ntitle: >\n  x\n  # plan:ignore placeholder\nsummary: TODO\n",
			want: []at{{"placeholder", 5}},
		},
		{
			name: "text in a literal string is not a comment, ignore-file included",
			src:  "schema_version: 1\ntitle: T\nsummary: |\n  # plan:ignore-file placeholder\n  TODO\n",
			want: []at{{"placeholder", 3}},
		},
		{
			name: "a comment after a block string, less indented, is one",
			src:  "schema_version: 1\ntitle: >\n  x\n# plan:ignore placeholder\nsummary: TODO\n",
			gone: []at{{"placeholder", 5}, {"unused-ignore", 4}},
		},
		{
			name: "text in a quoted string over three lines is not a comment",
			src:  "schema_version: 1\ntitle: \"a\n  # plan:ignore placeholder\n  b\"\nsummary: TODO\n",
			want: []at{{"placeholder", 5}},
		},
		{
			name: "a # inside a word is text",
			src:  "schema_version: 1\ntitle: T\nsummary: TODO#plan:ignore placeholder\n",
			want: []at{{"placeholder", 3}},
		},
		{
			name: "after a quoted string over two lines, the comment covers its key",
			src:  "schema_version: 1\ntitle: T\nmandate:\n  statement: \"first\n    TODO second\" # plan:ignore placeholder\n  participation: TODO\n",
			want: []at{{"placeholder", 6}},
			gone: []at{{"placeholder", 4}, {"unused-ignore", 5}},
		},
		{
			name: "an ignore on line 1 does not cover what the plan lacks",
			src:  "schema_version: 1 # plan:ignore decisions-missing,risks-missing\ntitle: Good\n",
			want: []at{{"decisions-missing", 1}, {"risks-missing", 1}, {"unused-ignore", 1}},
		},
		{
			name: "ignore-file does",
			src:  "# plan:ignore-file decisions-missing\nschema_version: 1\ntitle: Good\n",
			gone: []at{{"decisions-missing", 1}, {"unused-ignore", 1}},
		},
		{
			name: "a file that breaks the schema gets no unused-ignore",
			src:  "schema_version: 1\ntitle: TODO # plan:ignore placeholder\nbogus: 1\n",
			want: []at{{"schema", 3}},
			gone: []at{{"unused-ignore", 2}},
		},
		{
			name: "an ignore-file on line 1 after a byte-order mark",
			src:  "\xef\xbb\xbf# plan:ignore-file placeholder -- x\nschema_version: 1\ntitle: TODO x\n",
			gone: []at{{"placeholder", 3}, {"unused-ignore", 1}},
		},
		{
			name: "a file whose lines end in CR alone",
			src:  "schema_version: 1\rtitle: T\rsummary: TODO # plan:ignore placeholder\r",
			gone: []at{{"placeholder", 3}, {"unused-ignore", 3}},
		},
		{
			name: "a syntax finding is not silenced by an ignore on its line: the file does not load",
			src:  "schema_version: 1\ntitle: T\ntitle: U # plan:ignore yaml-syntax -- dup\n",
			want: []at{{"yaml-syntax", 3}},
		},
		{
			name: "text in a one-line quoted string is not a comment",
			src:  "schema_version: 1\ntitle: T\nsummary: \"TODO # plan:ignore placeholder -- in a string\"\n",
			want: []at{{"placeholder", 3}},
		},
		{
			name: "a block scalar's indentation indicator decides its content",
			src:  "schema_version: 1\ntitle: T\nmandate:\n  statement: |2\n        indented first\n    # plan:ignore placeholder -- text\n  participation: TODO\n",
			want: []at{{"placeholder", 7}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := findingsFor(t, nil, tc.src)
			for _, w := range tc.want {
				if !has(fs, w.rule, w.line) {
					t.Errorf("no %s at line %d in %v", w.rule, w.line, fs)
				}
			}
			for _, g := range tc.gone {
				if has(fs, g.rule, g.line) {
					t.Errorf("%s at line %d should not be reported: %v", g.rule, g.line, fs)
				}
			}
		})
	}
}

// TestFindingEnds: a value's end is measured on its line as written, and equals its start
// when the value runs on to another line.
func TestFindingEnds(t *testing.T) {
	for _, tc := range []struct {
		name, src               string
		line, col, endL, endCol int
	}{
		{"plain", "schema_version: 1\ntitle: T\nsummary: TODO soon\n", 3, 10, 3, 19},
		{"escapes in double quotes", "schema_version: 1\ntitle: T\nsummary: \"\\u0054ODO \\x41\\x42 done\"\n", 3, 10, 3, 35},
		{"doubled single quote", "schema_version: 1\ntitle: T\nsummary: 'TODO it''s'\n", 3, 10, 3, 22},
		{"quoted over two lines", "schema_version: 1\ntitle: T\nsummary: \"TODO one\n  two\"\n", 3, 10, 3, 10},
		{"plain over two lines", "schema_version: 1\ntitle: T\nsummary: TODO one\n  two\n", 3, 10, 3, 10},
		{"after a byte-order mark", "\xef\xbb\xbfschema_version: 1\ntitle: TODO\n", 2, 8, 2, 12},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range findingsFor(t, nil, tc.src) {
				if f.Rule != "placeholder" {
					continue
				}
				if f.Line != tc.line || f.Col != tc.col || f.EndLine != tc.endL || f.EndCol != tc.endCol {
					t.Errorf("placeholder at %d:%d-%d:%d, want %d:%d-%d:%d", f.Line, f.Col, f.EndLine, f.EndCol, tc.line, tc.col, tc.endL, tc.endCol)
				}
				return
			}
			t.Fatal("no placeholder finding")
		})
	}
}

// TestRuleThatPanics: a rule's panic in a worker is that file's crash, reported to the
// caller, and every other file is still checked.
func TestRuleThatPanics(t *testing.T) {
	l := New(nil)
	l.Jobs = 2
	l.Rules = append(l.Rules, rules.Rule{ID: "boom", Severity: diag.Error, Check: func(p *plan.Plan, _ rules.Settings) []rules.Result {
		if p.Title == "crash" {
			panic("a bug")
		}
		return nil
	}})
	res := l.Run([]Input{
		{Name: "a.plan.yaml", Data: []byte("schema_version: 1\ntitle: fine\n")},
		{Name: "b.plan.yaml", Data: []byte("schema_version: 1\ntitle: crash\n")},
		{Name: "c.plan.yaml", Data: []byte("schema_version: 1\ntitle: fine too\n")},
	})
	if len(res.Crashes) != 1 || res.Crashes[0].Error() != "checking b.plan.yaml: a bug" {
		t.Errorf("crashes = %v", res.Crashes)
	}
	if res.Files != 2 {
		t.Errorf("%d files checked, want the other two", res.Files)
	}
}

// TestFindingEndsPastProperties: an anchor or tag is not part of the value's width, and
// lines count as YAML counts them.
func TestFindingEndsPastProperties(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		endCol    int
	}{
		{"anchor", "schema_version: 1\ntitle: T\nsummary: &a TODO\n", 17},
		{"tag", "schema_version: 1\ntitle: T\nsummary: !!str TODO\n", 20},
		{"after a CR-only line", "schema_version: 1\rtitle: T\rsummary: TODO x\r", 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range findingsFor(t, nil, tc.src) {
				if f.Rule == "placeholder" {
					if f.EndCol != tc.endCol {
						t.Errorf("placeholder ends at column %d, want %d", f.EndCol, tc.endCol)
					}
					return
				}
			}
			t.Fatal("no placeholder finding")
		})
	}
}
