// Package testenv decides, for tests, what to do when a tool a cross-check needs (git,
// patch, node, Chromium) is missing: skip on a developer's machine, fail in CI, where
// every check must run. It is imported by tests only.
package testenv

import (
	"os"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true or CI=1, as CI services and .ci/run
// set it).
func InCI() bool {
	ci := os.Getenv("CI")
	return ci == "true" || ci == "1"
}

// Unavailable skips the test because why, or fails it in CI.
func Unavailable(t testing.TB, why string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s (CI=%s: this check must run, not skip)", why, os.Getenv("CI"))
	}
	t.Skip(why)
}
