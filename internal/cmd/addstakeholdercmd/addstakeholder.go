package addstakeholdercmd

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/planascode/plan/internal/atomicfile"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/filelock"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/lint"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
	"github.com/planascode/plan/internal/yamltree"
)

// DefaultLockTimeout is how long a run waits for another run editing the same file.
const DefaultLockTimeout = 30 * time.Second

// Options are the flags and arguments of `plan add-stakeholder`.
type Options struct {
	Env *cli.Env
	// File is the plan to edit; "" means the only plan file in the working directory.
	File string

	Name          string
	ID            string
	Profile       string
	Interest      string
	Influence     string
	Impact        string
	Participation string
	Current       string
	Desired       string
	Channels      []string
	Contact       string
	Vulnerable    bool
	Category      string
	Partner       bool
	PartOf        string
	Languages     []string
	Support       []string
	Notes         string

	DryRun bool
	// LockTimeout bounds the wait for another run on the same file; zero means
	// DefaultLockTimeout.
	LockTimeout time.Duration
}

// NewCmd builds `plan add-stakeholder`; runF replaces the run function in tests of flag
// parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "add-stakeholder [FILE] --name NAME",
		Short: "Add a stakeholder to a plan's register",
		Long: `Add a stakeholder to the end of the plan's stakeholders list.

The edit changes nothing but what it adds: every comment, blank line, key order
and quoting style in the file stays byte for byte as it was, so the change reads
as a clean addition in review. The new entry is indented like its neighbours and
written with the file's line endings. A missing stakeholders list is created in
its place in the format's section order, after objectives and before roles.

FILE defaults to the only *.plan.yaml (or *.plan.yml) file in the current
directory. The id defaults to a slug of the name ("Parents & carers" becomes
parents-carers); it must not already be in the register.

Before anything is written, the edited plan is validated against the schema; a
file that is not a valid plan is never edited. The file is replaced atomically
(a reader or a crash never sees half of it) and keeps its permissions, and
concurrent runs on one file take turns, so none of their additions is lost.

Afterwards the plan check findings about the new stakeholder are listed (for
example, that no activity invites them yet) as the next steps.`,
		Example: `  plan add-stakeholder --name "Parents & carers" --influence medium --impact high
  plan add-stakeholder engagement.plan.yaml --name "Year 7 pupils" --id year7 \
      --participation involve --current unaware --desired supportive \
      --channel "School assembly" --channel "Student council" --vulnerable
  plan add-stakeholder sep.plan.yaml --name "Fishing households" --category project-affected \
      --language English --language Pijin --support interpreters --support transport
  plan add-stakeholder --name "Steering committee" --partner
  plan add-stakeholder --name "Residents with disabilities" --part-of residents \
      --vulnerable --support accessible_formats --support venue_access
  plan add-stakeholder --name "Local traders" --dry-run`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return []string{"plan.yaml", "plan.yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Name, "name", "", "name of the stakeholder or group (required)")
	f.StringVar(&opts.ID, "id", "", "id to refer to them by (default: a slug of --name)")
	f.StringVar(&opts.Profile, "profile", "", "their social, technical, economic and political context (Markdown)")
	f.StringVar(&opts.Interest, "interest", "", "their issues and needs, and what they gain by taking part (Markdown)")
	f.StringVar(&opts.Influence, "influence", "", "influence over the outcome: "+strings.Join(plan.Levels, ", "))
	f.StringVar(&opts.Impact, "impact", "", "how strongly the project affects them: "+strings.Join(plan.Levels, ", "))
	f.StringVar(&opts.Participation, "participation", "", "level of input (IAP2): "+strings.Join(plan.ParticipationLevels, ", "))
	f.StringVar(&opts.Current, "current", "", "engagement today: "+strings.Join(plan.EngagementLevels, ", "))
	f.StringVar(&opts.Desired, "desired", "", "engagement we need: "+strings.Join(plan.EngagementLevels, ", "))
	// StringArray, not StringSlice: a channel such as "Email, phone" must stay one channel.
	f.StringArrayVar(&opts.Channels, "channel", nil, "a way to reach them; repeat for several")
	f.StringVar(&opts.Contact, "contact", "", "a named contact or group address")
	f.BoolVar(&opts.Vulnerable, "vulnerable", false, "they need extra support to take part")
	f.StringVar(&opts.Category, "category", "", "their category, from the values the plan's profile defines (ESS10: project-affected, other-interested)")
	f.BoolVar(&opts.Partner, "partner", false, "a partner or governing body, engaged through governance rather than as an audience")
	f.StringVar(&opts.PartOf, "part-of", "", "id of the stakeholder group they are part of")
	f.StringArrayVar(&opts.Languages, "language", nil, "a language they read and speak; repeat for several")
	f.StringArrayVar(&opts.Support, "support", nil, "support they need to take part: "+strings.Join(plan.SupportKinds, ", ")+"; repeat for several")
	f.StringVar(&opts.Notes, "notes", "", "anything else (Markdown)")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print a unified diff of the change and write nothing")
	_ = cmd.MarkFlagRequired("name")
	for flag, values := range map[string][]string{
		"influence":     plan.Levels,
		"impact":        plan.Levels,
		"participation": plan.ParticipationLevels,
		"current":       plan.EngagementLevels,
		"desired":       plan.EngagementLevels,
		"support":       plan.SupportKinds,
	} {
		_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
	}
	for _, flag := range []string{"name", "id", "profile", "interest", "channel", "contact", "notes", "category", "part-of", "language"} {
		_ = cmd.RegisterFlagCompletionFunc(flag, cobra.NoFileCompletions)
	}
	return cmd
}

