package edit

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/yamltree"
)

func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"title", "stakeholders.traders.influence", "policy.principles[0]", "a[1][2].b",
		"", ".", "a..b", "a[", "a[-1]", "a[01]", "[0]", "a]b", "a b", "x_ü.ß", "a[999999]", "a[1000000]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePath(s)
		if err != nil {
			var pe *PathError
			if !errors.As(err, &pe) {
				t.Fatalf("ParsePath(%q) returned %T, not a *PathError", s, err)
			}
			return
		}
		if len(p) == 0 || p[0].IsIndex {
			t.Fatalf("ParsePath(%q) = %v: a path starts with a key", s, p)
		}
		// The syntax has one spelling for each path.
		if got := p.String(); got != s {
			t.Fatalf("ParsePath(%q).String() = %q", s, got)
		}
	})
}

// pathsIn lists paths to every value of the document src: keys of mappings, entries of
// lists by place and, where they have one, by id; and for each mapping an x_fuzz key it
// lacks, which Set adds.
func pathsIn(src []byte) (values, missing []Path) {
	root, err := parseRoot(bytes.TrimPrefix(src, bom))
	if err != nil {
		return nil, nil
	}
	var walk func(n *yaml.Node, p Path, depth int)
	walk = func(n *yaml.Node, p Path, depth int) {
		if depth > 50 || n.Kind == yaml.AliasNode {
			return
		}
		step := func(s Step, child *yaml.Node) {
			q := append(append(Path{}, p...), s)
			values = append(values, q)
			walk(child, q, depth+1)
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.ShortTag() != "!!merge" && k.Value != "" && !strings.ContainsAny(k.Value, ".[] \t\r\n") && strings.ToValidUTF8(k.Value, "") == k.Value {
					step(Step{Name: k.Value}, n.Content[i+1])
				}
			}
			missing = append(missing, append(append(Path{}, p...), Step{Name: "x_fuzz"}))
		case yaml.SequenceNode:
			if len(p) == 0 {
				return
			}
			for i, item := range n.Content {
				step(Step{Index: i, IsIndex: true}, item)
				if id := yamltree.Value(yamltree.Resolve(item), "id"); id != nil && id.Kind == yaml.ScalarNode && SlugPattern.MatchString(id.Value) {
					values = append(values, append(append(Path{}, p...), Step{Name: id.Value}))
				}
			}
		}
	}
	walk(root, nil, 0)
	return values, missing
}

// FuzzSet sets a value somewhere in a document: whatever the document and the value,
// Set either refuses or returns a document in which the path holds the value and that
// otherwise reads as before (which Set itself checks by parsing it again).
func FuzzSet(f *testing.F) {
	plans, _ := fuzzPlans(f)
	for i, p := range plans {
		f.Add(p, uint16(i*7), "high", true)
		f.Add(p, uint16(i*13+1), "two\nlines", false)
	}
	f.Add([]byte("schema_version: 1\ntitle: T\nsummary: |-\n  a\n  b\n"), uint16(2), "x: y # z", false)
	f.Fuzz(func(t *testing.T, src []byte, pick uint16, value string, typed bool) {
		values, missing := pathsIn(src)
		all := append(values, missing...)
		if len(all) == 0 {
			return
		}
		p := all[int(pick)%len(all)]
		out, err := Set(src, p, Value{Text: value, Typed: typed}, nil)
		if err != nil {
			return
		}
		root, err := parseRoot(bytes.TrimPrefix(out, bom))
		if err != nil {
			t.Fatalf("the result does not parse: %v\n%s", err, out)
		}
		if bytes.HasPrefix(src, bom) != bytes.HasPrefix(out, bom) {
			t.Fatal("the byte-order mark changed")
		}
		n, err := p.Find(root)
		if err != nil {
			if p[len(p)-1].Name == "id" {
				return // a rename: the path named the old id
			}
			t.Fatalf("%s is not in the result: %v\n%s", p, err, out)
		}
		if n == nil || n.Kind != yaml.ScalarNode || n.Value != value {
			t.Fatalf("%s reads %v afterwards, not %q\n%s", p, n, value, out)
		}
	})
}

// FuzzRemove removes a value somewhere in a document: Remove either refuses or returns
// a document that reads as before without it (which Remove checks by parsing it again).
func FuzzRemove(f *testing.F) {
	plans, _ := fuzzPlans(f)
	for i, p := range plans {
		f.Add(p, uint16(i*7))
		f.Add(p, uint16(i*13+5))
	}
	f.Fuzz(func(t *testing.T, src []byte, pick uint16) {
		values, _ := pathsIn(src)
		if len(values) == 0 {
			return
		}
		p := values[int(pick)%len(values)]
		out, err := Remove(src, p, nil)
		if err != nil {
			return
		}
		if bytes.Equal(out, src) {
			t.Fatalf("removing %s changed nothing", p)
		}
		if _, err := parseRoot(bytes.TrimPrefix(out, bom)); err != nil {
			t.Fatalf("the result does not parse: %v\n%s", err, out)
		}
		if bytes.HasPrefix(src, bom) != bytes.HasPrefix(out, bom) {
			t.Fatal("the byte-order mark changed")
		}
	})
}

// FuzzRename renames the references in a record to fuzzed text: the result reads back
// with that text at each place and every other value as it was, or the edit is refused.
func FuzzRename(f *testing.F) {
	f.Add("unions", "2027-03-04")
	f.Add("yes", "#x")
	f.Add("a: b", "[x]")
	f.Add("", "'q'")
	f.Add("two\nlines", "\"")
	src := "schema_version: 1\ndate: 2027-03-04\nengaged:\n  - stakeholder: union-reps  # the JCC side\nissues:\n  - text: Shifts\n    raised_by: ['union-reps', \"staff\"]\nx_tags: {a: union-reps}\n"
	at := []At{{Line: 4, Column: 18}, {Line: 7, Column: 17}, {Line: 7, Column: 31}, {Line: 8, Column: 13}}
	f.Fuzz(func(t *testing.T, one, two string) {
		texts := []string{one, two, one, two}
		out, err := Rename([]byte(src), at, texts)
		if err != nil {
			return
		}
		var got struct {
			Engaged []struct{ Stakeholder string }
			Issues  []struct {
				Text     string
				RaisedBy []string `yaml:"raised_by"`
			}
			Tags map[string]string `yaml:"x_tags"`
		}
		if err := yaml.Unmarshal(out, &got); err != nil {
			t.Fatalf("the result does not read: %v\n%s", err, out)
		}
		if got.Engaged[0].Stakeholder != one || got.Issues[0].RaisedBy[0] != two || got.Issues[0].RaisedBy[1] != one || got.Tags["a"] != two || got.Issues[0].Text != "Shifts" {
			t.Fatalf("reads back as %+v\n%s", got, out)
		}
	})
}
