package status

import (
	"slices"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
)

// Coverage is whom the records show were engaged, against whom the plan means to engage.
type Coverage struct {
	// Stakeholders counts the plan's stakeholder groups, partners apart: a partner works
	// with the project rather than being engaged through its activities (as plan check's
	// stakeholder-not-engaged reads it), so it is never "not reached". Engaged counts
	// those engaged so far, directly or through a group that is part of them (engaging
	// older residents is engaging residents).
	Stakeholders int `json:"stakeholders"`
	Engaged      int `json:"engaged"`
	// Levels is the same count by participation level, from inform to empower, then
	// groups the plan gives no level.
	Levels []Level `json:"levels"`
	// NotReached are the groups not engaged so far, in the plan's order.
	NotReached []NotReached `json:"not_reached"`
	// Phases are the dated phases, in order, that the columns of each group's Phases
	// stand for.
	Phases []string `json:"phases"`
	// Groups is every stakeholder group with its engagement, phase by phase.
	Groups []Group `json:"groups"`
}

// Level is the coverage of one participation level.
type Level struct {
	// Level is an IAP2 level, or "" for groups the plan gives none.
	Level   string `json:"level"`
	Planned int    `json:"planned"`
	Engaged int    `json:"engaged"`
}

// NotReached is a group not engaged so far, and the next dated activity meant for it.
type NotReached struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Participation string `json:"participation"`
	// Next is the next activity meant for the group (see nextFor); nil when none is
	// ahead.
	Next *NextActivity `json:"next"`
}

// NextActivity is an activity that will reach a group.
type NextActivity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Date is the day it is next held: its own date, the first day of its phase, or
	// today while it (or its phase) is running.
	Date string `json:"date"`
	// Phase is the phase it belongs to, "" when it names none.
	Phase string `json:"phase"`
}

// The states of a group in a phase.
const (
	// CellEngaged: the records show the group engaged in the phase.
	CellEngaged = "engaged"
	// CellMissed: an activity of the phase was meant for the group, the phase is over
	// and the group was not engaged in it.
	CellMissed = "missed"
	// CellPending: an activity of the phase is meant for the group, which has not been
	// engaged in it yet, and the phase is not over.
	CellPending = "pending"
	// CellNone: no activity of the phase is meant for the group, nor was it engaged.
	CellNone = "none"
)

// Group is one stakeholder group's engagement.
type Group struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Participation string `json:"participation"`
	// Engaged is whether it was engaged so far, itself or through a part of it; Records
	// how many records engaged it itself, People how many of its people they counted.
	Engaged bool `json:"engaged"`
	Records int  `json:"records"`
	People  int  `json:"people"`
	// Phases is the group's state in each of Coverage.Phases, in order: engaged, missed,
	// pending or none.
	Phases []string `json:"phases"`
	// Planned is whether any activity's audience names it.
	Planned bool `json:"planned"`
	// Partner marks a partner or governing body, which the counts leave out.
	Partner bool `json:"partner"`
}

