package edit

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

// diffCases are pairs of files whose unified diffs must read as GNU diff writes them:
// changes far apart and close together, at the ends, around repeated lines whose place
// is ambiguous, and without a final newline.
var diffCases = []struct{ name, old, new string }{
	{"one insertion", "a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nd\nX\nY\ne\nf\ng\n"},
	{"one line replaced", "a\nb\nc\n", "a\nB\nc\n"},
	{"into an empty file", "", "x\n"},
	{"to an empty file", "x\ny\n", ""},
	{"two hunks", lines(1, 20), replace(lines(1, 20), map[int]string{3: "three", 17: "seventeen"})},
	{"gap of exactly six merges", lines(1, 20), replace(lines(1, 20), map[int]string{5: "five", 12: "twelve"})},
	{"gap of seven splits", lines(1, 20), replace(lines(1, 20), map[int]string{5: "five", 13: "thirteen"})},
	{"three hunks", lines(1, 40), replace(lines(1, 40), map[int]string{2: "", 20: "twenty", 39: ""})},
	{"first and last lines", lines(1, 12), replace(lines(1, 12), map[int]string{1: "one", 12: "twelve"})},
	{"removals with references", removalOld, removalNew},
	{"repeated blank lines", "a\n\n\nb\n\n\nc\n", "a\n\nb\n\n\nc\n"},
	{"repeated entries", "- x\n- x\n- x\ny\n", "- x\n- x\n- x\n- x\ny\n"},
	{"swap", "a\nb\n", "b\na\n"},
	{"no final newline", "a\nb\nc", "a\nB\nc"},
	{"newline added at the end", "a\nb", "a\nb\n"},
	{"CRLF", "a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"},
	{"everything changed", "a\nb\nc\n", "x\ny\n"},
	{"interleaved", lines(1, 10), "1\nx\n3\ny\n5\nz\n7\n8\n9\n10\nw\n"},
}

func lines(from, to int) string {
	var b strings.Builder
	for i := from; i <= to; i++ {
		b.WriteString(strconv.Itoa(i) + "\n")
	}
	return b.String()
}

// replace swaps the lines numbered as keys (from 1) for the values; "" removes the line.
func replace(s string, with map[int]string) string {
	ls := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for i, l := range ls {
		if w, ok := with[i+1]; ok {
			if w != "" {
				b.WriteString(w + "\n")
			}
			continue
		}
		b.WriteString(l)
	}
	return b.String()
}

const removalOld = `schema_version: 1
title: Main Street
stakeholders:
  - id: residents
    name: Residents
  - id: traders
    name: Traders
  - id: council
    name: Council
policy:
  principles: [Inclusion]
activities:
  - id: drop-in
    name: Drop-in
    audience: [residents, traders]
  - id: survey
    name: Survey
    kind: survey
    channel: Online
    owner: engagement_lead
    cadence: once
    audience: [council]
  - id: walk
    name: Walk
    audience: [traders]
    channel: Street
`

var removalNew = strings.NewReplacer("  - id: traders\n    name: Traders\n", "", "[residents, traders]", "[residents]", "    audience: [traders]\n", "").Replace(removalOld)

