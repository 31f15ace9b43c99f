package edit

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/planascode/plan/internal/plan"
)

var update = flag.Bool("update", false, "rewrite the after files of testdata/add/*.txtar")

// defaultStakeholder is what a golden case adds unless its stakeholder.json says
// otherwise.
var defaultStakeholder = Stakeholder{
	ID:            "parents-carers",
	Name:          "Parents & carers",
	Influence:     "medium",
	Impact:        "high",
	Participation: "consult",
	Current:       "unaware",
	Desired:       "supportive",
	Channels:      []string{"School newsletter", "Parents' evening, term 1"},
	Vulnerable:    true,
}

// defaultItems is what a golden case of another kind adds unless its item.json says
// otherwise.
var defaultItems = map[*Kind]map[string]any{
	Objectives:        {"id": "hear-everyone", "statement": "Hear from every year group.", "measurable": "Responses from 5 year groups of 5", "assignable": "engagement_lead", "time_related": "2027-06-30"},
	Activities:        {"id": "launch-webinar", "name": "Launch webinar", "kind": "webinar", "audience": []string{"parents"}, "phase": "launch", "date": "2027-03-01", "feedback": true},
	Risks:             {"id": "low-turnout", "description": "Few parents come to the evening sessions.", "likelihood": "medium", "impact": "high", "mitigation": "Offer an online session too.", "owner": "engagement_lead"},
	Decisions:         {"id": "uniform-policy", "question": "Which uniform policy do we adopt?", "phase": "launch", "decision_maker": "sro", "open": []string{"Colours", "Suppliers"}, "non_negotiable": []string{"Cost cap"}, "report_back": "2027-Q2"},
	Phases:            {"id": "consultation", "kind": "engagement", "name": "Consultation", "start": "2027-03-01", "weeks": 6, "activities": []string{"Survey", "Drop-in sessions"}, "round": 1},
	Measures:          {"id": "responses", "metric": "Survey responses", "target": "500", "method": "Survey tool count", "objective": "hear-everyone"},
	Changes:           {"date": "2027-06-20", "version": "1.1", "summary": "Consultation extended to 2 July.", "reason": "Two sessions were postponed."},
	Disclosures:       {"id": "draft-plan", "document": "Draft engagement plan", "date": "2027-02-01", "where": []string{"https://example.org/plan"}, "languages": []string{"English"}, "comment_days": 28, "informs": "launch"},
	GrievanceChannels: {"name": "Free hotline 1800 000 000", "anonymous": true, "free": true, "languages": []string{"English", "Pijin"}},
	GrievanceTiers:    {"name": "Site office", "handled_by": "community_liaison_officer", "acknowledge_days": 2, "resolve_days": 14},
}

// TestGolden runs every testdata/add/*.txtar case. A case holds before.plan.yaml,
// after.plan.yaml and optionally stakeholder.json, or for another kind (a comment line
// "kind: phase") item.json; its comment may hold a line
// "flags: crlf bom nonewline" to turn the input into a CRLF file, give it a byte-order
// mark or drop its final newline (the golden file stays LF, with the newline, for
// readable diffs), and a line "deletes: N" for the bytes the edit may remove ("[]", "~").
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/add/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := readCase(t, ar)
			before := c.input()
			if _, err := plan.Parse("before.plan.yaml", before, plan.Options{}); err != nil {
				t.Fatalf("the input is not a valid plan: %v", err)
			}
			out, err := AddItem(before, c.item)
			if err != nil {
				t.Fatalf("AddItem: %v", err)
			}
			if _, err := plan.Parse("after.plan.yaml", out, plan.Options{}); err != nil {
				t.Fatalf("the result is not a valid plan: %v\n%s", err, out)
			}
			assertConfined(t, before, out, c.deletes, mark(c.item))
			got := c.normalise(t, out)
			if *update {
				c.setAfter(got)
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, c.after) {
				t.Errorf("after.plan.yaml differs (go test -update to accept):\n%s", UnifiedDiff("after.plan.yaml", c.after, got, 3))
			}
		})
	}
}

type goldenCase struct {
	ar                       *txtar.Archive
	before, after            []byte
	item                     Item
	crlf, cr, bom, nonewline bool
	deletes                  int
}

