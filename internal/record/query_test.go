package record

import (
	"testing"

	"github.com/planascode/plan/internal/plan"
)

// TestNobodyCameIsNotEngagement: people: 0 is documented as "invited and nobody came",
// which no rule, status or report may count as engaging the group.
func TestNobodyCameIsNotEngagement(t *testing.T) {
	r, err := Parse("r.record.yaml", []byte("schema_version: 1\ndate: 2027-03-04\nengaged:\n  - {stakeholder: residents, people: 0}\n  - {stakeholder: traders}\n  - {stakeholder: youth, people: 3}\n"), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set := &Set{Records: []*Record{r}}
	for id, want := range map[string]bool{"residents": false, "traders": true, "youth": true} {
		if got := set.EngagedBetween([]string{id}, plan.Date{}, plan.Date{}); got != want {
			t.Errorf("EngagedBetween(%s) = %v, want %v", id, got, want)
		}
	}
	if got := len(set.Engagements()); got != 2 {
		t.Errorf("%d engagements, want 2 (not the group nobody came from)", got)
	}
}
