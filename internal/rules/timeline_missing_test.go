package rules

import "testing"

func TestTimelineMissing(t *testing.T) {
	runRuleCases(t, timelineMissing(), []ruleCase{
		{
			name: "a phase is listed",
			yaml: planHead + "timeline:\n  phases:\n    - {id: p, kind: planning}\n",
		},
		{
			name: "no timeline section",
			yaml: planHead,
			want: []string{`1:1 error the plan has no timeline phases: add timeline.phases`},
		},
		{
			name: "timeline with a start but no phases points at timeline key",
			yaml: planHead + "summary: S\ntimeline:\n  start: 2027-01-04\n",
			want: []string{`4:1 error the plan has no timeline phases`},
		},
		{
			name: "empty phases list, at its key",
			yaml: planHead + "timeline:\n  phases: []\n",
			want: []string{`4:3 error the plan has no timeline phases`},
		},
		{
			name: "empty phases key",
			yaml: planHead + "timeline:\n  phases:\n",
			want: []string{`3:1 error the plan has no timeline phases`},
		},
		{
			name: "empty timeline key",
			yaml: planHead + "timeline:\n",
			want: []string{`1:1 error the plan has no timeline phases`},
		},
	})
}
