package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run `plan` as a real process: testscript re-executes this
// test binary as the command, so exit codes, stdout and stderr are the binary's own.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"plan": main})
}

// update rewrites the files the scripts compare output with (cmp stdout FILE):
// go test ./cmd/plan -run TestScripts -update, then review the diff.
var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

// TestScripts runs the end-to-end scripts in testdata/script. Each starts in a fresh
// directory holding a copy of the bundled examples under examples/.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			// The examples with their records folders, as a user's repository holds them.
			return os.CopyFS(filepath.Join(env.WorkDir, "examples"), os.DirFS(examples))
		},
	})
}
