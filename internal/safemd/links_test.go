package safemd

import (
	"strings"
	"testing"
)

// TestLinksNeitherHideNorLie: a link with no visible text shows its address, and one
// whose text reads as another address shows where it really goes, in HTML and in the
// rewritten Markdown alike.
func TestLinksNeitherHideNorLie(t *testing.T) {
	for _, tc := range []struct {
		src, html, md string
	}{
		{"[](https://x.example)", `<a href="https://x.example">https://x.example</a>`, "[https://x.example](<https://x.example>)"},
		{"[ \u200b\u2060 ](https://x.example/a)", `<a href="https://x.example/a">https://x.example/a</a>`, "[https://x.example/a](<https://x.example/a>)"},
		{"[\u3164](mailto:a@x.example)", `<a href="mailto:a@x.example">mailto:a@x.example</a>`, "[mailto:a@x.example](<mailto:a@x.example>)"},
		{"[https://a.example](https://b.example)", `<a href="https://b.example">https://a.example (b.example)</a>`, "[https://a.example (b.example)](<https://b.example>)"},
		{"[a.example/login](https://b.example/login)", `<a href="https://b.example/login">a.example/login (b.example)</a>`, "[a.example/login (b.example)](<https://b.example/login>)"},
		{"[`www.a.example`](http://b.example)", `<a href="http://b.example"><code>www.a.example</code> (b.example)</a>`, "[`www.a.example` (b.example)](<http://b.example>)"},
		{"[boss@a.example](mailto:thief@a.example)", `<a href="mailto:thief@a.example">boss@a.example (thief@a.example)</a>`, "[boss@a.example (thief@a.example)](<mailto:thief@a.example>)"},
		{"[a.example](https:b.example)", `<a href="https:b.example">a.example (https:b.example)</a>`, "[a.example (https:b.example)](<https:b.example>)"},
		// Honest links are left alone.
		{"[https://a.example/x](https://A.example/y)", `<a href="https://A.example/y">https://a.example/x</a>`, "[https://a.example/x](<https://A.example/y>)"},
		{"[example.org](https://www.example.org/)", `<a href="https://www.example.org/">example.org</a>`, "[example.org](<https://www.example.org/>)"},
		{"[a@x.example](mailto:a@x.example)", `<a href="mailto:a@x.example">a@x.example</a>`, "[a@x.example](<mailto:a@x.example>)"},
		{"[the council](https://b.example)", `<a href="https://b.example">the council</a>`, "[the council](<https://b.example>)"},
		{"[version 2.5](https://b.example)", `<a href="https://b.example">version 2.5</a>`, "[version 2.5](<https://b.example>)"},
	} {
		if got := string(HTML(tc.src, 0)); !strings.Contains(got, tc.html) {
			t.Errorf("HTML(%q) = %q, want it to contain %q", tc.src, got, tc.html)
		}
		if got := Block(tc.src, 0); got != tc.md {
			t.Errorf("Block(%q) = %q, want %q", tc.src, got, tc.md)
		}
	}
}
