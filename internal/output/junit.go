package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/planascode/plan/internal/diag"
)

// JUnit is the format for CI systems that show test reports: each plan file with findings
// is a test suite and each rule that fired in it a test case, which fails when the rule
// found an error. Warnings and info are reported in the case's system-out without failing
// it, as they do not fail `plan check` either.
//
// Files without findings do not appear: the report carries only their number, not their
// names, so the testsuites element counts only the files that have something to say.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut *junitText     `xml:"system-out"`
}

type junitFailure struct {
	Message string
	Type    string
	Body    string
}

// MarshalXML writes the failure with its body as junitText, since struct marshalling
// would not use junitText for character data.
func (f junitFailure) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	start.Attr = []xml.Attr{
		{Name: xml.Name{Local: "message"}, Value: f.Message},
		{Name: xml.Name{Local: "type"}, Value: f.Type},
	}
	return junitText(f.Body).MarshalXML(e, start)
}

// junitText is element content written as it is: encoding/xml's struct marshalling
// escapes newlines in character data as "&#xA;", which is valid but unreadable in a file
// people open to see why a build failed.
type junitText string

// MarshalXML writes the text through EncodeToken, which escapes markup but keeps
// newlines.
func (t junitText) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if err := e.EncodeToken(xml.CharData(t)); err != nil {
		return err
	}
	return e.EncodeToken(start.End())
}

// Format writes the report as JUnit XML. Suites follow the order of the findings (by
// file, as they are sorted) and cases within a suite are sorted by rule id.
func (JUnit) Format(w io.Writer, r Report) error {
	out := junitSuites{Name: "plan check"}
	for _, fs := range groupByFile(r.Findings) {
		suite := junitSuite{Name: fs[0].File}
		byRule := map[string][]diag.Finding{}
		for _, f := range fs {
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
		for _, id := range slices.Sorted(maps.Keys(byRule)) {
			tc := junitCase{Name: id, Classname: suite.Name}
			var other []string
			for _, f := range byRule[id] {
				loc := fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
				if f.Severity == diag.Error {
					tc.Failures = append(tc.Failures, junitFailure{
						Message: f.Message,
						Type:    f.Severity.String(),
						Body:    loc + ": " + f.Message,
					})
					continue
				}
				other = append(other, loc+": "+f.Severity.String()+": "+f.Message)
			}
			if len(other) > 0 {
				t := junitText(strings.Join(other, "\n"))
				tc.SystemOut = &t
			}
			suite.Tests++
			// failures counts failed test cases, not failure elements, so that it never
			// exceeds tests.
			if len(tc.Failures) > 0 {
				suite.Failures++
			}
			suite.Cases = append(suite.Cases, tc)
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Suites = append(out.Suites, suite)
	}

	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// groupByFile groups findings by file in the order files first appear, so that a file
// gets one suite even if findings were not sorted.
func groupByFile(fs []diag.Finding) [][]diag.Finding {
	var groups [][]diag.Finding
	at := map[string]int{}
	for _, f := range fs {
		i, ok := at[f.File]
		if !ok {
			i = len(groups)
			at[f.File] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], f)
	}
	return groups
}
