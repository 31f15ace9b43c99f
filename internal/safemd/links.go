package safemd

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"github.com/planascode/plan/internal/lazyregexp"
)

// A link must not hide or lie: "[](https://x)" or a text of zero-width spaces is an
// invisible link a reader clicks by accident, and "[https://a.example](https://b.example)"
// shows one address and goes to another. showDestination gives the first its address as
// text and adds the real host to the second: "https://a.example (b.example)".

// showDestination makes l's text honest about where it goes.
func showDestination(l *ast.Link, source []byte) {
	dest := string(l.Destination)
	text := strings.TrimSpace(linkText(l, source))
	if !visible(text) {
		l.RemoveChildren(l)
		l.AppendChild(l, rawString(dest))
		return
	}
	shown, real := textAddress(text), destAddress(dest)
	if shown != "" && trimWWW(shown) != trimWWW(real) {
		if real == "" {
			real = dest
		}
		l.AppendChild(l, rawString(" ("+real+")"))
	}
}

// linkText is what a reader sees of a link: its text, code and raw HTML (which the
// report shows as text).
func linkText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
		case *ast.String:
			b.Write(t.Value)
		case *ast.RawHTML:
			b.WriteString(sourceText(t, source))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// visible reports whether s has a character that shows: not white space, a format
// character such as U+200B, a lone combining mark, or one of the letters that are drawn
// blank (the Hangul fillers, the blank Braille pattern).
func visible(s string) bool {
	for _, r := range s {
		if unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.In(r, unicode.Mn, unicode.Me) &&
			!strings.ContainsRune("\u115f\u1160\u3164\uffa0\u2800", r) {
			return true
		}
	}
	return false
}

// domainRE matches text that reads as a web or email address without a scheme:
// "a.example", "www.a.example/path", "someone@a.example". Its last label is letters, so
// that "2.5" or "v1.2" are not taken for addresses.
var domainRE = lazyregexp.New(`(?i)^(?:[^\s@/]+@)?((?:[\pL\pN](?:[\pL\pN-]*[\pL\pN])?\.)+\pL{2,})\.?(?::\d+)?(?:[/?#]\S*)?$`)

// textAddress is the host a link's text names (or the email address, for one that reads
// as an email address), lower-cased; "" when the text does not read as an address.
func textAddress(text string) string {
	if strings.ContainsAny(text, " \t\n") {
		return ""
	}
	text = strings.TrimPrefix(strings.ToLower(text), "mailto:")
	if strings.Contains(text, "://") {
		return destAddress(text)
	}
	m := domainRE.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	if at := strings.IndexByte(text, '@'); at > 0 && !strings.ContainsAny(text[:at], "/?#") {
		return text[:at+1] + m[1]
	}
	return m[1]
}

// destAddress is where a link goes, written as textAddress writes what it shows: the
// host of a web address, the address of a mailto link; "" when it has neither.
func destAddress(dest string) string {
	dest = strings.ToLower(dest)
	if addr, ok := strings.CutPrefix(dest, "mailto:"); ok {
		addr, _, _ = strings.Cut(addr, "?")
		if a, err := url.PathUnescape(addr); err == nil {
			addr = a
		}
		return addr
	}
	if u, err := url.Parse(dest); err == nil {
		return strings.TrimSuffix(u.Hostname(), ".")
	}
	return ""
}

// trimWWW lets "example.org" name https://www.example.org, as people write it.
func trimWWW(host string) string { return strings.TrimPrefix(host, "www.") }
