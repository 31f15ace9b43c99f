package diff

import (
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

// Change says what happened to an item between the two versions.
type Change string

const (
	Added   Change = "added"
	Removed Change = "removed"
	Changed Change = "changed"
)

// Diff is what changed in a plan's meaning between an old and a new version.
type Diff struct {
	// File is the plan as the user named it.
	File string
	Old  Side
	New  Side
	// Plan holds the changes to the plan as a whole: title, profile and version.
	Plan []Field
	// Sections lists every section compared, in the order of the format, each with its
	// changed items (none when nothing changed there).
	Sections []Section
	Findings Findings
}

// Side describes one of the versions compared.
type Side struct {
	// Rev is the revision as the user gave it or plan found it ("main", "3f2a9c1"); ""
	// for the working copy.
	Rev string
	// Commit is the full hash Rev resolved to, "" for the working copy.
	Commit string
	// Missing is set when the file does not exist at Rev: every item is then added.
	Missing bool
	// Version is the plan's own version there.
	Version string
	// MergeBase is set when Commit is where the current branch left Rev.
	MergeBase bool
	// Approval is the approval whose version this is, with --approved.
	Approval *plan.Approval
}

// Section is one part of the plan and what changed in it.
type Section struct {
	// Key names the section as the format does ("stakeholders", "phases", "budget").
	Key string
	// Title is its heading for people ("Stakeholders").
	Title string
	Items []Item
}

// Item is one stakeholder, phase, objective… that was added, removed or changed.
type Item struct {
	Change Change
	// ID ties the item across versions: its id, a role's key, a budget's currency.
	ID string
	// Name is what people call it (a stakeholder's or phase's name), "" when it has none
	// worth showing beside its id.
	Name string
	// Fields are what changed in a changed item, or, in an added item, its main values.
	Fields []Field
	// Length is set for a phase whose length changed, or that was added, with the minimum
	// for its kind.
	Length *Length
}

// Field is one value that differs: Old and New as the reader would write them, "" when
// absent.
type Field struct {
	Name     string
	Old, New string
	// Prose marks text people write at length (a statement, an outcome): writers for
	// people say that it was reworded rather than print both versions.
	Prose bool
}

// Length is a phase's length in days before and after (0 when unknown or the phase is
// new), against the minimum for its kind (0 when there is none).
type Length struct {
	OldDays, NewDays, MinimumDays int
}

// TooShort reports whether the new length is below the minimum.
func (l Length) TooShort() bool {
	return plan.JudgeLength(l.NewDays, l.MinimumDays, 0) == plan.LengthTooShort
}

// Findings are plan check's findings that one version has and the other does not.
type Findings struct {
	// New are in the new version only, at their line there; Fixed in the old only, at
	// their line in the old version.
	New, Fixed []diag.Finding
}

// Empty reports whether the two versions mean the same and have the same findings.
func (d *Diff) Empty() bool {
	return !d.MeaningChanged() && len(d.Findings.New) == 0 && len(d.Findings.Fixed) == 0
}

// MeaningChanged reports whether the plan itself differs, leaving findings aside: a
// finding may come and go with no edit to the plan (a record, the configuration).
func (d *Diff) MeaningChanged() bool {
	return len(d.Plan) > 0 || slices.ContainsFunc(d.Sections, func(s Section) bool { return len(s.Items) > 0 })
}

// Options are what Compare needs besides the two plans.
type Options struct {
	// Minimums maps a phase kind to its minimum length in days, as in rules.Settings.
	Minimums map[string]int
	// OldFindings and NewFindings are plan check's findings for each version.
	OldFindings, NewFindings []diag.Finding
}

// Compare works out what changed from old to new. old may be an empty plan (&plan.Plan{})
// when the file is new.
func Compare(before, after *plan.Plan, opts Options) *Diff {
	d := &Diff{File: after.File, Old: Side{Version: before.Version}, New: Side{Version: after.Version}}
	d.Plan = changedFields(planValues(before), planValues(after))
	d.Sections = []Section{
		compare("stakeholders", "Stakeholders", stakeholders(before), stakeholders(after)),
		comparePhases(before, after, opts.Minimums),
		compare("objectives", "Objectives", objectives(before), objectives(after)),
		compare("decisions", "Decisions", decisions(before), decisions(after)),
		compare("activities", "Activities", activities(before), activities(after)),
		compare("measures", "Measures", measures(before), measures(after)),
		compare("roles", "Roles", roles(before), roles(after)),
		compare("budget", "Budget", budgets(before), budgets(after)),
	}
	d.Findings = compareFindings(opts.OldFindings, opts.NewFindings)
	return d
}

func planValues(p *plan.Plan) []value {
	return []value{plain("title", p.Title), plain("profile", p.Profile.Value), plain("version", p.Version)}
}

// entry is an item of one version: its id, its name and the values compared.
type entry struct {
	id, name string
	values   []value
}

// value is one value of an item as compared and shown: named by its key in the format,
// and written as the reader would write it ("" when absent).
type value struct {
	name, text string
	// prose marks text people write at length (see Field.Prose).
	prose bool
}

func plain(name, text string) value { return value{name: name, text: text} }

func prose(name, text string) value { return value{name: name, text: text, prose: true} }

// compare ties the entries of two versions by id: the items of the new version in its
// order (added or changed), then those removed, in the old version's order. An entry
// without an id cannot be tied to anything and is left out; a repeated id (which plan
// check reports) is compared by its first entry.
func compare(key, title string, before, after []entry) Section {
	s := Section{Key: key, Title: title}
	olds := byID(before)
	news := byID(after)
	for _, e := range firsts(after) {
		o, ok := olds[e.id]
		if !ok {
			s.Items = append(s.Items, Item{Change: Added, ID: e.id, Name: e.name, Fields: present(e.values)})
			continue
		}
		if fs := changedFields(o.values, e.values); len(fs) > 0 {
			s.Items = append(s.Items, Item{Change: Changed, ID: e.id, Name: e.name, Fields: fs})
		}
	}
	for _, e := range firsts(before) {
		if _, ok := news[e.id]; !ok {
			s.Items = append(s.Items, Item{Change: Removed, ID: e.id, Name: e.name})
		}
	}
	return s
}

func byID(list []entry) map[string]entry {
	m := make(map[string]entry, len(list))
	for _, e := range firsts(list) {
		m[e.id] = e
	}
	return m
}

// firsts is the entries with an id, each id once.
func firsts(list []entry) []entry {
	seen := make(map[string]bool, len(list))
	var out []entry
	for _, e := range list {
		if e.id != "" && !seen[e.id] {
			seen[e.id] = true
			out = append(out, e)
		}
	}
	return out
}

// changedFields pairs the values of two entries (both list the same names in the same
// order) and keeps those that differ.
func changedFields(before, after []value) []Field {
	var out []Field
	for i, v := range after {
		if before[i].text != v.text {
			out = append(out, Field{Name: v.name, Old: before[i].text, New: v.text, Prose: v.prose})
		}
	}
	return out
}

// present is an added entry's values, moved to New; empty ones and prose are left out,
// since an addition is read as a whole in the plan itself.
func present(vs []value) []Field {
	var out []Field
	for _, v := range vs {
		if v.text != "" && !v.prose {
			out = append(out, Field{Name: v.name, New: v.text})
		}
	}
	return out
}
