package plan

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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
