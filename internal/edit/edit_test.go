package edit

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/testenv"
	"github.com/planascode/plan/internal/yamltree"
)

const minimal = "schema_version: 1\ntitle: T\n"

func TestAddStakeholderRefuses(t *testing.T) {
	ok := Stakeholder{ID: "residents", Name: "Residents"}
	for _, tc := range []struct {
		name string
		src  string
		s    Stakeholder
		want string
	}{
		{"bad id", minimal, Stakeholder{ID: "1st", Name: "x"}, `invalid id "1st"`},
		{"uppercase id", minimal, Stakeholder{ID: "Residents", Name: "x"}, `invalid id "Residents"`},
		{"blank name", minimal, Stakeholder{ID: "x", Name: "  "}, "name must not be empty"},
		{"invalid UTF-8", minimal, Stakeholder{ID: "x", Name: "a\xffb"}, "not valid UTF-8"},
		{"NUL", minimal, Stakeholder{ID: "x", Name: "x", Notes: "a\x00b"}, "holds a NUL character"},
		{"not a list", minimal + "stakeholders:\n  id: a\n", ok, "not a list"},
		{"alias", minimal + "x_list: &l []\nstakeholders: *l\n", ok, "not a list"},
		{"flow top level", "{schema_version: 1, title: T}\n", ok, "flow mapping"},
		{"two documents", minimal + "---\n" + minimal, ok, "more than one YAML document"},
		{"not YAML", "a: [\n", ok, "invalid YAML"},
		{"not YAML after the first document", minimal + "---\na: [\n", ok, "invalid YAML"},
		{"empty", "", ok, "empty"},
		{"scalar", "just text\n", ok, "not a mapping"},
		{"tagged null", minimal + "stakeholders: !!null\n", ok, "disturbing"},
		{"register from a merge key", minimal + "x_base: &b {stakeholders: [{id: a, name: A}]}\n<<: *b\n", ok, "stakeholders comes from the merge key (<<) at line 4"},
		{"register from a merge list", minimal + "x_c: &c {summary: s}\nx_base: &b\n  stakeholders:\n    - id: a\n      name: A\n<<: [*c, *b]\n", ok, "merge key (<<) at line 8"},
		{"register from a merge of a merge", minimal + "x_i: &i {stakeholders: [{id: a, name: A}]}\nx_o: &o {<<: *i}\n<<: *o\n", ok, "merge key (<<) at line 5"},
		{"empty register from a merge over a full one", minimal + "x_i: &i {stakeholders: [{id: a, name: A}]}\nx_o: &o {<<: *i}\n<<: [*o, {stakeholders: []}]\n", ok, "merge key (<<) at line 5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := AddStakeholder([]byte(tc.src), tc.s)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q; output:\n%s", err, tc.want, out)
			}
		})
	}
}

// TestMergeKeyHidingNothing: a merge key that brings no register, or a null one, leaves
// the register the plan's to create; and one that reaches itself does not hang the edit.
func TestMergeKeyHidingNothing(t *testing.T) {
	s := Stakeholder{ID: "b", Name: "B"}
	for _, src := range []string{
		minimal + "x_base: &b {summary: s}\n<<: *b\n",
		minimal + "x_base: &b {stakeholders: }\n<<: *b\n",
		minimal + "x_i: &i {stakeholders: [{id: a, name: A}]}\nx_o: &o {<<: *i, stakeholders: ~}\n<<: *o\n",
		minimal + "x_base: &b {stakeholders: [{id: a, name: A}]}\n<<: *b\nstakeholders: []\n",
	} {
		out, err := AddStakeholder([]byte(src), s)
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if !strings.Contains(string(out), "- id: b\n") && !strings.Contains(string(out), "{id: b, name: B}") {
			t.Errorf("%q: B not added:\n%s", src, out)
		}
	}
	// Refused or not, it returns: the loader refuses such a file before any edit.
	_, _ = AddStakeholder([]byte(minimal+"x_a: &a {<<: *a}\n<<: *a\n"), s)
}

