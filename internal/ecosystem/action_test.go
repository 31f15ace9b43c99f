package ecosystem

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/app"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

// asPlan makes this test binary act as the plan command when the action's script runs
// it, so the script is tested against this tree's plan without a build step.
const asPlan = "ECOSYSTEM_TEST_AS_PLAN"

func TestMain(m *testing.M) {
	if os.Getenv(asPlan) == "1" {
		os.Exit(app.Main(os.Args[1:], iostreams.System(), cli.BuildInfo{Version: "test"}))
	}
	os.Exit(m.Run())
}

type actionStep struct {
	ID               string            `yaml:"id"`
	Name             string            `yaml:"name"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Shell            string            `yaml:"shell"`
	Run              string            `yaml:"run"`
	Env              map[string]string `yaml:"env"`
	WorkingDirectory string            `yaml:"working-directory"`
}

type action struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Inputs      map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
		Required    bool   `yaml:"required"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

func loadAction(t *testing.T) action {
	t.Helper()
	var a action
	readYAML(t, "action.yml", &a)
	return a
}

func TestActionShape(t *testing.T) {
	a := loadAction(t)
	if a.Runs.Using != "composite" || a.Name == "" || a.Description == "" {
		t.Fatalf("not a composite action: using %q", a.Runs.Using)
	}
	wantInputs := []string{"args", "diff-comment", "fail-level", "paths", "sarif-file", "version", "working-directory"}
	var got []string
	for name, in := range a.Inputs {
		got = append(got, name)
		if in.Description == "" || in.Required {
			t.Errorf("input %q: every input needs a description and a default", name)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, wantInputs) {
		t.Errorf("inputs %q, want %q", got, wantInputs)
	}

	// Every input is used by some step, and only through env or with: an expression
	// pasted into a script would run whatever a caller put in the input.
	var all strings.Builder
	for _, s := range a.Runs.Steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %q: a composite run step needs a shell", s.Name)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q interpolates an expression into its script", s.Name)
		}
		for _, v := range s.Env {
			all.WriteString(v + "\n")
		}
		for _, v := range s.With {
			all.WriteString(v + "\n")
		}
		all.WriteString(s.WorkingDirectory + "\n" + s.Name + "\n")
	}
	used := all.String()
	for _, name := range wantInputs {
		if !strings.Contains(used, "inputs."+name+" }}") {
			t.Errorf("no step uses input %q", name)
		}
	}

	steps := map[string]actionStep{}
	for _, s := range a.Runs.Steps {
		steps[s.Name] = s
	}
	if s := steps["Set up Go"]; !strings.HasPrefix(s.Uses, "actions/setup-go@") {
		t.Errorf("Go is not set up with actions/setup-go: %q", s.Uses)
	}
	install := a.Runs.Steps[1]
	if !strings.Contains(install.Run, `go install "github.com/planascode/plan/cmd/plan@${PLAN_VERSION}"`) || install.Env["PLAN_VERSION"] != "${{ inputs.version }}" {
		t.Errorf("the install step does not go install the requested version:\n%s", install.Run)
	}
	check := checkStep(t, a)
	for _, s := range []string{"--format github", "--format sarif", "GITHUB_OUTPUT"} {
		if !strings.Contains(check.Run, s) {
			t.Errorf("the check step lacks %q", s)
		}
	}
	for name, out := range a.Outputs {
		if !strings.HasPrefix(out.Value, "${{ steps.check.outputs.") {
			t.Errorf("output %q is not the check step's: %q", name, out.Value)
		}
	}
}

func checkStep(t *testing.T, a action) actionStep {
	t.Helper()
	for _, s := range a.Runs.Steps {
		if s.ID == "check" {
			return s
		}
	}
	t.Fatal("no step with id check")
	return actionStep{}
}

