package additemcmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/filelock"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/schema"
)

const samplePlan = `# yaml-language-server: $schema=plan.schema.json
schema_version: 1
title: Main Street redesign  # working title

# Who is affected.
stakeholders:
  - id: residents  # everyone on Main Street
    name: Residents
    influence: medium

# Who does the work.
roles:
  engagement_lead:
    name: Sam Lee
`

type run struct {
	env *cli.Env
	out *bytes.Buffer
	err *bytes.Buffer
}

func newRun(dir string) run {
	ios, _, out, errOut := iostreams.Test()
	env := &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(string) string { return "" }}
	return run{env: env, out: out, err: errOut}
}

// exec runs the command for kind k with args in r's environment, as plan does.
func (r run) exec(k *edit.Kind, args ...string) error {
	cmd := NewCmd(r.env, k, nil)
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	return cmd.Execute()
}

func writePlan(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o640); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFlags(t *testing.T) {
	var got *Options
	cmd := NewCmd(&cli.Env{}, edit.Stakeholders, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"plans/x.plan.yaml", "--name", "Parents & carers ", "--id", "parents",
		"--profile", "p ", "--interest", "i", "--influence", "high", "--impact", "low",
		"--participation", "involve", "--current", "neutral", "--desired", "leading",
		"--channel", "Email, phone", "--channel", "SMS", "--contact", "c", "--vulnerable",
		"--category", "project-affected", "--partner", "--part-of", "residents",
		"--language", "English, simplified", "--language", "Pijin",
		"--support", "interpreters", "--support", "transport",
		"--notes", "n", "--dry-run"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"name": "Parents & carers", "id": "parents", "profile": "p ",
		"interest": "i", "influence": "high", "impact": "low", "participation": "involve",
		"engagement.current": "neutral", "engagement.desired": "leading",
		"channels": []string{"Email, phone", "SMS"}, "contact": "c", "vulnerable": true,
		"category": "project-affected", "partner": true, "part_of": "residents",
		"languages": []string{"English, simplified", "Pijin"}, "support": []string{"interpreters", "transport"},
		"notes": "n"}
	if got.File != "plans/x.plan.yaml" || !got.DryRun || !reflect.DeepEqual(got.Values, want) {
		t.Errorf("options %+v\nwant values %v", *got, want)
	}

	got = nil
	cmd = NewCmd(&cli.Env{}, edit.Phases, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--kind", "close", "--weeks", "2", "--round", "0"})
	if err := cmd.Execute(); err != nil || got.File != "" || !reflect.DeepEqual(got.Values, map[string]any{"kind": "close", "weeks": 2, "round": 0}) {
		t.Errorf("without FILE: %v, File %q, values %v", err, got.File, got.Values)
	}

	cmd = NewCmd(&cli.Env{}, edit.Stakeholders, func(*Options) error { t.Error("ran without --name"); return nil })
	cmd.SetArgs([]string{"x.plan.yaml"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), `"name"`) {
		t.Errorf("without --name: %v", err)
	}
}

// TestEveryKind checks that every kind has a command, help, an example that parses,
// and flags that do not clash with one another.
func TestEveryKind(t *testing.T) {
	cmds := NewCmds(&cli.Env{})
	if len(cmds) != len(edit.Kinds) {
		t.Fatalf("%d commands for %d kinds", len(cmds), len(edit.Kinds))
	}
	for i, k := range edit.Kinds {
		cmd := cmds[i]
		if cmd.Name() != CommandName(k) || cmd.Short == "" || cmd.Example == "" {
			t.Errorf("%s: name %q, short %q", k.Noun, cmd.Name(), cmd.Short)
		}
		for _, line := range strings.Split(strings.ReplaceAll(cmd.Example, "\\\n", ""), "\n") {
			fields := strings.Fields(line)
			if len(fields) < 2 || fields[0] != "plan" || fields[1] != cmd.Name() {
				t.Errorf("%s: example %q", k.Noun, line)
				continue
			}
			if err := cmd.ParseFlags(shellWords(t, strings.Join(fields[2:], " "))); err != nil {
				t.Errorf("%s: example %q: %v", k.Noun, line, err)
			}
		}
	}
}

// shellWords splits an example's arguments as a shell would, for the double quotes the
// examples use.
func shellWords(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	for len(s) > 0 {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			break
		}
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				t.Fatalf("unclosed quote in %q", s)
			}
			out = append(out, s[1:end+1])
			s = s[end+2:]
			continue
		}
		word, rest, _ := strings.Cut(s, " ")
		out = append(out, word)
		s = rest
	}
	return out
}

