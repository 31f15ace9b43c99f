package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

// These tests hand the golden ICS and Mermaid files to parsers that share no code with
// plan: ical.js and Mermaid itself, run by node from testdata/node_modules. Install them
// with: npm ci --prefix internal/timeline/testdata

// needNode returns the node binary, having checked that the npm package pkg is installed.
// Without them the test skips, except under CI, where a skip would let a broken calendar
// or diagram pass unseen.
func needNode(t *testing.T, pkg string) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		unavailable(t, "node is not installed")
	}
	if _, err := os.Stat(filepath.Join("testdata", "node_modules", pkg, "package.json")); err != nil {
		unavailable(t, fmt.Sprintf("the npm package %s is not installed: run npm ci --prefix internal/timeline/testdata", pkg))
	}
	return node
}

func unavailable(t *testing.T, why string) {
	t.Helper()
	testenv.Unavailable(t, why)
}

// runNode runs script on files and returns what it printed, or the error and its stderr.
func runNode(node, script string, files ...string) ([]byte, error) {
	cmd := exec.Command(node, append([]string{filepath.Join("testdata", script)}, files...)...)
	// Mermaid reads dates in the local time zone; UTC keeps every day whole.
	cmd.Env = append(os.Environ(), "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node %s: %v\n%s", script, err, stderr.String())
	}
	return out, nil
}

// parseGoldens runs script once on the golden file with extension ext of every golden
// plan (starting node and Mermaid once is most of the time) and decodes its result for
// each file into a fresh *T.
func parseGoldens[T any](t *testing.T, node, script, ext string) map[string]*T {
	t.Helper()
	var files []string
	for _, gp := range goldenPlans {
		files = append(files, filepath.Join("testdata", "golden", gp.name+"."+ext))
	}
	out, err := runNode(node, script, files...)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatalf("%s printed %q: %v", script, out, err)
	}
	results := map[string]*T{}
	for i, gp := range goldenPlans {
		var v T
		if err := json.Unmarshal(raw[files[i]], &v); err != nil {
			t.Fatalf("%s on %s: %v", script, files[i], err)
		}
		results[gp.name] = &v
	}
	return results
}

type icalEvent struct {
	UID     string `json:"uid"`
	Summary string `json:"summary"`
	Start   string `json:"start"`
	End     string `json:"end"`
}

func TestICSParsesWithIcalJS(t *testing.T) {
	node := needNode(t, "ical.js")
	type calendar struct {
		Name   string      `json:"name"`
		Events []icalEvent `json:"events"`
	}
	results := parseGoldens[calendar](t, node, "check_ics.mjs", "ics")
	for _, gp := range goldenPlans {
		t.Run(gp.name, func(t *testing.T) {
			s := build(t, gp)
			got := results[gp.name]
			if got.Name != s.Title {
				t.Errorf("ical.js read the calendar name %q, want %q", got.Name, s.Title)
			}
			want := expectedEvents(s)
			if len(got.Events) != len(want) {
				t.Fatalf("ical.js read %d events, want %d", len(got.Events), len(want))
			}
			for i := range want {
				if got.Events[i] != want[i] {
					t.Errorf("event %d: ical.js read %+v, want %+v", i, got.Events[i], want[i])
				}
			}
		})
	}
}

// expectedEvents is what a calendar should hold for s, written from the schedule rather
// than from the ICS writer, so that the two have to agree: the dates of each phase, with
// the exclusive end RFC 5545 asks for, and the milestones' days.
func expectedEvents(s *Schedule) []icalEvent {
	domain := "@" + uidDomain(s) + ".plan"
	var out []icalEvent
	for _, p := range s.Phases {
		switch {
		case p.Open():
			out = append(out, icalEvent{p.Key + domain, p.Name + " begins (open-ended)", p.Start.String(), p.Start.AddDays(1).String()})
		case p.Dated():
			out = append(out, icalEvent{p.Key + domain, p.Name, p.Start.String(), p.End.AddDays(1).String()})
		}
	}
	for _, m := range s.Milestones {
		out = append(out, icalEvent{m.Key + domain, m.Name, m.Date.String(), m.Date.AddDays(1).String()})
	}
	return out
}

