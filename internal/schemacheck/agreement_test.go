package schemacheck

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/testenv"
	"github.com/planascode/plan/internal/yamltree"
)

const (
	schemaFile  = "../../schema/plan.schema.json"
	examplesDir = "../../examples"
	script      = "testdata/validate.mjs"
	// installHint is the command, run from the repository root, that installs ajv.
	installHint = "npm ci --prefix internal/schemacheck/testdata"
)

// corpusFile is one plan both validators judge.
type corpusFile struct {
	// name identifies the file in messages: valid/…, invalid/… or examples/….
	name string
	path string
	data []byte
	// valid is the verdict the file must get from both validators.
	valid bool
	// pointer is, for invalid files, the JSON pointer of the one violation, read from the
	// file's "# want: POINTER" first line ("" for the document itself).
	pointer string
}

// corpus gathers the example plans and testdata/valid (all valid) and testdata/invalid (all
// invalid, one violation each). An empty group fails the test, so that a wrong path or
// glob cannot make the agreement check pass vacuously.
func corpus(t *testing.T) []corpusFile {
	t.Helper()
	var files []corpusFile
	add := func(group, dir string, valid bool) {
		var paths []string
		for _, pattern := range []string{"*.plan.yaml", "*.plan.yml"} {
			m, err := filepath.Glob(filepath.Join(dir, pattern))
			if err != nil {
				t.Fatal(err)
			}
			paths = append(paths, m...)
		}
		if len(paths) == 0 {
			t.Fatalf("no *.plan.yaml files in %s", dir)
		}
		sort.Strings(paths)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			f := corpusFile{name: group + "/" + filepath.Base(p), path: p, data: data, valid: valid}
			if !valid {
				ptr, ok := wantPointer(data)
				if !ok {
					t.Fatalf("%s: the first line must be `# want: POINTER`, the JSON pointer of the file's one violation (\"\" for the whole document)", f.name)
				}
				f.pointer = ptr
			}
			files = append(files, f)
		}
	}
	add("examples", examplesDir, true)
	add("valid", "testdata/valid", true)
	add("invalid", "testdata/invalid", false)
	return files
}

// wantPointer reads "# want: /a/b" (or `# want: ""`) from the first line of data.
func wantPointer(data []byte) (string, bool) {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	rest, ok := strings.CutPrefix(strings.TrimSpace(string(line)), "# want:")
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if rest == `""` {
		return "", true
	}
	if !strings.HasPrefix(rest, "/") {
		return "", false
	}
	return rest, true
}

// planVerdict loads f as plan does. A plan that loads is valid; one rejected with schema
// findings is invalid. Anything else (a yaml-syntax finding, a plain error) means the test
// file itself is broken, since the corpus is about the schema, not YAML.
func planVerdict(t *testing.T, f corpusFile) (valid bool, findings []diag.Finding) {
	t.Helper()
	_, err := plan.Parse(f.path, f.data, plan.Options{})
	if err == nil {
		return true, nil
	}
	var pe *plan.Error
	if !errors.As(err, &pe) {
		t.Fatalf("%s: plan.Parse failed without findings: %v", f.name, err)
	}
	if len(pe.Findings) == 0 {
		t.Fatalf("%s: plan.Parse returned an *Error with no findings", f.name)
	}
	for _, fd := range pe.Findings {
		if fd.Rule != plan.RuleSchema {
			t.Fatalf("%s: %s finding at %d:%d: %s\nthe corpus must be well-formed YAML: fix the test file", f.name, fd.Rule, fd.Line, fd.Col, fd.Message)
		}
	}
	return false, pe.Findings
}

// TestCorpusLoads checks the corpus with plan alone (no Node.js needed): valid files and
// examples load, and each invalid file is rejected with schema findings that have a line
// and point at the file's one violation.
func TestCorpusLoads(t *testing.T) {
	for _, f := range corpus(t) {
		t.Run(f.name, func(t *testing.T) {
			valid, findings := planVerdict(t, f)
			if f.valid {
				if !valid {
					t.Fatalf("plan rejects a plan the format allows:\n%s", findingLines(findings))
				}
				return
			}
			if valid {
				t.Fatalf("plan accepts it, but it breaks the schema at %q", f.pointer)
			}
			for _, fd := range findings {
				if fd.Line <= 0 || fd.Col <= 0 {
					t.Errorf("finding without a position (%d:%d): %s", fd.Line, fd.Col, fd.Message)
				}
				if fd.Pointer != f.pointer {
					t.Errorf("finding at %q, want only the one violation at %q: %s", fd.Pointer, f.pointer, fd.Message)
				}
			}
		})
	}
}

// TestCorpusKeepsBytes guards the files whose point is their bytes: a checkout that
// normalised line endings would turn the CRLF case into an LF one without failing anything.
func TestCorpusKeepsBytes(t *testing.T) {
	crlf, err := os.ReadFile("testdata/valid/crlf.plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if n, lf := bytes.Count(crlf, []byte("\r\n")), bytes.Count(crlf, []byte("\n")); n == 0 || n != lf {
		t.Errorf("testdata/valid/crlf.plan.yaml has %d CRLF of %d line endings; it must use CRLF only (see testdata/.gitattributes)", n, lf)
	}
	bom, err := os.ReadFile("testdata/valid/bom.plan.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(bom, []byte("\xef\xbb\xbf")) {
		t.Error("testdata/valid/bom.plan.yaml must start with a UTF-8 byte-order mark")
	}
}

