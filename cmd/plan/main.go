// Command plan keeps stakeholder engagement plans as code: it scaffolds, checks, edits,
// schedules and renders *.plan.yaml files.
package main

import (
	"os"

	"github.com/planascode/plan/internal/app"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/iostreams"
)

// Set by the linker: -X main.version=... -X main.commit=... -X main.date=...
var (
	version = "dev"
	commit  = "none"
	date    = "unknown"
)

func main() {
	build := cli.BuildInfo{Version: version, Commit: commit, Date: date}
	os.Exit(app.Main(os.Args[1:], iostreams.System(), build))
}
