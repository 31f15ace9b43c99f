// Package recordcmd implements `plan record`, which adds one engagement record to a
// plan's records folder: a new file, so that it never touches what anyone else wrote.
//
// It checks the flags, builds the record, validates it against the record schema and
// the plan's ids before anything is written, and creates the file under a name no other
// run has taken. The name carries a short hash of the record's bytes, so two branches
// that record different things on one day never add the same file (and two that record
// the same thing add the same file with the same bytes, which git merges as one). Only
// the same record twice in one folder falls back to a suffix: atomicfile.Create fails
// rather than replace a file and the next suffix is tried, so concurrent runs lose
// nothing and need no lock.
package recordcmd

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/atomicfile"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/filelock"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planedit"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/schema"
)

// maxSuffix bounds the search for a free file name: a folder with that many records of
// one slug on one day is a folder something is wrong with.
const maxSuffix = 10000

// Options are the flags and arguments of `plan record`.
type Options struct {
	Env *cli.Env
	// File is the plan; "" means the only plan file in the working directory.
	File   string
	Config string

	Date     string
	Until    string
	Activity string
	Summary  string
	Channel  string
	// Stakeholders are ID or ID=PEOPLE.
	Stakeholders []string
	Issues       []string
	RaisedBy     []string
	Response     string
	Commitment   string
	Owner        string
	Due          string
	Disclosed    []string
	// Grievances are categories, each a grievance received on the record's date.
	Grievances []string
	// Measures are ID=VALUE.
	Measures    []string
	ReportBacks []string
	Slug        string
	DryRun      bool
	// LockTimeout bounds the wait for a run editing the plan; zero means
	// planedit.DefaultLockTimeout.
	LockTimeout time.Duration
}

// NewCmd builds `plan record`; runF replaces the run function in tests of flag parsing.
func NewCmd(env *cli.Env, runF func(*Options) error) *cobra.Command {
	if runF == nil {
		runF = Run
	}
	opts := &Options{Env: env}
	cmd := &cobra.Command{
		Use:   "record [FILE] [--date DATE] [--activity ID] [--stakeholder ID[=PEOPLE]]...",
		Short: "Record engagement that happened, beside the plan",
		Long: `Add one engagement record: what happened on a day, which planned activity it
carried out, whom it engaged and how many came, what they raised, and what was
promised in response (see docs/records.md).

Each record is a new file, DATE-SLUG-HASH.record.yaml, in the plan's records
folder (the plan's "records:", else NAME.records beside NAME.plan.yaml), so two
people recording on two branches never edit the same file and their work
merges without a conflict. The slug is --slug, else the activity's id, else made
from --summary; HASH is four hex digits of the record's content, so different
records never share a name. The same record written twice gets the next free
suffix (-2, -3…), so concurrent runs never overwrite each other.

FILE defaults to the only *.plan.yaml (or *.plan.yml) file in the current
directory; --date to today (PLAN_TODAY, else today's local date). Every id must
be the plan's: an activity, stakeholders, documents (disclosure), measures
(evaluation.measures) and decisions. The record is validated against the
record schema and the plan before anything is written, and written atomically.
To record more than one issue with a response, or to close a commitment or
resolve a grievance later, edit the record file.

Exit status: 0 when the record was written (or printed with --dry-run), 2 for
bad flags, a plan that is not valid, or an id the plan does not have.`,
		Example: `  plan record --activity drop-in-library --date 2027-03-04 \
      --stakeholder residents=34 --stakeholder older-residents=9 \
      --summary "Most questions were about parking on Main Street"
  plan record council.plan.yaml --date 2027-03-18 --stakeholder traders=12 \
      --issue "Loading zones would be lost" --raised-by traders \
      --response "Loading zones stay; parking moves to Smith Street" \
      --commitment "Publish the parking survey" --owner "Transport team" --due 2027-04-01
  plan record --date 2027-04-23 --measure contributions=812 --measure route-ratings=36
  plan record --date 2027-05-28 --report-back route-priorities --stakeholder residents
  plan record --date 2027-03-09 --grievance access --summary "Venue had no step-free entrance"
  plan record --activity launch-announcement --date 2027-03-09 --dry-run`,
	}
	cli.FileArg(cmd, &opts.File, func() error { return runF(opts) })
	f := cmd.Flags()
	cli.ConfigFlag(cmd, &opts.Config, "")
	f.StringVar(&opts.Date, "date", "", "the day it happened, YYYY-MM-DD (default: PLAN_TODAY, else today's local date)")
	f.StringVar(&opts.Until, "until", "", "the last day, for a record that spans several days")
	f.StringVar(&opts.Activity, "activity", "", "id of the planned activity it carried out (none for an ad-hoc contact)")
	f.StringVar(&opts.Summary, "summary", "", "what happened, in a sentence or two")
	f.StringVar(&opts.Channel, "channel", "", "how people were engaged: where, or on which platform")
	// StringArray, not StringSlice: a value such as "Parking, loading" must stay one.
	f.StringArrayVar(&opts.Stakeholders, "stakeholder", nil, "a stakeholder group engaged, as ID or ID=PEOPLE; repeat for several")
	f.StringArrayVar(&opts.Issues, "issue", nil, "something people raised; repeat for several")
	f.StringArrayVar(&opts.RaisedBy, "raised-by", nil, "id of a stakeholder group that raised the issue (one --issue only); repeat for several")
	f.StringVar(&opts.Response, "response", "", "the response given to the issue (one --issue only)")
	f.StringVar(&opts.Commitment, "commitment", "", "a commitment made in response to the issue (one --issue only)")
	f.StringVar(&opts.Owner, "owner", "", "who keeps the commitment")
	f.StringVar(&opts.Due, "due", "", "the day the commitment is due, YYYY-MM-DD")
	f.StringArrayVar(&opts.Disclosed, "disclosed", nil, "id of a document (in the plan's disclosure) disclosed; repeat for several")
	f.StringArrayVar(&opts.Grievances, "grievance", nil, "the category of a grievance received that day; repeat for several")
	f.StringArrayVar(&opts.Measures, "measure", nil, "a measured value, as ID=VALUE (a measure of evaluation.measures); repeat for several")
	f.StringArrayVar(&opts.ReportBacks, "report-back", nil, "id of a decision reported back on; repeat for several")
	f.StringVar(&opts.Slug, "slug", "", "the file name's slug (default: the activity's id, else made from --summary)")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print the record and the file it would go to, and write nothing")
	cli.CompleteNothing(cmd, "date", "until", "activity", "summary", "channel", "stakeholder", "issue", "raised-by", "response",
		"commitment", "owner", "due", "disclosed", "grievance", "measure", "report-back", "slug")
	return cmd
}