// ajvResult is one verdict printed by validate.mjs.
type ajvResult struct {
	Name   string     `json:"name"`
	Valid  bool       `json:"valid"`
	Errors []ajvError `json:"errors"`
}

type ajvError struct {
	InstancePath string         `json:"instancePath"`
	SchemaPath   string         `json:"schemaPath"`
	Keyword      string         `json:"keyword"`
	Params       map[string]any `json:"params"`
	Message      string         `json:"message"`
}

// location is the JSON pointer the error is about, pointing at the key itself for an
// unknown key as plan does.
func (e ajvError) location() string {
	if e.Keyword == "additionalProperties" {
		if p, ok := e.Params["additionalProperty"].(string); ok {
			return e.InstancePath + yamltree.Pointer(p)
		}
	}
	return e.InstancePath
}

func (e ajvError) String() string {
	return e.InstancePath + " " + e.Message + " (" + e.SchemaPath + ")"
}

// needAjv returns the node binary, or skips the test when Node.js or the npm packages are
// missing; under CI=true it fails instead, so CI can never pass by skipping.
func needAjv(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	reason := ""
	switch {
	case err != nil:
		reason = "node is not on PATH"
	case !exists("testdata/node_modules/ajv/package.json") || !exists("testdata/node_modules/ajv-formats/package.json"):
		reason = "ajv is not installed in internal/schemacheck/testdata/node_modules"
	}
	if reason == "" {
		return node
	}
	msg := reason + ": install Node.js and run `" + installHint + "` from the repository root to check the schema with ajv"
	testenv.Unavailable(t, msg)
	return ""
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestAjvAgrees sends the value plan validates for every corpus file to ajv in one Node.js
// run and requires ajv's verdict to equal plan's, and both to equal the expected verdict.
func TestAjvAgrees(t *testing.T) {
	node := needAjv(t)
	files := corpus(t)

	type input struct {
		Name  string `json:"name"`
		Value any    `json:"value"`
	}
	inputs := make([]input, 0, len(files))
	for _, f := range files {
		v, err := plan.DecodeValue(f.path, f.data, plan.Options{})
		if err != nil {
			var pe *plan.Error
			if !errors.As(err, &pe) || !allSchema(pe.Findings) {
				t.Fatalf("%s: plan.DecodeValue: %v", f.name, err)
			}
			// Only a document with no content is refused as a schema error before
			// validation; as a JSON value it is null, which the schema rejects too.
			v = nil
		}
		if _, err := json.Marshal(v); err != nil {
			t.Fatalf("%s: the value plan validates has no JSON form (%v), so ajv cannot judge it: keep such files out of the corpus", f.name, err)
		}
		inputs = append(inputs, input{Name: f.name, Value: v})
	}
	stdin, err := json.Marshal(inputs)
	if err != nil {
		t.Fatal(err)
	}

	schemaPath, err := filepath.Abs(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), node, script, schemaPath)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node %s failed: %v\n%s", script, err, stderr.String())
	}
	var results []ajvResult
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		t.Fatalf("validate.mjs printed no JSON verdicts: %v\nstdout: %s\nstderr: %s", err, stdout.String(), stderr.String())
	}
	if len(results) != len(files) {
		t.Fatalf("validate.mjs returned %d verdicts for %d files", len(results), len(files))
	}

	for i, f := range files {
		res := results[i]
		t.Run(f.name, func(t *testing.T) {
			if res.Name != f.name {
				t.Fatalf("verdict %d is for %q, want %q", i, res.Name, f.name)
			}
			planValid, findings := planVerdict(t, f)
			if res.Valid != planValid {
				t.Errorf("DISAGREEMENT: ajv says valid=%t, plan says valid=%t\najv errors:\n%s\nplan findings:\n%s",
					res.Valid, planValid, errorLines(res.Errors), findingLines(findings))
			}
			switch {
			case f.valid && !res.Valid:
				t.Errorf("ajv rejects a plan the format allows:\n%s", errorLines(res.Errors))
			case !f.valid && res.Valid:
				t.Errorf("ajv accepts it, but it breaks the schema at %q", f.pointer)
			case !f.valid:
				for _, e := range res.Errors {
					if e.location() != f.pointer {
						t.Errorf("ajv error at %q, want only the one violation at %q: %s", e.location(), f.pointer, e)
					}
				}
			}
		})
	}
}

func allSchema(fs []diag.Finding) bool {
	for _, f := range fs {
		if f.Rule != plan.RuleSchema {
			return false
		}
	}
	return len(fs) > 0
}

func findingLines(fs []diag.Finding) string {
	if len(fs) == 0 {
		return "  (none)"
	}
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Col) + " " + f.Rule + " " + f.Pointer + " " + f.Message + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func errorLines(es []ajvError) string {
	if len(es) == 0 {
		return "  (none)"
	}
	var b strings.Builder
	w := bufio.NewWriter(&b)
	for _, e := range es {
		w.WriteString("  " + e.String() + "\n")
	}
	w.Flush()
	return strings.TrimSuffix(b.String(), "\n")
}
