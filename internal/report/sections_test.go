package report

import (
	"reflect"
	"testing"
)

func TestSections(t *testing.T) {
	p := parsePlan(t, `schema_version: 1
title: T
version: "2"
changes:
  - {date: 2027-05-01, version: "2", summary: Later}
  - {date: 2027-01-01, version: "1", summary: First}
stakeholders:
  - {id: all, name: Everyone}
  - {id: w, name: Women, part_of: all, partner: true, category: project-affected, languages: [Samoan], support: [sign_language]}
roles:
  sro: {organisation: Council}
  engagement_lead: {name: Ann, organisation: PMU}
grievance:
  channels:
    - {name: Hotline, free: true}
    - {name: Box}
  tiers:
    - {name: Site, handled_by: sro, acknowledge_days: 1}
disclosure:
  - {id: a, document: Draft, comment_days: 0}
  - {id: b, document: Final, comment_days: 28, informs: p2}
  - {id: c, document: Notice}
decisions:
  - {id: d1, question: Q, decision_maker: sro, outcome: Yes., input_used: Much.}
timeline:
  start: 2027-01-04
  phases:
    - {id: p1, kind: planning, weeks: 2}
    - {id: p2, kind: engagement, name: Round two, weeks: 4, round: 2}
`)
	d := Build(p, Options{})
	if d.Glance.Version != "2" || d.Glance.Revised != "1 May 2027" {
		t.Errorf("glance: version %q, revised %q", d.Glance.Version, d.Glance.Revised)
	}
	if len(d.Changes) != 2 || d.Changes[0].Summary != "First" {
		t.Errorf("changes not earliest first: %+v", d.Changes)
	}
	w := d.Stakeholders[1]
	if w.PartOf != "Everyone" || !w.Partner || w.Category != "Project affected" || !reflect.DeepEqual(w.Support, []string{"Sign language"}) {
		t.Errorf("stakeholder details: %+v", w)
	}
	if c := d.StakeholderColumns; !c.Category || !c.Languages || !c.Support {
		t.Errorf("register columns: %+v", c)
	}
	if got := d.Roles[0].Who(); got != "Council" {
		t.Errorf("a role held by an organisation: %q", got)
	}
	if got := d.Roles[1].Who(); got != "Ann (PMU)" {
		t.Errorf("a role with a name and an organisation: %q", got)
	}
	if got := d.Decisions[0].DecisionMaker; got != "Council (senior responsible officer)" {
		t.Errorf("decision maker = %q", got)
	}
	if d.Decisions[0].Outcome != "Yes." || d.Decisions[0].InputUsed != "Much." {
		t.Errorf("decision outcome: %+v", d.Decisions[0])
	}
	g := d.Grievance
	if g == nil || g.AnyAnonymous || !g.AnyFree || g.Channels[0].Anonymous != "" || g.Channels[1].Free != "No" {
		t.Errorf("grievance channels: %+v", g)
	}
	if g.Tiers[0].HandledBy != "Council (senior responsible officer)" || g.Tiers[0].Acknowledge != "1 day" {
		t.Errorf("grievance tier: %+v", g.Tiers[0])
	}
	var comments []string
	for _, x := range d.Disclosure {
		comments = append(comments, x.Comments)
	}
	if !reflect.DeepEqual(comments, []string{"For information only", "28 days", ""}) || d.Disclosure[1].Informs != "Round two" {
		t.Errorf("disclosure: %+v", d.Disclosure)
	}
	if !d.Timeline.Rounds || d.Timeline.Phases[0].Round != "" || d.Timeline.Phases[1].Round != "2" {
		t.Errorf("rounds: %+v", d.Timeline.Phases)
	}
	for _, id := range []string{SecGrievance, SecDisclosure, SecChanges} {
		if !d.Has(id) {
			t.Errorf("no %s section", id)
		}
	}
}
