// Package planschema validates decoded plan values against the embedded JSON Schema and
// turns the validator's errors into short sentences tied to JSON pointer tokens, which the
// loader maps back to YAML nodes.
package planschema

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/currency"

	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/schema"
)

// Violation is one way a value breaks the schema.
type Violation struct {
	// Tokens is the JSON pointer of the value the violation is about.
	Tokens []string
	// AtKey names a key under Tokens that the finding should point at (unknown keys).
	AtKey string
	// AtParent asks the caller to point at the key that holds the value at Tokens, since
	// what is wrong is something missing from it.
	AtParent bool
	Message  string
}

var (
	planSchema = sync.OnceValues(func() (*validator, error) {
		return compile(schema.Plan, schema.PlanID)
	})
	configSchema = sync.OnceValues(func() (*validator, error) {
		return compile(schema.Config, schema.ConfigID)
	})
	recordSchema = sync.OnceValues(func() (*validator, error) {
		return compile(schema.Record, schema.RecordID)
	})
)

// validator is a compiled schema together with its raw form, which is read to suggest
// the right key for a misspelt one.
type validator struct {
	schema *jsonschema.Schema
	raw    any
}

func compile(data []byte, id string) (*validator, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("embedded schema is not JSON: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	sch, err := c.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("embedded schema does not compile: %w", err)
	}
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	return &validator{schema: sch, raw: raw}, nil
}

// ValidateFirst checks v against the plan schema, and then what the schema can only
// shape: that budget.currency is a code ISO 4217 knows. It returns only the first n
// violations (all when n < 0), in the order of their place in the value, list items in
// order. The rest cost next to nothing: only the violations returned are worded, so a
// file with hundreds of thousands of them is refused as fast as one with a few. The
// schema is compiled on first use only, so commands that never validate start no slower.
func ValidateFirst(v any, n int) []Violation {
	if vs := mustCompiled(planSchema).validate(v, n); len(vs) > 0 {
		return vs
	}
	return currencyViolations(v)
}

// currencyViolations checks budget.currency against ISO 4217 (golang.org/x/text keeps
// the list). The schema asks only for three capital letters, so that editors and other
// validators, which know no currency list, still read the schema alone.
func currencyViolations(v any) []Violation {
	plan, _ := v.(map[string]any)
	budget, _ := plan["budget"].(map[string]any)
	code, ok := budget["currency"].(string)
	if !ok {
		return nil
	}
	if _, err := currency.ParseISO(code); err != nil {
		tokens := []string{"budget", "currency"}
		return []Violation{{Tokens: tokens, Message: withPath(tokens, fmt.Sprintf("%q is not an ISO 4217 currency code: use one such as AUD, EUR, GBP or USD", code))}}
	}
	return nil
}

// ValidateRecordFirst checks v against the record schema, returning only the first n
// violations (all when n < 0), as ValidateFirst does for a plan.
func ValidateRecordFirst(v any, n int) []Violation {
	return mustCompiled(recordSchema).validate(v, n)
}

// ValidateConfig checks v against the .planrc.yaml schema.
func ValidateConfig(v any) []Violation {
	return mustCompiled(configSchema).validate(v, -1)
}

func mustCompiled(get func() (*validator, error)) *validator {
	v, err := get()
	if err != nil {
		// The schemas are embedded and tested; failing here is a build defect.
		panic(err)
	}
	return v
}

// pending is a violation whose message is written only if it is reported: a file can
// break the schema hundreds of thousands of times, and its findings are capped. It holds
// what the message is made from rather than a closure, which cost an allocation each.
type pending struct {
	tokens []string
	// key is the unknown key (AtKey) or the missing one (AtParent), by kind.
	key string
	e   *jsonschema.ValidationError
}

func (p *pending) violation() Violation {
	v := Violation{Tokens: p.tokens}
	switch p.e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		v.AtKey = p.key
	case *kind.Required:
		v.AtParent = true
	}
	return v
}

