package edit

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/yamltree"
)

// DuplicateIDError is returned when the list already has an entry with the new id.
type DuplicateIDError struct {
	// Noun is the kind of entry: "stakeholder", "phase".
	Noun string
	ID   string
	// Line is where the existing entry's id is.
	Line int
}

func (e *DuplicateIDError) Error() string {
	return fmt.Sprintf("a %s with id %q already exists (line %d)", e.Noun, e.ID, e.Line)
}

// UnsafeEditError is returned when the edited file would not read back as the original
// plus the edit: the file's layout is one the splicer does not understand, and refusing
// is the only edit that cannot damage it.
type UnsafeEditError struct {
	Reason string
}

func (e *UnsafeEditError) Error() string {
	return "cannot make the edit without disturbing the rest of the file (" + e.Reason + ")"
}

// SlugPattern is the format's pattern for ids.
var SlugPattern = lazyregexp.New(`^[a-z][a-z0-9_-]{0,62}$`)

var bom = []byte(yamltree.BOM)

// AddItem returns src with it appended to its kind's list. Every byte of src outside the
// inserted block is kept: comments, blank lines, key order, quoting, line endings (a CRLF
// file gets a CRLF block), a byte-order mark and a missing final newline. A missing list,
// and a missing mapping that holds it (timeline for timeline.phases), is created in its
// place: a top-level section in the format's section order, a nested key at the end of
// its mapping. An id the list already has is refused. The result is re-parsed and
// compared with src before it is returned.
func AddItem(src []byte, it Item) ([]byte, error) {
	if err := it.Validate(); err != nil {
		return nil, err
	}
	e, err := newEditor(src)
	if err != nil {
		return nil, err
	}
	e.item = it
	splices, err := e.plan()
	if err != nil {
		return nil, err
	}
	out, err := apply(e.src.b, splices)
	if err != nil {
		return nil, err
	}
	if err := verify(e.root, out, it); err != nil {
		return nil, err
	}
	return e.restoreBOM(out), nil
}

// newEditor reads src, which may start with a byte-order mark, for an edit.
func newEditor(src []byte) (*editor, error) {
	body, hadBOM := bytes.CutPrefix(src, bom)
	root, err := parseRoot(body)
	if err != nil {
		return nil, err
	}
	e := &editor{src: newSource(body), root: root, hadBOM: hadBOM}
	e.eolStr = e.src.eol()
	return e, nil
}

// restoreBOM puts back the byte-order mark that the file started with, which the editor
// reads past, before the edited body out.
func (e *editor) restoreBOM(out []byte) []byte {
	if e.hadBOM {
		return append(append([]byte{}, bom...), out...)
	}
	return out
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
	slices.SortStableFunc(splices, func(a, b splice) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.del, b.del))
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
