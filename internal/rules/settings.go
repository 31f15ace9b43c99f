package rules

import "github.com/planascode/plan/internal/plan"

// Settings are the thresholds and lists a config file can change.
type Settings struct {
	// Minimums and Ideals map a phase kind to a length in days; a kind that is absent
	// has no minimum (or ideal).
	Minimums map[string]int
	Ideals   map[string]int
	// RequiredRoles are the roles whose absence is an error; OptionalRoles a warning.
	RequiredRoles []string
	OptionalRoles []string
	// BudgetStakeholderThreshold: more stakeholder groups than this and no budget is a
	// warning (config: budget_stakeholders).
	BudgetStakeholderThreshold int
	// VulnerableChannels is how many channels a vulnerable stakeholder needs (config:
	// vulnerable_channels).
	VulnerableChannels int
	// RequiredPhases are the phase kinds a timeline must have; AdvisedPhases the ones it
	// should have (phase-missing).
	RequiredPhases []string
	AdvisedPhases  []string
	// PhasesMayOverlap lets a phase start before the one above it ends (phase-order).
	PhasesMayOverlap bool
	// ObjectiveFields are the fields every objective needs (smart-missing), and
	// StakeholderFields those every stakeholder needs (stakeholder-incomplete).
	ObjectiveFields   []string
	StakeholderFields []string
	// VulnerableGroups asks the register to name a vulnerable group (vulnerable-missing).
	VulnerableGroups bool
	// GrievanceRequired asks for a grievance mechanism (grievance-missing).
	GrievanceRequired bool
	// Categories are the values a stakeholder's category may take; empty means the
	// profile defines none (stakeholder-category).
	Categories []string
	// CommentDays is the shortest comment period a disclosure may give, 0 for none
	// (disclosure-comment-short).
	CommentDays int
}

// DefaultSettings are the thresholds of docs/rules.md: those of the online engagement
// plan, which every profile starts from.
func DefaultSettings() Settings {
	return Settings{
		Minimums: map[string]int{
			plan.KindPlanning:   21,
			plan.KindEngagement: 28,
			plan.KindClose:      14,
		},
		Ideals: map[string]int{
			plan.KindPlanning: 28,
		},
		RequiredRoles:              []string{"sro", "project_manager", "engagement_lead"},
		OptionalRoles:              []string{"subject_matter_expert", "content_editor", "technical_support"},
		BudgetStakeholderThreshold: 3,
		VulnerableChannels:         2,
		RequiredPhases:             []string{plan.KindPlanning, plan.KindEngagement, plan.KindClose},
		AdvisedPhases:              []string{plan.KindLaunch, plan.KindOngoing},
		ObjectiveFields:            []string{"specific", "measurable", "assignable", "realistic", "time_related"},
		StakeholderFields:          []string{"profile", "interest", "influence"},
	}
}

// WellKnownRoles are the online engagement plan's roles, required and optional: the keys
// plan.RoleTitle spells out.
func WellKnownRoles() []string {
	d := DefaultSettings()
	return append(d.RequiredRoles, d.OptionalRoles...)
}
