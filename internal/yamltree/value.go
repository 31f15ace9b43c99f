package yamltree

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

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
	// MaxExpandedBytes bounds how much text aliases may add: the node bound alone let
	// one long string, aliased a few thousand times, grow a 1 MB file into gigabytes of
	// text that every command then validates, draws or renders. Aliases may add as
	// much text as the largest file the loader reads by default holds.
	MaxExpandedBytes = 10 << 20
	// MaxProblems bounds the problems of one kind a file reports (duplicate keys here,
	// schema errors in the loader): past a thousand, more findings tell the author
	// nothing new, and collecting hundreds of thousands of them made a command that
	// only needs to know that a plan is invalid spend seconds before saying so.
	MaxProblems = 1000
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
// word, an alias to no anchor or to the value that holds it, text that is not text) is
// returned alone; otherwise every duplicate key is, up to MaxProblems and then one
// problem saying that there are more.
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
	// expandedBytes is the text (keys and values) that aliases have added so far.
	expandedBytes int
	// open holds the anchored nodes being converted, the ones the current node is
	// inside: an alias to one of them would make the value contain itself.
	open map[*yaml.Node]bool
	// via is the outermost alias (or merge key's value) being expanded: where a
	// finding about the expansion points, since the anchored value it copies is written
	// elsewhere and may be fine where it is.
	via *yaml.Node
	err *Problem
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

// duplicate records a duplicate key, up to MaxProblems of them; the one past the limit
// says that more are not listed, where the first of them is.
func (c *converter) duplicate(key, first *yaml.Node) {
	switch {
	case len(c.dups) < MaxProblems:
		c.dups = append(c.dups, Problem{Line: key.Line, Col: key.Column, Message: fmt.Sprintf("duplicate key %q (first at line %d): keep one", key.Value, first.Line)})
	case len(c.dups) == MaxProblems:
		c.dups = append(c.dups, Problem{Line: key.Line, Col: key.Column, Message: fmt.Sprintf("more than %d duplicate keys: the rest, from this one on, are not listed; keep one of each and check again", MaxProblems)})
	}
}

// addText counts the text an alias adds, failing at n once it passes MaxExpandedBytes.
func (c *converter) addText(n *yaml.Node, text string) bool {
	c.expandedBytes += len(text)
	if c.expandedBytes > MaxExpandedBytes {
		c.fail(c.at(n), fmt.Sprintf("aliases expand the document by more than %d MiB of text: write the text once, or shorten it", MaxExpandedBytes>>20))
		return false
	}
	return true
}

// at is where a problem met while expanding n points: the alias being expanded.
func (c *converter) at(n *yaml.Node) *yaml.Node {
	if c.via != nil {
		return c.via
	}
	return n
}

// text returns the text a scalar reads as, as yaml.v3 will decode it into the model
// (a !!binary value decoded from base64), failing at n when that is not text: a plan is
// a text file, and the loader refuses a file that is not UTF-8 or holds a NUL byte, so a
// value may not bring back through an escape ("\0") or a tag what the file may not hold.
func (c *converter) text(n *yaml.Node) (string, bool) {
	s := n.Value
	if n.ShortTag() == "!!binary" {
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			c.fail(n, "this !!binary value is not base64: a plan holds text, so write the text without the tag")
			return "", false
		}
		s = string(b)
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			c.fail(n, "this !!binary value decodes to bytes that are not text: a plan holds UTF-8 text only")
			return "", false
		}
		return s, true
	}
	if strings.IndexByte(s, 0) >= 0 {
		c.fail(n, "this value holds a NUL character (\\0 or \\x00): a plan holds text only; remove it")
		return "", false
	}
	if !utf8.ValidString(s) {
		// The file is UTF-8 and escapes only write characters, so this takes a tag
		// yaml.v3 decodes; refused all the same, since every command reads it as text.
		c.fail(n, "this value is not valid UTF-8 text: a plan holds text only")
		return "", false
	}
	return s, true
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
			c.fail(c.at(n), fmt.Sprintf("aliases expand the document beyond %d nodes (a \"billion laughs\" file?)", maxExpandedNodes))
			return nil
		}
	}
	if n.Anchor != "" && n.Kind != yaml.AliasNode {
		if c.open == nil {
			c.open = map[*yaml.Node]bool{}
		}
		c.open[n] = true
		defer delete(c.open, n)
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			c.fail(n, "alias to an unknown anchor")
			return nil
		}
		if c.open[n.Alias] {
			c.fail(n, c.selfReference(n, n.Alias))
			return nil
		}
		if c.via == nil {
			c.via = n
			defer func() { c.via = nil }()
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
		text, ok := c.text(n)
		if !ok || viaAlias && !c.addText(n, text) {
			return nil
		}
		return scalarValue(n, text)
	}
	return nil
}

// selfReference words an alias to the anchored value it stands in, which would make
// that value contain itself for ever.
func (c *converter) selfReference(alias, anchored *yaml.Node) string {
	return fmt.Sprintf("alias *%s is inside the value it refers to (&%s at line %d): a value cannot contain itself; refer to another anchor, or copy the part you need", alias.Value, anchored.Anchor, anchored.Line)
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
		if _, ok := c.text(key); !ok || viaAlias && !c.addText(key, key.Value) {
			return nil
		}
		if first := ownKey(key.Value, i); first != nil {
			c.duplicate(key, first)
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
			if c.open[s] {
				a := aliasIn(src, s)
				c.fail(a, c.selfReference(a, s))
				return nil
			}
			if c.via == nil {
				c.via = src
			}
			merged, _ := c.convert(s, depth+1, true).(map[string]any)
			if c.via == src {
				c.via = nil
			}
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

// aliasIn returns the alias under a merge key's value src that refers to target (src
// itself when it is that alias).
func aliasIn(src, target *yaml.Node) *yaml.Node {
	if src.Kind == yaml.SequenceNode {
		for _, a := range src.Content {
			if a.Kind == yaml.AliasNode && a.Alias == target {
				return a
			}
		}
	}
	return src
}

// scalarValue is n's plain value; text is what n reads as (c.text).
func scalarValue(n *yaml.Node, text string) any {
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
	return text
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
