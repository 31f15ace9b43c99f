package safemd

import (
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The Markdown fields of a plan (summary, context, profiles, responsibilities, …) are
// CommonMark + GFM written by people, and a rendered report is published. So every field
// goes through one goldmark configuration that:
//
//   - never passes raw HTML through: goldmark runs without html.WithUnsafe, and raw HTML
//     (inline or block, comments included) is shown as escaped text rather than dropped,
//     as the format promises;
//   - keeps only http, https and mailto links: any other destination (javascript:, data:,
//     vbscript:, file:, relative paths, fragments) loses its link and keeps its text;
//   - never loads anything: an image becomes a link to it (or just its alt text), so the
//     report makes no request to another host;
//   - never hides or disguises a link: one without visible text shows its address, and
//     one whose text reads as another address shows where it really goes (links.go);
//   - moves the field's headings under the heading that holds the field, so that the
//     report's outline has no jumps.
//
// The same parse feeds the Markdown report, which writes the tree back out as Markdown
// (rewrite.go), so both formats agree on what a field says.

// safeSchemes are the only URL schemes a rendered link may have.
var safeSchemes = []string{"http:", "https:", "mailto:"}

// allowedURL reports whether dest may stay a link. Browsers ignore ASCII whitespace and
// control characters inside a scheme ("java\tscript:"), so they are dropped before the
// comparison; anything without one of the safe schemes, relative links included, fails.
func allowedURL(dest []byte) bool {
	cleaned := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, string(dest))
	lower := strings.ToLower(cleaned)
	for _, s := range safeSchemes {
		if strings.HasPrefix(lower, s) && len(lower) > len(s) {
			return true
		}
	}
	return false
}

// headingBaseKey carries the level a field's first heading takes through the parser.
var headingBaseKey = parser.NewContextKey()

// safetyTransformer applies the link rules and the heading shift to a parsed field.
type safetyTransformer struct{}

func (safetyTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var links, images, autolinks, headings []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink:
			links = append(links, n)
		case ast.KindImage:
			images = append(images, n)
		case ast.KindAutoLink:
			autolinks = append(autolinks, n)
		case ast.KindHeading:
			headings = append(headings, n)
		}
		return ast.WalkContinue, nil
	})
	var kept []*ast.Link
	for _, n := range links {
		if l := n.(*ast.Link); !allowedURL(l.Destination) {
			unwrap(l)
		} else {
			kept = append(kept, l)
		}
	}
	for _, n := range images {
		img := n.(*ast.Image)
		if !allowedURL(img.Destination) || insideLink(img) {
			unwrap(img)
			continue
		}
		link := ast.NewLink()
		link.Destination = img.Destination
		link.Title = img.Title
		for c := img.FirstChild(); c != nil; {
			next := c.NextSibling()
			link.AppendChild(link, c)
			c = next
		}
		if !link.HasChildren() {
			link.AppendChild(link, rawString("image"))
		}
		img.Parent().ReplaceChild(img.Parent(), img, link)
		kept = append(kept, link)
	}
	for _, l := range kept {
		showDestination(l, source)
	}
	for _, n := range autolinks {
		a := n.(*ast.AutoLink)
		url := a.URL(source)
		if a.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
			url = append([]byte("mailto:"), url...)
		}
		if !allowedURL(url) {
			a.Parent().ReplaceChild(a.Parent(), a, rawString(string(a.Label(source))))
		}
	}
	base, _ := pc.Get(headingBaseKey).(int)
	shiftHeadings(headings, base)
}

// rawString is text that the HTML renderer escapes and that is never read as Markdown.
func rawString(s string) *ast.String {
	n := ast.NewString([]byte(s))
	n.SetRaw(true)
	return n
}

// unwrap replaces n by its children.
func unwrap(n ast.Node) {
	parent := n.Parent()
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		parent.InsertBefore(parent, n, c)
		c = next
	}
	parent.RemoveChild(parent, n)
}

func insideLink(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindLink {
			return true
		}
	}
	return false
}

// shiftHeadings moves a field's headings so that its highest one sits at base, and no
// heading goes more than one level below the one before it (a field that jumps from # to
// ### would otherwise break the outline). base 0 leaves the headings alone.
func shiftHeadings(headings []ast.Node, base int) {
	if base <= 0 || len(headings) == 0 {
		return
	}
	top := 6
	for _, n := range headings {
		top = min(top, n.(*ast.Heading).Level)
	}
	prev := base - 1
	for _, n := range headings {
		h := n.(*ast.Heading)
		level := min(base+h.Level-top, prev+1, 6)
		h.Level = max(level, base)
		prev = h.Level
	}
}

