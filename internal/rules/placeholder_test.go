package rules

import "testing"

func TestPlaceholder(t *testing.T) {
	runRuleCases(t, placeholderRule(), []ruleCase{
		{
			name: "real text, lower-case todo, longer words and keys do not fire",
			yaml: `schema_version: 1
title: Sizes XXXL and todo lists
summary: TODOs, TBDs, XXX_y, ÀTODO, TODOé, TBD2, [Name of the street], [names], [Group M], [Group 1a], [insert], [Issue]
x_TODO: fine
`,
		},
		{
			name: "a key that is not a plain word is quoted in the path",
			yaml: `schema_version: 1
title: T
x_notes:
  "who.to ask\nnext": TODO
  "1.\nfoo]": TODO
`,
			want: []string{
				`4:23 error x_notes["who.to ask\nnext"] still holds the template placeholder "TODO"`,
				`5:15 error x_notes["1.\nfoo]"] still holds the template placeholder "TODO"`,
			},
		},
		{
			name: "TBC, TBA, ??? and <insert …> are placeholders too; a role's name is role-unassigned's",
			yaml: `schema_version: 1
title: T
summary: Venue TBC, date TBA
context:
  legislative: "???"
  government: <insert the minister's name>
roles:
  sro: {name: "[Name]"}
`,
			want: []string{
				`3:10 error summary still holds the template placeholders "TBC" and "TBA"`,
				`5:16 error context.legislative still holds the template placeholder "???"`,
				`6:15 error context.government still holds the template placeholder "<insert the minister's name>"`,
			},
		},
		{
			name: "an unclosed [Insert prompt",
			yaml: `schema_version: 1
title: T
summary: Say [Insert what
`,
			want: []string{`3:10 error summary still holds the template placeholder "[Insert what"`},
		},
		{
			name: "every kind of placeholder, one finding per value",
			yaml: `schema_version: 1
title: "[Insert project name]"
summary: TODO and TBD in one value
mandate:
  statement: We are engaging [stakeholders] about [issue].
stakeholders:
  - id: s1
    name: "[Name]"
    contact: "[Names]"
    channels:
      - Newsletter
      - "[Group 12]"
      - XXX
    notes: Ask about this (TBD).
`,
			want: []string{
				`2:8 error title still holds the template placeholder "[Insert project name]": replace it with the real text`,
				`3:10 error summary still holds the template placeholders "TODO" and "TBD": replace them with the real text`,
				`5:14 error mandate.statement still holds the template placeholders "[stakeholders]" and "[issue]"`,
				`8:11 error stakeholders[0].name still holds the template placeholder "[Name]"`,
				`9:14 error stakeholders[0].contact still holds the template placeholder "[Names]"`,
				`12:9 error stakeholders[0].channels[1] still holds the template placeholder "[Group 12]"`,
				`13:9 error stakeholders[0].channels[2] still holds the template placeholder "XXX"`,
				`14:12 error stakeholders[0].notes still holds the template placeholder "TBD"`,
			},
		},
		{
			name: "an aliased value is a value of its own, reported at the alias",
			yaml: `schema_version: 1
title: T
summary: &todo TODO
context:
  legislative: *todo
  organisational: *todo
`,
			want: []string{
				`3:10 error summary still holds the template placeholder "TODO"`,
				`5:16 error context.legislative still holds the template placeholder "TODO"`,
				`6:19 error context.organisational still holds the template placeholder "TODO"`,
			},
		},
		{
			name: "block scalars and extension values",
			yaml: `schema_version: 1
title: T
summary: |
  First line.
  Then [Insert the context here].
x_notes:
  - TBD
`,
			want: []string{
				`3:10 error summary still holds the template placeholder "[Insert the context here]"`,
				`7:5 error x_notes[0] still holds the template placeholder "TBD"`,
			},
		},
	})
}

func TestIsPlaceholder(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"[Insert name]", true},
		{"[Name]", true},
		{"[Names]", true},
		{"[Group 1]", true},
		{"[Group 12]", true},
		{"[Group N]", true},
		{"[stakeholders]", true},
		{"[issue]", true},
		{"TODO", true},
		{"TBD: ask HR", true},
		{"Sam (XXX)", true},
		{"Alex Chen", false},
		{"XXXL Printing", false},
		{"todo", false},
		{"TODOS", false},
		{"[name]", false},
		{"[Group]", false},
		{"", false},
	} {
		if got := isPlaceholder(tc.in); got != tc.want {
			t.Errorf("isPlaceholder(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
