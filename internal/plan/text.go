package plan

import (
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