// Run adds the stakeholder, or prints the diff that would add it.
func Run(opts *Options) error {
	s, err := stakeholder(opts)
	if err != nil {
		return err
	}
	target, err := opts.Env.Target(opts.File, "", "plan add-stakeholder FILE --name NAME")
	if err != nil {
		return err
	}
	name, path, cfg := target.Name, target.Path, target.Config

	if info, err := os.Stat(path); err != nil {
		return cli.BadInputf("%s: cannot read: %v", name, fserr.Cause(err))
	} else if info.IsDir() {
		return cli.BadInputf("%s: is a directory, not a plan file", name)
	}

	if !opts.DryRun {
		// Held from before the read until after the rename, so that a concurrent run
		// reads this run's result rather than the same original.
		timeout := opts.LockTimeout
		if timeout <= 0 {
			timeout = DefaultLockTimeout
		}
		lock, err := filelock.Acquire(path, timeout)
		if err != nil {
			return cli.BadInputf("%s: cannot edit: %v", name, fserr.Cause(err))
		}
		defer lock.Unlock()
	}

	maxSize := plan.Options{MaxSize: cfg.MaxFileSize}
	data, err := plan.ReadFile(path, maxSize)
	if err != nil {
		return refuse(opts, name, err)
	}
	before, err := plan.Parse(name, data, maxSize)
	if err != nil {
		return refuse(opts, name, err)
	}
	if err := checkPartOf(name, before, s.PartOf); err != nil {
		return err
	}
	out, err := edit.AddStakeholder(data, s)
	if err != nil {
		var dup *edit.DuplicateIDError
		if errors.As(err, &dup) {
			return cli.BadInputf("%s already has a stakeholder with id %q (line %d): choose another id with --id", name, dup.ID, dup.Line)
		}
		return cli.BadInputf("%s was not edited: %v; add the stakeholder by hand", name, err)
	}
	after, err := plan.Parse(name, out, maxSize)
	if err != nil {
		return cli.BadInputf("%s was not edited: with the new stakeholder it would not be a valid plan: %v", name, err)
	}

	if opts.DryRun {
		_, err := fmt.Fprint(opts.Env.IO.Out, edit.UnifiedDiff(diffName(name), data, out, 3))
		return err
	}
	if err := atomicfile.Write(path, out, 0o644); err != nil {
		return cli.BadInput(err)
	}

	w := opts.Env.IO.Out
	fmt.Fprintf(w, "Added stakeholder %q (%s) to %s\n", s.ID, s.Name, name)
	if next := Concerning(lint.New(cfg).CheckPlan(after), len(after.Stakeholders)-1, s.ID); len(next) > 0 {
		fmt.Fprintln(w, "\nNext steps:")
		for _, f := range next {
			fmt.Fprintln(w, f.String())
		}
	}
	return nil
}

// Concerning keeps the findings about the stakeholder at index i with the given id:
// those on its entry or anything in it, and those whose message names it.
func Concerning(fs []diag.Finding, i int, id string) []diag.Finding {
	pointer := yamltree.Pointer("stakeholders", strconv.Itoa(i))
	quoted := strconv.Quote(id)
	var out []diag.Finding
	for _, f := range fs {
		if f.Pointer == pointer || strings.HasPrefix(f.Pointer, pointer+"/") || strings.Contains(f.Message, quoted) {
			out = append(out, f)
		}
	}
	return out
}

