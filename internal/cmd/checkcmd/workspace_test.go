package checkcmd_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/cmd/checkcmd"
	"github.com/planascode/plan/internal/iostreams"
)

// On GitHub Actions, a check run from a subdirectory (the action's working-directory)
// must still name files from the repository root, or annotations and code scanning
// alerts land on files that do not exist.
func TestPathsFromGitHubWorkspace(t *testing.T) {
	ws := t.TempDir()
	sub := filepath.Join(ws, "plans", "2027")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "a.plan.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "b.plan.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}

	runIn := func(dir, workspace, format string) string {
		t.Helper()
		t.Chdir(dir)
		ios, _, out, _ := iostreams.Test()
		env := &cli.Env{IO: ios, Now: time.Now, Getenv: func(k string) string {
			if k == "GITHUB_WORKSPACE" {
				return workspace
			}
			return ""
		}}
		cmd := checkcmd.NewCmd(env, nil)
		cmd.SetArgs([]string{"-f", format})
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		if err := cmd.Execute(); cli.Code(err) != cli.ExitFindings {
			t.Fatalf("exit %d: %v", cli.Code(err), err)
		}
		return out.String()
	}
	sarifURI := func(out string) string {
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) == 0 || len(log.Runs[0].Results) == 0 {
			t.Fatalf("no SARIF result: %v\n%s", err, out)
		}
		return log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI
	}

	if out := runIn(sub, ws, "github"); !strings.Contains(out, "file=plans/2027/a.plan.yaml,") {
		t.Errorf("annotation not relative to the workspace:\n%s", out)
	}
	if got := sarifURI(runIn(sub, ws, "sarif")); got != "plans/2027/a.plan.yaml" {
		t.Errorf("SARIF uri %q, want plans/2027/a.plan.yaml", got)
	}
	// Off Actions, or outside the workspace, paths stay relative to where plan runs.
	if got := sarifURI(runIn(sub, "", "sarif")); got != "a.plan.yaml" {
		t.Errorf("SARIF uri without GITHUB_WORKSPACE %q", got)
	}
	if out := runIn(outside, ws, "github"); !strings.Contains(out, "file=b.plan.yaml,") {
		t.Errorf("annotation for a directory outside the workspace:\n%s", out)
	}
	// Either side may be reached through a symbolic link.
	link := filepath.Join(t.TempDir(), "ws-link")
	if err := os.Symlink(ws, link); err != nil {
		t.Fatal(err)
	}
	if out := runIn(sub, link, "github"); !strings.Contains(out, "file=plans/2027/a.plan.yaml,") {
		t.Errorf("annotation with GITHUB_WORKSPACE through a link:\n%s", out)
	}
	if out := runIn(filepath.Join(link, "plans", "2027"), ws, "github"); !strings.Contains(out, "file=plans/2027/a.plan.yaml,") {
		t.Errorf("annotation run from a directory reached through a link:\n%s", out)
	}
	// Human-readable text never changes.
	if out := runIn(sub, ws, "text"); !strings.HasPrefix(out, "a.plan.yaml:") {
		t.Errorf("text output changed by GITHUB_WORKSPACE:\n%s", out)
	}
}

// A step summary file that cannot be written is the runner's environment at fault: exit 2,
// not an internal error, and the annotations still reach stdout.
func TestUnwritableStepSummary(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.plan.yaml"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	env := &cli.Env{IO: ios, Dir: dir, Now: time.Now, Getenv: func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return filepath.Join(dir, "no-such-dir", "summary.md")
		}
		return ""
	}}
	cmd := checkcmd.NewCmd(env, nil)
	cmd.SetArgs([]string{"-f", "github", "a.plan.yaml"})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	if cli.Code(err) != cli.ExitBadInput || err == nil || !strings.Contains(err.Error(), "writing GitHub step summary") {
		t.Errorf("exit %d, %v; want exit 2 about the step summary", cli.Code(err), err)
	}
	if !strings.Contains(out.String(), "::error file=") || !strings.Contains(out.String(), "a.plan.yaml") {
		t.Errorf("no annotations on stdout: %q", out.String())
	}
}
