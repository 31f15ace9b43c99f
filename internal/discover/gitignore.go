package discover

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// pattern is one compiled glob, in the syntax gitignore(5) defines and that Options
// reuses so users learn one syntax.
type pattern struct {
	// segs holds the slash-separated parts, each already rewritten for path.Match except
	// for a literal "**", which matchSegs handles itself.
	segs []string
	// anchored patterns are matched against the whole relative path; the others (no
	// slash but a trailing one) against the base name at any depth.
	anchored bool
	dirOnly  bool
}

// compilePattern reports false for a pattern that can match nothing, such as "" or "/".
func compilePattern(s string) (pattern, bool) {
	var p pattern
	if strings.HasSuffix(s, "/") {
		p.dirOnly = true
		s = s[:len(s)-1]
	}
	if s == "" {
		return p, false
	}
	// The slash test comes after dropping the trailing slash because gitignore(5)
	// says "foo/" still matches foo at any depth.
	p.anchored = strings.Contains(s, "/")
	s = strings.TrimPrefix(s, "/")
	if s == "" {
		return p, false
	}
	for _, seg := range strings.Split(s, "/") {
		if seg == "**" && len(p.segs) > 0 && p.segs[len(p.segs)-1] == "**" {
			// "**/**" matches what one "**" does; collapsing keeps the pattern short.
			continue
		}
		if seg != "**" {
			seg = toGoGlob(seg)
		}
		p.segs = append(p.segs, seg)
	}
	return p, true
}

// valid reports whether path.Match accepts every segment; a malformed pattern would
// otherwise just never match, which is right for a .gitignore (git does the same) but
// hides a typo the user made on the command line.
func (p pattern) valid() bool {
	for _, seg := range p.segs {
		if _, err := path.Match(seg, ""); err != nil {
			return false
		}
	}
	return true
}

// match tests rel, a slash-separated path relative to the pattern's base directory.
func (p pattern) match(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if !p.anchored {
		return segMatch(p.segs[0], rel[strings.LastIndexByte(rel, '/')+1:])
	}
	return matchSegs(p.segs, strings.Split(rel, "/"), segMatch)
}

// matchSegs matches path segments against pattern segments, a "**" standing for any
// number of segments. It runs the pattern as a set of positions advanced one name at a
// time, so it calls match at most len(pat) times per name: trying each way a "**" could
// split the path instead takes time exponential in the number of "**" (ten in a
// .gitignore line made a walk of 24 nested folders take half a minute).
func matchSegs(pat, name []string, match func(pat, name string) bool) bool {
	last := len(pat) - 1
	// at[i] is set when pat[:i] has matched the names consumed so far.
	at := make([]bool, len(pat)+1)
	next := make([]bool, len(pat)+1)
	at[0] = true
	closeOver(pat, at)
	for _, n := range name {
		clear(next)
		alive := false
		for i, ok := range at[:len(pat)] {
			if !ok {
				continue
			}
			switch {
			case pat[i] == "**":
				// It takes this name and may take more.
				next[i] = true
				if i == last {
					next[i+1] = true
				}
			case match(pat[i], n):
				next[i+1] = true
			default:
				continue
			}
			alive = true
		}
		if !alive {
			return false
		}
		closeOver(pat, next)
		at, next = next, at
	}
	return at[len(pat)]
}

// closeOver adds the positions reached by letting a "**" take no name. A trailing "/**"
// matches everything inside, not the directory itself, so it must take at least one.
func closeOver(pat []string, at []bool) {
	for i := 0; i < len(pat)-1; i++ {
		if at[i] && pat[i] == "**" {
			at[i+1] = true
		}
	}
}

func segMatch(pat, name string) bool {
	ok, err := path.Match(pat, name)
	return ok && err == nil
}

