package yamltree

import "testing"

func TestYAML11Directive(t *testing.T) {
	for in, want := range map[string]string{
		"%YAML 1.2\n---\na: 1\n":               "%YAML 1.1\n---\na: 1\n",
		"\n# c\n%YAML 1.2 # c\n---\n":          "\n# c\n%YAML 1.1 # c\n---\n",
		"%YAML 1.20\n---\n":                    "%YAML 1.20\n---\n",
		"a: 1\n%YAML 1.2\n":                    "a: 1\n%YAML 1.2\n",
		"title: \"%YAML 1.2\"\n":               "title: \"%YAML 1.2\"\n",
		"%YAML  1.2\n---\n":                    "%YAML  1.1\n---\n",
		"%YAML\t1.2\r---\r":                    "%YAML\t1.1\r---\r",
		"%TAG ! tag:x,2027:\n%YAML 1.2\n---\n": "%TAG ! tag:x,2027:\n%YAML 1.1\n---\n",
		"":                                     "",
	} {
		body := []byte(in)
		if got := string(YAML11Directive(body)); got != want {
			t.Errorf("YAML11Directive(%q) = %q, want %q", in, got, want)
		}
		if string(body) != in {
			t.Errorf("YAML11Directive changed its input %q", in)
		}
	}
}

// TestSchemaFindingEnds: a schema finding about a one-line value ends where the value
// ends as written; one about a mapping ends where it starts.
