package rules

import (
	"strings"
	"testing"
)

// datedPlan is the plan the dated rules' tests judge records against. Line numbers of
// the findings below count from its first line.
const datedPlan = planHead + `stakeholders:
  - {id: residents, name: Residents, participation: consult}
  - {id: older, name: Older residents, participation: consult, part_of: residents}
  - {id: media, name: Media, participation: inform}
  - {id: traders, name: Traders, participation: involve}
activities:
  - {id: launch, name: Launch, date: 2027-03-01, audience: [media]}
  - {id: workshop, name: Workshop, date: 2027-03-10, phase: engagement, audience: [residents, traders]}
  - {id: survey, name: Survey, date: 2027-03-01, until: 2027-03-28, audience: [residents]}
  - {id: updates, name: Updates, date: 2027-03, cadence: monthly, audience: [residents]}
  - {id: briefing, name: Briefing, date: 2027-03, audience: [traders]}
timeline:
  start: 2027-02-01
  phases:
    - {id: planning, kind: planning, end: 2027-02-28}
    - {id: engagement, kind: engagement, end: 2027-03-31}
decisions:
  - {id: routes, question: Routes, phase: engagement, report_back: 2027-04-15}
  - {id: budget, question: Budget, phase: engagement}
grievance:
  resolve_days: 14
objectives:
  - {id: o1, statement: One, time_related: 2027-03-31}
  - {id: o2, statement: Two}
evaluation:
  measures:
    - {id: responses, target: 300, objective: o1}
    - {id: complaints, target: at most 5 complaints, objective: o1}
    - {id: wards, target: All wards represented, objective: o1}
    - {id: later, target: 10, objective: o2}
`

// started is a record that starts the plan being carried out and says nothing else.
const started = recordHead + "date: 2027-02-10\nsummary: Kick-off\n"

func TestActivityNotRecorded(t *testing.T) {
	runRecordCases(t, activityNotRecorded(), []recordCase{
		{name: "no records: the plan has not started", plan: datedPlan, today: "2027-06-01"},
		{name: "no day: no dated check", plan: datedPlan, records: []string{started}},
		{name: "records only after today do not count", plan: datedPlan, today: "2027-01-01", records: []string{recordHead + "date: 2027-05-01\n"}},
		{name: "one-off activities past with no record; series and activities to come are not judged", plan: datedPlan, today: "2027-03-05", records: []string{started},
			want: []string{`plan:9:5 warning as of 2027-03-05, activity "launch" planned for 2027-03-01 has no record`}},
		{name: "the day itself is not past", plan: datedPlan, today: "2027-03-01", records: []string{started}},
		{name: "a month is past only once all of it is", plan: datedPlan, today: "2027-03-31", records: []string{started, recordHead + "date: 2027-03-01\nactivity: launch\n", recordHead + "date: 2027-03-10\nactivity: workshop\n"}},
		{name: "every one-off recorded", plan: datedPlan, today: "2027-06-01", records: []string{
			recordHead + "date: 2027-03-01\nactivity: launch\n", recordHead + "date: 2027-03-10\nactivity: workshop\n", recordHead + "date: 2027-03-20\nactivity: briefing\n"}},
		{name: "a record dated after today does not count yet", plan: datedPlan, today: "2027-04-02", records: []string{started,
			recordHead + "date: 2027-03-01\nactivity: launch\n", recordHead + "date: 2027-03-10\nactivity: workshop\n", recordHead + "date: 2027-04-05\nactivity: briefing\n"},
			want: []string{`plan:13:5 warning as of 2027-04-02, activity "briefing" planned for 2027-03 has no record`}},
	})
}

func TestStakeholderNotReached(t *testing.T) {
	runRecordCases(t, stakeholderNotReached(), []recordCase{
		{name: "no records", plan: datedPlan, today: "2027-06-01"},
		{name: "the phase is not over", plan: datedPlan, today: "2027-03-31", records: []string{started}},
		{name: "nobody above inform engaged in a phase that is over", plan: datedPlan, today: "2027-04-01", records: []string{started},
			want: []string{
				`plan:4:5 warning as of 2027-04-01, phase "engagement" ended on 2027-03-31 and stakeholder "residents" (consult) was never engaged in it: record the engagement with a date in the phase if it happened, else say why with ` + "`# plan:ignore stakeholder-not-reached -- reason`",
				`plan:7:5 warning as of 2027-04-01, phase "engagement" ended on 2027-03-31 and stakeholder "traders" (involve)`,
			}},
		{name: "a part engages the whole; a range overlapping the phase counts", plan: datedPlan, today: "2027-04-01", records: []string{
			recordHead + "date: 2027-03-30\nuntil: 2027-04-03\nengaged: [{stakeholder: older}]\n",
			recordHead + "date: 2027-03-10\nengaged: [{stakeholder: traders, people: 4}]\n"}},
		{name: "engaged before the phase does not count for it", plan: datedPlan, today: "2027-04-01", records: []string{
			recordHead + "date: 2027-02-10\nengaged: [{stakeholder: residents}, {stakeholder: traders}]\n"},
			want: []string{`plan:4:5 warning`, `plan:7:5 warning`}},
	})
}

