// Package initcmd implements `plan init`, which scaffolds a plan from an embedded template.
package initcmd

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/atomicfile"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/discover"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/schema"
	"github.com/planascode/plan/templates"
)

// DefaultFile is where `plan init` writes when given no file.
const DefaultFile = "engagement.plan.yaml"

// DefaultTemplate is the template used without --template.
const DefaultTemplate = "online-engagement"

// Options are the flags and arguments of `plan init`.
type Options struct {
	Env      *cli.Env
	File     string
	Template string
	Title    string
	Start    string
	Schema   string
	// Profile is the profile the plan names; "" for the template's own.
	Profile string
	// Lead names the engagement lead, in the templates that have one to fill in.
	Lead  string
	Force bool
	List  bool
	// templateChosen is set when --template was given, so --profile does not pick one.
	templateChosen bool
}

// NewCmd builds `plan init`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Scaffold a new plan from a template",
		Long: `Scaffold a new plan file from one of the built-in templates (see --list).

The file starts with a modeline so that editors with the YAML language server
validate and complete it, and every section carries a comment saying what
belongs there. What you must fill in is a placeholder such as "[Name]" or
"[Insert ...]", which plan check reports until it is replaced; --title and
--lead fill in the title and the engagement lead.

The blank template holds only the title and the lead: with both given, it has
no placeholder left, and plan check asks for the objectives, stakeholders and
timeline phases you grow it with (plan add-objective, add-stakeholder,
add-phase and the other add commands).

The other templates lay out their timeline from --start (today by default),
each phase at the length the template recommends for it. An existing file is
never overwritten without --force.`,
		Example: `  plan init
  plan init consultations/cycling.plan.yaml --title "Draft cycling strategy" --start 2027-03-01
  plan init --template software-deployment rollout.plan.yaml
  plan init --profile ess10 sep.plan.yaml
  plan init --list`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: cli.CompletePlanFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.List {
				// --list writes nothing, so a FILE or another flag beside it would be
				// silently ignored: most likely --list was left in by mistake.
				if len(args) > 0 {
					return cli.BadInputf("--list takes no FILE: it only lists the templates")
				}
				for _, name := range []string{"template", "title", "lead", "start", "schema", "profile", "force"} {
					if cmd.Flags().Changed(name) {
						return cli.BadInputf("--list cannot be used with --%s: it only lists the templates", name)
					}
				}
			}
			opts.File = DefaultFile
			opts.templateChosen = cmd.Flags().Changed("template")
			if len(args) == 1 {
				opts.File = args[0]
			}
			return runF(opts)
		},
	}
	cmd.SetFlagErrorFunc(flagError)
	f := cmd.Flags()
	f.StringVarP(&opts.Template, "template", "t", DefaultTemplate, "template to start from (see --list)")
	f.StringVar(&opts.Title, "title", "", "title of the engagement (default: a placeholder to fill in)")
	f.StringVar(&opts.Profile, "profile", "", "profile the plan names, the kind of plan it is (see plan profiles); picks the template made for it unless --template is given")
	f.StringVar(&opts.Start, "start", "", "first day of the timeline, YYYY-MM-DD (default: today)")
	f.StringVar(&opts.Schema, "schema", schema.PlanID, "path or URL of plan.schema.json for the editor modeline on line 1")
	// No -f: across plan's commands -f is --format, and a slip of the finger must not
	// overwrite a plan.
	f.BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	f.StringVar(&opts.Lead, "lead", "", "name of the engagement lead: a person, team or organisation (default: a placeholder to fill in)")
	f.BoolVar(&opts.List, "list", false, "list the templates and exit")
	_ = cmd.RegisterFlagCompletionFunc("template", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		list, _ := Templates()
		names := make([]string, len(list))
		for i, t := range list {
			names[i] = t.Name + "\t" + t.Description
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// flagError answers -f, which plan init once had for --force, with the flag it is now:
// the unknown-shorthand error alone leaves a user whose habit or script says -f guessing.
// Every other flag error is the root's to word.
func flagError(cmd *cobra.Command, err error) error {
	var unknown *pflag.NotExistError
	if errors.As(err, &unknown) && unknown.GetSpecifiedName() == "f" && unknown.GetSpecifiedShortnames() != "" {
		return cli.BadInputf("-f is not a flag of plan init: to overwrite, use --force")
	}
	if cmd.HasParent() {
		return cmd.Parent().FlagErrorFunc()(cmd, err)
	}
	return err
}

// Template describes one scaffold.
type Template struct {
	Name        string `yaml:"name"`
	File        string `yaml:"file"`
	Description string `yaml:"description"`
	Profile     string `yaml:"profile"`
}

// Templates lists the embedded templates in the order of their index.
func Templates() ([]Template, error) {
	data, err := fs.ReadFile(templates.Init, "init/index.yaml")
	if err != nil {
		return nil, err
	}
	var list []Template
	if err := yaml.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("templates/init/index.yaml: %w", err)
	}
	return list, nil
}

// Run scaffolds the plan, or lists the templates.
func Run(opts *Options) error {
	list, err := Templates()
	if err != nil {
		return err
	}
	out := opts.Env.IO.Out
	if opts.List {
		for _, t := range list {
			fmt.Fprintf(out, "%-22s %s\n", t.Name, t.Description)
		}
		return nil
	}
	profileName, err := opts.profile()
	if err != nil {
		return err
	}
	if profileName != "" && !opts.templateChosen {
		// The template made for the profile, if there is one: the first that names it,
		// since blank names first-plan as minimal does.
		if i := slices.IndexFunc(list, func(t Template) bool { return t.Profile == profileName }); i >= 0 {
			opts.Template = list[i].Name
		}
	}
	names := make([]string, len(list))
	for i, t := range list {
		names[i] = t.Name
	}
	if err := cli.OneOf("template", opts.Template, names); err != nil {
		return err
	}
	chosen := list[slices.Index(names, opts.Template)]
	profileName = cmp.Or(profileName, chosen.Profile)
	if opts.Title != "" && strings.TrimSpace(opts.Title) == "" {
		return cli.BadInputf("--title must not be blank: give the engagement's name, or leave --title out for a placeholder")
	}
	if err := cli.OneLine("title", opts.Title); err != nil {
		return err
	}
	if opts.Lead != "" && strings.TrimSpace(opts.Lead) == "" {
		return cli.BadInputf("--lead must not be blank: name the engagement lead, or leave --lead out for a placeholder")
	}
	if err := cli.OneLine("lead", opts.Lead); err != nil {
		return err
	}
	if err := cli.OneLine("schema", opts.Schema); err != nil {
		return err
	}
	if opts.File == "-" {
		return cli.BadInputf("plan init writes a file, not standard output: name the file, such as %s", DefaultFile)
	}
	if namesDir(opts.File) && !isDir(opts.Env.Path(opts.File)) {
		// A trailing separator says the user means a directory, existing or not: the same
		// advice as for one that exists (below), not a plan named after the directory.
		return cli.BadInputf("%s: names a directory; name a file such as %s", opts.File, filepath.Join(opts.File, DefaultFile))
	}
	if base := filepath.Base(opts.File); !discover.IsPlanName(base) && !isDir(opts.Env.Path(opts.File)) {
		// Every other command finds plans by these names: a plan called anything else
		// would be checked by nobody.
		return cli.BadInputf("%s is not named *.plan.yaml or *.plan.yml, so plan check and the other commands would not find it: name it %s", opts.File, filepath.Join(filepath.Dir(opts.File), PlanName(base)))
	}
	start := plan.DateOf(opts.Env.Clock())
	if opts.Start != "" {
		if start, err = plan.ParseDate(opts.Start); err != nil {
			return cli.BadInputf("--start: %v", err)
		}
	}
	data, p, err := Scaffold(chosen, Data{Title: opts.Title, Lead: opts.Lead, Start: start.String(), SchemaURL: opts.Schema, Profile: profileName})
	if err != nil {
		return err
	}
	for _, r := range p.ResolvePhases() {
		if r.PastLastDate {
			return cli.BadInputf("--start %s is too late: the template's phases would run past %s", start, plan.LastDate)
		}
	}

	path := opts.Env.Path(opts.File)
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return cli.BadInputf("%s: is a directory; name a file such as %s", opts.File, filepath.Join(opts.File, DefaultFile))
		}
		if !opts.Force {
			return cli.BadInputf("%s already exists: use --force to overwrite it", opts.File)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return cli.BadInputf("%s: %v", opts.File, fserr.Cause(err))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return cli.BadInputf("cannot create the directory for %s: %v", opts.File, fserr.Cause(err))
	}
	write := atomicfile.Write
	if !opts.Force {
		// The file did not exist a moment ago; Create keeps it that way if another
		// program makes it meanwhile, where Write would replace it.
		write = atomicfile.Create
	}
	if err := write(path, data, 0o644); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return cli.BadInputf("%s already exists: use --force to overwrite it", opts.File)
		}
		return cli.BadInput(err)
	}
	next := "Fill in the placeholders"
	if !bytes.Contains(data, []byte(`"[`)) {
		next = "Grow it with plan add-objective, add-stakeholder, add-phase and the other add commands"
	}
	fmt.Fprintf(out, "Created %s from the %s template.\n%s, then run: plan check %s\n", opts.File, chosen.Name, next, opts.File)
	return nil
}