// Run writes the record, or prints it.
func Run(opts *Options) error {
	d, err := draftOf(opts)
	if err != nil {
		return err
	}
	target, err := opts.Env.Target(opts.File, opts.Config, "plan record FILE --date DATE")
	if err != nil {
		return err
	}
	if !opts.DryRun {
		// The plan's lock, held as the editing commands hold it, so that a rename with
		// --update-references, which rewrites the records folder, cannot run between
		// this run's check of the ids and its write.
		lock, err := filelock.Acquire(target.Path, cmp.Or(opts.LockTimeout, planedit.DefaultLockTimeout))
		if err != nil {
			return cli.BadInputf("%s: cannot add a record: %v", target.Name, fserr.Cause(err))
		}
		defer lock.Unlock()
	}
	p, err := target.Load()
	if err != nil {
		return err
	}
	data, err := d.encode()
	if err != nil {
		return err
	}
	slug, err := fileSlug(opts)
	if err != nil {
		return err
	}
	if err := record.CheckFolder(p, target.Path, target.Name); err != nil {
		return cli.BadInput(err)
	}
	dir, _ := record.Dir(p, target.Path)
	shown, _ := record.Dir(p, target.Name)
	slug += "-" + contentHash(data)
	first := fileName(d.Date, slug, 1)
	if err := validate(p, filepath.ToSlash(filepath.Join(shown, first)), data, target.Config.MaxFileSize); err != nil {
		return err
	}
	if opts.DryRun {
		fmt.Fprintf(opts.Env.IO.ErrOut, "plan: would write %s\n", filepath.ToSlash(filepath.Join(shown, freeName(dir, d.Date, slug))))
		_, err := opts.Env.IO.Out.Write(data)
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return cli.BadInputf("%s: cannot make the records folder: %v", filepath.ToSlash(shown), errors.Unwrap(err))
	}
	name, err := create(dir, d.Date, slug, data)
	if err != nil {
		return cli.BadInput(err)
	}
	_, err = fmt.Fprintf(opts.Env.IO.Out, "Recorded %s\n", filepath.ToSlash(filepath.Join(shown, name)))
	return err
}

// validate refuses a record that would not load or names an id the plan does not have,
// before anything is written.
func validate(p *plan.Plan, name string, data []byte, maxSize int64) error {
	r, err := record.Parse(name, data, plan.Options{MaxSize: maxSize})
	if err != nil {
		// Every field was checked as its flag was read; a record that still breaks the
		// schema is a gap between the flags and the schema.
		return fmt.Errorf("the record built from the flags is not valid: %w", err)
	}
	check, _ := rules.ByID("record-unknown-reference")
	results := check.CheckRecords(p, rules.Progress{All: &record.Set{Records: []*record.Record{r}}}, rules.DefaultSettings())
	if len(results) == 0 {
		return nil
	}
	msgs := make([]string, len(results))
	for i, res := range results {
		msgs[i] = res.Message
	}
	return cli.BadInputf("%s: nothing recorded: %s", p.File, strings.Join(msgs, "; "))
}

