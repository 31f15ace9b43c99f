package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/yamltree"
)

// This file complements safety_test.go, whose hand-written hostile plan puts chosen
// injectionPayloads in chosen fields. Here the fields are found mechanically, so that a text field
// added to the format later is covered without anyone remembering to: every string in
// the examples that the schema lets hold arbitrary text gets every payload, and so do a
// custom role key and the file name. The checks are written independently of
// safety_test.go's (a second oracle), and add two: the page's tags are balanced, and
// nothing in either report loads anything from anywhere.
//
// The publishing rule tested:
//   - nothing runs: no <script>, no event-handler attribute, no javascript:, data: or
//     vbscript: URL, no CSS expression(), behavior or -moz-binding;
//   - nothing loads: no element that fetches (img, script, link, iframe, object, embed,
//     audio, video, source, track, image, use, base, form, input, meta refresh), no src,
//     srcset, poster, data, action or xlink:href attribute, no @import and no url()
//     other than an in-page url(#id), in the stylesheet or a style attribute;
//   - links are anchors only: <a href> with http, https or mailto, or an in-page #id.
//     http and https links are allowed because the plan's author writes them (a link to
//     the consultation page) and following one is the reader's choice;
//   - the Markdown report, rendered by a renderer that trusts raw HTML, obeys the same
//     rule, has no image syntax, and its Mermaid blocks hold no directives or clicks.

// injectionPayloads are what a hostile or careless author puts in a text field.
var injectionPayloads = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(2)>`,
	`"><img src=x onerror=alert(3)>`,
	`' onmouseover='alert(4)' x='`,
	`" autofocus onfocus="alert(5)`,
	`javascript:alert(6)`,
	`[link](javascript:alert(7))`,
	`[link](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==)`,
	`<javascript:alert(9)>`,
	`<https://evil.example/autolink> and www.evil.example/x and evil@evil.example`,
	`![pixel](https://evil.example/pixel.png)`,
	`<svg onload=alert(10)><script>alert(11)</script></svg>`,
	`<svg><a xlink:href="javascript:alert(12)"><text>x</text></a></svg>`,
	`<style>body{background:url(https://evil.example/bg)}</style>`,
	`<div style="width: expression(alert(13)); background: url(https://evil.example/x)">`,
	`<!-- hidden --><!--`,
	`--><script>alert(14)</script>`,
	`</title></style></textarea></script><script>alert(15)</script>`,
	`]]><script>alert(16)</script><![CDATA[`,
	`<a href="https://ok.example" onclick="alert(17)">x</a>`,
	`[ref][r]` + "\n\n" + `[r]: javascript:alert(18)`,
	"java\u200bscript:alert(19) java\tscript:alert(20) &#106;avascript:alert(21)",
	`<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">`,
	`<link rel=stylesheet href=https://evil.example/x.css><meta http-equiv="refresh" content="0;url=https://evil.example">`,
	`<form action="https://evil.example"><input name=x><button>go</button></form>`,
	`{{.}} {{template "x"}} ${alert(22)} #{alert(23)}`,
	"Line one\nclick a href \"javascript:alert(24)\"\n%%{init: {\"securityLevel\": \"loose\"}}%%",
	"x\" : [0.5, 0.5]\n    \"y",
	"| a | b |\n|---|---|\n| <script>alert(25)</script> |",
	"\u202egnp.exe\u202c \u2028 \u0085 \x7f",
	"@import url(https://evil.example/x.css);",
	`&lt;script&gt;alert(26)&lt;/script&gt; &amp;lt;`,
	"```\n</code></pre><script>alert(27)</script>\n```",
}

