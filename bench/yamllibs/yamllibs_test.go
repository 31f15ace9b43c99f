package yamllibs

import (
	"bytes"
	"fmt"
	"testing"

	goccy "github.com/goccy/go-yaml/parser"
	yamlinv3 "go.yaml.in/yaml/v3"
	yamlinv4 "go.yaml.in/yaml/v4"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/bench/corpus"
)

// plans is the corpus of the targets, 25 stakeholders a plan, cut to 50 plans so
// that one benchmark iteration stays short.
func plans(b *testing.B) [][]byte {
	b.Helper()
	c := corpus.Default()
	out := make([][]byte, 50)
	for i := range out {
		out[i] = corpus.Plan(c, i)
	}
	return out
}

// parsers each build the whole syntax tree, with positions and comments, from one file:
// what plan needs to point findings at lines and columns.
var parsers = []struct {
	name  string
	parse func([]byte) error
}{
	{"gopkg.in/yaml.v3", func(data []byte) error {
		var n yaml.Node
		return yaml.NewDecoder(bytes.NewReader(data)).Decode(&n)
	}},
	{"go.yaml.in/yaml/v3", func(data []byte) error {
		var n yamlinv3.Node
		return yamlinv3.NewDecoder(bytes.NewReader(data)).Decode(&n)
	}},
	{"go.yaml.in/yaml/v4", func(data []byte) error {
		var n yamlinv4.Node
		return yamlinv4.NewDecoder(bytes.NewReader(data)).Decode(&n)
	}},
	{"github.com/goccy/go-yaml", func(data []byte) error {
		_, err := goccy.ParseBytes(data, goccy.ParseComments)
		return err
	}},
}

func TestEveryParserReadsTheCorpus(t *testing.T) {
	for _, p := range parsers {
		for i := range 5 {
			if err := p.parse(corpus.Plan(corpus.Default(), i)); err != nil {
				t.Errorf("%s: plan %d: %v", p.name, i, err)
			}
		}
	}
}

func BenchmarkParse(b *testing.B) {
	files := plans(b)
	var size int64
	for _, f := range files {
		size += int64(len(f))
	}
	for _, p := range parsers {
		b.Run(fmt.Sprintf("lib=%s", p.name), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					if err := p.parse(f); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
