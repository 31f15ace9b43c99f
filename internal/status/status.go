package status

import (
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
)

// DefaultHorizon is how many days ahead "due soon" looks: two weeks, the span of a
// fortnightly project meeting or of two weekly updates.
const DefaultHorizon = 14

// Options are what Build needs besides the plan and its records.
type Options struct {
	// Today is the day the state is worked out for.
	Today plan.Date
	// Horizon is how many days after Today count as due soon; 0 means DefaultHorizon.
	Horizon int
}

// State is where a plan stands on a day. Its JSON form is `plan status --format json`,
// documented field by field in docs/status.md: a field is added, never renamed or
// removed, within schema_version 1.
type State struct {
	SchemaVersion int    `json:"schema_version"`
	File          string `json:"file"`
	Title         string `json:"title"`
	Today         string `json:"today"`
	Horizon       int    `json:"horizon_days"`

	Records     Records     `json:"records"`
	Phases      Phases      `json:"phases"`
	Due         []DueItem   `json:"due"`
	Overdue     []Problem   `json:"overdue"`
	Coverage    Coverage    `json:"coverage"`
	Commitments Commitments `json:"commitments"`
	Grievances  Grievances  `json:"grievances"`
	Measures    []Measure   `json:"measures"`

	today plan.Date
}

// Records says how much of the plan has been carried out on record.
type Records struct {
	// Count is the records dated on or before today; Later those dated after it, which
	// nothing else in the state counts.
	Count int `json:"count"`
	Later int `json:"later"`
	// First and Last are the first and last days on record ("" for none); People the
	// sum of the people the records say took part.
	First  string `json:"first"`
	Last   string `json:"last"`
	People int    `json:"people"`
	// Skipped are the record files that did not load, left out of everything else.
	Skipped []Problem `json:"skipped"`
}

// Problem is a finding about a file: a record that did not load, or a finding of a
// check that depends on the day.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

func problemOf(f diag.Finding) Problem {
	return Problem{File: f.File, Line: f.Line, Column: f.Col, Rule: f.Rule, Message: f.Message}
}

// Build works out the state of plan p with records set (nil for none) on opts.Today.
// skipped are the findings of record files that did not load (from record.Load). The
// overdue items come from the dated checks of plan check; Overdue fills them in.
func Build(p *plan.Plan, set *record.Set, skipped []diag.Finding, opts Options) *State {
	horizon := opts.Horizon
	if horizon <= 0 {
		horizon = DefaultHorizon
	}
	done := set.AsOf(opts.Today)
	phases := p.ResolvePhases()
	return &State{
		SchemaVersion: 1,
		File:          p.File,
		Title:         p.Title,
		Today:         opts.Today.String(),
		Horizon:       horizon,
		Records:       recordsOf(set, done, skipped),
		Phases:        phasesOf(phases, opts.Today),
		Due:           dueOf(p, phases, done, opts.Today, opts.Today.AddDays(horizon)),
		Overdue:       []Problem{},
		Coverage:      coverageOf(p, phases, done, opts.Today),
		Commitments:   commitmentsOf(done, opts.Today),
		Grievances:    grievancesOf(p, done, opts.Today),
		Measures:      measuresOf(p, done, opts.Today),
		today:         opts.Today,
	}
}

func recordsOf(all, done *record.Set, skipped []diag.Finding) Records {
	r := Records{Count: done.Len(), Later: all.Len() - done.Len(), Skipped: []Problem{}}
	if done.Len() > 0 {
		// Records are in date order: the last begun is the latest on record.
		r.First = done.Records[0].Date.String()
		r.Last = done.Records[done.Len()-1].Date.String()
	}
	for _, e := range done.Engagements() {
		if e.Engaged.People != nil {
			r.People += *e.Engaged.People
		}
	}
	for _, f := range skipped {
		r.Skipped = append(r.Skipped, problemOf(f))
	}
	return r
}