// posixClasses expands the bracket expressions git's wildmatch knows and path.Match does
// not. Like git, they are ASCII-only.
var posixClasses = map[string]string{
	"alnum":  "0-9A-Za-z",
	"alpha":  "A-Za-z",
	"blank":  " \t",
	"cntrl":  "\x00-\x1f\x7f",
	"digit":  "0-9",
	"graph":  "!-~",
	"lower":  "a-z",
	"print":  " -~",
	"punct":  escapeClass("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
	"space":  " \t\n\v\f\r",
	"upper":  "A-Z",
	"xdigit": "0-9A-Fa-f",
}

func escapeClass(chars string) string {
	var b strings.Builder
	for _, c := range chars {
		b.WriteByte('\\')
		b.WriteRune(c)
	}
	return b.String()
}

// toGoGlob rewrites the bracket forms where git and path.Match disagree: git negates
// with "[!" as well as "[^", and takes a "]" first or a "-" first or last in a class
// literally, where path.Match rejects the pattern.
func toGoGlob(seg string) string {
	var b strings.Builder
	for i := 0; i < len(seg); i++ {
		switch c := seg[i]; c {
		case '\\':
			b.WriteByte(c)
			if i+1 < len(seg) {
				i++
				b.WriteByte(seg[i])
			}
		case '[':
			end := classEnd(seg, i)
			if end < 0 {
				// Left as is, path.Match calls it malformed and the rule never
				// matches, which is also what git does with an unclosed class.
				b.WriteString(seg[i:])
				return b.String()
			}
			class, ok := translateClass(seg[i+1 : end])
			if !ok {
				return malformed
			}
			b.WriteString(class)
			i = end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// classEnd returns the index of the "]" closing the class opened at seg[open], or -1.
func classEnd(seg string, open int) int {
	j := open + 1
	if j < len(seg) && (seg[j] == '!' || seg[j] == '^') {
		j++
	}
	if j < len(seg) && seg[j] == ']' {
		j++
	}
	for j < len(seg) {
		switch {
		case seg[j] == '\\':
			j += 2
		case seg[j] == '[' && j+1 < len(seg) && seg[j+1] == ':':
			if k := strings.Index(seg[j+2:], ":]"); k >= 0 {
				j += 2 + k + 2
			} else {
				j++
			}
		case seg[j] == ']':
			return j
		default:
			j++
		}
	}
	return -1
}

// malformed is a pattern path.Match rejects, standing in for one git rejects.
const malformed = "["

// translateClass turns the inside of a git bracket expression into a path.Match one,
// brackets included. It reports false for an unknown "[:name:]", which git rejects.
func translateClass(body string) (string, bool) {
	var b strings.Builder
	b.WriteByte('[')
	if body != "" && (body[0] == '!' || body[0] == '^') {
		b.WriteByte('^')
		body = body[1:]
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\\':
			b.WriteByte(c)
			if i+1 < len(body) {
				i++
				b.WriteByte(body[i])
			}
		case c == '[' && strings.HasPrefix(body[i:], "[:"):
			if k := strings.Index(body[i+2:], ":]"); k >= 0 {
				exp, ok := posixClasses[body[i+2:i+2+k]]
				if !ok {
					return "", false
				}
				b.WriteString(exp)
				i += 2 + k + 1
			} else {
				b.WriteByte(c)
			}
		case c == ']' && i == 0, c == '-' && (i == 0 || i == len(body)-1):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(']')
	return b.String(), true
}

// ignoreRule is one line of a .gitignore.
type ignoreRule struct {
	// base is the directory holding the .gitignore, slash-separated and relative to the
	// matcher's root ("" for the root itself): patterns are relative to it.
	base   string
	pat    pattern
	negate bool
}

// ignoreMatcher holds rules in increasing precedence: info/exclude first, then each
// .gitignore from the root down, each file's lines in order. That makes git's "the
// deeper file wins, then the later line wins" a plain "the last matching rule wins".
type ignoreMatcher struct {
	rules []ignoreRule
}

// maxIgnoreFile is the most an ignore file may hold. Real ones hold a few kilobytes;
// the bound is for a .gitignore that is huge, or a link to /dev/zero, which would
// otherwise be read until memory ran out.
const maxIgnoreFile = 1 << 20

// addFile appends the rules of the ignore file at name; a missing file adds none. One
// that is not a regular file (a directory, a device, a FIFO) or holds more than
// maxIgnoreFile bytes is an error, rather than read or skipped without a word.
func (m *ignoreMatcher) addFile(name, base string) error {
	data, err := readIgnoreFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return pathError(name, err)
	}
	m.add(base, data)
	return nil
}

func readIgnoreFile(name string) ([]byte, error) {
	// Stat before opening: opening a FIFO would wait for a writer.
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file, so it cannot hold ignore rules")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have been replaced since the Stat: the limit holds whatever it is.
	data, err := io.ReadAll(io.LimitReader(f, maxIgnoreFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxIgnoreFile {
		return nil, fmt.Errorf("larger than the %d MiB an ignore file may hold", maxIgnoreFile>>20)
	}
	return data, nil
}

func (m *ignoreMatcher) add(base string, data []byte) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for _, line := range strings.Split(string(data), "\n") {
		if r, ok := parseIgnoreLine(line); ok {
			r.base = base
			m.rules = append(m.rules, r)
		}
	}
}

func parseIgnoreLine(line string) (ignoreRule, bool) {
	var r ignoreRule
	line = trimTrailingSpaces(strings.TrimSuffix(line, "\r"))
	if line == "" || line[0] == '#' {
		return r, false
	}
	if line[0] == '!' {
		r.negate = true
		line = line[1:]
	}
	// A leading "\#" or "\!" needs no work here: path.Match reads the backslash as
	// the escape it is meant to be.
	p, ok := compilePattern(line)
	r.pat = p
	return r, ok
}

// trimTrailingSpaces drops unescaped trailing spaces (not tabs), as git does: "a\ "
// keeps its escaped space.
func trimTrailingSpaces(s string) string {
	lastSpace := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if lastSpace < 0 {
				lastSpace = i
			}
		case '\\':
			i++
			if i >= len(s) {
				return s
			}
			lastSpace = -1
		default:
			lastSpace = -1
		}
	}
	if lastSpace >= 0 {
		return s[:lastSpace]
	}
	return s
}

// match decides p (slash-separated, relative to the matcher's root) on its own rules,
// without looking at its parent directories: the walk never gets to the children of an
// ignored directory, so asking again for every file would be wasted work.
func (m *ignoreMatcher) match(p string, isDir bool) bool {
	for i := len(m.rules) - 1; i >= 0; i-- {
		r := &m.rules[i]
		rel := p
		if r.base != "" {
			if !strings.HasPrefix(p, r.base+"/") {
				continue
			}
			rel = p[len(r.base)+1:]
		}
		if r.pat.match(rel, isDir) {
			return !r.negate
		}
	}
	return false
}

// findRepo walks up from dir, which must be absolute, to the nearest directory holding
// a .git entry, and returns it with the path of that repository's info/exclude file.
func findRepo(dir string) (root, exclude string, ok bool) {
	for {
		dotGit := filepath.Join(dir, ".git")
		if info, err := os.Stat(dotGit); err == nil {
			if info.IsDir() {
				return dir, filepath.Join(dotGit, "info", "exclude"), true
			}
			return dir, filepath.Join(gitDirOfFile(dotGit), "info", "exclude"), true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", "", false
		}
		dir = parent
	}
}

// gitDirOfFile resolves a .git file (worktrees, submodules) to the directory holding
// info/exclude. Worktrees share the main repository's, which "commondir" points at.
func gitDirOfFile(dotGit string) string {
	data, err := os.ReadFile(dotGit)
	if err != nil {
		return dotGit
	}
	gitDir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
	if !ok {
		return dotGit
	}
	gitDir = strings.TrimSpace(gitDir)
	if !filepath.IsAbs(gitDir) {
		gitDir = filepath.Join(filepath.Dir(dotGit), gitDir)
	}
	if common, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		c := strings.TrimSpace(string(common))
		if !filepath.IsAbs(c) {
			c = filepath.Join(gitDir, c)
		}
		return c
	}
	return gitDir
}
