package edit

import (
	"errors"
	"testing"
)

// TestIndentlessLists: a block list may be written with its dashes at its key's column
// ("stakeholders:\n- id: a"). Its entries are its key's lines, for set, remove and the
// add commands alike: what goes after the key goes after the whole list, and what
// removes the key removes the list.
func TestIndentlessLists(t *testing.T) {
	phase := Item{Kind: Phases, Values: map[string]any{"id": "close", "kind": "close", "name": "Close", "days": 3}}
	stakeholder := Item{Kind: Stakeholders, Values: map[string]any{"id": "b", "name": "B"}}
	for _, tc := range []struct {
		name string
		op   string // set (x_new to "hi"), remove or add
		path string // for set and remove
		item Item   // for add
		src  string
		want string
	}{
		{
			name: "set after the last key",
			op:   "set", path: "x_new",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\nx_new: hi\n",
		},
		{
			name: "set after the last key, past comments and blank lines",
			op:   "set", path: "x_new",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n  # about a\n\n- id: b # last\n  name: B\n  # about b\n\n# the end\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n  # about a\n\n- id: b # last\n  name: B\n  # about b\nx_new: hi\n\n# the end\n",
		},
		{
			name: "set after a key that is not the last",
			op:   "set", path: "x_new",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\nx_old: 1\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\nx_old: 1\nx_new: hi\n",
		},
		{
			name: "set in an entry whose last key holds one",
			op:   "set", path: "stakeholders.a.x_new",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n  - id: a\n    channels:\n    - Email\n    - Post\n    # by hand\n  - id: b\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n  - id: a\n    channels:\n    - Email\n    - Post\n    x_new: hi\n    # by hand\n  - id: b\n",
		},
		{
			name: "set in an indentless entry whose last key holds one",
			op:   "set", path: "stakeholders.a.x_new",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  channels:\n  - Email\n\n- id: b\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  channels:\n  - Email\n  x_new: hi\n\n- id: b\n",
		},
		{
			name: "set in a nested mapping",
			op:   "set", path: "x_m.x_new",
			src:  "schema_version: 1\ntitle: T\nx_m:\n  x_l:\n  - a\n  - |\n    # text\n\n    more\n# top\nx_n: 1\n",
			want: "schema_version: 1\ntitle: T\nx_m:\n  x_l:\n  - a\n  - |\n    # text\n\n    more\n  x_new: hi\n# top\nx_n: 1\n",
		},
		{
			name: "remove the last key",
			op:   "remove", path: "stakeholders",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n",
			want: "schema_version: 1\ntitle: T\n",
		},
		{
			name: "remove the last key, with its comments",
			op:   "remove", path: "stakeholders",
			src:  "schema_version: 1\ntitle: T\n\nstakeholders:\n- id: a\n  name: A\n  # about a\n\n- id: b\n  # about b\n",
			want: "schema_version: 1\ntitle: T\n",
		},
		{
			name: "remove a key that is not the last",
			op:   "remove", path: "stakeholders",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n# about a\n\n- id: b\nsummary: S\n",
			want: "schema_version: 1\ntitle: T\nsummary: S\n",
		},
		{
			name: "remove a key between blank lines",
			op:   "remove", path: "stakeholders",
			src:  "schema_version: 1\ntitle: T\n\nstakeholders:\n- id: a\n  name: A\n\nsummary: S\n",
			want: "schema_version: 1\ntitle: T\n\nsummary: S\n",
		},
		{
			name: "remove an entry's last key",
			op:   "remove", path: "stakeholders.a.channels",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n  - id: a\n    channels:\n    - Email\n    # by hand\n  - id: b\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n  - id: a\n    # by hand\n  - id: b\n",
		},
		{
			name: "remove an entry's key that is not the last",
			op:   "remove", path: "stakeholders.a.channels",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  channels:\n  - Email\n  - Post\n  notes: N\n- id: b\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  notes: N\n- id: b\n",
		},
		{
			name: "remove an entry that holds one",
			op:   "remove", path: "stakeholders.a",
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  channels:\n  - Email\n- id: b\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n- id: b\n",
		},
		{
			name: "add to the last key",
			op:   "add", item: stakeholder,
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n  # about a\n\n# the end\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  name: A\n  # about a\n- id: b\n  name: B\n\n# the end\n",
		},
		{
			name: "add to a key that is not the last",
			op:   "add", item: stakeholder,
			src:  "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  channels:\n  - Email\nsummary: S\n",
			want: "schema_version: 1\ntitle: T\nstakeholders:\n- id: a\n  channels:\n  - Email\n- id: b\n  name: B\nsummary: S\n",
		},
		{
			name: "add a key after one",
			op:   "add", item: phase,
			src:  "schema_version: 1\ntitle: T\ntimeline:\n  start: 2027-01-04\n  x_milestones:\n  - a\n  # more to come\n\n  - b\n",
			want: "schema_version: 1\ntitle: T\ntimeline:\n  start: 2027-01-04\n  x_milestones:\n  - a\n  # more to come\n\n  - b\n  phases:\n    - id: close\n      kind: close\n      name: Close\n      days: 3\n",
		},
		{
			name: "add a key after one, not the last",
			op:   "add", item: phase,
			src:  "schema_version: 1\ntitle: T\ntimeline:\n  start: 2027-01-04\n  x_milestones:\n  - a\nx_after: 1\n",
			want: "schema_version: 1\ntitle: T\ntimeline:\n  start: 2027-01-04\n  x_milestones:\n  - a\n  phases:\n    - id: close\n      kind: close\n      name: Close\n      days: 3\nx_after: 1\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out []byte
			var err error
			switch tc.op {
			case "set", "remove":
				p, perr := ParsePath(tc.path)
				if perr != nil {
					t.Fatal(perr)
				}
				if tc.op == "set" {
					out, err = Set([]byte(tc.src), p, Value{Text: "hi"}, nil)
				} else {
					out, err = Remove([]byte(tc.src), p, nil)
				}
			case "add":
				out, err = AddItem([]byte(tc.src), tc.item)
			default:
				t.Fatalf("unknown op %q", tc.op)
			}
			if err != nil {
				t.Fatalf("%s %s: %v", tc.op, tc.path, err)
			}
			if string(out) != tc.want {
				t.Errorf("%s %s:\n%s\nwant:\n%s\n%s", tc.op, tc.path, out, tc.want, UnifiedDiff("want", []byte(tc.want), out, 3))
			}
		})
	}
}

// TestIndentlessEveryPath: in the plans with indentless lists, every value can be set
// and removed, and every mapping given a new key, without the edit being refused as
// unsafe. (Set still refuses, otherwise, what it never does: replace a list or a
// mapping.)
func TestIndentlessEveryPath(t *testing.T) {
	for _, src := range indentlessPlans {
		values, missing := pathsIn([]byte(src))
		for _, p := range append(values, missing...) {
			var unsafe *UnsafeEditError
			if _, err := Set([]byte(src), p, Value{Text: "hi"}, nil); errors.As(err, &unsafe) {
				t.Errorf("set %s: %v\n%s", p, err, src)
			}
		}
		for _, p := range values {
			var unsafe *UnsafeEditError
			if _, err := Remove([]byte(src), p, nil); errors.As(err, &unsafe) {
				t.Errorf("remove %s: %v\n%s", p, err, src)
			}
		}
	}
}
