package record

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/fserr"
	"github.com/planascode/plan/internal/plan"
	"github.com/planascode/plan/internal/planschema"
)

// Suffix ends the name of every record file; YAMLSuffix is the spelling also read.
const (
	Suffix     = ".record.yaml"
	YAMLSuffix = ".record.yml"
)

// DirSuffix ends the name of a plan's records folder when the plan names none:
// council.plan.yaml keeps its records in council.records/ beside it.
const DirSuffix = ".records"

var recordDocument = plan.Document{
	Noun:     "record",
	Keys:     "schema_version and date",
	Empty:    "the file is empty: a record needs at least schema_version: 1 and a date (try `plan record`)",
	Validate: planschema.ValidateRecordFirst,
}

// Parse reads a record from data; file names it in findings. It refuses what plan.Parse
// refuses (oversized, not UTF-8, several documents, aliases that explode, duplicate keys)
// with the same *plan.Error, a record that breaks record.schema.json, and one that
// contradicts itself (inconsistencies).
func Parse(file string, data []byte, opts plan.Options) (*Record, error) {
	r := &Record{File: file, Source: data}
	root, err := plan.DecodeDocument(file, data, opts, recordDocument, r)
	if err != nil {
		return nil, err
	}
	r.Root = root
	for i := range r.Grievances {
		if g := &r.Grievances[i]; g.Received.IsZero() {
			g.Received = r.Date
		}
	}
	if fs := inconsistencies(r); len(fs) > 0 {
		return nil, &plan.Error{Findings: fs}
	}
	return r, nil
}

// Dir is the folder that holds the records of the plan read from planPath, and whether
// the plan names it: the plan's `records` key, a path relative to the plan's own folder,
// else <name>.records beside the plan (council.plan.yaml → council.records). A plan read
// from standard input has no folder: Dir returns "".
func Dir(p *plan.Plan, planPath string) (dir string, named bool) {
	if planPath == "" || planPath == "-" {
		return "", false
	}
	base := filepath.Dir(planPath)
	if p != nil && p.Records.Value != "" {
		return filepath.Join(base, filepath.FromSlash(p.Records.Value)), true
	}
	return filepath.Join(base, PlanName(filepath.Base(planPath))+DirSuffix), false
}

// PlanName is a plan file's name without .plan.yaml (or .plan.yml, or .yaml, .yml).
func PlanName(file string) string {
	for _, suffix := range []string{".plan.yaml", ".plan.yml", ".yaml", ".yml"} {
		if strings.HasSuffix(file, suffix) && len(file) > len(suffix) {
			return strings.TrimSuffix(file, suffix)
		}
	}
	return file
}

// IsRecordName reports whether a file name is a record's.
func IsRecordName(name string) bool {
	return strings.HasSuffix(name, Suffix) || strings.HasSuffix(name, YAMLSuffix)
}

// Set is the records of one plan, in order of date, then file name.
type Set struct {
	// Dir is the folder they were read from, as findings name it.
	Dir     string
	Records []*Record
}

// Len is the number of records; a nil Set has none.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.Records)
}

// Load reads every record file under dir (*.record.yaml and *.record.yml, in
// subfolders too, skipping hidden ones), naming each in findings as it is under the
// folder name as ("" for dir itself: a plan's folder as the user typed it, when dir was
// resolved against another working directory). A folder that does not exist holds no
// records: Load returns an empty Set. A record that does not load is left out of the Set
// and reported among the findings (yaml-syntax or schema, at its line); a file or folder
// that cannot be read at all is the error.
func Load(dir, as string, opts plan.Options) (*Set, []diag.Finding, error) {
	if as == "" {
		as = dir
	}
	set := &Set{Dir: as}
	if dir == "" {
		return set, nil, nil
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return set, nil, nil
	case err != nil:
		return nil, nil, fmt.Errorf("%s: cannot read the records folder: %v", dir, fserr.Cause(err))
	case !info.IsDir():
		return nil, nil, &notFolderError{dir: as}
	}
	files, err := recordFiles(dir)
	if err != nil {
		return nil, nil, err
	}
	var findings []diag.Finding
	for _, file := range files {
		name := file
		if rel, err := filepath.Rel(dir, file); err == nil {
			name = filepath.ToSlash(filepath.Join(as, rel))
		}
		data, err := plan.ReadFile(file, opts)
		if err == nil {
			var r *Record
			if r, err = Parse(name, data, opts); err == nil {
				set.Records = append(set.Records, r)
				continue
			}
		}
		if le := (*plan.Error)(nil); errors.As(err, &le) {
			for _, f := range le.Findings {
				f.File = name
				findings = append(findings, f)
			}
			continue
		}
		return nil, nil, err
	}
	set.sort()
	return set, diag.Sort(findings), nil
}

