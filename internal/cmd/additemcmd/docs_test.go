package additemcmd

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/edit"
	"github.com/planascode/plan/internal/wording"
)

var update = flag.Bool("update", false, "rewrite the flags section of docs/editing.md")

const docsPath = "../../../docs/editing.md"

// TestDocsFlags keeps the flags section of docs/editing.md what the commands' tables say.
func TestDocsFlags(t *testing.T) {
	data, err := os.ReadFile(docsPath)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- flags:begin -->\n", "<!-- flags:end -->"
	i, j := bytes.Index(data, []byte(begin)), bytes.Index(data, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q section", docsPath, begin, end)
	}
	want := flagsReference()
	got := string(data[i+len(begin) : j])
	if got == want {
		return
	}
	if !*update {
		t.Fatalf("the flags section of %s is out of date: go test ./internal/cmd/additemcmd -update", docsPath)
	}
	out := append(append(append([]byte{}, data[:i+len(begin)]...), want...), data[j:]...)
	if err := os.WriteFile(docsPath, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// flagsReference is a section per command: its usage and a table of its flags.
func flagsReference() string {
	var b strings.Builder
	for _, k := range edit.Kinds {
		cmd := NewCmd(&cli.Env{}, k, nil)
		fmt.Fprintf(&b, "\n### plan %s\n\n`plan %s`: %s.\n\n", cmd.Name(), cmd.Use, cmd.Short)
		b.WriteString("| flag | writes | value |\n|---|---|---|\n")
		for _, f := range k.Fields {
			fmt.Fprintf(&b, "| `--%s` | `%s` | %s |\n", f.FlagName(), f.Key, valueDoc(f))
		}
		b.WriteString("| `--dry-run` | | print a unified diff of the change and write nothing |\n")
	}
	b.WriteString("\n")
	return b.String()
}

func valueDoc(f edit.Field) string {
	var kind string
	switch {
	case f.Values != nil:
		kind = "`" + strings.Join(f.Values, "` \\| `") + "`"
	case f.Type == edit.Bool:
		kind = "no value: sets it to `true`"
	case f.Type == edit.Int:
		kind = "a whole number"
	case f.Type == edit.Date:
		kind = "a date"
	case f.Type == edit.Ref:
		kind = "the id of " + wording.Article(f.RefTo) + " " + f.RefTo
	case f.Type == edit.Token:
		kind = "an id-like value"
	case f.Type == edit.Markdown:
		kind = "Markdown"
	case f.Type == edit.Prose:
		kind = "text, may span lines"
	case f.Type == edit.NumberOrText:
		kind = "a whole number or text"
	default:
		kind = "one line of text"
	}
	if f.List {
		kind += "; repeat for several"
	}
	help := strings.TrimSuffix(f.Help, "; repeat for several")
	help = strings.NewReplacer(" (Markdown)", "", "(Markdown, required)", "(required)").Replace(help)
	return kind + ": " + strings.ReplaceAll(help, "|", "\\|")
}
