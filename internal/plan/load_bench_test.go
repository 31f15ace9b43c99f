package plan

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/bench/corpus"
	"github.com/planascode/plan/internal/planschema"
	"github.com/planascode/plan/internal/yamltree"
)

// benchSizes are the stakeholder counts the issue states targets for: a stub, the
// typical plan, and a large one.
var benchSizes = []int{1, 25, 200}

func benchPlan(stakeholders int) []byte {
	c := corpus.Default()
	c.Stakeholders = stakeholders
	c.FlawEvery = -1
	return corpus.Plan(c, 0)
}

// BenchmarkYAMLNode is the floor every other benchmark here stands on: yaml.v3 decoding
// into a node tree, which Parse cannot avoid.
func BenchmarkYAMLNode(b *testing.B) {
	for _, n := range benchSizes {
		data := benchPlan(n)
		b.Run(fmt.Sprintf("stakeholders=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var doc yaml.Node
				if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParse is the whole loader: checks, decoding, schema and the typed model.
func BenchmarkParse(b *testing.B) {
	for _, n := range benchSizes {
		data := benchPlan(n)
		b.Run(fmt.Sprintf("stakeholders=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("bench.plan.yaml", data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSchemaValidate is the schema check alone, on the value the loader builds.
func BenchmarkSchemaValidate(b *testing.B) {
	for _, n := range benchSizes {
		v, err := DecodeValue("bench.plan.yaml", benchPlan(n), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("stakeholders=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if vs := planschema.ValidateFirst(v, -1); len(vs) > 0 {
					b.Fatal(vs[0].Message)
				}
			}
		})
	}
}

// BenchmarkConvert is the walk that turns the node tree into the value the schema reads.
func BenchmarkConvert(b *testing.B) {
	for _, n := range benchSizes {
		var doc yaml.Node
		if err := yaml.Unmarshal(benchPlan(n), &doc); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("stakeholders=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, problems := yamltree.ToValue(doc.Content[0]); len(problems) > 0 {
					b.Fatal(problems[0].Message)
				}
			}
		})
	}
}

// BenchmarkModel is the step from a validated node tree to the typed model.
func BenchmarkModel(b *testing.B) {
	for _, n := range benchSizes {
		var doc yaml.Node
		if err := yaml.Unmarshal(benchPlan(n), &doc); err != nil {
			b.Fatal(err)
		}
		root := doc.Content[0]
		b.Run(fmt.Sprintf("stakeholders=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p := &Plan{Root: root}
				if err := root.Decode(p); err != nil {
					b.Fatal(err)
				}
				bindPositions(reflect.ValueOf(p), nil, root)
			}
		})
	}
}
