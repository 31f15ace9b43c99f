package render

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	ghtml "github.com/yuin/goldmark/renderer/html"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/safemd"
)

// tag is a start tag found in a page: its name and attributes, values unescaped.
type tag struct {
	name  string
	attrs [][2]string
}

// startTags reads every start tag of an HTML page the way a browser's tokenizer finds
// them: "<" followed by a letter. Everything from the plan reaches the page with its "<"
// escaped, so any tag found here was written by the renderer; the test then checks that
// none of them can run or load anything. Unquoted or unterminated attribute values are
// reported, since a renderer that writes them could be broken out of.
func startTags(page string) (out []tag, problems []string) {
	for i := 0; i < len(page); i++ {
		if page[i] != '<' || i+1 >= len(page) || !isASCIILetter(page[i+1]) {
			continue
		}
		j := i + 1
		for j < len(page) && !strings.ContainsRune(" \t\n\r\f/>", rune(page[j])) {
			j++
		}
		tg := tag{name: strings.ToLower(page[i+1 : j])}
		for j < len(page) {
			for j < len(page) && strings.ContainsRune(" \t\n\r\f/", rune(page[j])) {
				j++
			}
			if j >= len(page) || page[j] == '>' {
				break
			}
			k := j
			for k < len(page) && !strings.ContainsRune(" \t\n\r\f/>=", rune(page[k])) {
				k++
			}
			name, value := strings.ToLower(page[j:k]), ""
			j = k
			if j < len(page) && page[j] == '=' {
				j++
				if j >= len(page) || (page[j] != '"' && page[j] != '\'') {
					problems = append(problems, fmt.Sprintf("<%s %s=…> has an unquoted value", tg.name, name))
					break
				}
				q := page[j]
				end := strings.IndexByte(page[j+1:], q)
				if end < 0 {
					problems = append(problems, fmt.Sprintf("<%s %s=…> has an unterminated value", tg.name, name))
					break
				}
				value = html.UnescapeString(page[j+1 : j+1+end])
				j = j + 1 + end + 1
			}
			tg.attrs = append(tg.attrs, [2]string{name, value})
		}
		out = append(out, tg)
		i = j
	}
	return out, problems
}

// forbiddenTags are elements that run code, load something or submit data.
var forbiddenTags = map[string]bool{
	"script": true, "iframe": true, "frame": true, "object": true, "embed": true, "img": true,
	"image": true, "link": true, "base": true, "form": true, "input": true, "button": true,
	"audio": true, "video": true, "source": true, "track": true, "applet": true, "portal": true,
	"foreignobject": true, "use": true, "animate": true, "set": true, "handler": true,
}

var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true,
	"data": true, "poster": true, "background": true, "srcset": true, "ping": true, "cite": true,
}

var safeLink = regexp.MustCompile(`^(?:#[A-Za-z0-9_-]*|https?://[^\s]+|mailto:[^\s]+)$`)

// assertInert fails if anything in page could run, load or navigate somewhere unsafe.
func assertInert(t *testing.T, what, page string, styles int) {
	t.Helper()
	for _, p := range inertProblems(page, styles) {
		t.Errorf("%s: %s", what, p)
	}
}

