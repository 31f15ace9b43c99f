package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/report"
	"github.com/planascode/plan/internal/testenv"
)

// markdownlint is markdownlint-cli2 as installed from testdata/npm/package-lock.json by
// npm ci --prefix internal/render/testdata/npm.
var markdownlint = filepath.Join("testdata", "npm", "node_modules", ".bin", "markdownlint-cli2")

// needTool skips a test whose tool is missing, except under CI, where a skip would let a
// broken report through unnoticed.
func needTool(t *testing.T, why string) {
	t.Helper()
	testenv.Unavailable(t, why)
}

// TestMarkdownlint runs markdownlint-cli2, with the committed configuration, on every
// golden Markdown report. The goldens are what TestGolden checks the output against, so
// a report that lints badly cannot pass both.
func TestMarkdownlint(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		needTool(t, "node is not installed")
	}
	if _, err := os.Stat(markdownlint); err != nil {
		needTool(t, "markdownlint-cli2 is not installed: run npm ci --prefix internal/render/testdata/npm")
	}
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden Markdown reports (%v)", err)
	}
	// A large generated plan too, whose Markdown fields hold links and emphasis.
	var big bytes.Buffer
	if err := Markdown(&big, report.Build(generatedPlan(60), report.Options{})); err != nil {
		t.Fatal(err)
	}
	generated := filepath.Join(t.TempDir(), "generated.md")
	if err := os.WriteFile(generated, big.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	files = append(files, generated)
	args := []string{"--config", filepath.Join("testdata", ".markdownlint-cli2.jsonc")}
	args = append(args, files...)
	cmd := exec.Command(markdownlint, args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Errorf("markdownlint-cli2 finds problems in the Markdown reports (%v):\n%s", err, out.String())
	}
}
