package rules

import "sort"

// All returns every rule, sorted by id. The list is explicit so that a reader sees every
// rule in one place and a rule cannot be registered twice by accident.
func All() []Rule {
	rules := []Rule{}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}

// ByID returns the rule with the given id.
func ByID(id string) (Rule, bool) {
	for _, r := range All() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
