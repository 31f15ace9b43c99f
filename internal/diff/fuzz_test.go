package diff

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/planascode/plan/internal/plan"
)

// FuzzCompare compares two arbitrary plans that load: Compare and every writer must
// finish without a panic, the JSON must parse, and a plan compared with itself must
// show no change.
func FuzzCompare(f *testing.F) {
	for _, pair := range [][2]string{
		{"testdata/old.plan.yaml", "testdata/new.plan.yaml"},
		{"../../examples/council-consultation.plan.yaml", "../../examples/school-software-rollout.plan.yaml"},
	} {
		a, errA := os.ReadFile(pair[0])
		b, errB := os.ReadFile(pair[1])
		if errA != nil || errB != nil {
			f.Fatal(errA, errB)
		}
		f.Add(a, b)
	}
	f.Add([]byte("schema_version: 1\ntitle: t\nstakeholders:\n  - {id: a}\n  - {id: a}\n"), []byte("schema_version: 1\ntitle: t\ntimeline:\n  phases:\n    - {id: p, kind: ongoing}\n"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		before, err := plan.Parse("old.plan.yaml", a, plan.Options{})
		if err != nil {
			return
		}
		after, err := plan.Parse("new.plan.yaml", b, plan.Options{})
		if err != nil {
			return
		}
		d := Compare(before, after, Options{Minimums: map[string]int{"engagement": 28}})
		var out bytes.Buffer
		if err := WriteText(&out, d, nil); err != nil {
			t.Fatal(err)
		}
		if err := WriteMarkdown(&out, d); err != nil {
			t.Fatal(err)
		}
		out.Reset()
		if err := WriteJSON(&out, d); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(out.Bytes()) {
			t.Fatalf("invalid JSON:\n%s", out.Bytes())
		}
		if same := Compare(after, after, Options{}); !same.Empty() {
			t.Fatalf("a plan differs from itself: %+v", same)
		}
	})
}
