package lint

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/internal/config"
	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/profile"
	"github.com/planascode/plan/internal/record"
	"github.com/planascode/plan/internal/rules"
	"github.com/planascode/plan/internal/yamltree"
)

// Linter checks plans with a set of rules under a configuration.
type Linter struct {
	Config *config.Config
	Rules  []rules.Rule
	// Jobs bounds how many files are checked at once; zero means one per CPU.
	Jobs int
	// KeepSources keeps every file's bytes in the result, for output that shows
	// snippets; off by default so that large runs release each file once checked.
	KeepSources bool
	// Today is the day the dated checks judge a plan's records on (an overdue
	// report-back, a missed activity); zero runs none of them. The rules about records
	// that do not depend on the day run whenever a plan has records.
	Today plan.Date
}

// New returns a linter with every registered rule.
func New(cfg *config.Config) *Linter {
	if cfg == nil {
		cfg = config.Default()
	}
	return &Linter{Config: cfg, Rules: rules.All()}
}

// Input is one file to check: Data when already read (stdin), else read from Path.
type Input struct {
	// Name is how findings name the file.
	Name string
	Path string
	Data []byte
}

// Result is what a run found.
type Result struct {
	Files    int
	Findings []diag.Finding
	// Sources holds each file's bytes when KeepSources is set.
	Sources map[string][]byte
	// ReadErrors are files that could not be read at all; the caller reports them and
	// exits 2, after the other files' findings.
	ReadErrors []error
	// Crashes are files whose check panicked: a bug in plan, which the caller reports as
	// an internal error (exit 3) after the other files' findings. A worker goroutine's
	// panic would otherwise end the process with a stack trace.
	Crashes []error
}

type fileResult struct {
	findings []diag.Finding
	source   []byte
	// records holds the bytes of the plan's record files by name, when sources are kept.
	records map[string][]byte
	readErr error
	crash   error
}

