package corpus_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/planascode/plan/bench/corpus"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
)

// Every generated plan must load (valid YAML, valid against the schema), or the
// comparison with ajv would time different work; a fifth or so must have findings; and
// the same seed must give the same bytes.
func TestPlansAreValidAndDeterministic(t *testing.T) {
	l := lint.New(nil)
	for _, stakeholders := range []int{1, 25, 200} {
		for _, seed := range []uint64{1, 2} {
			c := corpus.Default()
			c.Stakeholders, c.Seed = stakeholders, seed
			n := 40
			if stakeholders == 200 {
				n = 5
			}
			flawed := 0
			for i := 0; i < n; i++ {
				name := fmt.Sprintf("seed %d, %d stakeholders, plan %d", seed, stakeholders, i)
				data := corpus.Plan(c, i)
				if !bytes.Equal(data, corpus.Plan(c, i)) {
					t.Fatalf("%s: not deterministic", name)
				}
				p, err := plan.Parse(name, data, plan.Options{})
				if err != nil {
					t.Fatalf("%s: does not load: %v", name, err)
				}
				if len(p.Stakeholders) != stakeholders {
					t.Errorf("%s: %d stakeholders", name, len(p.Stakeholders))
				}
				if len(l.CheckPlan(p)) > 0 {
					flawed++
				}
			}
			if n == 40 && (flawed < 3 || flawed > 16) {
				t.Errorf("seed %d, %d stakeholders: %d of %d plans have findings, want about one in five", seed, stakeholders, flawed, n)
			}
		}
	}
}

// AllFlaws plans still load, and have findings of every kind the generator makes.
func TestAllFlaws(t *testing.T) {
	c := corpus.Default()
	c.AllFlaws = true
	p, err := plan.Parse("flawed.plan.yaml", corpus.Plan(c, 0), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, f := range lint.New(nil).CheckBytes(p.File, p.Source) {
		rules[f.Rule] = true
	}
	for _, want := range []string{"stakeholder-unreachable", "risk-unmitigated", "placeholder", "unknown-reference", "objective-unmeasured", "phase-too-short", "privacy-missing", "unused-ignore"} {
		if !rules[want] {
			t.Errorf("no %s finding; got %v", want, rules)
		}
	}
}

// A plan depends on its seed, so that two seeds give two corpora.
func TestSeedMatters(t *testing.T) {
	c := corpus.Default()
	a := corpus.Plan(c, 7)
	c.Seed = 2
	if bytes.Equal(a, corpus.Plan(c, 7)) {
		t.Error("plan 7 is the same for seeds 1 and 2")
	}
}
