package edit

import "gopkg.in/yaml.v3"

// layout is how the file indents, so that a new entry looks like its neighbours.
type layout struct {
	// seqIndent is how far a list's dashes sit right of its key (0 for "key:\n- a").
	seqIndent int
	// dashGap is the distance from a dash to the entry after it ("- a" is 2).
	dashGap int
	// mapIndent is how far a nested mapping's keys sit right of its key.
	mapIndent int
	// chanIndent is seqIndent for a list inside an entry (a stakeholder's channels).
	chanIndent int
}

// detectLayout reads the layout from the first examples it finds, looking at the list
// the entry goes in before the rest of the document, and falls back to two spaces,
// which is what plan init writes.
func (e *editor) detectLayout(list *yaml.Node) layout {
	l := layout{seqIndent: -1, dashGap: -1, mapIndent: -1, chanIndent: -1}
	var pairs func(m *yaml.Node, inList bool, depth int)
	visit := func(k, v *yaml.Node, inList bool, depth int) {
		switch {
		case isBlock(v, yaml.SequenceNode):
			dash := e.blockIndent(v)
			if dash < 0 {
				return
			}
			offset := dash - (k.Column - 1)
			if offset < 0 || offset > 8 {
				return
			}
			if l.seqIndent < 0 && depth == 0 {
				l.seqIndent = offset
			}
			if l.chanIndent < 0 && inList {
				l.chanIndent = offset
			}
			if first := v.Content[0]; l.dashGap < 0 && e.dashAt(first) == dash && first.Kind != yaml.AliasNode {
				if g := first.Column - 1 - dash; g >= 2 && g <= 8 {
					l.dashGap = g
				}
			}
		case isBlock(v, yaml.MappingNode) && v.Content[0].Line > k.Line:
			if g := v.Content[0].Column - k.Column; l.mapIndent < 0 && g >= 1 && g <= 8 {
				l.mapIndent = g
			}
		}
	}
	var walk func(n *yaml.Node, inList bool, depth int)
	walk = func(n *yaml.Node, inList bool, depth int) {
		if n == nil || n.Style&yaml.FlowStyle != 0 || depth > 64 {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			pairs(n, inList, depth)
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, inList, depth+1)
			}
		}
	}
	pairs = func(m *yaml.Node, inList bool, depth int) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			visit(m.Content[i], m.Content[i+1], inList, depth)
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			walk(m.Content[i+1], inList, depth+1)
		}
	}
	if list != nil {
		walk(list, true, 1)
	}
	pairs(e.root, false, 0)
	for _, v := range []*int{&l.seqIndent, &l.dashGap, &l.mapIndent} {
		if *v < 0 {
			*v = 2
		}
	}
	if l.chanIndent < 0 {
		l.chanIndent = l.seqIndent
	}
	return l
}

func isBlock(n *yaml.Node, kind yaml.Kind) bool {
	return n != nil && n.Kind == kind && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0
}
