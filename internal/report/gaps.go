package report

import (
	"cmp"
	"slices"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/wording"
)

// buildGaps fills the open and accepted gaps, unless opts leave them out. A sponsor
// reads the table from the top, so what matters most comes first: errors, then warnings,
// then infos, each in the order of the file.
func (d *Data) buildGaps(opts Options) {
	if opts.NoFindings {
		return
	}
	d.FindingDetail = opts.WithFindings
	open := slices.Clone(opts.Findings)
	slices.SortStableFunc(open, gapOrder)
	for _, f := range open {
		if f.Rule == rules.IDUnusedIgnore && !opts.WithFindings {
			// About the plan's comments, not the plan: for its authors, not a sponsor.
			continue
		}
		d.Findings = append(d.Findings, findingOf(f))
	}
	accepted := slices.Clone(opts.Silenced)
	slices.SortStableFunc(accepted, func(a, b diag.Silenced) int { return gapOrder(a.Finding, b.Finding) })
	for _, s := range accepted {
		d.Accepted = append(d.Accepted, Accepted{Finding: findingOf(s.Finding), Reason: wording.OneLine(s.Reason)})
	}
}

// gapOrder orders findings by severity, the most severe first, then as plan check lists
// them.
func gapOrder(a, b diag.Finding) int {
	if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
		return c
	}
	switch {
	case diag.Less(a, b):
		return -1
	case diag.Less(b, a):
		return 1
	}
	return 0
}

func findingOf(f diag.Finding) Finding {
	return Finding{Severity: f.Severity.String(), Line: f.Line, Message: f.Message, Rule: f.Rule}
}
