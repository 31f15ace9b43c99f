package edit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/yamltree"
)

// Value is what Set writes.
type Value struct {
	Text string
	// Typed writes a Text that YAML reads as a number, a boolean or a date as that
	// (weeks: 6, end: 2027-03-31); otherwise, or when it reads as anything else, the
	// value is text, quoted where YAML would read it otherwise ("2.1", "yes").
	Typed bool
}

// notScalar refuses to set the list or mapping n at path, which Set does not replace,
// suggesting a path into it: by its first key, its first entry's id, or its first place.
func notScalar(path string, n *yaml.Node) error {
	msg := fmt.Sprintf("%s is %s: set changes one value", path, kindWord(n))
	if n.Kind == yaml.MappingNode && len(n.Content) > 0 {
		return fmt.Errorf("%s; name one of its keys, as %s.%s", msg, path, n.Content[0].Value)
	}
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return errors.New(msg)
	}
	for _, item := range n.Content {
		if id := yamltree.Value(yamltree.Resolve(item), "id"); id != nil {
			return fmt.Errorf("%s; name one of its entries by id, as %s.%s", msg, path, id.Value)
		}
	}
	return fmt.Errorf("%s; name one of its entries by its place, as %s[0]", msg, path)
}

// Set returns src with the value at path replaced by v, or, when path's last step is a
// key its mapping lacks, with that key added in the format's place among its neighbours.
// The scalars at the positions in also (the references to an id being renamed) are
// set to v's text too. Every other byte is kept: comments, including one after the value
// on its line, blank lines, line endings, a byte-order mark, and the value's own quoting
// style where the new value can be written in it. The result is parsed again and must
// equal the original but for the change, or the edit is refused.
func Set(src []byte, path Path, v Value, also []At) ([]byte, error) {
	if err := checkText(v.Text); err != nil {
		return nil, err
	}
	c, err := newChange(src)
	if err != nil {
		return nil, err
	}
	t, err := resolve(c.e.root, path)
	if err != nil {
		return nil, err
	}
	switch {
	case t.value == nil:
		if err := c.addKey(t, v); err != nil {
			return nil, err
		}
	case t.value.Kind == yaml.ScalarNode:
		if err := c.setScalar(t.parent, t.value, v); err != nil {
			return nil, err
		}
	case t.value.Kind == yaml.AliasNode:
		return nil, &UnsafeEditError{Reason: fmt.Sprintf("%s is an alias (*%s, line %d), which shares its value with the anchor at line %d: set the anchored value, or edit by hand", path, t.value.Value, t.value.Line, t.value.Alias.Line)}
	default:
		return nil, notScalar(path.String(), t.value)
	}
	for _, at := range also {
		if err := c.setAt(at, v.Text, t.value); err != nil {
			return nil, err
		}
	}
	return c.finish()
}

// setAt sets the scalar written at position at to text, unless it is skip.
func (c *change) setAt(at At, text string, skip *yaml.Node) error {
	parent, i, ok := findAt(c.e.root, at)
	if !ok || parent.Content[i].Kind != yaml.ScalarNode {
		return &UnsafeEditError{Reason: fmt.Sprintf("no value to change at line %d, column %d", at.Line, at.Column)}
	}
	if n := parent.Content[i]; n != skip {
		return c.setScalar(parent, n, Value{Text: text})
	}
	return nil
}

// checkText refuses what no plan may hold.
func checkText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%q is not valid UTF-8", s)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return fmt.Errorf("%q holds a NUL character: a plan holds text only", s)
	}
	return nil
}

// typedTag is the tag a plain v.Text reads as when v is Typed and it reads as a number,
// a boolean or a date; "" otherwise.
func typedTag(v Value) string {
	if !v.Typed || strings.ContainsAny(v.Text, "\n\r#") {
		return ""
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("k: "+v.Text+"\n"), &n); err != nil || len(n.Content) == 0 || len(n.Content[0].Content) != 2 {
		return ""
	}
	s := n.Content[0].Content[1]
	if s.Kind != yaml.ScalarNode || s.Style != 0 || s.Value != v.Text {
		return ""
	}
	switch tag := s.ShortTag(); tag {
	case "!!int", "!!float", "!!bool", "!!timestamp":
		return tag
	}
	return ""
}

