package timeline

import (
	"encoding/json"
	"io"
)

// The JSON document. Unknown values are null rather than left out, so that a consumer
// can tell "no minimum for this kind" from a field it forgot to read.
type jsonSchedule struct {
	Plan       jsonPlan        `json:"plan"`
	Phases     []jsonPhase     `json:"phases"`
	Milestones []jsonMilestone `json:"milestones"`
	Verdict    string          `json:"verdict"`
}

type jsonPlan struct {
	Title string `json:"title"`
	File  string `json:"file"`
}

type jsonPhase struct {
	ID          string  `json:"id"`
	Kind        string  `json:"kind"`
	Name        string  `json:"name"`
	Start       *string `json:"start"`
	End         *string `json:"end"`
	Days        *int    `json:"days"`
	MinimumDays *int    `json:"minimum_days"`
	IdealDays   *int    `json:"ideal_days"`
	Status      Status  `json:"status"`
	// Reason says why an undated phase has no dates; null for the others.
	Reason *string `json:"reason"`
}

type jsonMilestone struct {
	Kind MilestoneKind `json:"kind"`
	ID   string        `json:"id"`
	Name string        `json:"name"`
	Date string        `json:"date"`
}

// WriteJSON writes the schedule as one indented JSON object. It leaves today out, so
// that the output of an unchanged plan does not change from one day to the next.
func WriteJSON(w io.Writer, s *Schedule) error {
	doc := jsonSchedule{
		Plan:       jsonPlan{Title: s.Title, File: s.File},
		Phases:     make([]jsonPhase, 0, len(s.Phases)),
		Milestones: make([]jsonMilestone, 0, len(s.Milestones)),
		Verdict:    s.Verdict(),
	}
	for _, p := range s.Phases {
		doc.Phases = append(doc.Phases, jsonPhase{
			ID: p.ID, Kind: p.Kind, Name: p.Name,
			Start: orNull(p.Start.String()), End: orNull(p.End.String()),
			Days: orNull(p.Days), MinimumDays: orNull(p.Minimum), IdealDays: orNull(p.Ideal),
			Status: p.Status, Reason: orNull(p.Reason),
		})
	}
	for _, m := range s.Milestones {
		doc.Milestones = append(doc.Milestones, jsonMilestone{Kind: m.Kind, ID: m.ID, Name: m.Name, Date: m.Date.String()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Names are shown by whatever reads the JSON, not embedded in HTML by us.
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// orNull is v, or null for its zero value ("" or 0): a value the plan does not give.
func orNull[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}
