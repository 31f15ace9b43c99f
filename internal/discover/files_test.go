package discover

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/planascode/plan/internal/testenv"
)

// tree creates the given slash-separated paths under root: a path ending in "/" is a
// directory, anything else a file holding its own name.
func tree(t *testing.T, root string, paths ...string) {
	t.Helper()
	for _, p := range paths {
		full := filepath.Join(root, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			mkdir(t, full)
			continue
		}
		mkdir(t, filepath.Dir(full))
		writeFile(t, full, p)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

func files(t *testing.T, opts Options, args ...string) []string {
	t.Helper()
	got, err := Files(args, opts)
	if err != nil {
		t.Fatalf("Files(%q): %v", args, err)
	}
	if len(got.Unreadable) > 0 {
		t.Fatalf("Files(%q): unreadable: %v", args, got.Unreadable)
	}
	return got.Files
}

// messages are the texts of errs, for comparing with what a test expects.
func messages(errs []error) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

func expect(t *testing.T, got []string, want ...string) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func slashed(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.ToSlash(p)
	}
	return out
}

// exampleTree has names that sort differently per directory and per full path: "a" <
// "a.b" as names, but "a.b/..." < "a.plan.yaml" < "a/..." as paths.
var exampleTree = []string{
	"examples/a.plan.yaml",
	"examples/b.plan.yml",
	"examples/notes.yaml",
	"examples/readme.md",
	"examples/a/f.plan.yaml",
	"examples/a.b/e.plan.yaml",
	"examples/sub/c.plan.yaml",
	"examples/sub/deep/d.plan.yaml",
	"examples/empty/",
}

func TestFilesWalk(t *testing.T) {
	root := t.TempDir()
	tree(t, root, exampleTree...)
	t.Chdir(root)

	want := []string{
		"examples/a.b/e.plan.yaml",
		"examples/a.plan.yaml",
		"examples/a/f.plan.yaml",
		"examples/b.plan.yml",
		"examples/sub/c.plan.yaml",
		"examples/sub/deep/d.plan.yaml",
	}
	t.Run("relative dir", func(t *testing.T) {
		expect(t, slashed(files(t, Options{}, "examples")), want...)
	})
	t.Run("trailing slash and dot prefix are cleaned", func(t *testing.T) {
		expect(t, slashed(files(t, Options{}, "examples/")), want...)
		expect(t, slashed(files(t, Options{}, "./examples")), want...)
	})
	t.Run("dot has no prefix", func(t *testing.T) {
		t.Chdir("examples")
		noPrefix := make([]string, len(want))
		for i, w := range want {
			noPrefix[i] = strings.TrimPrefix(w, "examples/")
		}
		expect(t, slashed(files(t, Options{}, ".")), noPrefix...)
		expect(t, slashed(files(t, Options{})), noPrefix...)
	})
	t.Run("parent dir", func(t *testing.T) {
		t.Chdir("examples/sub")
		expect(t, slashed(files(t, Options{}, "..")), "../a.b/e.plan.yaml", "../a.plan.yaml", "../a/f.plan.yaml",
			"../b.plan.yml", "../sub/c.plan.yaml", "../sub/deep/d.plan.yaml")
	})
	t.Run("absolute dir", func(t *testing.T) {
		abs := filepath.Join(root, "examples", "sub")
		expect(t, files(t, Options{}, abs),
			filepath.Join(abs, "c.plan.yaml"), filepath.Join(abs, "deep", "d.plan.yaml"))
	})
	t.Run("nothing found is not an error", func(t *testing.T) {
		got, err := Files([]string{"examples/empty"}, Options{})
		if err != nil || len(got.Files) != 0 || len(got.Unreadable) != 0 {
			t.Errorf("Files(empty dir) = %q, %v; want nothing, no error", got, err)
		}
	})
}

func TestFilesArguments(t *testing.T) {
	root := t.TempDir()
	tree(t, root, exampleTree...)
	tree(t, root, "other.txt", "top.plan.yaml")
	t.Chdir(root)

	t.Run("explicit file of any name as given", func(t *testing.T) {
		expect(t, files(t, Options{}, "examples/notes.yaml", "./other.txt"), "examples/notes.yaml", "./other.txt")
	})
	t.Run("stdin passes through", func(t *testing.T) {
		expect(t, files(t, Options{}, "-"), "-")
	})
	t.Run("argument order then lexical order, each once", func(t *testing.T) {
		got := files(t, Options{}, "examples/sub", "-", "top.plan.yaml", "examples", "examples/a.plan.yaml",
			"./examples/b.plan.yml", "-", "top.plan.yaml", "examples/sub")
		expect(t, slashed(got),
			"examples/sub/c.plan.yaml",
			"examples/sub/deep/d.plan.yaml",
			"-",
			"top.plan.yaml",
			"examples/a.b/e.plan.yaml",
			"examples/a.plan.yaml",
			"examples/a/f.plan.yaml",
			"examples/b.plan.yml",
		)
	})
	t.Run("dir then its file lists the file once", func(t *testing.T) {
		got := files(t, Options{}, "examples", "examples/a.plan.yaml")
		if n := strings.Count(strings.Join(slashed(got), "\n")+"\n", "examples/a.plan.yaml\n"); n != 1 {
			t.Errorf("examples/a.plan.yaml listed %d times in %q", n, got)
		}
	})
	t.Run("file then its dir keeps the file first", func(t *testing.T) {
		got := slashed(files(t, Options{}, "examples/b.plan.yml", "examples/sub"))
		expect(t, got, "examples/b.plan.yml", "examples/sub/c.plan.yaml", "examples/sub/deep/d.plan.yaml")
	})
	t.Run("nonexistent path", func(t *testing.T) {
		for _, tc := range []struct {
			args []string
			want []string
		}{
			{[]string{"missing.plan.yaml"}, nil},
			// One missing path must not hide the others: they are all still found.
			{[]string{"examples/a.plan.yaml", "missing.plan.yaml", "examples/b.plan.yml"}, []string{"examples/a.plan.yaml", "examples/b.plan.yml"}},
		} {
			got, err := Files(tc.args, Options{})
			if err != nil {
				t.Fatalf("Files(%q): %v", tc.args, err)
			}
			expect(t, slashed(got.Files), tc.want...)
			if len(got.Unreadable) != 1 || got.Unreadable[0].Error() != "missing.plan.yaml: no such file or directory" {
				t.Errorf("Files(%q) unreadable = %q, want %q", tc.args, messages(got.Unreadable), "missing.plan.yaml: no such file or directory")
			} else if !errors.Is(got.Unreadable[0], fs.ErrNotExist) {
				t.Errorf("%v does not wrap fs.ErrNotExist", got.Unreadable[0])
			}
		}
	})
	t.Run("nonexistent dir", func(t *testing.T) {
		got, _ := Files([]string{"nope/"}, Options{})
		if len(got.Unreadable) != 1 || got.Unreadable[0].Error() != "nope/: no such file or directory" {
			t.Errorf("unreadable = %q", messages(got.Unreadable))
		}
	})
}

func TestFilesPlanNamedDirectory(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "x.plan.yaml/inner.plan.yaml", "x.plan.yaml/notes.txt", "y.plan.yml/")
	t.Chdir(root)
	expect(t, slashed(files(t, Options{}, ".")), "x.plan.yaml/inner.plan.yaml")
	expect(t, slashed(files(t, Options{}, "x.plan.yaml")), "x.plan.yaml/inner.plan.yaml")
	expect(t, files(t, Options{}, "y.plan.yml"))
}