// Run checks every input with a bounded pool of workers.
func (l *Linter) Run(inputs []Input) Result {
	jobs := l.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	jobs = min(jobs, max(len(inputs), 1))
	results := make([]fileResult, len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = l.checkRecovering(inputs[i])
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()

	res := Result{}
	if l.KeepSources {
		res.Sources = make(map[string][]byte, len(inputs))
	}
	for i, r := range results {
		if r.crash != nil {
			res.Crashes = append(res.Crashes, r.crash)
			continue
		}
		if r.readErr != nil {
			res.ReadErrors = append(res.ReadErrors, r.readErr)
			continue
		}
		res.Files++
		res.Findings = append(res.Findings, r.findings...)
		if l.KeepSources {
			res.Sources[inputs[i].Name] = r.source
			for name, source := range r.records {
				res.Sources[name] = source
			}
		}
	}
	res.Findings = diag.Sort(res.Findings)
	return res
}

// checkRecovering is checkInput, with a panic turned into the file's crash.
func (l *Linter) checkRecovering(in Input) (res fileResult) {
	defer func() {
		if r := recover(); r != nil {
			res = fileResult{crash: fmt.Errorf("checking %s: %v", in.Name, r)}
		}
	}()
	return l.checkInput(in)
}

// checkInput checks one plan, together with the records in its records folder
// (record.Dir), which findings name beside in.Name. A plan given as bytes has no folder,
// so no records.
func (l *Linter) checkInput(in Input) fileResult {
	opts := plan.Options{MaxSize: l.maxSize()}
	data := in.Data
	if data == nil {
		var err error
		data, err = plan.ReadFile(in.Path, opts)
		if le := (*plan.Error)(nil); errors.As(err, &le) {
			return fileResult{findings: l.finish(in.Name, nil, nil, rename(le.Findings, in.Name))}
		}
		if err != nil {
			return fileResult{readErr: err}
		}
	}
	var res fileResult
	if l.KeepSources {
		// Held only when asked for: every result lives until the run ends, and a source
		// kept for nothing made memory grow with the number of files.
		res.source = data
	}
	p, err := plan.Parse(in.Name, data, opts)
	if err != nil {
		res.findings = l.loadFailed(in.Name, data, err)
		return res
	}
	var set *record.Set
	var broken []diag.Finding
	if in.Path != "" {
		if set, broken, err = record.LoadFor(p, in.Path, in.Name, opts); err != nil {
			return fileResult{readErr: err}
		}
	}
	if l.KeepSources && set.Len() > 0 {
		res.records = make(map[string][]byte, set.Len())
		for _, r := range set.Records {
			res.records[r.File] = r.Source
		}
	}
	res.findings = l.CheckPlanRecords(p, set, broken).Findings
	return res
}

func (l *Linter) maxSize() int64 {
	if l.Config.MaxFileSize > 0 {
		return l.Config.MaxFileSize
	}
	return plan.DefaultMaxSize
}

func rename(fs []diag.Finding, name string) []diag.Finding {
	for i := range fs {
		fs[i].File = name
	}
	return fs
}

// CheckBytes loads data as the plan named name and checks it. A file that fails to load
// gets its yaml-syntax or schema findings and nothing else. A plan given as bytes has no
// folder, so no records.
func (l *Linter) CheckBytes(name string, data []byte) []diag.Finding {
	if data == nil {
		data = []byte{} // an empty plan, not "read it from Path"
	}
	return l.checkInput(Input{Name: name, Data: data}).findings
}

func (l *Linter) loadFailed(name string, data []byte, err error) []diag.Finding {
	le := (*plan.Error)(nil)
	if !errors.As(err, &le) {
		return l.finish(name, data, nil, []diag.Finding{{File: name, Line: 1, Col: 1, Rule: rules.IDYAMLSyntax, Severity: diag.Error, Message: err.Error()}})
	}
	return l.finish(name, data, nil, le.Findings)
}

// resolve returns the settings plan p is checked with, and a finding when the profile it
// names is unknown or broken: p is then checked under the default profile, so that the
// author still learns what else it lacks.
func (l *Linter) resolve(p *plan.Plan) (*profile.Resolved, []diag.Finding) {
	if p == nil || p.Profile.Value == "" {
		r, err := l.Config.For("")
		if err != nil {
			// Config checked the default when it was read.
			panic(err)
		}
		return r, nil
	}
	r, err := l.Config.For(p.Profile.Value)
	if err == nil {
		return r, nil
	}
	f := diag.Finding{File: p.File, Line: p.Profile.Node.Line, Col: p.Profile.Node.Column, Rule: rules.IDSchema, Severity: diag.Error,
		Message: fmt.Sprintf("profile: %v; checked under %s meanwhile", err, l.Config.Profile), Pointer: "/profile"}
	r, _ = l.resolve(nil)
	return r, []diag.Finding{f}
}

// CheckPlan runs every enabled rule on a loaded plan, as a plan without records.
func (l *Linter) CheckPlan(p *plan.Plan) []diag.Finding {
	return l.CheckPlanRecords(p, nil, nil).Findings
}

// Checked is what checking one plan found: the findings that stand, and those inline
// plan:ignore comments silenced, with the comments' reasons.
type Checked struct {
	Findings []diag.Finding
	Silenced []diag.Silenced
}

// Check runs every enabled rule on a loaded plan and keeps what its ignores silenced.
func (l *Linter) Check(p *plan.Plan) Checked {
	return l.CheckPlanRecords(p, nil, nil)
}

// CheckPlanRecords runs every enabled rule on a loaded plan and its records (nil for
// none), as of l.Today. broken are the findings of record files that did not load (from
// record.Load), which no configuration or ignore comment silences, as for a plan.
// Findings about a record name the record's file, and a plan:ignore comment in a record
// file covers them there.
func (l *Linter) CheckPlanRecords(p *plan.Plan, set *record.Set, broken []diag.Finding) Checked {
	checked, profileProblems := l.resolve(p)
	inPlan := &fileFindings{file: p.File, source: p.Source, root: p.Root}
	inRecord := map[*record.Record]*fileFindings{}
	if set != nil {
		for _, r := range set.Records {
			inRecord[r] = &fileFindings{file: r.File, source: r.Source, root: r.Root}
		}
	}
	progress := rules.Progress{All: set, Today: l.Today}
	for _, r := range l.Rules {
		if _, on := checked.SeverityFor(r.ID, r.Severity); !on {
			continue
		}
		var results []rules.Result
		switch {
		case r.Check != nil:
			results = r.Check(p, checked.Settings)
		case r.CheckRecords != nil && set.Len() > 0:
			results = r.CheckRecords(p, progress, checked.Settings)
		}
		for _, res := range results {
			sev := res.Severity
			if sev == 0 {
				sev = r.Severity
			}
			to := inPlan
			if res.Record != nil {
				to = inRecord[res.Record]
			}
			to.add(res.Node, r.ID, sev, res.Message)
		}
	}
	out := l.finishUnder(checked, p.File, p.Source, p.Root, append(inPlan.withPointers(), profileProblems...))
	also := func(c Checked) {
		out.Findings = append(out.Findings, c.Findings...)
		out.Silenced = append(out.Silenced, c.Silenced...)
	}
	if set != nil {
		for _, r := range set.Records {
			also(l.finishUnder(checked, r.File, r.Source, r.Root, inRecord[r].withPointers()))
		}
	}
	for _, f := range broken {
		also(l.finishUnder(checked, f.File, nil, nil, []diag.Finding{f}))
	}
	out.Findings = diag.Sort(out.Findings)
	return out
}

// fileFindings gathers the findings about one file (the plan, or one of its records).
type fileFindings struct {
	file   string
	source []byte
	root   *yaml.Node
	lines  *yamltree.Lines
	out    []diag.Finding
	nodes  []*yaml.Node
}

func (ff *fileFindings) add(n *yaml.Node, rule string, sev diag.Severity, msg string) {
	if ff.lines == nil {
		ff.lines = yamltree.NewLines(ff.source)
	}
	ff.out = append(ff.out, findingAt(ff.file, ff.lines, n, rule, sev, msg))
	ff.nodes = append(ff.nodes, n)
}

// withPointers is the findings with their JSON pointers, found in one walk of the tree
// for all of them, not one per finding.
func (ff *fileFindings) withPointers() []diag.Finding {
	if len(ff.out) == 0 {
		return nil
	}
	for i, ptr := range yamltree.PointersTo(ff.root, ff.nodes) {
		ff.out[i].Pointer = ptr
	}
	return ff.out
}

// finish applies configured severities and inline ignores, then sorts. root is the
// file's already parsed tree, or nil when it has none (a file that failed to load).
func (l *Linter) finish(name string, source []byte, root *yaml.Node, fs []diag.Finding) []diag.Finding {
	checked, _ := l.resolve(nil)
	return l.finishUnder(checked, name, source, root, fs).Findings
}

// finishUnder is finish for a plan checked under the settings checked.
func (l *Linter) finishUnder(checked *profile.Resolved, name string, source []byte, root *yaml.Node, fs []diag.Finding) Checked {
	var unsilenceable []diag.Finding
	kept := fs[:0]
	for _, f := range fs {
		if root == nil && (f.Rule == rules.IDYAMLSyntax || f.Rule == rules.IDSchema) {
			// A file that does not load is never clean: every other command refuses it,
			// so neither the configuration nor an ignore comment (which such a file may
			// hold for the day it loads) may make plan check pass it or call it a warning.
			f.Severity = diag.Error
			unsilenceable = append(unsilenceable, f)
			continue
		}
		sev, on := checked.SeverityFor(f.Rule, f.Severity)
		if !on {
			continue
		}
		f.Severity = sev
		kept = append(kept, f)
	}
	var silenced []diag.Silenced
	if source != nil {
		kept, silenced = applyIgnores(name, source, root, kept, checked, l.knownRule)
		sort.SliceStable(silenced, func(i, j int) bool { return diag.Less(silenced[i].Finding, silenced[j].Finding) })
	}
	return Checked{Findings: diag.Sort(append(kept, unsilenceable...)), Silenced: silenced}
}

func (l *Linter) knownRule(id string) bool {
	return slices.ContainsFunc(l.Rules, func(r rules.Rule) bool { return r.ID == id })
}

// findingAt builds the finding for a result, all but its pointer, which CheckPlan adds.
// lines measures where a value ends.
func findingAt(file string, lines *yamltree.Lines, n *yaml.Node, rule string, sev diag.Severity, msg string) diag.Finding {
	f := diag.Finding{File: file, Line: 1, Col: 1, Rule: rule, Severity: sev, Message: msg}
	if n == nil {
		return f
	}
	f.Line, f.Col = n.Line, n.Column
	f.EndLine, f.EndCol = lines.End(n)
	if n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0 && (n.Anchor != "" || n.Style&yaml.TaggedStyle != 0) {
		// yaml.v3 places an anchored or tagged block mapping (`- &r` or `- !!map`, then
		// the keys below) at its anchor or tag; the item starts at its first key, where
		// the format says item findings point and an ignore comment is written.
		first := n.Content[0]
		f.Line, f.Col, f.EndLine, f.EndCol = first.Line, first.Column, first.Line, first.Column
	}
	return f
}
