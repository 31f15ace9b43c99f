package rules

import "testing"

func TestGrievanceMissing(t *testing.T) {
	asked := DefaultSettings()
	asked.GrievanceRequired = true
	runRuleCasesWith(t, grievanceMissing(), asked, []ruleCase{
		{name: "a mechanism is described", yaml: planHead + "grievance:\n  summary: S\n"},
		{name: "none", yaml: planHead, want: []string{`1:1 error the plan describes no grievance mechanism`}},
	})
	runRuleCases(t, grievanceMissing(), []ruleCase{{name: "the profile does not ask", yaml: planHead}})
}

func TestGrievanceIncomplete(t *testing.T) {
	runRuleCases(t, grievanceIncomplete(), []ruleCase{
		{name: "no mechanism: grievance-missing's", yaml: planHead},
		{
			name: "times at a tier, an anonymous channel and an appeal",
			yaml: planHead + `grievance:
  channels:
    - {name: Box, anonymous: true}
  tiers:
    - {name: Site, acknowledge_days: 2, resolve_days: 10}
  appeal: The ombudsman.
`,
		},
		{
			name: "nothing said",
			yaml: planHead + "grievance:\n  summary: S\n",
			want: []string{
				`3:1 warning the grievance mechanism gives no response times`,
				`3:1 warning the grievance mechanism lists no channels`,
				`3:1 warning the grievance mechanism says nowhere to appeal`,
			},
		},
		{
			name: "no anonymous channel, no resolve time",
			yaml: planHead + `grievance:
  acknowledge_days: 3
  channels:
    - {name: Hotline}
  appeal: Court.
`,
			want: []string{
				`3:1 warning the grievance mechanism does not say how soon a complaint is resolved`,
				`5:3 warning no grievance channel takes anonymous complaints`,
			},
		},
	})
}

const disclosureTimeline = `timeline:
  start: 2027-03-01
  phases:
    - {id: prep, kind: planning, weeks: 2}
    - {id: open, kind: engagement, weeks: 6}
`

func TestDisclosureLate(t *testing.T) {
	runRuleCases(t, disclosureLate(), []ruleCase{
		{
			name: "before the phase it informs, or informing nothing",
			yaml: planHead + disclosureTimeline + `disclosure:
  - {id: a, document: Draft, date: 2027-03-14, informs: open}
  - {id: b, document: Notes, date: 2027-09-01}
`,
		},
		{
			name: "on the day it opens",
			yaml: planHead + disclosureTimeline + `disclosure:
  - id: a
    document: Draft
    date: 2027-03-15
    informs: open
`,
			want: []string{`11:11 warning "Draft" is disclosed on 2027-03-15, but the phase "open" it should inform starts on 2027-03-15`},
		},
	})
}

func TestDisclosureCommentShort(t *testing.T) {
	us := DefaultSettings()
	us.CommentDays = 60
	yaml := planHead + `disclosure:
  - {id: a, document: Rule, comment_days: 60}
  - {id: b, document: Notice}
  - id: c
    document: Draft rule
    comment_days: 30
`
	runRuleCasesWith(t, disclosureCommentShort(), us, []ruleCase{{
		name: "30 days against 60",
		yaml: yaml,
		want: []string{`8:5 warning "Draft rule" is open for comment for 30 days, short of the minimum of 8 weeks 4 days`},
	}})
	runRuleCases(t, disclosureCommentShort(), []ruleCase{{name: "no minimum in the profile", yaml: yaml}})
}

func TestDisclosureLanguages(t *testing.T) {
	register := planHead + `stakeholders:
  - {id: a, name: A, languages: [English, Pijin]}
  - {id: b, name: B, languages: [english]}
`
	runRuleCases(t, disclosureLanguages(), []ruleCase{
		{
			name: "every language, whatever its case; a document naming none is not judged",
			yaml: register + "disclosure:\n  - {id: d, document: D, languages: [english, PIJIN]}\n  - {id: e, document: E}\n",
		},
		{
			name: "a language missing",
			yaml: register + "disclosure:\n  - id: d\n    document: Draft SEP\n    languages: [English]\n",
			want: []string{`9:5 warning "Draft SEP" is not published in "Pijin", which stakeholders speak`},
		},
	})
}

func TestStakeholderCategory(t *testing.T) {
	ess10 := DefaultSettings()
	ess10.Categories = []string{"project-affected", "other-interested"}
	yaml := planHead + `stakeholders:
  - {id: a, name: A, category: project-affected}
  - {id: b, name: B}
  - id: c
    name: C
    category: affected
`
	runRuleCasesWith(t, stakeholderCategory(), ess10, []ruleCase{{
		name: "missing and unknown",
		yaml: yaml,
		want: []string{
			`5:5 warning stakeholder "b" has no category: set category to one of project-affected, other-interested`,
			`8:5 warning stakeholder "c" has category "affected", which this profile does not define`,
		},
	}})
	runRuleCases(t, stakeholderCategory(), []ruleCase{{name: "the profile defines none", yaml: yaml}})
}

func TestPartnersAndOrganisations(t *testing.T) {
	runRuleCases(t, stakeholderNotEngaged(), []ruleCase{{
		name: "a partner needs no audience",
		yaml: planHead + "stakeholders:\n  - {id: pmu, name: PMU, partner: true}\n",
	}})
	s := DefaultSettings()
	s.RequiredRoles, s.OptionalRoles = []string{"engagement_lead"}, nil
	runRuleCasesWith(t, roleUnassigned(), s, []ruleCase{
		{name: "an organisation holds the role", yaml: planHead + "roles:\n  engagement_lead: {organisation: Aurecon}\n"},
		{
			name: "a placeholder organisation does not",
			yaml: planHead + "roles:\n  engagement_lead: {organisation: \"[Insert consultancy]\"}\n",
			want: []string{`4:3 error role "engagement_lead" (engagement lead) has no name`},
		},
	})
}

