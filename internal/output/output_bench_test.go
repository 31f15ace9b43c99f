package output

import (
	"fmt"
	"io"
	"testing"

	"github.com/planascode/plan/bench/corpus"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/rules"
)

// benchReport is what plan check hands a formatter after checking files plans of the
// given size, each with every kind of finding the generator makes.
func benchReport(b *testing.B, stakeholders, files int) Report {
	b.Helper()
	c := corpus.Default()
	c.Stakeholders = stakeholders
	c.AllFlaws = true
	inputs := make([]lint.Input, files)
	for i := range inputs {
		name := "plans/" + corpus.Name(i)
		inputs[i] = lint.Input{Name: name, Data: corpus.Plan(c, i)}
	}
	l := lint.New(nil)
	l.KeepSources = true
	res := l.Run(inputs)
	if len(res.Findings) == 0 {
		b.Fatal("no findings to format")
	}
	return Report{Files: res.Files, Findings: res.Findings, Rules: rules.All(), Sources: res.Sources, Version: "bench", BaseDir: "."}
}

// BenchmarkFormat writes the report of 20 flawed plans in every format; the colour text
// format also cuts a source snippet for each finding.
func BenchmarkFormat(b *testing.B) {
	colour, _, _, _ := iostreams.Test()
	if err := colour.SetColorMode(iostreams.ColorAlways); err != nil {
		b.Fatal(err)
	}
	colour.SetWidth(100)
	formats := []struct {
		name string
		f    Formatter
	}{
		{"text", NewText(Options{})},
		{"text-color", NewText(OptionsFor(colour))},
		{"json", JSON{}},
		{"sarif", SARIF{}},
		{"github", GitHub{}},
		{"junit", JUnit{}},
	}
	for _, n := range []int{1, 25, 200} {
		r := benchReport(b, n, 20)
		for _, f := range formats {
			b.Run(fmt.Sprintf("%s/stakeholders=%d", f.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := f.f.Format(io.Discard, r); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
