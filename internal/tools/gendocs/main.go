// Command gendocs writes plan's shell completion scripts and man pages from the cobra
// command tree, for release archives and packagers:
//
//	go run ./internal/tools/gendocs [-version V] [-date D] COMPLETIONS-DIR MANPAGES-DIR
//
// It lives outside the plan binary so that the man page generator (cobra/doc and its
// Markdown-to-roff converter) is not linked into every copy of plan. The completion
// scripts are the same ones `plan completion SHELL` prints; they ask the installed plan
// binary for candidates at run time (through its hidden __complete command), so they
// complete template names, rule ids and formats of whichever version is installed.
//
// -date (RFC 3339 or YYYY-MM-DD, default SOURCE_DATE_EPOCH, else today) is the date in
// the man pages' footer: a release passes its commit date so that rebuilding a tag gives
// byte-identical archives.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/planascode/plan/internal/app"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

func main() {
	if err := run(os.Args[1:], os.Getenv, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "gendocs: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gendocs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	versionFlag := fs.String("version", "dev", "version shown in the man pages")
	dateFlag := fs.String("date", "", "date shown in the man pages (RFC 3339 or YYYY-MM-DD; default SOURCE_DATE_EPOCH, else today)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gendocs [-version V] [-date D] COMPLETIONS-DIR MANPAGES-DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return errors.New("want two directories")
	}
	date, err := docDate(*dateFlag, getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return err
	}
	version := strings.TrimPrefix(*versionFlag, "v")
	root := rootCmd(version)
	if err := Completions(root, fs.Arg(0)); err != nil {
		return err
	}
	return ManPages(root, fs.Arg(1), version, date)
}

// docDate picks the man pages' date: the flag, then SOURCE_DATE_EPOCH (the
// reproducible-builds convention), then today.
func docDate(flagValue, epoch string) (time.Time, error) {
	if flagValue != "" {
		for _, layout := range []string{time.RFC3339, time.DateOnly} {
			if t, err := time.Parse(layout, flagValue); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("invalid -date %q: want RFC 3339 or YYYY-MM-DD", flagValue)
	}
	if epoch != "" {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("invalid SOURCE_DATE_EPOCH %q: %w", epoch, err)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// rootCmd builds the real command tree, completion command included (app adds it when
// the tree is built, so it gets a man page too).
func rootCmd(version string) *cobra.Command {
	ios, _, _, _ := iostreams.Test()
	env := &cli.Env{IO: ios, Build: cli.BuildInfo{Version: version}, Now: time.Now, Getenv: func(string) string { return "" }}
	return app.NewRootCmd(env)
}

// completionScripts names the completion script of each shell by the name the shell
// looks for (zsh autoloads functions named after the file, so its script is _plan), and
// writes it with descriptions on: they show each template's and rule's summary beside it.
var completionScripts = []struct {
	shell, file string
	gen         func(*cobra.Command, io.Writer) error
}{
	{"bash", "plan.bash", func(c *cobra.Command, w io.Writer) error { return c.GenBashCompletionV2(w, true) }},
	{"zsh", "_plan", (*cobra.Command).GenZshCompletion},
	{"fish", "plan.fish", func(c *cobra.Command, w io.Writer) error { return c.GenFishCompletion(w, true) }},
	{"powershell", "plan.ps1", (*cobra.Command).GenPowerShellCompletionWithDesc},
}

// Completions writes the completion script of every shell into dir.
func Completions(root *cobra.Command, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, s := range completionScripts {
		var b bytes.Buffer
		if err := s.gen(root, &b); err != nil {
			return fmt.Errorf("%s completion: %w", s.shell, err)
		}
		if err := os.WriteFile(filepath.Join(dir, s.file), b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// ManPages writes one page in section 1 per command into dir (plan.1, plan-check.1, …),
// after removing the pages of an earlier run so that a removed command leaves none behind.
func ManPages(root *cobra.Command, dir, version string, date time.Time) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, err := filepath.Glob(filepath.Join(dir, root.Name()+"*.1"))
	if err != nil {
		return err
	}
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	// The generator's "Auto generated by spf13/cobra on <date>" line would differ on
	// every run and tells a reader nothing.
	for _, c := range commands(root) {
		c.DisableAutoGenTag = true
	}
	header := &doc.GenManHeader{
		Title:   strings.ToUpper(root.Name()),
		Section: "1",
		Date:    &date,
		Source:  strings.TrimSpace(root.Name() + " " + version),
		Manual:  "plan manual",
	}
	return doc.GenManTree(root, header, dir)
}

// commands returns root and every command below it.
func commands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		out = append(out, commands(c)...)
	}
	return out
}
