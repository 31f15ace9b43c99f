package edit

import (
	"fmt"
	"maps"
	"slices"

	"gopkg.in/yaml.v3"
)

// Remove returns src without the value at path: an entry of a list, with the comment
// lines that belong to it (those directly above it at its dash's depth, but above the
// first entry, which introduce the list unless a blank line parts them from comment lines
// above; those inside it; those directly below it and
// deeper than its dash), or a key of a mapping with its value. The entries or keys at
// the positions in also (the references to what is removed) go too; those inside the
// removed value go with it. A blank line that separated what is removed from its
// neighbours is not left doubled, and a list or mapping left with nothing in it becomes
// [] or {} on its key's line, not an empty key, which would read as absent. Every other
// byte is kept, and the result is parsed again and must equal the original but for the
// removals, or the edit is refused.
func Remove(src []byte, path Path, also []At) ([]byte, error) {
	c, err := newChange(src)
	if err != nil {
		return nil, err
	}
	t, err := resolve(c.e.root, path)
	if err != nil {
		return nil, err
	}
	if t.value == nil {
		parent := path[:len(path)-len(t.missing)].where()
		return nil, pathErrorf(path.String(), "%s has no %s: there is nothing to remove", parent, t.missing[0])
	}
	if t.parent == c.e.root && len(c.e.root.Content) == 2 {
		return nil, &UnsafeEditError{Reason: "it is the plan's only key"}
	}
	// Removals are gathered by the collection they are in, so that several in one list
	// are made as one change.
	byParent := map[*yaml.Node][]int{t.parent: {t.index}}
	parents := []*yaml.Node{t.parent}
	for _, at := range also {
		parent, i, ok := findAt(c.e.root, at)
		if !ok {
			return nil, &UnsafeEditError{Reason: fmt.Sprintf("no value to remove at line %d, column %d", at.Line, at.Column)}
		}
		if Inside(t.value, parent.Content[i]) {
			continue
		}
		if parent.Kind == yaml.MappingNode {
			i--
		}
		if _, seen := byParent[parent]; !seen {
			parents = append(parents, parent)
		}
		if !slices.Contains(byParent[parent], i) {
			byParent[parent] = append(byParent[parent], i)
		}
	}
	for _, p := range parents {
		if Inside(t.value, p) {
			continue
		}
		idx := byParent[p]
		slices.Sort(idx)
		if err := c.removeFrom(p, idx); err != nil {
			return nil, err
		}
	}
	return c.finish()
}

// removeFrom removes the entries (of a list) or the keys (of a mapping, by the index of
// the key) at idx from the collection p.
func (c *change) removeFrom(p *yaml.Node, idx []int) error {
	step := 1
	if p.Kind == yaml.MappingNode {
		step = 2
	}
	count := len(p.Content) / step
	w := c.clones[p]
	for j := len(idx) - 1; j >= 0; j-- {
		w.Content = slices.Delete(w.Content, idx[j], idx[j]+step)
	}
	all := len(idx) == count
	if all {
		w.Style |= yaml.FlowStyle
	}
	if p.Style&yaml.FlowStyle != 0 {
		return c.removeFlow(p, idx, step)
	}
	if all {
		if err := c.emptyOnKeyLine(p); err != nil {
			return err
		}
	} else if step == 2 && idx[0] == 0 && c.e.dashAt(p.Content[0]) >= 0 {
		if err := c.removeDashKey(p, idx); err != nil {
			return err
		}
		idx = idx[1:]
	}
	return c.removeBlock(p, idx, step, all)
}

// removeDashKey removes the first key of a list entry, which shares its line with the
// dash: the next key moves up onto the dash's line in its place ("- id: a\n  name: A"
// becomes "- name: A"), with the comment lines between them.
func (c *change) removeDashKey(p *yaml.Node, idx []int) error {
	first, next := p.Content[0], p.Content[2]
	if len(idx) > 1 && idx[1] == 2 || next.Column != first.Column || next.Line == first.Line {
		return &UnsafeEditError{Reason: fmt.Sprintf("%s is the first key of its entry, on the line of the dash (line %d), and the key after it cannot take its place: remove the whole entry, or edit it by hand", first.Value, first.Line)}
	}
	s := c.e.src
	from, to := s.offset(first.Line, first.Column), s.offset(next.Line, next.Column)
	c.splices = append(c.splices, splice{at: from, del: to - from})
	return nil
}

// blockElement finds the first and last lines of the entry (or key) at index i of the
// block collection p, the comment lines that belong to it included.
func (c *change) blockElement(p *yaml.Node, i, step int) (first, last int, err error) {
	n, value := p.Content[i], p.Content[i+step-1]
	depth := c.e.entryColumn(p, value)
	if depth < 0 {
		return 0, 0, &UnsafeEditError{Reason: fmt.Sprintf("cannot find the dash of the entry at line %d", n.Line)}
	}
	first, last = n.Line, c.e.entryEnd(value, n.Line, depth)
	if i > 0 || c.ownComments(n.Line, depth) {
		first = c.e.src.commentsAbove(first, depth)
	}
	return first, last, nil
}