// TestUnifiedDiffMatchesDiff compares each case with `diff -u` byte for byte.
func TestUnifiedDiffMatchesDiff(t *testing.T) {
	diff, err := exec.LookPath("diff")
	if err != nil {
		testenv.Unavailable(t, "diff(1) is not installed (apt-get install diffutils)")
	}
	dir := t.TempDir()
	for _, c := range diffCases {
		t.Run(c.name, func(t *testing.T) {
			oldPath, newPath := filepath.Join(dir, "old"), filepath.Join(dir, "new")
			if err := os.WriteFile(oldPath, []byte(c.old), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(newPath, []byte(c.new), 0o644); err != nil {
				t.Fatal(err)
			}
			want, err := exec.Command(diff, "-u", "--label", "a/p.plan.yaml", "--label", "b/p.plan.yaml", oldPath, newPath).Output()
			if code := exitCode(err); code != 1 {
				t.Fatalf("diff exits %d: %v", code, err)
			}
			got := UnifiedDiff("p.plan.yaml", []byte(c.old), []byte(c.new), 3)
			if got != string(want) {
				t.Errorf("got\n%s\ndiff -u gives\n%s", got, want)
			}
			if applied, err := applyDiff([]byte(c.old), got); err != nil || !bytes.Equal(applied, []byte(c.new)) {
				t.Errorf("applying the diff gives %q (%v), want %q", applied, err, c.new)
			}
		})
	}
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// applyDiff applies a unified diff as UnifiedDiff writes it to old, as patch would,
// checking every context and removed line against old and every count in the hunk
// headers.
func applyDiff(old []byte, diff string) ([]byte, error) {
	if diff == "" {
		return old, nil
	}
	a := splitLines(old)
	dl := strings.SplitAfter(diff, "\n")
	if len(dl) < 3 || !strings.HasPrefix(dl[0], "--- ") || !strings.HasPrefix(dl[1], "+++ ") {
		return nil, fmt.Errorf("no file headers")
	}
	dl = dl[2 : len(dl)-1]
	var out []string
	pos := 0
	for k := 0; k < len(dl); {
		var as, an, bs, bn int
		if _, err := fmt.Sscanf(strings.NewReplacer(",", " ", "-", "", "+", "").Replace(hunkHeaderRanges(dl[k])), "%d %d %d %d", &as, &an, &bs, &bn); err != nil {
			return nil, fmt.Errorf("hunk header %q: %v", dl[k], err)
		}
		k++
		type line struct {
			mark byte
			text string
		}
		var body []line
		for ; k < len(dl) && !strings.HasPrefix(dl[k], "@@ "); k++ {
			l := dl[k]
			if l[0] == '\\' {
				if len(body) == 0 {
					return nil, fmt.Errorf("a no-newline marker with no line before it")
				}
				body[len(body)-1].text = strings.TrimSuffix(body[len(body)-1].text, "\n")
				continue
			}
			body = append(body, line{l[0], l[1:]})
		}
		start := as - 1
		if an == 0 {
			start = as
		}
		if start < pos || start > len(a) {
			return nil, fmt.Errorf("hunk at line %d out of order", as)
		}
		newStart := len(out) + start - pos
		if bn > 0 {
			newStart++
		}
		if bs != newStart {
			return nil, fmt.Errorf("hunk at line %d names line %d of the new file, not %d", as, bs, newStart)
		}
		out = append(out, a[pos:start]...)
		pos = start
		na, nb := 0, 0
		for _, l := range body {
			switch l.mark {
			case ' ', '-':
				if pos >= len(a) || a[pos] != l.text {
					return nil, fmt.Errorf("line %d of the old file is %q, not %q", pos+1, at(a, pos), l.text)
				}
				pos++
				na++
				if l.mark == ' ' {
					out = append(out, l.text)
					nb++
				}
			case '+':
				out = append(out, l.text)
				nb++
			default:
				return nil, fmt.Errorf("a line marked %q", l.mark)
			}
		}
		if na != an || nb != bn {
			return nil, fmt.Errorf("hunk %d,%d +%d,%d holds %d and %d lines", as, an, bs, bn, na, nb)
		}
	}
	out = append(out, a[pos:]...)
	return []byte(strings.Join(out, "")), nil
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "the end"
}

// hunkHeaderRanges returns "-A,N +B,M" from a hunk header, a count of 1 written out.
func hunkHeaderRanges(h string) string {
	h = strings.TrimSuffix(strings.TrimPrefix(h, "@@ "), " @@\n")
	old, new, _ := strings.Cut(h, " ")
	if !strings.Contains(old, ",") {
		old += ",1"
	}
	if !strings.Contains(new, ",") {
		new += ",1"
	}
	return old + " " + new
}

// FuzzUnifiedDiff checks, for any pair of files, that the diff applies to the old one
// and gives the new one; that it changes as few lines as a longest common subsequence
// allows; and that its hunks have at most three lines of context at either end and
// no more than six unchanged lines between changes, as diff -u writes them.
func FuzzUnifiedDiff(f *testing.F) {
	for _, c := range diffCases {
		f.Add([]byte(c.old), []byte(c.new))
	}
	f.Fuzz(func(t *testing.T, old, new []byte) {
		diff := UnifiedDiff("p", old, new, 3)
		got, err := applyDiff(old, diff)
		if err != nil || !bytes.Equal(got, new) {
			t.Fatalf("applying the diff gives %q (%v), want %q\n%s", got, err, new, diff)
		}
		if bytes.Equal(old, new) {
			return
		}
		changed, lastEnd := 0, -1
		for _, h := range parseHunks(t, diff) {
			runs := []int{0}
			for _, m := range h.marks {
				if m == ' ' {
					runs[len(runs)-1]++
				} else {
					changed++
					if runs[len(runs)-1] != 0 || len(runs) == 1 {
						runs = append(runs, 0)
					}
				}
			}
			lead, trail := runs[0], runs[len(runs)-1]
			firstChange := h.oldStart - 1 + lead // lines of old before the first change
			want := 3
			if lastEnd < 0 {
				want = min(3, firstChange)
			}
			if lead != want || trail > 3 {
				t.Fatalf("a hunk with %d lines of context before and %d after\n%s", lead, trail, diff)
			}
			for _, r := range runs[1 : len(runs)-1] {
				if r > 6 {
					t.Fatalf("%d unchanged lines inside a hunk\n%s", r, diff)
				}
			}
			if lastEnd >= 0 && firstChange-lastEnd <= 6 {
				t.Fatalf("hunks %d lines apart are not merged\n%s", firstChange-lastEnd, diff)
			}
			lastEnd = h.oldStart - 1 + h.oldLen - trail
		}
		a, b := splitLines(old), splitLines(new)
		if len(a)*len(b) <= 1<<16 {
			want := len(a) + len(b) - 2*lcsLength(a, b)
			if want > maxEdits {
				// Past the bound, everything between the common head and tail is one change.
				head, tail := commonEnds(a, b)
				want = len(a) + len(b) - 2*(head+tail)
			}
			if changed != want {
				t.Fatalf("%d lines changed, want %d\n%s", changed, want, diff)
			}
		}
	})
}

type parsedHunk struct {
	oldStart, oldLen int
	marks            []byte
}

func parseHunks(t *testing.T, diff string) []parsedHunk {
	var out []parsedHunk
	for _, l := range strings.SplitAfter(diff, "\n")[2:] {
		switch {
		case strings.HasPrefix(l, "@@ "):
			var h parsedHunk
			var bs, bn int
			if _, err := fmt.Sscanf(strings.NewReplacer(",", " ", "-", "", "+", "").Replace(hunkHeaderRanges(l)), "%d %d %d %d", &h.oldStart, &h.oldLen, &bs, &bn); err != nil {
				t.Fatalf("hunk header %q: %v", l, err)
			}
			if h.oldLen == 0 {
				h.oldStart++
			}
			out = append(out, h)
		case l == "" || l[0] == '\\':
		default:
			out[len(out)-1].marks = append(out[len(out)-1].marks, l[0])
		}
	}
	return out
}

// lcsLength is the length of a longest common subsequence of a and b, the plain way.
func lcsLength(a, b []string) int {
	row := make([]int, len(b)+1)
	for i := range a {
		diag := 0
		for j := range b {
			up := row[j+1]
			if a[i] == b[j] {
				row[j+1] = diag + 1
			} else {
				row[j+1] = max(row[j+1], row[j])
			}
			diag = up
		}
	}
	return row[len(b)]
}

// TestUnifiedDiffMatchesDiffRandom compares random pairs of short files made of a few
// distinct lines with diff -u. Repeated lines make many diffs equally short, and which
// of them each program picks may differ (GNU diff's divide and conquer breaks ties
// unlike Myers's greedy search), so what must agree is how many lines are removed and
// how many added, and that the diff applies.
func TestUnifiedDiffMatchesDiffRandom(t *testing.T) {
	diff, err := exec.LookPath("diff")
	if err != nil {
		testenv.Unavailable(t, "diff(1) is not installed (apt-get install diffutils)")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	file := func() string {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(string(rune('a'+rng.IntN(4))) + "\n")
		}
		return b.String()
	}
	for i := range 300 {
		old := file()
		new := old
		if i%2 == 0 {
			new = file()
		} else {
			ls := strings.SplitAfter(old, "\n")
			for k := range ls {
				if rng.IntN(6) == 0 {
					ls[k] = "x\n"
				}
			}
			new = strings.Join(ls, "")
		}
		oldPath, newPath := filepath.Join(dir, "old"), filepath.Join(dir, "new")
		if err := os.WriteFile(oldPath, []byte(old), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(newPath, []byte(new), 0o644); err != nil {
			t.Fatal(err)
		}
		want, _ := exec.Command(diff, "-u", "--label", "a/p", "--label", "b/p", oldPath, newPath).Output()
		got := UnifiedDiff("p", []byte(old), []byte(new), 3)
		if marks(got, '-') != marks(string(want), '-') || marks(got, '+') != marks(string(want), '+') {
			t.Errorf("old %q new %q\ngot\n%s\ndiff -u\n%s", old, new, got, want)
		}
		if applied, err := applyDiff([]byte(old), got); err != nil || string(applied) != new {
			t.Errorf("applying the diff of %q and %q gives %q (%v)", old, new, applied, err)
		}
	}
}

// marks counts the lines of a diff's hunks that begin with mark.
func marks(diff string, mark byte) int {
	n := 0
	for i, l := range strings.SplitAfter(diff, "\n") {
		if i >= 2 && l != "" && l[0] == mark {
			n++
		}
	}
	return n
}

// TestUnifiedDiffManyEdits: past maxEdits the lines between the common head and tail
// are diffed as one change, which must still apply.
func TestUnifiedDiffManyEdits(t *testing.T) {
	var old, new strings.Builder
	for i := range 3 * maxEdits {
		old.WriteString(strconv.Itoa(i) + "\n")
		if i%2 == 0 {
			new.WriteString("changed " + strconv.Itoa(i) + "\n")
		} else {
			new.WriteString(strconv.Itoa(i) + "\n")
		}
	}
	diff := UnifiedDiff("p", []byte(old.String()), []byte(new.String()), 3)
	if got, err := applyDiff([]byte(old.String()), diff); err != nil || string(got) != new.String() {
		t.Fatalf("the diff does not apply: %v", err)
	}
	if n := strings.Count(diff, "\n@@ "); n != 1 {
		t.Errorf("%d hunks, want one change of everything", n)
	}
}
