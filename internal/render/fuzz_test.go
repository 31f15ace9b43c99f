package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/plan"
)

// FuzzRenderHTML renders plans the fuzzer makes in two ways each run: src as a whole plan
// (its structure mutated: seeded from the examples and the bad-input corpus), and text
// put in every free-text field of a compact plan that has every section (its content
// mutated). Whatever loads must render, and both reports must obey the publishing rule
// of injection_test.go: nothing runs (no active <script>, event handler or javascript:
// URL), nothing loads from anywhere, the page's tags balance and its SVG is well-formed
// XML, and the Markdown report's Mermaid blocks keep their shape.
//
// Well-formedness is checked by this package's own tokenizer and encoding/xml rather than
// an HTML5 parser, since golang.org/x/net/html is not a dependency: the renderer writes
// every tag itself and escapes every "<" from the plan, so a tag-balance check plus strict
// XML for the SVG catches the mistakes that matter (a broken-out attribute, an unescaped
// "<" or "&", a dropped end tag).
func FuzzRenderHTML(f *testing.F) {
	for _, pattern := range []string{"../../examples/*.plan.yaml", "../../testdata/bad/*.plan.yaml", "testdata/plans/real-plan.plan.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			// The fuzzer's engine stalls on multi-kilobyte seeds, so each file seeds it
			// with its opening lines.
			if data, err := os.ReadFile(p); err == nil {
				f.Add(fuzzHead(data, 1500), "")
			}
		}
	}
	for _, p := range injectionPayloads {
		f.Add([]byte("schema_version: 1\ntitle: t\n"), p)
	}
	base, leaves := compactPlan(f)
	f.Fuzz(func(t *testing.T, src []byte, text string) {
		if p, err := plan.Parse("fuzz.plan.yaml", src, plan.Options{MaxSize: 1 << 16}); err == nil {
			checkReports(t, p)
		}
		// A file holds UTF-8 or is refused by the loader, and yaml.v3 will not encode
		// anything else.
		text = strings.ToValidUTF8(text, "\uFFFD")
		for i, n := range leaves {
			n.Value, n.Style = fmt.Sprintf("%s zq%dqz", text, i), yaml.DoubleQuotedStyle
		}
		p, err := plan.Parse("fuzz.plan.yaml", encodeYAML(t, base), plan.Options{})
		if err != nil {
			// Text the schema rejects in a free-text field (invalid UTF-8, a blank title)
			// is the loader's business.
			return
		}
		checkReports(t, p)
	})
}

func checkReports(t *testing.T, p *plan.Plan) {
	t.Helper()
	md, page := renderBoth(t, p)
	for _, problem := range pageProblems(page) {
		t.Errorf("HTML: %s", problem)
	}
	for _, problem := range markdownProblems(md) {
		t.Errorf("Markdown: %s", problem)
	}
}

// compactPlan is the council example with every list cut to two items, small enough to
// re-encode, load and render many times a second, and its free-text fields.
func compactPlan(f *testing.F) (*yaml.Node, []*yaml.Node) {
	f.Helper()
	src, err := os.ReadFile("../../examples/council-consultation.plan.yaml")
	if err != nil {
		f.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		f.Fatal(err)
	}
	var cut func(n *yaml.Node)
	cut = func(n *yaml.Node) {
		if n.Kind == yaml.SequenceNode && len(n.Content) > 2 {
			n.Content = n.Content[:2]
		}
		for _, c := range n.Content {
			cut(c)
		}
	}
	cut(&doc)
	return textLeaves(f, encodeYAML(f, &doc))
}

// fuzzHead returns data cut at the last line break before n bytes.
func fuzzHead(data []byte, n int) []byte {
	if len(data) <= n {
		return data
	}
	return data[:strings.LastIndexByte(string(data[:n]), '\n')+1]
}
