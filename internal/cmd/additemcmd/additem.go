package additemcmd

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planedit"
	"github.com/planascode/plan/internal/yamltree"
)

// Options are the flags and arguments of one `plan add-*` command.
type Options struct {
	Env  *cli.Env
	Kind *edit.Kind
	// File is the plan to edit; "" means the only plan file in the working directory.
	File string
	// Values are the fields given on the command line, by key, as edit.Item holds them.
	Values map[string]any

	DryRun bool
	// Config is the --config flag.
	Config string
	// LockTimeout bounds the wait for another run on the same file; zero means
	// planedit.DefaultLockTimeout.
	LockTimeout time.Duration
}

// NewCmds builds a `plan add-*` command for every kind of entry, in the format's order.
func NewCmds(env *cli.Env) []*cobra.Command {
	var cmds []*cobra.Command
	for _, k := range edit.Kinds {
		cmds = append(cmds, NewCmd(env, k, nil))
	}
	return cmds
}

// CommandName is the command that adds an entry of kind k: add-stakeholder,
// add-grievance-channel.
func CommandName(k *edit.Kind) string {
	return "add-" + strings.ReplaceAll(k.Noun, " ", "-")
}

// NewCmd builds the command that adds an entry of kind k, with a flag for each of its
// fields; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, k *edit.Kind, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env, Kind: k}
	h := help[k]
	name := CommandName(k)
	var required []string
	for _, f := range k.Fields {
		if f.Required && f.Key != "id" {
			required = append(required, "--"+f.FlagName()+" "+strings.ToUpper(f.FlagName()))
		}
	}
	cmd := &cobra.Command{
		Use:     name + " [FILE] " + strings.Join(required, " "),
		Short:   h.short,
		Long:    h.long + "\n\n" + strings.ReplaceAll(commonLong, "LIST", k.PathString()),
		Example: h.example,
		Args:    cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return cli.CompletePlanFiles(nil, args, "")
		},
	}
	f := cmd.Flags()
	set := map[string]func() any{}
	for _, field := range k.Fields {
		flag, usage := field.FlagName(), field.Help
		if field.Values != nil {
			usage += ": " + strings.Join(field.Values, ", ")
		}
		switch {
		case field.Type == edit.Bool:
			v := f.Bool(flag, false, usage)
			set[field.Key] = func() any { return *v }
		case field.Type == edit.Int:
			v := f.Int(flag, 0, usage)
			set[field.Key] = func() any { return *v }
		case field.List:
			// StringArray, not StringSlice: a channel such as "Email, phone" must stay one.
			v := f.StringArray(flag, nil, usage)
			set[field.Key] = func() any { return trimmed(field, *v) }
		default:
			v := f.String(flag, "", usage)
			set[field.Key] = func() any { return trimmed(field, []string{*v})[0] }
		}
		if field.Required && field.Key != "id" {
			_ = cmd.MarkFlagRequired(flag)
		}
		complete := cobra.NoFileCompletions
		switch {
		case field.Values != nil:
			complete = cobra.FixedCompletions(field.Values, cobra.ShellCompDirectiveNoFileComp)
		case field.Type == edit.Ref:
			to := edit.KindByNoun(field.RefTo)
			complete = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
				return planIDs(env, args, to), cobra.ShellCompDirectiveNoFileComp
			}
		}
		_ = cmd.RegisterFlagCompletionFunc(flag, complete)
	}
	f.BoolVar(&opts.DryRun, "dry-run", false, "print a unified diff of the change and write nothing")
	cli.ConfigFlag(cmd, &opts.Config, "config file for the next steps' checks")
	cmd.RunE = func(_ *cobra.Command, args []string) error {
		if len(args) == 1 {
			opts.File = args[0]
		}
		opts.Values = map[string]any{}
		for _, field := range k.Fields {
			if f.Changed(field.FlagName()) {
				opts.Values[field.Key] = set[field.Key]()
			}
		}
		return runF(opts)
	}
	return cmd
}

// planIDs completes a reference with the ids of kind to in the plan the command line
// names, or the only plan in the directory; nothing when there is no plan to read.
func planIDs(env *cli.Env, args []string, to *edit.Kind) []string {
	file := ""
	if len(args) > 0 {
		file = args[0]
	}
	target, err := env.Target(file, "", "")
	if err != nil {
		return nil
	}
	p, err := target.Load()
	if err != nil {
		return nil
	}
	return to.IDs(p)
}

// trimmed drops the spaces around values that are not prose: a name or an id typed with
// a space after it means the same without.
func trimmed(f edit.Field, values []string) []string {
	if f.Type == edit.Prose || f.Type == edit.Markdown {
		return values
	}
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = strings.TrimSpace(v)
	}
	return out
}

// flagName names a field in messages as the user typed it.
func flagName(f edit.Field) string { return "--" + f.FlagName() }

// Item checks the values, before the file is touched, and builds the entry, with an id
// made from its label (or the next field its id may come from) when none was given.
func Item(k *edit.Kind, values map[string]any) (edit.Item, error) {
	it := edit.Item{Kind: k, Values: values}
	for _, f := range k.Fields {
		if s, ok := values[f.Key].(string); ok && s == "" && f.Type != edit.Prose && f.Type != edit.Markdown {
			// Given, but blank once trimmed: a slip, not a way to leave the field out.
			return it, cli.BadInputf("%s must not be empty", flagName(f))
		}
	}
	if k.HasID() && it.ID() == "" {
		idField := k.Fields[0]
		for _, key := range idField.IDFrom {
			from, _ := values[key].(string)
			if from == "" {
				continue
			}
			id, err := edit.Slug(from)
			if err != nil {
				field, _ := k.Field(key)
				return it, cli.BadInputf("cannot make an id from %s %q (%v): give one with --id", flagName(field), from, err)
			}
			values["id"] = id
			break
		}
	}
	if err := it.CheckLines(flagName); err != nil {
		return it, cli.BadInput(err)
	}
	if err := it.ValidateAs(flagName); err != nil {
		return it, cli.BadInput(err)
	}
	return it, nil
}

