package edit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/yamltree"
)

// Stakeholder is the entry AddStakeholder appends. Empty fields are left out of the file,
// and so is Vulnerable when false.
type Stakeholder struct {
	ID            string
	Name          string
	Profile       string
	Interest      string
	Influence     string
	Impact        string
	Participation string
	// Current and Desired are the engagement assessment: engagement.current and
	// engagement.desired in the file.
	Current    string
	Desired    string
	Channels   []string
	Vulnerable bool
	// Category is a value the plan's profile defines; Partner marks a partner or
	// governing body (left out when false); PartOf is the id of the group this one is
	// part of; Languages and Support are lists, Support of the format's values.
	Category  string
	Partner   bool
	PartOf    string
	Languages []string
	Support   []string
	Contact   string
	Notes     string
}

// DuplicateIDError is returned when the plan already has a stakeholder with the new id.
type DuplicateIDError struct {
	ID string
	// Line is where the existing stakeholder's id is.
	Line int
}

func (e *DuplicateIDError) Error() string {
	return fmt.Sprintf("a stakeholder with id %q already exists (line %d)", e.ID, e.Line)
}

// UnsafeEditError is returned when the edited file would not read back as the original
// plus the new stakeholder: the file's layout is one the splicer does not understand, and
// refusing is the only edit that cannot damage it.
type UnsafeEditError struct {
	Reason string
}

func (e *UnsafeEditError) Error() string {
	return "cannot add the stakeholder without disturbing the rest of the file (" + e.Reason + ")"
}

// SlugPattern is the format's pattern for ids.
var SlugPattern = lazyregexp.New(`^[a-z][a-z0-9_-]{0,62}$`)

// sectionOrder is the format's order of top-level sections; a new stakeholders list goes
// where this order puts it.
var sectionOrder = []string{
	"schema_version", "title", "profile", "version", "changes", "summary", "mandate",
	"context", "status", "objectives", "stakeholders", "roles", "budget", "policy",
	"grievance", "disclosure", "activities", "risks", "decisions", "timeline", "evaluation",
}

var bom = []byte(yamltree.BOM)

// AddStakeholder returns src with s appended to the top-level stakeholders list. Every
// byte of src outside the inserted block is kept: comments, blank lines, key order,
// quoting, line endings (a CRLF file gets a CRLF block), a byte-order mark and a missing
// final newline. The list is created in its place in the format's section order when
// absent. The result is re-parsed and compared with src before it is returned.
func AddStakeholder(src []byte, s Stakeholder) ([]byte, error) {
	if err := s.validate(); err != nil {
		return nil, err
	}
	body, hadBOM := bytes.CutPrefix(src, bom)
	root, err := parseRoot(body)
	if err != nil {
		return nil, err
	}
	e := &editor{src: newSource(body), root: root, item: s}
	e.eolStr = e.src.eol()
	splices, err := e.plan()
	if err != nil {
		return nil, err
	}
	out, err := apply(body, splices)
	if err != nil {
		return nil, err
	}
	if err := verify(root, out, s); err != nil {
		return nil, err
	}
	if hadBOM {
		out = append(append([]byte{}, bom...), out...)
	}
	return out, nil
}

func (s Stakeholder) validate() error {
	if !SlugPattern.MatchString(s.ID) {
		return fmt.Errorf("invalid id %q: an id is a lowercase letter followed by up to 62 lowercase letters, digits, '_' or '-'", s.ID)
	}
	if strings.TrimSpace(s.Name) == "" {
		return errors.New("a stakeholder needs a name")
	}
	values := []string{s.Name, s.Profile, s.Interest, s.Influence, s.Impact, s.Participation, s.Current, s.Desired, s.Category, s.PartOf, s.Contact, s.Notes}
	values = append(append(append(values, s.Channels...), s.Languages...), s.Support...)
	for _, v := range values {
		if !utf8.ValidString(v) {
			return fmt.Errorf("%q is not valid UTF-8", v)
		}
		if strings.IndexByte(v, 0) >= 0 {
			// Written as "\0" it would be YAML, but a plan holds text, and the loader
			// refuses the character however it is written.
			return fmt.Errorf("%q holds a NUL character: a plan holds text only", v)
		}
	}
	return nil
}

