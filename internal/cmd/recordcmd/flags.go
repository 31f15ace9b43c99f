package recordcmd

import (
	"math"
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/plan"
)

// draftOf checks the flags, before any file is read, and builds the record.
func draftOf(opts *Options) (*draft, error) {
	d := &draft{SchemaVersion: 1, Activity: opts.Activity, Summary: strings.TrimSpace(opts.Summary), Channel: strings.TrimSpace(opts.Channel)}

	var date plan.Date
	var err error
	if opts.Date == "" {
		date, err = opts.Env.Today("")
	} else {
		date, err = aDay("date", opts.Date)
	}
	if err != nil {
		return nil, err
	}
	d.Date, d.DateValue = date.String(), day(date.String())
	if opts.Until != "" {
		until, err := aDay("until", opts.Until)
		if err != nil {
			return nil, err
		}
		if until.Before(date) {
			return nil, cli.BadInputf("--until %s is before --date %s", until, date)
		}
		d.Until = day(until.String())
	}

	for _, f := range []struct{ flag, value string }{{"summary", d.Summary}, {"channel", d.Channel}, {"response", opts.Response}} {
		if err := cli.Text(f.flag, f.value); err != nil {
			return nil, err
		}
	}
	if err := cli.OneLine("channel", d.Channel); err != nil {
		return nil, err
	}
	if err := ids("activity", opts.Activity); err != nil {
		return nil, err
	}

	given := map[string]string{}
	for _, s := range opts.Stakeholders {
		e, err := engagedOf(s)
		if err != nil {
			return nil, err
		}
		if before, seen := given[e.Stakeholder]; seen {
			return nil, cli.BadInputf("--stakeholder %s and --stakeholder %s name the same group: give it once, with all its people", before, s)
		}
		given[e.Stakeholder] = s
		d.Engaged = append(d.Engaged, e)
	}
	if err := issuesOf(opts, d); err != nil {
		return nil, err
	}
	if err := ids("disclosed", opts.Disclosed...); err != nil {
		return nil, err
	}
	d.Disclosed = opts.Disclosed
	for _, c := range opts.Grievances {
		if err := nonBlankLine("grievance", c); err != nil {
			return nil, err
		}
		d.Grievances = append(d.Grievances, grievance{Category: strings.TrimSpace(c)})
	}
	for _, m := range opts.Measures {
		v, err := measureOf(m)
		if err != nil {
			return nil, err
		}
		d.Measures = append(d.Measures, v)
	}
	if err := ids("report-back", opts.ReportBacks...); err != nil {
		return nil, err
	}
	for _, id := range opts.ReportBacks {
		d.ReportBacks = append(d.ReportBacks, reportBack{Decision: id})
	}
	return d, nil
}

// issuesOf adds the --issue flags; a response, commitment or raised-by belongs to one
// issue, so they need exactly one.
func issuesOf(opts *Options, d *draft) error {
	perIssue := opts.Response != "" || opts.Commitment != "" || len(opts.RaisedBy) > 0
	if perIssue && len(opts.Issues) != 1 {
		return cli.BadInputf("--raised-by, --response and --commitment belong to one issue: give exactly one --issue with them (record more issues by editing the file)")
	}
	if (opts.Owner != "" || opts.Due != "") && opts.Commitment == "" {
		return cli.BadInputf("--owner and --due are the commitment's: give --commitment with them")
	}
	if err := ids("raised-by", opts.RaisedBy...); err != nil {
		return err
	}
	for _, text := range opts.Issues {
		if err := nonBlankLine("issue", text); err != nil {
			return err
		}
		d.Issues = append(d.Issues, issue{Text: strings.TrimSpace(text), RaisedBy: opts.RaisedBy, Response: strings.TrimSpace(opts.Response)})
	}
	if opts.Commitment == "" {
		return nil
	}
	if err := nonBlankLine("commitment", opts.Commitment); err != nil {
		return err
	}
	if err := cli.OneLine("owner", opts.Owner); err != nil {
		return err
	}
	c := &commitment{Text: strings.TrimSpace(opts.Commitment), Owner: strings.TrimSpace(opts.Owner)}
	if opts.Due != "" {
		due, err := aDay("due", opts.Due)
		if err != nil {
			return err
		}
		c.Due = day(due.String())
	}
	d.Issues[0].Commitment = c
	return nil
}

// aDay reads a flag that must be one day: a record says when something happened, and
// a commitment when it is due, so a month or a season will not do. A range is two
// flags.
func aDay(flag, value string) (plan.Date, error) {
	if from, to, ok := strings.Cut(value, ".."); ok && flag == "date" {
		return plan.Date{}, cli.BadInputf("--date %s is a range: use --date %s and --until %s", value, from, to)
	}
	return cli.Day("--"+flag, value)
}

// engagedOf reads ID or ID=PEOPLE.
func engagedOf(s string) (engaged, error) {
	id, people, hasPeople := strings.Cut(s, "=")
	if err := ids("stakeholder", id); err != nil {
		return engaged{}, err
	}
	e := engaged{Stakeholder: id}
	if hasPeople {
		n, err := strconv.Atoi(people)
		if err != nil || n < 0 {
			return engaged{}, cli.BadInputf("invalid --stakeholder %q: write ID=PEOPLE with a whole number of people, as in residents=34", s)
		}
		e.People = &n
	}
	return e, nil
}

// measureOf reads ID=VALUE.
func measureOf(s string) (measure, error) {
	id, value, ok := strings.Cut(s, "=")
	bad := cli.BadInputf("invalid --measure %q: write ID=VALUE with a number, as in survey-responses=412 (a percentage as 62, not 62%%)", s)
	if !ok {
		return measure{}, bad
	}
	if err := ids("measure", id); err != nil {
		return measure{}, err
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return measure{}, bad
	}
	return measure{Measure: id, Value: v}, nil
}

// ids checks flags that name ids of the plan: each a slug (--activity may be empty, for
// an ad-hoc contact). Whether the plan has them is checked once it is read.
func ids(flag string, values ...string) error {
	for _, v := range values {
		if v == "" && flag == "activity" {
			continue
		}
		if !edit.SlugPattern.MatchString(v) {
			return cli.BadInputf("invalid --%s %q: an id is a lowercase letter followed by up to 62 lowercase letters, digits, '_' or '-'", flag, v)
		}
	}
	return nil
}

func nonBlankLine(flag, value string) error {
	if strings.TrimSpace(value) == "" {
		return cli.BadInputf("--%s must not be empty", flag)
	}
	return cli.OneLine(flag, value)
}
