package htmlcheck

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

// TestNuHtmlChecker is the validator half of issue #6's "done when": the Nu Html
// Checker, the W3C's own, reports no error on the HTML of any example.
func TestNuHtmlChecker(t *testing.T) {
	pages := renderExamples(t)
	vnu := needVnu(t)
	var paths []string
	for _, p := range pages {
		paths = append(paths, p.path)
	}
	msgs := runVnu(t, vnu, paths...)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			for _, m := range msgs[p.path] {
				t.Errorf("%s", m)
			}
		})
	}
}

// TestNuHtmlCheckerCatchesProblems checks the check: it must report the sample's
// deliberate error, and nothing on the clean sample.
func TestNuHtmlCheckerCatchesProblems(t *testing.T) {
	vnu := needVnu(t)
	bad, good := filepath.Join("testdata", "sample-bad.html"), filepath.Join("testdata", "sample-good.html")
	msgs := runVnu(t, vnu, bad, good)
	found := false
	for _, m := range msgs[bad] {
		t.Logf("found as it should: %s", m)
		found = found || strings.Contains(m, "deliberate-bogus")
	}
	if !found {
		t.Errorf("the Nu Html Checker missed the attribute deliberate-bogus in %s", bad)
	}
	for _, m := range msgs[good] {
		t.Errorf("false alarm on the clean sample: %s", m)
	}
}

// needVnu returns the command that runs the Nu Html Checker, or skips.
func needVnu(t *testing.T) []string {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		unavailable(t, "Java is not installed: run "+aptSetup)
	}
	return []string{java, "-jar", npmFile(t, "vnu-jar", filepath.Join("build", "dist", "vnu.jar"))}
}

// vnuMessage is one message of vnu's JSON output.
type vnuMessage struct {
	Type         string `json:"type"`
	SubType      string `json:"subType"`
	URL          string `json:"url"`
	LastLine     int    `json:"lastLine"`
	FirstColumn  int    `json:"firstColumn"`
	LastColumn   int    `json:"lastColumn"`
	Message      string `json:"message"`
	Extract      string `json:"extract"`
	HiliteStart  int    `json:"hiliteStart"`
	HiliteLength int    `json:"hiliteLength"`
}

// runVnu checks the files in one run of the JVM and returns the errors for each
// file, keyed by the path as given.
func runVnu(t *testing.T, vnu []string, paths ...string) map[string][]string {
	t.Helper()
	byURL := map[string]string{}
	args := append(vnu[1:len(vnu):len(vnu)], "--errors-only", "--format", "json")
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		byURL["file:"+filepath.ToSlash(abs)] = p
		args = append(args, abs)
	}
	ctx, cancel := testenv.Context(t, context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, vnu[0], args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it reports an error; the JSON says which
	var out struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &out); err != nil {
		t.Fatalf("%s: %v; its output is not JSON (%v):\n%s%s", strings.Join(cmd.Args, " "), runErr, err, stdout.String(), stderr.String())
	}
	msgs := map[string][]string{}
	for _, m := range out.Messages {
		// --errors-only leaves errors, fatal errors and non-document errors (a
		// file it could not read); all are failures.
		if m.Type == "info" {
			continue
		}
		p, ok := byURL[m.URL]
		if !ok {
			t.Errorf("vnu: a message about %s, which was not checked: %s", m.URL, m.Message)
			continue
		}
		msgs[p] = append(msgs[p], m.String())
	}
	if runErr != nil && len(msgs) == 0 {
		t.Fatalf("%s: %v, and it reported no error:\n%s", strings.Join(cmd.Args, " "), runErr, stderr.String())
	}
	return msgs
}

func (m vnuMessage) String() string {
	kind := m.Type
	if m.SubType != "" {
		kind += " (" + m.SubType + ")"
	}
	s := fmt.Sprintf("line %d, column %d: %s: %s", m.LastLine, m.FirstColumn, kind, m.Message)
	if m.Extract != "" {
		s += fmt.Sprintf("\n    in: %q", m.Extract)
	}
	return s
}