func (cs *validator) validate(v any, n int) []Violation {
	err := cs.schema.Validate(v)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []Violation{{Message: err.Error()}}
	}
	var all []pending
	cs.collect(ve, &all)
	// The validator's error tree follows map iteration order; sorting makes "the first
	// problem" the same on every run. Messages break ties, so they are written for a
	// run of violations at one place at a time, and only until n are kept.
	slices.SortStableFunc(all, comparePlace)
	var out []Violation
	for start := 0; start < len(all) && (n < 0 || len(out) < n); {
		end := start + 1
		for end < len(all) && comparePlace(all[start], all[end]) == 0 {
			end++
		}
		group := make([]Violation, 0, end-start)
		for i := range all[start:end] {
			p := &all[start+i]
			w := p.violation()
			w.Message = withPath(p.tokens, cs.message(p, v))
			group = append(group, w)
		}
		slices.SortStableFunc(group, func(a, b Violation) int { return strings.Compare(a.Message, b.Message) })
		// anyOf branches can say the same thing twice about one place.
		out = append(out, slices.CompactFunc(group, func(a, b Violation) bool { return a.Message == b.Message })...)
		start = end
	}
	if n >= 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

func (p *pending) atKey() string {
	if _, ok := p.e.ErrorKind.(*kind.AdditionalProperties); ok {
		return p.key
	}
	return ""
}

// comparePlace orders violations by the place they are about: token by token, list
// indices as numbers, then the key they point at.
func comparePlace(a, b pending) int {
	for i := 0; i < len(a.tokens) && i < len(b.tokens); i++ {
		x, y := a.tokens[i], b.tokens[i]
		if x == y {
			continue
		}
		if isIndex(x) && isIndex(y) && len(x) != len(y) {
			return cmp.Compare(len(x), len(y))
		}
		return strings.Compare(x, y)
	}
	return cmp.Or(cmp.Compare(len(a.tokens), len(b.tokens)), strings.Compare(a.atKey(), b.atKey()))
}

// collect turns the validator's error tree into pending violations: one for each key
// unknown or missing, else one for the place. Their tokens are a copy of the instance
// location, which the validator may reuse for later errors.
func (cs *validator) collect(e *jsonschema.ValidationError, out *[]pending) {
	keys := []string{""}
	switch k := e.ErrorKind.(type) {
	case *kind.Group, *kind.AllOf, *kind.Schema, *kind.Reference:
		for _, c := range e.Causes {
			cs.collect(c, out)
		}
		return
	case *kind.AnyOf, *kind.OneOf:
		if _, ok := mergedTypes(e); !ok {
			for _, c := range e.Causes {
				cs.collect(c, out)
			}
			return
		}
	case *kind.AdditionalProperties:
		keys = k.Properties
	case *kind.Required:
		keys = k.Missing
	}
	tokens := slices.Clone(e.InstanceLocation)
	for _, key := range keys {
		*out = append(*out, pending{tokens: tokens, key: key, e: e})
	}
}

// message words p, without its path; v is the value validated, read for what a mapping
// already holds.
func (cs *validator) message(p *pending, v any) string {
	switch p.e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		msg, _ := mergedTypes(p.e)
		return msg
	case *kind.AdditionalProperties:
		// A key the mapping already has is no suggestion: taking it would make a
		// duplicate key.
		present, _ := valueAt(v, p.tokens).(map[string]any)
		var allowed []string
		for _, a := range cs.allowedKeys(p.e.SchemaURL) {
			if _, taken := present[a]; !taken {
				allowed = append(allowed, a)
			}
		}
		msg := fmt.Sprintf("unknown key %q", p.key)
		switch s := wording.Closest(p.key, allowed); {
		case p.key == "date" && slices.Contains(allowed, "start"):
			// "days" is the closest spelling, but a date belongs in start or end.
			msg += ": a phase's dates are its start and end (or weeks or days from its start)"
		case s != "":
			msg += fmt.Sprintf(": did you mean %q?", s)
		default:
			msg += ": remove it, or prefix it with x_ to keep your own data"
		}
		return msg
	case *kind.Required:
		return fmt.Sprintf("missing required key %q: add it", p.key)
	}
	return describe(p.e)
}

func withPath(tokens []string, msg string) string {
	if len(tokens) == 0 {
		return msg
	}
	return PathString(tokens) + ": " + msg
}

// PathString renders JSON pointer tokens the way people read them, in messages:
// stakeholders[2].name. A key that is not a plain word (x_notes["who to ask?"]) is
// quoted, so that a dot, a bracket or a line break in it cannot pass for the path's own.
func PathString(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		switch {
		case isIndex(t):
			b.WriteString("[" + t + "]")
		case !plainKey(t):
			b.WriteString("[" + strconv.Quote(t) + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(t)
		}
	}
	return b.String()
}

