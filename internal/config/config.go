// Package config finds and reads .planrc.yaml, the linter's configuration, and turns it
// into typed settings. It is the only package that uses viper.
package config

import (
	"bytes"
	"fmt"
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
	"github.com/planascode/plan/internal/yamltree"
)

// FileNames are the names searched for, in order, in each directory.
var FileNames = []string{".planrc.yaml", ".planrc.yml"}

// EnvVar names a config file and overrides the search (the --config flag overrides it).
const EnvVar = "PLAN_CONFIG"

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

// Resolve picks the config file: explicit (from --config) first, then the PLAN_CONFIG
// variable, then the search from dir. It returns the defaults when there is no file.
func Resolve(explicit, fromEnv, dir string) (*Config, error) {
	path := explicit
	if path == "" {
		path = fromEnv
	}
	if path == "" {
		found, err := Find(dir)
		if err != nil {
			return nil, err
		}
		if found == "" {
			return Default(), nil
		}
		path = found
	}
	return Load(path)
}

// Load reads and validates the config file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: cannot read: %v", path, fserr.Cause(err))
	}
	return Parse(path, data)
}

var durationRE = lazyregexp.New(`^([0-9]+)([wd])$`)

// Parse validates data against the config schema and decodes it. Errors name the file,
// the line and the key.
func Parse(path string, data []byte) (*Config, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(yamltree.YAML11Directive(data), &doc); err != nil {
		line, _, msg := yamltree.YAMLErrorPosition(data, err)
		return nil, fmt.Errorf("%s:%d: invalid YAML: %s", path, line, msg)
	}
	cfg := Default()
	cfg.Path = path
	if len(doc.Content) == 0 || yamltree.IsNull(doc.Content[0]) {
		return cfg, nil
	}
	var value any
	if err := doc.Content[0].Decode(&value); err != nil {
		// A key given twice (yaml.v3 refuses it only when decoding).
		line, _, msg := yamltree.YAMLErrorPosition(data, err)
		return nil, fmt.Errorf("%s:%d: %s", path, line, msg)
	}
	if vs := planschema.ValidateConfig(value); len(vs) > 0 {
		v := vs[0]
		keyNode, n := yamltree.Locate(doc.Content[0], v.Tokens)
		line := 1
		switch {
		case v.AtKey != "":
			if k, _ := yamltree.Lookup(n, v.AtKey); k != nil {
				line = k.Line
			}
		case len(v.Tokens) == 0:
		case v.AtParent && keyNode != nil:
			line = keyNode.Line
		case n != nil:
			line = n.Line
		}
		return nil, fmt.Errorf("%s:%d: %s", path, line, v.Message)
	}

	vp := viper.New()
	vp.SetConfigType("yaml")
	if err := vp.ReadConfig(bytes.NewReader(yamltree.YAML11Directive(data))); err != nil {
		return nil, fmt.Errorf("config %s: %v", path, err)
	}
	for id, sev := range vp.GetStringMapString("rules") {
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
		for kind, d := range vp.GetStringMapString(section.key) {
			days, err := ParseDuration(d)
			if err != nil {
				return nil, fmt.Errorf("config %s: %s.%s: %v", path, section.key, kind, err)
			}
			section.into[kind] = days
		}
	}
	if vp.IsSet("required_roles") {
		required := vp.GetStringSlice("required_roles")
		cfg.Settings.RequiredRoles = required
		var optional []string
		for _, r := range append(rules.DefaultSettings().RequiredRoles, rules.DefaultSettings().OptionalRoles...) {
			if !slices.Contains(required, r) {
				optional = append(optional, r)
			}
		}
		cfg.Settings.OptionalRoles = optional
	}
	if vp.IsSet("budget_stakeholders") {
		cfg.Settings.BudgetStakeholderThreshold = vp.GetInt("budget_stakeholders")
	}
	if vp.IsSet("vulnerable_channels") {
		cfg.Settings.VulnerableChannels = vp.GetInt("vulnerable_channels")
	}
	cfg.Include = vp.GetStringSlice("include")
	cfg.Exclude = vp.GetStringSlice("exclude")
	for _, key := range []string{"include", "exclude"} {
		for i, pat := range vp.GetStringSlice(key) {
			if !discover.ValidPattern(pat) {
				line := 1
				if _, n := yamltree.Locate(doc.Content[0], []string{key, strconv.Itoa(i)}); n != nil {
					line = n.Line
				}
				return nil, fmt.Errorf("%s:%d: %s: %q is not a valid pattern: use gitignore syntax (*, ?, [abc], **)", path, line, key, pat)
			}
		}
	}
	if vp.IsSet("max_file_size") {
		cfg.MaxFileSize = vp.GetInt64("max_file_size")
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