type mermaidTask struct {
	ID           string `json:"id"`
	Text         string `json:"text"`
	Start        string `json:"start"`
	EndExclusive string `json:"end_exclusive"`
	Milestone    bool   `json:"milestone"`
	Crit         bool   `json:"crit"`
}

func TestMermaidParses(t *testing.T) {
	node := needNode(t, "mermaid")
	type diagram struct {
		Title     string        `json:"title"`
		Inclusive bool          `json:"inclusive_end_dates"`
		Tasks     []mermaidTask `json:"tasks"`
	}
	results := parseGoldens[diagram](t, node, "check_mermaid.mjs", "mmd")
	for _, gp := range goldenPlans {
		t.Run(gp.name, func(t *testing.T) {
			s := build(t, gp)
			path := filepath.Join("testdata", "golden", gp.name+".mmd")
			got := results[gp.name]
			if got.Title != mermaidTitle(s.Title) || !got.Inclusive {
				t.Errorf("Mermaid read title %q and inclusive end dates %v; want %q and true", got.Title, got.Inclusive, mermaidTitle(s.Title))
			}
			written := writtenTexts(t, path)
			want := expectedTasks(s)
			if len(got.Tasks) != len(want) {
				t.Fatalf("Mermaid read %d tasks, want %d: %+v", len(got.Tasks), len(want), got.Tasks)
			}
			for i, w := range want {
				// The text is what the writer put before the colon: Mermaid must have split
				// the line exactly there, or the id and dates would not match either.
				w.Text = written[w.ID]
				if got.Tasks[i] != w {
					t.Errorf("task %d: Mermaid read %+v, want %+v", i, got.Tasks[i], w)
				}
			}
		})
	}
}

// expectedTasks is what the diagram should hold for s, from the schedule: inclusive phase
// dates (an open-ended phase drawn to the end of the chart), crit for a too-short phase,
// and zero-length milestones.
func expectedTasks(s *Schedule) []mermaidTask {
	_, chartEnd := s.Extent()
	var out []mermaidTask
	for _, p := range s.Phases {
		if p.Start.IsZero() {
			continue
		}
		end := p.End
		if p.Open() {
			end = chartEnd
		}
		out = append(out, mermaidTask{ID: p.Key, Start: p.Start.String(), EndExclusive: end.AddDays(1).String(), Crit: p.Status == StatusTooShort})
	}
	for _, m := range s.Milestones {
		out = append(out, mermaidTask{ID: m.Key, Start: m.Date.String(), EndExclusive: m.Date.String(), Milestone: true})
	}
	return out
}

// writtenTexts maps each task id in a diagram to the text written before its colon.
func writtenTexts(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		text, taskData, ok := strings.Cut(line, " :")
		if !ok {
			continue
		}
		fields := strings.Split(taskData, ", ")
		for _, f := range fields {
			if strings.HasPrefix(f, "phase-") || strings.HasPrefix(f, "decision-") || strings.HasPrefix(f, "activity-") || strings.HasPrefix(f, "objective-") {
				texts[f] = strings.TrimSpace(text)
			}
		}
	}
	return texts
}

// TestParsersReject makes sure the checkers are not vacuous: each must fail on a file
// that is broken in the way its parser can see.
func TestParsersReject(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		pkg, script, file, text string
	}{
		{"ical.js", "check_ics.mjs", "broken.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VCALENDAR\r\n"},
		{"ical.js", "check_ics.mjs", "no-dtstamp.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270302\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"},
		{"mermaid", "check_mermaid.mjs", "broken.mmd", "gantt\n    dateFormat YYYY-MM-DD\n    click me :a, 2027-03-01, 2027-03-02\n"},
		{"mermaid", "check_mermaid.mjs", "not-gantt.mmd", "flowchart LR\n    a --> b\n"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			t.Parallel()
			node := needNode(t, tc.pkg)
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := runNode(node, tc.script, path); err == nil {
				t.Errorf("%s accepted %s:\n%s", tc.script, tc.file, out)
			}
		})
	}
}