// contentHash is the short hash of a record's bytes its file name carries: four hex
// digits keep the name readable, and two different records of one activity on one day,
// on two branches, share a name once in 65536.
func contentHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:2])
}

// fileName is DATE-SLUG.record.yaml, or DATE-SLUG-N.record.yaml for the Nth of a name.
func fileName(date, slug string, n int) string {
	if n > 1 {
		slug += "-" + strconv.Itoa(n)
	}
	return date + "-" + slug + record.Suffix
}

// create writes data under the first free name in dir. atomicfile.Create refuses a name
// that is taken, even one another run took a moment ago, so two runs never write one
// file: the later tries the next suffix.
func create(dir, date, slug string, data []byte) (string, error) {
	for n := 1; n <= maxSuffix; n++ {
		name := fileName(date, slug, n)
		err := atomicfile.Create(filepath.Join(dir, name), data, 0o644)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("%s: %d records named %s already: choose another --slug", dir, maxSuffix, fileName(date, slug, 1))
}

// freeName is the name create would take now, for --dry-run.
func freeName(dir, date, slug string) string {
	for n := 1; n <= maxSuffix; n++ {
		if _, err := os.Lstat(filepath.Join(dir, fileName(date, slug, n))); errors.Is(err, fs.ErrNotExist) {
			return fileName(date, slug, n)
		}
	}
	return fileName(date, slug, maxSuffix+1)
}

// fileSlug is --slug, else the activity's id, else a slug of the summary, else "record".
func fileSlug(opts *Options) (string, error) {
	switch {
	case opts.Slug != "":
		if !edit.SlugPattern.MatchString(opts.Slug) {
			return "", cli.BadInputf("invalid --slug %q: it is a lowercase letter followed by up to 62 lowercase letters, digits, '_' or '-'", opts.Slug)
		}
		return opts.Slug, nil
	case opts.Activity != "":
		return opts.Activity, nil
	}
	// A slug of a whole sentence makes an unwieldy file name; its first words do.
	if s, err := edit.Slug(firstWords(opts.Summary, 6)); err == nil {
		return s, nil
	}
	return "record", nil
}

func firstWords(s string, n int) string {
	words := strings.Fields(s)
	return strings.Join(words[:min(n, len(words))], " ")
}

// draft is a record as it is written: the fields in the format's order, empty ones left
// out.
type draft struct {
	SchemaVersion int          `yaml:"schema_version"`
	Date          string       `yaml:"-"`
	DateValue     day          `yaml:"date"`
	Until         day          `yaml:"until,omitempty"`
	Activity      string       `yaml:"activity,omitempty"`
	Summary       string       `yaml:"summary,omitempty"`
	Channel       string       `yaml:"channel,omitempty"`
	Engaged       []engaged    `yaml:"engaged,omitempty"`
	Issues        []issue      `yaml:"issues,omitempty"`
	Disclosed     []string     `yaml:"disclosed,omitempty,flow"`
	Grievances    []grievance  `yaml:"grievances,omitempty"`
	Measures      []measure    `yaml:"measures,omitempty"`
	ReportBacks   []reportBack `yaml:"report_backs,omitempty"`
}

type engaged struct {
	Stakeholder string `yaml:"stakeholder"`
	People      *int   `yaml:"people,omitempty"`
}

type issue struct {
	Text       string      `yaml:"text"`
	RaisedBy   []string    `yaml:"raised_by,omitempty,flow"`
	Response   string      `yaml:"response,omitempty"`
	Commitment *commitment `yaml:"commitment,omitempty"`
}

type commitment struct {
	Text  string `yaml:"text"`
	Owner string `yaml:"owner,omitempty"`
	Due   day    `yaml:"due,omitempty"`
}

type grievance struct {
	Category string `yaml:"category"`
}

type measure struct {
	Measure string  `yaml:"measure"`
	Value   float64 `yaml:"value"`
}

type reportBack struct {
	Decision string `yaml:"decision"`
}

// day is a date written plain (2027-03-04), as people write it, not quoted as yaml.v3
// writes a string that reads as a timestamp.
type day string

// MarshalYAML writes the day as a plain timestamp.
func (d day) MarshalYAML() (any, error) {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: string(d)}, nil
}

// encode writes the record as its file holds it, with the modeline that lets an editor
// validate and complete it.
func (d *draft) encode() ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# yaml-language-server: $schema=%s\n", schema.RecordID)
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
