package edit

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/internal/yamltree"
)

// Path addresses one value of a plan from the top-level mapping: a key of a mapping, an
// item of a list by its id, or an entry of a list by its place.
type Path []Step

// Step is one step of a Path: a Name (a mapping key, or the id of a list item), or an
// Index into a list, counted from 0.
type Step struct {
	Name    string
	Index   int
	IsIndex bool
}

// maxIndex bounds an index so that a typo of many digits reads as one, not as an
// overflow.
const maxIndex = 1_000_000

// PathError is a path that is not well formed, or that names nothing in the plan.
type PathError struct {
	Path string
	Msg  string
}

func (e *PathError) Error() string { return e.Path + ": " + e.Msg }

// pathErrorf returns a PathError about path whose message is format filled in with args.
func pathErrorf(path, format string, args ...any) *PathError {
	return &PathError{Path: path, Msg: fmt.Sprintf(format, args...)}
}

// ParsePath reads a dot-separated path: `stakeholders.traders.influence`,
// `timeline.phases.consult.end`, `title`. A step is a key or an id; a list entry that has
// no id is addressed by its place, counted from 0, in brackets after the list's key:
// `policy.principles[0]`, `stakeholders.traders.channels[1]`.
func ParsePath(s string) (Path, error) {
	if s == "" {
		return nil, pathErrorf(s, "the path is empty: name a key, such as title or stakeholders.ID.influence")
	}
	var p Path
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return nil, pathErrorf(s, "a step is empty: write keys and ids separated by single dots")
		}
		name, rest, hasIndex := strings.Cut(part, "[")
		if name == "" {
			return nil, pathErrorf(s, "%q: an index follows the key of its list, as channels[0]", part)
		}
		if strings.Contains(name, "]") || strings.ContainsFunc(name, isPathSpace) {
			return nil, pathErrorf(s, "%q is not a key or an id", name)
		}
		p = append(p, Step{Name: name})
		for rest = "[" + rest; hasIndex && rest != ""; {
			if rest[0] != '[' {
				return nil, pathErrorf(s, "%q: nothing may follow an index but another index or a dot", part)
			}
			digits, after, ok := strings.Cut(rest[1:], "]")
			if !ok {
				return nil, pathErrorf(s, "%q: an index has no closing ]", part)
			}
			n, err := strconv.Atoi(digits)
			if err != nil || n < 0 || n >= maxIndex || digits != strconv.Itoa(n) {
				return nil, pathErrorf(s, "[%s] is not an index: write the place of the entry in its list, counted from 0, as [0]", digits)
			}
			p = append(p, Step{Index: n, IsIndex: true})
			rest = after
		}
	}
	return p, nil
}

func isPathSpace(r rune) bool { return r == ' ' || r == '\t' || r < 0x20 || r == 0x7f }

// String writes the path back as ParsePath reads it.
func (p Path) String() string {
	var b strings.Builder
	for i, s := range p {
		switch {
		case s.IsIndex:
			fmt.Fprintf(&b, "[%d]", s.Index)
		default:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Name)
		}
	}
	return b.String()
}

// where names the value p leads to in a message: the path, or "the plan" for none.
func (p Path) where() string {
	if len(p) == 0 {
		return "the plan"
	}
	return p.String()
}

// target is where a path leads in a document.
type target struct {
	// parent is the mapping or list that holds the value.
	parent *yaml.Node
	// value is the value, nil when the mapping lacks the key.
	value *yaml.Node
	// index is the place of the key (in a mapping) or of the entry (in a list) in
	// parent.Content; for a missing key, len(parent.Content).
	index int
	// indexes is the place of the value in the document: the index into Content at
	// every step from the root, so that the same place can be found in the result.
	indexes []int
	// model is the model's type for the value, and parentModel for parent; nil where
	// the model does not go (x_*).
	model, parentModel reflect.Type
	// missing are the keys, from parent down, that lead to the value when the mapping
	// lacks the first of them: one key, or a key of nested mappings still to be written
	// (engagement, then current). value is nil then.
	missing []string
}