// stakeholder checks the flags, before the file is touched, and builds the entry.
func stakeholder(opts *Options) (edit.Stakeholder, error) {
	s := edit.Stakeholder{
		ID: opts.ID, Name: strings.TrimSpace(opts.Name), Profile: opts.Profile, Interest: opts.Interest,
		Influence: opts.Influence, Impact: opts.Impact, Participation: opts.Participation,
		Current: opts.Current, Desired: opts.Desired, Channels: opts.Channels,
		Contact: opts.Contact, Vulnerable: opts.Vulnerable, Notes: opts.Notes,
		Category: opts.Category, Partner: opts.Partner, PartOf: opts.PartOf,
		Languages: opts.Languages, Support: opts.Support,
	}
	if s.Name == "" {
		return s, cli.BadInputf("--name must not be empty")
	}
	for _, e := range []struct {
		flag, value string
		allowed     []string
	}{
		{"influence", s.Influence, plan.Levels},
		{"impact", s.Impact, plan.Levels},
		{"participation", s.Participation, plan.ParticipationLevels},
		{"current", s.Current, plan.EngagementLevels},
		{"desired", s.Desired, plan.EngagementLevels},
	} {
		if e.value != "" && !slices.Contains(e.allowed, e.value) {
			return s, cli.BadInputf("invalid --%s %q: want %s", e.flag, e.value, strings.Join(e.allowed, ", "))
		}
	}
	for _, c := range s.Channels {
		if strings.TrimSpace(c) == "" {
			return s, cli.BadInputf("--channel must not be empty")
		}
	}
	for _, l := range s.Languages {
		if strings.TrimSpace(l) == "" {
			return s, cli.BadInputf("--language must not be empty")
		}
	}
	for i, v := range s.Support {
		if !slices.Contains(plan.SupportKinds, v) {
			return s, cli.BadInputf("invalid --support %q: want %s", v, strings.Join(plan.SupportKinds, ", "))
		}
		// The format lists each kind once; a repeat is more likely a slip than meant.
		if slices.Contains(s.Support[:i], v) {
			return s, cli.BadInputf("--support %q is given twice", v)
		}
	}
	// The category's values are the profile's, known only once the plan is read:
	// plan check's stakeholder-category finding names them among the next steps.
	for _, f := range []struct{ flag, value string }{{"category", s.Category}, {"part-of", s.PartOf}} {
		if f.value != "" && !edit.SlugPattern.MatchString(f.value) {
			return s, cli.BadInputf("invalid --%s %q: it is a lowercase letter followed by up to 62 lowercase letters, digits, '_' or '-'", f.flag, f.value)
		}
	}
	// Names, ids, contacts and channels are shown in lists and tables; only the
	// Markdown fields may span lines.
	oneLine := []struct{ flag, value string }{{"name", s.Name}, {"id", s.ID}, {"contact", s.Contact}}
	for _, c := range s.Channels {
		oneLine = append(oneLine, struct{ flag, value string }{"channel", c})
	}
	for _, l := range s.Languages {
		oneLine = append(oneLine, struct{ flag, value string }{"language", l})
	}
	for _, f := range oneLine {
		if err := cli.OneLine(f.flag, f.value); err != nil {
			return s, err
		}
	}
	for _, f := range []struct{ flag, value string }{{"profile", s.Profile}, {"interest", s.Interest}, {"notes", s.Notes}} {
		if err := cli.Text(f.flag, f.value); err != nil {
			return s, err
		}
	}
	if s.ID == "" {
		id, err := edit.Slug(s.Name)
		if err != nil {
			return s, cli.BadInputf("cannot make an id from --name %q (%v): give one with --id", s.Name, err)
		}
		s.ID = id
	} else if !edit.SlugPattern.MatchString(s.ID) {
		return s, cli.BadInputf("invalid --id %q: an id is a lowercase letter followed by up to 62 lowercase letters, digits, '_' or '-'", s.ID)
	}
	if s.PartOf != "" && s.PartOf == s.ID {
		return s, cli.BadInputf("--part-of %q is the new stakeholder's own id: name the group it is part of", s.PartOf)
	}
	return s, nil
}

// checkPartOf refuses a --part-of that names no stakeholder in the register: the entry
// would point nowhere, and a typo is likelier than a group still to be added.
func checkPartOf(name string, p *plan.Plan, partOf string) error {
	if partOf == "" {
		return nil
	}
	var ids []string
	for _, st := range p.Stakeholders {
		if st.ID == partOf {
			return nil
		}
		ids = append(ids, st.ID)
	}
	if near := wording.Closest(partOf, ids); near != "" {
		return cli.BadInputf("%s has no stakeholder %q for --part-of: did you mean %q?", name, partOf, near)
	}
	return cli.BadInputf("%s has no stakeholder %q for --part-of: give the id of a group in its register, or add that group first", name, partOf)
}

// refuse reports a file that cannot be read or is not a valid plan: the loader's
// findings on stderr, as plan check prints them, then one line saying the file was left
// alone.
func refuse(opts *Options, name string, err error) error {
	var pe *plan.Error
	if !errors.As(err, &pe) || len(pe.Findings) == 0 {
		return cli.BadInput(err)
	}
	for _, f := range pe.Findings {
		// The size check names the path it opened; every finding names the file as typed.
		f.File = name
		fmt.Fprintln(opts.Env.IO.ErrOut, f.String())
	}
	return cli.BadInputf("%s is not a valid plan, so it was not edited: fix the %s above first", name, plural(len(pe.Findings), "problem"))
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// diffName is the file's name in the diff headers: slash-separated and relative, as
// patch -p1 and git apply expect after the a/ and b/ prefixes.
func diffName(name string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(name)), "/")
}
