package yamltree

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// IsExtensionKey reports whether key is a user's own x_* extension, which the format
// leaves free at every level.
func IsExtensionKey(key string) bool { return strings.HasPrefix(key, "x_") }

// Resolve follows aliases to the node they stand for.
func Resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// Lookup finds key in mapping m (following aliases and merge keys) and returns the key
// node and the value node; both are nil when the key is absent.
func Lookup(m *yaml.Node, key string) (keyNode, value *yaml.Node) {
	m = Resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key && m.Content[i].ShortTag() != "!!merge" {
			return m.Content[i], Resolve(m.Content[i+1])
		}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].ShortTag() != "!!merge" {
			continue
		}
		for _, src := range mergeSources(m.Content[i+1]) {
			if k, v := Lookup(src, key); k != nil {
				return k, v
			}
		}
	}
	return nil, nil
}

// Value is Lookup's value node, or nil; a YAML null counts as absent, as the format says.
func Value(m *yaml.Node, key string) *yaml.Node {
	_, v := Lookup(m, key)
	if IsNull(v) {
		return nil
	}
	return v
}

// IsNull reports whether n is absent or an explicit YAML null.
func IsNull(n *yaml.Node) bool {
	n = Resolve(n)
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

func mergeSources(v *yaml.Node) []*yaml.Node {
	v = Resolve(v)
	if v == nil {
		return nil
	}
	if v.Kind == yaml.SequenceNode {
		out := make([]*yaml.Node, 0, len(v.Content))
		for _, c := range v.Content {
			out = append(out, Resolve(c))
		}
		return out
	}
	return []*yaml.Node{v}
}

// Locate walks JSON pointer tokens from root and returns the deepest key and value nodes
// it reaches; when a token cannot be followed it stops at the last node it found, so a
// caller always gets a real position.
func Locate(root *yaml.Node, tokens []string) (keyNode, value *yaml.Node) {
	value = Resolve(root)
	for _, tok := range tokens {
		switch {
		case value == nil:
			return keyNode, value
		case value.Kind == yaml.MappingNode:
			k, v := Lookup(value, tok)
			if k == nil {
				return keyNode, value
			}
			keyNode, value = k, v
		case value.Kind == yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(value.Content) {
				return keyNode, value
			}
			keyNode, value = nil, Resolve(value.Content[i])
		default:
			return keyNode, value
		}
	}
	return keyNode, value
}

// Pointer builds an RFC 6901 JSON pointer from tokens.
func Pointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		t = strings.ReplaceAll(t, "~", "~0")
		b.WriteString(strings.ReplaceAll(t, "/", "~1"))
	}
	return b.String()
}

// PointersTo returns the JSON pointer of each target under root: out[i] is targets[i]'s
// ("" for a nil target or one not in the tree). Pointers are only needed for findings,
// so they are found on demand rather than kept for every node of every file, and all of
// a file's at once: one walk, each target at its first match in document order.
func PointersTo(root *yaml.Node, targets []*yaml.Node) []string {
	out := make([]string, len(targets))
	want := make(map[*yaml.Node][]int, len(targets))
	for i, t := range targets {
		if t != nil {
			want[t] = append(want[t], i)
		}
	}
	var path []string
	// found records n's pointer if it is wanted and reports whether every target has
	// been found, which ends the walk.
	found := func(n *yaml.Node) bool {
		if idx, ok := want[n]; ok {
			p := Pointer(path...)
			for _, i := range idx {
				out[i] = p
			}
			delete(want, n)
		}
		return len(want) == 0
	}
	var walk func(n *yaml.Node, depth int) bool
	walk = func(n *yaml.Node, depth int) bool {
		if found(n) {
			return true
		}
		n = Resolve(n)
		if found(n) {
			return true
		}
		if n == nil || depth > MaxDepth {
			return false
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				path = append(path, n.Content[i].Value)
				if found(n.Content[i]) || walk(n.Content[i+1], depth+1) {
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
	if len(want) > 0 {
		walk(root, 0)
	}
	return out
}
