// Package diag holds findings as plain data: where, what and how bad. Colour and
// layout belong to the output formats, never here.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Severity orders how much a finding matters. The zero value is not a valid severity so
// that a forgotten assignment cannot pass for an error.
type Severity int

const (
	Info Severity = iota + 1
	Warning
	Error
)

// severityNames are the lower-case names used in output, config files and SARIF mapping.
var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

// String returns the severity's lower-case name.
func (s Severity) String() string {
	if s < Info || s > Error {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name as written in configs and flags.
func ParseSeverity(s string) (Severity, error) {
	for sev := Info; sev <= Error; sev++ {
		if strings.ToLower(s) == severityNames[sev] {
			return sev, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// FailLevels are the values of plan check's --fail-level and plan render's --fail-on,
// from the most to the least severe: the lowest severity that fails, or never.
var FailLevels = []string{"error", "warning", "info", "never"}

// ParseFailLevel reads one of FailLevels, from naming where it was given (--fail-level,
// PLAN_FAIL_LEVEL); never is 0, which no finding reaches.
func ParseFailLevel(s, from string) (Severity, error) {
	if s == "never" {
		return 0, nil
	}
	sev, err := ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("invalid %s %q: want %s", from, s, strings.Join(FailLevels, ", "))
	}
	return sev, nil
}

// Finding is one thing a plan lacks or gets wrong, at a position taken from the YAML node
// it is about. Lines and columns are 1-based; EndLine/EndCol may be zero when unknown.
type Finding struct {
	File     string
	Line     int
	Col      int
	EndLine  int
	EndCol   int
	Rule     string
	Severity Severity
	Message  string
	// Pointer is the RFC 6901 JSON pointer of the node the finding is about ("" for the
	// document itself).
	Pointer string
}

// Silenced is a finding that an inline `# plan:ignore` comment silenced: what plan check
// would have said, and the comment's reason, so that a report can list what its authors
// accepted rather than let it vanish.
type Silenced struct {
	Finding Finding
	// Reason is the text after "--" in the comment, trimmed; "" when it gives none.
	Reason string
	// Line is the line of the comment; WholeFile is set for plan:ignore-file.
	Line      int
	WholeFile bool
}

// String formats the finding the way compilers do, so editors can jump to it.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", Displayable(f.File), f.Line, f.Col, f.Severity, Displayable(f.Message), f.Rule)
}

// Displayable returns s as it may be shown to people: every character Undisplayable
// finds (line breaks and escape sequences among them) is replaced by U+FFFD. Messages and file names carry text from plans and file systems, and
// printed raw they could split a finding over several lines or move the cursor and
// reorder what a terminal shows. Machine formats keep the exact text.
func Displayable(s string) string {
	if !strings.ContainsFunc(s, Undisplayable) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if Undisplayable(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// Undisplayable reports whether r is a control or bidirectional-formatting character, or
// the line or paragraph separator, which YAML and some editors take for line breaks.
func Undisplayable(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}

// Less is the one ordering every output uses: file, line, column, rule, then message so
// that equal positions still sort deterministically.
func Less(a, b Finding) bool { return compare(a, b) < 0 }

func compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// Sort orders findings with Less and drops exact duplicates, which arise when two rules
// walk the same aliased node.
func Sort(fs []Finding) []Finding {
	slices.SortStableFunc(fs, compare)
	return slices.Compact(fs)
}

// Summary counts findings by severity.
type Summary struct {
	Errors, Warnings, Infos int
}

// Summarize counts the findings in fs.
func Summarize(fs []Finding) Summary {
	var s Summary
	for _, f := range fs {
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		case Info:
			s.Infos++
		}
	}
	return s
}