func TestFilesSkipsGitAndNodeModules(t *testing.T) {
	root := t.TempDir()
	tree(t, root,
		".git/x.plan.yaml",
		"node_modules/pkg/y.plan.yaml",
		"web/node_modules/z.plan.yaml",
		"sub/.git/w.plan.yaml",
		"keep.plan.yaml",
		"web/keep.plan.yaml",
	)
	t.Chdir(root)
	expect(t, slashed(files(t, Options{}, ".")), "keep.plan.yaml", "web/keep.plan.yaml")
}

func TestFilesSymlinks(t *testing.T) {
	root := t.TempDir()
	tree(t, root, "real/target.yaml", "real/inside.plan.yaml", "sub/a.plan.yaml")
	symlink(t, "..", filepath.Join(root, "sub", "loop"))
	symlink(t, ".", filepath.Join(root, "sub", "self"))
	symlink(t, filepath.Join("..", "real", "target.yaml"), filepath.Join(root, "sub", "link.plan.yaml"))
	symlink(t, filepath.Join("..", "real"), filepath.Join(root, "sub", "dir.plan.yaml"))
	symlink(t, "nowhere", filepath.Join(root, "sub", "dangling.plan.yaml"))
	t.Chdir(root)

	// A walk that followed the loops would never end: go test's -timeout catches that.
	got, err := Files([]string{"sub"}, Options{})
	if err != nil || len(got.Unreadable) > 0 {
		t.Fatal(err, got.Unreadable)
	}
	// The dangling link stays so that loading it reports the broken link.
	expect(t, slashed(got.Files), "sub/a.plan.yaml", "sub/dangling.plan.yaml", "sub/link.plan.yaml")

	t.Run("symlinked root is walked", func(t *testing.T) {
		symlink(t, "real", filepath.Join(root, "rootlink"))
		expect(t, slashed(files(t, Options{}, "rootlink")), "rootlink/inside.plan.yaml")
	})
	t.Run("explicit symlink is taken as given", func(t *testing.T) {
		expect(t, slashed(files(t, Options{}, "sub/link.plan.yaml")), "sub/link.plan.yaml")
	})
}

