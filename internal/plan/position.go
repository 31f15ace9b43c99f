package plan

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/yamltree"
)

// Position is where a value of the model was written: the key that introduced it (nil
// for a list entry) and the value's own node. Every model type that a finding can be
// about embeds one, and the loader fills it in from the same yaml tags that decoded the
// value, so there is no second spelling of a key to drift out of step: a rule reads
// s.Node, d.ReportBack.Node or p.KeyOf(&p.Risks), never a key by its name.
type Position struct {
	Key  *yaml.Node
	Node *yaml.Node
	// keys holds the key node of each field written with a value, by the field's
	// address, and self the address this Position was bound at (see KeyOf).
	keys map[uintptr]*yaml.Node
	self uintptr
}

// KeyOf returns the key node that introduced field, a pointer to a field of the struct
// that embeds this Position (p.KeyOf(&p.Risks)), or nil when the field was not written
// or was left empty (`risks:`), which the format counts as absent. `risks: []` is
// written, so it has a key.
//
// Fields are told apart by address, so KeyOf must be asked of the bound value itself,
// not a copy (`for _, s := range` copies): it panics on a copy rather than answer nil
// and send a finding to line 1.
func (pos *Position) KeyOf(field any) *yaml.Node {
	if pos.keys == nil {
		return nil
	}
	if reflect.ValueOf(pos).Pointer() != pos.self {
		panic("plan: KeyOf asked of a copy of a model value; index the list instead of ranging over copies")
	}
	return pos.keys[reflect.ValueOf(field).Pointer()]
}

// At returns the key node when there is one, else the value node: where a finding
// about the whole value points.
func (pos Position) At() *yaml.Node {
	if pos.Key != nil {
		return pos.Key
	}
	return pos.Node
}

var positionType = reflect.TypeFor[Position]()

// positionBinder is a model type that binds its own positions, because yaml.v3 cannot
// decode it field by field (a mapping of user-chosen keys such as Roles).
type positionBinder interface {
	bindPositions(key, value *yaml.Node)
}

// bindPositions walks v (a pointer to a decoded model value) beside the node it was
// decoded from, giving every Position its nodes. It follows the yaml tags, as yaml.v3
// did when it decoded the values, and the tree has had its aliases expanded, so a value
// reached through an alias is placed at the alias.
func bindPositions(v reflect.Value, key, node *yaml.Node) {
	node = yamltree.Resolve(node)
	if node == nil || yamltree.IsNull(node) {
		return
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.CanAddr() {
		if b, ok := v.Addr().Interface().(positionBinder); ok {
			b.bindPositions(key, node)
			return
		}
	}
	switch v.Kind() {
	case reflect.Struct:
		bindStruct(v, key, node)
	case reflect.Slice:
		// A list written as one value (a role's single name) decoded into one entry.
		if node.Kind != yaml.SequenceNode {
			if v.Len() == 1 {
				bindPositions(v.Index(0), key, node)
			}
			return
		}
		for i := 0; i < v.Len() && i < len(node.Content); i++ {
			bindPositions(v.Index(i), nil, node.Content[i])
		}
	}
}

func bindStruct(v reflect.Value, key, node *yaml.Node) {
	t := v.Type()
	var pos *Position
	for i := range t.NumField() {
		if f := t.Field(i); f.Anonymous && f.Type == positionType {
			pos = v.Field(i).Addr().Interface().(*Position)
			pos.Key, pos.Node = key, node
			pos.self = v.Field(i).Addr().Pointer()
		}
	}
	if node.Kind != yaml.MappingNode || decodesItself(t) {
		return
	}
	for i := range t.NumField() {
		name, ok := yamlName(t.Field(i))
		if !ok {
			continue
		}
		k, val := yamltree.Lookup(node, name)
		if k == nil || yamltree.IsNull(val) {
			continue
		}
		field := v.Field(i)
		if pos != nil {
			if pos.keys == nil {
				pos.keys = map[uintptr]*yaml.Node{}
			}
			pos.keys[field.Addr().Pointer()] = k
		}
		bindPositions(field, k, val)
	}
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// decodesItself reports whether values of t decode themselves from a node (Ref, Text,
// DateAt, Roles), so that their fields are not decoded from keys of their own.
func decodesItself(t reflect.Type) bool { return reflect.PointerTo(t).Implements(unmarshalerType) }

// yamlName is the key a struct field is decoded from, as yaml.v3 reads its tag.
func yamlName(f reflect.StructField) (string, bool) {
	tag := f.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" || !f.IsExported() || f.Type == positionType {
		return "", false
	}
	if name == "" {
		// yaml.v3 would decode an untagged field from its lower-cased name; the model
		// tags every field it decodes, so an untagged one is a mistake to catch early.
		panic(fmt.Sprintf("plan: model field %s has no yaml tag", f.Name))
	}
	return name, true
}

// Text is a piece of text and where it was written.
type Text struct {
	Position
	Value string
}

// UnmarshalYAML reads a scalar as written; null is the empty text.
func (t *Text) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: must be text, not a list or mapping", n.Line)
	}
	if n.ShortTag() != "!!null" {
		t.Value = n.Value
	}
	return nil
}

// Ref is a reference by id to another item of the plan (a stakeholder, phase, decision
// or objective), and where it was written, so a reference that resolves to nothing is
// reported where it stands.
type Ref struct {
	Position
	ID string
}

// UnmarshalYAML reads the id as written.
func (r *Ref) UnmarshalYAML(n *yaml.Node) error {
	var t Text
	if err := t.UnmarshalYAML(n); err != nil {
		return err
	}
	r.ID = t.Value
	return nil
}

// Refs is a list of references.
type Refs []Ref

// IDs returns the ids referred to, in order.
func (rs Refs) IDs() []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// Contains reports whether id is among the references.
func (rs Refs) Contains(id string) bool {
	return slices.ContainsFunc(rs, func(r Ref) bool { return r.ID == id })
}

// DateAt is a date and where it was written.
type DateAt struct {
	Position
	Date
}

// UnmarshalYAML reads the date as Date does; the loader binds the Position.
func (d *DateAt) UnmarshalYAML(n *yaml.Node) error { return d.Date.UnmarshalYAML(n) }