func TestReportBackOverdue(t *testing.T) {
	withReportBackActivity := strings.Replace(datedPlan, "activities:\n", "activities:\n  - {id: what-we-heard, name: What we heard, kind: report_back, date: 2027-04-10}\n", 1)
	runRecordCases(t, reportBackOverdue(), []recordCase{
		{name: "no records", plan: datedPlan, today: "2027-06-01"},
		{name: "not due yet", plan: datedPlan, today: "2027-04-15", records: []string{started}},
		{name: "past due, none recorded", plan: datedPlan, today: "2027-04-16", records: []string{started},
			want: []string{"plan:20:68 warning as of 2027-04-16, the report-back on decision \"routes\" was due by 2027-04-15 and none is recorded: give it and record it with `plan record --report-back routes`"}},
		{name: "a report-back activity recorded without naming the decision", plan: withReportBackActivity, today: "2027-04-16",
			records: []string{recordHead + "date: 2027-04-10\nactivity: what-we-heard\nengaged: [{stakeholder: residents}]\n"},
			want:    []string{"plan:21:68 warning as of 2027-04-16, the report-back on decision \"routes\" was due by 2027-04-15 and none is recorded: give it and record it with `plan record --report-back routes`, or, if r1 was this report-back, add `report_backs: [{decision: routes}]` to it"}},
		{name: "a report-back activity recorded naming the decision", plan: withReportBackActivity, today: "2027-04-16",
			records: []string{recordHead + "date: 2027-04-10\nactivity: what-we-heard\nreport_backs: [{decision: routes}]\n"}},
		{name: "recorded, even late", plan: datedPlan, today: "2027-05-01", records: []string{recordHead + "date: 2027-04-20\nreport_backs: [{decision: routes}]\n"}},
	})
}

func TestCommitmentOverdue(t *testing.T) {
	made := func(commitment string) string {
		return recordHead + "date: 2027-03-10\nissues:\n  - text: Parking\n    commitment: " + commitment + "\n"
	}
	runRecordCases(t, commitmentOverdue(), []recordCase{
		{name: "open, not yet due", plan: datedPlan, today: "2027-03-20", records: []string{made("{text: Publish counts, due: 2027-03-20}")}},
		{name: "open past due", plan: datedPlan, today: "2027-03-21", records: []string{made("{text: Publish counts, owner: Ana, due: 2027-03-20}")},
			want: []string{`r1:5:57 warning as of 2027-03-21, the commitment "Publish counts" was due on 2027-03-20 and is not closed (owner: Ana)`}},
		{name: "closed late, but closed", plan: datedPlan, today: "2027-04-01", records: []string{made("{text: Publish counts, due: 2027-03-20, closed: 2027-03-25}")}},
		{name: "dropped is closed", plan: datedPlan, today: "2027-04-01", records: []string{made("{text: Publish counts, due: 2027-03-20, closed: 2027-03-19, status: dropped}")}},
		{name: "closed after today is still open today", plan: datedPlan, today: "2027-03-22", records: []string{made("{text: Publish counts, due: 2027-03-20, closed: 2027-03-25}")},
			want: []string{`r1:5:45 warning as of 2027-03-22`}},
		{name: "status open overrides a closed date", plan: datedPlan, today: "2027-04-01", records: []string{made("{text: Publish counts, due: 2027-03-20, closed: 2027-03-19, status: open}")},
			want: []string{`r1:5:45 warning`}},
		{name: "no due date, never overdue", plan: datedPlan, today: "2028-01-01", records: []string{made("{text: Publish counts}")}},
	})
}