func TestFilesGitignore(t *testing.T) {
	root := t.TempDir()
	tree(t, root,
		"ok.plan.yaml",
		"local.plan.yaml",
		"a.draft.plan.yaml",
		"ignored/x.plan.yaml",
		"ignored/keep.plan.yaml",
		"old.plan.yaml/inner.plan.yaml",
		"sub/old.plan.yaml",
		"sub/local.plan.yaml",
		"sub/keep.draft.plan.yaml",
		"sub/y.draft.plan.yaml",
		"sub/ignored/z.plan.yaml",
		"sub/deep/local.plan.yaml",
		"sub/deep/keep.draft.plan.yaml",
		"sub/deep/anchored.plan.yaml",
		"sub/deep/more/anchored.plan.yaml",
		"sub/deep/more/keep.draft.plan.yaml",
	)
	writeFile(t, filepath.Join(root, ".gitignore"), strings.Join([]string{
		"# generated",
		"ignored/",
		"!ignored/keep.plan.yaml", // cannot re-include: its directory is excluded
		"*.draft.plan.yaml",
		"old.plan.yaml/", // the directory, not sub/old.plan.yaml the file
	}, "\n"))
	writeFile(t, filepath.Join(root, "sub", ".gitignore"), "!keep.draft.plan.yaml\nlocal.plan.yaml\n")
	writeFile(t, filepath.Join(root, "sub", "deep", ".gitignore"), "!local.plan.yaml\n/anchored.plan.yaml\nmore/keep.*\n")
	t.Chdir(root)

	want := []string{
		"local.plan.yaml",
		"ok.plan.yaml",
		"sub/deep/keep.draft.plan.yaml",
		"sub/deep/local.plan.yaml",
		"sub/deep/more/anchored.plan.yaml",
		"sub/keep.draft.plan.yaml",
		"sub/old.plan.yaml",
	}
	expect(t, slashed(files(t, Options{}, ".")), want...)

	t.Run("a sibling's .gitignore does not leak", func(t *testing.T) {
		tree(t, root, "zz/local.plan.yaml")
		defer os.RemoveAll(filepath.Join(root, "zz"))
		got := slashed(files(t, Options{}, "."))
		if got[len(got)-1] != "zz/local.plan.yaml" {
			t.Errorf("zz/local.plan.yaml missing: %q", got)
		}
	})
	t.Run("naming an ignored file or dir checks it", func(t *testing.T) {
		expect(t, slashed(files(t, Options{}, "a.draft.plan.yaml")), "a.draft.plan.yaml")
		expect(t, slashed(files(t, Options{}, "ignored")), "ignored/keep.plan.yaml", "ignored/x.plan.yaml")
	})
	t.Run("parent .gitignore outside a repository is not read", func(t *testing.T) {
		expect(t, slashed(files(t, Options{}, "sub")),
			"sub/deep/keep.draft.plan.yaml", "sub/deep/local.plan.yaml", "sub/deep/more/anchored.plan.yaml",
			"sub/ignored/z.plan.yaml", "sub/keep.draft.plan.yaml", "sub/old.plan.yaml", "sub/y.draft.plan.yaml")
	})
}

