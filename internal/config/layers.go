package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Options are the keys a command takes from its flag of the given name and from the
// PLAN_* variable of the key (EnvName). The file sets none of them but profile: they say
// how one run behaves, the file what a plan must hold (and profile, the kind of plan a
// repository's plans are when they do not say).
var Options = map[string]string{
	"color":      "color",
	"config":     "config",
	"fail_level": "fail-level",
	"fail_on":    "fail-on",
	"format":     "format",
	"jobs":       "jobs",
	"profile":    "profile",
}

// EnvName is the variable that sets key: PLAN_FAIL_LEVEL for fail_level.
func EnvName(key string) string { return "PLAN_" + strings.ToUpper(key) }

// Layers are where one command's configuration comes from.
type Layers struct {
	// Dir is where the search for .planrc.yaml starts.
	Dir string
	// Getenv reads the PLAN_* variables (the command's environment, which tests fake).
	Getenv func(string) string
	// Flags are the command's flags; the Options among them join the configuration. Nil
	// for none.
	Flags *pflag.FlagSet
	// NoFile leaves the config file out, for settings needed before any file is read
	// (--color) by commands that never read one.
	NoFile bool
}

// Resolve builds one command's configuration, each layer over the one before: the
// defaults (a flag's own default for an option), the config file, the PLAN_* variables,
// then the flags the user gave. The file is --config, else PLAN_CONFIG, else the
// .planrc.yaml Find finds from Dir; without one the file layer is empty.
func Resolve(l Layers) (*Config, error) {
	if l.Getenv == nil {
		l.Getenv = func(string) string { return "" }
	}
	v := viper.New()
	from := map[string]string{}
	env := map[string]any{}
	for key, name := range Options {
		var f *pflag.Flag
		if l.Flags != nil {
			f = l.Flags.Lookup(name)
		}
		// PLAN_CONFIG applies to every command that reads a config, with --config or not.
		if f == nil && key != "config" {
			continue
		}
		if val := l.Getenv(EnvName(key)); val != "" && (f == nil || !f.Changed) {
			if f != nil && f.Value.Type() == "int" {
				if _, err := strconv.Atoi(val); err != nil {
					return nil, fmt.Errorf("%s=%q is not a whole number", EnvName(key), val)
				}
			}
			env[key], from[key] = val, EnvName(key)
		}
		if f != nil {
			if err := v.BindPFlag(key, f); err != nil {
				return nil, err
			}
		}
	}
	if !l.NoFile {
		path, _ := env["config"].(string)
		if l.Flags != nil && l.Flags.Changed(Options["config"]) {
			path = v.GetString("config")
		}
		if err := mergeFound(v, path, l.Dir); err != nil {
			return nil, err
		}
	}
	// The variables are merged over the file rather than bound with viper.BindEnv, which
	// reads the process's environment: they come from l.Getenv like every other variable.
	if err := v.MergeConfigMap(env); err != nil {
		return nil, err
	}
	cfg, err := settings(v, v.ConfigFileUsed())
	if err != nil {
		return nil, err
	}
	cfg.v, cfg.from = v, from
	source := fmt.Sprintf("config %s: profile", cfg.Path)
	if _, fromEnv := env["profile"]; fromEnv || (l.Flags != nil && l.Flags.Changed(Options["profile"])) {
		source = cfg.From("profile")
	}
	if err := cfg.checkProfile(source); err != nil {
		return nil, err
	}
	return cfg, nil
}

// mergeFound merges the config file at path, else the one Find finds from dir, if any.
func mergeFound(v *viper.Viper, path, dir string) error {
	if path == "" {
		found, err := Find(dir)
		if err != nil || found == "" {
			return err
		}
		path = found
	}
	data, err := read(path)
	if err != nil {
		return err
	}
	// Named for ConfigFileUsed; viper never reads it, since mergeFile has the bytes.
	v.SetConfigFile(path)
	return mergeFile(v, path, data)
}

// String is the value of option key; "" when the command has no such option.
func (c *Config) String(key string) string {
	if c.v == nil {
		return ""
	}
	return c.v.GetString(key)
}

// Int is the value of option key, such as jobs; 0 when the command has no such option.
func (c *Config) Int(key string) int {
	if c.v == nil {
		return 0
	}
	return c.v.GetInt(key)
}

// From names where option key's value came from, for messages about it: the flag when it
// was given or nothing else was, else the variable (--format, or PLAN_FORMAT).
func (c *Config) From(key string) string {
	if f, ok := c.from[key]; ok {
		return f
	}
	return "--" + Options[key]
}
