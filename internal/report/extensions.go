package report

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/internal/yamltree"
)

// The format lets a plan's authors add their own x_ fields anywhere; plan neither checks
// nor uses them, but the report shows them rather than dropping them silently, in an
// appendix labelled as the plan's own. A plan may hold a great deal there, so the
// appendix is bounded: each value and the appendix as a whole, with a note of what was
// cut.

// Limits of the appendix.
const (
	// maxExtensionValue is the most characters of one value shown.
	maxExtensionValue = 2000
	// maxExtensionLines is the most lines of one list or mapping shown.
	maxExtensionLines = 40
	// maxExtensionNodes is the most YAML nodes of one list or mapping written out, so
	// that a huge value is never encoded in full only to be cut.
	maxExtensionNodes = 500
	// maxExtensionTotal is the most characters of values the appendix shows.
	maxExtensionTotal = 20000
	// maxExtensionFields is the most fields the appendix lists.
	maxExtensionFields = 200
	// maxExtensionLabel is the most characters of a key or a place shown.
	maxExtensionLabel = 100
)

// Extensions is the appendix of the plan's own x_ fields.
type Extensions struct {
	// Groups are the places that hold extensions, in the order of the file.
	Groups []ExtensionGroup
	// Omitted counts the fields left out once the appendix reached its limits; Limits
	// says what those are, in words.
	Omitted int
	Limits  string
}

// ExtensionGroup is the extensions of one place in the plan.
type ExtensionGroup struct {
	// Where names the place: "The plan", `Stakeholder "women"`, "Grievance › channel 2".
	Where string
	// Path is the place as a path into the file ("stakeholders[3]"), "" at the top.
	Path   string
	Fields []ExtensionField
}

// ExtensionField is one x_ field and its value as written.
type ExtensionField struct {
	// Key is the field's name (x_languages); Path its full path (stakeholders[3].x_languages).
	Key, Path string
	// Value is a scalar's text, or a list or mapping as compact YAML when Block is set.
	Value string
	Block bool
	// Cut says what was left out of the value, "" when it is shown whole.
	Cut string
	// Line is where the field is written in the plan.
	Line int
}

// extensionPlace is where the walk is: the place's name and path.
type extensionPlace struct {
	where, path string
	// top is set for the plan's top level.
	top bool
}

type extensionWalk struct {
	out *Extensions
	// total counts the characters of values shown, fields the fields.
	total, fields int
	groupIndex    map[*yaml.Node]int
}

func (d *Data) buildExtensions(p *plan.Plan) {
	root := yamltree.Resolve(p.Root)
	if root == nil || root.Kind != yaml.MappingNode {
		return
	}
	w := &extensionWalk{out: &Extensions{}, groupIndex: map[*yaml.Node]int{}}
	w.mapping(root, extensionPlace{where: "The plan", top: true})
	if len(w.out.Groups) == 0 && w.out.Omitted == 0 {
		return
	}
	if w.out.Omitted > 0 {
		w.out.Limits = fmt.Sprintf("the appendix shows at most %d fields and %s characters of values", maxExtensionFields, formatAmount(maxExtensionTotal, false))
	}
	d.Extensions = w.out
}

// pairs lists a mapping's keys and values, those merged in with << after its own, each
// key once (its own first, as YAML reads it).
func pairs(m *yaml.Node) [][2]*yaml.Node {
	var out [][2]*yaml.Node
	seen := map[string]bool{}
	add := func(kv [2]*yaml.Node) {
		if !seen[kv[0].Value] {
			seen[kv[0].Value] = true
			out = append(out, kv)
		}
	}
	var merged []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.ShortTag() == "!!merge" {
			merged = append(merged, m.Content[i+1])
		} else {
			add([2]*yaml.Node{k, m.Content[i+1]})
		}
	}
	for _, src := range merged {
		// A merge key takes one mapping or a list of them.
		src = yamltree.Resolve(src)
		sources := []*yaml.Node{src}
		if src != nil && src.Kind == yaml.SequenceNode {
			sources = src.Content
		}
		for _, s := range sources {
			if s = yamltree.Resolve(s); s != nil && s.Kind == yaml.MappingNode {
				for _, kv := range pairs(s) {
					add(kv)
				}
			}
		}
	}
	return out
}

func (w *extensionWalk) mapping(m *yaml.Node, at extensionPlace) {
	for _, kv := range pairs(m) {
		key, value := kv[0], yamltree.Resolve(kv[1])
		if yamltree.IsExtensionKey(key.Value) {
			w.add(m, at, key, value)
			continue
		}
		if value == nil {
			continue
		}
		switch value.Kind {
		case yaml.MappingNode:
			w.mapping(value, childPlace(at, key.Value))
		case yaml.SequenceNode:
			for i, item := range value.Content {
				if item = yamltree.Resolve(item); item != nil && item.Kind == yaml.MappingNode {
					w.mapping(item, itemPlace(at, key.Value, i, item))
				}
			}
		}
	}
}