func TestFilesRepositoryIgnores(t *testing.T) {
	root := t.TempDir()
	tree(t, root,
		".git/info/",
		"mid/inner/ok.plan.yaml",
		"mid/inner/excluded.plan.yaml",
		"mid/inner/a.skip.plan.yaml",
		"mid/inner/mid-only.plan.yaml",
		"mid/inner/anchored.plan.yaml",
		"mid/inner/unskip.skip.plan.yaml",
		"mid/inner/gen/g.plan.yaml",
		"mid/inner/d/anchored.plan.yaml",
	)
	writeFile(t, filepath.Join(root, ".git", "info", "exclude"), "excluded.plan.yaml\n")
	writeFile(t, filepath.Join(root, ".gitignore"), "*.skip.plan.yaml\n/mid/inner/anchored.plan.yaml\nmid/inner/gen/\n")
	writeFile(t, filepath.Join(root, "mid", ".gitignore"), "mid-only.plan.yaml\n")
	writeFile(t, filepath.Join(root, "mid", "inner", ".gitignore"), "!unskip.skip.plan.yaml\n")

	want := []string{"d/anchored.plan.yaml", "ok.plan.yaml", "unskip.skip.plan.yaml"}
	t.Run("from inside", func(t *testing.T) {
		t.Chdir(filepath.Join(root, "mid", "inner"))
		expect(t, slashed(files(t, Options{}, ".")), want...)
	})
	t.Run("from the repository root", func(t *testing.T) {
		t.Chdir(root)
		var prefixed []string
		for _, w := range want {
			prefixed = append(prefixed, "mid/inner/"+w)
		}
		expect(t, slashed(files(t, Options{}, "mid/inner")), prefixed...)
		expect(t, slashed(files(t, Options{}, ".")), prefixed...)
	})
	t.Run("through a symlink", func(t *testing.T) {
		outside := t.TempDir()
		symlink(t, filepath.Join(root, "mid", "inner"), filepath.Join(outside, "link"))
		t.Chdir(outside)
		var prefixed []string
		for _, w := range want {
			prefixed = append(prefixed, "link/"+w)
		}
		expect(t, slashed(files(t, Options{}, "link")), prefixed...)
	})
}

