package edit

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/planascode/plan/internal/yamltree"
	"gopkg.in/yaml.v3"
)

type editor struct {
	src  *source
	root *yaml.Node
	// hadBOM is set when the file starts with a byte-order mark, which src leaves out.
	hadBOM bool
	item   Item
	eolStr string
	lay    layout
}

// plan decides where the new entry goes and returns the splices that put it there. It
// walks the kind's path from the top level: the first step that is missing, or null, is
// created with the rest of the path under it; a list at the end of the path gets the
// entry.
func (e *editor) plan() ([]splice, error) {
	e.lay = e.detectLayout(e.existingList())
	m := e.root
	path := e.item.Kind.Path
	for i, step := range path {
		where := strings.Join(path[:i+1], ".")
		key, value, err := ownEntry(m, step)
		if err != nil {
			return nil, err
		}
		rest := path[i+1:]
		if value == nil {
			return e.newKey(m, path[i:], path[:i])
		}
		if value.Kind == yaml.ScalarNode && value.ShortTag() == "!!null" {
			if value.Anchor != "" && aliased(e.root, value, 0) {
				// Another key refers to the empty value (*name) and so counts as absent; a
				// first entry would give that key a value too, which nobody asked for and
				// which may not belong there. (An alias to a list that has entries
				// already sees the new one, as it saw the others.)
				return nil, &UnsafeEditError{Reason: fmt.Sprintf("the empty %s at line %d has an anchor (&%s) that another key refers to", where, value.Line, value.Anchor)}
			}
			if m.Style&yaml.FlowStyle != 0 {
				return e.flowNull(value, rest)
			}
			return e.emptyValue(key, value, len(value.Value), rest)
		}
		if len(rest) > 0 {
			if value.Kind != yaml.MappingNode {
				return nil, &UnsafeEditError{Reason: fmt.Sprintf("%s at line %d is not a mapping", where, value.Line)}
			}
			if value.Style&yaml.FlowStyle != 0 {
				if v, ok := ownValue(value, rest[0]); !ok || v == nil {
					return e.flowMapping(key, value, rest)
				}
			}
			m = value
			continue
		}
		if value.Kind != yaml.SequenceNode {
			return nil, &UnsafeEditError{Reason: fmt.Sprintf("%s at line %d is not a list", where, value.Line)}
		}
		if err := e.checkDuplicate(value); err != nil {
			return nil, err
		}
		if value.Style&yaml.FlowStyle != 0 {
			return e.flowList(key, value)
		}
		return e.blockList(value)
	}
	return nil, &UnsafeEditError{Reason: "the kind has no path"}
}

// existingList is the list the entry goes in when the file has it written, or nil.
func (e *editor) existingList() *yaml.Node {
	n := e.root
	for _, step := range e.item.Kind.Path {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		n, _ = ownValue(n, step)
	}
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n
}

// checkDuplicate refuses an id the list already has, naming the line where that entry
// starts (for an entry written as an alias, the alias).
func (e *editor) checkDuplicate(list *yaml.Node) error {
	id := e.item.ID()
	if id == "" {
		return nil
	}
	for _, it := range list.Content {
		if n := yamltree.Value(yamltree.Resolve(it), "id"); n != nil && n.Value == id {
			return &DuplicateIDError{Noun: e.item.Kind.Noun, ID: id, Line: it.Line}
		}
	}
	return nil
}

// nested renders keys as nested block mappings, the first key at column indent, the list
// under the last holding the new entry.
func (e *editor) nested(indent int, keys []string) string {
	return strings.Repeat(" ", indent) + keys[0] + ":" + e.eolStr + e.under(indent, keys[1:])
}

// under renders what goes under the key at column indent whose value was empty: the rest
// of the path, or the list's first entry.
func (e *editor) under(indent int, rest []string) string {
	if len(rest) == 0 {
		return e.blockItem(indent+e.lay.seqIndent, e.lay.dashGap)
	}
	return e.nested(indent+e.lay.mapIndent, rest)
}

