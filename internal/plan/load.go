package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/planschema"
	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/internal/yamltree"
)

// Limits that keep a hostile or broken file from exhausting memory or time.
const (
	// DefaultMaxSize is the largest file the loader reads unless told otherwise.
	DefaultMaxSize = 10 << 20
)

// Rule ids for the two ways a file can fail before any lint rule runs.
const (
	RuleYAMLSyntax = "yaml-syntax"
	RuleSchema     = "schema"
)

// Options tune the loader.
type Options struct {
	// MaxSize is the largest file accepted, in bytes; zero means DefaultMaxSize.
	MaxSize int64
}

// Error is a plan that could not be loaded: it is not valid YAML or breaks the schema.
// Its findings carry the positions; Error() is the first of them on one line.
type Error struct {
	Findings []diag.Finding
}

func (e *Error) Error() string {
	if len(e.Findings) == 0 {
		return "invalid plan"
	}
	f := e.Findings[0]
	msg := fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Col, f.Message)
	if n := len(e.Findings) - 1; n > 0 {
		msg += " (and " + wording.Plural(n, "more problem") + ")"
	}
	return msg
}

// Load reads the plan at path and parses it under name, what findings call the file (the
// path as the user typed it). A file that cannot be read gives a plain error; one that is
// not a valid plan gives an *Error.
func Load(name, path string, opts Options) (*Plan, error) {
	data, err := ReadFile(path, opts)
	if err != nil {
		return nil, err
	}
	return Parse(name, data, opts)
}

// ReadFile reads path for loading without reading past the size limit: a file that
// cannot be read gives a plain error, one over the limit an *Error (a yaml-syntax finding).
func ReadFile(path string, opts Options) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, readError(path, err)
	}
	if info.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a plan file", path)
	}
	data, err := readSized(f, info.Size(), opts.maxSize())
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, tooLarge(path, opts.maxSize())
		}
		return nil, readError(path, err)
	}
	return data, nil
}

func readError(path string, err error) error {
	return fmt.Errorf("%s: cannot read: %v", path, fserr.Cause(err))
}

// ErrTooLarge is returned by ReadLimited for input over the limit.
var ErrTooLarge = errors.New("file too large")

// ReadLimited reads all of r, or fails once it passes max bytes without reading the rest.
func ReadLimited(r io.Reader, max int64) ([]byte, error) {
	// One byte past max tells a file of exactly max bytes from a larger one; at the
	// largest int64 there is no byte past it.
	data, err := io.ReadAll(io.LimitReader(r, max+min(1, math.MaxInt64-max)))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, ErrTooLarge
	}
	return data, nil
}

// readSized is ReadLimited for a file whose size is known: one buffer of the right size
// instead of io.ReadAll's doubling from 512 bytes, which copied a typical plan several
// times over. The size is only a hint, so a file that grew or shrank since is still read
// whole and still held to max.
func readSized(r io.Reader, size, max int64) ([]byte, error) {
	if size <= 0 || size > max {
		return ReadLimited(r, max)
	}
	buf := make([]byte, size+1)
	n, err := io.ReadFull(r, buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return buf[:n], nil
	case err != nil:
		return nil, err
	}
	// The file is larger than it was: read the rest under the limit.
	rest, err := ReadLimited(r, max-int64(n))
	if err != nil {
		return nil, err
	}
	return append(buf, rest...), nil
}

func (o Options) maxSize() int64 {
	if o.MaxSize > 0 {
		return o.MaxSize
	}
	return DefaultMaxSize
}

func tooLarge(file string, max int64) *Error {
	return syntaxError(file, 1, 1, fmt.Sprintf("the file is larger than the %s limit", formatSize(max)))
}

func formatSize(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return wording.Plural(int(n), "byte")
}

// syntaxErrors reports the problems that stop a tree from being read as yaml-syntax
// findings.
func syntaxErrors(file string, problems []yamltree.Problem) *Error {
	fs := make([]diag.Finding, 0, len(problems))
	for _, p := range problems {
		fs = append(fs, syntaxError(file, p.Line, p.Col, p.Message).Findings...)
	}
	return &Error{Findings: diag.Sort(fs)}
}

func syntaxError(file string, line, col int, msg string) *Error {
	return oneFinding(file, line, col, RuleYAMLSyntax, msg)
}

// oneFinding is the *Error of a file that fails to load for one reason, an error of rule.
func oneFinding(file string, line, col int, rule, msg string) *Error {
	return &Error{Findings: []diag.Finding{{File: file, Line: line, Col: col, Rule: rule, Severity: diag.Error, Message: msg}}}
}

