package diff

import (
	"encoding/json"
	"io"

	"github.com/planascode/plan/internal/diag"
)

// The JSON document of plan diff --format json; docs/diff.md describes every field, and
// a field once published keeps its name and meaning. Absent values are null, lists are
// never null, and every section is present, empty when nothing changed in it.
type jsonDiff struct {
	File     string       `json:"file"`
	Old      jsonSide     `json:"old"`
	New      jsonSide     `json:"new"`
	Changed  bool         `json:"changed"`
	Plan     []jsonField  `json:"plan"`
	Sections jsonSections `json:"sections"`
	Findings jsonFindings `json:"findings"`
}

type jsonSide struct {
	Rev       *string       `json:"rev"`
	Commit    *string       `json:"commit"`
	MergeBase bool          `json:"merge_base"`
	Exists    bool          `json:"exists"`
	Version   *string       `json:"version"`
	Approval  *jsonApproval `json:"approval"`
}

type jsonApproval struct {
	By      string  `json:"by"`
	Role    *string `json:"role"`
	Version string  `json:"version"`
	Date    *string `json:"date"`
	Commit  *string `json:"commit"`
}

type jsonSections struct {
	Stakeholders []jsonItem `json:"stakeholders"`
	Phases       []jsonItem `json:"phases"`
	Objectives   []jsonItem `json:"objectives"`
	Decisions    []jsonItem `json:"decisions"`
	Activities   []jsonItem `json:"activities"`
	Measures     []jsonItem `json:"measures"`
	Roles        []jsonItem `json:"roles"`
	Budget       []jsonItem `json:"budget"`
}

type jsonItem struct {
	Change Change      `json:"change"`
	ID     string      `json:"id"`
	Name   *string     `json:"name"`
	Fields []jsonField `json:"fields"`
	Length *jsonLength `json:"length,omitempty"`
}

type jsonField struct {
	Field string  `json:"field"`
	Old   *string `json:"old"`
	New   *string `json:"new"`
}

type jsonLength struct {
	OldDays     *int `json:"old_days"`
	NewDays     *int `json:"new_days"`
	MinimumDays *int `json:"minimum_days"`
	TooShort    bool `json:"too_short"`
}

type jsonFindings struct {
	New   []jsonFinding `json:"new"`
	Fixed []jsonFinding `json:"fixed"`
}

type jsonFinding struct {
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

// WriteJSON writes the diff as one JSON document (see docs/diff.md).
func WriteJSON(w io.Writer, d *Diff) error {
	doc := jsonDiff{
		File:     d.File,
		Old:      side(d.Old),
		New:      side(d.New),
		Changed:  !d.Empty(),
		Plan:     fields(d.Plan),
		Findings: jsonFindings{New: findings(d.Findings.New), Fixed: findings(d.Findings.Fixed)},
	}
	slots := map[string]*[]jsonItem{
		"stakeholders": &doc.Sections.Stakeholders, "phases": &doc.Sections.Phases,
		"objectives": &doc.Sections.Objectives, "decisions": &doc.Sections.Decisions,
		"activities": &doc.Sections.Activities, "measures": &doc.Sections.Measures,
		"roles": &doc.Sections.Roles, "budget": &doc.Sections.Budget,
	}
	for _, slot := range slots {
		*slot = []jsonItem{}
	}
	for _, s := range d.Sections {
		slot, ok := slots[s.Key]
		if !ok {
			continue
		}
		for _, it := range s.Items {
			ji := jsonItem{Change: it.Change, ID: it.ID, Name: orNull(it.Name), Fields: fields(it.Fields)}
			if l := it.Length; l != nil {
				ji.Length = &jsonLength{OldDays: orNull(l.OldDays), NewDays: orNull(l.NewDays), MinimumDays: orNull(l.MinimumDays), TooShort: l.TooShort()}
			}
			*slot = append(*slot, ji)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Names are shown by whatever reads the JSON, not embedded in HTML by us.
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func side(s Side) jsonSide {
	out := jsonSide{Rev: orNull(s.Rev), Commit: orNull(s.Commit), MergeBase: s.MergeBase, Exists: !s.Missing, Version: orNull(s.Version)}
	if a := s.Approval; a != nil {
		out.Approval = &jsonApproval{By: a.By, Role: orNull(a.Role), Version: a.Version, Date: orNull(a.Date.String()), Commit: orNull(a.Commit)}
	}
	return out
}

func fields(fs []Field) []jsonField {
	out := make([]jsonField, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonField{Field: f.Name, Old: orNull(f.Old), New: orNull(f.New)})
	}
	return out
}

func findings(fs []diag.Finding) []jsonFinding {
	out := make([]jsonFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonFinding{Line: f.Line, Column: f.Col, Severity: f.Severity.String(), Rule: f.Rule, Message: f.Message})
	}
	return out
}

// orNull is v, or null for its zero value ("" or 0): a value the plan does not give.
func orNull[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}