func TestAddStakeholderDuplicate(t *testing.T) {
	for _, src := range []string{
		minimal + "stakeholders:\n  - id: a\n    name: A\n  - id: residents\n    name: R\n",
		minimal + "stakeholders: [{id: a, name: A},\n  {id: residents, name: R}]\n",
	} {
		_, err := AddStakeholder([]byte(src), Stakeholder{ID: "residents", Name: "Residents"})
		var dup *DuplicateIDError
		if !errors.As(err, &dup) || dup.ID != "residents" {
			t.Fatalf("err = %v, want a DuplicateIDError for residents", err)
		}
		if dup.Line != strings.Count(src[:strings.Index(src, "residents")], "\n")+1 {
			t.Errorf("duplicate reported at line %d", dup.Line)
		}
	}
	// An entry written as an alias is a stakeholder too, and starts at the alias.
	src := minimal + "x_defs:\n  r: &r {id: residents, name: R}\nstakeholders:\n  - id: a\n    name: A\n  - *r\n"
	_, err := AddStakeholder([]byte(src), Stakeholder{ID: "residents", Name: "Residents"})
	var dup *DuplicateIDError
	if !errors.As(err, &dup) || dup.Line != strings.Count(src[:strings.Index(src, "*r")], "\n")+1 {
		t.Errorf("err = %v, want a DuplicateIDError at the alias", err)
	}
}

// TestAddTwice adds two entries to every golden input: the second goes after the first,
// so repeated runs build the list in the order they ran.
func TestAddTwice(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			first, err := AddItem(c.input(), c.item)
			if err != nil {
				t.Fatal(err)
			}
			second := secondItem(c.item)
			out, err := AddItem(first, second)
			if err != nil {
				t.Fatalf("%v\n%s", err, first)
			}
			assertConfined(t, first, out, 0, "Second one")
			if _, err := plan.Parse(c.name, out, plan.Options{}); err != nil {
				t.Fatal(err)
			}
			labels := listLabels(t, out, c.item.Kind)
			n := len(labels)
			if n < 2 || labels[n-2] != c.item.Label() || labels[n-1] != "Second one" {
				t.Errorf("%s ends %q", c.item.Kind.PathString(), labels)
			}
		})
	}
}

// secondItem is it with another id and label, and two lines in its first Markdown field.
func secondItem(it Item) Item {
	v := map[string]any{}
	for k, x := range it.Values {
		v[k] = x
	}
	if it.Kind.HasID() {
		v["id"] = "second-one"
	}
	v[it.Kind.Label] = "Second one"
	for _, f := range it.Kind.Fields {
		if f.Type == Markdown && f.Key != it.Kind.Label {
			v[f.Key] = "two\nlines"
			break
		}
	}
	return Item{Kind: it.Kind, Values: v}
}

// listLabels reads the labels of the entries of k's list in the document src.
func listLabels(t testing.TB, src []byte, k *Kind) []string {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(bytes.TrimPrefix(src, bom), &doc); err != nil {
		t.Fatal(err)
	}
	n := doc.Content[0]
	for _, step := range k.Path {
		n = yamltree.Resolve(yamltree.Value(yamltree.Resolve(n), step))
		if n == nil {
			t.Fatalf("no %s in\n%s", k.PathString(), src)
		}
	}
	var out []string
	for _, e := range n.Content {
		if l := yamltree.Value(yamltree.Resolve(e), k.Label); l != nil {
			out = append(out, l.Value)
		} else {
			out = append(out, "")
		}
	}
	return out
}

type namedCase struct {
	name string
	*goldenCase
}

