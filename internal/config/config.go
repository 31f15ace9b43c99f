// Package config builds a command's configuration in layers (defaults, .planrc.yaml,
// PLAN_* variables, flags) and turns it into typed settings. It is the only package that
// uses viper.
package config

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/lazyregexp"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planschema"
	"github.com/planascode/plan/internal/rules"
)

// FileNames are the names searched for, in order, in each directory.
var FileNames = []string{".planrc.yaml", ".planrc.yml"}

// EnvVar names a config file and overrides the search (the --config flag overrides it).
var EnvVar = EnvName("config")

// Config is the typed configuration. The zero value is not useful; use Default or Load.
type Config struct {
	// Path is the file it was read from, or "" for the defaults.
	Path string
	// Severity maps a rule id to its configured severity; Off lists rules turned off.
	Severity map[string]diag.Severity
	Off      map[string]bool
	Settings rules.Settings
	Include  []string
	Exclude  []string
	// MaxFileSize is the largest plan file read, in bytes.
	MaxFileSize int64

	// v holds every layer (see Resolve); from names where each option's value came from.
	v    *viper.Viper
	from map[string]string
}

// Default is the configuration used when there is no .planrc.yaml.
func Default() *Config {
	return &Config{
		Severity:    map[string]diag.Severity{},
		Off:         map[string]bool{},
		Settings:    rules.DefaultSettings(),
		MaxFileSize: plan.DefaultMaxSize,
	}
}

// Find returns the config file that applies in dir: the first .planrc.yaml or
// .planrc.yml found walking up from dir, stopping at the git root (the directory that
// holds .git); "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p, nil
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// maxFileSize bounds a config file read: real ones are a few hundred bytes, and a
// .planrc.yaml that links to /dev/zero must be refused, not read until memory runs out.
const maxFileSize = 1 << 20

// Load reads and validates the config file at path, which must be a regular file.
func Load(path string) (*Config, error) {
	data, err := read(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

func read(path string) ([]byte, error) {
	// Stat before opening: opening a named pipe would wait for a writer.
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("config %s: not a regular file: name a YAML file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: cannot read: %v", path, fserr.Cause(err))
	}
	defer f.Close()
	data, err := plan.ReadLimited(f, maxFileSize)
	if errors.Is(err, plan.ErrTooLarge) {
		return nil, fmt.Errorf("config %s: larger than the 1 MiB a config file may hold", path)
	}
	if err != nil {
		return nil, fmt.Errorf("config %s: cannot read: %v", path, fserr.Cause(err))
	}
	return data, nil
}

var durationRE = lazyregexp.New(`^([0-9]+)([wd])$`)

// Parse validates data against the config schema and decodes it. Errors name the file,
// the line and the key.
func Parse(path string, data []byte) (*Config, error) {
	v := viper.New()
	if err := mergeFile(v, path, data); err != nil {
		return nil, err
	}
	cfg, err := settings(v, path)
	if err != nil {
		return nil, err
	}
	cfg.v = v
	return cfg, nil
}

// mergeFile parses data once into a node tree, validates the value decoded from that
// tree, and merges the same value into v as its file layer.
func mergeFile(v *viper.Viper, path string, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(plan.YAML11Directive(data), &doc); err != nil {
		line, _, msg := plan.YAMLErrorPosition(data, err)
		return fmt.Errorf("%s:%d: invalid YAML: %s", path, line, msg)
	}
	if len(doc.Content) == 0 || plan.IsNull(doc.Content[0]) {
		return nil
	}
	root := doc.Content[0]
	if err := asText(path, root); err != nil {
		return err
	}
	var value any
	if err := root.Decode(&value); err != nil {
		// A key given twice (yaml.v3 refuses it only when decoding).
		line, _, msg := plan.YAMLErrorPosition(data, err)
		return fmt.Errorf("%s:%d: %s", path, line, msg)
	}
	if vs := planschema.ValidateConfig(value); len(vs) > 0 {
		v := vs[0]
		keyNode, n := plan.Locate(root, v.Tokens)
		line := 1
		switch {
		case v.AtKey != "":
			if k, _ := plan.Lookup(n, v.AtKey); k != nil {
				line = k.Line
			}
		case len(v.Tokens) == 0:
		case v.AtParent && keyNode != nil:
			line = keyNode.Line
		case n != nil:
			line = n.Line
		}
		return fmt.Errorf("%s:%d: %s", path, line, v.Message)
	}
	for _, key := range []string{"include", "exclude"} {
		list, _ := value.(map[string]any)[key].([]any)
		for i, pat := range list {
			if s, _ := pat.(string); !discover.ValidPattern(s) {
				line := 1
				if _, n := plan.Locate(root, []string{key, strconv.Itoa(i)}); n != nil {
					line = n.Line
				}
				return fmt.Errorf("%s:%d: %s: %q is not a valid pattern: use gitignore syntax (*, ?, [abc], **)", path, line, key, s)
			}
		}
	}
	return v.MergeConfigMap(value.(map[string]any))
}

// asText prepares the tree for a value JSON Schema can judge: every key is text (a list
// or mapping as a key is refused at its line), and so are .inf, .nan and timestamps, as
// in plans, since JSON has no such values. Aliases are not followed: the node they
// name is visited where it is defined.
func asText(path string, n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		var f float64
		if n.Tag == "!!timestamp" || n.Tag == "!!float" && n.Decode(&f) == nil && (math.IsInf(f, 0) || math.IsNaN(f)) {
			n.Tag = "!!str"
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch k := n.Content[i]; {
			case k.Kind != yaml.ScalarNode:
				return fmt.Errorf("%s:%d: a key must be a word, not a list or a mapping", path, k.Line)
			case k.Tag != "!!merge":
				k.Tag = "!!str"
			}
		}
	}
	for _, c := range n.Content {
		if err := asText(path, c); err != nil {
			return err
		}
	}
	return nil
}

