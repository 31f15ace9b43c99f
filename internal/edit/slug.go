package edit

import (
	"errors"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ErrNoSlug is returned by Slug for a name with nothing to make an id from.
var ErrNoSlug = errors.New("the name has no letters or digits to make an id from")

// slugPrefix starts a slug whose name starts with a digit, since an id must start with a
// letter.
const slugPrefix = "s-"

// letters spells the Latin letters that have no decomposition into a base letter and
// accents, so that "Straße" becomes "strasse" rather than "stra-e".
var letters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'þ': "th", 'ł': "l",
	'ı': "i", 'ħ': "h", 'ŋ': "ng", 'ĸ': "k", 'ſ': "s",
}

// Slug makes an id from a stakeholder's name: lowercase ASCII letters and digits, words
// joined by "-" ("Parents & carers" is "parents-carers"). Accented Latin letters lose
// their accents, apostrophes vanish ("People's panel" is "peoples-panel"), other
// characters separate words, and letters with no ASCII spelling are dropped. A name that
// starts with a digit gets the prefix "s-", and a long one is cut at a word boundary, so
// the result always matches SlugPattern; a name with nothing usable gives ErrNoSlug.
func Slug(name string) (string, error) {
	var b strings.Builder
	sep := false
	for _, r := range norm.NFKD.String(strings.ToLower(name)) {
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
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == 'ʼ':
			// Accents left over from decomposition, and apostrophes, which join a word.
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			// A letter with no ASCII spelling: dropped, but it still separates words
			// from neighbours that have one.
			sep = true
		default:
			sep = true
		}
	}
	// An underscore joins the letters around it (snake_case_group) but is no word of
	// its own: "A _ B" is "a-b", not "a-_-b".
	words := strings.Split(b.String(), "-")
	kept := words[:0]
	for _, w := range words {
		if w = strings.Trim(w, "_"); w != "" {
			kept = append(kept, w)
		}
	}
	s := strings.Join(kept, "-")
	if s == "" {
		return "", ErrNoSlug
	}
	if s[0] < 'a' || s[0] > 'z' {
		s = slugPrefix + s
	}
	const max = 63
	if len(s) > max {
		cut := s[:max]
		if i := strings.LastIndexAny(cut, "-_"); i >= max/2 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, "_-")
	}
	return s, nil
}
