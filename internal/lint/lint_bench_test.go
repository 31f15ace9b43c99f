package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/bench/corpus"
	"github.com/planascode/plan/internal/plan"
)

var benchSizes = []int{1, 25, 200}

func benchPlan(stakeholders int, allFlaws bool) []byte {
	c := corpus.Default()
	c.Stakeholders = stakeholders
	c.FlawEvery = -1
	c.AllFlaws = allFlaws
	return corpus.Plan(c, 0)
}

// BenchmarkCheckPlan runs every rule on a loaded plan: the lint cost on top of loading.
// The plan has every kind of finding the generator makes, so that the rules that
// only do work when something is wrong (pointers, messages, ignores) are timed too.
func BenchmarkCheckPlan(b *testing.B) {
	l := New(nil)
	for _, n := range benchSizes {
		p, err := plan.Parse("bench.plan.yaml", benchPlan(n, true), plan.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("stakeholders=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if fs := l.CheckPlan(p); len(fs) == 0 {
					b.Fatal("no findings")
				}
			}
		})
	}
}

// BenchmarkCheckBytes is one file from bytes to sorted findings: load, schema, rules and
// ignores, what each worker does per file.
func BenchmarkCheckBytes(b *testing.B) {
	l := New(nil)
	for _, n := range benchSizes {
		for _, flawed := range []bool{false, true} {
			data := benchPlan(n, flawed)
			b.Run(fmt.Sprintf("stakeholders=%d/findings=%v", n, flawed), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					l.CheckBytes("bench.plan.yaml", data)
				}
			})
		}
	}
}

// BenchmarkRun checks a directory's worth of files read from disk with the worker pool,
// as plan check does; b.N counts runs over the whole set.
func BenchmarkRun(b *testing.B) {
	const files = 100
	dir := b.TempDir()
	c := corpus.Default()
	inputs := make([]Input, files)
	for i := range inputs {
		path := filepath.Join(dir, corpus.Name(i))
		if err := os.WriteFile(path, corpus.Plan(c, i), 0o644); err != nil {
			b.Fatal(err)
		}
		inputs[i] = Input{Name: corpus.Name(i), Path: path}
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("files=%d/jobs=%d", files, jobs), func(b *testing.B) {
			l := New(nil)
			l.Jobs = jobs
			b.ReportAllocs()
			for b.Loop() {
				if res := l.Run(inputs); res.Files != files {
					b.Fatalf("checked %d files, want %d", res.Files, files)
				}
			}
		})
	}
}
