package edit

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// Type is what a field of a new entry holds, which decides how it is checked and written.
type Type int

const (
	// Line is plain text on one line: a name, a channel, a person.
	Line Type = iota
	// Prose is plain text that may span lines.
	Prose
	// Markdown is CommonMark text that may span lines.
	Markdown
	// Token is an id-like value that refers to no list (a stakeholder's category).
	Token
	// Ref is the id of an entry of the list of another kind (Field.RefTo).
	Ref
	// Date is a date as the format writes it: 2027-03-01, 2027-03, 2027-Q1, 2027-spring.
	Date
	// Int is a whole number, written plain.
	Int
	// Bool is a flag, written only when true.
	Bool
	// NumberOrText is a measure's target: a whole number is written as a number,
	// anything else as text.
	NumberOrText
)

// Field describes one key of an entry.
type Field struct {
	// Key is the key in the file; "engagement.current" is the key current of the
	// mapping engagement.
	Key  string
	Type Type
	// List marks a list of values of Type.
	List     bool
	Required bool
	// Values, when set, are the only values allowed.
	Values []string
	// RefTo is the Noun of the kind a Ref refers to.
	RefTo string
	// Flag is the command-line flag that sets the field; Help describes it there.
	Flag string
	Help string
	// IDFrom, on an id, are the keys of the fields a default id is made from, the
	// first that is given.
	IDFrom []string
}

// FlagName is the flag that sets the field.
func (f Field) FlagName() string {
	if f.Flag != "" {
		return f.Flag
	}
	return strings.ReplaceAll(f.Key, "_", "-")
}

// Kind describes one list of the plan that AddItem appends to: where it is, what an entry
// holds, and what its entries refer to.
type Kind struct {
	// Noun names one entry in messages ("stakeholder", "grievance tier").
	Noun string
	// Path is the list's place: {"stakeholders"}, {"timeline", "phases"}.
	Path []string
	// Fields are the entry's keys in the order the format documents them; an entry is
	// written in this order.
	Fields []Field
	// Label is the key of the field that names an entry and from which a default id is
	// made.
	Label string
	// check holds the rules between fields that the table cannot say.
	check func(Item) error
}

// HasID reports whether the kind's entries carry an id, unique in their list.
func (k *Kind) HasID() bool { return len(k.Fields) > 0 && k.Fields[0].Key == "id" }

