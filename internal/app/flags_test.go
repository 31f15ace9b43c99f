package app

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

// TestShortFlagsMeanOneThing: a short flag means the same long flag in every command
// that has it (-f is --format everywhere, so no command may make it --force), and a
// long flag that has a short form in one command has the same one, or none, in others.
func TestShortFlagsMeanOneThing(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewRootCmd(&cli.Env{IO: ios, Getenv: func(string) string { return "" }})
	long := map[string]string{}  // shorthand -> long name
	short := map[string]string{} // long name -> shorthand
	where := map[string]string{} // shorthand -> the command that first used it
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		visit := func(f *pflag.Flag) {
			if f.Shorthand == "" {
				return
			}
			if l, ok := long[f.Shorthand]; ok && l != f.Name {
				t.Errorf("%s: -%s is --%s, but in %s it is --%s", c.CommandPath(), f.Shorthand, f.Name, where[f.Shorthand], l)
			}
			if s, ok := short[f.Name]; ok && s != f.Shorthand {
				t.Errorf("%s: --%s is -%s, elsewhere -%s", c.CommandPath(), f.Name, f.Shorthand, s)
			}
			if _, ok := long[f.Shorthand]; !ok {
				long[f.Shorthand], short[f.Name], where[f.Shorthand] = f.Name, f.Shorthand, c.CommandPath()
			}
		}
		c.LocalFlags().VisitAll(visit)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if long["f"] != "format" {
		t.Errorf("-f is --%s, want --format", long["f"])
	}
}