// ownComments reports whether the comment lines directly above line, the first entry
// (or key) of a collection at depth, are its own rather than the collection's
// introduction: when a blank line sets them apart from comment lines above at the same
// depth, which introduce the list ("# The register." / blank / "# Staff first.").
func (c *change) ownComments(line, depth int) bool {
	s := c.e.src
	top := s.commentsAbove(line, depth)
	if top == line {
		return false
	}
	l := top - 1
	if l < 1 || !s.blank(l) {
		return false
	}
	for l > 1 && s.blank(l) {
		l--
	}
	return s.comment(l) && s.indent(l) == depth
}

// removeBlock removes the lines of the entries (or keys) at idx of the block collection
// p, and the blank lines that would otherwise be left doubled.
func (c *change) removeBlock(p *yaml.Node, idx []int, step int, all bool) error {
	s := c.e.src
	count := len(p.Content) / step
	gone := map[int]bool{}
	// blanks lists the blank lines next to line l, above it (dir -1) or below it (dir 1).
	blanks := func(l, dir int) []int {
		var out []int
		for l += dir; l >= 1 && l <= s.lines() && s.blank(l); l += dir {
			out = append(out, l)
		}
		return out
	}
	for _, i := range idx {
		first, last, err := c.blockElement(p, i, step)
		if err != nil {
			return err
		}
		for l := first; l <= last; l++ {
			gone[l] = true
		}
		before, after := blanks(first, -1), blanks(last, 1)
		var drop []int
		switch pos := i / step; {
		case all:
			// Those before the first, and those between two entries that both go.
			drop = before
		case pos == 0:
			drop = after
		case pos == count-1:
			drop = before
		case len(before) > 0 && len(after) > 0:
			drop = before
		}
		for _, l := range drop {
			gone[l] = true
		}
	}
	lines := slices.Sorted(maps.Keys(gone))
	for k := 0; k < len(lines); {
		from := lines[k]
		to := from
		for k++; k < len(lines) && lines[k] == to+1; k++ {
			to = lines[k]
		}
		start, end := s.lineStart(from), s.nextLine(to)
		if !s.hasBreak(to) && from > 1 {
			// The file ends without a line break: so must the result.
			start = s.contentEnd(from - 1)
		}
		c.splices = append(c.splices, splice{at: start, del: end - start})
	}
	return nil
}

// emptyOnKeyLine writes [] or {} after the key that holds the block collection p,
// which is losing all its entries.
func (c *change) emptyOnKeyLine(p *yaml.Node) error {
	key := ownerKey(c.e.root, p)
	if key == nil {
		return &UnsafeEditError{Reason: fmt.Sprintf("the collection at line %d would be empty and has no key to write [] after", p.Line)}
	}
	text := "[]"
	if p.Kind == yaml.MappingNode {
		text = "{}"
	}
	at, text, err := c.afterColon(key, text)
	if err != nil {
		return err
	}
	c.splices = append(c.splices, splice{at: at, text: text})
	return nil
}

// ownerKey returns the key whose value is n, or nil.
func ownerKey(root, n *yaml.Node) *yaml.Node {
	place := placeOf(root, n)
	if len(place) == 0 {
		return nil
	}
	return keyOf(nodeAt(root, place[:len(place)-1]), n)
}

// removeFlow removes the entries (or keys) at idx from the flow collection p. A run of
// removed entries takes the comma after it with it; a run at the end takes the comma
// before it, so the collection keeps a trailing comma if it had one.
func (c *change) removeFlow(p *yaml.Node, idx []int, step int) error {
	b := c.e.src.b
	open, fs, err := c.e.openFlow(p)
	if err != nil {
		return err
	}
	count := len(p.Content) / step
	if len(idx) == count {
		c.splices = append(c.splices, splice{at: open + 1, del: fs.close - open - 1})
		return nil
	}
	starts := make([]int, count+1)
	for k := 0; k < count; k++ {
		n := p.Content[k*step]
		starts[k] = c.e.src.offset(n.Line, n.Column)
	}
	starts[count] = fs.close
	end := func(k int) (int, error) { return flowEnd(b, starts[k], starts[k+1]) }
	removed := map[int]bool{}
	for _, i := range idx {
		removed[i/step] = true
	}
	for k := 0; k < count; {
		if !removed[k] {
			k++
			continue
		}
		first := k
		for k < count && removed[k] {
			k++
		}
		if k < count {
			c.splices = append(c.splices, splice{at: starts[first], del: starts[k] - starts[first]})
			continue
		}
		from, err := end(first - 1)
		if err != nil {
			return err
		}
		to, err := end(count - 1)
		if err != nil {
			return err
		}
		c.splices = append(c.splices, splice{at: from, del: to - from})
	}
	return nil
}

// flowEnd returns the offset just after the last token of the flow text b[from:to],
// leaving out a comma that ends it.
func flowEnd(b []byte, from, to int) (int, error) {
	scan := func(to int) (flowScan, error) {
		fake := make([]byte, 0, to-from+2)
		fake = append(append(append(fake, '['), b[from:to]...), ']')
		fs, err := scanFlow(fake, 0)
		if err != nil || fs.close != len(fake)-1 {
			return fs, &UnsafeEditError{Reason: fmt.Sprintf("cannot find where the entry at offset %d ends", from)}
		}
		return fs, nil
	}
	fs, err := scan(to)
	if err != nil {
		return 0, err
	}
	if fs.trailingComma {
		if fs, err = scan(from + fs.lastSig - 2); err != nil {
			return 0, err
		}
	}
	return from + fs.lastSig - 1, nil
}