// Run adds the entry, or prints the diff that would add it.
func Run(opts *Options) error {
	k := opts.Kind
	it, err := Item(k, opts.Values)
	if err != nil {
		return err
	}
	// openEnded is the id of the open-ended phase that ends the timeline, which a new
	// phase goes before.
	var openEnded string
	res, err := planedit.Run(planedit.Edit{
		Env: opts.Env, File: opts.File, Usage: "plan " + CommandName(k) + " FILE",
		DryRun: opts.DryRun, LockTimeout: opts.LockTimeout, Config: opts.Config,
		With: "with the new " + k.Noun, Task: "add the " + k.Noun,
		Change: func(in *planedit.Input) ([]byte, []plan.Reference, error) {
			data, before := in.Data, in.Before
			name := before.File
			if err := checkRefs(name, before, it); err != nil {
				return nil, nil, err
			}
			openEnded = trailingOpenEnded(before, it)
			it.BeforeLast = openEnded != ""
			out, err := edit.AddItem(data, it)
			var dup *edit.DuplicateIDError
			if errors.As(err, &dup) {
				return nil, nil, cli.BadInputf("%s already has a %s with id %q (line %d): choose another id with --id", name, dup.Noun, dup.ID, dup.Line)
			}
			return out, nil, err
		},
	})
	if err != nil || opts.DryRun {
		return err
	}
	index := listLen(res.After.Root, k.Path) - 1
	did := fmt.Sprintf("Added %s to %s", describe(it), res.Name)
	if openEnded != "" {
		index--
		did += fmt.Sprintf(", before the open-ended phase %q, which stays last", openEnded)
	}
	next := Concerning(res.All(), k.Path, index, it.ID())
	planedit.Done(opts.Env, res, did, next)
	return nil
}

// trailingOpenEnded returns the id of the plan's last phase when it is open-ended (an
// ongoing phase with no end, weeks or days) and it is a new phase that ends: the new
// phase goes before it, since after it, it could not be dated (phase-undated); "" for any
// other entry.
func trailingOpenEnded(p *plan.Plan, it edit.Item) string {
	if it.Kind != edit.Phases || p.Timeline == nil || len(p.Timeline.Phases) == 0 {
		return ""
	}
	last := p.Timeline.Phases[len(p.Timeline.Phases)-1]
	if !last.End.IsZero() || last.Weeks > 0 || last.Days > 0 || last.Kind != plan.KindOngoing {
		return ""
	}
	for _, key := range []string{"end", "weeks", "days"} {
		if v, ok := it.Values[key]; ok && v != nil && v != "" {
			return last.ID
		}
	}
	return ""
}

// describe names the new entry in the report: its kind, id and label, the label cut to
// its first line.
func describe(it edit.Item) string {
	label, cut := it.Label(), false
	if i := strings.IndexAny(label, "\r\n"); i >= 0 {
		label, cut = label[:i], true
	}
	if r := []rune(label); len(r) > 60 {
		label, cut = string(r[:60]), true
	}
	if cut {
		label = strings.TrimSpace(label) + "…"
	}
	switch {
	case it.ID() != "" && label != "":
		return fmt.Sprintf("%s %q (%s)", it.Kind.Noun, it.ID(), label)
	case it.ID() != "":
		return fmt.Sprintf("%s %q", it.Kind.Noun, it.ID())
	}
	return fmt.Sprintf("%s %q", it.Kind.Noun, label)
}

// listLen is the number of entries of the list at path in the document, aliases and
// merge keys followed, as the loader reads it.
func listLen(root *yaml.Node, path []string) int {
	n := root
	for _, step := range path {
		n = yamltree.Resolve(yamltree.Value(yamltree.Resolve(n), step))
		if n == nil {
			return 0
		}
	}
	return len(n.Content)
}

// Concerning keeps the findings about the entry at index i of the list at path, with
// the given id: those on its entry or anything in it, and those whose message names it.
func Concerning(fs []diag.Finding, path []string, i int, id string) []diag.Finding {
	pointer := yamltree.Pointer(append(append([]string{}, path...), strconv.Itoa(i))...)
	quoted := strconv.Quote(id)
	var out []diag.Finding
	for _, f := range fs {
		if f.Pointer == pointer || strings.HasPrefix(f.Pointer, pointer+"/") || id != "" && strings.Contains(f.Message, quoted) {
			out = append(out, f)
		}
	}
	return out
}

// checkRefs refuses a reference to an entry the plan lacks, naming the likeliest id.
func checkRefs(name string, p *plan.Plan, it edit.Item) error {
	err := edit.CheckRefs(p, it)
	var unknown *edit.UnknownRefError
	if !errors.As(err, &unknown) {
		return err
	}
	msg := fmt.Sprintf("%s has no %s %q for %s", name, unknown.Field.RefTo, unknown.ID, flagName(unknown.Field))
	if unknown.Near != "" {
		return cli.BadInputf("%s: did you mean %q?", msg, unknown.Near)
	}
	to := edit.KindByNoun(unknown.Field.RefTo)
	return cli.BadInputf("%s: give the id of one in its %s, or add it first with plan %s", msg, to.PathString(), CommandName(to))
}