// newKey creates keys, the rest of the path, in the mapping m that lacks keys[0]: before
// the first key that the format's order (the model's) puts after it, above that key's
// own comment lines; or else at the end of the document or
// after the mapping's last key. A blank line separates it from what follows where one
// separated that from what came before.
func (e *editor) newKey(m *yaml.Node, keys []string, parent []string) ([]splice, error) {
	if len(m.Content) == 0 {
		return nil, &UnsafeEditError{Reason: fmt.Sprintf("the mapping at line %d is empty", m.Line)}
	}
	indent := e.blockIndent(m)
	if indent < 0 {
		return nil, &UnsafeEditError{Reason: fmt.Sprintf("cannot find the keys of the mapping at line %d", m.Line)}
	}
	text := e.nested(indent, keys)
	model := reflect.Type(planType)
	for _, step := range parent {
		model = fieldType(model, step)
	}
	if i := placeFor(m, modelKeys(model), keys[0]); i < len(m.Content) {
		top := m.Content[i].Line
		if i > 0 {
			top = e.src.commentsAbove(top, indent)
		}
		if top > 1 && e.src.blank(top-1) {
			text += e.eolStr
		}
		return []splice{{at: e.src.lineStart(top), text: text}}, nil
	}
	if m != e.root {
		last := len(m.Content) - 2
		end := e.entryEnd(m.Content[last+1], m.Content[last].Line, indent)
		return []splice{e.insertAfterLine(end, text, e.item.endsInLineBreak())}, nil
	}
	return e.endOfDocument(text)
}

// flowUnder renders in flow style what goes under a key whose value is missing: the rest
// of the path, keys, as nested flow mappings ("{phases: [...]}"), or the list holding the
// new entry ("[{id: a, ...}]").
func (e *editor) flowUnder(keys []string) (string, error) {
	if len(keys) == 0 {
		item, err := flowFields(e.item.pairs())
		if err != nil {
			return "", err
		}
		return "[" + item + "]", nil
	}
	value, err := e.flowUnder(keys[1:])
	if err != nil {
		return "", err
	}
	return "{" + keys[0] + ": " + value + "}", nil
}

// flowNull replaces a null written inside a flow mapping ({measures: ~}) with the rest
// of the path and the entry in flow style, since a block collection cannot stand there.
func (e *editor) flowNull(value *yaml.Node, rest []string) ([]splice, error) {
	b := e.src.b
	at := e.src.textStart(value)
	n := len(value.Value)
	if n == 0 || at+n > len(b) || string(b[at:at+n]) != value.Value {
		return nil, &UnsafeEditError{Reason: fmt.Sprintf("cannot find the null at line %d", value.Line)}
	}
	text, err := e.flowUnder(rest)
	if err != nil {
		return nil, err
	}
	return []splice{{at: at, del: n, text: text}}, nil
}

// inFlow reports whether n is written inside a flow collection, where only flow style
// may follow.
func (e *editor) inFlow(n *yaml.Node) bool {
	c := e.root
	for _, i := range placeOf(e.root, n) {
		if c.Style&yaml.FlowStyle != 0 && (c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode) {
			return true
		}
		c = c.Content[i]
	}
	return false
}

// isSeqEntry reports whether a line's content after its indentation opens a block
// sequence entry.
func isSeqEntry(t []byte) bool {
	return len(t) > 0 && t[0] == '-' && (len(t) == 1 || t[1] == ' ' || t[1] == '\t')
}

// flowMapping adds the rest of the path to a flow mapping ({start: 2027-01-05}) in flow
// style, after its last entry, so that every byte already there stays. An empty one-line
// mapping ({}) becomes a block mapping.
func (e *editor) flowMapping(key, m *yaml.Node, rest []string) ([]splice, error) {
	open, fs, err := e.openFlow(m)
	if err != nil {
		return nil, err
	}
	if len(m.Content) == 0 && fs.empty && e.src.lineOf(fs.close) == e.src.lineOf(open) && !e.inFlow(m) {
		return e.emptyValue(key, m, fs.close+1-open, rest)
	}
	value, err := e.flowUnder(rest[1:])
	if err != nil {
		return nil, err
	}
	return []splice{appendFlow(open, fs, len(m.Content) == 0, rest[0]+": "+value)}, nil
}