func TestCompletion(t *testing.T) {
	cmd := NewCmd(&cli.Env{}, edit.Stakeholders, nil)
	for flag, want := range map[string]string{
		"influence":     "low medium high",
		"impact":        "low medium high",
		"participation": "inform consult involve collaborate empower",
		"current":       "unaware resistant neutral supportive leading",
		"desired":       "unaware resistant neutral supportive leading",
		"support":       "interpreters translation accessible_formats sign_language transport childcare devices connectivity venue_access other",
	} {
		f, ok := cmd.GetFlagCompletionFunc(flag)
		if !ok {
			t.Errorf("--%s has no completion", flag)
			continue
		}
		got, _ := f(cmd, nil, "")
		if strings.Join(got, " ") != want {
			t.Errorf("--%s completes %q, want %q", flag, got, want)
		}
	}
}

// TestCompleteReferences: a flag that names another entry completes the ids of the plan
// named on the command line, else of the only plan in the directory.
func TestCompleteReferences(t *testing.T) {
	dir := t.TempDir()
	writePlan(t, dir, "p.plan.yaml", samplePlan+"timeline:\n  phases:\n    - {id: launch, kind: launch, days: 1}\n    - {id: close, kind: close, days: 1}\n")
	r := newRun(dir)
	for _, tc := range []struct {
		kind *edit.Kind
		flag string
		args []string
		want string
	}{
		{edit.Activities, "phase", nil, "launch close"},
		{edit.Activities, "audience", []string{"p.plan.yaml"}, "residents"},
		{edit.Stakeholders, "part-of", nil, "residents"},
		{edit.Measures, "objective", nil, ""},
		{edit.Activities, "phase", []string{"missing.plan.yaml"}, ""},
	} {
		cmd := NewCmd(r.env, tc.kind, nil)
		f, ok := cmd.GetFlagCompletionFunc(tc.flag)
		if !ok {
			t.Errorf("--%s has no completion", tc.flag)
			continue
		}
		got, _ := f(cmd, tc.args, "")
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s --%s %v completes %q, want %q", cmd.Name(), tc.flag, tc.args, got, tc.want)
		}
	}
}

func TestAdd(t *testing.T) {
	dir := t.TempDir()
	path := writePlan(t, dir, "engagement.plan.yaml", samplePlan)
	r := newRun(dir)
	err := r.exec(edit.Stakeholders, "engagement.plan.yaml", "--name", "Parents & carers",
		"--influence", "medium", "--channel", "School newsletter")
	if err != nil {
		t.Fatalf("Run: %v\nstderr: %s", err, r.err)
	}
	if first, _, _ := strings.Cut(r.out.String(), "\n"); first != `Added stakeholder "parents-carers" (Parents & carers) to engagement.plan.yaml` {
		t.Errorf("first line %q", first)
	}
	data, _ := os.ReadFile(path)
	want := strings.Replace(samplePlan, "    influence: medium\n", `    influence: medium
  - id: parents-carers
    name: Parents & carers
    influence: medium
    channels:
      - School newsletter
`, 1)
	if string(data) != want {
		t.Errorf("file:\n%s\nwant:\n%s", data, want)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("mode changed to %v", info.Mode().Perm())
	}
	if _, ok := rules.ByID("stakeholder-not-engaged"); ok {
		if !strings.Contains(r.out.String(), "\nNext steps:\nengagement.plan.yaml:10:5: warning: stakeholder \"parents-carers\"") ||
			!strings.Contains(r.out.String(), "[stakeholder-not-engaged]") {
			t.Errorf("next steps missing:\n%s", r.out)
		}
		if strings.Contains(r.out.String(), `"residents"`) {
			t.Errorf("next steps mention another stakeholder:\n%s", r.out)
		}
	}
}