// field is one key of the new entry with its value: a string, true, a list of strings
// (isL) or nested fields.
type field struct {
	key   string
	str   string
	flag  bool
	isB   bool
	list  []string
	isL   bool
	inner []field
}

// fields lists the entry's keys in the order the format documents them.
func (s Stakeholder) fields() []field {
	var fs []field
	str := func(k, v string) {
		if v != "" {
			fs = append(fs, field{key: k, str: v})
		}
	}
	str("id", s.ID)
	str("name", s.Name)
	str("profile", s.Profile)
	str("interest", s.Interest)
	str("influence", s.Influence)
	str("impact", s.Impact)
	str("participation", s.Participation)
	if s.Current != "" || s.Desired != "" {
		var inner []field
		if s.Current != "" {
			inner = append(inner, field{key: "current", str: s.Current})
		}
		if s.Desired != "" {
			inner = append(inner, field{key: "desired", str: s.Desired})
		}
		fs = append(fs, field{key: "engagement", inner: inner})
	}
	if len(s.Channels) > 0 {
		fs = append(fs, field{key: "channels", list: s.Channels, isL: true})
	}
	if s.Vulnerable {
		fs = append(fs, field{key: "vulnerable", flag: true, isB: true})
	}
	str("category", s.Category)
	if s.Partner {
		fs = append(fs, field{key: "partner", flag: true, isB: true})
	}
	str("part_of", s.PartOf)
	if len(s.Languages) > 0 {
		fs = append(fs, field{key: "languages", list: s.Languages, isL: true})
	}
	if len(s.Support) > 0 {
		fs = append(fs, field{key: "support", list: s.Support, isL: true})
	}
	str("contact", s.Contact)
	str("notes", s.Notes)
	return fs
}

// endsInLineBreak reports whether the entry's last value is text ending in a line break.
func (s Stakeholder) endsInLineBreak() bool {
	fs := s.fields()
	return len(fs) > 0 && strings.HasSuffix(fs[len(fs)-1].str, "\n")
}

// want is the entry as yaml.v3 decodes it, for verification.
func (s Stakeholder) want() map[string]any {
	return fieldsValue(s.fields())
}

func fieldsValue(fs []field) map[string]any {
	m := make(map[string]any, len(fs))
	for _, f := range fs {
		switch {
		case f.isB:
			m[f.key] = f.flag
		case f.isL:
			l := make([]any, len(f.list))
			for i, v := range f.list {
				l[i] = v
			}
			m[f.key] = l
		case f.inner != nil:
			m[f.key] = fieldsValue(f.inner)
		default:
			m[f.key] = f.str
		}
	}
	return m
}

func parseRoot(body []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(yamltree.YAML11Directive(body)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("the file is empty")
		}
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, errors.New("the file holds more than one YAML document")
	case !errors.Is(err, io.EOF):
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the top level is not a mapping")
	}
	root := doc.Content[0]
	if root.Style&yaml.FlowStyle != 0 {
		return nil, &UnsafeEditError{Reason: "the top level is a flow mapping { ... }"}
	}
	return root, nil
}

// splice replaces src[at:at+del] with text.
type splice struct {
	at, del int
	text    string
}

// apply makes the splices, which must not overlap; at one offset, an insertion goes
// before a deletion.
func apply(src []byte, splices []splice) ([]byte, error) {
	sort.SliceStable(splices, func(i, j int) bool {
		if splices[i].at != splices[j].at {
			return splices[i].at < splices[j].at
		}
		return splices[i].del < splices[j].del
	})
	var out bytes.Buffer
	last := 0
	for _, sp := range splices {
		if sp.at < last || sp.at+sp.del > len(src) {
			return nil, &UnsafeEditError{Reason: "the edits overlap"}
		}
		out.Write(src[last:sp.at])
		out.WriteString(sp.text)
		last = sp.at + sp.del
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}