// openFlow finds the bracket that opens the flow collection n, and scans the
// collection.
func (e *editor) openFlow(n *yaml.Node) (int, flowScan, error) {
	b := e.src.b
	bracket := byte('[')
	if n.Kind == yaml.MappingNode {
		bracket = '{'
	}
	open := e.src.textStart(n)
	if open >= len(b) || b[open] != bracket {
		return 0, flowScan{}, &UnsafeEditError{Reason: fmt.Sprintf("cannot find the '%c' of the collection at line %d", bracket, n.Line)}
	}
	fs, err := scanFlow(b, open)
	if err != nil {
		return 0, flowScan{}, &UnsafeEditError{Reason: err.Error()}
	}
	return open, fs, nil
}

// appendFlow adds text as the last entry of the flow collection that opens at open,
// after its last entry on that entry's line, keeping a trailing comma last.
func appendFlow(open int, fs flowScan, empty bool, text string) splice {
	switch {
	case empty:
		return splice{at: open + 1, text: text}
	case fs.trailingComma:
		return splice{at: fs.lastSig, text: " " + text + ","}
	}
	return splice{at: fs.lastSig, text: ", " + text}
}

// blockList appends after the last entry's own lines: after its last line of content and
// the comment lines that follow it directly at the depth of its keys, which describe it.
// Blank lines and shallower comments after that stay after the new entry, since they
// close the list or introduce what follows. An entry that goes before the last is
// inserted above the last and the comment lines directly above it, which belong to it,
// spaced as the last entry is from the one before: a blank line between them stays above
// the new entry, and one more is written below it.
func (e *editor) blockList(list *yaml.Node) ([]splice, error) {
	last := list.Content[len(list.Content)-1]
	dash, gap := e.dashAt(last), e.lay.dashGap
	if g := last.Column - 1 - dash; dash >= 0 && g >= 2 && g <= 8 {
		// The last entry's own spacing after its dash beats the file's first one.
		gap = g
	}
	if dash < 0 && !e.item.BeforeLast {
		// Appending can fall back on the list's indentation; inserting before the last
		// entry must also move that entry's comments, so it needs the dash it sits at.
		dash = e.blockIndent(list)
	}
	if dash < 0 {
		return nil, &UnsafeEditError{Reason: fmt.Sprintf("cannot find the dash of the last %s (line %d)", e.item.Kind.Noun, last.Line)}
	}
	text := e.blockItem(dash, gap)
	if !e.item.BeforeLast {
		end := e.entryEnd(last, last.Line, dash)
		return []splice{e.insertAfterLine(end, text, e.item.endsInLineBreak())}, nil
	}
	top := last.Line
	if len(list.Content) > 1 {
		// Comments above the first entry introduce the list, and stay above it all.
		top = e.src.commentsAbove(top, dash)
		if top > 1 && e.src.blank(top-1) {
			text += e.eolStr
		}
	}
	return []splice{{at: e.src.lineStart(top), text: text}}, nil
}

// dashAt returns the column (0-based) of the "-" that opens the sequence entry n when it
// stands on n's line, or -1.
func (e *editor) dashAt(n *yaml.Node) int {
	t := e.src.text(n.Line)
	off := e.src.offset(n.Line, n.Column) - e.src.lineStart(n.Line)
	for i := off - 1; i >= 0; i-- {
		switch t[i] {
		case ' ', '\t':
			continue
		case '-':
			return len([]rune(string(t[:i])))
		}
		return -1
	}
	return -1
}

// entryColumn returns the column (0-based) where the entry of parent that holds the value
// n starts: its key's, or in a list its dash's; -1 when no dash stands on n's line.
func (e *editor) entryColumn(parent, n *yaml.Node) int {
	if key := keyOf(parent, n); key != nil {
		return key.Column - 1
	}
	return e.dashAt(n)
}