// notFolderError is a records folder that is a file.
type notFolderError struct{ dir string }

func (e *notFolderError) Error() string {
	return fmt.Sprintf("%s: is not a folder: the records of a plan are a folder of *%s files", e.dir, Suffix)
}

// LoadFor reads the records of plan p, read from path and named name in findings (the
// path as the user typed it): Load of its Dir. A plan read from standard input ("-" or
// "") has none. A records folder that is a file is an error at the plan's `records:`
// when the plan names it.
func LoadFor(p *plan.Plan, path, name string, opts plan.Options) (*Set, []diag.Finding, error) {
	dir, _ := Dir(p, path)
	as, _ := Dir(p, name)
	set, findings, err := Load(dir, filepath.ToSlash(as), opts)
	return set, findings, folderError(p, name, err)
}

// CheckFolder reports an error when the records folder of plan p, read from path and
// named name, exists and is not a folder: what LoadFor would refuse, for a command that
// writes there.
func CheckFolder(p *plan.Plan, path, name string) error {
	dir, _ := Dir(p, path)
	as, _ := Dir(p, name)
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return folderError(p, name, &notFolderError{dir: filepath.ToSlash(as)})
	}
	return nil
}

// folderError says where a records folder that is a file was named: the plan's
// `records:` line, when it names one.
func folderError(p *plan.Plan, name string, err error) error {
	var nf *notFolderError
	if !errors.As(err, &nf) || p == nil || p.Records.Value == "" || p.Records.Node == nil {
		return err
	}
	return fmt.Errorf("%s:%d:%d: records: %q is a file, not a folder: name the folder that holds the plan's *%s files, relative to the plan's folder",
		name, p.Records.Node.Line, p.Records.Node.Column, p.Records.Value, Suffix)
}

// recordFiles lists the record files under dir in lexical order.
func recordFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: cannot read: %v", path, fserr.Cause(err))
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if IsRecordName(d.Name()) && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

// sort orders the records by date, then file name; the schema makes every date a day.
func (s *Set) sort() {
	slices.SortStableFunc(s.Records, func(a, b *Record) int {
		return cmp.Or(a.Date.Time().Compare(b.Date.Time()), strings.Compare(a.File, b.File))
	})
}

// PlanFor finds the plan a record file belongs to: the plan file, in the record's folder
// or a folder above it, whose records folder (Dir) holds the record. It returns "" when
// none does. A plan that does not load is taken to keep its records in the default folder.
func PlanFor(recordPath string, opts plan.Options) (string, error) {
	abs, err := filepath.Abs(recordPath)
	if err != nil {
		return "", err
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		var candidates []string
		for _, pattern := range []string{"*.plan.yaml", "*.plan.yml"} {
			found, err := filepath.Glob(filepath.Join(dir, pattern))
			if err != nil {
				return "", err
			}
			candidates = append(candidates, found...)
		}
		for _, candidate := range candidates {
			p, err := plan.Load(candidate, candidate, opts)
			if err != nil {
				// A plan that does not load may still keep the record in its default
				// folder; checking it then shows why the plan fails.
				p = nil
			}
			records, _ := Dir(p, candidate)
			if rel, err := filepath.Rel(records, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return candidate, nil
			}
		}
		if parent := filepath.Dir(dir); parent == dir {
			return "", nil
		}
	}
}