// inertProblems lists what in page could run, load or navigate somewhere unsafe.
func inertProblems(page string, styles int) []string {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if strings.Contains(page, "<!--") {
		fail("holds an HTML comment, which can hide markup")
	}
	styleCount := 0
	tags, tagProblems := startTags(page)
	problems = append(problems, tagProblems...)
	for _, tg := range tags {
		if forbiddenTags[tg.name] {
			fail("has a <%s> element", tg.name)
		}
		if tg.name == "style" {
			styleCount++
		}
		if tg.name == "meta" {
			for _, a := range tg.attrs {
				if a[0] == "http-equiv" {
					fail("has <meta http-equiv>")
				}
			}
		}
		for _, a := range tg.attrs {
			name, value := a[0], a[1]
			switch {
			case strings.HasPrefix(name, "on"):
				fail("<%s> has an event handler %s=%q", tg.name, name, value)
			case urlAttrs[name]:
				if !safeLink.MatchString(strings.TrimSpace(value)) {
					fail("<%s %s=%q> is not an http, https, mailto or in-page link", tg.name, name, value)
				}
				if name != "href" {
					fail("<%s> has a %s attribute, which loads or links", tg.name, name)
				}
			case name == "style":
				if strings.Contains(strings.ToLower(value), "url(") || strings.Contains(strings.ToLower(value), "expression(") {
					fail("<%s style=%q> can load something", tg.name, value)
				}
			}
		}
	}
	if styleCount != styles {
		fail("%d <style> elements, want %d", styleCount, styles)
	}
	for _, m := range regexp.MustCompile(`(?is)<style>(.*?)</style>`).FindAllStringSubmatch(page, -1) {
		css := strings.ToLower(m[1])
		if strings.Contains(css, "@import") {
			fail("the stylesheet imports another")
		}
		for _, u := range regexp.MustCompile(`url\(([^)]*)\)`).FindAllStringSubmatch(css, -1) {
			if !strings.HasPrefix(strings.Trim(u[1], `"' `), "#") {
				fail("the stylesheet loads %s", u[0])
			}
		}
	}
	return problems
}

// hostilePayloads must reach the reader as text: shown, escaped, not dropped.
var hostilePayloads = []string{
	"&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;",
	"&lt;img src=x onerror=alert(2)&gt;",
	"&#34;&gt;&lt;img src=x onerror=alert(29)&gt;",
	"&lt;svg&gt;&lt;script&gt;alert(10)&lt;/script&gt;&lt;/svg&gt;",
	"&lt;!-- a comment --&gt;",
	"javascript:alert(18)",
}

func TestHostilePlanIsInert(t *testing.T) {
	gp := goldenPlan{"hostile", "testdata/plans/hostile.plan.yaml", "2027-03-05"}
	md, page := reports(t, gp)

	assertInert(t, "HTML report", page, 1)
	for _, want := range hostilePayloads {
		if !strings.Contains(page, want) && !strings.Contains(page, strings.ReplaceAll(want, "&#34;", "&quot;")) {
			t.Errorf("HTML report: the payload %q is not shown as text", want)
		}
	}
	for _, link := range []string{`href="https://ok.example/auto"`, `href="mailto:someone@ok.example"`, `href="http://www.ok.example"`} {
		if !strings.Contains(page, link) {
			t.Errorf("HTML report: the safe link %s was lost", link)
		}
	}

	// The Markdown report is published wherever Markdown is shown. Render it with a
	// renderer that passes raw HTML straight through, the most trusting there is: if
	// nothing is active even then, nothing is on GitHub either.
	trusting := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(ghtml.WithUnsafe()))
	var b bytes.Buffer
	if err := trusting.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	assertInert(t, "Markdown report", b.String(), 0)
	for _, want := range []string{"&lt;script&gt;alert(", "onerror=alert(2)", "javascript:alert(18)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("Markdown report: the payload %q is not shown as text", want)
		}
	}
}

// TestMarkdownFieldsAreSafe drives the goldmark configuration directly with each kind of
// payload.
func TestMarkdownFieldsAreSafe(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"a <b onclick=alert(1)>b</b>", "a &lt;b onclick=alert(1)&gt;b&lt;/b&gt;"},
		{"[x](javascript:alert(1))", "<p>x</p>"},
		{"[x](JAVASCRIPT:alert(1))", "<p>x</p>"},
		{"[x](<java\tscript:alert(1)>)", "<p>x</p>"},
		{"[x](&#106;avascript:alert(1))", "<p>x</p>"},
		{"[x](data:text/html,hi)", "<p>x</p>"},
		{"[x](/relative)", "<p>x</p>"},
		{"[x](#fragment)", "<p>x</p>"},
		{"<javascript:alert(1)>", "<p>javascript:alert(1)</p>"},
		{"![alt](https://example.org/a.png)", `<p><a href="https://example.org/a.png">alt</a></p>`},
		{"![alt](javascript:alert(1))", "<p>alt</p>"},
		{"[![alt](https://example.org/a.png)](https://example.org)", `<p><a href="https://example.org">alt</a></p>`},
		{"[x](https://example.org)", `<p><a href="https://example.org">x</a></p>`},
		{"[x](mailto:a@example.org)", `<p><a href="mailto:a@example.org">x</a></p>`},
		{"<!-- hidden -->", "&lt;!-- hidden --&gt;"},
		{"- [x] done\n- [ ] todo", "<li>☑ done</li>"},
		{"| a | *b* |\n| - | - |\n| c | d |", `<div class="table-scroll" role="region" tabindex="0" aria-label="Table: a, b">`},
	} {
		got := string(safemd.HTML(tc.src, 4))
		if !strings.Contains(got, tc.want) {
			t.Errorf("md(%q) = %q, want it to contain %q", tc.src, got, tc.want)
		}
		assertInert(t, tc.src, got, 0)
	}
}

