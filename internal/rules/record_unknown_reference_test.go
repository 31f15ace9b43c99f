package rules

import "testing"

func TestRecordUnknownReference(t *testing.T) {
	const p = planHead + `stakeholders:
  - {id: residents, name: Residents}
activities:
  - {id: survey, name: Survey}
disclosure:
  - {id: draft, document: Draft strategy}
decisions:
  - {id: routes, question: "Which routes?"}
evaluation:
  measures:
    - {id: responses, target: 300}
`
	runRecordCases(t, recordUnknownReference(), []recordCase{
		{name: "every reference resolves", plan: p, records: []string{recordHead + `date: 2027-03-04
activity: survey
engaged: [{stakeholder: residents, people: 3}]
issues: [{text: Parking, raised_by: [residents]}]
disclosed: [draft]
grievances: [{stakeholder: residents}]
measures: [{measure: responses, value: 120}]
report_backs: [{decision: routes}]
`}},
		{name: "an ad-hoc record names no activity", plan: p, records: []string{recordHead + "date: 2027-03-04\nengaged: [{stakeholder: residents}]\n"}},
		{name: "every kind of unknown id, with a suggestion for a typo", plan: p, records: []string{recordHead + `date: 2027-03-04
activity: survy
engaged: [{stakeholder: traders}]
issues: [{text: Parking, raised_by: [resident]}]
disclosed: [final]
grievances: [{stakeholder: nobody}]
measures: [{measure: turnout, value: 1}]
report_backs: [{decision: budget}]
`}, want: []string{
			`r1:3:11 error activity "survy" is not in the plan's activities: did you mean "survey"?`,
			`r1:4:25 error stakeholder "traders" is not in the plan's stakeholders: use an id from there`,
			`r1:5:38 error stakeholder "resident" is not in the plan's stakeholders: did you mean "residents"?`,
			`r1:6:13 error document "final" is not in the plan's disclosure`,
			`r1:7:28 error stakeholder "nobody"`,
			`r1:8:22 error measure "turnout" is not in the plan's evaluation.measures`,
			`r1:9:27 error decision "budget" is not in the plan's decisions`,
		}},
		{name: "records are checked whatever their date", plan: p, today: "2020-01-01", records: []string{recordHead + "date: 2027-03-04\nactivity: webinar\n"},
			want: []string{`r1:3:11 error activity "webinar"`}},
	})
}
