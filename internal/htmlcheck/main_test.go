package htmlcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

// npmDir holds the committed package.json and package-lock.json of axe-core and
// vnu-jar; the tests read the installed packages from its node_modules.
const npmDir = "testdata/npm"

// Setup commands, quoted in every skip message so that whoever sees the skip can
// run the checks.
const (
	aptSetup = "apt-get install -y chromium default-jre-headless"
	npmSetup = "npm ci --prefix internal/htmlcheck/testdata/npm"
)

func TestMain(m *testing.M) {
	code := m.Run()
	closeBrowser()
	os.Exit(code)
}

// unavailable skips the test because a tool is missing, except under CI, where a
// skip would let a broken report pass unseen, so it fails instead.
func unavailable(t testing.TB, why string) {
	t.Helper()
	testenv.Unavailable(t, why)
}

// npmFile returns the path of a file of an installed npm package, or skips.
func npmFile(t testing.TB, pkg, file string) string {
	t.Helper()
	path := filepath.Join(npmDir, "node_modules", pkg, file)
	if _, err := os.Stat(path); err != nil {
		unavailable(t, fmt.Sprintf("the npm package %s is not installed (%s is missing): run %s", pkg, path, npmSetup))
	}
	return path
}