// Field returns the field with the given key.
func (k *Kind) Field(key string) (Field, bool) {
	for _, f := range k.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// IDs returns the ids of p's entries of this kind that a reference may name, as every
// command reads them (plan.Plan.IDs, by the list's path); nil for a kind that nothing
// refers to (risks, say), since it is asked only to check or complete a reference.
func (k *Kind) IDs(p *plan.Plan) []string { return p.IDs(k.PathString()) }

// PathString is the list's path as plan set and the docs write it: timeline.phases.
func (k *Kind) PathString() string { return strings.Join(k.Path, ".") }

// Item is one entry to append to a list of the plan. Values are keyed by Field.Key and
// hold a string (Line, Prose, Markdown, Token, Ref, Date, NumberOrText), an int, a bool or,
// for a List field, a []string; a missing, empty or false value is left out of the file.
type Item struct {
	Kind   *Kind
	Values map[string]any
	// BeforeLast puts the entry before the last entry of its list, when the list has
	// one, rather than after it: a phase goes before a trailing open-ended phase.
	BeforeLast bool
}

// ID is the entry's id, or "" for a kind whose entries have none.
func (it Item) ID() string { return it.str("id") }

// Label is the value of the kind's label field.
func (it Item) Label() string { return it.str(it.Kind.Label) }

func (it Item) str(key string) string {
	s, _ := it.Values[key].(string)
	return s
}

// texts is the text the item sets key to, a list's or a string's; nil for none.
func (it Item) texts(key string) []string {
	if s := it.str(key); s != "" {
		return []string{s}
	}
	list, _ := it.Values[key].([]string)
	return list
}

// present reports whether the item sets key to something that is written.
func (it Item) present(key string) bool {
	switch v := it.Values[key].(type) {
	case string:
		return v != ""
	case []string:
		return len(v) > 0
	case bool:
		return v
	case int:
		return true
	}
	return false
}

var (
	fullDate = lazyregexp.New(`^\d{4}-\d{2}-\d{2}$`)
	// anyDate is the format's date: a day, a month, a quarter or a season.
	anyDate = lazyregexp.New(`^\d{4}-(\d{2}(-\d{2})?|Q[1-4]|spring|summer|autumn|fall|winter)$`)
)

// Validate checks the item against its kind: known keys, values of the right type and,
// where the kind lists them, allowed values; text that is UTF-8 without NUL; and the
// rules between fields. References are CheckRefs's, since they need the plan. Messages
// name a field by its key.
func (it Item) Validate() error {
	return it.ValidateAs(func(f Field) string { return f.Key })
}

// ValidateAs is Validate with messages that call a field what name returns: a command
// names its flags.
func (it Item) ValidateAs(name func(Field) string) error {
	k := it.Kind
	if k == nil {
		return errors.New("an entry of no kind")
	}
	for key := range it.Values {
		if _, ok := k.Field(key); !ok {
			return fmt.Errorf("a %s has no field %q", k.Noun, key)
		}
	}
	for _, f := range k.Fields {
		if err := it.validateField(f, name(f)); err != nil {
			return err
		}
	}
	if k.check != nil {
		return k.check(it)
	}
	return nil
}

func (it Item) validateField(f Field, name string) error {
	v, set := it.Values[f.Key]
	if f.Required && !it.present(f.Key) {
		return fmt.Errorf("%s %s needs %s", wording.Article(it.Kind.Noun), it.Kind.Noun, name)
	}
	if !set {
		return nil
	}
	var values []string
	switch {
	case f.Type == Bool:
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s is true or false, not %v", name, v)
		}
		return nil
	case f.Type == Int:
		if _, ok := v.(int); !ok {
			return fmt.Errorf("%s is a whole number, not %v", name, v)
		}
		return nil
	case f.List:
		l, ok := v.([]string)
		if !ok {
			return fmt.Errorf("%s is a list of text, not %v", name, v)
		}
		values = l
	default:
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s is text, not %v", name, v)
		}
		if s == "" {
			return nil
		}
		values = []string{s}
	}
	for i, s := range values {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s is not valid UTF-8: %q", name, s)
		}
		if strings.IndexByte(s, 0) >= 0 {
			// Written as "\0" it would be YAML, but a plan holds text, and the loader
			// refuses the character however it is written.
			return fmt.Errorf("%s holds a NUL character: a plan holds text only", name)
		}
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("%s must not be empty", name)
		}
		if f.Values != nil && !slices.Contains(f.Values, s) {
			return fmt.Errorf("invalid %s %q: want %s", name, s, strings.Join(f.Values, ", "))
		}
		if f.List && (f.Values != nil || f.Type == Ref) && slices.Contains(values[:i], s) {
			// The format lists each kind or id once; a repeat is more likely a slip.
			return fmt.Errorf("%s %q is given twice", name, s)
		}
		if f.Type == Ref && f.RefTo == it.Kind.Noun && s == it.ID() {
			return fmt.Errorf("%s %q is the new %s's own id", name, s, f.RefTo)
		}
		switch f.Type {
		case Token, Ref:
			if !SlugPattern.MatchString(s) {
				return fmt.Errorf("invalid %s %q: it is a lowercase letter followed by up to 62 lowercase letters, digits, '_' or '-'", name, s)
			}
		case Date:
			if !anyDate.MatchString(s) {
				return fmt.Errorf("invalid %s %q: a date is YYYY-MM-DD, a month (2027-03), a quarter (2027-Q1) or a season (2027-spring)", name, s)
			}
			if fullDate.MatchString(s) {
				if _, err := time.Parse(time.DateOnly, s); err != nil {
					return fmt.Errorf("invalid %s %q: there is no such day", name, s)
				}
			}
		}
	}
	return nil
}

// CheckLines refuses a line break, tab or other control character in a value that is
// not prose or Markdown: names, ids, channels and dates are shown in lists and tables.
// The engine can write any text; this is the commands' rule for what people type.
func (it Item) CheckLines(name func(Field) string) error {
	for _, f := range it.Kind.Fields {
		if f.Type == Prose || f.Type == Markdown {
			continue
		}
		for _, s := range it.texts(f.Key) {
			for _, r := range s {
				if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
					return fmt.Errorf("%s must be a single line of text, with no tabs or other control characters", name(f))
				}
			}
		}
	}
	return nil
}