// decodeTree turns a file's bytes into its top node, refusing what must never load: a
// file over the size limit, one that is not UTF-8 or holds a NUL byte, one with several
// documents, and an empty one. Parse and DecodeValue share it, so that the value checked
// against the schema elsewhere is the one plan checks.
func decodeTree(file string, data []byte, opts Options, kind Document) (*yaml.Node, error) {
	if int64(len(data)) > opts.maxSize() {
		return nil, tooLarge(file, opts.maxSize())
	}
	body := yamltree.WithoutBOM(data)
	if line, col, ok := yamltree.FirstInvalidUTF8(body); ok {
		return nil, syntaxError(file, line, col, "the file is not valid UTF-8: save it as UTF-8")
	}
	if line, col, ok := yamltree.FirstNUL(body); ok {
		return nil, syntaxError(file, line, col, "the file holds a NUL byte: it is not a text file")
	}

	dec := yaml.NewDecoder(bytes.NewReader(yamltree.YAML11Directive(body)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, oneFinding(file, 1, 1, RuleSchema, kind.Empty)
		}
		return nil, yamlError(file, body, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, syntaxError(file, max(extra.Line, 1), 1, "the file holds more than one YAML document: a "+kind.Noun+" is one document, remove the extra \"---\"")
	case !errors.Is(err, io.EOF):
		return nil, yamlError(file, body, err)
	}
	if len(doc.Content) == 0 || yamltree.IsNull(doc.Content[0]) {
		return nil, oneFinding(file, 1, 1, RuleSchema, kind.Empty)
	}
	return doc.Content[0], nil
}

// Parse reads a plan from data; file names it in findings.
func Parse(file string, data []byte, opts Options) (*Plan, error) {
	p := &Plan{File: file, Source: data}
	root, err := DecodeDocument(file, data, opts, planDocument, p)
	if err != nil {
		return nil, err
	}
	p.Root = root
	return p, nil
}

// Document is a kind of YAML document the loader reads (a plan, or an engagement
// record): how it is named in messages and the schema it is checked against.
type Document struct {
	// Noun names one document in messages: "plan".
	Noun string
	// Keys names the top-level keys a document starts with, for the message about a file
	// whose top level is not a mapping: "schema_version and title".
	Keys string
	// Empty is the message for an empty file.
	Empty string
	// Validate returns the first n violations of the schema (all when n < 0).
	Validate func(v any, n int) []planschema.Violation
}

var planDocument = Document{
	Noun:     "plan",
	Keys:     "schema_version and title",
	Empty:    "the file is empty: a plan needs at least schema_version: 1 and a title (try `plan init`)",
	Validate: planschema.ValidateFirst,
}

// DecodeDocument reads data as a document of kind doc into out, a pointer to a struct of
// the model whose fields are tagged as the plan's are, and binds every Position in it.
// It refuses what Parse refuses, with the same findings, so that every kind of file the
// tool reads survives the same bad input. It returns the top-level mapping node.
func DecodeDocument(file string, data []byte, opts Options, doc Document, out any) (*yaml.Node, error) {
	root, err := decodeTree(file, data, opts, doc)
	if err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, oneFinding(file, root.Line, root.Column, RuleSchema,
			fmt.Sprintf("the top level must be a mapping of keys such as %s, not %s", doc.Keys, kindWord(yamltree.Resolve(root))))
	}

	value, problems := yamltree.ToValue(root)
	if len(problems) > 0 {
		return nil, syntaxErrors(file, problems)
	}
	if fs := schemaFindings(file, data, root, value, doc); len(fs) > 0 {
		return nil, &Error{Findings: fs}
	}

	yamltree.ExpandAliases(root)
	if err := root.Decode(out); err != nil {
		// The schema has already vouched for every type, so this is a gap between the
		// schema and the model; report it, at the first value yaml.v3 could not decode,
		// rather than crash.
		line, msg := yamltree.ErrorLine(err)
		return nil, oneFinding(file, max(line, 1), 1, RuleSchema, "the "+doc.Noun+" could not be read: "+msg)
	}
	bindPositions(reflect.ValueOf(out), nil, root)
	return root, nil
}

func yamlError(file string, body []byte, err error) *Error {
	line, col, msg := yamltree.YAMLErrorPosition(body, err)
	return syntaxError(file, line, col, "invalid YAML: "+msg)
}

func kindWord(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "true or false"
	}
	return "a single value"
}

func schemaFindings(file string, source []byte, root *yaml.Node, value any, doc Document) []diag.Finding {
	// One past the cap tells whether there are more, and where the first of them is.
	violations := doc.Validate(value, yamltree.MaxProblems+1)
	if len(violations) == 0 {
		return nil
	}
	more := len(violations) > yamltree.MaxProblems
	if more {
		violations[yamltree.MaxProblems].Message = fmt.Sprintf("the "+doc.Noun+" breaks the schema in more than %d places: the rest, from here on, are not listed; fix these and check again", yamltree.MaxProblems)
	}
	lines := yamltree.NewLines(source)
	fs := make([]diag.Finding, 0, len(violations))
	for _, v := range violations {
		line, col := 1, 1
		keyNode, valueNode := yamltree.Locate(root, v.Tokens)
		target := valueNode
		if v.AtKey != "" {
			if k, _ := yamltree.Lookup(valueNode, v.AtKey); k != nil {
				target = k
			}
		} else if v.AtParent {
			target = keyNode
			if keyNode == nil && len(v.Tokens) > 0 {
				target = valueNode
			}
		}
		endLine, endCol := line, col
		if target != nil && (len(v.Tokens) > 0 || v.AtKey != "") {
			line, col = target.Line, target.Column
			endLine, endCol = lines.End(target)
		}
		pointer := yamltree.Pointer(v.Tokens...)
		if v.AtKey != "" {
			pointer = yamltree.Pointer(append(slices.Clone(v.Tokens), v.AtKey)...)
		}
		fs = append(fs, diag.Finding{
			File: file, Line: line, Col: col, EndLine: endLine, EndCol: endCol, Rule: RuleSchema, Severity: diag.Error,
			Message: v.Message, Pointer: pointer,
		})
	}
	return diag.Sort(fs)
}

// DecodeValue parses data as the loader does and returns the plain value that is
// validated against the schema (maps, lists, strings, numbers, booleans; dates as
// YYYY-MM-DD strings; empty values dropped), for tools that check the schema
// independently. It returns an *Error for files the loader rejects before validation.
func DecodeValue(file string, data []byte, opts Options) (any, error) {
	root, err := decodeTree(file, data, opts, planDocument)
	if err != nil {
		return nil, err
	}
	value, problems := yamltree.ToValue(root)
	if len(problems) > 0 {
		return nil, syntaxErrors(file, problems)
	}
	return value, nil
}
