package status

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/record"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenPlan is a plan whose status is a golden file on each of some days.
type goldenPlan struct {
	// name names the golden files; path is the plan, whose records are beside it.
	name, path string
	days       []string
}

// goldenPlans are the bundled examples with their own records, on a day in each of their
// phases, and the same plans with records in which they fall behind (testdata/behind),
// which show what the examples' clean records do not: overdue items, groups not reached,
// open grievances, measures short of their targets.
var goldenPlans = []goldenPlan{
	{"council-consultation", "../../examples/council-consultation.plan.yaml", []string{"2027-02-20", "2027-03-05", "2027-03-26", "2027-05-03", "2027-06-30"}},
	{"school-software-rollout", "../../examples/school-software-rollout.plan.yaml", []string{"2027-03-20", "2027-04-14", "2027-05-24", "2027-07-01", "2027-08-02"}},
	{"behind-council-consultation", "testdata/behind/council-consultation.plan.yaml", []string{"2027-03-26", "2027-05-03"}},
	{"behind-school-software-rollout", "testdata/behind/school-software-rollout.plan.yaml", []string{"2027-05-24", "2027-07-01"}},
}

// load reads the plan at path and its records as plan status does, naming the plan by
// its file name so that the goldens do not hold the tests' relative paths.
func load(t *testing.T, path string) (*plan.Plan, *record.Set) {
	t.Helper()
	name := filepath.Base(path)
	p, err := plan.Load(name, path, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set, skipped, err := record.LoadFor(p, path, name, plan.Options{})
	if err != nil || len(skipped) > 0 || set.Len() == 0 {
		t.Fatalf("records of %s: %v %v (%d loaded)", path, err, skipped, set.Len())
	}
	return p, set
}

func TestGolden(t *testing.T) {
	for _, gp := range goldenPlans {
		p, set := load(t, gp.path)
		for _, day := range gp.days {
			s := Build(p, set, nil, Options{Today: plan.MustDate(day)})
			s.FindOverdue(config.Default(), p, set)
			for _, format := range []struct {
				ext   string
				write func(*bytes.Buffer) error
			}{
				{"txt", func(b *bytes.Buffer) error { return WriteText(b, s, TextOptions{Width: 100}) }},
				{"json", func(b *bytes.Buffer) error { return WriteJSON(b, s) }},
				{"md", func(b *bytes.Buffer) error { return WriteMarkdown(b, s) }},
			} {
				t.Run(gp.name+"/"+day+"."+format.ext, func(t *testing.T) {
					var got bytes.Buffer
					if err := format.write(&got); err != nil {
						t.Fatal(err)
					}
					golden(t, filepath.Join("testdata", "golden", gp.name+"-"+day+"."+format.ext), got.Bytes())
				})
			}
		}
	}
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/status -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./internal/status -update rewrites it):\n--- got\n%s", file, got)
	}
}