// UnknownRefError is a reference to an entry the plan does not have.
type UnknownRefError struct {
	Field Field
	// ID is the id referred to; Near is the plan's closest id, or "".
	ID, Near string
}

func (e *UnknownRefError) Error() string {
	return fmt.Sprintf("there is no %s %q for %s", e.Field.RefTo, e.ID, e.Field.Key) + didYouMean(e.Near)
}

// CheckRefs refuses a reference that names no entry of p: the entry would point
// nowhere, and a typo is likelier than an entry still to be added.
func CheckRefs(p *plan.Plan, it Item) error {
	for _, f := range it.Kind.Fields {
		if f.Type != Ref {
			continue
		}
		var ids []string
		if to := KindByNoun(f.RefTo); to != nil {
			ids = to.IDs(p)
		}
		for _, id := range it.texts(f.Key) {
			if !slices.Contains(ids, id) {
				return &UnknownRefError{Field: f, ID: id, Near: NearID(id, ids)}
			}
		}
	}
	return nil
}

// pairs lists the entry's keys and values in the order of its kind's fields; the keys of
// a nested mapping (engagement.current) are grouped where the first of them stands.
func (it Item) pairs() []pair {
	var out []pair
	nested := map[string]int{}
	for _, f := range it.Kind.Fields {
		if !it.present(f.Key) {
			continue
		}
		p := it.pair(f)
		if parent, key, ok := strings.Cut(f.Key, "."); ok {
			p.key = key
			i, seen := nested[parent]
			if !seen {
				i = len(out)
				nested[parent] = i
				out = append(out, pair{key: parent, inner: []pair{}})
			}
			out[i].inner = append(out[i].inner, p)
			continue
		}
		out = append(out, p)
	}
	return out
}

func (it Item) pair(f Field) pair {
	p := pair{key: f.Key}
	switch v := it.Values[f.Key].(type) {
	case bool:
		// pairs calls pair only for the fields present reports, and present passes over
		// a false flag, so a bool here is always true.
		p.raw = "true"
	case int:
		p.raw = strconv.Itoa(v)
	case []string:
		p.list = v
	case string:
		p.str = v
		switch {
		case f.Type == Date && fullDate.MatchString(v):
			// Written plain, a day is a YAML date, as plan init and people write it.
			p.raw = v
		case f.Type == NumberOrText:
			if n, err := strconv.Atoi(v); err == nil && strconv.Itoa(n) == v {
				p.raw = v
			}
		}
	}
	return p
}

// endsInLineBreak reports whether the entry's last value is text ending in a line break.
func (it Item) endsInLineBreak() bool {
	ps := it.pairs()
	return len(ps) > 0 && ps[len(ps)-1].raw == "" && strings.HasSuffix(ps[len(ps)-1].str, "\n")
}

// want is the entry as yaml.v3 decodes it into a map, for verification.
func (it Item) want() map[string]any { return pairsValue(it.pairs()) }

// pair is one key of the new entry with its value: text, a plain scalar written as it is
// (raw: a date, a number or true), a list of text or nested pairs.
type pair struct {
	key   string
	str   string
	raw   string
	list  []string
	inner []pair
}

func pairsValue(ps []pair) map[string]any {
	m := make(map[string]any, len(ps))
	for _, p := range ps {
		switch {
		case p.list != nil:
			l := make([]any, len(p.list))
			for i, v := range p.list {
				l[i] = v
			}
			m[p.key] = l
		case p.inner != nil:
			m[p.key] = pairsValue(p.inner)
		case p.raw != "":
			m[p.key] = rawValue(p.raw)
		default:
			m[p.key] = p.str
		}
	}
	return m
}

// rawValue is what yaml.v3 decodes a plain date, number or true into.
func rawValue(raw string) any {
	if raw == "true" {
		return true
	}
	if n, err := strconv.Atoi(raw); err == nil {
		return n
	}
	if t, err := time.Parse(time.DateOnly, raw); err == nil {
		return t
	}
	return raw
}