// blockIndent returns the column (0-based) of a block collection's dashes or keys, or -1.
// The node's own position will not do when it carries an anchor or a tag: yaml.v3 then
// gives the position of those, which may sit on the line above.
func (e *editor) blockIndent(n *yaml.Node) int {
	if len(n.Content) == 0 {
		return -1
	}
	first := n.Content[0]
	if n.Kind == yaml.MappingNode {
		return first.Column - 1
	}
	if d := e.dashAt(first); d >= 0 {
		return d
	}
	if at := e.src.offset(n.Line, n.Column); at < len(e.src.b) && e.src.b[at] == '-' {
		return n.Column - 1
	}
	return -1
}

// entryEnd returns the last line of an entry of a block collection whose dashes or keys
// are at column depth: a list entry n, or a key and its value n, starting on line start.
// The entry runs to the next line of content at depth or shallower, except a line that
// opens an entry of n itself, a list written with its dashes at its key's column. Its last
// line is the last one holding content before that, where lines inside block, quoted and
// flow scalars and collections count as content whatever they look like, followed by the
// comment lines directly below deeper than depth, which describe it.
//
// The add commands, set and remove all ask this one function where an entry ends, so
// that what one of them puts after an entry another takes away with it.
func (e *editor) entryEnd(n *yaml.Node, start, depth int) int {
	inside := map[int]bool{}
	e.markMultiline(n, depth, inside)
	// A list whose dashes sit at its key's column ("stakeholders:\n- id: a"): a line
	// at depth that opens an entry is still n's. (A list entry's own value is never such
	// a list: a list under a dash is indented past it.)
	indentless := n.Kind == yaml.SequenceNode && n.Style&yaml.FlowStyle == 0 && e.blockIndent(n) == depth
	end := start
	for l := start + 1; l <= e.src.lines(); l++ {
		if inside[l] {
			end = l
			continue
		}
		if e.src.blank(l) || e.src.comment(l) {
			continue
		}
		ind := e.src.indent(l)
		if ind < depth || ind == depth && !(indentless && isSeqEntry(e.src.text(l)[ind:])) {
			break
		}
		end = l
	}
	return e.followingComments(end, depth)
}

// followingComments extends end over the comment lines directly below it that are
// indented deeper than depth.
func (e *editor) followingComments(end, depth int) int {
	for l := end + 1; l <= e.src.lines(); l++ {
		if !e.src.comment(l) || e.src.indent(l) <= depth {
			break
		}
		end = l
	}
	return end
}

// markMultiline records the lines after the first of every node under n that can span
// lines and hold text that looks like a comment or a blank line.
func (e *editor) markMultiline(n *yaml.Node, parentIndent int, inside map[int]bool) {
	mark := func(from, to int) {
		for l := from + 1; l <= to; l++ {
			inside[l] = true
		}
	}
	switch n.Kind {
	case yaml.ScalarNode:
		switch {
		case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
			mark(n.Line, e.blockScalarEnd(n, parentIndent))
		case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
			at := e.src.textStart(n)
			if at < len(e.src.b) && (e.src.b[at] == '"' || e.src.b[at] == '\'') {
				if end, ok := quotedEnd(e.src.b, at); ok {
					mark(n.Line, e.src.lineOf(end-1))
				}
			}
		}
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 {
			at := e.src.textStart(n)
			if at < len(e.src.b) && (e.src.b[at] == '[' || e.src.b[at] == '{') {
				if fs, err := scanFlow(e.src.b, at); err == nil {
					mark(n.Line, e.src.lineOf(fs.close))
				}
			}
			return
		}
		indent := e.blockIndent(n)
		if indent < 0 {
			indent = parentIndent
		}
		for _, c := range n.Content {
			e.markMultiline(c, indent, inside)
		}
	}
}

