package ecosystem

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/planascode/plan/internal/testenv"
	"github.com/planascode/plan/schema"
)

// lspMessage is any JSON-RPC message: a request (ID and Method), a notification
// (Method only) or a response (ID and Result or Error).
type lspMessage struct {
	JSONRPC string           `json:"jsonrpc"`
	ID      *json.RawMessage `json:"id,omitempty"`
	Method  string           `json:"method,omitempty"`
	Params  json.RawMessage  `json:"params,omitempty"`
	Result  json.RawMessage  `json:"result,omitempty"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

type diagnostic struct {
	Range struct {
		Start struct{ Line, Character int } `json:"start"`
	} `json:"range"`
	Severity int    `json:"severity"`
	Message  string `json:"message"`
	Source   string `json:"source"`
	Data     struct {
		SchemaURI []string `json:"schemaUri"`
	} `json:"data"`
}

// fromSchema reports whether the server says d comes from the schema at schemaURI: it
// names the schema's title in the source and the schema's location in the data.
func (d diagnostic) fromSchema(title, schemaURI string) bool {
	if d.Source != "yaml-schema: "+title {
		return false
	}
	for _, u := range d.Data.SchemaURI {
		if u == schemaURI {
			return true
		}
	}
	return false
}

type publishDiagnostics struct {
	URI         string       `json:"uri"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

// lspClient speaks the Language Server Protocol to a server process over its standard
// input and output: Content-Length framed JSON-RPC, as every editor does.
type lspClient struct {
	t        *testing.T
	ctx      context.Context
	in       io.Writer
	msgs     chan lspMessage
	settings map[string]any
	nextID   int
	mu       sync.Mutex
	log      []string // what the server logged, shown when the test fails
}

func (c *lspClient) write(m map[string]any) {
	c.t.Helper()
	m["jsonrpc"] = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("writing to the language server: %v", err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	c.write(map[string]any{"method": method, "params": params})
}

// call sends a request and waits for its response, answering the server's own requests
// meanwhile.
func (c *lspClient) call(method string, params any) json.RawMessage {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.write(map[string]any{"id": id, "method": method, "params": params})
	var result json.RawMessage
	c.waitFor(method+" response", func(m lspMessage) bool {
		if m.ID == nil || m.Method != "" || string(*m.ID) != strconv.Itoa(id) {
			return false
		}
		if m.Error != nil {
			c.t.Fatalf("%s: error %d: %s", method, m.Error.Code, m.Error.Message)
		}
		result = m.Result
		return true
	})
	return result
}

// waitFor reads messages until match accepts one, answering the server's requests and
// recording its log on the way; it fails the test when the server exits or the
// deadline passes first.
func (c *lspClient) waitFor(what string, match func(lspMessage) bool) {
	c.t.Helper()
	for {
		select {
		case <-c.ctx.Done():
			c.t.Fatalf("timed out waiting for %s; server log:\n%s", what, strings.Join(c.log, "\n"))
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("the language server exited while waiting for %s; log:\n%s", what, strings.Join(c.log, "\n"))
			}
			if m.Method != "" && m.ID != nil {
				c.answer(m)
				continue
			}
			if m.Method == "window/logMessage" || m.Method == "window/showMessage" {
				var p struct{ Message string }
				_ = json.Unmarshal(m.Params, &p)
				c.log = append(c.log, p.Message)
			}
			if match(m) {
				return
			}
		}
	}
}

// answer replies to a request from the server. The one that matters is
// workspace/configuration, through which yaml-language-server pulls its settings; the
// others (registering capabilities, progress tokens) just need a reply.
func (c *lspClient) answer(m lspMessage) {
	c.t.Helper()
	var result any
	if m.Method == "workspace/configuration" {
		var p struct {
			Items []struct{ Section string } `json:"items"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			c.t.Fatal(err)
		}
		answers := make([]any, len(p.Items))
		for i, item := range p.Items {
			answers[i] = c.settings[item.Section]
		}
		result = answers
	}
	c.write(map[string]any{"id": m.ID, "result": result})
}

// read decodes framed messages from the server until its output ends.
func read(r io.Reader, out chan<- lspMessage) {
	defer close(out)
	br := bufio.NewReader(r)
	for {
		length := -1
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if name, value, ok := strings.Cut(line, ":"); ok && strings.EqualFold(name, "Content-Length") {
				length, _ = strconv.Atoi(strings.TrimSpace(value))
			}
		}
		if length < 0 {
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		var m lspMessage
		if json.Unmarshal(body, &m) == nil {
			out <- m
		}
	}
}

// languageServer returns the command that starts the pinned yaml-language-server, or
// skips the test when node or the package is missing (fails it under CI=true).
func languageServer(t *testing.T) (node, script string) {
	t.Helper()
	missing := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...) + " (npm ci --prefix internal/ecosystem/testdata/npm; ./scripts/test does it)"
		testenv.Unavailable(t, msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed: %v", err)
	}
	script, err = filepath.Abs(filepath.Join("testdata", "npm", "node_modules", "yaml-language-server", "bin", "yaml-language-server"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		missing("yaml-language-server is not installed: %v", err)
	}
	return node, script
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x on Windows
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// plantError returns the example plan with the first `influence: medium` misspelt, the
// modeline on line 1 replaced by firstLine, and the 0-based line of the error.
func plantError(t *testing.T, firstLine string) (text string, line int) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "council-consultation.plan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if !strings.HasPrefix(lines[0], "# yaml-language-server:") {
		t.Fatalf("the example no longer starts with a modeline: %q", lines[0])
	}
	lines[0] = firstLine
	line = -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "influence: medium" {
			lines[i] = strings.Replace(l, "medium", "hgih", 1)
			line = i
			break
		}
	}
	if line < 0 {
		t.Fatal("the example has no `influence: medium` line to misspell")
	}
	return strings.Join(lines, "\n"), line
}

// TestYAMLLanguageServer starts the real yaml-language-server, the server behind the VS
// Code YAML extension and Neovim's yamlls, configures it the way docs/editors.md says,
// and checks that it reports a plan's error on the right line from our schema: both for
// a file matched by the yaml.schemas setting and for one carrying the modeline that
// plan init writes. A valid plan must get no diagnostics at all, which proves the
// server understands every draft 2020-12 keyword the schema uses.
func TestYAMLLanguageServer(t *testing.T) {
	node, script := languageServer(t)
	// No limit of its own: a server that never answers is stopped shortly before go
	// test's own deadline, and a busy machine is no failure.
	ctx, cancel := testenv.Context(t, context.Background())
	defer cancel()

	dir := t.TempDir()
	schemaPath := filepath.Join(dir, "plan.schema.json")
	if err := os.WriteFile(schemaPath, schema.Plan, 0o644); err != nil {
		t.Fatal(err)
	}

	cmd := exec.CommandContext(ctx, node, script, "--stdio")
	cmd.Dir = dir
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cancel() // kills the server if it is still running
		<-exited
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("server stderr:\n%s", stderr.String())
		}
	}()

	var meta struct{ Title string }
	if err := json.Unmarshal(schema.Plan, &meta); err != nil || meta.Title == "" {
		t.Fatalf("the schema has no title: %v", err)
	}
	title := meta.Title

	yamlSettings := map[string]any{
		"validate":   true,
		"completion": true,
		"hover":      true,
		// The catalog download needs the network and could map our files to another
		// schema; docs/editors.md maps them explicitly instead.
		"schemaStore": map[string]any{"enable": false},
		"schemas":     map[string]any{fileURI(schemaPath): []string{"*.plan.yaml", "*.plan.yml"}},
	}
	c := &lspClient{
		t: t, ctx: ctx, in: stdin, msgs: make(chan lspMessage, 64),
		settings: map[string]any{"yaml": yamlSettings},
	}
	go read(stdout, c.msgs)

	c.call("initialize", map[string]any{
		"processId": os.Getpid(),
		"rootUri":   fileURI(dir),
		"capabilities": map[string]any{
			"workspace": map[string]any{
				"configuration":          true,
				"didChangeConfiguration": map[string]any{"dynamicRegistration": true},
			},
			"textDocument": map[string]any{
				"publishDiagnostics": map[string]any{"relatedInformation": true},
				"synchronization":    map[string]any{"dynamicRegistration": true},
			},
		},
	})
	c.notify("initialized", map[string]any{})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"yaml": yamlSettings}})

	open := func(name, text string) string {
		uri := fileURI(filepath.Join(dir, name))
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "yaml", "version": 1, "text": text,
		}})
		return uri
	}
	// expectError waits until the server publishes our schema's error for uri on line.
	expectError := func(uri string, line int) {
		t.Helper()
		var last []diagnostic
		c.waitFor("the schema's diagnostic on line "+strconv.Itoa(line+1)+" of "+uri, func(m lspMessage) bool {
			if m.Method != "textDocument/publishDiagnostics" {
				return false
			}
			var p publishDiagnostics
			if err := json.Unmarshal(m.Params, &p); err != nil || p.URI != uri {
				return false
			}
			last = p.Diagnostics
			for _, d := range p.Diagnostics {
				if d.Range.Start.Line == line && d.fromSchema(title, fileURI(schemaPath)) {
					return true
				}
			}
			return false
		})
		for _, d := range last {
			if d.Range.Start.Line != line {
				t.Errorf("%s: unexpected diagnostic on line %d: %s [%s]", uri, d.Range.Start.Line+1, d.Message, d.Source)
				continue
			}
			if d.Severity != 1 || !strings.Contains(d.Message, `"high"`) {
				t.Errorf("%s: the diagnostic should be an error listing the allowed values: %+v", uri, d)
			}
		}
	}

	// 1. A *.plan.yaml file mapped to the schema by the yaml.schemas setting.
	text, line := plantError(t, "# A plan without a modeline: the editor's settings pick the schema.")
	expectError(open("broken.plan.yaml", text), line)

	// 2. A file with the modeline plan init writes, pointing at the schema by a path
	// relative to the file (its name does not match the settings' globs).
	text, line = plantError(t, "# yaml-language-server: $schema=./plan.schema.json")
	expectError(open("modeline.yaml", text), line)

	// 3. The example as it is: no diagnostics.
	valid, _ := plantError(t, "# A valid plan.")
	valid = strings.Replace(valid, "influence: hgih", "influence: medium", 1)
	// expectClean waits for the diagnostics of the document at uri and wants none.
	expectClean := func(uri, what string) {
		c.waitFor("diagnostics of the "+what, func(m lspMessage) bool {
			var p publishDiagnostics
			if m.Method != "textDocument/publishDiagnostics" || json.Unmarshal(m.Params, &p) != nil || p.URI != uri {
				return false
			}
			for _, d := range p.Diagnostics {
				t.Errorf("%s: line %d: %s [%s]", what, d.Range.Start.Line+1, d.Message, d.Source)
			}
			return true
		})
	}
	expectClean(open("valid.plan.yaml", valid), "valid plan")

	// 4. An empty value counts as absent, in the editor as in plan check: `influence:`
	// with nothing after it is no error.
	empty := strings.Replace(valid, "influence: medium", "influence:", 1)
	if empty == valid {
		t.Fatal("the example has no influence: medium to empty")
	}
	expectClean(open("empty.plan.yaml", empty), "plan with an empty value")

	c.call("shutdown", nil)
	c.notify("exit", nil)
	select {
	case err := <-exited:
		exited <- err // for the deferred cleanup
		if err != nil {
			t.Errorf("the server exited with %v after shutdown and exit", err)
		}
	case <-ctx.Done():
		t.Error("the server did not exit after shutdown and exit")
	}
}