// textLeaves returns the scalar values in the plan's tree that hold free text: those
// the schema lets hold markup, so ids, enumerations, dates, numbers and references are
// left alone. Every string gets markup at once; the values the schema then rejects, by
// pointer, go back to what they were, until the plan loads.
func textLeaves(t testing.TB, src []byte) (*yaml.Node, []*yaml.Node) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	type leaf struct {
		node  *yaml.Node
		value string
		style yaml.Style
	}
	leaves := map[string]leaf{}
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		switch n.Kind {
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, append(path, fmt.Sprint(i)))
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], append(path, n.Content[i].Value))
			}
		case yaml.ScalarNode:
			if n.ShortTag() == "!!str" {
				leaves[yamltree.Pointer(path...)] = leaf{n, n.Value, n.Style}
				n.Value, n.Style = `<b>"free text"</b>: & more`, yaml.DoubleQuotedStyle
			}
		}
	}
	walk(doc.Content[0], nil)
	for range 10 {
		_, err := plan.Parse("probe.plan.yaml", encodeYAML(t, &doc), plan.Options{})
		if err == nil {
			var text []*yaml.Node
			for _, l := range leaves {
				if l.node.Value != l.value {
					text = append(text, l.node)
				}
			}
			// Map order is random; the markers that name each field should not be.
			sort.Slice(text, func(i, j int) bool {
				a, b := text[i], text[j]
				return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
			})
			return &doc, text
		}
		pe, ok := err.(*plan.Error)
		if !ok {
			t.Fatal(err)
		}
		reverted := 0
		for _, f := range pe.Findings {
			for ptr, l := range leaves {
				// A finding may point at the value or at the mapping that holds it.
				if (ptr == f.Pointer || strings.HasPrefix(ptr, f.Pointer+"/")) && l.node.Value != l.value {
					l.node.Value, l.node.Style = l.value, l.style
					reverted++
				}
			}
		}
		if reverted == 0 {
			t.Fatalf("the probe cannot make the plan load: %v", err)
		}
	}
	t.Fatal("the probe did not converge")
	return nil, nil
}

func encodeYAML(t testing.TB, doc *yaml.Node) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// addHostileRole adds a custom role whose key (the format allows any key there) and
// name are markup: role keys become headings in both reports.
func addHostileRole(doc *yaml.Node, payload string) {
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "roles" && root.Content[i+1].Kind == yaml.MappingNode {
			roles := root.Content[i+1]
			roles.Content = append(roles.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Value: "x" + payload, Style: yaml.DoubleQuotedStyle},
				&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
					{Kind: yaml.ScalarNode, Value: "name"},
					{Kind: yaml.ScalarNode, Value: payload, Style: yaml.DoubleQuotedStyle},
				}})
			return
		}
	}
}

// TestInjectionInEveryTextField puts each payload in every text field of each example
// (and in a role key and the file name) and renders both reports with findings, so that
// the "Open gaps" messages, which quote the plan, are covered too.
func TestInjectionInEveryTextField(t *testing.T) {
	for _, ex := range []struct {
		example, path string
		fields        int
	}{
		{"council-consultation", "../../examples/council-consultation.plan.yaml", 100},
		{"school-software-rollout", "../../examples/school-software-rollout.plan.yaml", 100},
		// The sections real plans add (#15) and x_ extensions, which the examples lack.
		{"real-plan", "testdata/plans/real-plan.plan.yaml", 60},
	} {
		example := ex.example
		src, err := os.ReadFile(ex.path)
		if err != nil {
			t.Fatal(err)
		}
		doc, leaves := textLeaves(t, src)
		if len(leaves) < ex.fields {
			t.Fatalf("%s: only %d text fields found; the probe is broken", example, len(leaves))
		}
		for i, payload := range injectionPayloads {
			for j, n := range leaves {
				// A marker per field tells which one leaked or went missing, and keeps
				// every value distinct; it holds nothing Markdown would act on.
				n.Value, n.Style = fmt.Sprintf("%s zq%dqz", payload, j), yaml.DoubleQuotedStyle
			}
			docCopy := encodeYAML(t, doc)
			var withRole yaml.Node
			if err := yaml.Unmarshal(docCopy, &withRole); err != nil {
				t.Fatal(err)
			}
			addHostileRole(&withRole, payload)
			name := fmt.Sprintf("%s-%d.plan.yaml", example, i)
			p, err := plan.Parse(name, encodeYAML(t, &withRole), plan.Options{})
			if err != nil {
				t.Fatalf("payload %d does not load: %v", i, err)
			}
			p.File = payload + ".plan.yaml"
			md, page := renderBoth(t, p)
			what := fmt.Sprintf("%s with payload %q", example, payload)
			for _, problem := range pageProblems(page) {
				t.Errorf("%s: HTML: %s", what, problem)
			}
			for _, problem := range markdownProblems(md) {
				t.Errorf("%s: Markdown: %s", what, problem)
			}
			// Escaped, not dropped: every field is shown in both reports, so the reader
			// sees what the author wrote.
			text := html.UnescapeString(page)
			for j, n := range leaves {
				marker := fmt.Sprintf("zq%dqz", j)
				if !strings.Contains(text, marker) || !strings.Contains(md, marker) {
					t.Errorf("%s: the field at line %d of the example went missing from a report", what, n.Line)
				}
			}
		}
	}
}