// blockScalarEnd returns the last line of the literal or folded scalar n, whose parent
// collection is indented parentIndent spaces.
func (e *editor) blockScalarEnd(n *yaml.Node, parentIndent int) int {
	b := e.src.b
	at := e.src.textStart(n)
	header := n.Line
	if at < len(b) && (b[at] == '|' || b[at] == '>') {
		header = e.src.lineOf(at)
	}
	contentIndent, keep := -1, false
	for i := at + 1; i < len(b) && i < at+3; i++ {
		switch c := b[i]; {
		case c >= '1' && c <= '9':
			contentIndent = parentIndent + int(c-'0')
		case c == '+':
			keep = true
		case c == '-':
		default:
			i = len(b)
		}
	}
	end, last := header, header
	for l := header + 1; l <= e.src.lines(); l++ {
		ind := e.src.indent(l)
		if e.src.blank(l) {
			if contentIndent >= 0 && ind > contentIndent {
				// Spaces beyond the indentation are content, not an empty line.
				end = l
			}
			last = l
			continue
		}
		if contentIndent < 0 {
			if ind <= parentIndent {
				break
			}
			contentIndent = ind
		}
		if ind < contentIndent {
			break
		}
		end, last = l, l
	}
	if keep {
		return last
	}
	return end
}

// insertAfterLine inserts the block text (lines ending in eol) after line n, keeping a
// missing final newline missing, unless keepBreak says the text's last value needs it: a
// text that ends in a line break is written as a literal block, whose last break is part
// of it.
func (e *editor) insertAfterLine(n int, text string, keepBreak bool) splice {
	at := e.src.nextLine(n)
	if !e.src.hasBreak(n) {
		if keepBreak {
			return splice{at: at, text: e.eolStr + text}
		}
		return splice{at: at, text: e.eolStr + strings.TrimSuffix(text, e.eolStr)}
	}
	return splice{at: at, text: text}
}

// emptyValue turns `stakeholders:` with no value, a null (`~`, `null`), `[]` or `{}`
// into a block list, or a block mapping holding the rest of the path. The null or the
// brackets (tokenLen bytes) and the spaces before them are removed, since a block
// collection cannot follow them; nothing else on their line moves.
func (e *editor) emptyValue(key, value *yaml.Node, tokenLen int, rest []string) ([]splice, error) {
	var out []splice
	anchor := key.Line
	if tokenLen > 0 {
		b := e.src.b
		at := e.src.textStart(value)
		if at+tokenLen > len(b) {
			return nil, &UnsafeEditError{Reason: "cannot find the value of " + key.Value}
		}
		if value.Kind == yaml.ScalarNode && string(b[at:at+tokenLen]) != value.Value {
			return nil, &UnsafeEditError{Reason: fmt.Sprintf("cannot find the null of %s at line %d", key.Value, value.Line)}
		}
		line := e.src.lineOf(at)
		from := at
		for from > e.src.lineStart(line) && isSpace(b[from-1]) {
			from--
		}
		del := at + tokenLen - from
		rest := strings.TrimRight(string(b[at+tokenLen:e.src.contentEnd(line)]), " \t")
		switch {
		case line == key.Line:
		case from == e.src.lineStart(line) && rest == "":
			// The value stood alone on its line: remove the line rather than leave it blank.
			del = e.src.nextLine(line) - from
		default:
			anchor = line
		}
		out = append(out, splice{at: from, del: del})
	}
	indent := key.Column - 1
	end := e.followingComments(anchor, indent)
	return append(out, e.insertAfterLine(end, e.under(indent, rest), e.item.endsInLineBreak())), nil
}

