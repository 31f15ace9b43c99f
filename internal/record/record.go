package record

import (
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/plan"
)

// Record is one engagement record: what actually happened on a day (or over a few), as
// one file. Every value keeps its position, as the plan's do, so that a finding about a
// record points at the line of the record file that caused it.
type Record struct {
	// File is the record's path as findings name it: the plan's folder as the user named
	// it, joined with the records folder and the file's name.
	File string `yaml:"-"`
	// Source is the file's bytes as read, for snippets and line ends.
	Source []byte `yaml:"-"`
	// Root is the top-level mapping node.
	Root *yaml.Node `yaml:"-"`
	// Position's Node is Root; KeyOf finds each key.
	plan.Position `yaml:"-"`

	SchemaVersion int `yaml:"schema_version"`
	// Date is the day it happened, or the first of the days it spans; Until the last.
	Date  plan.DateAt `yaml:"date"`
	Until plan.DateAt `yaml:"until"`
	// Activity is the planned activity this carried out; empty for an ad-hoc contact.
	Activity    plan.Ref       `yaml:"activity"`
	Summary     string         `yaml:"summary"`
	Channel     string         `yaml:"channel"`
	Engaged     []Engaged      `yaml:"engaged"`
	Issues      []Issue        `yaml:"issues"`
	Disclosed   plan.Refs      `yaml:"disclosed"`
	Grievances  []Grievance    `yaml:"grievances"`
	Measures    []MeasureValue `yaml:"measures"`
	ReportBacks []ReportBack   `yaml:"report_backs"`
}

// Last is the last day the record covers: Until, or Date for a record of one day.
func (r *Record) Last() plan.Date {
	if !r.Until.IsZero() {
		return r.Until.Date
	}
	return r.Date.Date
}

// Engaged is a stakeholder group engaged, and how many of its people took part.
type Engaged struct {
	plan.Position `yaml:"-"`
	Stakeholder   plan.Ref `yaml:"stakeholder"`
	// People is how many took part; nil when the record does not say.
	People *int `yaml:"people"`
}

// TookPart reports whether anyone of the group took part: a record that says nothing of
// how many did counts, one that says nobody (people: 0) does not.
func (e *Engaged) TookPart() bool {
	return e.People == nil || *e.People > 0
}

// Issue is something people raised, the response given, and any commitment made.
type Issue struct {
	plan.Position `yaml:"-"`
	Text          string      `yaml:"text"`
	RaisedBy      plan.Refs   `yaml:"raised_by"`
	Response      string      `yaml:"response"`
	Commitment    *Commitment `yaml:"commitment"`
}

// The states of a commitment.
const (
	StatusOpen    = "open"
	StatusDone    = "done"
	StatusDropped = "dropped"
)

// Commitment is a promise made in response to an issue: what, who keeps it, by when, and
// the day it was closed. Closing one is an edit of the record it was made in (a `closed:`
// line added), so its history is the file's.
type Commitment struct {
	plan.Position `yaml:"-"`
	Text          string      `yaml:"text"`
	Owner         string      `yaml:"owner"`
	Due           plan.DateAt `yaml:"due"`
	Closed        plan.DateAt `yaml:"closed"`
	// Status as written: "", open, done or dropped (the schema asks done and dropped
	// for a closed date). State reads it.
	Status string `yaml:"status"`
}

// State is the commitment's status as of day today: open until the day it was closed,
// then done unless it was dropped. A zero today reads the record as written.
func (c *Commitment) State(today plan.Date) string {
	if c.Closed.IsZero() || c.Status == StatusOpen || (!today.IsZero() && c.Closed.After(today)) {
		return StatusOpen
	}
	if c.Status == StatusDropped {
		return StatusDropped
	}
	return StatusDone
}

// Grievance is a complaint received under the plan's grievance mechanism, and its
// resolution. Resolving one is an edit of the record it was received in.
type Grievance struct {
	plan.Position `yaml:"-"`
	// ID is the grievance's reference in the team's own register, if it has one.
	ID string `yaml:"id"`
	// Received is the day it was received; the loader fills in the record's date (and
	// its position) where the file gives none.
	Received    plan.DateAt `yaml:"received"`
	Category    string      `yaml:"category"`
	Stakeholder plan.Ref    `yaml:"stakeholder"`
	Summary     string      `yaml:"summary"`
	Resolved    plan.DateAt `yaml:"resolved"`
	Outcome     string      `yaml:"outcome"`
}

// OpenOn reports whether the grievance had been received and was not yet resolved on
// day today.
func (g *Grievance) OpenOn(today plan.Date) bool {
	if g.Received.After(today) {
		return false
	}
	return g.Resolved.IsZero() || g.Resolved.After(today)
}

// MeasureValue is a value measured for one of the plan's measures of success, as of the
// record's date.
type MeasureValue struct {
	plan.Position `yaml:"-"`
	Measure       plan.Ref `yaml:"measure"`
	Value         float64  `yaml:"value"`
	Note          string   `yaml:"note"`
}

// ReportBack is a report-back given on one of the plan's decisions on the record's date:
// stakeholders told what was decided and how their input was used.
type ReportBack struct {
	plan.Position `yaml:"-"`
	Decision      plan.Ref `yaml:"decision"`
	Summary       string   `yaml:"summary"`
}
