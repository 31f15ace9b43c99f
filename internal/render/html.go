package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"reflect"
	"strings"
	"sync"

	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/safemd"
	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/templates"
)

// Paths of the built-in report template and stylesheet inside templates.Render.
const (
	builtinTemplate = "render/report.html.tmpl"
	builtinCSS      = "render/report.css"
)

// builtinParts are the templates parsed into the built-in set besides the page, each
// defining parts the page calls.
var builtinParts = []string{"render/progress.html.tmpl"}

// TemplateName is the name under which the built-in template's page is defined; a custom
// template can execute it after redefining some of its parts.
const TemplateName = "report.html.tmpl"

// HTMLOptions are what the user adds to the HTML report, read by the caller.
type HTMLOptions struct {
	// Template replaces the built-in report.html.tmpl; nil keeps the built-in one.
	Template *Template
	// CSS is an extra stylesheet, inlined after the built-in one.
	CSS []byte
}

// Template is the source of an html/template, with the name errors give it (the file
// as the user typed it).
type Template struct {
	Name, Source string
}

// HTML writes the report as one self-contained HTML page: inline CSS and SVG, no
// script, nothing loaded from anywhere.
func HTML(w io.Writer, data *report.Data, opts HTMLOptions) error {
	css, err := fs.ReadFile(templates.Render, builtinCSS)
	if err != nil {
		return err
	}
	// A copy, so that the caller's data is left as it was and can be written again.
	d := *data
	d.CSS = template.CSS(string(css) + extraCSS(opts.CSS))
	t, name, err := reportTemplate(opts.Template)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, &d); err != nil {
		if opts.Template != nil {
			return &TemplateError{Name: opts.Template.Name, Err: err}
		}
		return fmt.Errorf("template %s: %w", builtinTemplate, err)
	}
	_, err = io.WriteString(w, replaceControlRefs(replaceControls(buf.String())))
	return err
}

// extraCSS prepares a stylesheet given with --css for a <style> element: a "<" can only
// matter there by ending the element ("</style>"), and CSS reads the escape \3c as the
// same character wherever one can legitimately appear (in a string or a selector).
func extraCSS(css []byte) string {
	if len(css) == 0 {
		return ""
	}
	return "\n/* --css */\n" + strings.ReplaceAll(string(css), "<", `\3c `)
}

// builtinSet is the embedded template set: master is never executed, so that custom
// templates can be cloned from it (html/template refuses to clone a template once it has
// run); runnable is the clone that runs the built-in report.
type builtinSet struct{ master, runnable *template.Template }

// builtin parses the embedded templates once; a bad one is a bug caught by tests.
var builtin = sync.OnceValues(func() (set builtinSet, err error) {
	set.master, err = template.New(TemplateName).Funcs(Funcs()).ParseFS(templates.Render, append([]string{builtinTemplate}, builtinParts...)...)
	if err == nil {
		set.runnable, err = set.master.Clone()
	}
	return set, err
})

// reportTemplate returns the template to execute and the name to execute. A custom
// template is parsed into a copy of the built-in set, so that it can call the built-in
// parts ({{template "stakeholders" .}}) or redefine some and execute the whole page.
func reportTemplate(custom *Template) (*template.Template, string, error) {
	base, err := builtin()
	if err != nil || custom == nil {
		return base.runnable, TemplateName, err
	}
	set, err := base.master.Clone()
	if err != nil {
		return nil, "", err
	}
	const name = "custom"
	if _, err := set.New(name).Parse(custom.Source); err != nil {
		return nil, "", &TemplateError{Name: custom.Name, Err: err}
	}
	return set, name, nil
}

// TemplateError is a custom template that does not parse or fails while running: bad
// input, not a bug.
type TemplateError struct {
	Name string
	Err  error
}

func (e *TemplateError) Error() string { return fmt.Sprintf("template %s: %v", e.Name, e.Err) }

func (e *TemplateError) Unwrap() error { return e.Err }

// Funcs are the functions the report templates may call, besides html/template's own.
// docs/render.md documents them for people writing their own template.
func Funcs() template.FuncMap {
	return template.FuncMap{
		// md renders a Markdown field safely, its headings starting at the given level.
		// It takes a MarkdownText field or, from .Plan, a plain string.
		"md": markdownHTML,
		// text escapes plain text, links web and email addresses and keeps line breaks.
		"text":       safemd.TextHTML,
		"join":       strings.Join,
		"capitalise": wording.Capitalise,
		"engagement": engagementChange,
		"footer":     footerText,
		"filled":     filled,
	}
}

// filled says which of the named fields any element of list (structs, or pointers to
// them) sets: {{$filled := filled .Objectives "Decision"}} … {{if $filled.Decision}}.
// A column no row fills is left out of a table, not printed empty, as in Markdown.
func filled(list any, fields ...string) (map[string]bool, error) {
	rows := reflect.ValueOf(list)
	if rows.Kind() != reflect.Slice {
		return nil, fmt.Errorf("filled: want a list, not %T", list)
	}
	out := make(map[string]bool, len(fields))
	for i := range rows.Len() {
		row := reflect.Indirect(rows.Index(i))
		if row.Kind() != reflect.Struct {
			return nil, fmt.Errorf("filled: want a list of records, not %T", list)
		}
		for _, name := range fields {
			v := row.FieldByName(name)
			if !v.IsValid() {
				return nil, fmt.Errorf("filled: %s has no field %s", row.Type(), name)
			}
			switch v.Kind() {
			case reflect.Slice, reflect.Map, reflect.String:
				out[name] = out[name] || v.Len() > 0
			default:
				out[name] = out[name] || !v.IsZero()
			}
		}
	}
	return out, nil
}

// markdownHTML renders a Markdown field for the md template function.
func markdownHTML(level int, src any) (template.HTML, error) {
	switch s := src.(type) {
	case report.MarkdownText:
		return safemd.HTML(string(s), level), nil
	case string:
		return safemd.HTML(s, level), nil
	case nil:
		return "", nil
	}
	return "", fmt.Errorf("md: want Markdown text, not %T", src)
}
