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
			dst := filepath.Join(env.WorkDir, "examples")
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return err
			}
			entries, err := os.ReadDir(examples)
			if err != nil {
				return err
			}
			for _, e := range entries {
				data, err := os.ReadFile(filepath.Join(examples, e.Name()))
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
	})
}
