// Package profile says what each kind of engagement plan must contain and how strictly it
// is checked. A profile is a layer of rule settings (severities, phase kinds and their
// minimums, required roles, which fields objectives and stakeholders need) with its
// sources; it may extend another and override parts of it. The built-in profiles are
// YAML files in profiles/ at the root of the repository, in the same form a team writes
// its own under `profiles:` in .planrc.yaml.
package profile

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
)

// Default is the profile of a plan that names none, when neither the command line nor
// the configuration names another: the online engagement plan the format started from.
const Default = "online-engagement"

// Profile is one kind of plan.
type Profile struct {
	// Name is how plans and commands refer to it (`profile: ess10`).
	Name string `yaml:"-"`
	// Builtin is true for the profiles that ship with plan.
	Builtin bool   `yaml:"-"`
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
	// Extends names the profile this one starts from; the built-in profiles other than
	// the default extend it, so that a setting they do not name stays as it is there.
	Extends string `yaml:"extends"`
	// Sources cite where each expectation and figure comes from.
	Sources []string `yaml:"sources"`
	Layer   `yaml:",inline"`
}

// Layer is one layer of settings. Anything it leaves out is as in the layer below:
// the profile it extends, and under all of them the format's defaults.
type Layer struct {
	// Rules sets a rule's severity (error, warning, info) or turns it off.
	Rules map[string]string `yaml:"rules"`
	// Why says, for a rule the layer sets, why this kind of plan needs it so.
	Why map[string]string `yaml:"why"`
	// Minimums and Ideals give a phase kind's length as "3w" or "28d"; "0d" removes one.
	Minimums map[string]string `yaml:"minimums"`
	Ideals   map[string]string `yaml:"ideals"`
	// RequiredRoles are the roles whose absence is an error; naming them alone makes
	// every other well-known role optional, as .planrc.yaml always has.
	RequiredRoles *[]string `yaml:"required_roles"`
	OptionalRoles *[]string `yaml:"optional_roles"`
	// RequiredPhases are the phase kinds a timeline must have (an error without one);
	// AdvisedPhases the ones it should have (a warning).
	RequiredPhases *[]string `yaml:"required_phases"`
	AdvisedPhases  *[]string `yaml:"advised_phases"`
	// PhasesMayOverlap lets a phase start before the one above it ends (a launch that is
	// the first day of consultation, waves that run side by side).
	PhasesMayOverlap *bool `yaml:"phases_may_overlap"`
	// ObjectiveFields are the fields every objective needs (smart-missing).
	ObjectiveFields *[]string `yaml:"objective_fields"`
	// StakeholderFields are the fields every stakeholder needs (stakeholder-incomplete).
	StakeholderFields *[]string `yaml:"stakeholder_fields"`
	// VulnerableGroups asks the register to name at least one vulnerable group.
	VulnerableGroups *bool `yaml:"vulnerable_groups"`
	// GrievanceRequired asks for a grievance mechanism.
	GrievanceRequired *bool `yaml:"grievance_required"`
	// Categories are the values a stakeholder's category may take.
	Categories *[]string `yaml:"categories"`
	// CommentDays is the shortest comment period a disclosure may give ("30d", "6w").
	CommentDays        *string `yaml:"comment_days"`
	BudgetStakeholders *int    `yaml:"budget_stakeholders"`
	VulnerableChannels *int    `yaml:"vulnerable_channels"`
}

// Resolved is a profile with every layer below it applied: what rules run with.
type Resolved struct {
	// Chain lists the profile and those it extends, nearest first.
	Chain    []*Profile
	Settings rules.Settings
	// Severity holds the severity each rule is set to; Off the rules turned off.
	Severity map[string]diag.Severity
	Off      map[string]bool
}

// SeverityFor returns the severity a finding of rule id with severity def has under
// the profile, and false when the profile turns the rule off.
func (r *Resolved) SeverityFor(id string, def diag.Severity) (diag.Severity, bool) {
	if r.Off[id] {
		return 0, false
	}
	if s, ok := r.Severity[id]; ok {
		return s, true
	}
	return def, true
}

// Name is the profile's name.
func (r *Resolved) Name() string { return r.Chain[0].Name }

// Set is the profiles a run knows: the built-in ones and a team's own.
type Set struct {
	byName map[string]*Profile
}

