package rules

import "testing"

// allRoles names every well-known role, from line 3.
const allRoles = `roles:
  sro: {name: Ann Lee}
  project_manager: {name: Bo Diaz}
  engagement_lead: {name: Cy Wu}
  subject_matter_expert: {name: Di Ng}
  content_editor: {name: Ed Fox}
  technical_support: {name: Fa Ito}
`

func TestRoleUnassigned(t *testing.T) {
	runRuleCases(t, roleUnassigned(), []ruleCase{
		{name: "every role named", yaml: planHead + allRoles},
		{
			name: "no roles section",
			yaml: planHead,
			want: []string{
				`1:1 error role "sro" (senior responsible officer) is missing: add roles.sro`,
				`1:1 error role "project_manager" (project manager) is missing`,
				`1:1 error role "engagement_lead" (engagement lead) is missing`,
				`1:1 warning role "subject_matter_expert" (subject matter expert) is missing`,
				`1:1 warning role "content_editor" (content editor) is missing`,
				`1:1 warning role "technical_support" (technical support) is missing`,
			},
		},
		{
			name: "absent roles point at roles key",
			yaml: planHead + `roles:
  sro: {name: Ann Lee}
  engagement_lead: {name: Cy Wu}
  content_editor: {name: Ed Fox}
`,
			want: []string{
				`3:1 error role "project_manager" (project manager) is missing: add roles.project_manager with the name of the person, team or organisation that fills it`,
				`3:1 warning role "subject_matter_expert" (subject matter expert) is missing`,
				`3:1 warning role "technical_support" (technical support) is missing`,
			},
		},
		{
			name: "empty roles section counts as absent",
			yaml: planHead + "roles:\n",
			want: []string{
				`1:1 error role "sro"`, `1:1 error role "project_manager"`, `1:1 error role "engagement_lead"`,
				`1:1 warning role "subject_matter_expert"`, `1:1 warning role "content_editor"`, `1:1 warning role "technical_support"`,
			},
		},
		{
			name: "role without name points at role key",
			yaml: planHead + `roles:
  sro:
    contact: sro@example.gov
  project_manager: {name: Bo Diaz}
  engagement_lead:
    name:
  subject_matter_expert: {name: Di Ng}
  content_editor:
  technical_support: {name: ""}
`,
			want: []string{
				`4:3 error role "sro" (senior responsible officer) has no name: set name to the person, team or organisation that fills it`,
				`7:3 error role "engagement_lead" (engagement lead) has no name`,
				`3:1 warning role "content_editor" (content editor) is missing: add roles.content_editor with the name of the person, team or organisation that fills it`,
				`11:3 warning role "technical_support" (technical support) has no name`,
			},
		},
		{
			name: "empty name list",
			yaml: planHead + `roles:
  sro: {name: []}
  project_manager: {name: Bo Diaz}
  engagement_lead: {name: Cy Wu}
  subject_matter_expert: {name: Di Ng}
  content_editor: {name: Ed Fox}
  technical_support: {name: Fa Ito}
`,
			want: []string{`4:3 error role "sro" (senior responsible officer) has no name`},
		},
		{
			name: "placeholder names point at the value",
			yaml: planHead + `roles:
  sro:
    name: "[Insert name of SRO]"
  project_manager:
    name: Fay Orr (TBD)
  engagement_lead:
    name: ["[Name]", "[Names]"]
  subject_matter_expert: {name: Di Ng}
  content_editor:
    name:
      - ""
      - "[Group 2]"
  technical_support: {name: Fa Ito}
`,
			want: []string{
				`5:11 error role "sro" (senior responsible officer) is named "[Insert name of SRO]", a template placeholder: replace it with the name of the person, team or organisation that fills it`,
				`7:11 error role "project_manager" (project manager) is named "Fay Orr (TBD)", which holds the template placeholder "TBD": replace it with the name`,
				`9:12 error role "engagement_lead" (engagement lead) is named "[Name]"`,
				`14:9 warning role "content_editor" (content editor) is named "[Group 2]"`,
			},
		},
		{
			name: "one real name among placeholders is enough",
			yaml: planHead + `roles:
  sro: {name: ["[Name]", Ann Lee]}
  project_manager: {name: [TODO, Bo Diaz]}
  engagement_lead: {name: Cy Wu}
  subject_matter_expert: {name: Di Ng}
  content_editor: {name: Ed Fox}
  technical_support: {name: Fa Ito}
`,
		},
		{
			name: "lower-case todo and XXXL are real names",
			yaml: planHead + `roles:
  sro: {name: todo list committee}
  project_manager: {name: XXXL Events}
  engagement_lead: {name: Cy Wu}
  subject_matter_expert: {name: Di Ng}
  content_editor: {name: Ed Fox}
  technical_support: {name: Fa Ito}
`,
		},
		{
			name: "custom roles are not checked",
			yaml: planHead + allRoles + `  data_officer: {name: "[Name]"}
  comms:
  x_notes: anything
`,
		},
	})
}

func TestRoleUnassignedSettings(t *testing.T) {
	s := DefaultSettings()
	s.RequiredRoles = []string{"data_officer", "sro"}
	s.OptionalRoles = []string{"sro", "project_manager"}
	runRuleCasesWith(t, roleUnassigned(), s, []ruleCase{
		{
			name: "custom required role, role in both lists checked once as required",
			yaml: planHead + `roles:
  data_officer:
    contact: data@example.gov
`,
			want: []string{
				`4:3 error role "data_officer" has no name`,
				`3:1 error role "sro" (senior responsible officer) is missing`,
				`3:1 warning role "project_manager" (project manager) is missing`,
			},
		},
		{
			name: "well-known roles outside the lists are not checked",
			yaml: planHead + `roles:
  data_officer: {name: Gus}
  sro: {name: Ann Lee}
  project_manager: {name: Bo Diaz}
`,
		},
	})
}