// flowList adds to a flow list in flow style, so that the entries already there keep
// every byte: on the same line for a one-line list, on a line of its own indented like
// the last entry when the list spans lines. An empty one-line list becomes a block list.
func (e *editor) flowList(key, list *yaml.Node) ([]splice, error) {
	b := e.src.b
	open, fs, err := e.openFlow(list)
	if err != nil {
		return nil, err
	}
	openLine := e.src.lineOf(open)
	// A list with no entries may still hold comments, which the scanner does not count
	// as empty; either way there is no last entry to add after.
	if len(list.Content) == 0 {
		if fs.empty && e.src.lineOf(fs.close) == openLine && !e.inFlow(list) {
			return e.emptyValue(key, list, fs.close+1-open, nil)
		}
		text, err := flowFields(e.item.pairs())
		if err != nil {
			return nil, err
		}
		if open+1 < len(b) && b[open+1] == '#' {
			// A comment right after "[" needs white space before its "#" to stay one.
			text += " "
		}
		return []splice{{at: open + 1, text: text}}, nil
	}
	item, err := flowFields(e.item.pairs())
	if err != nil {
		return nil, err
	}
	last := list.Content[len(list.Content)-1]
	if e.item.BeforeLast {
		return []splice{{at: e.src.offset(last.Line, last.Column), text: item + ", "}}, nil
	}
	if last.Line == openLine {
		return []splice{appendFlow(open, fs, false, item)}, nil
	}
	indent := strings.Repeat(" ", last.Column-1)
	sigLine := e.src.lineOf(fs.lastSig - 1)
	if e.src.lineOf(fs.close) > sigLine {
		// The closing bracket has a line of its own, and a comment may follow the last
		// entry: the comma goes right after the entry, the new entry on the next line.
		var out []splice
		comma := ""
		if fs.trailingComma {
			comma = ","
		} else {
			out = append(out, splice{at: fs.lastSig, text: ","})
		}
		return append(out, splice{at: e.src.nextLine(sigLine), text: indent + item + comma + e.eolStr}), nil
	}
	if fs.trailingComma {
		return []splice{{at: fs.lastSig, text: e.eolStr + indent + item + ","}}, nil
	}
	return []splice{{at: fs.lastSig, text: "," + e.eolStr + indent + item}}, nil
}

// endOfDocument inserts text, a new top-level section, at the end of the document,
// after a blank line where the last section has one before it.
func (e *editor) endOfDocument(text string) ([]splice, error) {
	// At the end: before a "..." document end marker if there is one.
	endLine := e.src.lines() + 1
	for l := e.src.lines(); l >= 1; l-- {
		if isDocumentEnd(e.src.text(l)) {
			endLine = l
			break
		}
		if !e.src.blank(l) && !e.src.comment(l) {
			break
		}
	}
	// The last section is separated from the one before when a blank line stands above
	// it, or above the comment lines that introduce it.
	lastKey := e.root.Content[len(e.root.Content)-2]
	top := lastKey.Line
	if len(e.root.Content) > 2 {
		top = e.src.commentsAbove(top, e.root.Column-1)
	}
	separated := top > 1 && e.src.blank(top-1)
	prev := endLine - 1
	if separated && prev >= 1 && !e.src.blank(prev) {
		text = e.eolStr + text
	}
	if endLine <= e.src.lines() {
		return []splice{{at: e.src.lineStart(endLine), text: text}}, nil
	}
	return []splice{e.insertAfterLine(prev, text, e.item.endsInLineBreak())}, nil
}

// blockItem renders the entry as a block sequence item whose dash is at column dash.
func (e *editor) blockItem(dash, gap int) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", dash))
	b.WriteString("-")
	b.WriteString(strings.Repeat(" ", gap-1))
	e.writeFields(&b, e.item.pairs(), dash+gap, true)
	return b.String()
}

func (e *editor) writeFields(b *strings.Builder, fs []pair, col int, first bool) {
	pad := strings.Repeat(" ", col)
	for _, f := range fs {
		if !first {
			b.WriteString(pad)
		}
		first = false
		b.WriteString(f.key)
		b.WriteString(":")
		switch {
		case f.list != nil:
			b.WriteString(e.eolStr)
			dash := col + e.lay.chanIndent
			for _, v := range f.list {
				b.WriteString(strings.Repeat(" ", dash))
				b.WriteString("-")
				b.WriteString(strings.Repeat(" ", e.lay.dashGap-1))
				b.WriteString(e.mustBlockValue(v, dash+e.lay.dashGap))
				b.WriteString(e.eolStr)
			}
		case f.inner != nil:
			b.WriteString(e.eolStr)
			e.writeFields(b, f.inner, col+e.lay.mapIndent, false)
		case f.raw != "":
			b.WriteString(" ")
			b.WriteString(f.raw)
			b.WriteString(e.eolStr)
		default:
			b.WriteString(" ")
			b.WriteString(e.mustBlockValue(f.str, col+e.lay.mapIndent))
			b.WriteString(e.eolStr)
		}
	}
}

