package plan

// ResolveWithin is how many days the mechanism allows to resolve a grievance: its own
// resolve_days, else the longest of its tiers', since a grievance may have to go through
// every tier; false when it says nothing (or g is nil). plan status reads a grievance as
// overdue past it, as plan check's grievance-overdue does.
func (g *Grievance) ResolveWithin() (int, bool) {
	if g == nil {
		return 0, false
	}
	if g.ResolveDays != nil {
		return *g.ResolveDays, true
	}
	longest, ok := 0, false
	for _, t := range g.Tiers {
		if t.ResolveDays != nil {
			longest, ok = max(longest, *t.ResolveDays), true
		}
	}
	return longest, ok
}
