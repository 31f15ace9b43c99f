package plan

import (
	"os"
	"path/filepath"
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
