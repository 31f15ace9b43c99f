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
}

// DefaultSettings are the thresholds of docs/lint-rules.md.
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
	}
}
