package wording

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// OneLine folds the line breaks of a folded or literal YAML scalar, and any run of white
// space, into single spaces: names and labels are shown on one line in every format.
func OneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// Plural counts a thing: "1 day", "3 days".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// Capitalise upper-cases the first letter of s, for a kind or id that starts a sentence.
func Capitalise(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// letters spells the Latin letters that have no decomposition into a base letter and
// accents, so that "Straße" becomes "strasse" rather than "stra-e".
var letters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'þ': "th", 'ł': "l",
	'ı': "i", 'ħ': "h", 'ŋ': "ng", 'ĸ': "k", 'ſ': "s", 'ŧ': "t",
}

// apostrophes are the characters people type for one, which join a word's letters rather
// than separate words: "People‘s", "Hawaiʻi".
var apostrophes = map[rune]bool{'\'': true, '’': true, '‘': true, 'ʼ': true, 'ʻ': true, '´': true, '`': true, '＇': true}

// ASCIIWords spells s as lower-case ASCII words, for ids and names made from text:
// accented Latin letters lose their accents ("Café" gives "cafe"), letters with no
// decomposition are spelt out ("Straße" gives "strasse"), apostrophes join a word
// ("People's" gives "peoples"), an underscore stays inside a word (snake_case) but is
// none on its own, and every other character separates words, letters with no ASCII
// spelling included.
func ASCIIWords(s string) []string {
	var b strings.Builder
	sep := false
	// Apostrophes go before decomposition, which would split "´" into a space and an
	// accent.
	s = strings.Map(func(r rune) rune {
		if apostrophes[r] {
			return -1
		}
		return r
	}, strings.ToLower(s))
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteRune(r)
		case letters[r] != "":
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			sep = false
			b.WriteString(letters[r])
		case unicode.Is(unicode.Mn, r):
			// Accents left over from decomposition.
		default:
			sep = true
		}
	}
	var words []string
	for _, w := range strings.Split(b.String(), "-") {
		if w = strings.Trim(w, "_"); w != "" {
			words = append(words, w)
		}
	}
	return words
}

// WeeksAndDays writes a number of days the way plans are written: "4w 2d", "3w" or "5d",
// for tables and labels where space is short. Sentences use DaysInWords.
func WeeksAndDays(days int) string {
	sign := ""
	if days < 0 {
		sign, days = "-", -days
	}
	w, d := days/7, days%7
	switch {
	case w == 0:
		return fmt.Sprintf("%s%dd", sign, d)
	case d == 0:
		return fmt.Sprintf("%s%dw", sign, w)
	}
	return fmt.Sprintf("%s%dw %dd", sign, w, d)
}

// DaysInWords writes a number of days as a sentence would: "4 weeks", "1 week 2 days",
// "6 days", "0 days".
func DaysInWords(days int) string {
	w, d := days/7, days%7
	switch {
	case w == 0:
		return Plural(d, "day")
	case d == 0:
		return Plural(w, "week")
	}
	return Plural(w, "week") + " " + Plural(d, "day")
}

// Slug joins the ASCII words of s with "-" and keeps it within max bytes, cut at a word
// boundary when one falls in the second half (else mid-word); "" when s has no usable
// letters. Stakeholder ids and calendar UIDs both come from it, so a name is spelt the
// same in both.
func Slug(s string, max int) string {
	slug := strings.Join(ASCIIWords(s), "-")
	if len(slug) > max {
		slug = slug[:max]
		if i := strings.LastIndexAny(slug, "-_"); i >= max/2 {
			slug = slug[:i]
		}
	}
	return strings.TrimRight(slug, "-_")
}

// Closest returns the word of allowed nearest to key by edit distance, when it is near
// enough to be a typo of it (one edit in a short word, two in a longer one), else "":
// the "did you mean" of schema keys, profile, rule and role names.
func Closest(key string, allowed []string) string {
	limit := 1
	if len(key) >= 4 {
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, a := range allowed {
		if d := editDistance(key, a); d < bestDist {
			best, bestDist = a, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Article is "an" before a word that starts with a vowel letter, else "a": enough for
// the format's own words (an engagement, a close).
func Article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// List joins items as a sentence does: "a", "a and b", "a, b and c".
func List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
