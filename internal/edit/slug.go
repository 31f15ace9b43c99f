package edit

import (
	"errors"

	"github.com/planascode/plan/internal/wording"
)

// ErrNoSlug is returned by Slug for a name with nothing to make an id from.
var ErrNoSlug = errors.New("the name has no letters or digits with an ASCII spelling to make an id from")

// slugPrefix starts a slug whose name starts with a digit, since an id must start with a
// letter.
const slugPrefix = "s-"

// Slug makes an id from a stakeholder's name: lowercase ASCII letters and digits, words
// joined by "-" ("Parents & carers" is "parents-carers"). Accented Latin letters lose
// their accents, apostrophes vanish ("People's panel" is "peoples-panel"), other
// characters separate words, and letters with no ASCII spelling are dropped. A name that
// starts with a digit gets the prefix "s-", and a long one is cut at a word boundary, so
// the result always matches SlugPattern; a name with nothing usable gives ErrNoSlug.
func Slug(name string) (string, error) {
	const max = 63
	s := wording.Slug(name, max)
	if s == "" {
		return "", ErrNoSlug
	}
	if s[0] < 'a' || s[0] > 'z' {
		s = wording.Slug(slugPrefix+s, max)
	}
	return s, nil
}
