package record

import (
	"path/filepath"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
)

// ForPlan loads the records of plan p, read from path and named name in messages (the
// file as the user typed it): Load on the plan's records folder (Dir), its files named
// under the folder as the user would type it. plan status and plan render read records
// through it, as plan check does.
func ForPlan(p *plan.Plan, path, name string, opts plan.Options) (*Set, []diag.Finding, error) {
	dir, _ := Dir(p, path)
	as, _ := Dir(p, name)
	return Load(dir, filepath.ToSlash(as), opts)
}