func TestHeadingsMoveUnderTheirSection(t *testing.T) {
	got := string(safemd.HTML("# One\n\n### Three\n\n## Two\n\n###### Six", 4))
	for _, want := range []string{"<h4>One</h4>", "<h5>Three</h5>", "<h5>Two</h5>", "<h6>Six</h6>"} {
		if !strings.Contains(got, want) {
			t.Errorf("headings: %q lacks %s", got, want)
		}
	}
	if md := safemd.Block("# One\n\n### Three", 3); md != "### One\n\n#### Three" {
		t.Errorf("Block headings = %q", md)
	}
}

func TestExtraCSSCannotCloseTheStyleElement(t *testing.T) {
	p := loadPlan(t, "testdata/plans/gaps.plan.yaml")
	opts := optionsFor(t, p, "2027-03-10")
	_, page := both(t, p, opts, HTMLOptions{CSS: []byte(`h1 { color: #123456 } </style><script>alert(1)</script><style>`)})
	if !strings.Contains(page, "h1 { color: #123456 }") {
		t.Error("the extra stylesheet is missing")
	}
	assertInert(t, "HTML with --css", page, 1)
}

// TestInertCheckCatches makes sure the check above is not vacuous.
func TestInertCheckCatches(t *testing.T) {
	for _, page := range []string{
		`<p><img src=x onerror=alert(1)></p>`,
		`<p><a href="javascript:alert(1)">x</a></p>`,
		`<p><a href="data:text/html,x">x</a></p>`,
		`<p onmouseover="alert(1)">x</p>`,
		`<svg><script>alert(1)</script></svg>`,
		`<svg><a xlink:href="javascript:alert(1)">x</a></svg>`,
		`<p><a href=javascript:alert(1)>x</a></p>`,
		`<div style="background:url(https://evil.example/x)">x</div>`,
		`<style>@import "https://evil.example/x.css";</style>`,
		`<!-- <script>alert(1)</script> -->`,
		`<iframe src="https://evil.example"></iframe>`,
	} {
		if len(inertProblems(page, 0)) == 0 {
			t.Errorf("the check finds nothing wrong with %s", page)
		}
	}
	if p := inertProblems(`<p>&lt;img src=x onerror=alert(1)&gt; <a href="https://ok.example">ok</a> <a href="#x">x</a></p>`, 0); len(p) > 0 {
		t.Errorf("the check objects to escaped text and safe links: %v", p)
	}
}

func TestControlCharactersNeverReachReports(t *testing.T) {
	src := "schema_version: 1\ntitle: \"Control \\x19 character\"\nstakeholders:\n  - id: s\n    name: \"A\\x10B\\x7fC\"\n    influence: high\n    impact: low\n"
	p, err := plan.Parse("c.plan.yaml", []byte(src), plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md, html := both(t, p, report.Options{Today: plan.MustDate("2027-03-01")}, HTMLOptions{})
	for name, out := range map[string]string{"html": html, "markdown": md} {
		if i := strings.IndexFunc(out, isDisallowed); i >= 0 {
			t.Errorf("%s report holds control character %U", name, []rune(out[i:])[0])
		}
		if !strings.Contains(out, "A\uFFFDB\uFFFDC") {
			t.Errorf("%s report lost the text around the control characters", name)
		}
	}
	if got := replaceControlRefs("a&#x10;b&#16;c&#x41;&#0;"); got != "a&#xfffd;b&#xfffd;c&#x41;&#xfffd;" {
		t.Errorf("replaceControlRefs: %q", got)
	}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