// setScalar replaces the scalar n, an entry of parent, with v.
func (c *change) setScalar(parent, n *yaml.Node, v Value) error {
	b := c.e.src.b
	at := c.e.src.offset(n.Line, n.Column)
	start := skipProperties(b, at)
	if bytes.IndexByte(b[at:start], '!') >= 0 {
		return &UnsafeEditError{Reason: fmt.Sprintf("the value at line %d has a tag (!), which the new value may not fit", n.Line)}
	}
	if n.Tag == "!!null" && n.Value == "" && n.Style == 0 {
		return c.fillEmpty(parent, n, v)
	}
	flow := parent.Style&yaml.FlowStyle != 0
	indent := c.parentIndent(parent, n)
	text, tag, err := c.render(n.Style, v, flow, indent+2)
	if err != nil {
		return err
	}
	w := c.clones[n]
	w.Value, w.Tag, w.Style = v.Text, tag, 0
	c.free = append(c.free, placeOf(c.e.root, n))

	switch {
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		end, ok := quotedEnd(b, start)
		if start >= len(b) || !ok {
			return &UnsafeEditError{Reason: fmt.Sprintf("cannot find the end of the quoted value at line %d", n.Line)}
		}
		c.splices = append(c.splices, splice{at: start, del: end - start, text: text})
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return c.setBlockScalar(n, start, indent, text)
	default:
		end := c.plainEnd(n, start, flow, indent)
		if end <= start {
			return &UnsafeEditError{Reason: fmt.Sprintf("cannot find the value at line %d", n.Line)}
		}
		c.splices = append(c.splices, splice{at: start, del: end - start, text: text})
	}
	return nil
}

// setBlockScalar replaces a literal or folded scalar: its indicator, and its lines
// below. Whatever follows the indicator on its line (a comment) stays.
func (c *change) setBlockScalar(n *yaml.Node, start, indent int, text string) error {
	s := c.e.src
	b := s.b
	tokenEnd := start
	for tokenEnd < len(b) && !isSpace(b[tokenEnd]) && yamltree.LineBreak(b, tokenEnd) == 0 {
		tokenEnd++
	}
	header := s.lineOf(start)
	last := c.e.blockScalarEnd(n, indent)
	head, body, multi := strings.Cut(text, c.e.eolStr)
	c.splices = append(c.splices, splice{at: start, del: tokenEnd - start, text: head})
	from := s.nextLine(header)
	switch {
	case last == header && multi:
		c.splices = append(c.splices, splice{at: from, text: body + c.e.eolStr})
	case last > header && multi:
		c.splices = append(c.splices, splice{at: from, del: s.contentEnd(last) - from, text: body})
	case last > header:
		c.splices = append(c.splices, splice{at: from, del: s.nextLine(last) - from})
	}
	return nil
}

// fillEmpty writes v where a key has no value (`notes:`), after the colon and before a
// comment on the line.
func (c *change) fillEmpty(parent, n *yaml.Node, v Value) error {
	if parent.Kind != yaml.MappingNode {
		return &UnsafeEditError{Reason: fmt.Sprintf("the empty entry at line %d has no place to write to", n.Line)}
	}
	key := keyOf(parent, n)
	flow := parent.Style&yaml.FlowStyle != 0
	text, tag, err := c.render(0, v, flow, key.Column-1+2)
	if err != nil {
		return err
	}
	at, text, err := c.afterColon(key, text)
	if err != nil {
		return err
	}
	w := c.clones[n]
	w.Value, w.Tag, w.Style = v.Text, tag, 0
	c.free = append(c.free, placeOf(c.e.root, n))
	c.splices = append(c.splices, splice{at: at, text: text})
	return nil
}

// afterColon returns where a value for key goes that it does not have yet, and text
// with the space it needs there: right after the colon and one space, so that the
// spaces before a comment on the line stay as they were; or after an anchor.
func (c *change) afterColon(key *yaml.Node, text string) (int, string, error) {
	b := c.e.src.b
	colon := c.keyEnd(key)
	if colon < 0 {
		return 0, "", &UnsafeEditError{Reason: fmt.Sprintf("cannot find the colon after %s at line %d", key.Value, key.Line)}
	}
	at := colon + 1
	for at < len(b) && isSpace(b[at]) {
		at++
	}
	props := skipProperties(b, at)
	if props == at {
		return colon + 1, " " + text, nil
	}
	if c.e.src.lineOf(props) != key.Line {
		// Properties end the key's line; the value goes after them there.
		props = c.e.src.contentEnd(key.Line)
	}
	if props < len(b) && b[props] == '#' {
		return props, text + " ", nil
	}
	if !isSpace(b[props-1]) {
		text = " " + text
	}
	return props, text, nil
}