// missingBelow extends t.missing, whose first key parent lacks, with the steps of p from
// i on: keys of nested mappings the model knows, the last of them a value.
func (t *target) missingBelow(p Path, i int) error {
	model := t.model
	for ; i < len(p); i++ {
		here := p[:i].where()
		m := modelType(model)
		if m == nil || m.Kind() != reflect.Struct || m == rolesType || reflect.PointerTo(m).Implements(unmarshalerType) {
			if m != nil && m.Kind() == reflect.Slice {
				return pathErrorf(p.String(), "%s has no %s: a list is not added on the way to a value", p[:i-1].where(), p[i-1].Name)
			}
			return pathErrorf(p.String(), "%s is a single value, so it has no %s", here, p[i].Name)
		}
		if p[i].IsIndex {
			return pathErrorf(p.String(), "%s is not there, so it has no [%d]", here, p[i].Index)
		}
		next := fieldType(m, p[i].Name)
		if next == nil {
			return pathErrorf(p.String(), "%s has no %s%s", here, p[i].Name, didYouMean(wording.Closest(p[i].Name, modelKeys(m))))
		}
		t.missing = append(t.missing, p[i].Name)
		model = next
	}
	t.model = model
	return nil
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

var (
	planType  = reflect.TypeFor[plan.Plan]()
	rolesType = reflect.TypeFor[plan.Roles]()
	roleType  = reflect.TypeFor[plan.Role]()
)

// resolve follows p from the top-level mapping root. The last step may name a key that
// its mapping lacks, when the model knows the key (or it is an x_* extension): target's
// value is then nil. Every other step must exist. A step through an alias, or through a
// key that only a merge key (<<) brings, is refused: editing there would change every
// other place that shares the value.
func resolve(root *yaml.Node, p Path) (*target, error) {
	t := &target{value: root, model: planType}
	for i, step := range p {
		here := p[:i].where()
		n := t.value
		if n.Kind == yaml.AliasNode {
			return nil, &UnsafeEditError{Reason: fmt.Sprintf("%s is an alias (*%s, line %d): edit the value it refers to, whose anchor is at line %d", here, n.Value, n.Line, n.Alias.Line)}
		}
		last := i == len(p)-1
		next := &target{parent: n, indexes: t.indexes, parentModel: t.model}
		switch {
		case n.Kind == yaml.MappingNode && !step.IsIndex:
			next.model = fieldType(t.model, step.Name)
			key, value, err := ownEntry(n, step.Name)
			if err != nil {
				return nil, err
			}
			if key == nil {
				if next.model == nil && !yamltree.IsExtensionKey(step.Name) && t.model != nil && t.model != rolesType {
					known := append(modelKeys(t.model), mappingKeys(n)...)
					return nil, pathErrorf(p.String(), "%s has no %s%s", here, step.Name, didYouMean(wording.Closest(step.Name, known)))
				}
				next.index = len(n.Content)
				next.missing = []string{step.Name}
				if !last {
					if err := next.missingBelow(p, i+1); err != nil {
						return nil, err
					}
				}
				return next, nil
			}
			next.value = value
			next.index = ownIndex(n, step.Name)
			next.indexes = append(slices.Clone(t.indexes), next.index+1)
		case n.Kind == yaml.SequenceNode && step.IsIndex:
			if step.Index >= len(n.Content) {
				return nil, pathErrorf(p.String(), "%s has %s", here, entries(len(n.Content)))
			}
			next.value, next.index = n.Content[step.Index], step.Index
			next.model = elemType(t.model)
			next.indexes = append(slices.Clone(t.indexes), step.Index)
		case n.Kind == yaml.SequenceNode:
			ids := make([]string, 0, len(n.Content))
			next.index = -1
			for j, item := range n.Content {
				id := yamltree.Value(yamltree.Resolve(item), "id")
				if id == nil || id.Kind != yaml.ScalarNode {
					continue
				}
				ids = append(ids, id.Value)
				if id.Value == step.Name && next.index < 0 {
					next.index = j
				}
			}
			if next.index < 0 {
				if len(ids) == 0 {
					return nil, pathErrorf(p.String(), "the entries of %s have no ids: address one by its place, as %s[0]", here, here)
				}
				return nil, pathErrorf(p.String(), "%s has no item with id %q%s", here, step.Name, didYouMean(NearID(step.Name, ids)))
			}
			next.value = n.Content[next.index]
			next.model = elemType(t.model)
			next.indexes = append(slices.Clone(t.indexes), next.index)
		case step.IsIndex:
			return nil, pathErrorf(p.String(), "%s is not a list, so it has no [%d]", here, step.Index)
		default:
			return nil, pathErrorf(p.String(), "%s is %s, not a mapping, so it has no %s", here, kindWord(n), step.Name)
		}
		t = next
	}
	return t, nil
}

// didYouMean suggests near, when there is one, at the end of a message.
func didYouMean(near string) string {
	if near == "" {
		return ""
	}
	return fmt.Sprintf(": did you mean %q?", near)
}

// NearID returns the id of ids that id is likely a slip for: the nearest by edit
// distance (wording.Closest), else the only one that id begins (consult for
// consultation), since ids are slugs of names and people type the first word; "" when
// there is none, or several begin so.
func NearID(id string, ids []string) string {
	if near := wording.Closest(id, ids); near != "" {
		return near
	}
	if len(id) < 3 {
		return ""
	}
	var found string
	for _, c := range ids {
		if strings.HasPrefix(c, id) {
			if found != "" && found != c {
				return ""
			}
			found = c
		}
	}
	return found
}

func kindWord(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	if yamltree.IsNull(n) {
		return "empty"
	}
	return "a single value"
}

func mappingKeys(m *yaml.Node) []string {
	var out []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		out = append(out, m.Content[i].Value)
	}
	return out
}