// safeHTMLRenderer overrides the node renderers whose default output would be unsafe or
// inaccessible in a report.
type safeHTMLRenderer struct {
	table map[ast.NodeKind]renderer.NodeRendererFunc
}

func (r *safeHTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(east.KindTaskCheckBox, r.renderTaskCheckBox)
	reg.Register(east.KindTable, r.renderTable)
}

// renderRawHTML shows inline raw HTML as the text it is.
func (r *safeHTMLRenderer) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(template.HTMLEscapeString(sourceText(node, source)))
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock shows a raw HTML block as preformatted text.
func (r *safeHTMLRenderer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<p class="escaped-html">`)
	_, _ = w.WriteString(template.HTMLEscapeString(strings.TrimRight(sourceText(node, source), "\n")))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

// renderImage is a safety net: the transformer has already turned every image into a
// link or text, and an <img> would be a request to another host.
func (r *safeHTMLRenderer) renderImage(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}

// renderTaskCheckBox writes a ticked or empty box as text: a disabled <input> would be a
// form control without a label.
func (r *safeHTMLRenderer) renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		if node.(*east.TaskCheckBox).IsChecked {
			_, _ = w.WriteString("☑ ")
		} else {
			_, _ = w.WriteString("☐ ")
		}
	}
	return ast.WalkContinue, nil
}

// renderTable wraps a field's table in the same scrolling box as the report's own tables,
// so that a wide one scrolls inside itself instead of widening the page.
func (r *safeHTMLRenderer) renderTable(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="table-scroll" role="region" tabindex="0" aria-label="` + template.HTMLEscapeString(tableLabel(node, source)) + `">` + "\n")
	}
	status, err := r.table[east.KindTable](w, source, node, entering)
	if !entering {
		_, _ = w.WriteString("</div>\n")
	}
	return status, err
}

// tableLabel names a field's table by its column headings, since every scrolling region
// needs a name, and two regions with the same name confuse screen-reader users.
func tableLabel(table ast.Node, source []byte) string {
	var cols []string
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		if row.Kind() != east.KindTableHeader {
			continue
		}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if t := strings.TrimSpace(nodeText(cell, source)); t != "" {
				cols = append(cols, t)
			}
		}
	}
	label := "Table"
	if len(cols) > 0 {
		label += ": " + strings.Join(cols, ", ")
	}
	if r := []rune(label); len(r) > 80 {
		label = string(r[:79]) + "…"
	}
	return label
}

// sourceText is the source of a block's lines (with an HTML block's closing line) or of
// inline raw HTML.
func sourceText(n ast.Node, source []byte) string {
	var segs *text.Segments
	if r, ok := n.(*ast.RawHTML); ok {
		segs = r.Segments
	} else {
		segs = n.Lines()
	}
	raw := segs.Value(source)
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		raw = append(raw, h.ClosureLine.Value(source)...)
	}
	return string(raw)
}

// nodeText is the text inside n, without markup.
func nodeText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// funcCapture collects the render functions a NodeRenderer registers, so that an override
// can call the original.
type funcCapture map[ast.NodeKind]renderer.NodeRendererFunc

func (c funcCapture) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }

// engine is the one goldmark configuration every Markdown field goes through, built on
// first use; goldmark's parser and renderer are safe for concurrent use once built.
var engine = sync.OnceValue(func() goldmark.Markdown {
	table := funcCapture{}
	extension.NewTableHTMLRenderer(extension.WithTableCellAlignMethod(extension.TableCellAlignStyle)).RegisterFuncs(table)
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(
			parser.WithASTTransformers(util.Prioritized(safetyTransformer{}, 10000)),
		),
		goldmark.WithRendererOptions(
			// Lower numbers register last and win: these replace the defaults.
			renderer.WithNodeRenderers(util.Prioritized(&safeHTMLRenderer{table: table}, 1)),
		),
	)
})

// parse reads a field with its headings starting at base (0: as written).
func parse(src string, base int) (ast.Node, []byte) {
	source := []byte(src)
	ctx := parser.NewContext()
	ctx.Set(headingBaseKey, base)
	return engine().Parser().Parse(text.NewReader(source), parser.WithContext(ctx)), source
}

// HTML renders a Markdown field as safe HTML with its headings starting at level base.
func HTML(src string, base int) template.HTML {
	if blank(src) {
		return ""
	}
	doc, source := parse(src, base)
	var b bytes.Buffer
	if err := engine().Renderer().Render(&b, source, doc); err != nil {
		// Rendering into a buffer cannot fail but for a bug; show the text rather than
		// nothing.
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	return template.HTML(b.String())
}
