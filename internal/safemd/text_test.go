package safemd

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// gfm is a plain GFM renderer standing in for GitHub: it turns the report's Markdown
// back into HTML so that the tests can read what a reader would see.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

var (
	inlineTagRE = regexp.MustCompile(`</?(?:a|code|em|strong|del)\b[^>]*>`)
	tagRE       = regexp.MustCompile(`<[^>]*>`)
)

// visibleText is what a reader sees of some Markdown: the rendered text without tags,
// white space collapsed.
func visibleText(t testing.TB, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := gfm.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	text := tagRE.ReplaceAllString(inlineTagRE.ReplaceAllString(b.String(), ""), " ")
	return collapse(html.UnescapeString(text))
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// awkwardText is plain text that Markdown would otherwise read as markup.
var awkwardText = []string{
	"plain words",
	"*not emphasis* and _not either_ and **not strong**",
	"# not a heading",
	"- not a list",
	"+ not a list",
	"1. not a list",
	"2) not a list",
	"> not a quote",
	"--- not a rule",
	"===",
	"---",
	"    not code",
	"```not a fence```",
	"~~not struck~~ ~~~",
	"[not](a link) ![not](an image)",
	"<script>alert(1)</script>",
	"<!-- not a comment -->",
	"&amp; &lt; &#60; &copy; & AT&T",
	"back\\slash \\* \\",
	"costs $4 and $5, $x$ is not math",
	"pipes | in | text",
	"see https://example.org/a_b*c (and https://example.org/(x)) or www.example.org.",
	"mail someone@example.org, or <someone@example.org>",
	"javascript:alert(1) data:text/html,x",
	"tab\there",
	"Ünïcödé — 東京 🙂",
	"a<https://example.org>b",
	"_www.example.org_ and foohttps://example.org",
	"trailing backslash \\",
	"[^1] footnote-like",
	"| a | b |",
}

func TestMarkdownTextReadsAsWritten(t *testing.T) {
	for _, s := range awkwardText {
		checkText(t, s)
	}
}

// checkText renders s as a paragraph, as a heading and in a table cell, and checks that
// each shows s and nothing else.
func checkText(t *testing.T, s string) {
	t.Helper()
	want := collapse(s)
	if got := visibleText(t, escapeLineStart(Text(s))); got != want {
		t.Errorf("paragraph of %q reads %q", s, got)
	}
	if got := visibleText(t, "## "+HeadingText(s)); got != want {
		t.Errorf("heading of %q reads %q", s, got)
	}
	table := "| head |\n| --- |\n| " + Cell(Text(s)) + " |\n"
	if got := visibleText(t, table); got != collapse("head "+s) {
		t.Errorf("table cell of %q reads %q", s, got)
	}
	if got := visibleText(t, "- "+escapeLineStart(Text(s))); got != want {
		t.Errorf("list item of %q reads %q", s, got)
	}
}

func TestMarkdownLinesKeepBreaks(t *testing.T) {
	got := Lines("first line\n# second\n1. third")
	if want := "first line\\\n\\# second\\\n1\\. third"; got != want {
		t.Errorf("Lines = %q, want %q", got, want)
	}
	if got := visibleText(t, got); got != "first line # second 1. third" {
		t.Errorf("Lines reads %q", got)
	}
}

func TestMarkdownFieldRewrite(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"Some _emphasis_ and __strong__.", "Some *emphasis* and **strong**."},
		{"* one\n* two\n\n  nested para", "- one\n\n- two\n\n  nested para"},
		{"1. a\n1. b", "1. a\n2. b"},
		{"<script>x</script>", `\<script\>x\</script\>`},
		{"line one  \nline two", "line one\\\nline two"},
		{"    code\n\tmore\n      indented", "```text\ncode\nmore\n  indented\n```"},
		{"```go\nx := `a`\n```", "```go\nx := `a`\n```"},
		{"```\n```inner```\n```", "````text\n```inner```\n````"},
		{"> quoted\n>\n> - item", "> quoted\n>\n> - item"},
		{"a | b\n--|--\n1 | 2", "| a | b |\n| --- | --- |\n| 1 | 2 |"},
		{"[x](javascript:alert(1))", "x"},
		{"![alt](https://example.org/a.png)", "[alt](<https://example.org/a.png>)"},
		{"Text\n\n---\n\nMore", "Text\n\n---\n\nMore"},
		{"- [x] done\n- [ ] todo", "- [x] done\n- [ ] todo"},
		{"`` a ` b ``", "``a ` b``"},
		{"\\# not a heading", `\# not a heading`},
		{"1\\. not a list", `1\. not a list`},
	} {
		if got := Block(tc.src, 0); got != tc.want {
			t.Errorf("Block(%q) =\n%s\nwant\n%s", tc.src, got, tc.want)
		}
	}
	if got := Inline("One.\n\n- a\n- b\n\n| x |\n|---|\n| y |"); got != "One.<br>• a<br>• b<br>x<br>y" {
		t.Errorf("Inline = %q", got)
	}
	// A field's pipes are escaped once, by the table, in code spans too: the table splits
	// its row before any inline is read.
	for src, want := range map[string]string{
		"a `x|y` b":          "a `x\\|y` b",
		"Either A | B fails": `Either A \| B fails`,
	} {
		if got := Cell(Inline(src)); got != want {
			t.Errorf("a cell of %q is %q, want %q", src, got, want)
		}
	}
}

