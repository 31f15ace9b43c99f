package diff

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// The phrases the text and Markdown writers share, as plain text; each writer makes them
// safe for its medium.

// sideName says which version a side is: "main (1a2b3c4)", "the working copy".
func sideName(s Side) string {
	if s.Rev == "" && s.Commit == "" {
		return "the working copy"
	}
	name := s.Rev
	short := shortCommit(s.Commit)
	switch {
	case s.Approval != nil:
		name = "version " + s.Approval.Version + " as " + s.Approval.By + " approved it"
		if !s.Approval.Date.IsZero() {
			name += " on " + s.Approval.Date.String()
		}
		name += " (" + short + ")"
	case s.MergeBase:
		name = "the merge base with " + s.Rev + " (" + short + ")"
	case short != "" && !strings.HasPrefix(s.Commit, s.Rev):
		name += " (" + short + ")"
	}
	return name
}

func shortCommit(c string) string { return c[:min(len(c), 7)] }

// comparison says what was compared with what: "The working copy compared with the
// merge base with main (d47348b)".
func comparison(d *Diff) string {
	s := wording.Capitalise(sideName(d.New)) + " compared with " + sideName(d.Old)
	if d.Old.Missing {
		s += ", where the file does not exist"
	}
	return s
}

// fieldPhrase says how one value changed: "influence medium → high", "interest reworded".
func fieldPhrase(f Field) string {
	switch {
	case f.Prose && f.Old == "":
		return f.Name + " added"
	case f.Prose && f.New == "":
		return f.Name + " removed"
	case f.Prose:
		return f.Name + " reworded"
	}
	return f.Name + " " + orNone(f.Old) + " → " + orNone(f.New) + shift(f.Old, f.New)
}

// orNone is a value as one line, or "(none)" where the version does not give it.
func orNone(value string) string { return cmp.Or(wording.OneLine(value), "(none)") }

// planFieldLine is how a change to the plan as a whole reads: a value the old version
// did not have is added ("+ title Park upgrade"), one the new version dropped removed,
// and any other changed.
func planFieldLine(f Field) (Change, string) {
	switch {
	case f.Old == "" && f.New != "":
		return Added, f.Name + " " + wording.OneLine(f.New)
	case f.New == "" && f.Old != "":
		return Removed, f.Name + " " + wording.OneLine(f.Old)
	}
	return Changed, fieldPhrase(f)
}

// versionNote warns, against an approved version, that the plan's meaning changed while
// its version did not: the reader would otherwise take the plan for the one approved.
// "" when there is nothing to warn of.
func versionNote(d *Diff) string {
	if d.Old.Approval == nil || d.Old.Missing || d.New.Version == "" || d.New.Version != d.Old.Approval.Version || !d.MeaningChanged() {
		return ""
	}
	return "The plan's meaning changed since version " + d.New.Version + " was approved, but it still says version " + d.New.Version + ": give it a new version, so that no one takes it for the one approved."
}

// shift says how far a date moved, " (3 weeks earlier)", when both are days; "" for
// anything else.
func shift(before, after string) string {
	a, errA := plan.ParseDate(before)
	b, errB := plan.ParseDate(after)
	if errA != nil || errB != nil || !a.Precise() || !b.Precise() {
		return ""
	}
	switch n := a.DaysUntil(b); {
	case n > 0:
		return " (" + wording.DaysInWords(n) + " later)"
	case n < 0:
		return " (" + wording.DaysInWords(-n) + " earlier)"
	}
	return ""
}

// addedPhrase lists an added item's values: "influence high, impact medium". A name
// shown beside the id is not repeated; a role's name, the people in it, is not its
// label and is kept.
func addedPhrase(it Item) string {
	parts := make([]string, 0, len(it.Fields))
	for _, f := range it.Fields {
		if f.Name == "name" && f.New == it.Name {
			continue
		}
		parts = append(parts, f.Name+" "+wording.OneLine(f.New))
	}
	return strings.Join(parts, ", ")
}

// lengthPhrase says how a phase's length changed against its minimum: "shortened from
// 6 weeks to 3 weeks, below its minimum of 4 weeks".
func lengthPhrase(l Length) string {
	var s string
	switch {
	case l.NewDays == 0:
		return "its length can no longer be worked out (was " + wording.DaysInWords(l.OldDays) + ")"
	case l.OldDays == 0:
		s = wording.DaysInWords(l.NewDays)
	case l.NewDays > l.OldDays:
		s = "lengthened from " + wording.DaysInWords(l.OldDays) + " to " + wording.DaysInWords(l.NewDays)
	default:
		s = "shortened from " + wording.DaysInWords(l.OldDays) + " to " + wording.DaysInWords(l.NewDays)
	}
	switch {
	case l.TooShort():
		s += ", below its minimum of " + wording.DaysInWords(l.MinimumDays)
	case l.MinimumDays > 0:
		s += " (minimum " + wording.DaysInWords(l.MinimumDays) + ")"
	}
	return s
}

// details is everything said about an item after its id and name.
func details(it Item) string {
	var parts []string
	switch it.Change {
	case Added:
		if s := addedPhrase(it); s != "" {
			parts = append(parts, s)
		}
	case Changed:
		for _, f := range it.Fields {
			parts = append(parts, fieldPhrase(f))
		}
	}
	if it.Length != nil {
		parts = append(parts, lengthPhrase(*it.Length))
	}
	return strings.Join(parts, "; ")
}

// summary counts what changed: "2 stakeholders, 1 phase changed; 1 new finding, 2 fixed".
func summary(d *Diff) string {
	var items []string
	nouns := map[string]string{
		"stakeholders": "stakeholder", "phases": "phase", "objectives": "objective", "decisions": "decision",
		"activities": "activity", "measures": "measure", "roles": "role", "budget": "budget total",
	}
	for _, s := range d.Sections {
		if n := len(s.Items); n > 0 {
			items = append(items, plural(n, nouns[s.Key]))
		}
	}
	var out []string
	if len(d.Plan) > 0 {
		out = append(out, "the plan's "+fieldNames(d.Plan))
	}
	if len(items) > 0 {
		out = append(out, strings.Join(items, ", "))
	}
	s := "No change in meaning"
	if len(out) > 0 {
		s = "Changed: " + strings.Join(out, "; ")
	}
	f := d.Findings
	return s + "; " + plural(len(f.New), "new finding") + ", " + fmt.Sprintf("%d fixed", len(f.Fixed)) + "."
}

// plural is wording.Plural for nouns it cannot inflect ("activity").
func plural(n int, noun string) string {
	if n != 1 && strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return wording.Plural(n, noun)
}

func fieldNames(fs []Field) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return wording.List(names)
}

// changeWord is how people read an item's change: "Added", "Removed", "Changed".
func changeWord(c Change) string { return wording.Capitalise(string(c)) }