func TestConcerning(t *testing.T) {
	fs := []diag.Finding{
		{Pointer: "/stakeholders/1", Message: "on the entry"},
		{Pointer: "/stakeholders/1/channels/0", Message: "inside the entry"},
		{Pointer: "/stakeholders/10", Message: "another entry"},
		{Pointer: "/stakeholders/0", Message: "the first"},
		{Pointer: "/activities/0", Message: `activity names "parents-carers"`},
		{Pointer: "/activities/1", Message: `activity names "parents-carers-2"`},
		{Pointer: "", Message: "the whole file"},
	}
	var got []string
	for _, f := range Concerning(fs, []string{"stakeholders"}, 1, "parents-carers") {
		got = append(got, f.Message)
	}
	if want := "on the entry|inside the entry|activity names \"parents-carers\""; strings.Join(got, "|") != want {
		t.Errorf("got %q", got)
	}
}

func TestRefusals(t *testing.T) {
	for _, tc := range []struct {
		name    string
		content string
		args    []string
		want    string
		stderr  string
	}{
		{"duplicate id", samplePlan, []string{"--name", "Residents"}, `already has a stakeholder with id "residents" (line 7): choose another id with --id`, ""},
		{"duplicate explicit id", samplePlan, []string{"--name", "Locals", "--id", "residents"}, `id "residents"`, ""},
		{"bad influence", samplePlan, []string{"--name", "X", "--influence", "huge"}, `invalid --influence "huge": want low, medium, high`, ""},
		{"bad impact", samplePlan, []string{"--name", "X", "--impact", "High"}, `invalid --impact "High": want low, medium, high`, ""},
		{"bad participation", samplePlan, []string{"--name", "X", "--participation", "tell"}, "want inform, consult, involve, collaborate, empower", ""},
		{"bad current", samplePlan, []string{"--name", "X", "--current", "hostile"}, "want unaware, resistant, neutral, supportive, leading", ""},
		{"bad desired", samplePlan, []string{"--name", "X", "--desired", "x"}, "invalid --desired", ""},
		{"bad id", samplePlan, []string{"--name", "X", "--id", "Bad Id"}, `invalid --id "Bad Id"`, ""},
		{"no slug", samplePlan, []string{"--name", "&&&"}, "give one with --id", ""},
		{"blank name", samplePlan, []string{"--name", "  "}, "--name must not be empty", ""},
		{"two-line name", samplePlan, []string{"--name", "a\nb"}, "--name must be a single line", ""},
		{"empty channel", samplePlan, []string{"--name", "X", "--channel", " "}, "--channel must not be empty", ""},
		{"name not UTF-8", samplePlan, []string{"--name", "a\xffb"}, "--name is not valid UTF-8", ""},
		{"notes not UTF-8", samplePlan, []string{"--name", "X", "--notes", "a\xffb"}, "--notes is not valid UTF-8", ""},
		{"channel with a line separator", samplePlan, []string{"--name", "X", "--channel", "a\u2028b"}, "--channel must be a single line", ""},
		{"bad support", samplePlan, []string{"--name", "X", "--support", "interpreter"}, `invalid --support "interpreter": want interpreters, translation,`, ""},
		{"support twice", samplePlan, []string{"--name", "X", "--support", "transport", "--support", "childcare", "--support", "transport"}, `--support "transport" is given twice`, ""},
		{"empty language", samplePlan, []string{"--name", "X", "--language", "English", "--language", ""}, "--language must not be empty", ""},
		{"two-line language", samplePlan, []string{"--name", "X", "--language", "English\nPijin"}, "--language must be a single line", ""},
		{"language not UTF-8", samplePlan, []string{"--name", "X", "--language", "a\xffb"}, "--language is not valid UTF-8", ""},
		{"bad category", samplePlan, []string{"--name", "X", "--category", "Project affected"}, `invalid --category "Project affected"`, ""},
		{"bad part-of", samplePlan, []string{"--name", "X", "--part-of", "Residents"}, `invalid --part-of "Residents"`, ""},
		{"part-of itself", samplePlan, []string{"--name", "X", "--id", "x", "--part-of", "x"}, `--part-of "x" is the new stakeholder's own id`, ""},
		{"part-of misspelt", samplePlan, []string{"--name", "X", "--part-of", "resident"}, `p.plan.yaml has no stakeholder "resident" for --part-of: did you mean "residents"?`, ""},
		{"part-of unknown", samplePlan, []string{"--name", "X", "--part-of", "traders"}, `p.plan.yaml has no stakeholder "traders" for --part-of: give the id of one in its stakeholders, or add it first with plan add-stakeholder`, ""},
		{"part-of in an empty register", "schema_version: 1\ntitle: T\n", []string{"--name", "X", "--part-of", "residents"}, `has no stakeholder "residents" for --part-of: give the id`, ""},
		{"schema error", "schema_version: 2\ntitle: T\n", []string{"--name", "X"}, "is not a valid plan, so it was not edited", "p.plan.yaml:1:"},
		{"yaml error", "schema_version: 1\ntitle: [\n", []string{"--name", "X"}, "is not a valid plan", "[yaml-syntax]"},
		{"not a plan", "- a\n- b\n", []string{"--name", "X"}, "is not a valid plan", "[schema]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := writePlan(t, dir, "p.plan.yaml", tc.content)
			r := newRun(dir)
			err := r.exec(edit.Stakeholders, append([]string{"p.plan.yaml"}, tc.args...)...)
			if cli.Code(err) != cli.ExitBadInput || !strings.Contains(fmt.Sprint(err), tc.want) {
				t.Errorf("err = %v (exit %d), want exit 2 with %q", err, cli.Code(err), tc.want)
			}
			if !strings.Contains(r.err.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", r.err, tc.stderr)
			}
			if data, _ := os.ReadFile(path); string(data) != tc.content {
				t.Errorf("the file changed:\n%s", data)
			}
			if r.out.Len() > 0 {
				t.Errorf("stdout: %q", r.out)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("the directory holds %d entries, want only the plan", len(entries))
			}
		})
	}
}

