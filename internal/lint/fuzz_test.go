package lint

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

// FuzzCheck runs the whole check (loader, every rule, ignore comments, sorting) on
// arbitrary bytes. It must never panic; its findings must come out in the one order every
// output relies on, and each must point inside the file with a one-line message.
func FuzzCheck(f *testing.F) {
	for _, pattern := range []string{"../../examples/*.plan.yaml", "../../testdata/bad/*.plan.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			// The fuzzer's engine stalls on multi-kilobyte seeds, so each file seeds it
			// with its opening lines, which hold every kind of YAML construct it uses.
			if data, err := os.ReadFile(p); err == nil {
				f.Add(fuzzHead(data, 1500))
			}
		}
	}
	for _, s := range []string{
		"schema_version: 1\ntitle: a # plan:ignore title-placeholder -- why\n",
		"schema_version: 1\ntitle: TODO # plan:ignore placeholder --  a reason -- with dashes  \n",
		"# plan:ignore-file no-such-rule\nschema_version: 1\ntitle: a\n",
		"schema_version: 1\ntitle: a\nstakeholders:\n  - id: a # plan:ignore\n    name: A\n",
		"schema_version: 1\r\ntitle: a\rsummary: b\u2028c\n",
		"schema_version: 1\ntitle: a\ntimeline:\n  start: 2027-01-04\n  phases:\n    - {id: a, kind: planning, weeks: 520}\n    - {id: b, kind: close, days: 3650}\n",
		"schema_version: 1\ntitle: a\nx: &x {id: s, name: n}\nstakeholders: [*x, *x]\nactivities: [{id: a, audience: [s, t]}]\n",
		// Merge keys that bring whole sections, and aliases of long text up to and past
		// the 10 MiB the expansion may add (the text grows by aliases of aliases).
		"schema_version: 1\ntitle: a\nx_base: &b {stakeholders: [{id: a, name: A}]}\n<<: *b\n",
		"schema_version: 1\ntitle: a\nx_c: &c {summary: s}\nx_b: &b\n  stakeholders:\n    - id: a\n      name: A\n<<: [*c, *b]\n# plan:ignore-file yaml-syntax\n",
		"schema_version: 1\ntitle: a\nx_a: &x {a: 1, <<: *x} # plan:ignore yaml-syntax\n",
		aliasTower(1100), aliasTower(1000),
		"schema_version: 1\ntitle: !!binary AAD/\nsummary: \"\\0\"\n",
	} {
		f.Add([]byte(s))
	}
	linter := New(nil)
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "f.plan.yaml"
		fs := linter.CheckBytes(name, data)
		if _, err := plan.Parse(name, data, plan.Options{}); err != nil && !slices.ContainsFunc(fs, func(f diag.Finding) bool {
			return f.Severity == diag.Error && (f.Rule == plan.RuleYAMLSyntax || f.Rule == plan.RuleSchema)
		}) {
			// Whatever its ignore comments say, a file that does not load is never clean.
			t.Errorf("a file that does not load (%v) has no yaml-syntax or schema error: %v", err, fs)
		}
		lines := fuzzLineCount(data)
		if p, err := plan.Parse(name, data, plan.Options{}); err == nil {
			// What ignores silence is kept apart, in order, each with the line of the
			// comment and a one-line reason, and never also among the findings.
			res := linter.Check(p)
			for i, s := range res.Silenced {
				if i > 0 && diag.Less(s.Finding, res.Silenced[i-1].Finding) {
					t.Errorf("silenced findings out of order: %s before %s", res.Silenced[i-1].Finding, s.Finding)
				}
				if s.Line < 1 || s.Line > lines || strings.ContainsAny(s.Reason, "\r\n\u0085\u2028\u2029") || s.Reason != strings.TrimSpace(s.Reason) {
					t.Errorf("silenced by a comment at line %d of %d with the reason %q", s.Line, lines, s.Reason)
				}
				if s.Finding.Rule == "unused-ignore" || slices.Contains(res.Findings, s.Finding) {
					t.Errorf("silenced and still reported: %s", s.Finding)
				}
			}
		}
		for i, fd := range fs {
			if i > 0 && diag.Less(fd, fs[i-1]) {
				t.Errorf("findings out of order: %s before %s", fs[i-1], fd)
			}
			if fd.File != name {
				t.Errorf("finding names %q, not %q: %s", fd.File, name, fd)
			}
			if fd.Line < 1 || fd.Line > lines || fd.Col < 1 {
				t.Errorf("finding outside the file (%d lines): %s", lines, fd)
			}
			if fd.EndLine != 0 && (fd.EndLine < fd.Line || fd.EndLine > lines || (fd.EndLine == fd.Line && fd.EndCol < fd.Col)) {
				t.Errorf("finding ends before it starts or after the file: %s (end %d:%d)", fd, fd.EndLine, fd.EndCol)
			}
			if fd.Rule == "" || fd.Message == "" || strings.ContainsAny(fd.Message, "\r\n") {
				t.Errorf("finding without a rule or a one-line message: %q", fd.String())
			}
			if fd.Severity < diag.Info || fd.Severity > diag.Error {
				t.Errorf("finding with severity %d: %s", fd.Severity, fd)
			}
			if !utf8.ValidString(fd.Message) {
				t.Errorf("message is not UTF-8: %q", fd.Message)
			}
		}
	})
}

// aliasTower is a plan whose text, a string of n bytes aliased ten thousand times through
// aliases of aliases, is n*10,000 bytes once expanded.
func aliasTower(n int) string {
	return "schema_version: 1\ntitle: a\nx_t: &t " + strings.Repeat("x", n) + "\n" +
		"x_a: &a [*t, *t, *t, *t, *t, *t, *t, *t, *t, *t]\n" +
		"x_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"x_c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
		"summary: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
}

// fuzzLineCount counts lines the way YAML does: CRLF, CR, LF, NEL, LS and PS all end one.
func fuzzLineCount(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return 1 + strings.Count(s, "\n") + strings.Count(s, "\r") + strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}

// fuzzHead returns data cut at the last line break before n bytes.
func fuzzHead(data []byte, n int) []byte {
	if len(data) <= n {
		return data
	}
	return data[:strings.LastIndexByte(string(data[:n]), '\n')+1]
}
