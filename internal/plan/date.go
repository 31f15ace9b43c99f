package plan

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Date is a calendar day with no time or zone, as the format requires, or, where a plan
// only knows that much, a month (2027-03), a quarter (2027-Q1) or a season (2027-summer):
// a span of days, of which the date is one. The zero Date means "not given"; every real
// day, 0001-01-01 (time.Time's zero) included, is set.
//
// A span is compared honestly: d.Before(o) only when every day d allows is before every
// day o allows, so a rule never reports what the plan does not say. Arithmetic (AddDays)
// moves the whole span; a span moved so is written as an ISO 8601 interval, A/B.
type Date struct {
	t    time.Time // the first day
	last time.Time // the last day; the zero time for a single day
	set  bool
	prec Precision
}

// Precision is how exactly a date was written.
type Precision uint8

// The precisions a date may be written with.
const (
	Day Precision = iota
	Month
	Quarter
	Season
	// Span is a span moved by arithmetic, no longer one month, quarter or season.
	Span
)

const dateLayout = "2006-01-02"

// seasons are the meteorological seasons of the northern hemisphere, by their first
// month; winter runs into the next year. A plan south of the equator writes months.
var seasons = map[string]time.Month{"spring": time.March, "summer": time.June, "autumn": time.September, "fall": time.September, "winter": time.December}

// ParseDate reads YYYY-MM-DD, and YYYY-MM, YYYY-Qn and YYYY-season where a plan only
// knows that much, and rejects days that do not exist, such as 2027-02-30.
func ParseDate(s string) (Date, error) {
	if len(s) >= 7 && s[4] == '-' && len(s) != 10 {
		return parseSpan(s)
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil || t.Year() < 1 {
		// Go reads year 0000, but there was no year 0, and the format's dates start at
		// 0001-01-01.
		return Date{}, fmt.Errorf("%q is not a real date in the form YYYY-MM-DD (or YYYY-MM, YYYY-Q1, YYYY-summer)", s)
	}
	return Date{t: t, set: true}, nil
}

func parseSpan(s string) (Date, error) {
	bad := fmt.Errorf("%q is not a date: write YYYY-MM-DD, or YYYY-MM, YYYY-Q1 or YYYY-summer when only that much is known", s)
	year, err := time.Parse("2006", s[:4])
	if err != nil || year.Year() < 1 {
		return Date{}, bad
	}
	rest := strings.ToLower(s[5:])
	var first time.Time
	var months int
	var prec Precision
	switch {
	case len(rest) == 2 && rest[0] >= '0' && rest[0] <= '9':
		m, err := time.Parse("2006-01", s)
		if err != nil {
			return Date{}, bad
		}
		first, months, prec = m, 1, Month
	case len(rest) == 2 && rest[0] == 'q' && rest[1] >= '1' && rest[1] <= '4':
		first, months, prec = time.Date(year.Year(), time.Month(3*int(rest[1]-'1')+1), 1, 0, 0, 0, 0, time.UTC), 3, Quarter
	default:
		m, ok := seasons[rest]
		if !ok || rest != s[5:] {
			return Date{}, bad
		}
		first, months, prec = time.Date(year.Year(), m, 1, 0, 0, 0, 0, time.UTC), 3, Season
	}
	last := first.AddDate(0, months, -1)
	if last.Year() > 9999 {
		return Date{}, fmt.Errorf("%q runs past 9999-12-31, the last day a date can name", s)
	}
	return Date{t: first, last: last, set: true, prec: prec}, nil
}

// LastDate is the last day a plan can name: YYYY-MM-DD has four digits of year. Anything
// drawn past it (the tail of an open-ended phase, a calendar's exclusive end) must stop
// there or be written another way.
var LastDate = MustDate("9999-12-31")

// MustDate is ParseDate for literals in tests and templates.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{t: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), set: true}
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return !d.set }

// String formats the date as it is written: YYYY-MM-DD, YYYY-MM, YYYY-Qn, YYYY-season,
// or a moved span as FIRST/LAST; "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.prec == Month:
		return d.t.Format("2006-01")
	case d.prec == Quarter:
		return fmt.Sprintf("%s-Q%d", d.t.Format("2006"), (int(d.t.Month())-1)/3+1)
	case d.prec == Season:
		for name, m := range seasons {
			if m == d.t.Month() && name != "fall" {
				return d.t.Format("2006") + "-" + name
			}
		}
	case d.prec == Span:
		return d.t.Format(dateLayout) + "/" + d.last.Format(dateLayout)
	}
	return d.t.Format(dateLayout)
}

// Precision is how exactly the date was written.
func (d Date) Precision() Precision { return d.prec }

// Precise reports whether the date is one day.
func (d Date) Precise() bool { return d.prec == Day }

// First and Last are the first and last day the date allows; both are d for a day.
func (d Date) First() Date { return Date{t: d.t, set: d.set} }

// Last is the last day the date allows.
func (d Date) Last() Date {
	if d.Precise() {
		return d
	}
	return Date{t: d.last, set: d.set}
}

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// AddDays returns the date n days later (or earlier for negative n); a span moves whole.
func (d Date) AddDays(n int) Date {
	if d.Precise() {
		return Date{t: d.t.AddDate(0, 0, n), set: d.set}
	}
	return Date{t: d.t.AddDate(0, 0, n), last: d.last.AddDate(0, 0, n), set: d.set, prec: Span}
}

// DaysUntil returns the number of days from d's first day to o's; negative when o is
// earlier. It
// counts in Unix seconds: a time.Duration cannot span more than 292 years.
func (d Date) DaysUntil(o Date) int {
	return int((o.t.Unix() - d.t.Unix()) / (24 * 60 * 60))
}

// Before reports whether d is strictly earlier than o on every day each allows.
func (d Date) Before(o Date) bool { return d.Last().t.Before(o.t) }

// After reports whether d is strictly later than o on every day each allows.
func (d Date) After(o Date) bool { return d.t.After(o.Last().t) }

// UnmarshalYAML accepts both a YAML timestamp and a quoted string, since the format allows
// either; an empty value leaves the zero Date.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Value == "" || n.ShortTag() == "!!null" {
		*d = Date{}
		return nil
	}
	parsed, err := ParseDate(n.Value)
	if err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %v", n.Line, err)}}
	}
	*d = parsed
	return nil
}