// singular names one item of a list of the format.
var singular = map[string]string{
	"changes": "change", "objectives": "objective", "previous_engagement": "previous engagement",
	"stakeholders": "stakeholder", "items": "item", "techniques": "technique", "channels": "channel",
	"tiers": "tier", "disclosure": "disclosure", "activities": "activity", "risks": "risk",
	"decisions": "decision", "phases": "phase", "measures": "measure",
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// childPlace is the place a mapping under key is: "Grievance", "Policy › response", or a
// role, named by its key.
func childPlace(at extensionPlace, key string) extensionPlace {
	path := joinPath(at.path, key)
	if at.path == "roles" {
		return extensionPlace{where: fmt.Sprintf("Role %q", clip(key)), path: path}
	}
	if at.top {
		return extensionPlace{where: label(key), path: path}
	}
	return extensionPlace{where: at.where + " › " + strings.ToLower(label(key)), path: path}
}

// itemPlace is the place the i-th item of the list under key is: by its id when it has one
// (`Stakeholder "women"`), by its number otherwise ("Grievance › channel 2").
func itemPlace(at extensionPlace, key string, i int, item *yaml.Node) extensionPlace {
	path := fmt.Sprintf("%s[%d]", joinPath(at.path, key), i)
	one, ok := singular[key]
	if !ok {
		one = strings.ToLower(label(key)) + " item"
	}
	if id := yamltree.Value(item, "id"); id != nil && id.Kind == yaml.ScalarNode && !blank(id.Value) {
		return extensionPlace{where: fmt.Sprintf("%s %q", wording.Capitalise(one), clip(id.Value)), path: path}
	}
	if at.top {
		return extensionPlace{where: fmt.Sprintf("%s %d", wording.Capitalise(one), i+1), path: path}
	}
	return extensionPlace{where: fmt.Sprintf("%s › %s %d", at.where, one, i+1), path: path}
}

// clip cuts a key or an id to maxExtensionLabel characters, on one line.
func clip(s string) string {
	s = wording.OneLine(s)
	if utf8.RuneCountInString(s) <= maxExtensionLabel {
		return s
	}
	return string([]rune(s)[:maxExtensionLabel]) + "…"
}

func (w *extensionWalk) add(m *yaml.Node, at extensionPlace, key, value *yaml.Node) {
	out := w.out
	if w.total >= maxExtensionTotal || w.fields >= maxExtensionFields {
		out.Omitted++
		return
	}
	f := ExtensionField{Key: clip(key.Value), Path: joinPath(at.path, clip(key.Value)), Line: key.Line}
	f.Value, f.Block, f.Cut = extensionValue(value, min(maxExtensionValue, maxExtensionTotal-w.total))
	w.total += utf8.RuneCountInString(f.Value)
	w.fields++
	g, ok := w.groupIndex[m]
	if !ok {
		g = len(out.Groups)
		w.groupIndex[m] = g
		out.Groups = append(out.Groups, ExtensionGroup{Where: at.where, Path: at.path})
	}
	out.Groups[g].Fields = append(out.Groups[g].Fields, f)
}

// extensionValue writes a value as written: a scalar's text, or a list or mapping as
// compact YAML, cut to at most limit characters; cut says what was left out.
func extensionValue(n *yaml.Node, limit int) (value string, block bool, cut string) {
	if n == nil || yamltree.IsNull(n) {
		return "", false, ""
	}
	if n.Kind == yaml.ScalarNode {
		text, clipped := clipRunes(n.Value, limit)
		if clipped > 0 {
			cut = fmt.Sprintf("Shortened to %s characters; the plan holds %s more.", formatAmount(float64(limit), false), formatAmount(float64(clipped), false))
		}
		return text, false, cut
	}
	budget := maxExtensionNodes
	partial := false
	c := copyValue(n, &budget, &partial, limit)
	text, err := encodeYAML(c)
	if err != nil {
		return "", false, "Not shown: it cannot be written back as YAML."
	}
	text = strings.TrimRight(text, "\n")
	lines := strings.Split(text, "\n")
	if len(lines) > maxExtensionLines {
		text, partial = strings.Join(lines[:maxExtensionLines], "\n"), true
	}
	if utf8.RuneCountInString(text) > limit {
		text, _ = clipRunes(text, limit)
		// Cut at a line break, so that what is shown is whole lines.
		if i := strings.LastIndexByte(text, '\n'); i > 0 {
			text = text[:i]
		}
		partial = true
	}
	if partial {
		cut = "Shortened to fit the report; the plan holds the whole value."
	}
	return text, true, cut
}

// clipRunes cuts s to limit characters and says how many it dropped.
func clipRunes(s string, limit int) (string, int) {
	n := utf8.RuneCountInString(s)
	if n <= limit {
		return s, 0
	}
	return string([]rune(s)[:limit]), n - limit
}

// copyValue copies the value under n without comments or anchors, following aliases,
// with at most *budget nodes and scalars cut to limit characters; *partial is set when
// anything was left out.
func copyValue(n *yaml.Node, budget *int, partial *bool, limit int) *yaml.Node {
	n = yamltree.Resolve(n)
	*budget--
	c := &yaml.Node{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value}
	if n.Kind == yaml.ScalarNode {
		if v, clipped := clipRunes(n.Value, limit); clipped > 0 {
			c.Value, *partial = v, true
			// A cut scalar is no longer what its tag says (a cut number), so it is
			// written as the text it now is.
			c.Tag = "!!str"
		}
		return c
	}
	for i, child := range n.Content {
		if *budget <= 0 {
			*partial = true
			// A mapping needs its keys and values in pairs.
			if n.Kind == yaml.MappingNode && i%2 == 1 {
				c.Content = c.Content[:len(c.Content)-1]
			}
			break
		}
		c.Content = append(c.Content, copyValue(child, budget, partial, limit))
	}
	return c
}

// encodeYAML writes n as YAML, indented by two spaces.
func encodeYAML(n *yaml.Node) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return b.String(), nil
}
