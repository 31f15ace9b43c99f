package rendercmd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/planascode/plan/internal/atomicfile"
	"github.com/planascode/plan/internal/chart"
	"github.com/planascode/plan/internal/cli"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/report"
)

// chartFile is one chart --charts writes: its file name, the chart if the report has
// it, and what the plan lacks when it does not.
type chartFile struct {
	name  string
	chart *chart.Chart
	lacks string
}

// chartFiles are the report's charts, in the order of the report.
func chartFiles(d *report.Data) []chartFile {
	files := []chartFile{
		{name: "grid.svg", lacks: "no stakeholder is rated for both influence and impact"},
		{name: "matrix.svg", lacks: "no stakeholder has an engagement level"},
		{name: "gantt.svg", lacks: "the plan has no timeline"},
	}
	if d.Grid != nil {
		files[0].chart = &d.Grid.Chart
	}
	if d.Engagement != nil {
		files[1].chart = &d.Engagement.Chart
	}
	if d.Timeline != nil {
		files[2].chart = &d.Timeline.Gantt
	}
	return files
}

// chartsDir refuses a --charts that names something other than a directory, before
// anything is written.
func chartsDir(dir, typed string) error {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return cli.BadInputf("--charts %s: is a file, not a directory: name the directory to write grid.svg, matrix.svg and gantt.svg into", typed)
	}
	return nil
}

// writeCharts writes each chart the report has into dir as an SVG file of its own, each
// atomically, and says on standard error which it could not write for want of data.
// Files of charts the plan lacks are left as they are.
func writeCharts(env *cli.Env, dir, typed string, d *report.Data) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return cli.BadInputf("--charts %s: cannot create the directory: %v", typed, fserr.Cause(err))
	}
	for _, f := range chartFiles(d) {
		if f.chart == nil {
			fmt.Fprintf(env.IO.ErrOut, "plan: %s not written: %s\n", filepath.Join(typed, f.name), f.lacks)
			continue
		}
		if err := atomicfile.Write(filepath.Join(dir, f.name), f.chart.Standalone(), 0o644); err != nil {
			return cli.BadInput(err)
		}
	}
	return nil
}
