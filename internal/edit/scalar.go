package edit

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// PlainOrQuoted renders s on one line as yaml.v3 would: plain when that reads back as the
// same string (to YAML 1.1 tools too), otherwise quoted. It returns "" when yaml.v3 would
// need several lines.
func PlainOrQuoted(s string) string {
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
	if err != nil {
		return ""
	}
	text := strings.TrimSuffix(string(out), "\n")
	switch {
	case strings.ContainsAny(text, "\n\r"):
		return ""
	case strings.HasPrefix(text, `"`):
		// libyaml escapes every character outside the Basic Multilingual Plane; Go's
		// quoting keeps printable ones readable.
		return doubleQuoted(s)
	case yaml11Bool[strings.ToLower(text)]:
		// yaml.v3 reads these as strings, but YAML 1.1 tools (and some editors) read
		// them as booleans.
		return doubleQuoted(s)
	}
	return text
}

var yaml11Bool = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true}

// doubleQuoted writes s as a YAML double-quoted scalar. Go's escapes are a subset of
// YAML's for valid UTF-8 (\x means a code point in both), and it escapes every line
// break, so the result is always one line.
func doubleQuoted(s string) string { return strconv.Quote(s) }

// blockValue renders s as the value of a block mapping key. A multi-line value becomes a
// literal block scalar indented to indent (in spaces) with lines joined by eol, since that
// is how people write Markdown fields by hand. Every rendering is read back, and one that
// does not give s again falls back to double quotes.
func blockValue(s string, indent int, eol string) (string, error) {
	if strings.Contains(s, "\n") {
		if lit, ok := literal(s, indent, eol); ok {
			return lit, nil
		}
	} else if v := PlainOrQuoted(s); v != "" && readsBackBlock(v, s) {
		return v, nil
	}
	v := doubleQuoted(s)
	if !readsBackBlock(v, s) {
		return "", fmt.Errorf("cannot write %q as YAML", s)
	}
	return v, nil
}

// flowValue renders s for a flow mapping: { key: value }. Flow indicators end a plain
// scalar there, so anything that holds one is quoted.
func flowValue(s string) (string, error) {
	if v := PlainOrQuoted(s); v != "" && (v[0] == '"' || v[0] == '\'' || !strings.ContainsAny(v, ",[]{}:#")) && readsBackFlow(v, s) {
		return v, nil
	}
	v := doubleQuoted(s)
	if !readsBackFlow(v, s) {
		return "", fmt.Errorf("cannot write %q as YAML", s)
	}
	return v, nil
}

func literal(s string, indent int, eol string) (string, bool) {
	body, header := s, "|-"
	if strings.HasSuffix(s, "\n") {
		body, header = strings.TrimSuffix(s, "\n"), "|"
	}
	// A leading space would need an indentation indicator, and trailing blank lines keep
	// chomping; both are rare enough in a flag value to leave to double quotes.
	if body == "" || strings.HasSuffix(body, "\n") || strings.HasPrefix(body, " ") || strings.HasPrefix(body, "\t") {
		return "", false
	}
	for _, r := range body {
		if r != '\n' && r != '\t' && (!unicode.IsGraphic(r) || r == '\uFEFF') {
			return "", false
		}
	}
	var b strings.Builder
	b.WriteString(header)
	for _, line := range strings.Split(body, "\n") {
		b.WriteString(eol)
		if line != "" {
			b.WriteString(strings.Repeat(" ", indent))
			b.WriteString(line)
		}
	}
	text := b.String()
	probe := "k: " + strings.ReplaceAll(text, eol, "\n") + "\n"
	if !readsBack(probe, s) {
		return "", false
	}
	return text, true
}

func readsBackBlock(v, want string) bool { return readsBack("k: "+v+"\n", want) }

func readsBackFlow(v, want string) bool { return readsBack("{k: "+v+"}\n", want) }

func readsBack(doc, want string) bool {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(doc), &n); err != nil || len(n.Content) == 0 {
		return false
	}
	m := n.Content[0]
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
		return false
	}
	v := m.Content[1]
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == want
}