// keyEnd returns the offset of the colon after the key node k, or -1.
func (c *change) keyEnd(k *yaml.Node) int {
	b := c.e.src.b
	at := c.e.src.textStart(k)
	if at >= len(b) {
		return -1
	}
	if k.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		end, ok := quotedEnd(b, at)
		if !ok {
			return -1
		}
		at = end
	} else {
		at += len(k.Value)
	}
	for at < len(b) && isSpace(b[at]) {
		at++
	}
	if at < len(b) && b[at] == ':' {
		return at
	}
	return -1
}

// parentIndent is the column (from 0) of n's key, or of the dash before it in a list:
// the indentation that a value of n running over several lines must exceed.
func (c *change) parentIndent(parent, n *yaml.Node) int {
	if d := c.e.entryColumn(parent, n); d >= 0 {
		return d
	}
	return n.Column - 1
}

// keyOf returns the key of the mapping parent whose value is n, or nil.
func keyOf(parent, n *yaml.Node) *yaml.Node {
	if parent.Kind == yaml.MappingNode {
		for i := 1; i < len(parent.Content); i += 2 {
			if parent.Content[i] == n {
				return parent.Content[i-1]
			}
		}
	}
	return nil
}

// plainEnd returns the offset just after the plain scalar n, written from start: the
// end of its text on its line, before a comment, and, in block context, the lines of
// a scalar that continues below, deeper than indent.
func (c *change) plainEnd(n *yaml.Node, start int, flow bool, indent int) int {
	s := c.e.src
	b := s.b
	line := s.lineOf(start)
	lineEnd := func(l, from int) int {
		end := s.contentEnd(l)
		for i := from; i < end; i++ {
			if b[i] == '#' && i > from && isSpace(b[i-1]) {
				end = i
				break
			}
			if flow && (b[i] == ',' || b[i] == ']' || b[i] == '}') {
				end = i
				break
			}
		}
		for end > from && isSpace(b[end-1]) {
			end--
		}
		return end
	}
	end := lineEnd(line, start)
	if flow || string(b[start:end]) == n.Value {
		return end
	}
	for l := line + 1; l <= s.lines(); l++ {
		if s.blank(l) {
			continue
		}
		if s.comment(l) || s.indent(l) <= indent {
			break
		}
		end = lineEnd(l, s.lineStart(l))
	}
	return end
}

// render writes v for a scalar whose style was style, in flow or block context, a
// literal block's lines indented by indent. It returns the text and the tag the value
// reads back with.
func (c *change) render(style yaml.Style, v Value, flow bool, indent int) (string, string, error) {
	if tag := typedTag(v); tag != "" {
		return v.Text, tag, nil
	}
	s := v.Text
	switch {
	case style&yaml.DoubleQuotedStyle != 0:
		return doubleQuoted(s), "!!str", nil
	case style&yaml.SingleQuotedStyle != 0:
		if q, ok := singleQuoted(s); ok {
			return q, "!!str", nil
		}
		return doubleQuoted(s), "!!str", nil
	case flow:
		text, err := flowValue(s)
		return text, "!!str", err
	case style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		if lit, ok := literal(s, indent, c.e.eolStr); ok {
			return lit, "!!str", nil
		}
	}
	text, err := blockValue(s, indent, c.e.eolStr)
	return text, "!!str", err
}

// singleQuoted writes s in single quotes when it fits on one line of printable
// characters.
func singleQuoted(s string) (string, bool) {
	for _, r := range s {
		if !unicode.IsPrint(r) && r != ' ' || r == '\uFEFF' {
			return "", false
		}
	}
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if !readsBackBlock(q, s) {
		return "", false
	}
	return q, true
}

