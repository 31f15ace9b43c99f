package discover

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

type ignoreCheck struct {
	path  string // slash-separated, relative to the root
	isDir bool
	want  bool
}

func file(p string, want bool) ignoreCheck { return ignoreCheck{p, false, want} }
func dir(p string, want bool) ignoreCheck  { return ignoreCheck{p, true, want} }

// ignoreCases follow gitignore(5). TestIgnoreMatcherAgainstGit replays them through
// git check-ignore, so an expectation that misreads the manual fails there.
var ignoreCases = []struct {
	name   string
	files  map[string]string // directory ("" for the root) -> .gitignore contents
	checks []ignoreCheck
}{
	{"name matches at any depth", map[string]string{"": "foo\n"}, []ignoreCheck{
		file("foo", true), dir("foo", true), file("a/foo", true), file("a/b/foo", true),
		file("foo/x", true), file("foobar", false), file("barfoo", false), file("a/foobar", false),
	}},
	{"blank lines and comments", map[string]string{"": "# comment\n\n   \nfoo\n#bar\n"}, []ignoreCheck{
		file("# comment", false), file("#bar", false), file("foo", true),
	}},
	{"escaped hash", map[string]string{"": "\\#foo\n"}, []ignoreCheck{
		file("#foo", true), file("foo", false),
	}},
	{"escaped bang", map[string]string{"": "\\!important\n"}, []ignoreCheck{
		file("!important", true), file("important", false),
	}},
	{"hash not at start", map[string]string{"": "a#b\n"}, []ignoreCheck{
		file("a#b", true), file("a", false),
	}},
	{"trailing spaces trimmed", map[string]string{"": "foo   \n"}, []ignoreCheck{
		file("foo", true), file("foo ", false),
	}},
	{"escaped trailing space kept", map[string]string{"": "foo\\ \n"}, []ignoreCheck{
		file("foo ", true), file("foo", false),
	}},
	{"escaped space then spaces", map[string]string{"": "foo\\   \n"}, []ignoreCheck{
		file("foo ", true), file("foo   ", false), file("foo", false),
	}},
	{"trailing tab kept", map[string]string{"": "foo\t\n"}, []ignoreCheck{
		file("foo\t", true), file("foo", false),
	}},
	{"no final newline", map[string]string{"": "a\nb"}, []ignoreCheck{
		file("a", true), file("b", true),
	}},
	{"CRLF line endings", map[string]string{"": "foo\r\nbar\r\n"}, []ignoreCheck{
		file("foo", true), file("bar", true),
	}},
	{"byte order mark", map[string]string{"": "\ufefffoo\n"}, []ignoreCheck{
		file("foo", true),
	}},
	{"negation", map[string]string{"": "*.log\n!keep.log\n"}, []ignoreCheck{
		file("a.log", true), file("keep.log", false), file("sub/keep.log", false), file("sub/b.log", true),
	}},
	{"last match wins", map[string]string{"": "!keep.log\n*.log\n"}, []ignoreCheck{
		file("keep.log", true),
	}},
	{"negation then ignore again", map[string]string{"": "*.log\n!*.log\na.log\n"}, []ignoreCheck{
		file("a.log", true), file("b.log", false),
	}},
	{"no re-include inside ignored dir", map[string]string{"": "build/\n!build/keep.txt\n"}, []ignoreCheck{
		file("build/keep.txt", true), file("build/other", true), dir("build", true),
	}},
	{"no re-include inside ignored dir by name", map[string]string{"": "build\n!keep.txt\n"}, []ignoreCheck{
		file("build/keep.txt", true), file("keep.txt", false),
	}},
	{"re-include with dir contents pattern", map[string]string{"": "build/*\n!build/keep.txt\n"}, []ignoreCheck{
		file("build/keep.txt", false), file("build/other", true), dir("build", false),
	}},
	{"whitelist", map[string]string{"": "*\n!*/\n!*.md\n"}, []ignoreCheck{
		file("a.md", false), file("x.txt", true), dir("d", false), file("d/b.md", false), file("d/c.txt", true),
	}},
	{"leading slash anchors", map[string]string{"": "/foo\n"}, []ignoreCheck{
		file("foo", true), dir("foo", true), file("a/foo", false), file("foo/x", true),
	}},
	{"middle slash anchors", map[string]string{"": "doc/frotz\n"}, []ignoreCheck{
		file("doc/frotz", true), dir("doc/frotz", true), file("a/doc/frotz", false), file("frotz", false),
	}},
	{"middle slash with leading slash", map[string]string{"": "/doc/frotz\n"}, []ignoreCheck{
		file("doc/frotz", true), file("a/doc/frotz", false),
	}},
	{"trailing slash alone does not anchor", map[string]string{"": "frotz/\n"}, []ignoreCheck{
		dir("frotz", true), dir("a/frotz", true), file("frotz", false), file("a/frotz", false), file("a/frotz/x", true),
	}},
	{"dir-only anchored", map[string]string{"": "doc/frotz/\n"}, []ignoreCheck{
		dir("doc/frotz", true), file("doc/frotz", false), dir("a/doc/frotz", false),
	}},
	{"star", map[string]string{"": "*.txt\n"}, []ignoreCheck{
		file("a.txt", true), file("sub/b.txt", true), file(".txt", true), file("a.txtx", false), file("a.txt.bak", false),
	}},
	{"star does not cross slash", map[string]string{"": "doc/*.txt\n"}, []ignoreCheck{
		file("doc/a.txt", true), file("doc/sub/a.txt", false), file("a/doc/a.txt", false),
	}},
	{"star segment", map[string]string{"": "a/*/c\n"}, []ignoreCheck{
		file("a/b/c", true), file("a/b/d/c", false), file("a/c", false),
	}},
	{"star matches dot files", map[string]string{"": ".*\n"}, []ignoreCheck{
		file(".env", true), dir(".cache", true), file("a.env", false),
	}},
	{"question mark", map[string]string{"": "?.md\n"}, []ignoreCheck{
		file("a.md", true), file("ab.md", false), file(".md", false), file("sub/x.md", true),
	}},
	{"question mark does not match slash", map[string]string{"": "a?b\n"}, []ignoreCheck{
		file("a-b", true), file("a/b", false),
	}},
	{"bracket set", map[string]string{"": "[abc].go\n"}, []ignoreCheck{
		file("a.go", true), file("c.go", true), file("d.go", false),
	}},
	{"bracket range", map[string]string{"": "v[0-9]\n"}, []ignoreCheck{
		file("v1", true), file("va", false),
	}},
	{"bracket bang negation", map[string]string{"": "[!a].go\n"}, []ignoreCheck{
		file("b.go", true), file("a.go", false),
	}},
	{"bracket caret negation", map[string]string{"": "[^a].go\n"}, []ignoreCheck{
		file("b.go", true), file("a.go", false),
	}},
	{"bracket leading close bracket", map[string]string{"": "[]x]y\n"}, []ignoreCheck{
		file("]y", true), file("xy", true), file("zy", false),
	}},
	{"bracket leading and trailing dash", map[string]string{"": "[-a]x\n[b-]y\n"}, []ignoreCheck{
		file("-x", true), file("ax", true), file("-y", true), file("by", true), file("cy", false),
	}},
	{"bracket posix class", map[string]string{"": "[[:digit:]]z\n[[:upper:][:punct:]]q\n"}, []ignoreCheck{
		file("5z", true), file("az", false), file("Aq", true), file("!q", true), file("aq", false),
	}},
	{"unclosed bracket matches nothing", map[string]string{"": "a[b\n"}, []ignoreCheck{
		file("a[b", false), file("ab", false),
	}},
	{"escaped glob characters", map[string]string{"": "\\*.txt\nq\\?\n"}, []ignoreCheck{
		file("*.txt", true), file("a.txt", false), file("q?", true), file("qa", false),
	}},
	{"leading double star", map[string]string{"": "**/foo\n"}, []ignoreCheck{
		file("foo", true), file("a/foo", true), file("a/b/foo", true), dir("a/foo", true), file("afoo", false),
	}},
	{"leading double star with path", map[string]string{"": "**/foo/bar\n"}, []ignoreCheck{
		file("foo/bar", true), file("a/foo/bar", true), file("foo/x/bar", false), file("bar", false),
	}},
	{"trailing double star", map[string]string{"": "abc/**\n"}, []ignoreCheck{
		file("abc/x", true), file("abc/x/y", true), dir("abc/d", true), dir("abc", false), file("abc", false),
		file("a/abc/x", false),
	}},
	{"middle double star", map[string]string{"": "a/**/b\n"}, []ignoreCheck{
		file("a/b", true), file("a/x/b", true), file("a/x/y/b", true), file("b", false), file("x/a/b", false),
		file("a/xb", false),
	}},
	{"double star dir only", map[string]string{"": "**/tmp/\n"}, []ignoreCheck{
		dir("tmp", true), dir("a/tmp", true), file("a/tmp", false),
	}},
	{"trailing double star dir only", map[string]string{"": "x/**/\n"}, []ignoreCheck{
		dir("x", false), dir("x/y", true), file("x/f", false), file("x/y/f", true),
	}},
	{"other consecutive stars are single stars", map[string]string{"": "foo**bar\n"}, []ignoreCheck{
		file("foobar", true), file("fooxbar", true), file("foo/bar", false), file("a/fooxbar", true),
	}},
	{"dot slash is not stripped", map[string]string{"": "./foo\n"}, []ignoreCheck{
		file("foo", false),
	}},
	{"lone slash and bang match nothing", map[string]string{"": "/\n!\n"}, []ignoreCheck{
		file("a", false), dir("d", false),
	}},
	{"nested file is relative to its dir", map[string]string{"": "", "sub": "/x\ny/z\n"}, []ignoreCheck{
		file("sub/x", true), file("x", false), file("sub/a/x", false), file("sub/y/z", true), file("y/z", false),
	}},
	{"nested name pattern only below its dir", map[string]string{"sub": "*.tmp\n"}, []ignoreCheck{
		file("sub/a.tmp", true), file("sub/d/a.tmp", true), file("a.tmp", false), file("other/a.tmp", false),
	}},
	{"deeper file overrides", map[string]string{"": "*.log\n", "sub": "!keep.log\n"}, []ignoreCheck{
		file("sub/keep.log", false), file("sub/a/keep.log", false), file("keep.log", true), file("sub/a.log", true),
	}},
	{"deeper file wins either way", map[string]string{"": "!*.log\n", "sub": "*.log\n"}, []ignoreCheck{
		file("sub/a.log", true), file("a.log", false),
	}},
	{"deeper dir-only", map[string]string{"sub": "build/\n"}, []ignoreCheck{
		file("sub/build/x", true), file("sub/d/build/x", true), file("build/x", false),
	}},
	{"deeper file cannot re-include from ignored parent", map[string]string{"": "sub/\n", "sub": "!x\n"}, []ignoreCheck{
		file("sub/x", true),
	}},
	{"nested double star", map[string]string{"a": "**/c\nd/**\n"}, []ignoreCheck{
		file("a/c", true), file("a/b/c", true), file("c", false), file("a/d/e", true), file("d/e", false),
	}},
}

