package record

import "github.com/planascode/plan/internal/plan"

// Reference is one reference by id written in a record.
type Reference struct {
	// Ref is the reference itself, with the node it was written at.
	*plan.Ref
	Record *Record
	// List is where the id it names should live in the plan: one of plan.RecordedLists.
	List string
	// Key names the field it is written in (engaged stakeholder), for messages.
	Key string
}

// References lists every reference by id written in the records, record by record, in
// the order of the format's keys.
func (s *Set) References() []Reference {
	var out []Reference
	for _, r := range s.all() {
		add := func(key, list string, ref *plan.Ref) {
			if ref.ID != "" && ref.Node != nil {
				out = append(out, Reference{Ref: ref, Record: r, List: list, Key: key})
			}
		}
		add("activity", plan.ListActivities, &r.Activity)
		for i := range r.Engaged {
			add("engaged stakeholder", plan.ListStakeholders, &r.Engaged[i].Stakeholder)
		}
		for i := range r.Issues {
			for j := range r.Issues[i].RaisedBy {
				add("issue raised_by", plan.ListStakeholders, &r.Issues[i].RaisedBy[j])
			}
		}
		for i := range r.Disclosed {
			add("disclosed", plan.ListDisclosure, &r.Disclosed[i])
		}
		for i := range r.Grievances {
			add("grievance stakeholder", plan.ListStakeholders, &r.Grievances[i].Stakeholder)
		}
		for i := range r.Measures {
			add("measure", plan.ListMeasures, &r.Measures[i].Measure)
		}
		for i := range r.ReportBacks {
			add("report-back decision", plan.ListDecisions, &r.ReportBacks[i].Decision)
		}
	}
	return out
}