func TestGrievanceOverdue(t *testing.T) {
	const tiers = planHead + "grievance:\n  tiers:\n    - {name: Team, resolve_days: 10}\n    - {name: Ombudsman, resolve_days: 30}\n"
	const silent = planHead + "grievance:\n  summary: Write to us\n"
	runRecordCases(t, grievanceOverdue(), []recordCase{
		{name: "within the resolve time", plan: datedPlan, today: "2027-03-24", records: []string{recordHead + "date: 2027-03-10\ngrievances: [{category: noise}]\n"}},
		{name: "open longer, received on the record's date", plan: datedPlan, today: "2027-03-25", records: []string{recordHead + "date: 2027-03-10\ngrievances: [{category: noise}]\n"},
			want: []string{`r1:3:14 warning as of 2027-03-25, a grievance about "noise" received on 2027-03-10 has been open 15 days, longer than the 14 days the grievance mechanism allows`}},
		{name: "without an id, named by category and group", plan: datedPlan, today: "2027-03-25", records: []string{recordHead + "date: 2027-03-10\ngrievances:\n  - {category: noise, stakeholder: residents}\n  - {stakeholder: traders}\n"},
			want: []string{`r1:4:5 warning as of 2027-03-25, a grievance about "noise" from residents received on 2027-03-10`, `r1:5:5 warning as of 2027-03-25, a grievance from traders received on 2027-03-10`}},
		{name: "a register's reference for an id", plan: datedPlan, today: "2027-03-25", records: []string{recordHead + "date: 2027-03-10\ngrievances:\n  - {id: GRM-001, category: noise}\n"},
			want: []string{`r1:4:5 warning as of 2027-03-25, grievance "GRM-001" received on 2027-03-10`}},
		{name: "received on its own date, named by id", plan: datedPlan, today: "2027-03-25", records: []string{recordHead + "date: 2027-03-20\ngrievances:\n  - {id: g-7, received: 2027-03-01}\n"},
			want: []string{`r1:4:5 warning as of 2027-03-25, grievance "g-7" received on 2027-03-01 has been open 24 days`}},
		{name: "resolved", plan: datedPlan, today: "2027-06-01", records: []string{recordHead + "date: 2027-03-10\ngrievances: [{resolved: 2027-04-30, outcome: Moved the bins}]\n"}},
		{name: "resolved after today is open today", plan: datedPlan, today: "2027-04-01", records: []string{recordHead + "date: 2027-03-10\ngrievances: [{resolved: 2027-04-30}]\n"},
			want: []string{`r1:3:14 warning as of 2027-04-01, a grievance received on 2027-03-10 has been open 22 days`}},
		{name: "the longest tier is the limit", plan: tiers, today: "2027-04-09", records: []string{recordHead + "date: 2027-03-10\ngrievances: [{category: noise}]\n"}},
		{name: "past the longest tier", plan: tiers, today: "2027-04-10", records: []string{recordHead + "date: 2027-03-10\ngrievances: [{category: noise}]\n"},
			want: []string{`r1:3:14 warning as of 2027-04-10, a grievance about "noise" received on 2027-03-10 has been open 31 days, longer than the 30 days`}},
		{name: "a mechanism with no resolve time", plan: silent, today: "2028-01-01", records: []string{recordHead + "date: 2027-03-10\ngrievances: [{category: noise}]\n"}},
	})
}

func TestMeasureBelowTarget(t *testing.T) {
	runRecordCases(t, measureBelowTarget(), []recordCase{
		{name: "not due yet", plan: datedPlan, today: "2027-03-31", records: []string{started}},
		{name: "due, nothing recorded; a target with no number and an undated measure are not judged", plan: datedPlan, today: "2027-04-01", records: []string{started},
			want: []string{
				`plan:29:7 warning as of 2027-04-01, measure "responses" was due by 2027-03-31 (objective "o1") and no value is recorded: record it against its target of 300`,
				`plan:30:7 warning as of 2027-04-01, measure "complaints"`,
			}},
		{name: "met: at least the floor, at most the ceiling", plan: datedPlan, today: "2027-04-01", records: []string{
			recordHead + "date: 2027-03-31\nmeasures: [{measure: responses, value: 300}, {measure: complaints, value: 5}]\n"}},
		{name: "missed: the last value counts", plan: datedPlan, today: "2027-04-01", records: []string{
			recordHead + "date: 2027-03-20\nmeasures: [{measure: responses, value: 310}, {measure: complaints, value: 2}]\n",
			recordHead + "date: 2027-03-31\nmeasures: [{measure: responses, value: 280.5}, {measure: complaints, value: 6}]\n"},
			want: []string{
				`r2:3:12 warning as of 2027-04-01, measure "responses" was due by 2027-03-31 and its last value, 280.5 on 2027-03-31, misses its target of 300`,
				`r2:3:48 warning as of 2027-04-01, measure "complaints" was due by 2027-03-31 and its last value, 6 on 2027-03-31, misses its target of at most 5 complaints`,
			}},
		{name: "a value recorded after today does not count yet", plan: datedPlan, today: "2027-04-01", records: []string{started,
			recordHead + "date: 2027-04-05\nmeasures: [{measure: responses, value: 400}, {measure: complaints, value: 0}]\n"},
			want: []string{`plan:29:7 warning`, `plan:30:7 warning`}},
		{name: "a value on a record still running is measured as of its last day", plan: datedPlan, today: "2027-04-01", records: []string{started,
			recordHead + "date: 2027-03-09\nuntil: 2027-04-23\nmeasures: [{measure: responses, value: 400}, {measure: complaints, value: 0}]\n"},
			want: []string{`plan:29:7 warning`, `plan:30:7 warning`}},
		{name: "of two records, the one that ends later is the last value", plan: datedPlan, today: "2027-05-01", records: []string{
			recordHead + "date: 2027-03-01\nuntil: 2027-03-30\nmeasures: [{measure: responses, value: 250}]\n",
			recordHead + "date: 2027-03-10\nmeasures: [{measure: responses, value: 320}]\n"},
			want: []string{`r1:4:12 warning as of 2027-05-01, measure "responses" was due by 2027-03-31 and its last value, 250 on 2027-03-30, misses its target of 300`, `plan:30:7 warning`}},
	})
}
