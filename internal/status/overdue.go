package status

import (
	"strings"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/rules"
)

// FindOverdue fills in s.Overdue: what plan check --today finds late on the same day (an
// activity past its date with no record, a report-back not given, a commitment past due,
// a grievance open too long, a measure short of its target when its date has passed, a
// phase over without hearing from a group it was for). They are the check's own findings,
// under the plan's profile and ignore comments, so status and check never disagree.
//
// A rule about records whose finding depends on the day says so, "as of DAY, ...": that
// is how they are told from the rules about records that hold on any day (an unknown
// reference), which are check's business. The prefix goes, since status gives the day
// once at the top.
func (s *State) FindOverdue(cfg *config.Config, p *plan.Plan, set *record.Set) {
	var dated []rules.Rule
	for _, r := range rules.All() {
		if r.CheckRecords != nil {
			dated = append(dated, r)
		}
	}
	l := &lint.Linter{Config: cfg, Rules: dated, Today: s.today}
	prefix := "as of " + s.today.String() + ", "
	for _, f := range l.CheckPlanRecords(p, set, nil).Findings {
		if msg, ok := strings.CutPrefix(f.Message, prefix); ok {
			f.Message = msg
			s.Overdue = append(s.Overdue, problemOf(f))
		}
	}
}
