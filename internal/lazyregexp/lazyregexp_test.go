package lazyregexp

import (
	"sync"
	"testing"
)

func TestCompiledOnFirstUseOnly(t *testing.T) {
	// A bad expression that is never used must not panic: nothing is compiled by New.
	unused := New(`(`)
	defer func() {
		if recover() == nil {
			t.Fatal("a bad expression did not panic at first use")
		}
	}()
	unused.MatchString("x")
}

func TestMethodsAgreeWithRegexp(t *testing.T) {
	re := New(`([a-z]+)-(\d+)`)
	const s = "ab-12 cd-3 x"
	if !re.MatchString(s) || !re.Match([]byte(s)) {
		t.Error("no match")
	}
	if got := re.FindString(s); got != "ab-12" {
		t.Errorf("FindString = %q", got)
	}
	if got := re.FindStringSubmatch(s); len(got) != 3 || got[1] != "ab" || got[2] != "12" {
		t.Errorf("FindStringSubmatch = %q", got)
	}
	if got := re.FindAllStringIndex(s, -1); len(got) != 2 || got[1][0] != 6 || got[1][1] != 10 {
		t.Errorf("FindAllStringIndex = %v", got)
	}
	if got := re.ReplaceAllStringFunc(s, func(m string) string { return "<" + m + ">" }); got != "<ab-12> <cd-3> x" {
		t.Errorf("ReplaceAllStringFunc = %q", got)
	}
	if got := re.ReplaceAllString(s, "<$1>"); got != "<ab> <cd> x" {
		t.Errorf("ReplaceAllString = %q", got)
	}
	if first := re.Regexp(); re.Regexp() != first {
		t.Error("compiled more than once")
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	re := New(`^x+$`)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if !re.MatchString("xxx") {
				t.Error("no match")
			}
		})
	}
	wg.Wait()
}