func TestMarkdownListItemsCannotMakeBlocks(t *testing.T) {
	for _, s := range []string{"# Transparency", "1. Inclusion first", "- Book rooms", "---", "+ more", "2) second"} {
		if got := visibleText(t, "- "+Item(s)); got != s {
			t.Errorf("list item of %q reads %q", s, got)
		}
		if got := visibleText(t, "- a\n  - "+Item(s)); got != "a "+s {
			t.Errorf("nested list item of %q reads %q", s, got)
		}
	}
}

func TestMarkdownLinesCannotMakeATable(t *testing.T) {
	got := Lines("a | b\n|--|--|")
	if text := visibleText(t, got); text != "a | b |--|--|" {
		t.Errorf("Lines(%q) = %q reads %q", "a | b\n|--|--|", got, text)
	}
}

// TestMarkdownFieldMeansTheSame checks that rewriting a field keeps what it shows.
func TestMarkdownFieldMeansTheSame(t *testing.T) {
	for _, src := range []string{
		"A **bold** claim with a [link](https://example.org) and `code`.",
		"- one\n- two\n  - nested *em*\n\n1. first\n2. second",
		"> quote with _em_ and ~~strike~~",
		"Line one  \nline two\\\nline three",
		"&copy; 2027 &mdash; AT&T \\*literal\\* \\_x\\_",
		"Costs $4 and www.example.org, or mail a@example.org.",
		"| a | b |\n|:--|--:|\n| `x|y` | 2 |",
	} {
		got, want := visibleText(t, Block(src, 0)), visibleText(t, src)
		if got != want {
			t.Errorf("rewriting %q changes what it shows:\n got %q\nwant %q", src, got, want)
		}
	}
}

// FuzzMarkdownText checks that any plain text, escaped, reads back exactly as written.
func FuzzMarkdownText(f *testing.F) {
	for _, s := range awkwardText {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\r\n\f\v\u0085\u2028\u2029") || strings.ContainsRune(s, utf8.RuneError) {
			return
		}
		for _, r := range s {
			if r < ' ' && r != '\t' || r == 0x7f {
				return
			}
		}
		checkText(t, s)
	})
}

func TestAllowedURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://example.org": true, "http://example.org": true, "mailto:a@b.c": true, "HTTPS://X.ORG": true,
		"javascript:alert(1)": false, " javascript:alert(1)": false, "java\nscript:alert(1)": false,
		"data:text/html,x": false, "vbscript:x": false, "file:///etc/passwd": false, "//evil.example": false,
		"/path": false, "#frag": false, "https:": false, "": false,
	} {
		if got := allowedURL([]byte(u)); got != want {
			t.Errorf("allowedURL(%q) = %v, want %v", u, got, want)
		}
	}
}
