// Package config builds a command's configuration in layers (defaults, .planrc.yaml,
// PLAN_* variables, flags) and turns it into typed settings. It is the only package that
// uses viper.
package config

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planschema"
	"github.com/planascode/plan/internal/profile"
	"github.com/planascode/plan/internal/yamltree"
)

// FileNames are the names searched for, in order, in each directory.
var FileNames = []string{".planrc.yaml", ".planrc.yml"}

// EnvVar names a config file and overrides the search (the --config flag overrides it).
var EnvVar = EnvName("config")

// Config is the typed configuration. The zero value is not useful; use Default or Resolve.
type Config struct {
	// Path is the file it was read from, or "" for the defaults.
	Path string
	// Layer is the file's own rule settings, laid over every plan's profile: what a team
	// sets at the top of .planrc.yaml holds whatever kind of plan is checked.
	Layer profile.Layer
	// Profile is the profile of plans that name none: --profile, else PLAN_PROFILE, else
	// the file's `profile:`, else profile.Default.
	Profile string
	// Profiles are the built-in profiles and the file's own.
	Profiles *profile.Set
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
	set, err := profile.NewSet(nil)
	if err != nil {
		// The built-in profiles are part of the binary and tested.
		panic(err)
	}
	return &Config{Profile: profile.Default, Profiles: set, MaxFileSize: plan.DefaultMaxSize}
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

// read reads the config file at path, which must be a regular file.
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
	if err := cfg.checkProfile(fmt.Sprintf("config %s: profile", path)); err != nil {
		return nil, err
	}
	return cfg, nil
}

// checkProfile refuses a default profile that no profile has, naming where it was set.
func (c *Config) checkProfile(source string) error {
	if _, ok := c.Profiles.Get(c.Profile); !ok {
		return fmt.Errorf("%s: %v", source, c.Profiles.Unknown(c.Profile))
	}
	return nil
}

// mergeFile parses data once into a node tree, validates the value decoded from that
// tree, and merges the same value into v as its file layer.
func mergeFile(v *viper.Viper, path string, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(yamltree.YAML11Directive(data), &doc); err != nil {
		line, _, msg := yamltree.YAMLErrorPosition(data, err)
		return fmt.Errorf("%s:%d: invalid YAML: %s", path, line, msg)
	}
	if len(doc.Content) == 0 || yamltree.IsNull(doc.Content[0]) {
		return nil
	}
	root := doc.Content[0]
	// Every mistake in the file is reported at once, each at its line: a config is
	// written by hand, and one error per run makes fixing it a loop of runs.
	var problems []problem
	asText(root, &problems)
	if len(problems) > 0 {
		return problemsError(path, problems)
	}
	var value any
	if err := root.Decode(&value); err != nil {
		// A key given twice (yaml.v3 refuses it only when decoding).
		line, _, msg := yamltree.YAMLErrorPosition(data, err)
		return fmt.Errorf("%s:%d: %s", path, line, msg)
	}
	for _, v := range planschema.ValidateConfig(value) {
		keyNode, n := yamltree.Locate(root, v.Tokens)
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
		problems = append(problems, problem{line, v.Message})
	}
	for _, key := range []string{"include", "exclude"} {
		list, _ := value.(map[string]any)[key].([]any)
		for i, pat := range list {
			if s, _ := pat.(string); !discover.ValidPattern(s) {
				line := 1
				if _, n := yamltree.Locate(root, []string{key, strconv.Itoa(i)}); n != nil {
					line = n.Line
				}
				problems = append(problems, problem{line, fmt.Sprintf("%s: %q is not a valid pattern: use gitignore syntax (*, ?, [abc], **)", key, s)})
			}
		}
	}
	if len(problems) > 0 {
		return problemsError(path, problems)
	}
	return v.MergeConfigMap(value.(map[string]any))
}

// problem is one mistake in a config file, at its line.
type problem struct {
	line int
	msg  string
}

// problemsError joins problems, in order of line, into one error of one FILE:LINE: message
// per problem; a caller that prints errors line by line unwraps it (Unwrap() []error).
func problemsError(path string, problems []problem) error {
	slices.SortStableFunc(problems, func(a, b problem) int { return cmp.Compare(a.line, b.line) })
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = fmt.Errorf("%s:%d: %s", path, p.line, p.msg)
	}
	return errors.Join(errs...)
}

// asText prepares the tree for a value JSON Schema can judge: every key is text (a list
// or mapping as a key is a problem at its line), and so are .inf, .nan and timestamps, as
// in plans, since JSON has no such values. Aliases are not followed: the node they
// name is visited where it is defined.
func asText(n *yaml.Node, problems *[]problem) {
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
				*problems = append(*problems, problem{k.Line, "a key must be a word, not a list or a mapping"})
			case k.Tag != "!!merge":
				k.Tag = "!!str"
			}
		}
	}
	for _, c := range n.Content {
		asText(c, problems)
	}
}

// settings reads the typed settings from v's layers over the defaults.
func settings(v *viper.Viper, path string) (*Config, error) {
	cfg := Default()
	cfg.Path = path
	if err := v.Unmarshal(&cfg.Layer, decodeByYAMLTag); err != nil {
		return nil, fmt.Errorf("config %s: %v", path, err)
	}
	own := map[string]*profile.Profile{}
	if err := v.UnmarshalKey("profiles", &own, decodeByYAMLTag); err != nil {
		return nil, fmt.Errorf("config %s: profiles: %v", path, err)
	}
	set, err := profile.NewSet(own)
	if err != nil {
		return nil, fmt.Errorf("config %s: %v", path, err)
	}
	cfg.Profiles = set
	if name := v.GetString("profile"); name != "" {
		cfg.Profile = name
	}
	// The file's own settings are checked once here, over the format's defaults, so that
	// a mistake in them is reported when the file is read rather than with every plan.
	r, err := set.Resolve(profile.Default)
	if err == nil {
		err = cfg.Layer.Apply(r)
	}
	if err != nil {
		return nil, fmt.Errorf("config %s: %v", path, err)
	}
	cfg.Include = v.GetStringSlice("include")
	cfg.Exclude = v.GetStringSlice("exclude")
	if v.IsSet("max_file_size") {
		cfg.MaxFileSize = v.GetInt64("max_file_size")
	}
	return cfg, nil
}

// decodeByYAMLTag lets viper fill the profile types through the yaml tags they are
// written with, the one spelling of each key.
func decodeByYAMLTag(c *mapstructure.DecoderConfig) {
	c.TagName = "yaml"
	c.Squash = true
}

// For returns the settings a plan that names the profile name is checked with: that
// profile (or the default, for ""), then the file's own settings over it.
func (c *Config) For(name string) (*profile.Resolved, error) {
	if name == "" {
		name = c.Profile
	}
	r, err := c.Profiles.Resolve(name)
	if err != nil {
		return nil, err
	}
	if err := c.Layer.Apply(r); err != nil {
		return nil, err
	}
	return r, nil
}
