package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/wording"
)

// dateLayout is how the report writes a day: unambiguous in every English-speaking
// country, unlike 03/09/2027.
const dateLayout = "2 Jan 2006"

// FormatDate writes d as "9 Mar 2027", a month as "Mar 2027", a quarter as "Q1 2027", a
// season as "Summer 2027", a span moved by arithmetic as its first and last day; "" for
// the zero Date.
func FormatDate(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision() {
	case plan.Month:
		return d.Time().Format("Jan 2006")
	case plan.Quarter, plan.Season:
		// "2027-Q1" and "2027-summer" read back to front in a sentence.
		year, part, _ := strings.Cut(d.String(), "-")
		return wording.Capitalise(part) + " " + year
	case plan.Span:
		return d.Time().Format(dateLayout) + " – " + d.Last().Time().Format(dateLayout)
	}
	return d.Time().Format(dateLayout)
}

// formatRange writes the days from a to b (inclusive); an open end says so.
func formatRange(a, b plan.Date) string {
	switch {
	case a.IsZero():
		return ""
	case b.IsZero():
		return "from " + FormatDate(a)
	}
	return FormatDate(a) + " – " + FormatDate(b)
}

// Duration writes a number of days as words ("4 weeks", "1 week 2 days"), or nothing
// for a phase with no length to show.
func Duration(days int) string {
	if days <= 0 {
		return ""
	}
	return wording.DaysInWords(days)
}

// days writes a number of days the plan gives ("5 days"), or "" when it gives none.
func days(n *int) string {
	if n == nil {
		return ""
	}
	return wording.Plural(*n, "day")
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

var wordSeparators = strings.NewReplacer("_", " ", "-", " ")

// lowerFirst lower-cases the first letter of s, for a title used inside a sentence.
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// label turns an enum value or a key ("report_back", "subject-matter") into words.
func label(s string) string {
	return wording.Capitalise(wordSeparators.Replace(s))
}

// RoleTitle names a role key: the format's name for a well-known one, the key in words
// otherwise.
func RoleTitle(key string) string {
	if t, ok := plan.RoleTitle(key); ok {
		return wording.Capitalise(t)
	}
	return label(key)
}

// blank reports whether s holds nothing but white space.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// formatAmount writes an amount with thousands separators, with cents only when the
// budget has any.
func formatAmount(v float64, cents bool) string {
	neg := v < 0
	v = math.Abs(v)
	var s string
	if cents {
		s = strconv.FormatFloat(v, 'f', 2, 64)
	} else {
		s = strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// hasCents reports whether an amount has a fractional part worth showing; one that has
// gives the whole budget its cents.
func hasCents(amount float64) bool { return math.Round(amount*100) != math.Round(amount)*100 }

// money writes an amount with its currency code.
func money(currency string, v float64, cents bool) string {
	if currency == "" {
		return formatAmount(v, cents)
	}
	return fmt.Sprintf("%s %s", currency, formatAmount(v, cents))
}
