package edit

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/yamltree"
)

// Completions lists the paths in the document src that complete partial, for the shell:
// the keys of the mapping partial leads into (those written, then those the format knows
// but the mapping lacks), the ids of a list's entries or, where they have none, their
// places. A path that leads on to more ends in "." or "[", so that the next step can be
// typed straight after it.
func Completions(src []byte, partial string) []string {
	root, err := parseRoot(yamltree.WithoutBOM(src))
	if err != nil {
		return nil
	}
	prefix, sep, stem := "", "", partial
	if i := strings.LastIndexAny(partial, ".["); i >= 0 {
		prefix, sep, stem = partial[:i], partial[i:i+1], partial[i+1:]
	}
	var t *target
	if prefix == "" {
		if sep != "" {
			return nil
		}
		t = &target{value: root, model: planType}
	} else {
		p, err := ParsePath(prefix)
		if err != nil {
			return nil
		}
		if t, err = resolve(root, p); err != nil || t.value == nil {
			return nil
		}
	}
	n := t.value
	var out []string
	seen := map[string]bool{}
	add := func(path string, child *yaml.Node) {
		if seen[path] {
			return
		}
		seen[path] = true
		switch {
		case child != nil && (child.Kind == yaml.MappingNode || child.Kind == yaml.SequenceNode && hasIDs(child)):
			path += "."
		case child != nil && child.Kind == yaml.SequenceNode && len(child.Content) > 0:
			path += "["
		}
		out = append(out, path)
	}
	join := func(step string) string {
		if prefix == "" {
			return step
		}
		return prefix + "." + step
	}
	switch {
	case n.Kind == yaml.MappingNode && sep != "[":
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.ShortTag() != "!!merge" && strings.HasPrefix(k.Value, stem) {
				add(join(k.Value), yamltree.Resolve(n.Content[i+1]))
			}
		}
		for _, k := range modelKeys(t.model) {
			if strings.HasPrefix(k, stem) {
				add(join(k), nil)
			}
		}
	case n.Kind == yaml.SequenceNode && hasIDs(n) && sep == ".":
		for _, item := range n.Content {
			if id := yamltree.Value(yamltree.Resolve(item), "id"); id != nil && strings.HasPrefix(id.Value, stem) {
				add(join(id.Value), yamltree.Resolve(item))
			}
		}
	case n.Kind == yaml.SequenceNode:
		for i, item := range n.Content {
			if index := fmt.Sprint(i); strings.HasPrefix(index, strings.TrimSuffix(stem, "]")) {
				add(prefix+"["+index+"]", yamltree.Resolve(item))
			}
		}
	}
	return out
}

// hasIDs reports whether the entries of the list n are named by their ids.
func hasIDs(n *yaml.Node) bool {
	for _, item := range n.Content {
		if id := yamltree.Value(yamltree.Resolve(item), "id"); id != nil && id.Kind == yaml.ScalarNode {
			return true
		}
	}
	return false
}
