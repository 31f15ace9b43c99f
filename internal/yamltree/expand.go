package yamltree

import "gopkg.in/yaml.v3"

// ExpandAliases replaces, in the tree under root, every alias with a copy of the node it
// refers to, every node of the copy placed where the alias is written. Rules then see
// the plan as it reads (`audience: *common` is this activity's audience, not the anchored
// one's) and every finding about a value reached through an alias points at the alias,
// with the JSON pointer of the value in the expanded document: the right line for an
// ignore comment, and the right item in the message. The anchored nodes stay where they
// are. The loader has already refused a file whose aliases would expand it beyond
// maxExpandedNodes or MaxExpandedBytes, or whose aliases contain themselves, so the
// copies are bounded; the budgets here only guard against a caller that skipped that
// check.
func ExpandAliases(root *yaml.Node) {
	budget, bytes := maxExpandedNodes, MaxExpandedBytes
	var expand func(n, alias *yaml.Node) *yaml.Node
	expand = func(n, alias *yaml.Node) *yaml.Node {
		if n.Kind == yaml.AliasNode && n.Alias != nil && budget > 0 && bytes > 0 {
			if alias == nil {
				alias = n
			}
			return expand(n.Alias, alias)
		}
		if alias == nil {
			for i, c := range n.Content {
				n.Content[i] = expand(c, nil)
			}
			return n
		}
		budget--
		bytes -= len(n.Value)
		c := *n
		c.Line, c.Column = alias.Line, alias.Column
		c.Anchor = ""
		// A copy's text is not written where it now stands, so it has no quotes or block
		// indicator there to measure its extent by.
		c.Style &^= yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, child := range n.Content {
			c.Content[i] = expand(child, alias)
		}
		return &c
	}
	expand(root, nil)
}
