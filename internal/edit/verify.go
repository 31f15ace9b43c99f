package edit

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// verify re-parses the edited document and checks that it says what the original said,
// node for node and style for style, plus exactly the new entry at the end of its list:
// along the kind's path every other key is unchanged, a mapping that was missing or null
// holds the path alone, and the list holds its old entries and then the new one.
// Positions and comments are not compared: lines move, and yaml.v3 may attach an
// unchanged comment to a different node once a node is added.
func verify(before *yaml.Node, out []byte, it Item) error {
	after, err := parseRoot(out)
	if err != nil {
		return &UnsafeEditError{Reason: "the result does not parse: " + err.Error()}
	}
	oldM, newM := before, after
	path := it.Kind.Path
	for i, step := range path {
		where := strings.Join(path[:i+1], ".")
		var oldV *yaml.Node
		var oldPairs []*yaml.Node
		if oldM != nil {
			if _, _, err := ownEntry(oldM, step); err != nil {
				// Comparing the keys written would pass an edit that hides a merged list.
				return err
			}
			oldV, oldPairs = without(oldM, step)
		}
		newV, newPairs := without(newM, step)
		if len(oldPairs) != len(newPairs) {
			return &UnsafeEditError{Reason: fmt.Sprintf("the keys beside %s changed", where)}
		}
		for j := range oldPairs {
			if !sameNode(oldPairs[j], newPairs[j]) {
				return &UnsafeEditError{Reason: fmt.Sprintf("the value at line %d changed", oldPairs[j].Line)}
			}
		}
		if oldV != nil && oldV.Kind == yaml.ScalarNode && oldV.ShortTag() == "!!null" {
			oldV = nil
		}
		if oldV != nil && newV != nil && (oldV.Anchor != newV.Anchor || oldV.Tag != newV.Tag) {
			return &UnsafeEditError{Reason: where + " lost its anchor or tag"}
		}
		if i == len(path)-1 {
			return verifyList(oldV, newV, where, it)
		}
		if newV == nil || newV.Kind != yaml.MappingNode || newV.ShortTag() != "!!map" {
			return &UnsafeEditError{Reason: where + " is not a mapping afterwards"}
		}
		oldM, newM = oldV, newV
	}
	return nil
}

// verifyList checks that the list newList holds oldList's entries and then it, or, for
// an entry that goes before the last, it in that place.
func verifyList(oldList, newList *yaml.Node, where string, it Item) error {
	if newList == nil || newList.Kind != yaml.SequenceNode || newList.ShortTag() != "!!seq" {
		return &UnsafeEditError{Reason: where + " is not a list afterwards"}
	}
	n := 0
	if oldList != nil && oldList.Kind == yaml.SequenceNode {
		n = len(oldList.Content)
	}
	if len(newList.Content) != n+1 {
		return &UnsafeEditError{Reason: fmt.Sprintf("%s has %d entries afterwards, not %d", where, len(newList.Content), n+1)}
	}
	at := n
	if it.BeforeLast && n > 0 {
		at = n - 1
	}
	for i := 0; i < n; i++ {
		j := i
		if i >= at {
			j++
		}
		if !sameNode(oldList.Content[i], newList.Content[j]) {
			return &UnsafeEditError{Reason: fmt.Sprintf("entry %d of %s changed", i+1, where)}
		}
	}
	var got map[string]any
	if err := newList.Content[at].Decode(&got); err != nil {
		return &UnsafeEditError{Reason: "the new entry does not read back: " + err.Error()}
	}
	if want := it.want(); !reflect.DeepEqual(got, want) {
		return &UnsafeEditError{Reason: fmt.Sprintf("the new entry reads back as %v, not %v", got, want)}
	}
	return nil
}

// without returns the value of the key name written in m itself (nil when m has none),
// and the other keys and values of the mapping m in order.
func without(m *yaml.Node, name string) (value *yaml.Node, rest []*yaml.Node) {
	i := ownIndex(m, name)
	if i < 0 {
		return nil, m.Content
	}
	return m.Content[i+1], slices.Concat(m.Content[:i], m.Content[i+2:])
}

// sameNode compares two trees as difference does.
func sameNode(a, b *yaml.Node) bool { return difference(a, b, 0) == nil }

// difference returns the node of b where the trees a and b first differ, or nil when
// they are the same. It does not follow aliases, so that a document full of aliases costs
// no more to compare than to read.
func difference(a, b *yaml.Node, depth int) *yaml.Node {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) || depth > 20000 {
		return b
	}
	for i := range a.Content {
		if d := difference(a.Content[i], b.Content[i], depth+1); d != nil {
			return d
		}
	}
	return nil
}