// addKey adds the keys t.missing lead through, the last with the value v, to the
// mapping t.parent: the first in the model's order of keys, before the first key written
// that the format puts after it, or after the last; any further ones as mappings nested
// below it, one key each.
func (c *change) addKey(t *target, v Value) error {
	m := t.parent
	if m.Kind != yaml.MappingNode {
		return errors.New("internal: a key added outside a mapping")
	}
	name := t.missing[0]
	// An empty mapping is written {}, so that it takes the key in flow style too.
	flow := m.Style&yaml.FlowStyle != 0 || len(m.Content) == 0
	style := yaml.Style(0)
	if flow {
		style = yaml.FlowStyle
	}
	// The nodes the result should have: the key, and a value that is v or nested
	// mappings down to v.
	kv := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}
	leaf := &yaml.Node{Kind: yaml.ScalarNode, Value: v.Text}
	vv, place := leaf, []int{}
	for i := len(t.missing) - 1; i > 0; i-- {
		vv = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: style, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: t.missing[i]}, vv}}
		place = append(place, 1)
	}
	before := placeFor(m, modelKeys(t.parentModel), name)
	if !flow && before == 0 && c.e.dashAt(m.Content[0]) >= 0 {
		// The first key shares its line with the list's dash: the new one goes after it.
		before = 2
	}
	w := c.clones[m]
	w.Content = slices.Insert(w.Content, before, kv, vv)
	c.free = append(c.free, slices.Concat(t.indexes, []int{before + 1}, place))
	if flow {
		return c.addFlowKey(t, before, leaf, v)
	}
	indent := m.Content[0].Column - 1
	step := c.e.detectLayout(nil).mapIndent
	var b strings.Builder
	for i, k := range t.missing {
		key := PlainOrQuoted(k)
		if key == "" || !readsBackBlock(key, k) {
			return &UnsafeEditError{Reason: fmt.Sprintf("cannot write the key %q", k)}
		}
		b.WriteString(strings.Repeat(" ", indent+i*step) + key + ":")
		if i < len(t.missing)-1 {
			b.WriteString(c.e.eolStr)
		}
	}
	depth := indent + (len(t.missing)-1)*step
	text, tag, err := c.render(0, v, false, depth+step)
	if err != nil {
		return err
	}
	b.WriteString(" " + text + c.e.eolStr)
	line := b.String()
	leaf.Tag = tag

	s := c.e.src
	if before < len(m.Content) {
		top := s.commentsAbove(m.Content[before].Line, indent)
		c.splices = append(c.splices, splice{at: s.lineStart(top), text: line})
		return nil
	}
	last := m.Content[len(m.Content)-2]
	end := c.e.entryEnd(m.Content[len(m.Content)-1], last.Line, indent)
	c.splices = append(c.splices, c.e.insertAfterLine(end, line, false))
	return nil
}

// placeFor returns the index in m.Content of the first key written that order (the
// model's keys) puts after name, or len(m.Content) when there is none.
func placeFor(m *yaml.Node, order []string, name string) int {
	rank := slices.Index(order, name)
	if rank < 0 {
		return len(m.Content)
	}
	for i := 0; i < len(m.Content); i += 2 {
		if slices.Index(order, m.Content[i].Value) > rank {
			return i
		}
	}
	return len(m.Content)
}

// addFlowKey adds the keys t.missing lead through to the flow mapping { ... }, as its
// entry at index before, nested mappings in flow style too; leaf is v's node in want.
func (c *change) addFlowKey(t *target, before int, leaf *yaml.Node, v Value) error {
	m := t.parent
	open, fs, err := c.e.openFlow(m)
	if err != nil {
		return err
	}
	text, tag, err := c.render(0, v, true, 0)
	if err != nil {
		return err
	}
	leaf.Tag = tag
	for i := len(t.missing) - 1; i >= 0; i-- {
		key, err := flowValue(t.missing[i])
		if err != nil {
			return err
		}
		text = key + ": " + text
		if i > 0 {
			text = "{" + text + "}"
		}
	}
	if before < len(m.Content) {
		k := m.Content[before]
		c.splices = append(c.splices, splice{at: c.e.src.offset(k.Line, k.Column), text: text + ", "})
		return nil
	}
	c.splices = append(c.splices, appendFlow(open, fs, len(m.Content) == 0, text))
	return nil
}

// Rename returns src with the scalars at the positions at (the references to an id that
// is renamed) set to the texts of the same index, each keeping its quoting style and any
// comment after it. Every other byte is kept, and the result is parsed again and must
// equal the original but for the change, or the edit is refused.
func Rename(src []byte, at []At, texts []string) ([]byte, error) {
	c, err := newChange(src)
	if err != nil {
		return nil, err
	}
	for i, pos := range at {
		if err := checkText(texts[i]); err != nil {
			return nil, err
		}
		if err := c.setAt(pos, texts[i], nil); err != nil {
			return nil, err
		}
	}
	return c.finish()
}