func TestFilesOptions(t *testing.T) {
	root := t.TempDir()
	tree(t, root,
		"a.plan.yaml",
		"b.yaml",
		"plans/c.yml",
		"plans/x/d.yml",
		"plans/x/e.plan.yaml",
		"drafts/f.plan.yaml",
		"sub/drafts/g.plan.yaml",
		"sub/h.plan.yaml",
		"sub/i/j.plan.yaml",
		"tmp/k.plan.yaml",
		"sub/z.plan.yaml",
		"z.plan.yaml/in.plan.yaml",
	)
	t.Chdir(root)

	tests := []struct {
		name string
		opts Options
		args []string
		want []string
	}{
		{"include by name at any depth", Options{Include: []string{"*.yml"}}, []string{"."},
			[]string{"plans/c.yml", "plans/x/d.yml"}},
		{"include replaces the default", Options{Include: []string{"b.yaml"}}, []string{"."},
			[]string{"b.yaml"}},
		{"include with double star", Options{Include: []string{"plans/**/*.y*ml"}}, []string{"."},
			[]string{"plans/c.yml", "plans/x/d.yml", "plans/x/e.plan.yaml"}},
		{"include is relative to the walked dir", Options{Include: []string{"x/*"}}, []string{"plans"},
			[]string{"plans/x/d.yml", "plans/x/e.plan.yaml"}},
		{"exclude dir name at any depth", Options{Exclude: []string{"drafts"}}, []string{"."},
			[]string{"a.plan.yaml", "plans/x/e.plan.yaml", "sub/h.plan.yaml", "sub/i/j.plan.yaml", "sub/z.plan.yaml",
				"tmp/k.plan.yaml", "z.plan.yaml/in.plan.yaml"}},
		{"exclude anchored", Options{Exclude: []string{"sub/*.plan.yaml", "/drafts"}}, []string{"."},
			[]string{"a.plan.yaml", "plans/x/e.plan.yaml", "sub/drafts/g.plan.yaml", "sub/i/j.plan.yaml", "tmp/k.plan.yaml",
				"z.plan.yaml/in.plan.yaml"}},
		{"exclude dir only", Options{Exclude: []string{"tmp/", "i/", "z.plan.yaml/"}}, []string{"."},
			[]string{"a.plan.yaml", "drafts/f.plan.yaml", "plans/x/e.plan.yaml", "sub/drafts/g.plan.yaml", "sub/h.plan.yaml",
				"sub/z.plan.yaml"}},
		{"exclude double star", Options{Exclude: []string{"**/drafts/**", "sub/**"}}, []string{"."},
			[]string{"a.plan.yaml", "plans/x/e.plan.yaml", "tmp/k.plan.yaml", "z.plan.yaml/in.plan.yaml"}},
		{"exclude is relative to the walked dir", Options{Exclude: []string{"/h.plan.yaml"}}, []string{"sub"},
			[]string{"sub/drafts/g.plan.yaml", "sub/i/j.plan.yaml", "sub/z.plan.yaml"}},
		{"include and exclude", Options{Include: []string{"*.yml", "*.yaml"}, Exclude: []string{"/x"}}, []string{"plans"},
			[]string{"plans/c.yml"}},
		{"options do not filter explicit files", Options{Include: []string{"*.yml"}, Exclude: []string{"*.yaml"}},
			[]string{"b.yaml", "sub"}, []string{"b.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expect(t, slashed(files(t, tt.opts, tt.args...)), tt.want...)
		})
	}

	for _, opts := range []Options{{Include: []string{"[a"}}, {Exclude: []string{"x/[[:bogus:]]"}}, {Include: []string{""}}} {
		if _, err := Files([]string{"."}, opts); err == nil || !strings.Contains(err.Error(), "pattern") {
			t.Errorf("Files with %+v: error = %v, want an invalid pattern error", opts, err)
		}
	}
}

func TestFilesPermissionDenied(t *testing.T) {
	if testenv.AsUnprivileged(t) {
		return // root reads everything: the test ran again as nobody
	}
	root := t.TempDir()
	tree(t, root, "a.plan.yaml", "locked/b.plan.yaml", "secret.plan.yaml")
	for _, p := range []string{"locked", "secret.plan.yaml"} {
		if err := os.Chmod(filepath.Join(root, p), 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(root, "locked"), 0o755) })
	t.Chdir(root)

	for arg, want := range map[string]struct {
		files      []string
		unreadable string
	}{
		// The walk goes on past the locked directory; the locked file is found, and
		// reading it is what fails, later, in plan check.
		".":                {[]string{"a.plan.yaml", "secret.plan.yaml"}, "locked: permission denied"},
		"locked":           {nil, "locked: permission denied"},
		"secret.plan.yaml": {nil, "secret.plan.yaml: permission denied"},
	} {
		got, err := Files([]string{arg}, Options{})
		if err != nil {
			t.Fatalf("Files(%q): %v", arg, err)
		}
		expect(t, slashed(got.Files), want.files...)
		if len(got.Unreadable) != 1 || got.Unreadable[0].Error() != want.unreadable {
			t.Errorf("Files(%q) unreadable = %q, want %q", arg, messages(got.Unreadable), want.unreadable)
		} else if !errors.Is(got.Unreadable[0], fs.ErrPermission) {
			t.Errorf("Files(%q): %v does not wrap fs.ErrPermission", arg, got.Unreadable[0])
		}
	}
}
