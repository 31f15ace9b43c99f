package yamltree

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/bench/corpus"
)

// PointersTo must answer exactly as PointerTo does for each target, aliases included,
// where a node can be reached along several paths and the first one counts.
func TestPointersToMatchesPointerTo(t *testing.T) {
	sources := map[string][]byte{
		"corpus": corpus.Plan(corpus.Default(), 1),
		"aliases": []byte(`base: &b {name: A, list: [x, y]}
copy: *b
merged:
  <<: *b
  extra: [*b, z]
seq: &s [1, 2]
again: [*s, *s]
`),
	}
	m, _ := filepath.Glob("../schemacheck/testdata/valid/*.plan.yaml")
	for _, p := range m {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sources[p] = data
	}
	for name, data := range sources {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		root := doc.Content[0]
		var targets []*yaml.Node
		var collect func(n *yaml.Node)
		collect = func(n *yaml.Node) {
			targets = append(targets, n)
			for _, c := range n.Content {
				collect(c)
			}
		}
		collect(root)
		// A nil target, a node from no tree and a target named twice.
		targets = append(targets, nil, &yaml.Node{Kind: yaml.ScalarNode}, targets[len(targets)/2])
		got := PointersTo(root, targets)
		for i, target := range targets {
			want := ""
			if target != nil {
				want = PointerTo(root, target)
			}
			if got[i] != want {
				t.Errorf("%s: target %d (line %d): PointersTo %q, PointerTo %q", name, i, lineOf(target), got[i], want)
			}
		}
	}
}

func lineOf(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

// PointerTo is the one-target search PointersTo replaced, kept as its oracle: it finds target under root and returns its JSON pointer, or "" when the node is
// not in the tree. Pointers are only needed for findings, so a search costs less than
// keeping a pointer for every node of every file.
func PointerTo(root, target *yaml.Node) string {
	var path []string
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if n == target {
			return true
		}
		n = Resolve(n)
		if n == target {
			return true
		}
		if n == nil || depth > MaxDepth {
			return false
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				path = append(path, n.Content[i].Value)
				if n.Content[i] == target || walk(n.Content[i+1], depth+1) {
					return true
				}
				path = path[:len(path)-1]
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				path = append(path, strconv.Itoa(i))
				if walk(c, depth+1) {
					return true
				}
				path = path[:len(path)-1]
			}
		}
		return false
	}
	if !walk(root, 0) {
		return ""
	}
	return Pointer(path...)
}