// modelType is t without pointers.
func modelType(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldType is the model's type for key in a mapping of type t, nil when the model has
// no such key.
func fieldType(t reflect.Type, key string) reflect.Type {
	t = modelType(t)
	if t == nil {
		return nil
	}
	if t == rolesType {
		if yamltree.IsExtensionKey(key) {
			return nil
		}
		return roleType
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	for i := range t.NumField() {
		if name, ok := modelName(t.Field(i)); ok && name == key {
			return t.Field(i).Type
		}
	}
	return nil
}

// elemType is the model's type for an entry of a list of type t.
func elemType(t reflect.Type) reflect.Type {
	t = modelType(t)
	if t == nil || t.Kind() != reflect.Slice {
		return nil
	}
	return t.Elem()
}

// modelKeys lists the keys a mapping of type t may have, in the model's order, which is
// the format's.
func modelKeys(t reflect.Type) []string {
	t = modelType(t)
	if t == nil || t.Kind() != reflect.Struct || t == rolesType {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		if name, ok := modelName(t.Field(i)); ok {
			out = append(out, name)
		}
	}
	return out
}

func modelName(f reflect.StructField) (string, bool) {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if name == "" || name == "-" || !f.IsExported() {
		return "", false
	}
	return name, true
}

func entries(n int) string {
	switch n {
	case 0:
		return "no entries"
	case 1:
		return "1 entry: the only one is [0]"
	}
	return fmt.Sprintf("%d entries: the last is [%d]", n, n-1)
}

// Find returns the value at p in the document whose top-level mapping is root (a plan's
// Root, say), or nil when the last step names a key that is not there.
func (p Path) Find(root *yaml.Node) (*yaml.Node, error) {
	t, err := resolve(root, p)
	if err != nil {
		return nil, err
	}
	return t.value, nil
}

// Subject returns the JSON pointer of what p is about in the document whose top-level
// mapping is root: the last list entry on the way (the stakeholder of
// stakeholders.traders.influence), or the value itself when p goes through no list.
func (p Path) Subject(root *yaml.Node) (string, error) {
	t, err := resolve(root, p)
	if err != nil {
		return "", err
	}
	var tokens []string
	n := root
	subject := 0
	for _, i := range t.indexes {
		switch n.Kind {
		case yaml.MappingNode:
			tokens = append(tokens, n.Content[i-1].Value)
		case yaml.SequenceNode:
			tokens = append(tokens, strconv.Itoa(i))
			subject = len(tokens)
		}
		n = n.Content[i]
	}
	if subject == 0 {
		subject = len(tokens)
	}
	return yamltree.Pointer(tokens[:subject]...), nil
}
