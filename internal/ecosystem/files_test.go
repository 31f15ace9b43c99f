package ecosystem

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/schema"
)

// repoRoot is where the files under test live, relative to this package.
const repoRoot = "../.."

func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func TestSchemaCatalog(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "schema", "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	var catalog struct {
		Schema  string  `json:"$schema"`
		Version float64 `json:"version"`
		Schemas []struct {
			Name, Description, URL string
			FileMatch              []string
		} `json:"schemas"`
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&catalog); err != nil {
		t.Fatalf("schema/catalog.json: %v", err)
	}
	if catalog.Schema != "https://json.schemastore.org/schema-catalog.json" || catalog.Version != 1 {
		t.Errorf("not a SchemaStore catalog: $schema %q, version %v", catalog.Schema, catalog.Version)
	}
	// Each entry's url is the $id its schema declares, so an editor that fetches the
	// catalog gets exactly the schema plan embeds.
	ids := map[string]string{}
	for name, data := range map[string][]byte{"plan": schema.Plan, "planrc": schema.Config, "plan record": schema.Record} {
		var s struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatal(err)
		}
		ids[name] = s.ID
	}
	if ids["plan"] != schema.PlanID || ids["planrc"] != schema.ConfigID || ids["plan record"] != schema.RecordID {
		t.Fatalf("the schemas' $id drifted from schema.PlanID, schema.ConfigID and schema.RecordID: %v", ids)
	}
	want := map[string]struct {
		url   string
		match []string
	}{
		"plan":        {schema.PlanID, []string{"*.plan.yaml", "*.plan.yml"}},
		"planrc":      {schema.ConfigID, []string{".planrc.yaml", ".planrc.yml"}},
		"plan record": {schema.RecordID, []string{"*.record.yaml", "*.record.yml"}},
	}
	if len(catalog.Schemas) != len(want) {
		t.Errorf("catalog has %d schemas, want %d", len(catalog.Schemas), len(want))
	}
	for _, s := range catalog.Schemas {
		w, ok := want[s.Name]
		if !ok {
			t.Errorf("unexpected catalog entry %q", s.Name)
			continue
		}
		if s.URL != w.url || !slices.Equal(s.FileMatch, w.match) || s.Description == "" {
			t.Errorf("entry %q: url %q fileMatch %q description %q; want url %q fileMatch %q", s.Name, s.URL, s.FileMatch, s.Description, w.url, w.match)
		}
	}
}

func TestPreCommitHooks(t *testing.T) {
	var hooks []struct {
		ID          string   `yaml:"id"`
		Name        string   `yaml:"name"`
		Entry       string   `yaml:"entry"`
		Language    string   `yaml:"language"`
		Files       string   `yaml:"files"`
		Types       []string `yaml:"types"`
		Description string   `yaml:"description"`
	}
	readYAML(t, ".pre-commit-hooks.yaml", &hooks)
	langs := map[string]string{}
	for _, h := range hooks {
		langs[h.ID] = h.Language
		if h.Entry != "plan check" || h.Name == "" || h.Description == "" {
			t.Errorf("hook %q: entry %q, name %q", h.ID, h.Entry, h.Name)
		}
		// pre-commit matches with Python's re.search; this pattern means the same in Go.
		re, err := regexp.Compile(h.Files)
		if err != nil {
			t.Fatalf("hook %q: files: %v", h.ID, err)
		}
		for name, want := range map[string]bool{
			"a.plan.yaml":          true,
			"b.plan.yml":           true,
			"dir/sub/c.plan.yaml":  true,
			"c.yaml":               false,
			"plan.yaml":            false,
			"a.plan.yaml.bak":      false,
			"a.plan.json":          false,
			"a.planxyaml":          false,
			"dir.plan.yaml/x.yaml": false,
			// A record is checked with the plan that keeps it.
			"a.records/2027-03-04-x.record.yaml": true,
			"log/2027-03-04-x.record.yml":        true,
			"a.record.yaml.bak":                  false,
		} {
			if got := re.MatchString(name); got != want {
				t.Errorf("hook %q: files %q matches %q = %v, want %v", h.ID, h.Files, name, got, want)
			}
		}
	}
	if !maps.Equal(langs, map[string]string{"plan-check": "golang", "plan-check-system": "system"}) {
		t.Errorf("hooks and languages: %v", langs)
	}
	// language: golang runs `go install ./...` in this repository and then the entry, so
	// the command must be a main package in a directory named plan.
	data, err := os.ReadFile(filepath.Join(repoRoot, "cmd", "plan", "main.go"))
	if err != nil || !strings.Contains(string(data), "package main") {
		t.Errorf("cmd/plan is not a main package: %v", err)
	}
}