func renderBoth(t testing.TB, p *plan.Plan) (md, page string) {
	t.Helper()
	cfg := config.Default()
	return both(t, p, report.Options{
		Findings: lint.New(cfg).CheckPlan(p),
		Today:    plan.MustDate("2027-03-15"),
		Version:  "1.0.0-test",
		Git:      &report.GitInfo{Commit: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", Date: plan.MustDate("2027-02-26")},
		Minimums: rules.DefaultSettings().Minimums,
		Ideals:   rules.DefaultSettings().Ideals,
	}, HTMLOptions{})
}

// htmlTag is a start or end tag as a browser's tokenizer finds it.
type htmlTag struct {
	name      string
	end, self bool
	attrs     map[string]string
}

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// rawTextElements hold text up to their end tag, whatever it looks like.
var rawTextElements = map[string]bool{"style": true, "script": true, "textarea": true, "title": true}

var (
	loadingTags = map[string]bool{
		"script": true, "img": true, "image": true, "link": true, "iframe": true, "frame": true,
		"object": true, "embed": true, "audio": true, "video": true, "source": true, "track": true,
		"use": true, "base": true, "form": true, "input": true, "button": true, "applet": true,
		"portal": true, "foreignobject": true, "animate": true, "set": true, "picture": true,
	}
	// loadingAttrs fetch or navigate by themselves, or carry a URL that can.
	loadingAttrs = map[string]bool{
		"src": true, "srcset": true, "poster": true, "data": true, "action": true, "formaction": true,
		"xlink:href": true, "background": true, "ping": true, "lowsrc": true, "dynsrc": true, "codebase": true,
	}
	// anchorHref is an in-page link or one whose scheme is http, https or mailto. What
	// follows the scheme is the author's business ("https:0" or www.a"b, which GFM links
	// too, are odd but go nowhere worse than a web page): the value was read with its
	// quotes escaped, so a quote in it cannot have broken out of the attribute.
	anchorHref = regexp.MustCompile(`^(?:#[A-Za-z0-9_.:-]*|(?i:https?|mailto):[^\s<>]+)$`)
	cssURL     = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")]*)`)
)

// scanTags finds every tag in page. It reports text that a browser would read as a tag
// but this tokenizer cannot (an unquoted or unterminated attribute value), since an
// attacker's text only ever reaches the page with its "<" escaped.
func scanTags(page string) (tags []htmlTag, problems []string) {
	i := 0
	for i < len(page) {
		lt := strings.IndexByte(page[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := page[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			problems = append(problems, "an HTML comment, which can hide markup")
			end := strings.Index(rest, "-->")
			if end < 0 {
				return tags, problems
			}
			i += end + 3
			continue
		case len(rest) >= 9 && strings.EqualFold(rest[:9], "<!doctype"):
			i += strings.IndexByte(rest, '>') + 1
			continue
		case strings.HasPrefix(rest, "<![CDATA["), strings.HasPrefix(rest, "<?"), strings.HasPrefix(rest, "<!"):
			problems = append(problems, fmt.Sprintf("markup declaration %.20q", rest))
			i++
			continue
		}
		end := len(rest) > 1 && rest[1] == '/'
		start := 1
		if end {
			start = 2
		}
		if len(rest) <= start || !isASCIILetter(rest[start]) {
			i++
			continue
		}
		j := start
		for j < len(rest) && !strings.ContainsRune(" \t\n\r\f/>", rune(rest[j])) {
			j++
		}
		tg := htmlTag{name: strings.ToLower(rest[start:j]), end: end, attrs: map[string]string{}}
		for {
			for j < len(rest) && strings.ContainsRune(" \t\n\r\f", rune(rest[j])) {
				j++
			}
			if j >= len(rest) {
				problems = append(problems, fmt.Sprintf("<%s> is never closed", tg.name))
				return tags, problems
			}
			if rest[j] == '>' {
				j++
				break
			}
			if strings.HasPrefix(rest[j:], "/>") {
				tg.self = true
				j += 2
				break
			}
			k := j
			for k < len(rest) && !strings.ContainsRune(" \t\n\r\f/>=", rune(rest[k])) {
				k++
			}
			if k == j {
				k++ // a stray "/" inside a tag
			}
			name, value := strings.ToLower(rest[j:k]), ""
			j = k
			if j < len(rest) && rest[j] == '=' {
				j++
				if j >= len(rest) || (rest[j] != '"' && rest[j] != '\'') {
					problems = append(problems, fmt.Sprintf("<%s %s=…> has an unquoted value", tg.name, name))
					return tags, problems
				}
				q := rest[j]
				close := strings.IndexByte(rest[j+1:], q)
				if close < 0 {
					problems = append(problems, fmt.Sprintf("<%s %s=…> has an unterminated value", tg.name, name))
					return tags, problems
				}
				value = html.UnescapeString(rest[j+1 : j+1+close])
				j += close + 2
			}
			if _, dup := tg.attrs[name]; dup {
				problems = append(problems, fmt.Sprintf("<%s> repeats the attribute %s", tg.name, name))
			}
			tg.attrs[name] = value
		}
		tags = append(tags, tg)
		i += j
		if !tg.end && !tg.self && rawTextElements[tg.name] {
			// Raw text ends only at its own end tag; what is inside is checked apart.
			close := indexEndTag(page[i:], tg.name)
			if close < 0 {
				problems = append(problems, fmt.Sprintf("<%s> is never closed", tg.name))
				return tags, problems
			}
			if tg.name == "style" {
				problems = append(problems, cssProblems(page[i:i+close])...)
			}
			i += close
		}
	}
	return tags, problems
}

// indexEndTag finds "</name" in s, the name in any case, as a browser ends raw text.
func indexEndTag(s, name string) int {
	for i := 0; ; {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return -1
		}
		i += j
		if len(s)-i-2 >= len(name) && strings.EqualFold(s[i+2:i+2+len(name)], name) {
			return i
		}
		i += 2
	}
}

// cssProblems lists what in a stylesheet or style attribute could load or run something.
func cssProblems(css string) []string {
	var problems []string
	lower := strings.ToLower(css)
	for _, bad := range []string{"@import", "expression(", "behavior:", "-moz-binding", "javascript:"} {
		if strings.Contains(lower, bad) {
			problems = append(problems, fmt.Sprintf("CSS with %s", bad))
		}
	}
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		if !strings.HasPrefix(strings.TrimSpace(m[1]), "#") {
			problems = append(problems, fmt.Sprintf("CSS loads %s", m[0]))
		}
	}
	return problems
}

// pageProblems applies the publishing rule to an HTML page, and checks that its tags are
// balanced and its SVG is well-formed XML.
func pageProblems(page string) []string {
	tags, problems := scanTags(page)
	var stack []string
	for _, tg := range tags {
		if loadingTags[tg.name] {
			problems = append(problems, fmt.Sprintf("a <%s> element", tg.name))
		}
		for name, value := range tg.attrs {
			switch {
			case strings.HasPrefix(name, "on"):
				problems = append(problems, fmt.Sprintf("<%s> has an event handler %s=%q", tg.name, name, value))
			case loadingAttrs[name]:
				problems = append(problems, fmt.Sprintf("<%s> has %s=%q", tg.name, name, value))
			case name == "href":
				if tg.name != "a" || !anchorHref.MatchString(value) {
					problems = append(problems, fmt.Sprintf("<%s href=%q> is not an http, https, mailto or in-page link", tg.name, value))
				}
			case name == "style":
				problems = append(problems, cssProblems(value)...)
			case name == "http-equiv":
				problems = append(problems, "<meta http-equiv>")
			}
		}
		switch {
		case tg.end:
			if len(stack) == 0 || stack[len(stack)-1] != tg.name {
				problems = append(problems, fmt.Sprintf("</%s> closes %s", tg.name, strings.Join(stack[max(0, len(stack)-3):], ">")))
				return problems
			}
			stack = stack[:len(stack)-1]
		case !tg.self && !voidElements[tg.name]:
			stack = append(stack, tg.name)
		}
	}
	if len(stack) > 0 {
		problems = append(problems, fmt.Sprintf("unclosed elements: %v", stack))
	}
	for _, svg := range regexp.MustCompile(`(?s)<svg[ >].*?</svg>`).FindAllString(page, -1) {
		if err := wellFormedXML(svg); err != nil {
			problems = append(problems, fmt.Sprintf("an SVG chart is not well-formed XML: %v", err))
		}
	}
	return problems
}

// wellFormedXML reads s with a strict XML decoder: inline SVG copied into a .svg file
// must still open, and an escaping mistake shows up as a syntax error.
func wellFormedXML(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

var (
	trustingMarkdown = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(ghtml.WithUnsafe()))
	// mermaidBlock is a fenced block as CommonMark closes it: at a line of its own.
	mermaidBlock = regexp.MustCompile("(?ms)^```mermaid\n(.*?)^ {0,3}```[ \t]*$")
	// The shapes of the lines the reports' two Mermaid diagrams may hold. Plan text can
	// only be the gantt's title (its second line), a point's quoted name or a task's
	// label: a line of any other shape (click, call, a second task smuggled in by a line
	// break or a colon) means plan text changed the diagram's structure.
	quadrantLine = regexp.MustCompile(`^(?:    title Power/interest grid|    [xy]-axis Low \w+ --> High \w+|    quadrant-[1-4] [A-Z][a-z ]+` +
		`|    "[^"\n]*": \[0\.\d{3}, 0\.\d{3}\])$`)
	ganttLine = regexp.MustCompile(`^(?:    dateFormat YYYY-MM-DD|    axisFormat %d %b|    inclusiveEndDates|    section (?:Phases|Milestones)` +
		`|    ([^:\n]+) :(?:(?:crit|done|active|milestone), )*[a-z][a-z0-9_-]*, \d{4}-\d{2}-\d{2}, (?:\d{4}-\d{2}-\d{2}|\d+d))$`)
	// ganttStatement is how a gantt statement starts (Mermaid's lexer tries these before
	// task text, ignoring case); a task label must not.
	ganttStatement = regexp.MustCompile(`(?i)^(?:click|call|href|dateformat|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|section|acctitle|accdescr)\s`)
)

// markdownProblems applies the publishing rule to the Markdown report, as rendered by a
// renderer that passes raw HTML through (the most trusting there is), and checks that
// plan text cannot change the structure of its Mermaid blocks. Text inside a Mermaid
// label is drawn as SVG text, so markup there is inert; structure is what Mermaid acts
// on, and a "%%{init: …}%%" directive anywhere reconfigures it.
func markdownProblems(md string) []string {
	var b bytes.Buffer
	if err := trustingMarkdown.Convert([]byte(md), &b); err != nil {
		return []string{err.Error()}
	}
	problems := pageProblems(b.String())
	for _, m := range mermaidBlock.FindAllStringSubmatch(md, -1) {
		lines := strings.Split(strings.TrimSuffix(m[1], "\n"), "\n")
		for i, line := range lines {
			ok := false
			switch lines[0] {
			case "quadrantChart":
				ok = i == 0 || quadrantLine.MatchString(line)
			case "gantt":
				sub := ganttLine.FindStringSubmatch(line)
				ok = i == 0 || i == 1 && strings.HasPrefix(line, "    title ") ||
					sub != nil && !ganttStatement.MatchString(sub[1])
			}
			if !ok || strings.Contains(strings.Replace(line, "axisFormat %d %b", "", 1), "%%") {
				problems = append(problems, fmt.Sprintf("a Mermaid line of an unexpected shape: %q", line))
			}
		}
	}
	return problems
}

// TestOracleCatches makes sure the checks above are not vacuous.
func TestOracleCatches(t *testing.T) {
	for _, page := range []string{
		`<p><img src="x"></p>`,
		`<p><a href="javascript:alert(1)">x</a></p>`,
		`<p><a href="data:text/html,x">x</a></p>`,
		`<p><a href=https://ok.example>x</a></p>`,
		`<p onclick="alert(1)">x</p>`,
		`<svg><a xlink:href="#x">x</a></svg>`,
		`<div style="background:url(https://evil.example/x)">x</div>`,
		`<style>@import "x.css";</style>`,
		`<style>p{background:url("https://evil.example/x")}</style>`,
		`<!-- x -->`,
		`<p><b>x</p></b>`,
		`<div><p>x</p>`,
		`<svg><text>a & b</text></svg>`,
		`<link rel="stylesheet" href="https://evil.example/x.css">`,
		`<p title="x>y`,
	} {
		if len(pageProblems(page)) == 0 {
			t.Errorf("nothing wrong found with %s", page)
		}
	}
	for _, block := range []string{
		"gantt\n    click a href \"https://x\"",
		"gantt\n    click a :milestone, a, 2027-01-01, 0d",
		"gantt\n    a :milestone, a, 2027-01-01, 0d\n%%{init: {}}%%",
		"gantt\n    a :b : milestone, a, 2027-01-01, 0d",
		"quadrantChart\n    \"a\" b\": [0.100, 0.200]",
	} {
		if p := markdownProblems("```mermaid\n" + block + "\n```\n"); len(p) == 0 {
			t.Errorf("nothing wrong found with the Mermaid block %q", block)
		}
	}
	if p := markdownProblems("```mermaid\ngantt\n    title <b>x</b>\n    dateFormat YYYY-MM-DD\n    A <b> :crit, phase-a, 2027-01-01, 2027-02-01\n```\n"); len(p) > 0 {
		t.Errorf("problems found with a safe Mermaid block: %v", p)
	}
	if p := markdownProblems("![x](https://evil.example/x.png)\n"); len(p) == 0 {
		t.Error("nothing wrong found with a Markdown image")
	}
	ok := `<!DOCTYPE html><html><head><style>a{fill:url(#g)}</style><title>a &lt; b</title></head>` +
		`<body><p>&lt;script&gt; <a href="https://ok.example/?a=1&amp;b=2">x</a> <a href="#top">t</a><br>` +
		`<svg viewBox="0 0 1 1"><title>t</title><text>a &amp; b</text><rect/></svg></p></body></html>`
	if p := pageProblems(ok); len(p) > 0 {
		t.Errorf("problems found with a safe page: %v", p)
	}
}