func goldenCases(t testing.TB) []namedCase {
	t.Helper()
	files, _ := filepath.Glob("testdata/add/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata/add")
	}
	var out []namedCase
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, namedCase{strings.TrimSuffix(filepath.Base(f), ".txtar"), readCase(t, ar)})
	}
	return out
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"Parents & carers", "parents-carers"},
		{"Residents", "residents"},
		{"  Main Street traders  ", "main-street-traders"},
		{"People's panel", "peoples-panel"},
		{"St. Mary’s school", "st-marys-school"},
		{"People‘s panel", "peoples-panel"},
		{"People´s panel", "peoples-panel"},
		{"People`s panel", "peoples-panel"},
		{"Hawaiʻi residents", "hawaii-residents"},
		{"Ŧest", "test"},
		{"Élèves et parents", "eleves-et-parents"},
		{"Straße-Anwohner", "strasse-anwohner"},
		{"Ærø Øresund", "aero-oresund"},
		{"Łódź residents", "lodz-residents"},
		{"2027 intake", "s-2027-intake"},
		{"Year 7 pupils", "year-7-pupils"},
		{"snake_case_group", "snake_case_group"},
		{"_Leading underscore", "leading-underscore"},
		{"A _ B", "a-b"},
		{"A_ _B", "a-b"},
		{"Year_7 __ pupils_", "year_7-pupils"},
		{"Ｆｕｌｌｗｉｄｔｈ", "fullwidth"},
		{"Пенсионеры of Yarrabend", "of-yarrabend"},
		{"SEND (special needs) students", "send-special-needs-students"},
		{strings.Repeat("word ", 20), strings.TrimSuffix(strings.Repeat("word-", 12), "-")},
		{strings.Repeat("x", 80), strings.Repeat("x", 63)},
	} {
		got, err := Slug(tc.name)
		if err != nil || got != tc.want {
			t.Errorf("Slug(%q) = %q, %v; want %q", tc.name, got, err, tc.want)
		}
		if err == nil && !SlugPattern.MatchString(got) {
			t.Errorf("Slug(%q) = %q does not match the id pattern", tc.name, got)
		}
	}
	for _, name := range []string{"", "   ", "&&&", "Пенсионеры", "日本", "---"} {
		if got, err := Slug(name); !errors.Is(err, ErrNoSlug) {
			t.Errorf("Slug(%q) = %q, %v; want ErrNoSlug", name, got, err)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Parents & carers", "2027", "Ærø", "a\u0301", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s, err := Slug(name)
		if err == nil && !SlugPattern.MatchString(s) {
			t.Fatalf("Slug(%q) = %q, not a valid id", name, s)
		}
	})
}

func TestUnifiedDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\n"
	new := "a\nb\nc\nd\nX\nY\ne\nf\ng\n"
	want := `--- a/p.plan.yaml
+++ b/p.plan.yaml
@@ -2,6 +2,8 @@
 b
 c
 d
+X
+Y
 e
 f
 g
`
	if got := UnifiedDiff("p.plan.yaml", []byte(old), []byte(new), 3); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := UnifiedDiff("p", []byte(old), []byte(old), 3); got != "" {
		t.Errorf("equal files give %q", got)
	}
	wantEOF := "--- a/p\n+++ b/p\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n"
	if got := UnifiedDiff("p", []byte("a\nb"), []byte("a\nb\nc"), 3); got != wantEOF {
		t.Errorf("got\n%q\nwant\n%q", got, wantEOF)
	}
	if got := UnifiedDiff("p", []byte(""), []byte("x\n"), 3); got != "--- a/p\n+++ b/p\n@@ -0,0 +1 @@\n+x\n" {
		t.Errorf("insertion into an empty file: %q", got)
	}
}

// TestUnifiedDiffApplies feeds the diff of every golden case to patch(1) and checks that
// it turns the input into the output byte for byte, CRLF and missing newlines included.
func TestUnifiedDiffApplies(t *testing.T) {
	patch, err := exec.LookPath("patch")
	if err != nil {
		testenv.Unavailable(t, "patch(1) is not installed (apt-get install patch)")
	}
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			before := c.input()
			after, err := AddItem(before, c.item)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			file := filepath.Join(dir, "p.plan.yaml")
			if err := os.WriteFile(file, before, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(patch, "-p1", "--binary", "-s", "-N")
			cmd.Dir = dir
			cmd.Stdin = strings.NewReader(UnifiedDiff("p.plan.yaml", before, after, 3))
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("patch: %v\n%s", err, out)
			}
			got, _ := os.ReadFile(file)
			if string(got) != string(after) {
				t.Errorf("patched file differs:\n%q\nwant\n%q", got, after)
			}
		})
	}
}

