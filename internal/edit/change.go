package edit

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// At is a position in a file as yaml.v3 counts it: line and column from 1. It names the
// references that a rename or a removal changes too.
type At struct{ Line, Column int }

// change is one edit of a document by splices: set and remove build one, each splice
// matched by the same change to a copy of the node tree, which the result must equal
// when it is parsed again.
type change struct {
	e *editor
	// want is a copy of the document's root that each step changes as its splices
	// change the bytes; clones maps the original nodes to their copies.
	want   *yaml.Node
	clones map[*yaml.Node]*yaml.Node
	// free lists the places (indexes into Content from the root) of the values whose
	// style the result decides, because the edit wrote them.
	free    [][]int
	splices []splice
}

func newChange(src []byte) (*change, error) {
	e, err := newEditor(src)
	if err != nil {
		return nil, err
	}
	c := &change{e: e, clones: map[*yaml.Node]*yaml.Node{}}
	c.want = c.clone(e.root, 0)
	return c, nil
}

// clone copies n deeply, recording each copy; aliases keep pointing at the original,
// which the comparison never follows.
func (c *change) clone(n *yaml.Node, depth int) *yaml.Node {
	cp := *n
	c.clones[n] = &cp
	if depth > 20000 {
		return &cp
	}
	cp.Content = make([]*yaml.Node, len(n.Content))
	for i, child := range n.Content {
		cp.Content[i] = c.clone(child, depth+1)
	}
	return &cp
}

// finish applies the splices, checks the result against want, and puts back the
// byte-order mark.
func (c *change) finish() ([]byte, error) {
	out, err := apply(c.e.src.b, c.splices)
	if err != nil {
		return nil, err
	}
	got, err := parseRoot(out)
	if err != nil {
		return nil, &UnsafeEditError{Reason: "the result does not parse: " + err.Error()}
	}
	for _, place := range c.free {
		w, g := nodeAt(c.want, place), nodeAt(got, place)
		if w == nil || g == nil {
			return nil, &UnsafeEditError{Reason: "the edited value is not where it should be"}
		}
		w.Style = g.Style
	}
	if d := difference(c.want, got, 0); d != nil {
		return nil, &UnsafeEditError{Reason: fmt.Sprintf("the result reads differently from the intended change: the value at line %d changed", d.Line)}
	}
	return c.e.restoreBOM(out), nil
}

// nodeAt follows indexes into Content from n.
func nodeAt(n *yaml.Node, place []int) *yaml.Node {
	for _, i := range place {
		if n == nil || i < 0 || i >= len(n.Content) {
			return nil
		}
		n = n.Content[i]
	}
	return n
}

// placeOf returns the indexes into Content from the root that lead to target, or nil.
func placeOf(root, target *yaml.Node) []int {
	var path []int
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if n == target {
			return true
		}
		if depth > 20000 || n.Kind == yaml.AliasNode {
			return false
		}
		for i, child := range n.Content {
			path = append(path, i)
			if walk(child, depth+1) {
				return true
			}
			path = path[:len(path)-1]
		}
		return false
	}
	if walk(root, 0) {
		return append([]int{}, path...)
	}
	return nil
}

// findAt returns the collection that holds the node written at position at (a value, not
// a key, in a mapping; not through an alias), and the node's index in its Content.
func findAt(root *yaml.Node, at At) (parent *yaml.Node, index int, ok bool) {
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if depth > 20000 {
			return false
		}
		for i, child := range n.Content {
			if child.Line == at.Line && child.Column == at.Column && (n.Kind != yaml.MappingNode || i%2 == 1) {
				parent, index = n, i
				return true
			}
			if child.Kind != yaml.AliasNode && walk(child, depth+1) {
				return true
			}
		}
		return false
	}
	ok = walk(root, 0)
	return parent, index, ok
}

// Inside reports whether the node n is outer or lies under it.
func Inside(outer, n *yaml.Node) bool { return placeOf(outer, n) != nil }