// newTestMatcher loads files parent-first, which is the order a walk meets them in.
func newTestMatcher(files map[string]string) *ignoreMatcher {
	dirs := make([]string, 0, len(files))
	for d := range files {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	m := &ignoreMatcher{}
	for _, d := range dirs {
		m.add(d, []byte(files[d]))
	}
	return m
}

func checkName(c ignoreCheck) string {
	if c.isDir {
		return c.path + "/"
	}
	return c.path
}

func TestIgnoreMatcher(t *testing.T) {
	for _, tc := range ignoreCases {
		m := newTestMatcher(tc.files)
		for _, c := range tc.checks {
			if got := m.ignored(c.path, c.isDir); got != c.want {
				t.Errorf("%s: %q ignored = %v, want %v (files %q)", tc.name, checkName(c), got, c.want, tc.files)
			}
		}
	}
}

// TestIgnoreMatcherAgainstGit keeps the table honest: git is the reference, and a case
// that git decides differently is a misreading of the manual, in the table or the code.
func TestIgnoreMatcherAgainstGit(t *testing.T) {
	if testing.Short() {
		t.Skip("runs git once per case")
	}
	gitBin, err := exec.LookPath("git")
	if err != nil {
		testenv.Unavailable(t, "git is not installed: the table is checked against the real git")
	}
	home := t.TempDir()
	// Keep the user's and the system's configuration, and so any global excludes file,
	// out of the verdict.
	env := append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_SYSTEM="+os.DevNull)
	git := func(dir string, args ...string) error {
		cmd := exec.Command(gitBin, args...)
		cmd.Dir, cmd.Env = dir, env
		return cmd.Run()
	}
	for _, tc := range ignoreCases {
		for _, c := range tc.checks {
			root := t.TempDir()
			if err := git(root, "init", "-q"); err != nil {
				t.Fatalf("git init: %v", err)
			}
			for d, content := range tc.files {
				mkdir(t, filepath.Join(root, d))
				writeFile(t, filepath.Join(root, d, ".gitignore"), content)
			}
			full := filepath.Join(root, filepath.FromSlash(c.path))
			if c.isDir {
				mkdir(t, full)
			} else {
				mkdir(t, filepath.Dir(full))
				writeFile(t, full, "")
			}
			err := git(root, "check-ignore", "-q", "--no-index", "--", c.path)
			var exit *exec.ExitError
			if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
				t.Fatalf("git check-ignore %q: %v", c.path, err)
			}
			if got := err == nil; got != c.want {
				t.Errorf("%s: git says %q ignored = %v, table says %v", tc.name, checkName(c), got, c.want)
			}
		}
	}
}

func TestTrimTrailingSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"":          "",
		"a":         "a",
		"a  ":       "a",
		"a\\ ":      "a\\ ",
		"a\\  ":     "a\\ ",
		"a\\":       "a\\",
		"a b":       "a b",
		"a\t":       "a\t",
		"   ":       "",
		"a\\\\ ":    "a\\\\",
		"a \\  b  ": "a \\  b",
	} {
		if got := trimTrailingSpaces(in); got != want {
			t.Errorf("trimTrailingSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestToGoGlob(t *testing.T) {
	for in, want := range map[string]string{
		"abc":          "abc",
		"*.txt":        "*.txt",
		"[!a]":         "[^a]",
		"[^a]":         "[^a]",
		"[]a]":         "[\\]a]",
		"[!]a]":        "[^\\]a]",
		"[-a]":         "[\\-a]",
		"[a-]":         "[a\\-]",
		"[a-c]":        "[a-c]",
		"\\[!a]":       "\\[!a]",
		"[\\]]":        "[\\]]",
		"[[:digit:]x]": "[0-9x]",
		"[[:nope:]]":   malformed,
		"a[b":          "a[b",
	} {
		if got := toGoGlob(in); got != want {
			t.Errorf("toGoGlob(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindRepo(t *testing.T) {
	t.Run("git directory", func(t *testing.T) {
		root := t.TempDir()
		mkdir(t, filepath.Join(root, ".git", "info"))
		mkdir(t, filepath.Join(root, "a", "b"))
		got, exclude, ok := findRepo(filepath.Join(root, "a", "b"))
		if !ok || got != root || exclude != filepath.Join(root, ".git", "info", "exclude") {
			t.Errorf("findRepo = %q, %q, %v", got, exclude, ok)
		}
	})
	t.Run("worktree git file", func(t *testing.T) {
		root := t.TempDir()
		main := filepath.Join(root, "main")
		wt := filepath.Join(root, "wt")
		mkdir(t, filepath.Join(main, ".git", "worktrees", "wt"))
		mkdir(t, wt)
		writeFile(t, filepath.Join(main, ".git", "worktrees", "wt", "commondir"), "../..\n")
		writeFile(t, filepath.Join(wt, ".git"), "gitdir: ../main/.git/worktrees/wt\n")
		got, exclude, ok := findRepo(wt)
		if !ok || got != wt || exclude != filepath.Join(main, ".git", "info", "exclude") {
			t.Errorf("findRepo = %q, %q, %v", got, exclude, ok)
		}
	})
	t.Run("submodule git file", func(t *testing.T) {
		root := t.TempDir()
		mkdir(t, filepath.Join(root, ".git", "modules", "sub"))
		mkdir(t, filepath.Join(root, "sub"))
		writeFile(t, filepath.Join(root, "sub", ".git"), "gitdir: "+filepath.Join(root, ".git", "modules", "sub")+"\n")
		got, exclude, ok := findRepo(filepath.Join(root, "sub"))
		if !ok || got != filepath.Join(root, "sub") || exclude != filepath.Join(root, ".git", "modules", "sub", "info", "exclude") {
			t.Errorf("findRepo = %q, %q, %v", got, exclude, ok)
		}
	})
}

func mkdir(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ignored is match plus the rule that nothing inside an ignored directory can be
// re-included, for callers that ask about a path without walking to it.
func (m *ignoreMatcher) ignored(p string, isDir bool) bool {
	for i := 0; i < len(p); i++ {
		if p[i] == '/' && m.match(p[:i], true) {
			return true
		}
	}
	return m.match(p, isDir)
}