// mustBlockValue renders a value that validate has vouched for; blockValue only fails on
// strings that cannot be YAML at all, which verify would then catch.
func (e *editor) mustBlockValue(s string, indent int) string {
	v, err := blockValue(s, indent, e.eolStr)
	if err != nil {
		return doubleQuoted(s)
	}
	return v
}

// flowFields renders the pairs fs, an entry or a mapping in it, as a flow mapping on one
// line.
func flowFields(fs []pair) (string, error) {
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		switch {
		case f.list != nil:
			vs := make([]string, len(f.list))
			for i, v := range f.list {
				s, err := flowValue(v)
				if err != nil {
					return "", err
				}
				vs[i] = s
			}
			parts = append(parts, f.key+": ["+strings.Join(vs, ", ")+"]")
		case f.inner != nil:
			s, err := flowFields(f.inner)
			if err != nil {
				return "", err
			}
			parts = append(parts, f.key+": "+s)
		case f.raw != "":
			parts = append(parts, f.key+": "+f.raw)
		default:
			s, err := flowValue(f.str)
			if err != nil {
				return "", err
			}
			parts = append(parts, f.key+": "+s)
		}
	}
	return "{" + strings.Join(parts, ", ") + "}", nil
}

// isDocumentEnd reports whether line is the "..." marker that ends a YAML document.
func isDocumentEnd(line []byte) bool {
	t := string(line)
	if !strings.HasPrefix(t, "...") {
		return false
	}
	rest := strings.TrimLeft(t[3:], " \t")
	return rest == "" || (rest[0] == '#' && len(rest) < len(t)-3)
}

// ownEntry returns the key and value of name written in the mapping m itself, the pair an
// edit may change; both are nil when m has none. A value that m has only through a merge
// key (<<) is refused: a key written in m would take its place, and everything the merge
// brought would be gone from the plan, though the edit only meant to add to it. (A null
// brought by a merge counts as absent, as the format says, and hides nothing.)
func ownEntry(m *yaml.Node, name string) (key, value *yaml.Node, err error) {
	if i := ownIndex(m, name); i >= 0 {
		return m.Content[i], m.Content[i+1], nil
	}
	if merge := mergedFrom(m, name, 0); merge != nil {
		return nil, nil, &UnsafeEditError{Reason: fmt.Sprintf("%s comes from the merge key (<<) at line %d; a %s key of the mapping's own would hide it: move %s out of the merged mapping first", name, merge.Line, name, name)}
	}
	return nil, nil, nil
}

// ownIndex is the index in m.Content of the key name written in m itself, or -1.
func ownIndex(m *yaml.Node, name string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Value == name && k.ShortTag() != "!!merge" {
			return i
		}
	}
	return -1
}

// ownValue is the value of the key name written in m itself, and whether there is one.
func ownValue(m *yaml.Node, name string) (*yaml.Node, bool) {
	if i := ownIndex(m, name); i >= 0 {
		return m.Content[i+1], true
	}
	return nil, false
}

// mergedFrom returns the merge key of mapping m through which m has a value for name
// that is not null, or nil. Merges of merges count; depth bounds a merge that reaches
// itself, which the loader refuses but a caller may not have loaded.
func mergedFrom(m *yaml.Node, name string, depth int) *yaml.Node {
	if depth > 100 {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if k.ShortTag() != "!!merge" {
			continue
		}
		v := yamltree.Resolve(m.Content[i+1])
		sources := []*yaml.Node{v}
		if v != nil && v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, src := range sources {
			src = yamltree.Resolve(src)
			if src == nil || src.Kind != yaml.MappingNode {
				continue
			}
			if v, ok := ownValue(src, name); ok && !yamltree.IsNull(v) || !ok && mergedFrom(src, name, depth+1) != nil {
				return k
			}
		}
	}
	return nil
}

// aliased reports whether an alias under n refers to target.
func aliased(n, target *yaml.Node, depth int) bool {
	if n == nil || depth > yamltree.MaxDepth {
		return false
	}
	if n.Kind == yaml.AliasNode {
		return n.Alias == target
	}
	for _, c := range n.Content {
		if aliased(c, target, depth+1) {
			return true
		}
	}
	return false
}