// Data is what the init templates are executed with.
type Data struct {
	// Title is the title as a YAML scalar, quoted when it needs to be.
	Title string
	// Lead is the engagement lead's name as a YAML scalar, or "" for the template's
	// placeholder.
	Lead      string
	Start     string
	SchemaURL string
	// Profile is the profile the plan names, or "" for none.
	Profile string
}

const titlePlaceholder = "[Insert the name of the engagement]"

// Scaffold executes template t and checks that the result is a plan the loader accepts,
// so a broken template can never reach a user's disk. It returns the file and the plan
// it holds.
func Scaffold(t Template, d Data) ([]byte, *plan.Plan, error) {
	src, err := fs.ReadFile(templates.Init, "init/"+t.File)
	if err != nil {
		return nil, nil, err
	}
	tmpl, err := template.New(t.File).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, nil, fmt.Errorf("template %s: %w", t.Name, err)
	}
	title := d.Title
	if title == "" {
		title = titlePlaceholder
	}
	// --title is one line (checked by Run), so it always fits on one.
	d.Title = edit.PlainOrQuoted(title)
	if d.Lead != "" {
		// The template writes its own placeholder when there is none.
		d.Lead = edit.PlainOrQuoted(d.Lead)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, d); err != nil {
		return nil, nil, fmt.Errorf("template %s: %w", t.Name, err)
	}
	p, err := plan.Parse(t.File, buf.Bytes(), plan.Options{})
	if err != nil {
		return nil, nil, fmt.Errorf("template %s does not produce a valid plan: %w", t.Name, err)
	}
	return buf.Bytes(), p, nil
}

