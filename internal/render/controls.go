package render

import (
	"strconv"
	"strings"

	"github.com/planascode/plan/internal/lazyregexp"
)

// Control characters are legal in YAML's double-quoted strings but not in HTML (a parse
// error) or in the XML of inline SVG (not well-formed), and in a terminal or Markdown
// viewer they can do worse. Reports show them as U+FFFD, like invalid bytes, whether they
// arrive raw or as the numeric references html/template writes in attributes.

// isDisallowed reports runes an HTML document may not contain: C0 controls other than tab,
// line feed and carriage return, DEL, and the noncharacters U+FFFE and U+FFFF.
func isDisallowed(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || r == 0xfffe || r == 0xffff
}

// replaceControls returns s with disallowed runes replaced by U+FFFD.
func replaceControls(s string) string {
	if strings.IndexFunc(s, isDisallowed) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isDisallowed(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

var charRef = lazyregexp.New(`&#([xX][0-9a-fA-F]+|[0-9]+);`)

// replaceControlRefs rewrites numeric character references to disallowed runes.
func replaceControlRefs(s string) string {
	if !strings.Contains(s, "&#") {
		return s
	}
	return charRef.ReplaceAllStringFunc(s, func(ref string) string {
		num := ref[2 : len(ref)-1]
		base := 10
		if num[0] == 'x' || num[0] == 'X' {
			num, base = num[1:], 16
		}
		n, err := strconv.ParseInt(num, base, 32)
		if err != nil || n == 0 || isDisallowed(rune(n)) {
			return "&#xfffd;"
		}
		return ref
	})
}