func TestNewReferencesResolve(t *testing.T) {
	runRuleCases(t, unknownReference(), []ruleCase{{
		name: "part_of and informs",
		yaml: planHead + disclosureTimeline + `stakeholders:
  - {id: a, name: A, part_of: nobody}
disclosure:
  - {id: d, document: D, informs: nowhen}
`,
		want: []string{
			`9:31 error stakeholder "a" part_of refers to stakeholder "nobody", which does not exist`,
			`11:35 error disclosure "d" informs refers to phase "nowhen", which does not exist`,
		},
	}})
}

func TestPhaseTooShortCannotTell(t *testing.T) {
	runRuleCases(t, phaseTooShort(), []ruleCase{
		{
			name: "a month each end: between 2 and 61 days against 4 weeks",
			yaml: planHead + "timeline:\n  phases:\n    - {id: e, kind: engagement, start: 2027-03, end: 2027-04}\n",
			want: []string{`5:7 warning phase "e" lasts between 2 days and 8 weeks 5 days as its dates are written (2027-03 to 2027-04), so it cannot be told whether it meets the minimum of 4 weeks`},
		},
		{
			name: "too short on every day its end allows",
			yaml: planHead + "timeline:\n  phases:\n    - {id: e, kind: engagement, start: 2027-02-10, end: 2027-02}\n",
			want: []string{`5:7 error phase "e" lasts 2 weeks 5 days, below the minimum of 4 weeks`},
		},
		{
			name: "weeks from a month's start are weeks",
			yaml: planHead + "timeline:\n  phases:\n    - {id: e, kind: engagement, start: 2027-03, weeks: 5}\n",
		},
	})
}

func TestChangeNoReason(t *testing.T) {
	runRuleCases(t, changeNoReason(), []ruleCase{{
		name: "a reason, and none",
		yaml: planHead + `changes:
  - {date: 2027-04-01, summary: Close extended, reason: Traders asked for more time}
  - {date: 2027-05, summary: A phase dropped}
`,
		want: []string{`5:5 warning the change of 2027-05 (A phase dropped) says what changed but not why: add reason`},
	}})
}

func TestGrievanceProtectionsWhereRequired(t *testing.T) {
	ess10 := DefaultSettings()
	ess10.GrievanceRequired = true
	mechanism := planHead + `grievance:
  resolve_days: 30
  acknowledge_days: 3
  channels: [{name: Box, anonymous: true}]
  appeal: Court.
`
	runRuleCasesWith(t, grievanceIncomplete(), ess10, []ruleCase{{
		name: "no confidentiality, no handling of sensitive complaints",
		yaml: mechanism,
		want: []string{
			`3:1 warning the grievance mechanism does not say how complainants' identities are kept confidential`,
			`3:1 warning the grievance mechanism does not say how complaints of sexual exploitation, abuse or harassment are referred`,
		},
	}})
	runRuleCases(t, grievanceIncomplete(), []ruleCase{{name: "not asked where the profile does not require a mechanism", yaml: mechanism}})
}

func TestStakeholderLanguagesWhereAsked(t *testing.T) {
	s := DefaultSettings()
	s.StakeholderFields = []string{"languages"}
	runRuleCasesWith(t, stakeholderIncomplete(), s, []ruleCase{{
		name: "languages asked",
		yaml: planHead + "stakeholders:\n  - {id: a, name: A, languages: [Pijin]}\n  - {id: b, name: B}\n  - {id: pmu, name: PMU, partner: true}\n",
		want: []string{`5:5 warning stakeholder "b" has no languages: list the languages they read and speak`},
	}})
}

func TestActivitySeriesInItsPhase(t *testing.T) {
	runRuleCases(t, activityOutsidePhase(), []ruleCase{{
		name: "a series running past its phase, and one ending before it starts",
		yaml: planHead + disclosureTimeline + `activities:
  - {id: ok, name: A, phase: open, date: 2027-03-15, until: 2027-04-25, sessions: 6}
  - id: long
    name: B
    phase: open
    date: 2027-03-20
    until: 2027-05-01
  - id: back
    name: C
    date: 2027-04-01
    until: 2027-03-20
`,
		want: []string{
			`14:12 warning activity "long" runs until 2027-05-01, after its phase "open" ends on 2027-04-25`,
			`18:12 warning activity "back" ends its series on 2027-03-20, before it starts on 2027-04-01`,
		},
	}})
}

func TestPhaseGapOnlyBetweenDays(t *testing.T) {
	runRuleCases(t, phaseGap(), []ruleCase{
		{
			name: "an end written as a month: gaps are reported only between days, as plan-format.md says",
			yaml: planHead + "timeline:\n  phases:\n    - {id: a, kind: planning, start: 2027-01-04, end: 2027-02}\n    - {id: b, kind: engagement, start: 2027-Q2, weeks: 4}\n",
		},
		{
			name: "between days the gap is counted from the month's last day",
			yaml: planHead + "timeline:\n  phases:\n    - {id: a, kind: planning, start: 2027-01-04, end: 2027-01-31}\n    - {id: b, kind: engagement, start: 2027-02-10, weeks: 4}\n",
			want: []string{`6:7 info phase "b" leaves 9 days with no phase after phase "a"`},
		},
	})
}
