package output

import (
	"encoding/json"
	"io"

	"github.com/planascode/plan/internal/diag"
)

// JSON is the format for scripts. Its shape is a contract: "version" changes only when a
// field is removed or changes meaning, and every field is always present so that jq
// filters need no defaults.
type JSON struct{}

// jsonVersion is the version of the JSON shape, not of the tool.
const jsonVersion = 1

type jsonReport struct {
	Version  int           `json:"version"`
	Files    int           `json:"files"`
	Summary  jsonSummary   `json:"summary"`
	Findings []jsonFinding `json:"findings"`
}

type jsonSummary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

type jsonFinding struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Pointer   string `json:"pointer"`
}

// Format writes the report as one indented JSON object and a newline.
func (JSON) Format(w io.Writer, r Report) error {
	s := diag.Summarize(r.Findings)
	out := jsonReport{
		Version:  jsonVersion,
		Files:    r.Files,
		Summary:  jsonSummary{Error: s.Errors, Warning: s.Warnings, Info: s.Infos},
		Findings: make([]jsonFinding, 0, len(r.Findings)), // [] rather than null when empty
	}
	for _, f := range r.Findings {
		line, col, endLine, endCol := span(f)
		out.Findings = append(out.Findings, jsonFinding{
			File:      f.File,
			Line:      line,
			Column:    col,
			EndLine:   endLine,
			EndColumn: endCol,
			Rule:      f.Rule,
			Severity:  f.Severity.String(),
			Message:   f.Message,
			Pointer:   f.Pointer,
		})
	}
	return encodeJSON(w, out)
}

// encodeJSON writes v with two-space indentation and a trailing newline. HTML escaping is
// off because the output is read by programs and people, never embedded in a page, and
// "\u003c" for "<" helps neither.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