func TestGoreleaserConfig(t *testing.T) {
	var cfg struct {
		Version int `yaml:"version"`
		Before  struct {
			Hooks []string `yaml:"hooks"`
		} `yaml:"before"`
		Builds []struct {
			Main    string   `yaml:"main"`
			Binary  string   `yaml:"binary"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Archives []struct {
			Files []any `yaml:"files"`
		} `yaml:"archives"`
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
		} `yaml:"checksum"`
	}
	readYAML(t, ".goreleaser.yaml", &cfg)
	if cfg.Version != 2 || len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf("version %d, %d builds, %d archives", cfg.Version, len(cfg.Builds), len(cfg.Archives))
	}
	b := cfg.Builds[0]
	if b.Main != "./cmd/plan" || b.Binary != "plan" {
		t.Errorf("build main %q binary %q", b.Main, b.Binary)
	}
	if !sameSet(b.Goos, "linux", "darwin", "windows") || !sameSet(b.Goarch, "amd64", "arm64") {
		t.Errorf("targets %v × %v", b.Goos, b.Goarch)
	}
	// The variables the linker sets must exist in main, or -X silently does nothing.
	mainGo, err := os.ReadFile(filepath.Join(repoRoot, "cmd", "plan", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	ld := strings.Join(b.Ldflags, " ")
	for _, v := range []string{"version", "commit", "date"} {
		if !strings.Contains(ld, "-X main."+v+"=") {
			t.Errorf("ldflags do not set main.%s: %s", v, ld)
		}
		if !regexp.MustCompile(`(?m)^\s+` + v + `\s+= "`).Match(mainGo) {
			t.Errorf("cmd/plan/main.go has no variable %s for the linker to set", v)
		}
	}
	// The archive holds the binary (implicitly), the docs, the licence, and what the
	// before hook generates.
	var srcs []string
	for _, f := range cfg.Archives[0].Files {
		switch f := f.(type) {
		case string:
			srcs = append(srcs, f)
		case map[string]any:
			srcs = append(srcs, f["src"].(string))
		}
	}
	for _, want := range []string{"README.md", "LICENSE", "completions/*", "manpages/*"} {
		if !slices.Contains(srcs, want) {
			t.Errorf("archives do not include %s: %q", want, srcs)
		}
	}
	for _, name := range []string{"README.md", "LICENSE", "CHANGELOG.md"} {
		if _, err := os.Stat(filepath.Join(repoRoot, name)); err != nil {
			t.Errorf("archived file missing: %v", err)
		}
	}
	hooks := strings.Join(cfg.Before.Hooks, "\n")
	if !strings.Contains(hooks, "go run ./internal/tools/gendocs") || !strings.Contains(hooks, "completions manpages") {
		t.Errorf("no hook generates completions and man pages:\n%s", hooks)
	}
	if cfg.Checksum.NameTemplate == "" {
		t.Error("no checksums file")
	}

	// Where goreleaser itself is installed, its own validation must pass too (CI runs
	// it through go run with a pinned version).
	if gr, err := exec.LookPath("goreleaser"); err == nil {
		cmd := exec.Command(gr, "check")
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("goreleaser check: %v\n%s", err, out)
		}
	}
}

func sameSet(got []string, want ...string) bool {
	g, w := slices.Clone(got), slices.Clone(want)
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}

func TestLicence(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, s := range []string{"Apache License", "Version 2.0, January 2004", "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS", "APPENDIX: How to apply the Apache License to your work."} {
		if !strings.Contains(text, s) {
			t.Errorf("LICENSE lacks %q", s)
		}
	}
	if n := strings.Count(text, "\n"); n < 200 {
		t.Errorf("LICENSE has %d lines: not the full Apache-2.0 text", n)
	}
}