// profile is the --profile given, checked against the built-in profiles and those of the
// config file that applies here.
func (opts *Options) profile() (string, error) {
	if opts.Profile == "" {
		return "", nil
	}
	cfg, err := opts.Env.Config(nil)
	if err != nil {
		return "", err
	}
	if _, ok := cfg.Profiles.Get(opts.Profile); !ok {
		return "", cli.BadInputf("--profile: %v", cfg.Profiles.Unknown(opts.Profile))
	}
	return opts.Profile, nil
}

// PlanName is the name a plan file called name should have: name.plan.yaml, keeping a
// .yml or .yaml extension where it has one ("notes.yml" becomes "notes.plan.yml").
// Endings are recognised in any case and written in lower case ("a.plan.YAML" becomes
// "a.plan.yaml"), since the other commands find plans by lower-case names only.
func PlanName(name string) string {
	ext := ".yaml"
	for _, e := range []string{".yaml", ".yml"} {
		if hasSuffixFold(name, e) {
			name, ext = name[:len(name)-len(e)], e
			break
		}
	}
	if hasSuffixFold(name, ".plan") {
		name = name[:len(name)-len(".plan")]
	}
	return name + ".plan" + ext
}

// hasSuffixFold is strings.HasSuffix ignoring ASCII case, which is all a file
// extension needs.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// namesDir reports whether path ends in a separator, the way to name a directory.
func namesDir(path string) bool {
	return path != "" && os.IsPathSeparator(path[len(path)-1])
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}
