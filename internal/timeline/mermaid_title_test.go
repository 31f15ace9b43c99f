package timeline

import (
	"strings"
	"testing"
)

// TestMermaidTitleCannotHoldADirective: Mermaid reads "%%{init: …}%%" anywhere in a
// diagram's text as configuration, so a plan's title must not be able to carry one.
func TestMermaidTitleCannotHoldADirective(t *testing.T) {
	for _, title := range []string{
		`Plan %%{init: {"theme": "dark"}}%%`,
		"Plan %%%{init: {}}%%%",
		"Plan\n%%{init: {}}%%",
	} {
		got := mermaidTitle(title)
		if strings.Contains(got, "%%") || strings.Contains(got, "\n") {
			t.Errorf("mermaidTitle(%q) = %q", title, got)
		}
	}
	if got := mermaidTitle("Uptake: 80% of staff"); got != "Uptake: 80% of staff" {
		t.Errorf("mermaidTitle changed an ordinary title: %q", got)
	}
}