func coverageOf(p *plan.Plan, phases []plan.ResolvedPhase, done *record.Set, today plan.Date) Coverage {
	c := Coverage{Levels: []Level{}, NotReached: []NotReached{}, Phases: []string{}, Groups: []Group{}}
	var dated []plan.ResolvedPhase
	byID := map[string]plan.ResolvedPhase{}
	for _, r := range phases {
		if _, seen := byID[r.Phase.ID]; !seen {
			byID[r.Phase.ID] = r
		}
		if !r.Undated {
			dated = append(dated, r)
			c.Phases = append(c.Phases, r.Phase.ID)
		}
	}
	levels := map[string]*Level{}
	for _, l := range append(slices.Clone(plan.ParticipationLevels), "") {
		levels[l] = &Level{Level: l}
	}
	planned := map[string]bool{}
	for _, a := range p.Activities {
		for _, id := range a.Audience.IDs() {
			planned[id] = true
		}
	}
	// Each phase's audience once, not once a group.
	audiences := make([]map[string]bool, len(dated))
	for i, r := range dated {
		audiences[i] = p.AudienceIn(r)
	}
	for i := range p.Stakeholders {
		s := &p.Stakeholders[i]
		ids := p.WithParts(s.ID)
		g := Group{ID: s.ID, Name: s.Name, Participation: s.Participation, Planned: planned[s.ID], Partner: s.Partner, Phases: []string{}}
		g.Engaged = s.ID != "" && done.EngagedBetween(ids, plan.Date{}, plan.Date{})
		var last *record.Record
		for _, e := range done.Engagements() {
			if e.Engaged.Stakeholder.ID != s.ID || s.ID == "" {
				continue
			}
			if e.Record != last {
				g.Records++
				last = e.Record
			}
			if e.Engaged.People != nil {
				g.People += *e.Engaged.People
			}
		}
		for k, r := range dated {
			g.Phases = append(g.Phases, phaseCell(r, audiences[k][s.ID], ids, done, today))
		}
		c.Groups = append(c.Groups, g)
		if s.Partner {
			continue
		}
		c.Stakeholders++
		level, ok := levels[s.Participation]
		if !ok {
			level = levels[""]
		}
		level.Planned++
		if g.Engaged {
			c.Engaged++
			level.Engaged++
		} else {
			c.NotReached = append(c.NotReached, NotReached{ID: s.ID, Name: s.Name, Participation: s.Participation, Next: nextFor(p, byID, s.ID, today)})
		}
	}
	for _, l := range append(slices.Clone(plan.ParticipationLevels), "") {
		if levels[l].Planned > 0 {
			c.Levels = append(c.Levels, *levels[l])
		}
	}
	return c
}

// phaseCell is a group's state in phase r: engaged when a record overlapping the phase
// engaged the group or a part of it (ids), else missed or pending when an activity of
// the phase is meant for it, else none.
func phaseCell(r plan.ResolvedPhase, meant bool, ids []string, done *record.Set, today plan.Date) string {
	if done.EngagedBetween(ids, r.Start.First(), r.End.Last()) {
		return CellEngaged
	}
	if !meant {
		return CellNone
	}
	if !r.End.IsZero() && r.End.Last().Before(today) {
		return CellMissed
	}
	return CellPending
}

// nextFor is the next activity meant for group id: the first, by the day it is next
// held, of the activities whose audience names the group. An activity is next held on
// its date, or today while a series it begins is still running; one dated only by its
// phase, on the phase's first day, or today while the phase runs. An activity with
// neither (held throughout, by cadence) gives no day and is left out.
func nextFor(p *plan.Plan, phases map[string]plan.ResolvedPhase, id string, today plan.Date) *NextActivity {
	var next *NextActivity
	var nextDay plan.Date
	for i := range p.Activities {
		a := &p.Activities[i]
		if !slices.Contains(a.Audience.IDs(), id) {
			continue
		}
		day, ok := nextHeld(a, phases, today)
		if !ok || (next != nil && !day.Before(nextDay)) {
			continue
		}
		next, nextDay = &NextActivity{ID: a.ID, Name: a.Name, Date: day.String(), Phase: a.Phase.ID}, day
	}
	return next
}

// nextHeld is the day activity a is next held on, from today.
func nextHeld(a *plan.Activity, phases map[string]plan.ResolvedPhase, today plan.Date) (plan.Date, bool) {
	if !a.Date.IsZero() {
		switch {
		case !a.Date.Before(today):
			return a.Date.First(), true
		case !a.Until.IsZero() && !a.Until.Before(today):
			return today, true
		}
		return plan.Date{}, false
	}
	r, ok := phases[a.Phase.ID]
	switch {
	case !ok || r.Undated:
		return plan.Date{}, false
	case !r.Start.First().Before(today):
		return r.Start.First(), true
	case r.End.IsZero() || !r.End.Last().Before(today):
		return today, true
	}
	return plan.Date{}, false
}
