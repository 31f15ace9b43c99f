package profile_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/cmd/profilescmd"
	"github.com/planascode/plan/internal/profile"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md and docs/profiles.md from the registry and the built-in profiles")

// TestDocs fails when docs/rules.md or docs/profiles.md drifts from the rules and the
// built-in profiles; run go test ./internal/profile -update to regenerate them.
func TestDocs(t *testing.T) {
	set, err := profile.NewSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"../../docs/rules.md":    rulesMarkdown(t, set),
		"../../docs/profiles.md": profilesMarkdown(t, set),
	} {
		if *update {
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/profile -update)", err)
		}
		if string(got) != want {
			t.Errorf("%s is out of date: run go test ./internal/profile -update", path)
		}
	}
}

// rulesMarkdown renders docs/rules.md: the same text `plan rules` prints, and each rule's
// severity under every built-in profile.
func rulesMarkdown(t *testing.T, set *profile.Set) string {
	all := rules.All()
	names := set.Names()
	var b strings.Builder
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated from internal/rules and profiles/ by `go test ./internal/profile -update`. Do not edit. -->\n\n")
	b.WriteString("Every finding of `plan check` comes from one of these rules. Change a rule's severity or turn it\n")
	b.WriteString("off in `.planrc.yaml` (`rules: {phase-gap: off}`), or silence it for one node with\n")
	b.WriteString("`# plan:ignore rule-id -- reason`. `plan rules ID` prints the same text in the terminal.\n\n")
	b.WriteString("| id | default severity | finds |\n|---|---|---|\n")
	for _, r := range all {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, r.Summary)
	}
	b.WriteString("\n## Severity under each profile\n\n")
	b.WriteString("A plan is checked under its profile (see [profiles.md](profiles.md)), which may change a rule's\n")
	b.WriteString("severity or turn it off. A profile can also quiet a rule through its settings (the fields it\n")
	b.WriteString("asks of objectives and stakeholders, the phases and roles it requires): `plan profiles NAME` says\n")
	b.WriteString("which. A rule whose findings carry their own severity (`privacy-missing`, `role-unassigned`,\n")
	b.WriteString("`phase-missing`, `phase-too-short`) shows its default as \"own\".\n\n")
	b.WriteString("| id |")
	for _, n := range names {
		fmt.Fprintf(&b, " %s |", n)
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(names)) + "\n")
	perResult := map[string]bool{"privacy-missing": true, "role-unassigned": true, "phase-missing": true, "phase-too-short": true}
	for _, r := range all {
		fmt.Fprintf(&b, "| `%s` |", r.ID)
		for _, n := range names {
			res, err := set.Resolve(n)
			if err != nil {
				t.Fatal(err)
			}
			sev, on := res.SeverityFor(r.ID, r.Severity)
			_, set := res.Severity[r.ID]
			switch {
			case !on:
				b.WriteString(" off |")
			case perResult[r.ID] && !set:
				b.WriteString(" own |")
			default:
				fmt.Fprintf(&b, " %s |", sev)
			}
		}
		b.WriteString("\n")
	}
	for _, r := range all {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "Default severity: **%s**", r.Severity)
		if s := rules.SourceName(r.Source); s != "" {
			fmt.Fprintf(&b, ". Source: %s", s)
		}
		b.WriteString(".\n\n")
		fmt.Fprintf(&b, "%s.\n\n", wording.Capitalise(r.Summary))
		fmt.Fprintf(&b, "**Why.** %s\n\n", r.Rationale)
		fmt.Fprintf(&b, "**How to fix.** %s\n", r.Fix)
	}
	return b.String()
}

// builtinHeading starts the generated part of docs/profiles.md; the guide above it is
// written by hand and kept as it is.
const builtinHeading = "## The built-in profiles\n"

// profilesMarkdown renders docs/profiles.md: the hand-written guide, then what `plan
// profiles NAME` says of each built-in profile.
func profilesMarkdown(t *testing.T, set *profile.Set) string {
	doc, err := os.ReadFile("../../docs/profiles.md")
	if err != nil {
		t.Fatal(err)
	}
	guide, _, found := strings.Cut(string(doc), builtinHeading)
	if !found {
		t.Fatalf("docs/profiles.md has no %q heading", strings.TrimSpace(builtinHeading))
	}
	var b strings.Builder
	b.WriteString(guide)
	b.WriteString(builtinHeading + "\n")
	b.WriteString("<!-- Generated from profiles/ by `go test ./internal/profile -update`; the text is what `plan profiles NAME` prints. -->\n")
	for _, n := range set.Names() {
		res, err := set.Resolve(n)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := profilescmd.Explain(&out, res); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "\n### %s\n\n```\n%s```\n", n, out.String())
	}
	return b.String()
}
