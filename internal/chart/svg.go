package chart

import (
	"html/template"
	"strconv"
	"strings"
	"unicode"
)

// The charts are drawn as SVG in Go rather than by a script in the page: the report has
// no JavaScript, and a chart laid out here can be tested (every label has a box, and no
// two boxes overlap). Colours come from classes that report.css styles for light, dark
// and print; the presentation attributes written here are the fallback for a custom
// template that leaves the built-in stylesheet out.

// svgFont is the font stack the charts measure for. Liberation Sans has Arial's metrics,
// and Arial's are the table in textWidth.
const svgFont = `"Liberation Sans", Arial, Helvetica, sans-serif`

// widthSafety inflates the estimate so that a fallback font a little wider than Arial
// (DejaVu Sans is the widest common one) still fits inside a label's box.
const widthSafety = 1.18

// arialWidths are the advance widths of ASCII 32–126 in Arial, in thousandths of an em.
var arialWidths = [95]int{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
	278, 278, 584, 584, 584, 556, 1015, // : to @
	667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A-M
	722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N-Z
	278, 278, 278, 469, 556, 333, // [ to `
	556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a-m
	556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n-z
	334, 260, 334, 584, // { to ~
}

// textWidth estimates how wide s is at the given font size, erring on the wide side.
func textWidth(s string, size float64) float64 {
	var em float64
	for _, r := range s {
		switch {
		case r >= 32 && r <= 126:
			em += float64(arialWidths[r-32]) / 1000
		case unicode.Is(unicode.Mn, r):
			// A combining mark sits on the letter before it.
		case r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) ||
			unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r >= 0x1F000):
			em += 1.2
		case r < 0x0250:
			// Latin-1 and Latin Extended letters are about as wide as their base letters;
			// take a wide one.
			em += 0.72
		default:
			em += 1.0
		}
	}
	return em * size * widthSafety
}

const ellipsis = "…"

// fitText cuts s (at a word boundary when it can) so that it is at most max wide, ending
// it with "…" when it had to cut.
func fitText(s string, size, max float64) string {
	if textWidth(s, size) <= max {
		return s
	}
	runes := []rune(s)
	for n := len(runes) - 1; n > 0; n-- {
		cut := strings.TrimRight(string(runes[:n]), " ,;:-–—")
		if textWidth(cut+ellipsis, size) <= max {
			if i := strings.LastIndexByte(cut, ' '); i > len(cut)*2/3 {
				cut = strings.TrimRight(cut[:i], " ,;:-–—")
			}
			return cut + ellipsis
		}
	}
	return ellipsis
}

// svgWriter builds an SVG document; every attribute value and text is escaped.
type svgWriter struct {
	b             strings.Builder
	id            string
	width, height float64
	head          int // the end of the title and description in b
}

