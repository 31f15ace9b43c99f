package output

import (
	"bytes"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/diag"
)

func TestGitHubGolden(t *testing.T) {
	golden(t, "github.golden", format(t, GitHub{}, fixture()))
}

func TestWorkflowCommand(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    diag.Finding
		want string
	}{
		{"error on one line",
			diag.Finding{File: "a.yaml", Line: 3, Col: 5, EndLine: 3, EndCol: 9, Rule: "schema", Severity: diag.Error, Message: "bad"},
			"::error file=a.yaml,line=3,col=5,endLine=3,endColumn=9,title=schema::bad"},
		{"unknown end is the start",
			diag.Finding{File: "a.yaml", Line: 3, Col: 5, Rule: "r", Severity: diag.Warning, Message: "w"},
			"::warning file=a.yaml,line=3,col=5,endLine=3,endColumn=5,title=r::w"},
		{"info is a notice and spans lines without columns",
			diag.Finding{File: "a.yaml", Line: 3, Col: 5, EndLine: 6, EndCol: 2, Rule: "r", Severity: diag.Info, Message: "i"},
			"::notice file=a.yaml,line=3,endLine=6,title=r::i"},
		{"message and properties are escaped",
			diag.Finding{File: "dir, with: 100%.yaml", Line: 1, Col: 1, Rule: "r", Severity: diag.Error,
				Message: "50% of: a, b\r\nnext"},
			"::error file=dir%2C with%3A 100%25.yaml,line=1,col=1,endLine=1,endColumn=1,title=r::50%25 of: a, b%0D%0Anext"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := workflowCommand(tc.f, tc.f.File); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestGitHubPathsRelativeToBase(t *testing.T) {
	r := Report{Files: 1, BaseDir: "/work/repo", Findings: []diag.Finding{
		{File: "/work/repo/plans/a.yaml", Line: 1, Col: 1, Rule: "r", Severity: diag.Error, Message: "m"}}}
	got := string(format(t, GitHub{}, r))
	if !strings.HasPrefix(got, "::error file=plans/a.yaml,") {
		t.Errorf("got %q, want the path relative to BaseDir", got)
	}
}

// summary runs StepSummary and fails the test on error.
func summary(t *testing.T, r Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := StepSummary(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGitHubStepSummary(t *testing.T) {
	r := fixture()
	r.Findings = append(r.Findings, diag.Finding{File: "pipes|and\\slashes.yaml", Line: 2, Col: 1, Rule: "r",
		Severity: diag.Info, Message: `a \| b | c`})
	// The golden file is a summary appended after an earlier step's, as plan check writes it.
	golden(t, "github_step_summary.golden", append([]byte("earlier step output\n"), summary(t, r)...))
}

func TestGitHubStepSummaryNoFindings(t *testing.T) {
	if got, want := string(summary(t, Report{Files: 2})), "## plan check\n\nno problems in 2 files\n"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

func TestGitHubStepSummaryRowLimit(t *testing.T) {
	r := Report{Files: 1}
	for i := range maxSummaryRows + 5 {
		r.Findings = append(r.Findings, diag.Finding{File: "a.yaml", Line: i + 1, Col: 1, Rule: "r", Severity: diag.Info, Message: "m"})
	}
	got := summary(t, r)
	if rows := strings.Count(string(got), "\n| a.yaml |"); rows != maxSummaryRows {
		t.Errorf("%d rows, want %d", rows, maxSummaryRows)
	}
	if !strings.HasSuffix(string(got), "\n5 more findings are not shown.\n") {
		t.Errorf("no note of the rows left out:\n%s", got[len(got)-100:])
	}
	r.Findings = r.Findings[:maxSummaryRows+1]
	if got := summary(t, r); !strings.HasSuffix(string(got), "\n1 more finding is not shown.\n") {
		t.Errorf("one row left out:\n%s", got[len(got)-100:])
	}
}

func TestMarkdownCell(t *testing.T) {
	for in, want := range map[string]string{
		"plain":      "plain",
		"a | b":      `a \| b`,
		`a \| b`:     `a \\\| b`,
		"<b>&</b>":   "&lt;b&gt;&amp;&lt;/b&gt;",
		"one\ntwo":   "one<br>two",
		"one\r\ntwo": "one<br>two",
	} {
		if got := markdownCell(in); got != want {
			t.Errorf("markdownCell(%q) = %q, want %q", in, got, want)
		}
	}
}
