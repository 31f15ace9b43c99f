package edit

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/planascode/plan/internal/plan"
)

// fuzzPlans returns the plans FuzzAddStakeholder adds to: the examples, and the golden
// inputs with their CRLF, BOM and final-newline variations applied, each with the number
// of bytes an edit may remove from it.
func fuzzPlans(f *testing.F) (plans [][]byte, deletes []int) {
	f.Helper()
	examples, _ := filepath.Glob("../../examples/*.plan.yaml")
	for _, path := range examples {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		plans = append(plans, data, bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")))
		deletes = append(deletes, 0, 0)
	}
	if len(plans) == 0 {
		f.Fatal("no example plans in ../../examples")
	}
	for _, c := range goldenCases(f) {
		plans = append(plans, c.input())
		deletes = append(deletes, c.deletes)
	}
	for _, p := range indentlessPlans {
		plans = append(plans, []byte(p))
		deletes = append(deletes, 0)
	}
	return plans, deletes
}

// indentlessPlans write lists with their dashes at their key's column, as the last key
// of the plan, of a mapping and of an entry, with comments and blank lines after them:
// set and remove once refused to edit after or around such a list.
var indentlessPlans = []string{
	"schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n",
	"schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n  # about a\n\n- id: b # last\n  name: B\n  channels:\n  - Email\n  # by hand\n\n# the end\n",
	"schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n# between\n- id: b\n  name: B\nsummary: S\n",
	"schema_version: 1\ntitle: T\ntimeline:\n  start: 2027-01-04\n  x_milestones:\n  - a\n  # more to come\n\n  - b\nx_after:\n- |\n  # text\n\n  more\n",
}

func FuzzAddStakeholder(f *testing.F) {
	plans, deletes := fuzzPlans(f)
	f.Add(uint8(0), "Parents & carers", "Profile\nin two lines", "Interest: high", "Newsletter, monthly", "", uint8(7))
	f.Add(uint8(1), "2027 intake", "", "- dash", "[x]", "#not a comment", uint8(0))
	f.Add(uint8(2), "yes", "  indented\n", "\"quoted\"", "'single'", "a: b", uint8(255))
	f.Add(uint8(3), "Élèves", "tab\there", "emoji 🎉", "{flow}", "~", uint8(12))
	f.Add(uint8(9), "x", "line\r\nbreak", "\u2028", "\u0085", "\x00", uint8(33))
	levels := []string{"", "low", "medium", "high"}
	spectrum := []string{"", "inform", "consult", "involve", "collaborate", "empower"}
	engagement := []string{"", "unaware", "resistant", "neutral", "supportive", "leading"}
	categories := []string{"", "project-affected", "other-interested"}

	f.Fuzz(func(t *testing.T, which uint8, name, profile, interest, channel, notes string, choice uint8) {
		src, deleted := plans[int(which)%len(plans)], deletes[int(which)%len(plans)]
		id, err := Slug(name)
		if err != nil {
			id = "fuzzed"
		}
		s := Stakeholder{
			ID: id, Name: name, Profile: profile, Interest: interest, Notes: notes, Contact: channel,
			Influence:     levels[choice%4],
			Impact:        levels[(choice/4)%4],
			Participation: spectrum[int(choice)%len(spectrum)],
			Current:       engagement[int(choice/2)%len(engagement)],
			Desired:       engagement[int(choice/3)%len(engagement)],
			Vulnerable:    choice&1 == 1,
			Partner:       choice&2 == 2,
			Category:      categories[int(choice/5)%len(categories)],
			PartOf:        categories[int(choice/7)%len(categories)],
		}
		if channel != "" {
			s.Channels = []string{channel, profile}
		}
		if interest != "" {
			s.Languages = []string{interest}
		}
		if k := int(choice) % (len(plan.SupportKinds) + 1); k > 0 {
			s.Support = plan.SupportKinds[:k]
		}
		out, err := AddStakeholder(src, s)
		var dup *DuplicateIDError
		var unsafe *UnsafeEditError
		switch {
		case errors.As(err, &dup):
			return
		case errors.As(err, &unsafe):
			t.Fatalf("refused a valid plan: %v", err)
		case err != nil:
			// Only the input can be at fault: a blank name, invalid UTF-8 or a NUL.
			if s.Item().Validate() == nil {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		p, err := plan.Parse("fuzz.plan.yaml", out, plan.Options{})
		if err != nil {
			t.Fatalf("the result does not load: %v\n%s", err, out)
		}
		assertConfined(t, src, out, deleted, s.ID)
		last := p.Stakeholders[len(p.Stakeholders)-1]
		got := Stakeholder{
			ID: last.ID, Name: last.Name, Profile: last.Profile, Interest: last.Interest,
			Influence: last.Influence, Impact: last.Impact, Participation: last.Participation,
			Channels: last.Channels, Vulnerable: last.Vulnerable, Contact: last.Contact, Notes: last.Notes,
			Category: last.Category, Partner: last.Partner, PartOf: last.PartOf.ID,
			Languages: last.Languages, Support: last.Support,
		}
		if last.Engagement != nil {
			got.Current, got.Desired = last.Engagement.Current, last.Engagement.Desired
		}
		if !reflect.DeepEqual(got, s) {
			t.Fatalf("the new stakeholder reads back as\n%#v\nnot\n%#v", got, s)
		}
	})
}

// FuzzAddStakeholderSource varies the plan instead of the entry: whatever a valid plan
// looks like, the edit either succeeds, loads and is confined to one region, or is
// refused; it never panics and never returns a damaged file.
func FuzzAddStakeholderSource(f *testing.F) {
	s := Stakeholder{ID: "fuzzed-one", Name: "Fuzzed, one", Notes: "a\nb", Channels: []string{"x"}}
	fuzzSource(f, mergedPlans, s.Item(), stakeholderIDs)
}

// fuzzSource fuzzes the plan it is added to, from the example and golden plans and
// extra: the edit succeeds, loads with the list as every command reads it (merge keys
// and aliases followed) the old one plus the new entry, and is confined to one region;
// or it is refused as a duplicate or as unsafe.
func fuzzSource(f *testing.F, extra []string, it Item, ids func(*plan.Plan) []string) {
	plans, _ := fuzzPlans(f)
	for _, p := range plans {
		f.Add(p)
	}
	for _, p := range extra {
		f.Add([]byte(p))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		before, err := plan.Parse("fuzz.plan.yaml", src, plan.Options{})
		if err != nil {
			return
		}
		out, err := AddItem(src, it)
		if err != nil {
			var dup *DuplicateIDError
			var unsafe *UnsafeEditError
			if !errors.As(err, &dup) && !errors.As(err, &unsafe) {
				t.Fatalf("unexpected error for a valid plan: %v", err)
			}
			return
		}
		after, err := plan.Parse("fuzz.plan.yaml", out, plan.Options{})
		if err != nil {
			t.Fatalf("the result does not load: %v\n%s", err, out)
		}
		want := append(ids(before), it.ID())
		if n := len(want); it.BeforeLast && n > 1 {
			want[n-2], want[n-1] = want[n-1], want[n-2]
		}
		if got := ids(after); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s reads as %v afterwards, not %v\n%s", it.Kind.PathString(), got, want, out)
		}
		assertConfined(t, src, out, 16, it.ID())
	})
}

// mergedPlans are plans whose register, or whose top level, comes through merge keys
// and aliases: the shapes where the keys written and the plan read differ.
var mergedPlans = []string{
	"schema_version: 1\ntitle: T\nx_base: &b {stakeholders: [{id: a, name: A}]}\n<<: *b\n",
	"schema_version: 1\ntitle: T\nx_c: &c {summary: s}\nx_b: &b\n  stakeholders:\n    - id: a\n      name: A\n<<: [*c, *b]\n",
	"schema_version: 1\ntitle: T\nx_i: &i {stakeholders: [{id: a, name: A}]}\nx_o: &o {<<: *i}\n<<: *o\n",
	"schema_version: 1\ntitle: T\nx_b: &b {stakeholders: ~}\n<<: *b\n",
	"schema_version: 1\ntitle: T\nx_b: &b {summary: s}\n<<: *b\nstakeholders:\n  - id: a\n    name: A\n",
	"schema_version: 1\ntitle: T\nx_s: &s\n  - id: a\n    name: A\nx_b: {stakeholders: *s}\nstakeholders: *s\n",
	"schema_version: 1\ntitle: T\nx_a: &a {id: a, name: A}\nstakeholders:\n  - *a\n  - {<<: *a, id: b}\n",
}

func stakeholderIDs(p *plan.Plan) []string {
	ids := []string{}
	for _, s := range p.Stakeholders {
		ids = append(ids, s.ID)
	}
	return ids
}

// FuzzAddItem adds an entry of every kind, with fuzzed text in its fields, to the example
// plans and the golden inputs: the edit succeeds, loads as a valid plan, reads back as
// the entry and is confined to one region; or it refuses a duplicate id or input that is
// not text. It never refuses a valid plan as unsafe.
func FuzzAddItem(f *testing.F) {
	plans, deletes := fuzzPlans(f)
	f.Add(uint8(0), uint8(0), "Hear from everyone", "Two\nlines", "#not a comment", uint8(7))
	f.Add(uint8(3), uint8(4), "2027 intake", "- dash", "[x]", uint8(1))
	f.Add(uint8(5), uint8(9), "yes", "  indented\n", "\"quoted\"", uint8(255))
	f.Add(uint8(7), uint8(10), "Élèves", "emoji 🎉", "{flow}: x", uint8(12))
	f.Add(uint8(2), uint8(8), "x", "\u2028", "\u0085", uint8(33))
	dates := []string{"2027-03-01", "2027-03", "2027-Q2", "2027-autumn"}

	f.Fuzz(func(t *testing.T, which, kind uint8, label, text, other string, choice uint8) {
		src, deleted := plans[int(which)%len(plans)], deletes[int(which)%len(plans)]
		it := fuzzItem(Kinds[int(kind)%len(Kinds)], label, text, other, choice, dates)
		out, err := AddItem(src, it)
		var dup *DuplicateIDError
		var unsafe *UnsafeEditError
		switch {
		case errors.As(err, &dup):
			return
		case errors.As(err, &unsafe):
			t.Fatalf("refused a valid plan: %v", err)
		case err != nil:
			if it.Validate() == nil {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if _, err := plan.Parse("fuzz.plan.yaml", out, plan.Options{}); err != nil {
			t.Fatalf("the result does not load: %v\n%s", err, out)
		}
		// Another kind's list may be written empty ("risks: []", "timeline: ~"): the
		// edit removes those bytes, five at most (" null").
		assertConfined(t, src, out, max(deleted, 5), mark(it))
		labels := listLabels(t, out, it.Kind)
		if got := labels[len(labels)-1]; got != it.Label() {
			t.Fatalf("the new %s reads back labelled %q, not %q", it.Kind.Noun, got, it.Label())
		}
	})
}

// fuzzItem fills every field of k: text fields with label, text and other in turn,
// choices from the allowed values, and numbers, dates and flags from choice.
func fuzzItem(k *Kind, label, text, other string, choice uint8, dates []string) Item {
	v := map[string]any{k.Label: label}
	texts := []string{text, other}
	for i, f := range k.Fields {
		if f.Key == k.Label {
			continue
		}
		c := int(choice) + i
		switch {
		case f.Key == "id":
			id, err := Slug(label)
			if err != nil {
				id = "fuzzed"
			}
			v["id"] = id
		case f.Values != nil && f.List:
			v[f.Key] = f.Values[:c%len(f.Values)+1]
		case f.Values != nil:
			v[f.Key] = f.Values[c%len(f.Values)]
		case f.Type == Ref && f.List:
			v[f.Key] = []string{"fuzzed-ref"}
		case f.Type == Ref, f.Type == Token:
			v[f.Key] = "fuzzed-ref"
		case f.Type == Date:
			v[f.Key] = dates[c%len(dates)]
		case f.Type == Int:
			v[f.Key] = c%30 + 1
		case f.Type == Bool:
			v[f.Key] = choice&(1<<(i%8)) != 0
		case f.List:
			v[f.Key] = texts
		default:
			v[f.Key] = texts[i%2]
		}
	}
	if k == Phases {
		// A phase ends once.
		delete(v, "end")
		delete(v, "days")
	}
	return Item{Kind: k, Values: v}
}

// FuzzAddItemSource is FuzzAddStakeholderSource for a list under a mapping, which the
// edit may have to create, fill or find in flow style: a phase added to timeline.phases.
func FuzzAddItemSource(f *testing.F) {
	seeds := []string{
		"schema_version: 1\ntitle: T\ntimeline: {start: 2027-01-04}\n",
		"schema_version: 1\ntitle: T\ntimeline: &t {phases: ~}\nx_t: {a: 1}\n",
		"schema_version: 1\ntitle: T\nx_t: &t {phases: [{id: a, kind: ongoing}]}\ntimeline: {<<: *t}\n",
		"schema_version: 1\ntitle: T\ntimeline:\n  # none yet\nevaluation: {}\n",
	}
	phase := Item{Kind: Phases, Values: map[string]any{"id": "fuzzed-one", "kind": "close", "name": "Fuzzed, one", "days": 3, "activities": []string{"a\nb"}}}
	fuzzSource(f, seeds, phase, Phases.IDs)
}

// FuzzAddItemBeforeLast is FuzzAddItemSource for a phase that goes before the last one
// (a trailing open-ended phase), between its comments and the entry before.
func FuzzAddItemBeforeLast(f *testing.F) {
	seeds := []string{
		"schema_version: 1\ntitle: T\ntimeline:\n  phases:\n    - id: a\n      kind: planning\n      weeks: 2\n\n    # carries on\n    - id: b\n      kind: ongoing\n",
		"schema_version: 1\ntitle: T\ntimeline:\n  phases:\n  # intro\n  - id: b\n    kind: ongoing # last\n",
		"schema_version: 1\ntitle: T\ntimeline: {phases: [{id: a, kind: ongoing}]}\n",
		"schema_version: 1\ntitle: T\ntimeline:\n  phases: [\n    {id: a, kind: planning, weeks: 1},\n    {id: b, kind: ongoing},\n  ]\n",
	}
	phase := Item{Kind: Phases, Values: map[string]any{"id": "fuzzed-one", "kind": "close", "name": "Fuzzed, one", "days": 3}, BeforeLast: true}
	fuzzSource(f, seeds, phase, Phases.IDs)
}
