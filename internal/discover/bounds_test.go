package discover

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDoubleStarIsLinear: a pattern of many "**" against a deep path that it almost
// matches. Trying every way to split the path between the "**" takes time exponential
// in their number; the matcher must call the segment matcher at most once per pattern
// segment and name, whatever the pattern. Counted, not timed.
func TestDoubleStarIsLinear(t *testing.T) {
	var segs []string
	for range 12 {
		segs = append(segs, "**", "a")
	}
	segs = append(segs, "nomatch")
	pat, ok := compilePattern(strings.Join(segs, "/"))
	if !ok {
		t.Fatal("the pattern does not compile")
	}
	name := strings.Split(strings.Repeat("a/", 40)+"z", "/")
	calls := 0
	counting := func(p, n string) bool {
		calls++
		return segMatch(p, n)
	}
	if matchSegs(pat.segs, name, counting) {
		t.Fatal("the pattern matched a path it does not match")
	}
	if bound := len(pat.segs) * len(name); calls > bound {
		t.Errorf("%d segment matches for %d pattern segments and %d names: over %d", calls, len(pat.segs), len(name), bound)
	}
	// The same line in a .gitignore and as an exclude, through the real entry points.
	m := &ignoreMatcher{}
	m.add("", []byte(strings.Repeat("**/a/", 30)+"nomatch\n"))
	if m.match(strings.Repeat("a/", 40)+"z", false) {
		t.Error("the ignore rule matched")
	}
	if !matchAny([]pattern{pat}, strings.Repeat("a/", 40)+"nomatch", false) {
		t.Error("the pattern does not match a path it matches")
	}
}

// TestRepeatedDoubleStarCollapses: "**/**" is one "**", so a line of them is as short
// as one, and still means what git says it does.
func TestRepeatedDoubleStarCollapses(t *testing.T) {
	p, _ := compilePattern("a/" + strings.Repeat("**/", 50) + "b")
	if len(p.segs) != 3 {
		t.Errorf("segments %q, want a, ** and b", p.segs)
	}
	for path, want := range map[string]bool{"a/b": true, "a/x/b": true, "a/x/y/b": true, "b": false, "a/x": false} {
		if got := p.match(path, false); got != want {
			t.Errorf("%q matched = %v, want %v", path, got, want)
		}
	}
	trailing, _ := compilePattern("a/**/**")
	for path, want := range map[string]bool{"a": false, "a/x": true, "a/x/y": true} {
		if got := trailing.match(path, true); got != want {
			t.Errorf("a/**/** on %q = %v, want %v", path, got, want)
		}
	}
}

// TestIgnoreFileBounds: a .gitignore that is a link to /dev/zero, a FIFO or a huge file
// is reported, not read until memory runs out (or, for a FIFO, waited on for ever).
func TestIgnoreFileBounds(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	for name, make := range map[string]func(t *testing.T, path string){
		"link to /dev/zero": func(t *testing.T, path string) { symlink(t, "/dev/zero", path) },
		"a directory":       func(t *testing.T, path string) { mkdir(t, path) },
		"too large": func(t *testing.T, path string) {
			writeFile(t, path, strings.Repeat("# padding\n", maxIgnoreFile/10+1))
		},
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			tree(t, root, "a.plan.yaml", "sub/b.plan.yaml")
			make(t, filepath.Join(root, "sub", ".gitignore"))
			t.Chdir(root)
			got, err := Files([]string{"."}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			expect(t, slashed(got.Files), "a.plan.yaml")
			if len(got.Unreadable) != 1 || !strings.HasPrefix(got.Unreadable[0].Error(), filepath.Join("sub", ".gitignore")+": ") {
				t.Errorf("unreadable = %q, want sub/.gitignore and why", messages(got.Unreadable))
			}
			if errors.Is(got.Unreadable[0], fs.ErrNotExist) {
				t.Errorf("%v reads as a missing file", got.Unreadable[0])
			}
		})
	}
}

// matchSegsByBacktracking is the matcher as it was, exponential in the number of "**"
// but plainly right: FuzzMatchSegs holds the linear one to its answers.
func matchSegsByBacktracking(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return len(name) > 0
			}
			for i := 0; i <= len(name); i++ {
				if matchSegsByBacktracking(rest, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 || !segMatch(pat[0], name[0]) {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

// FuzzMatchSegs compares the linear matcher with backtracking on short patterns and
// paths, where backtracking is still quick.
func FuzzMatchSegs(f *testing.F) {
	f.Add("**/a/**/b", "a/x/b")
	f.Add("a/**", "a")
	f.Add("**/**/x", "x")
	f.Add("a/*/**/c", "a/b/c/c")
	f.Fuzz(func(t *testing.T, pattern, path string) {
		pat := strings.Split(pattern, "/")
		name := strings.Split(path, "/")
		if len(pat) > 8 || len(name) > 8 {
			return
		}
		got := matchSegs(pat, name, segMatch)
		if want := matchSegsByBacktracking(pat, name); got != want {
			t.Errorf("matchSegs(%q, %q) = %v, backtracking says %v", pattern, path, got, want)
		}
	})
}