// TestAddNewFields checks the flags of the format's later stakeholder fields end up in
// the entry, in the format's order, and that plan check reads them back.
func TestAddNewFields(t *testing.T) {
	dir := t.TempDir()
	path := writePlan(t, dir, "engagement.plan.yaml", samplePlan)
	r := newRun(dir)
	err := r.exec(edit.Stakeholders, "engagement.plan.yaml", "--name", "Residents with disabilities", "--vulnerable", "--category", "project-affected", "--part-of", "residents", "--language", "English", "--language", "te reo Māori", "--support", "accessible_formats", "--support", "venue_access", "--contact", "access@example.org")
	if err != nil {
		t.Fatalf("Run: %v\nstderr: %s", err, r.err)
	}
	data, _ := os.ReadFile(path)
	want := strings.Replace(samplePlan, "    influence: medium\n", `    influence: medium
  - id: residents-with-disabilities
    name: Residents with disabilities
    vulnerable: true
    category: project-affected
    part_of: residents
    languages:
      - English
      - te reo Māori
    support:
      - accessible_formats
      - venue_access
    contact: access@example.org
`, 1)
	if string(data) != want {
		t.Errorf("file:\n%s\nwant:\n%s", data, want)
	}
	p, err := plan.Parse("engagement.plan.yaml", data, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := p.Stakeholders[1]
	if got.Category != "project-affected" || got.PartOf.ID != "residents" || got.Partner ||
		strings.Join(got.Languages, "|") != "English|te reo Māori" || strings.Join(got.Support, "|") != "accessible_formats|venue_access" {
		t.Errorf("read back as %+v", got)
	}

	r = newRun(dir)
	if err := r.exec(edit.Stakeholders, "engagement.plan.yaml", "--name", "Steering committee", "--partner"); err != nil {
		t.Fatalf("Run: %v\nstderr: %s", err, r.err)
	}
	data, _ = os.ReadFile(path)
	if !strings.Contains(string(data), "      - venue_access\n    contact: access@example.org\n  - id: steering-committee\n    name: Steering committee\n    partner: true\n\n# Who does the work.") {
		t.Errorf("partner entry:\n%s", data)
	}
	// A partner is engaged through governance: no next step asks for an audience.
	if strings.Contains(r.out.String(), "[stakeholder-not-engaged]") {
		t.Errorf("a partner is asked to be engaged:\n%s", r.out)
	}
}

// TestSupportKindsMatchSchema checks that --support accepts what the schema does.
func TestSupportKindsMatchSchema(t *testing.T) {
	var s struct {
		Defs struct {
			Support struct {
				Enum []string `json:"enum"`
			} `json:"support"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schema.Plan, &s); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Defs.Support.Enum, plan.SupportKinds) {
		t.Errorf("schema's support values %q, plan.SupportKinds %q", s.Defs.Support.Enum, plan.SupportKinds)
	}
}

// TestFlagsBeforeFile checks that a bad flag is reported even when the file is missing,
// so nothing is opened or locked for a command line that cannot succeed.
func TestFlagsBeforeFile(t *testing.T) {
	r := newRun(t.TempDir())
	err := r.exec(edit.Stakeholders, "missing.plan.yaml", "--name", "X", "--influence", "huge")
	if cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), "--influence") {
		t.Errorf("err = %v", err)
	}
	err = r.exec(edit.Stakeholders, "missing.plan.yaml", "--name", "X")
	if cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), "missing.plan.yaml: cannot read") {
		t.Errorf("missing file: %v", err)
	}
}

func TestDryRun(t *testing.T) {
	dir := t.TempDir()
	path := writePlan(t, dir, "engagement.plan.yaml", samplePlan)
	r := newRun(dir)
	if err := r.exec(edit.Stakeholders, "engagement.plan.yaml", "--dry-run", "--name", "Parents & carers"); err != nil {
		t.Fatal(err)
	}
	want := `--- a/engagement.plan.yaml
+++ b/engagement.plan.yaml
@@ -7,6 +7,8 @@
   - id: residents  # everyone on Main Street
     name: Residents
     influence: medium
+  - id: parents-carers
+    name: Parents & carers
 
 # Who does the work.
 roles:
`
	if r.out.String() != want {
		t.Errorf("diff:\n%s\nwant:\n%s", r.out, want)
	}
	if data, _ := os.ReadFile(path); string(data) != samplePlan {
		t.Error("--dry-run wrote the file")
	}
	if patch, err := exec.LookPath("patch"); err == nil {
		cmd := exec.Command(patch, "-p1", "-s")
		cmd.Dir, cmd.Stdin = dir, strings.NewReader(want)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("patch: %v\n%s", err, out)
		}
		p, err := plan.Load(path, path, plan.Options{})
		if err != nil || p.Stakeholders[1].ID != "parents-carers" {
			t.Errorf("the patched plan: %v", err)
		}
	}
}

func TestDefaultFile(t *testing.T) {
	t.Run("none", func(t *testing.T) {
		dir := t.TempDir()
		writePlan(t, dir, "notes.yaml", samplePlan)
		if err := os.Mkdir(filepath.Join(dir, "dir.plan.yaml"), 0o755); err != nil {
			t.Fatal(err)
		}
		r := newRun(dir)
		err := r.exec(edit.Stakeholders, "--name", "X")
		if cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), "no plan file") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("one", func(t *testing.T) {
		dir := t.TempDir()
		path := writePlan(t, dir, "only.plan.yml", samplePlan)
		writePlan(t, dir, "other.yaml", "x: 1\n")
		r := newRun(dir)
		if err := r.exec(edit.Stakeholders, "--name", "Traders"); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.out.String(), "to only.plan.yml\n") {
			t.Errorf("stdout %q", r.out)
		}
		if data, _ := os.ReadFile(path); !strings.Contains(string(data), "- id: traders\n") {
			t.Errorf("not added:\n%s", data)
		}
	})
	t.Run("two", func(t *testing.T) {
		dir := t.TempDir()
		a := writePlan(t, dir, "a.plan.yaml", samplePlan)
		writePlan(t, dir, "b.plan.yml", samplePlan)
		r := newRun(dir)
		err := r.exec(edit.Stakeholders, "--name", "X")
		if cli.Code(err) != cli.ExitBadInput || !strings.Contains(err.Error(), "2 plan files in the current directory (a.plan.yaml, b.plan.yml)") {
			t.Errorf("err = %v", err)
		}
		if data, _ := os.ReadFile(a); string(data) != samplePlan {
			t.Error("a file changed")
		}
	})
}

// mix is the i-th of a mix of add commands for the concurrency tests: each kind in turn,
// its entry named after i.
func mix(i int) []string {
	n := strconv.Itoa(i)
	switch i % 10 {
	case 0:
		return []string{"add-stakeholder", "--name", "Group " + n}
	case 1:
		return []string{"add-objective", "--statement", "Objective " + n}
	case 2:
		return []string{"add-activity", "--name", "Activity " + n, "--audience", "residents"}
	case 3:
		return []string{"add-risk", "--id", "risk-" + n, "--description", "Risk " + n}
	case 4:
		return []string{"add-decision", "--id", "decision-" + n, "--question", "Decision " + n}
	case 5:
		return []string{"add-phase", "--kind", "ongoing", "--name", "Phase " + n}
	case 6:
		return []string{"add-measure", "--metric", "Measure " + n, "--target", n}
	case 7:
		return []string{"add-change", "--date", "2027-06-20", "--summary", "Change " + n}
	case 8:
		return []string{"add-disclosure", "--document", "Document " + n}
	}
	return []string{"add-grievance-tier", "--name", "Tier " + n}
}

// TestConcurrentRuns runs 20 adds of a mix of kinds on one file at once in this
// process: each Run takes the file lock on its own descriptor, which excludes the
// others just as it excludes other processes, so every addition survives.
func TestConcurrentRuns(t *testing.T) {
	if !filelock.Supported {
		t.Skip("no advisory file locks on this platform")
	}
	dir := t.TempDir()
	path := writePlan(t, dir, "engagement.plan.yaml", samplePlan)
	const n = 20
	byName := map[string]*edit.Kind{}
	for _, k := range edit.Kinds {
		byName[CommandName(k)] = k
	}
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := mix(i)
			errs[i] = newRun(dir).exec(byName[args[0]], append([]string{"engagement.plan.yaml"}, args[1:]...)...)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("run %d (%s): %v", i, mix(i)[0], err)
		}
	}
	assertAll(t, path, n)
}

// TestConcurrentProcesses builds the plan binary and runs 20 processes of a mix of add
// commands on one file at once; all 20 entries must be in the result.
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the plan binary")
	}
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || len(bytes.TrimSpace(gomod)) == 0 {
		t.Fatalf("cannot find the module root: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "plan")
	build := exec.Command("go", "build", "-o", bin, "./cmd/plan")
	build.Dir = filepath.Dir(string(bytes.TrimSpace(gomod)))
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	if !filelock.Supported {
		t.Skip("no advisory file locks on this platform")
	}

	dir := t.TempDir()
	path := writePlan(t, dir, "engagement.plan.yaml", samplePlan)
	const n = 20
	cmds := make([]*exec.Cmd, n)
	outs := make([]*bytes.Buffer, n)
	for i := range cmds {
		cmds[i] = exec.Command(bin, mix(i)...)
		cmds[i].Dir = dir
		cmds[i].Env = append(os.Environ(), "PLAN_CONFIG=")
		outs[i] = &bytes.Buffer{}
		cmds[i].Stdout, cmds[i].Stderr = outs[i], outs[i]
	}
	for _, c := range cmds {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i])
		}
	}
	assertAll(t, path, n)
}

// assertAll checks that the plan at path holds what the first n runs of mix added, each
// exactly once, and that the original bytes are still there.
func assertAll(t *testing.T, path string, n int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Parse(path, data, plan.Options{})
	if err != nil {
		t.Fatalf("the result is not a valid plan: %v\n%s", err, data)
	}
	var got []string
	for _, s := range p.Stakeholders[1:] {
		got = append(got, s.Name)
	}
	for _, o := range p.Objectives {
		got = append(got, o.Statement)
	}
	for _, a := range p.Activities {
		got = append(got, a.Name)
	}
	for _, r := range p.Risks {
		got = append(got, r.Description)
	}
	for _, d := range p.Decisions {
		got = append(got, d.Question)
	}
	if p.Timeline != nil {
		for _, ph := range p.Timeline.Phases {
			got = append(got, ph.Name)
		}
	}
	if p.Evaluation != nil {
		for _, m := range p.Evaluation.Measures {
			got = append(got, m.Metric)
		}
	}
	for _, c := range p.Changes {
		got = append(got, c.Summary)
	}
	for _, d := range p.Disclosure {
		got = append(got, d.Document)
	}
	if p.Grievance != nil {
		for _, tier := range p.Grievance.Tiers {
			got = append(got, tier.Name)
		}
	}
	var want []string
	for i := 0; i < n; i++ {
		args := mix(i)
		want = append(want, args[len(args)-1])
		if args[0] == "add-measure" || args[0] == "add-activity" {
			want[i] = args[2]
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the plan holds\n%q\nwant\n%q", got, want)
	}
	// The original's lines are all there, in order, whatever was added between them.
	rest := string(data)
	for _, line := range strings.SplitAfter(samplePlan, "\n") {
		i := strings.Index(rest, line)
		if i < 0 {
			t.Fatalf("the original line %q was lost or moved:\n%s", line, data)
		}
		rest = rest[i+len(line):]
	}
}

// TestRefusalsWorded checks the refusals that add commands share with plan set and
// plan remove (planedit's), worded for the entry being added.
func TestRefusalsWorded(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		kind          *edit.Kind
		args          []string
		// The message starts with want and ends with end.
		want, end string
	}{
		{"invalid result", "schema_version: 1\ntitle: T\n", edit.GrievanceTiers, []string{"--name", "Court", "--resolve-days", "-1"},
			"p.plan.yaml was not edited: with the new grievance tier it would not be a valid plan: grievance.tiers[0].resolve_days: must be at least 0, not -1", ""},
		{"unsafe layout", "schema_version: 1\ntitle: T\nx_people: &people\n  - {id: a, name: A}\nstakeholders: *people\n", edit.Stakeholders, []string{"--name", "X"},
			"p.plan.yaml was not edited: cannot make the change without disturbing the rest of the file (", "); add the stakeholder by hand"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writePlan(t, dir, "p.plan.yaml", tc.content)
			r := newRun(dir)
			err := r.exec(tc.kind, append([]string{"p.plan.yaml"}, tc.args...)...)
			msg := fmt.Sprint(err)
			if cli.Code(err) != cli.ExitBadInput || !strings.HasPrefix(msg, tc.want) || !strings.HasSuffix(msg, tc.end) {
				t.Errorf("err = %v (exit %d), want exit 2 with %q ... %q", err, cli.Code(err), tc.want, tc.end)
			}
		})
	}
}