func readCase(t testing.TB, ar *txtar.Archive) *goldenCase {
	t.Helper()
	c := &goldenCase{ar: ar, item: defaultStakeholder.Item()}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		if rest, ok := strings.CutPrefix(line, "kind:"); ok {
			k := KindByNoun(strings.TrimSpace(rest))
			if k == nil {
				t.Fatalf("unknown kind %q", rest)
			}
			c.item = Item{Kind: k, Values: defaultItems[k]}
		}
		if rest, ok := strings.CutPrefix(line, "flags:"); ok {
			for _, f := range strings.Fields(rest) {
				switch f {
				case "crlf":
					c.crlf = true
				case "cr":
					c.cr = true
				case "bom":
					c.bom = true
				case "nonewline":
					c.nonewline = true
				default:
					t.Fatalf("unknown flag %q", f)
				}
			}
		}
		if rest, ok := strings.CutPrefix(line, "deletes:"); ok {
			if err := json.Unmarshal([]byte(strings.TrimSpace(rest)), &c.deletes); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, f := range ar.Files {
		switch f.Name {
		case "before.plan.yaml":
			c.before = f.Data
		case "after.plan.yaml":
			c.after = f.Data
		case "stakeholder.json":
			var s Stakeholder
			if err := json.Unmarshal(f.Data, &s); err != nil {
				t.Fatalf("stakeholder.json: %v", err)
			}
			c.item = s.Item()
		case "item.json":
			c.item.Values = itemValues(t, c.item.Kind, f.Data)
		default:
			t.Fatalf("unexpected file %q", f.Name)
		}
	}
	if c.before == nil {
		t.Fatal("no before.plan.yaml")
	}
	return c
}

// mark is what shows the new entry in a diff: its id, or for a kind without ids the key
// of its label, whose value may be quoted.
func mark(it Item) string {
	if id := it.ID(); id != "" {
		return id
	}
	return it.Kind.Label + ":"
}

// itemValues reads an entry's values from JSON, whose numbers are ints and whose arrays
// are lists of text.
func itemValues(t testing.TB, k *Kind, data []byte) map[string]any {
	t.Helper()
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("item.json: %v", err)
	}
	out := map[string]any{}
	for key, v := range raw {
		switch x := v.(type) {
		case float64:
			out[key] = int(x)
		case []any:
			l := make([]string, len(x))
			for i, s := range x {
				l[i], _ = s.(string)
			}
			out[key] = l
		default:
			out[key] = v
		}
	}
	return out
}

func (c *goldenCase) input() []byte {
	b := append([]byte{}, c.before...)
	if c.nonewline {
		b = bytes.TrimSuffix(b, []byte("\n"))
	}
	if c.crlf {
		b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
	}
	if c.cr {
		b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r"))
	}
	if c.bom {
		b = append([]byte("\xef\xbb\xbf"), b...)
	}
	return b
}

// normalise checks what the flags promise of the output and undoes them.
func (c *goldenCase) normalise(t *testing.T, out []byte) []byte {
	t.Helper()
	if c.bom {
		if !bytes.HasPrefix(out, []byte("\xef\xbb\xbf")) {
			t.Error("the byte-order mark was lost")
		}
		out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
	}
	if c.crlf {
		if n, m := bytes.Count(out, []byte("\n")), bytes.Count(out, []byte("\r\n")); n != m {
			t.Errorf("%d of %d line endings are not CRLF", n-m, n)
		}
		out = bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n"))
	}
	if c.cr {
		if n := bytes.Count(out, []byte("\n")); n > 0 {
			t.Errorf("%d line endings are LF in a file whose lines end in CR", n)
		}
		out = bytes.ReplaceAll(out, []byte("\r"), []byte("\n"))
	}
	if c.nonewline {
		if bytes.HasSuffix(out, []byte("\n")) {
			t.Error("a final newline was added")
		}
		out = append(out, '\n')
	}
	return out
}

func (c *goldenCase) setAfter(data []byte) {
	for i := range c.ar.Files {
		if c.ar.Files[i].Name == "after.plan.yaml" {
			c.ar.Files[i].Data = data
			return
		}
	}
	c.ar.Files = append(c.ar.Files, txtar.File{Name: "after.plan.yaml", Data: data})
}

// assertConfined checks that out differs from before only inside one region holding the
// new entry (its label, or id, shows): the bytes before it and after it are identical, and within it at most
// deletes bytes of the original are gone (the "[]" or "~" an empty list is written as).
func assertConfined(t testing.TB, before, out []byte, deletes int, label string) {
	t.Helper()
	oldMid, newMid := changedRegion(before, out)
	if lost := len(oldMid) - lcs(oldMid, newMid); lost > deletes {
		t.Errorf("the edit removed %d bytes of the original (%q), want at most %d", lost, oldMid, deletes)
	}
	if !bytes.Contains(newMid, []byte(label)) {
		t.Errorf("the changed region %q does not hold the new entry's %q", newMid, label)
	}
}

// changedRegion strips the longest common prefix and then the longest common suffix.
func changedRegion(a, b []byte) (oldMid, newMid []byte) {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	return a[p : len(a)-s], b[p : len(b)-s]
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b []byte) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
