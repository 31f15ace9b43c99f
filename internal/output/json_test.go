package output

import (
	"encoding/json"
	"testing"
)

func TestJSONGolden(t *testing.T) {
	golden(t, "json.golden", format(t, JSON{}, fixture()))
}

func TestJSONEmpty(t *testing.T) {
	got := string(format(t, JSON{}, Report{Files: 2}))
	const want = `{
  "version": 1,
  "files": 2,
  "summary": {
    "error": 0,
    "warning": 0,
    "info": 0
  },
  "findings": []
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestJSONRoundTrip checks the contract scripts rely on: messages survive unescaped
// characters intact and an unknown end is reported as the start.
func TestJSONRoundTrip(t *testing.T) {
	r := fixture()
	var got struct {
		Findings []struct {
			Line      int    `json:"line"`
			Column    int    `json:"column"`
			EndLine   int    `json:"end_line"`
			EndColumn int    `json:"end_column"`
			Message   string `json:"message"`
			Pointer   *string
		} `json:"findings"`
	}
	if err := json.Unmarshal(format(t, JSON{}, r), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != len(r.Findings) {
		t.Fatalf("%d findings, want %d", len(got.Findings), len(r.Findings))
	}
	for i, f := range got.Findings {
		want := r.Findings[i]
		if f.Message != want.Message {
			t.Errorf("finding %d: message %q, want %q", i, f.Message, want.Message)
		}
		if f.Pointer == nil {
			t.Errorf("finding %d: no pointer field", i)
		}
		if want.EndLine == 0 && (f.EndLine != f.Line || f.EndColumn != f.Column) {
			t.Errorf("finding %d: end %d:%d, want the start %d:%d", i, f.EndLine, f.EndColumn, f.Line, f.Column)
		}
	}
}
