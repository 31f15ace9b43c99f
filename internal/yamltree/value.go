package yamltree

import (
	"bytes"
	"fmt"
	"math"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/lazyregexp"
)

// Limits that keep a hostile or broken tree from exhausting memory or time.
const (
	// MaxDepth matches yaml.v3's own nesting limit, so both give up at the same depth;
	// every walk of a tree stops there too.
	MaxDepth = 10000
	// maxExpandedNodes bounds how many nodes aliases may add when the document is
	// expanded: far above any real plan, far below a billion laughs.
	maxExpandedNodes = 200000
)

// Problem is why a tree cannot be read: where, and what to do about it.
type Problem struct {
	Line, Col int
	Message   string
}

// ToValue converts the tree under n into the plain values a JSON Schema validator reads
// (maps, lists, strings, numbers, booleans; dates as YYYY-MM-DD strings; empty values
// dropped, since the format counts them absent). It refuses what the format rejects on
// the way: a problem that stops the walk (nesting, runaway aliases, a key that is not a
// word, an alias to no anchor) is returned alone; otherwise every duplicate key is.
func ToValue(n *yaml.Node) (any, []Problem) {
	var c converter
	v := c.convert(n, 0, false)
	if ps := c.failure(); len(ps) > 0 {
		return nil, ps
	}
	return v, nil
}

// converter turns the node tree into the plain values a JSON Schema validator reads,
// refusing what the format rejects on the way: duplicate keys, runaway aliases, depth.
type converter struct {
	expanded int
	err      *Problem
	// dups collects every duplicate key, so that one run reports them all; unlike the
	// other problems, the rest of the tree can still be walked after one.
	dups []Problem
}

// failure is what stops the tree from being read, if anything: the first hard failure,
// else every duplicate key, in document order.
func (c *converter) failure() []Problem {
	if c.err != nil {
		return []Problem{*c.err}
	}
	return c.dups
}

func (c *converter) fail(n *yaml.Node, msg string) {
	if c.err == nil {
		c.err = &Problem{Line: n.Line, Col: n.Column, Message: msg}
	}
}

func (c *converter) convert(n *yaml.Node, depth int, viaAlias bool) any {
	if c.err != nil {
		return nil
	}
	if depth > MaxDepth {
		c.fail(n, fmt.Sprintf("the document is nested deeper than %d levels", MaxDepth))
		return nil
	}
	if viaAlias {
		c.expanded++
		if c.expanded > maxExpandedNodes {
			c.fail(n, fmt.Sprintf("aliases expand the document beyond %d nodes (a \"billion laughs\" file?)", maxExpandedNodes))
			return nil
		}
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			c.fail(n, "alias to an unknown anchor")
			return nil
		}
		return c.convert(n.Alias, depth+1, true)
	case yaml.MappingNode:
		return c.mapping(n, depth, viaAlias)
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for _, item := range n.Content {
			list = append(list, c.convert(item, depth+1, viaAlias))
		}
		return list
	case yaml.ScalarNode:
		return scalarValue(n)
	}
	return nil
}

func (c *converter) mapping(n *yaml.Node, depth int, viaAlias bool) any {
	m := make(map[string]any, len(n.Content)/2)
	// Duplicate keys are found by looking back over the keys before: a plan's mappings
	// hold a dozen keys or so, where a scan costs less than building a second map for
	// every mapping of every file. Long mappings get the map.
	var seen map[string]*yaml.Node
	if len(n.Content)/2 > 16 {
		seen = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	ownKey := func(name string, before int) *yaml.Node {
		if seen != nil {
			return seen[name]
		}
		for j := 0; j < before; j += 2 {
			if k := n.Content[j]; k.Value == name && k.ShortTag() != "!!merge" {
				return k
			}
		}
		return nil
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			c.fail(key, "a key must be a plain word, not a list or mapping")
			return nil
		}
		if key.ShortTag() == "!!merge" {
			merges = append(merges, val)
			continue
		}
		if first := ownKey(key.Value, i); first != nil {
			c.dups = append(c.dups, Problem{Line: key.Line, Col: key.Column, Message: fmt.Sprintf("duplicate key %q (first at line %d): keep one", key.Value, first.Line)})
			continue
		}
		if seen != nil {
			seen[key.Value] = key
		}
		v := c.convert(val, depth+1, viaAlias)
		if v == nil {
			// An empty value counts as absent, so it is neither a type error nor present.
			continue
		}
		m[key.Value] = v
	}
	for _, src := range merges {
		for _, s := range mergeSources(src) {
			if s.Kind != yaml.MappingNode {
				c.fail(src, "a merge key (<<) must refer to a mapping")
				return nil
			}
			merged, _ := c.convert(s, depth+1, true).(map[string]any)
			for k, v := range merged {
				if ownKey(k, len(n.Content)) == nil {
					if _, done := m[k]; !done {
						m[k] = v
					}
				}
			}
		}
	}
	return m
}

func scalarValue(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool", "!!int", "!!float":
		var v any
		if err := n.Decode(&v); err == nil {
			// JSON has no infinities or NaN; as text they get a plain "must be a
			// number" from the schema, and stay free under x_* keys.
			if f, ok := v.(float64); ok && (math.IsInf(f, 0) || math.IsNaN(f)) {
				return n.Value
			}
			return v
		}
	}
	return n.Value
}

// YAML11Directive returns body as yaml.v3 will read it. yaml.v3 refuses a "%YAML 1.2"
// directive although it reads plans written for YAML 1.2 as their authors mean (yes and
// no are text, as in 1.2), so the directive is handed to it as "%YAML 1.1": the same
// number of bytes, so every line and column stays where it was. Only the directives
// before the document are looked at, among comments and blank lines; body is not
// changed.
func YAML11Directive(body []byte) []byte {
	for at := 0; at < len(body); {
		end := at
		for end < len(body) && body[end] != '\n' && body[end] != '\r' {
			end++
		}
		line := body[at:end]
		text := bytes.TrimLeft(line, " \t")
		switch {
		case len(text) == 0 || text[0] == '#':
		case bytes.HasPrefix(line, []byte("%YAML")):
			if v := yaml12.Regexp().FindSubmatchIndex(line); v != nil {
				out := bytes.Clone(body)
				out[at+v[2]] = '1'
				return out
			}
		case line[0] == '%':
			// Another directive (%TAG): the %YAML one may follow it.
		default:
			return body
		}
		at = end + 1
	}
	return body
}

// yaml12 is a %YAML directive naming version 1.2; its group is the minor version.
var yaml12 = lazyregexp.New(`^%YAML[ \t]+1\.(2)(?:[ \t#]|$)`)
