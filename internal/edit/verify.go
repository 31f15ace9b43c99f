package edit

import (
	"fmt"
	"reflect"

	"gopkg.in/yaml.v3"
)

// verify re-parses the edited document and checks that it says what the original said,
// node for node and style for style, plus exactly the new entry at the end of the
// stakeholders list. Positions and comments are not compared: lines move, and yaml.v3
// may attach an unchanged comment to a different node once a node is added.
func verify(before *yaml.Node, out []byte, s Stakeholder) error {
	after, err := parseRoot(out)
	if err != nil {
		return &UnsafeEditError{Reason: "the result does not parse: " + err.Error()}
	}
	if _, _, err := ownEntry(before, "stakeholders"); err != nil {
		// Comparing the keys written would pass an edit that hides a merged register.
		return err
	}
	var oldList *yaml.Node
	oldPairs := withoutStakeholders(before, &oldList)
	var newList *yaml.Node
	newPairs := withoutStakeholders(after, &newList)
	if len(oldPairs) != len(newPairs) {
		return &UnsafeEditError{Reason: "the top-level keys changed"}
	}
	for i := range oldPairs {
		if !sameNode(oldPairs[i], newPairs[i], 0) {
			return &UnsafeEditError{Reason: fmt.Sprintf("the value at line %d changed", oldPairs[i].Line)}
		}
	}
	if newList == nil || newList.Kind != yaml.SequenceNode || newList.ShortTag() != "!!seq" {
		return &UnsafeEditError{Reason: "stakeholders is not a list afterwards"}
	}
	n := 0
	if oldList != nil && oldList.Kind == yaml.SequenceNode {
		n = len(oldList.Content)
		if oldList.Anchor != newList.Anchor || oldList.Tag != newList.Tag {
			return &UnsafeEditError{Reason: "the stakeholders list lost its anchor or tag"}
		}
	}
	if len(newList.Content) != n+1 {
		return &UnsafeEditError{Reason: fmt.Sprintf("stakeholders has %d entries afterwards, not %d", len(newList.Content), n+1)}
	}
	for i := 0; i < n; i++ {
		if !sameNode(oldList.Content[i], newList.Content[i], 0) {
			return &UnsafeEditError{Reason: fmt.Sprintf("stakeholder %d changed", i+1)}
		}
	}
	var got map[string]any
	if err := newList.Content[n].Decode(&got); err != nil {
		return &UnsafeEditError{Reason: "the new entry does not read back: " + err.Error()}
	}
	if want := s.want(); !reflect.DeepEqual(got, want) {
		return &UnsafeEditError{Reason: fmt.Sprintf("the new entry reads back as %v, not %v", got, want)}
	}
	return nil
}

// withoutStakeholders returns root's keys and values in order, leaving out the
// stakeholders pair, whose value it stores in list.
func withoutStakeholders(root *yaml.Node, list **yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value == "stakeholders" && k.ShortTag() != "!!merge" && *list == nil {
			*list = v
			continue
		}
		out = append(out, k, v)
	}
	return out
}

// sameNode compares two trees without following aliases, so that a document full of
// aliases costs no more to compare than to read.
func sameNode(a, b *yaml.Node, depth int) bool {
	if a.Kind != b.Kind || a.Style != b.Style || a.Tag != b.Tag || a.Value != b.Value || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return false
	}
	if depth > 20000 {
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i], depth+1) {
			return false
		}
	}
	return true
}