// TestActionScript runs the action's check step the way the runner does (bash -e, the
// inputs in the environment, GITHUB_* files) against this tree's plan.
func TestActionScript(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("runs the step with a POSIX bash")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not installed")
	}
	check := checkStep(t, loadAction(t))
	if check.Shell != "bash" {
		t.Fatalf("check step shell %q", check.Shell)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	wrapper := fmt.Sprintf("#!/bin/sh\n%s=1 exec '%s' \"$@\"\n", asPlan, self)
	if err := os.WriteFile(filepath.Join(bin, "plan"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(t.TempDir(), "step.sh")
	if err := os.WriteFile(script, []byte(check.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(repoRoot, "examples", "school-software-rollout.plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}

	type result struct {
		code                   int
		stdout                 string
		outputs                map[string]string
		summary, sarif, stderr string
	}
	runStep := func(t *testing.T, inputs map[string]string) result {
		t.Helper()
		ws := t.TempDir()
		for name, data := range map[string]string{
			"plans/good.plan.yaml":     string(good),
			"plans/bad.plan.yaml":      "schema_version: 1\n",
			"plans/more/warn.plan.yml": strings.Replace(string(good), "risks:", "x_risks:", 1),
		} {
			p := filepath.Join(ws, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		outFile, summaryFile := filepath.Join(t.TempDir(), "output"), filepath.Join(t.TempDir(), "summary")
		env := append(os.Environ(),
			"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GITHUB_WORKSPACE="+ws, "GITHUB_OUTPUT="+outFile, "GITHUB_STEP_SUMMARY="+summaryFile,
			"NO_COLOR=1", "PLAN_CONFIG=",
		)
		// The runner sets the step's env from the inputs, defaults filled in.
		a := loadAction(t)
		for name, value := range check.Env {
			m := regexp.MustCompile(`^\$\{\{ inputs\.([a-z-]+) \}\}$`).FindStringSubmatch(value)
			if m == nil {
				t.Fatalf("env %s = %q is not an input", name, value)
			}
			v, ok := inputs[m[1]]
			if !ok {
				v = a.Inputs[m[1]].Default
			}
			env = append(env, name+"="+v)
		}
		wd := inputs["working-directory"]
		if wd == "" {
			wd = a.Inputs["working-directory"].Default
		}
		cmd := exec.Command(bash, "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir, cmd.Env = filepath.Join(ws, wd), env
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		r := result{code: code, stdout: stdout.String(), stderr: stderr.String(), outputs: map[string]string{}}
		if data, err := os.ReadFile(outFile); err == nil {
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				if k, v, ok := strings.Cut(line, "="); ok {
					r.outputs[k] = v
				}
			}
		}
		if data, err := os.ReadFile(summaryFile); err == nil {
			r.summary = string(data)
		}
		if p := r.outputs["sarif-file"]; p != "" {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatalf("sarif-file output names a missing file: %v", err)
			}
			r.sarif = string(data)
			if rel, err := filepath.Rel(ws, p); err != nil || strings.HasPrefix(rel, "..") {
				t.Errorf("SARIF written outside the workspace: %s", p)
			}
		}
		return r
	}

	t.Run("findings fail the step, with annotations, summary and SARIF", func(t *testing.T) {
		r := runStep(t, map[string]string{"paths": "plans/good.plan.yaml\nplans/bad.plan.yaml", "sarif-file": "reports/plan.sarif"})
		if r.code != 1 || r.outputs["exit-code"] != "1" {
			t.Fatalf("exit %d, outputs %v\n%s%s", r.code, r.outputs, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stdout, "::error file=plans/bad.plan.yaml,line=1,") {
			t.Errorf("no annotation:\n%s", r.stdout)
		}
		if !strings.Contains(r.summary, "plans/bad.plan.yaml") {
			t.Errorf("no step summary:\n%s", r.summary)
		}
		if !strings.HasSuffix(r.outputs["sarif-file"], filepath.Join("reports", "plan.sarif")) {
			t.Errorf("sarif-file output %q", r.outputs["sarif-file"])
		}
		var sarif struct {
			Version string
			Runs    []struct{ Results []json.RawMessage }
		}
		if err := json.Unmarshal([]byte(r.sarif), &sarif); err != nil || sarif.Version != "2.1.0" || len(sarif.Runs[0].Results) != 1 {
			t.Errorf("SARIF: %v\n%s", err, r.sarif)
		}
	})

	t.Run("fail-level never passes", func(t *testing.T) {
		r := runStep(t, map[string]string{"paths": "plans", "fail-level": "never"})
		if r.code != 0 || r.outputs["exit-code"] != "0" || r.outputs["sarif-file"] != "" {
			t.Errorf("exit %d, outputs %v\n%s", r.code, r.outputs, r.stderr)
		}
		if !strings.Contains(r.stdout, "in 3 files") {
			t.Errorf("directories are not walked:\n%s", r.stdout)
		}
	})

	t.Run("working-directory keeps paths from the repository root", func(t *testing.T) {
		r := runStep(t, map[string]string{"working-directory": "plans/more", "fail-level": "warning", "sarif-file": "plan.sarif"})
		if r.code != 1 || !strings.Contains(r.stdout, "::warning file=plans/more/warn.plan.yml,") {
			t.Errorf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
		}
		if !strings.Contains(r.sarif, `"uri": "plans/more/warn.plan.yml"`) {
			t.Errorf("SARIF paths are not from the repository root:\n%.2000s", r.sarif)
		}
	})

	t.Run("args reach plan check", func(t *testing.T) {
		r := runStep(t, map[string]string{"paths": "plans/bad.plan.yaml", "args": "--fail-level never --jobs 1"})
		if r.code != 0 {
			t.Errorf("--fail-level never from args: exit %d\n%s", r.code, r.stderr)
		}
	})

	t.Run("bad input is exit 2", func(t *testing.T) {
		r := runStep(t, map[string]string{"paths": "nope", "sarif-file": "plan.sarif"})
		if r.code != 2 || r.outputs["exit-code"] != "2" || !strings.Contains(r.stderr, "nope") {
			t.Errorf("exit %d, outputs %v, stderr %q", r.code, r.outputs, r.stderr)
		}
	})
}