// TestDiffFileNames feeds diffs of files with awkward names to patch(1) and git apply,
// which must both find the file and patch it: a space, a tab, a line break, a quote, a
// backslash and letters outside ASCII in the name.
func TestDiffFileNames(t *testing.T) {
	tools := map[string][]string{}
	if patch, err := exec.LookPath("patch"); err == nil {
		tools["patch"] = []string{patch, "-p1", "--binary", "-s", "-N"}
	} else {
		testenv.Unavailable(t, "patch(1) is not installed (apt-get install patch)")
	}
	git, err := exec.LookPath("git")
	if err != nil {
		testenv.Unavailable(t, "git is not installed")
	}
	tools["git apply"] = []string{git, "apply", "-p1"}
	before := []byte(minimal)
	after, err := AddStakeholder(before, Stakeholder{ID: "residents", Name: "Residents"})
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"my plan.plan.yaml", "tab\there.plan.yaml", "new\nline.plan.yaml", `say "hi".plan.yaml`, `back\slash.plan.yaml`, "Élèves.plan.yaml", "sub dir/p.plan.yaml", "trailing .plan.yaml "}
	for tool, argv := range tools {
		for _, name := range names {
			t.Run(tool+"/"+name, func(t *testing.T) {
				dir := t.TempDir()
				file := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, before, 0o644); err != nil {
					t.Fatal(err)
				}
				if tool == "git apply" {
					// Outside a repository git apply works too; inside one it works from
					// the top, which must be dir rather than whatever holds the tests.
					if out, err := exec.Command(git, "init", "-q", dir).CombinedOutput(); err != nil {
						t.Fatalf("git init: %v\n%s", err, out)
					}
				}
				diff := UnifiedDiff(name, before, after, 3)
				cmd := exec.Command(argv[0], argv[1:]...)
				cmd.Dir = dir
				cmd.Stdin = strings.NewReader(diff)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%s: %v\n%s\ndiff:\n%s", tool, err, out, diff)
				}
				if got, _ := os.ReadFile(file); string(got) != string(after) {
					t.Errorf("patched file differs:\n%q\ndiff:\n%s", got, diff)
				}
			})
		}
	}
}

func TestFileHeader(t *testing.T) {
	for name, want := range map[string]string{
		"a/p.plan.yaml":    "--- a/p.plan.yaml\n",
		"a/my plan.yaml":   "--- a/my plan.yaml\t\n",
		"a/tab\tname.yaml": "--- \"a/tab\\tname.yaml\"\n",
		"a/x y\n.yaml":     "--- \"a/x y\\n.yaml\"\t\n",
		`a/q"\.yaml`:       `--- "a/q\"\\.yaml"` + "\n",
		"a/é.yaml":         `--- "a/\303\251.yaml"` + "\n",
	} {
		if got := fileHeader("--- ", name); got != want {
			t.Errorf("fileHeader(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestScanFlow(t *testing.T) {
	for _, tc := range []struct {
		src           string
		close         int
		lastSig       int
		trailingComma bool
		empty         bool
	}{
		{"[]", 1, 1, false, true},
		{"[ # c\n ]", 7, 1, false, true},
		{"[a, b]", 5, 5, false, false},
		{"[a, b, ]", 7, 6, true, false},
		{"['x]', \"y]\\\"\"]", 13, 13, false, false},
		{"[it's, fine]", 11, 11, false, false},
		{"[{a: [1, 2]}, b # ]\n]", 20, 15, false, false},
		{"[&x a, *x, !!str b]", 18, 18, false, false},
		{"[a#b]", 4, 4, false, false},
	} {
		fs, err := scanFlow([]byte(tc.src), 0)
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		if fs.close != tc.close || fs.lastSig != tc.lastSig || fs.trailingComma != tc.trailingComma || fs.empty != tc.empty {
			t.Errorf("%q: got %+v", tc.src, fs)
		}
	}
	for _, src := range []string{"[a, b", "['a]", "[[a]"} {
		if _, err := scanFlow([]byte(src), 0); err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}

// TestOffset checks that source.offset reads yaml.v3 columns as characters, not bytes,
// and counts lines as libyaml does, with CRLF, NEL and LS breaks before the node.
func TestOffset(t *testing.T) {
	for _, doc := range []string{
		"a: [\"éü\", 🎉x, target]\n",
		"a: \"x\u2028y\"\r\nb: [é, target]\n",
		"# c\u0085\nb: [ü, target]\n",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &n); err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		m := n.Content[0]
		seq := m.Content[len(m.Content)-1]
		target := seq.Content[len(seq.Content)-1]
		src := newSource([]byte(doc))
		at := src.offset(target.Line, target.Column)
		if !strings.HasPrefix(doc[at:], "target") {
			t.Errorf("%q: offset(%d, %d) = %d, at %q", doc, target.Line, target.Column, at, doc[at:])
		}
	}
}