// settings reads the typed settings from v's layers over the defaults.
func settings(v *viper.Viper, path string) (*Config, error) {
	cfg := Default()
	cfg.Path = path
	for id, sev := range v.GetStringMapString("rules") {
		if sev == "off" {
			cfg.Off[id] = true
			continue
		}
		s, err := diag.ParseSeverity(sev)
		if err != nil {
			return nil, fmt.Errorf("config %s: rules.%s: %v", path, id, err)
		}
		cfg.Severity[id] = s
	}
	for _, section := range []struct {
		key  string
		into map[string]int
	}{{"minimums", cfg.Settings.Minimums}, {"ideals", cfg.Settings.Ideals}} {
		for kind, d := range v.GetStringMapString(section.key) {
			days, err := ParseDuration(d)
			if err != nil {
				return nil, fmt.Errorf("config %s: %s.%s: %v", path, section.key, kind, err)
			}
			section.into[kind] = days
		}
	}
	if v.IsSet("required_roles") {
		required := v.GetStringSlice("required_roles")
		cfg.Settings.RequiredRoles = required
		var optional []string
		for _, r := range append(rules.DefaultSettings().RequiredRoles, rules.DefaultSettings().OptionalRoles...) {
			if !slices.Contains(required, r) {
				optional = append(optional, r)
			}
		}
		cfg.Settings.OptionalRoles = optional
	}
	if v.IsSet("budget_stakeholders") {
		cfg.Settings.BudgetStakeholderThreshold = v.GetInt("budget_stakeholders")
	}
	if v.IsSet("vulnerable_channels") {
		cfg.Settings.VulnerableChannels = v.GetInt("vulnerable_channels")
	}
	cfg.Include = v.GetStringSlice("include")
	cfg.Exclude = v.GetStringSlice("exclude")
	if v.IsSet("max_file_size") {
		cfg.MaxFileSize = v.GetInt64("max_file_size")
	}
	return cfg, nil
}

// The longest minimum or ideal a config may set, in its own unit: the longest phase the
// plan schema allows (about ten years). The config schema holds the same bounds, so a
// file that breaks them is reported with its line before ParseDuration sees it.
const (
	maxDurationWeeks = 520
	maxDurationDays  = 3650
)

// ParseDuration reads "3w" or "28d" as a number of days, at most 520 weeks or 3650 days.
func ParseDuration(s string) (int, error) {
	m := durationRE.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("%q is not a duration: write weeks as 3w or days as 28d", s)
	}
	// Atoi fails only on numbers far beyond either bound.
	n, err := strconv.Atoi(m[1])
	limit, days := maxDurationDays, 1
	if m[2] == "w" {
		limit, days = maxDurationWeeks, 7
	}
	if err != nil || n > limit {
		return 0, fmt.Errorf("%q is longer than ten years: at most %dw or %dd", s, maxDurationWeeks, maxDurationDays)
	}
	return n * days, nil
}

// SeverityFor returns the severity a finding of rule id with severity def should have,
// and false when the rule is turned off.
func (c *Config) SeverityFor(id string, def diag.Severity) (diag.Severity, bool) {
	if c.Off[id] {
		return 0, false
	}
	if s, ok := c.Severity[id]; ok {
		return s, true
	}
	return def, true
}