// isIndex reports whether a token is a list index: digits only. (A mapping key of digits
// only reads the same; the format has none.)
func isIndex(t string) bool {
	if t == "" {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// plainKey reports whether key is written as it is in a path: ASCII letters, digits, _
// and -, as every key of the format is.
func plainKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

var dateShape = lazyregexp.New(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

const (
	// datePattern is the schema's: YYYY-MM-DD, or a month, quarter or season, with a year
	// from 0001, since there was no year 0.
	datePattern = "^(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-(?:[0-9]{2}-[0-9]{2}|0[1-9]|1[0-2]|Q[1-4]|spring|summer|autumn|fall|winter)$"
	slugPattern = "^[a-z][a-z0-9_-]{0,62}$"
	// notBlankPattern asks for text that is more than white space (the title's): the
	// characters Go's unicode.IsSpace knows, as the rules' blank test does. They are spelt
	// out because RE2's \s is ASCII only and JavaScript's is wider.
	notBlankPattern = "[^\\t\\n\\v\\f\\r\u0085\\p{Z}]"
	currencyPattern = "^[A-Z]{3}$"
	// recordsPattern is the plan's records folder: relative, with no drive or colon.
	recordsPattern = "^[^/\\\\:][^:]*$"
	// oneLinePattern is text of one line that is not blank: a grievance's reference.
	oneLinePattern = "^[^\\r\\n]*\\S[^\\r\\n]*$"
	// durationPattern is the config schema's: weeks up to 520, days up to 3650.
	commitPattern   = "^[0-9A-Za-z][0-9A-Za-z._/-]*$"
	durationPattern = "^(?:(?:[0-9]{1,2}|[1-4][0-9]{2}|5[01][0-9]|520)w|(?:[0-9]{1,3}|[12][0-9]{3}|3[0-5][0-9]{2}|3650)d)$"
)

func describe(e *jsonschema.ValidationError) string {
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		// The schema lets an optional value be empty, as the format says (an editor sees
		// `key:` as null); the loader drops empty values before validating, so "empty" is
		// never what a message should offer.
		want := slices.DeleteFunc(slices.Clone(k.Want), func(t string) bool { return t == "null" })
		switch {
		case strings.HasSuffix(e.SchemaURL, "/$defs/date"):
			return fmt.Sprintf("must be a date written YYYY-MM-DD, not %s", typeWord(k.Got))
		case strings.HasSuffix(e.SchemaURL, "/$defs/duration"):
			// minimums: {planning: 3} reads as plain sense; say which unit to add.
			return fmt.Sprintf("must be a duration, not %s: write weeks as 3w or days as 28d", typeWord(k.Got))
		case slices.Equal(want, []string{"integer"}) && k.Got == "number":
			// A whole number was given as a fraction: "not a number" would read as nonsense.
			return "must be a whole number, not a fraction"
		}
		if slices.Equal(want, []string{"string"}) && (k.Got == "number" || k.Got == "integer" || k.Got == "boolean") {
			// YAML reads version: 1.0 as a number and yes as a boolean; quotes keep the text
			// as written.
			return fmt.Sprintf("must be text, not %s: put the value in quotes to keep it as written, such as \"1.0\"", typeWord(k.Got))
		}
		return fmt.Sprintf("must be %s, not %s", typeWords(want), typeWord(k.Got))
	case *kind.Enum:
		var want []string
		for _, w := range k.Want {
			if w != nil {
				want = append(want, fmt.Sprint(w))
			}
		}
		return fmt.Sprintf("must be one of %s, not %s", strings.Join(want, ", "), quoteValue(k.Got))
	case *kind.Const:
		if len(e.InstanceLocation) == 1 && e.InstanceLocation[0] == "schema_version" {
			return fmt.Sprintf("this version of plan reads format version %v, not %s: set schema_version: %v", k.Want, quoteValue(k.Got), k.Want)
		}
		return fmt.Sprintf("must be %v, not %s", k.Want, quoteValue(k.Got))
	case *kind.Pattern:
		switch k.Want {
		case datePattern:
			if dateShape.MatchString(k.Got) {
				return fmt.Sprintf("%q is not a real calendar date: years start at 0001", k.Got)
			}
			return fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD, with no time or zone (or YYYY-MM, YYYY-Q1 or YYYY-summer when only that much is known)", k.Got)
		case slugPattern:
			return fmt.Sprintf("%q is not a valid id: use lower-case letters, digits, - and _, starting with a letter (at most 63 characters)", k.Got)
		case notBlankPattern:
			return "must not be blank: write the name of the engagement"
		case currencyPattern:
			return fmt.Sprintf("%q is not an ISO 4217 currency code: write three capital letters, such as AUD, EUR, GBP or USD", k.Got)
		case commitPattern:
			return fmt.Sprintf("%q is not a commit: write a commit hash or a tag, such as 3f2a9c1 or v1.2", k.Got)
		case recordsPattern:
			return fmt.Sprintf("%q is not a folder relative to the plan's folder: write a relative path with / between folders, such as records or log/2027, with no drive and no :", k.Got)
		case oneLinePattern:
			return "must be one line of text, not blank"
		case durationPattern:
			return fmt.Sprintf("%q is not a duration of at most 520w or 3650d: write weeks as 3w or days as 28d", k.Got)
		}
		return fmt.Sprintf("%q does not match the pattern %s", k.Got, k.Want)
	case *kind.Format:
		if k.Want == "date" {
			// The validator checks the format before the pattern, so a value with a time
			// or in another layout lands here too.
			if s, ok := k.Got.(string); ok && !dateShape.MatchString(s) {
				return fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD, with no time or zone", s)
			}
			return fmt.Sprintf("%s is not a real calendar date", quoteValue(k.Got))
		}
		return fmt.Sprintf("%s is not a valid %s", quoteValue(k.Got), k.Want)
	case *kind.Minimum:
		return fmt.Sprintf("must be at least %s, not %s", ratString(k.Want), ratString(k.Got))
	case *kind.Maximum:
		return fmt.Sprintf("must be at most %s, not %s", ratString(k.Want), ratString(k.Got))
	case *kind.ExclusiveMinimum:
		return fmt.Sprintf("must be more than %s, not %s", ratString(k.Want), ratString(k.Got))
	case *kind.MinItems:
		return fmt.Sprintf("needs at least %d item(s), has %d", k.Want, k.Got)
	case *kind.MinLength:
		return "must not be empty"
	case *kind.UniqueItems:
		return fmt.Sprintf("items %d and %d are the same: list each once", k.Duplicates[0]+1, k.Duplicates[1]+1)
	}
	// The only dependentSchemas (a "not" inside one) say a phase gives one length.
	if strings.Contains(e.SchemaURL, "dependentSchemas") {
		return "give only one of end, weeks or days"
	}
	return e.ErrorKind.LocalizedString(printer)
}

func ratString(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	return r.FloatString(2)
}

var typeNames = map[string]string{
	"object":  "a mapping",
	"array":   "a list",
	"string":  "text",
	"integer": "a whole number",
	"number":  "a number",
	"boolean": "true or false",
	"null":    "empty",
}

func typeWord(t string) string {
	if w, ok := typeNames[t]; ok {
		return w
	}
	return t
}

func typeWords(ts []string) string {
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = typeWord(t)
	}
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func quoteValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case nil:
		return "empty"
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

// mergedTypes turns "anyOf: [string, array of strings]" failures into one sentence when
// every branch failed only on type at the same place.
func mergedTypes(e *jsonschema.ValidationError) (string, bool) {
	var want []string
	got := ""
	for _, c := range e.Causes {
		t, ok := c.ErrorKind.(*kind.Type)
		if !ok || len(c.InstanceLocation) != len(e.InstanceLocation) {
			return "", false
		}
		for _, w := range t.Want {
			if w != "null" {
				want = append(want, w)
			}
		}
		got = t.Got
	}
	if len(want) == 0 {
		return "", false
	}
	return fmt.Sprintf("must be %s, not %s", typeWords(want), typeWord(got)), true
}

// allowedKeys reads the property names of the schema at url, to suggest a fix for typos.
func (cs *validator) allowedKeys(url string) []string {
	_, frag, _ := strings.Cut(url, "#")
	frag = strings.TrimSuffix(frag, "/additionalProperties")
	node := cs.raw
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		node = m[tok]
	}
	m, _ := node.(map[string]any)
	props, _ := m["properties"].(map[string]any)
	return slices.Sorted(maps.Keys(props))
}

// valueAt is the part of v at the JSON pointer tokens, or nil.
func valueAt(v any, tokens []string) any {
	for _, t := range tokens {
		switch c := v.(type) {
		case map[string]any:
			v = c[t]
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			v = c[i]
		default:
			return nil
		}
	}
	return v
}
