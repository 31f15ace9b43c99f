package plan

import (
	"fmt"
	"time"

	"gopkg.in/yaml.v3"
)

// Date is a calendar day with no time or zone, as the format requires. The zero Date
// means "not given"; every real day, 0001-01-01 (time.Time's zero) included, is set.
type Date struct {
	t   time.Time
	set bool
}

const dateLayout = "2006-01-02"

// ParseDate reads YYYY-MM-DD and rejects days that do not exist, such as 2027-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil || t.Year() < 1 {
		// Go reads year 0000, but there was no year 0, and the format's dates start at
		// 0001-01-01.
		return Date{}, fmt.Errorf("%q is not a real date in the form YYYY-MM-DD", s)
	}
	return Date{t: t, set: true}, nil
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

// String formats the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(dateLayout)
}

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// AddDays returns the date n days later (or earlier for negative n).
func (d Date) AddDays(n int) Date { return Date{t: d.t.AddDate(0, 0, n), set: d.set} }

// DaysUntil returns the number of days from d to o; negative when o is earlier. It
// counts in Unix seconds: a time.Duration cannot span more than 292 years.
func (d Date) DaysUntil(o Date) int {
	return int((o.t.Unix() - d.t.Unix()) / (24 * 60 * 60))
}

// Before reports whether d is strictly earlier than o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is strictly later than o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

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
