package timeline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/plan"
)

func TestMermaidText(t *testing.T) {
	for in, want := range map[string]string{
		"Planning":                       "Planning",
		"Launch: what changes":           "Launch – what changes",
		"Meet at 10:30":                  "Meet at 10∶30",
		"Phase #2":                       "Phase 2",
		"50%% off":                       "50% off",
		"two\nlines\tand  spaces":        "two lines and spaces",
		"Call centre opens":              "“Call centre opens”",
		"click here":                     "“click here”",
		"Section heads":                  "“Section heads”",
		"Gantt review":                   "“Gantt review”",
		"Ganttry":                        "Ganttry",
		"2027-03-01 review":              "“2027-03-01 review”",
		"5% more":                        "“5% more”",
		"% of residents":                 "％ of residents",
		"%% hidden":                      "％ hidden",
		`"quoted"`:                       `“"quoted"”`,
		"Title of the thing":             "“Title of the thing”",
		"Titles":                         "Titles",
		"Report back: adopt it; or not?": "Report back – adopt it; or not?",
		"\ufeffexcludes weekends":        "“excludes weekends”",
		"Section":                        "“Section”",
		"Title":                          "“Title”",
		"Excludes":                       "“Excludes”",
		"Includes":                       "“Includes”",
		"Click":                          "“Click”",
		"weekend ":                       "“weekend”",
	} {
		if got := mermaidText(in); got != want {
			t.Errorf("mermaidText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMermaidTagsTooShortAndOpen(t *testing.T) {
	s := &Schedule{
		Title: "T",
		Phases: []Phase{
			{Key: "phase-e", ID: "e", Name: "Engagement", Start: plan.MustDate("2027-03-01"), End: plan.MustDate("2027-03-14"), Days: 14, Minimum: 28, Status: StatusTooShort},
			{Key: "phase-o", ID: "o", Name: "Ongoing", Start: plan.MustDate("2027-03-15"), Status: StatusOpen},
		},
	}
	var b bytes.Buffer
	if err := WriteMermaid(&b, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"    Engagement (too short, 2w of a 4w minimum) :crit, phase-e, 2027-03-01, 2027-03-14\n",
		// Open-ended: drawn for two weeks, the least a chart gives it.
		"    Ongoing (open-ended) :phase-o, 2027-03-15, 2027-03-28\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the diagram lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "section Milestones") {
		t.Error("a schedule without milestones needs no milestone section")
	}
}
