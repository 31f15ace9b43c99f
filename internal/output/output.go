package output

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/planascode/plan/internal/diag"
	"github.com/planascode/plan/internal/iostreams"
	"github.com/planascode/plan/internal/rules"
)

// Report is everything a formatter needs.
type Report struct {
	// Files is the number of plan files checked, including those without findings, which
	// appear nowhere else in the report. A plan's record files are not counted.
	Files int
	// Plans names the plan files checked, as findings name them. A finding that names
	// another file is in one of their records, and the summary line for people counts the
	// record files it finds so apart; nil takes every file to be a plan.
	Plans []string
	// Findings are already sorted with diag.Sort and already filtered by config.
	Findings []diag.Finding
	// Rules is every registered rule, so that SARIF can describe rules that did not fire.
	Rules []rules.Rule
	// Sources maps a file to its contents for text snippets; a missing file only loses its
	// snippets.
	Sources map[string][]byte
	// Version is the tool version, e.g. "dev" or "1.2.0".
	Version string
	// BaseDir is the directory SARIF and GitHub paths are made relative to, usually the
	// repository root; "" leaves relative paths as they are.
	BaseDir string
}

// Formatter writes a report in one format.
type Formatter interface {
	Format(w io.Writer, r Report) error
}

// Names lists the formats New accepts, in the order help texts show them.
var Names = []string{"text", "json", "sarif", "github", "junit"}

// Options are how a command wants a report presented. Only text uses them: every other
// format is the same wherever it goes, because a machine reads it.
type Options struct {
	// Color turns on coloured severities, drawn by Renderer.
	Color    bool
	Renderer *lipgloss.Renderer
	// Snippets shows each finding's source line with a caret under its column.
	Snippets bool
	// Width is the width snippets are cut to fit; 0 leaves them whole.
	Width int
}

// OptionsFor decides presentation from the streams: colour as they decide it, and
// snippets for a person, that is on a terminal whether coloured or not, or wherever
// colour is forced. Piped plain output stays one line per finding. Nil streams mean
// plain text.
func OptionsFor(ios *iostreams.IOStreams) Options {
	if ios == nil || !ios.ColorEnabled() && !ios.IsTTY() {
		return Options{}
	}
	return Options{Color: ios.ColorEnabled(), Renderer: ios.Renderer(), Snippets: true, Width: ios.Width()}
}

// New returns the formatter called name, presenting as o says.
func New(name string, o Options) (Formatter, error) {
	switch name {
	case "text":
		return NewText(o), nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return SARIF{}, nil
	case "github":
		return GitHub{}, nil
	case "junit":
		return JUnit{}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %s)", name, strings.Join(Names, ", "))
}

// summaryLine counts findings the way every human-readable format ends:
// "3 errors, 2 warnings, 1 info in 4 files". Zero counts are left out so that the line
// says only what happened. "info" is a mass noun and keeps its form in the plural. When
// findings are in records, the record files they are in are counted beside the plans, as
// the lines above name them: "4 errors in 1 plan file and 2 of its record files".
func summaryLine(r Report) string {
	s := diag.Summarize(r.Findings)
	var parts []string
	if s.Errors > 0 {
		parts = append(parts, plural(s.Errors, "error", "errors"))
	}
	if s.Warnings > 0 {
		parts = append(parts, plural(s.Warnings, "warning", "warnings"))
	}
	if s.Infos > 0 {
		parts = append(parts, plural(s.Infos, "info", "info"))
	}
	what := "no problems"
	if len(parts) > 0 {
		what = strings.Join(parts, ", ")
	}
	records := recordFiles(r)
	if records == 0 {
		return what + " in " + plural(r.Files, "file", "files")
	}
	whose := "its"
	if r.Files != 1 {
		whose = "their"
	}
	return fmt.Sprintf("%s in %s and %d of %s record files", what, plural(r.Files, "plan file", "plan files"), records, whose)
}

// recordFiles is the number of files findings name that are not plans: the record files
// with findings. A record file without findings is checked too, but the report does not
// know of it, so the summary leaves the others uncounted rather than guess.
func recordFiles(r Report) int {
	if r.Plans == nil {
		return 0
	}
	plans := make(map[string]bool, len(r.Plans))
	for _, p := range r.Plans {
		plans[p] = true
	}
	seen := map[string]bool{}
	for _, f := range r.Findings {
		if !plans[f.File] {
			seen[f.File] = true
		}
	}
	return len(seen)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// span returns where a finding starts and ends. Positions below 1 become 1, an unknown
// (zero) end becomes the start, and an end before the start is moved to it, so that
// consumers that require a well-formed region (SARIF, annotations) always get one.
func span(f diag.Finding) (line, col, endLine, endCol int) {
	line, col = max(f.Line, 1), max(f.Col, 1)
	endLine, endCol = f.EndLine, f.EndCol
	switch {
	case endLine <= 0 || endLine < line:
		return line, col, line, col
	case endCol <= 0 && endLine == line:
		endCol = col
	case endCol <= 0:
		endCol = 1
	case endLine == line && endCol < col:
		endCol = col
	}
	return line, col, endLine, endCol
}

// relPath returns file as a forward-slash path relative to base, which is what code
// scanning and annotations match against the repository. A file outside base keeps its
// "../" path rather than becoming absolute, because an absolute path names one machine's
// checkout and can never match. Without a base, an absolute file is made relative to the
// working directory for the same reason.
func relPath(base, file string) string {
	p := filepath.Clean(file)
	if base == "" && filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			base = wd
		}
	}
	if base != "" {
		b := filepath.Clean(base)
		if filepath.IsAbs(b) != filepath.IsAbs(p) {
			// Rel needs both sides alike; Abs resolves the relative one against the
			// working directory, which is what the CLI's paths are relative to.
			ab, err1 := filepath.Abs(b)
			ap, err2 := filepath.Abs(p)
			if err1 == nil && err2 == nil {
				b, p = ab, ap
			}
		}
		if rel, err := filepath.Rel(b, p); err == nil {
			p = rel
		}
	}
	if filepath.IsAbs(p) {
		// Only reachable when no relative form exists (another Windows volume): dropping
		// the root keeps the promise that paths are relative and loses nothing readable.
		p = strings.TrimLeft(strings.TrimPrefix(p, filepath.VolumeName(p)), `/\`)
	}
	return filepath.ToSlash(p)
}

// relPaths returns relPath for base, remembering the last answer: findings come sorted by
// file, and relPath may ask the operating system for the working directory each time.
func relPaths(base string) func(file string) string {
	var lastFile, lastRel string
	known := false
	return func(file string) string {
		if !known || file != lastFile {
			lastFile, lastRel, known = file, relPath(base, file), true
		}
		return lastRel
	}
}

// uriReference percent-encodes a forward-slash relative path as an RFC 3986 relative
// reference. A colon is encoded too: unencoded in the first segment it would turn
// "c:plan.yaml" into a URI with scheme "c".
func uriReference(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}