// num writes a coordinate with at most one decimal, which is all a chart needs and keeps
// the output small and stable.
func num(v float64) string {
	return strconv.FormatFloat(float64(int64(v*10+0.5*sign(v)))/10, 'f', -1, 64)
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// open writes a start tag; attrs are name, value pairs.
func (w *svgWriter) open(tag string, attrs ...string) {
	w.tag(tag, attrs, ">")
}

// empty writes an element with no content.
func (w *svgWriter) empty(tag string, attrs ...string) {
	w.tag(tag, attrs, "/>")
}

// tag writes "<tag" and its attributes, then end: ">" for a start tag, "/>" for an
// element with no content.
func (w *svgWriter) tag(tag string, attrs []string, end string) {
	w.b.WriteString("<" + tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b.WriteString(" " + attrs[i] + `="` + template.HTMLEscapeString(attrs[i+1]) + `"`)
	}
	w.b.WriteString(end)
}

func (w *svgWriter) close(tag string) { w.b.WriteString("</" + tag + ">") }

// text writes escaped character data.
func (w *svgWriter) text(s string) { w.b.WriteString(template.HTMLEscapeString(s)) }

func (w *svgWriter) nl() { w.b.WriteByte('\n') }

// element writes <tag attrs>text</tag>.
func (w *svgWriter) element(tag, text string, attrs ...string) {
	w.open(tag, attrs...)
	w.text(text)
	w.close(tag)
}

// start begins a chart: its root element's attributes are kept for html and file, which
// write it differently, and the body starts with the title and description that name
// the chart for assistive technology. id prefixes the ids of the title and description,
// which must be unique in the page.
func (w *svgWriter) start(id string, width, height float64, title, desc string) {
	w.id, w.width, w.height = id, width, height
	w.element("title", title, "id", id+"-title")
	w.nl()
	w.element("desc", desc, "id", id+"-desc")
	w.nl()
	w.head = w.b.Len()
}

// root writes the opening tag of the chart's svg element, with extra attributes first.
func (w *svgWriter) root(b *strings.Builder, extra ...string) {
	var r svgWriter
	r.open("svg", append(extra,
		"class", "chart "+w.id,
		"viewBox", "0 0 "+num(w.width)+" "+num(w.height),
		"width", num(w.width),
		"height", num(w.height),
		"role", "img",
		"aria-labelledby", w.id+"-title "+w.id+"-desc",
		"font-family", svgFont,
		"font-size", "12",
	)...)
	b.WriteString(r.b.String())
	b.WriteByte('\n')
}

// standaloneStyle is the style sheet of a chart written as a file of its own: the fonts
// the chart was measured for. Colours are the elements' own presentation attributes, the
// report's light scheme, on a white background so that the chart reads on any slide.
const standaloneStyle = `svg { font-family: ` + svgFont + `; font-size: 12px; }`

// chart finishes the chart, inline for the HTML report and as a file of its own.
func (w *svgWriter) chart(title, desc string) Chart {
	body := w.b.String()
	var inline strings.Builder
	w.root(&inline)
	inline.WriteString(body)
	inline.WriteString("</svg>")
	var file strings.Builder
	file.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.root(&file, "xmlns", "http://www.w3.org/2000/svg")
	file.WriteString(body[:w.head])
	file.WriteString("<style>" + template.HTMLEscapeString(standaloneStyle) + "</style>\n")
	file.WriteString(`<rect class="background" width="100%" height="100%" fill="#ffffff"/>` + "\n")
	file.WriteString(body[w.head:])
	file.WriteString("</svg>\n")
	return Chart{Title: title, Desc: desc, SVG: template.HTML(inline.String()), file: []byte(file.String())}
}

// Chart is an inline SVG chart with what assistive technology reads instead.
type Chart struct {
	Title string
	Desc  string
	SVG   template.HTML
	// file is the chart as an SVG file of its own; see Standalone.
	file []byte
}

// Standalone is the chart as an SVG file of its own, for slides and documents: an XML
// declaration, the SVG namespace, a viewBox, the chart's title and description, its
// fonts in a style element and a white background. It is nil for a zero Chart.
func (c Chart) Standalone() []byte { return c.file }

// widest is how wide the widest of lines is at the given font size.
func widest(lines []string, size float64) float64 {
	w := 0.0
	for _, line := range lines {
		w = max(w, textWidth(line, size))
	}
	return w
}

// box is a label's rectangle, for the layouts and the tests that check no two labels
// overlap.
type box struct {
	X, Y, W, H float64
	Text       string
}

func (a box) overlaps(b box) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// wrapAll breaks s into lines no wider than max, at spaces where it can and inside a
// word only when the word alone is wider than a line (a long compound, or a script
// written without spaces). Nothing is cut: every character of s is on some line.
func wrapAll(s string, size, max float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && textWidth(line+" "+word, size) <= max {
			line += " " + word
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		line = word
		for textWidth(line, size) > max {
			runes := []rune(line)
			n := 1
			for n < len(runes) && textWidth(string(runes[:n+1]), size) <= max {
				n++
			}
			lines = append(lines, string(runes[:n]))
			line = string(runes[n:])
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
