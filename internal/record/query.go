package record

import (
	"slices"

	"github.com/planascode/plan/internal/plan"
)

// AsOf returns the records that had begun by day today, in the same order: what had
// happened by then. A record dated later has not happened yet as of today, so no check
// and no report counts it; that is also what lets a plan's records be written ahead of a
// day a test or a golden file fixes. A zero today keeps every record.
func (s *Set) AsOf(today plan.Date) *Set {
	if s == nil {
		return &Set{}
	}
	out := &Set{Dir: s.Dir}
	for _, r := range s.Records {
		if today.IsZero() || !r.Date.After(today) {
			out.Records = append(out.Records, r)
		}
	}
	return out
}

// Carrying returns the records that carried out the planned activity id.
func (s *Set) Carrying(id string) []*Record {
	var out []*Record
	for _, r := range s.all() {
		if r.Activity.ID == id {
			out = append(out, r)
		}
	}
	return out
}

// Engagement is one stakeholder group engaged by one record.
type Engagement struct {
	Record  *Record
	Engaged *Engaged
}

// Engagements returns every group engaged, record by record, in record order. A group
// listed with people: 0 was invited and nobody came: it was not engaged, so it is left
// out here and by everything that counts engagement.
func (s *Set) Engagements() []Engagement {
	var out []Engagement
	for _, r := range s.all() {
		for i := range r.Engaged {
			if e := &r.Engaged[i]; e.TookPart() {
				out = append(out, Engagement{Record: r, Engaged: e})
			}
		}
	}
	return out
}

// EngagedBetween reports whether a record that overlaps the days from to to (either may
// be zero, for no bound) engaged any of the stakeholder groups ids.
func (s *Set) EngagedBetween(ids []string, from, to plan.Date) bool {
	for _, e := range s.Engagements() {
		r := e.Record
		if (!from.IsZero() && r.Last().Before(from)) || (!to.IsZero() && r.Date.After(to)) {
			continue
		}
		if slices.Contains(ids, e.Engaged.Stakeholder.ID) {
			return true
		}
	}
	return false
}

// ReportedBack returns the records that gave a report-back on decision id.
func (s *Set) ReportedBack(id string) []*Record {
	var out []*Record
	for _, r := range s.all() {
		if slices.ContainsFunc(r.ReportBacks, func(rb ReportBack) bool { return rb.Decision.ID == id }) {
			out = append(out, r)
		}
	}
	return out
}

// CommitmentIn is a commitment with the issue and record it was made in.
type CommitmentIn struct {
	Record     *Record
	Issue      *Issue
	Commitment *Commitment
}

// Commitments returns every commitment made, in record order.
func (s *Set) Commitments() []CommitmentIn {
	var out []CommitmentIn
	for _, r := range s.all() {
		for i := range r.Issues {
			if is := &r.Issues[i]; is.Commitment != nil {
				out = append(out, CommitmentIn{Record: r, Issue: is, Commitment: is.Commitment})
			}
		}
	}
	return out
}

// GrievanceIn is a grievance with the record it was received in.
type GrievanceIn struct {
	Record    *Record
	Grievance *Grievance
}

// Grievances returns every grievance received, in record order.
func (s *Set) Grievances() []GrievanceIn {
	var out []GrievanceIn
	for _, r := range s.all() {
		for i := range r.Grievances {
			out = append(out, GrievanceIn{Record: r, Grievance: &r.Grievances[i]})
		}
	}
	return out
}

// MeasureIn is a measured value with the record that holds it.
type MeasureIn struct {
	Record *Record
	Value  *MeasureValue
}

// Latest returns the last value recorded for measure id as of day today (a zero today:
// any), and false when none is. A value is measured as of its record's last day: the
// responses a survey of 03-09..04-23 counted are its count on 04-23, not on 03-09, so a
// record still running on today holds no value yet. The last is the one measured
// latest, then the later in record order.
func (s *Set) Latest(id string, today plan.Date) (MeasureIn, bool) {
	var last MeasureIn
	found := false
	for _, r := range s.all() {
		if !today.IsZero() && r.Last().After(today) {
			continue
		}
		for i := range r.Measures {
			if r.Measures[i].Measure.ID == id && (!found || !r.Last().Before(last.Record.Last())) {
				last, found = MeasureIn{Record: r, Value: &r.Measures[i]}, true
			}
		}
	}
	return last, found
}

func (s *Set) all() []*Record {
	if s == nil {
		return nil
	}
	return s.Records
}
