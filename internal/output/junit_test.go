package output

import (
	"encoding/xml"
	"testing"

	"github.com/planascode/plan/internal/diag"
)

func TestJUnitGolden(t *testing.T) {
	golden(t, "junit.golden", format(t, JUnit{}, fixture()))
}

func TestJUnitEmpty(t *testing.T) {
	got := string(format(t, JUnit{}, Report{Files: 3}))
	const want = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="plan check" tests="0" failures="0"></testsuites>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestJUnitParses reads the XML back, checking that escaping kept every message intact
// and that the counts add up.
func TestJUnitParses(t *testing.T) {
	r := fixture()
	r.Findings = append(r.Findings, diag.Finding{File: "z.yaml", Line: 1, Col: 1, Rule: "r", Severity: diag.Error,
		Message: "control \x1b char and ]]> end"})
	var got struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Suites   []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Cases    []struct {
				Name      string `xml:"name,attr"`
				Classname string `xml:"classname,attr"`
				Failures  []struct {
					Message string `xml:"message,attr"`
					Type    string `xml:"type,attr"`
					Body    string `xml:",chardata"`
				} `xml:"failure"`
				SystemOut string `xml:"system-out"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(format(t, JUnit{}, r), &got); err != nil {
		t.Fatal(err)
	}
	if got.Tests != 6 || got.Failures != 3 || len(got.Suites) != 3 {
		t.Fatalf("tests=%d failures=%d suites=%d, want 6, 3, 3", got.Tests, got.Failures, len(got.Suites))
	}
	south := got.Suites[1]
	if south.Name != "plans/south side.yaml" || south.Tests != 2 || south.Failures != 1 {
		t.Errorf("suite %+v", south)
	}
	cadence := south.Cases[0]
	if cadence.Name != "engagement-cadence" || cadence.Classname != south.Name || len(cadence.Failures) != 2 {
		t.Fatalf("case %+v", cadence)
	}
	if f := cadence.Failures[0]; f.Message != trickyMessage || f.Type != "error" ||
		f.Body != "plans/south side.yaml:2:7: "+trickyMessage {
		t.Errorf("failure %+v", f)
	}
	if out := south.Cases[1].SystemOut; out != `plans/south side.yaml:7:9: warning: role "content editor" has no one assigned` {
		t.Errorf("system-out %q", out)
	}
	if msg := got.Suites[2].Cases[0].Failures[0].Message; msg != "control \uFFFD char and ]]> end" {
		t.Errorf("message %q: a character XML cannot hold should become U+FFFD", msg)
	}
}
