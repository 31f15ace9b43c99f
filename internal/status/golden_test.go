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

// goldenDays are a day in each phase of the two example plans (copied into testdata from
// examples/, with records written for them in <plan>.records/).
var goldenDays = map[string][]string{
	"council-consultation":    {"2027-02-20", "2027-03-05", "2027-03-26", "2027-05-03", "2027-06-30"},
	"school-software-rollout": {"2027-03-20", "2027-04-14", "2027-05-24", "2027-07-01", "2027-08-02"},
}

// load reads testdata/<name>.plan.yaml and its records as plan status does.
func load(t *testing.T, name string) (*plan.Plan, *record.Set) {
	t.Helper()
	file := name + ".plan.yaml"
	p, err := plan.Load(file, filepath.Join("testdata", file), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := record.Dir(p, filepath.Join("testdata", file))
	as, _ := record.Dir(p, file)
	set, skipped, err := record.Load(dir, as, plan.Options{})
	if err != nil || len(skipped) > 0 {
		t.Fatalf("records of %s: %v %v", name, err, skipped)
	}
	return p, set
}

func TestGolden(t *testing.T) {
	for name, days := range goldenDays {
		p, set := load(t, name)
		for _, day := range days {
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
				t.Run(name+"/"+day+"."+format.ext, func(t *testing.T) {
					var got bytes.Buffer
					if err := format.write(&got); err != nil {
						t.Fatal(err)
					}
					golden(t, filepath.Join("testdata", "golden", name+"-"+day+"."+format.ext), got.Bytes())
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