// NewSet returns the built-in profiles with a team's own added (from .planrc.yaml). A
// team's profile may not take a built-in's name: a plan that says `profile: ess10`
// must mean the same everywhere.
func NewSet(own map[string]*Profile) (*Set, error) {
	s := &Set{byName: map[string]*Profile{}}
	for _, p := range builtins() {
		s.byName[p.Name] = p
	}
	for _, name := range slices.Sorted(maps.Keys(own)) {
		if _, clash := s.byName[name]; clash {
			return nil, fmt.Errorf("profiles.%s: %q is a built-in profile: give yours another name and extend it (extends: %s)", name, name, name)
		}
		p := own[name]
		p.Name = name
		s.byName[name] = p
	}
	for _, name := range slices.Sorted(maps.Keys(s.byName)) {
		if _, err := s.Resolve(name); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Names lists every profile's name: the built-in ones first, each group sorted.
func (s *Set) Names() []string {
	var builtin, own []string
	for name, p := range s.byName {
		if p.Builtin {
			builtin = append(builtin, name)
		} else {
			own = append(own, name)
		}
	}
	slices.Sort(builtin)
	slices.Sort(own)
	return append(builtin, own...)
}

// Get returns the profile called name.
func (s *Set) Get(name string) (*Profile, bool) {
	p, ok := s.byName[name]
	return p, ok
}

// Unknown is the error for a profile name no profile has, with the names there are.
func (s *Set) Unknown(name string) error {
	msg := fmt.Sprintf("no profile is called %q", name)
	if near := wording.Closest(name, s.Names()); near != "" {
		msg += fmt.Sprintf(": did you mean %q?", near)
	}
	return fmt.Errorf("%s (profiles: %s)", msg, strings.Join(s.Names(), ", "))
}

// Resolve applies the layers of profile name, from the format's defaults up.
func (s *Set) Resolve(name string) (*Resolved, error) {
	var chain []*Profile
	for at := name; at != ""; {
		p, ok := s.byName[at]
		if !ok {
			if len(chain) == 0 {
				return nil, s.Unknown(at)
			}
			return nil, fmt.Errorf("profile %q extends %q: %v", chain[len(chain)-1].Name, at, s.Unknown(at))
		}
		if slices.Contains(chain, p) {
			return nil, fmt.Errorf("profile %q extends itself through %s", name, ChainNames(append(chain, p)))
		}
		chain = append(chain, p)
		at = p.Extends
	}
	r := &Resolved{Chain: chain, Settings: rules.DefaultSettings(), Severity: map[string]diag.Severity{}, Off: map[string]bool{}}
	for i := len(chain) - 1; i >= 0; i-- {
		if err := chain[i].Apply(r); err != nil {
			return nil, fmt.Errorf("profile %q: %v", chain[i].Name, err)
		}
	}
	return r, nil
}

// ChainNames names the profiles of a chain, each extending the next: "a → b".
func ChainNames(chain []*Profile) string {
	names := make([]string, len(chain))
	for i, p := range chain {
		names[i] = p.Name
	}
	return strings.Join(names, " → ")
}

// Apply lays l over r: whatever l sets replaces what r had.
func (l *Layer) Apply(r *Resolved) error {
	for _, id := range slices.Sorted(maps.Keys(l.Rules)) {
		if _, ok := rules.ByID(id); !ok {
			return fmt.Errorf("rules.%s: no rule is called %q (plan rules lists them)", id, id)
		}
		sev := l.Rules[id]
		if sev == "off" {
			r.Off[id] = true
			delete(r.Severity, id)
			continue
		}
		s, err := diag.ParseSeverity(sev)
		if err != nil {
			return fmt.Errorf("rules.%s: %v", id, err)
		}
		delete(r.Off, id)
		r.Severity[id] = s
	}
	set := &r.Settings
	for _, section := range []struct {
		key  string
		from map[string]string
		into *map[string]int
	}{{"minimums", l.Minimums, &set.Minimums}, {"ideals", l.Ideals, &set.Ideals}} {
		if len(section.from) == 0 {
			continue
		}
		// The maps of the layer below are shared with it; change a copy.
		*section.into = maps.Clone(*section.into)
		for kind, d := range section.from {
			days, err := ParseDuration(d)
			if err != nil {
				return fmt.Errorf("%s.%s: %v", section.key, kind, err)
			}
			if days == 0 {
				delete(*section.into, kind)
				continue
			}
			(*section.into)[kind] = days
		}
	}
	if l.RequiredRoles != nil {
		set.RequiredRoles = slices.Clone(*l.RequiredRoles)
		if l.OptionalRoles == nil {
			// As .planrc.yaml's required_roles always has: the well-known roles not
			// required stay optional.
			var optional []string
			for _, role := range rules.WellKnownRoles() {
				if !slices.Contains(set.RequiredRoles, role) {
					optional = append(optional, role)
				}
			}
			set.OptionalRoles = optional
		}
	}
	assign(&set.OptionalRoles, l.OptionalRoles)
	assign(&set.RequiredPhases, l.RequiredPhases)
	assign(&set.AdvisedPhases, l.AdvisedPhases)
	assign(&set.ObjectiveFields, l.ObjectiveFields)
	assign(&set.StakeholderFields, l.StakeholderFields)
	override(&set.PhasesMayOverlap, l.PhasesMayOverlap)
	override(&set.VulnerableGroups, l.VulnerableGroups)
	override(&set.GrievanceRequired, l.GrievanceRequired)
	assign(&set.Categories, l.Categories)
	if l.CommentDays != nil {
		days, err := ParseDuration(*l.CommentDays)
		if err != nil {
			return fmt.Errorf("comment_days: %v", err)
		}
		set.CommentDays = days
	}
	override(&set.BudgetStakeholderThreshold, l.BudgetStakeholders)
	override(&set.VulnerableChannels, l.VulnerableChannels)
	return nil
}

// assign lays a list the layer sets over the one below, as a copy of its own.
func assign(into *[]string, from *[]string) {
	if from != nil {
		*into = slices.Clone(*from)
	}
}

// override lays a value the layer sets over the one below.
func override[T any](into *T, from *T) {
	if from != nil {
		*into = *from
	}
}

// The longest minimum or ideal a layer may set, in its own unit: the longest phase the
// plan schema allows (about ten years). The config schema holds the same bounds.
const (
	maxDurationWeeks = 520
	maxDurationDays  = 3650
)

var durationRE = lazyregexp.New(`^([0-9]+)([wd])$`)

// ParseDuration reads "3w" or "28d" as a number of days, at most 520 weeks or 3650 days.
func ParseDuration(s string) (int, error) {
	m := durationRE.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("%q is not a duration: write weeks as 3w or days as 28d", s)
	}
	// Atoi fails only on numbers far beyond either bound.
	n, err := strconv.Atoi(m[1])
	limit, days := maxDurationDays, 1
	if m[2] == "w" {
		limit, days = maxDurationWeeks, 7
	}
	if err != nil || n > limit {
		return 0, fmt.Errorf("%q is longer than ten years: at most %dw or %dd", s, maxDurationWeeks, maxDurationDays)
	}
	return n * days, nil
}
