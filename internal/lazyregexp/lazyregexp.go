// Package lazyregexp holds regular expressions that are compiled on first use rather
// than when their package is initialised. Go runs every linked package's init before
// main, so a package-level regexp.MustCompile is paid by every command, `plan --version`
// included, whether or not it ever matches anything. The model is the Go command's own
// internal/lazyregexp.
package lazyregexp

import (
	"regexp"
	"sync"
)

// Regexp is a regexp.Regexp compiled the first time one of its methods is called, once,
// safely from any number of goroutines.
type Regexp struct {
	expr    string
	compile func() *regexp.Regexp
}

// New returns a Regexp for expr. Like regexp.MustCompile it panics on a bad expression,
// but only at first use, so every New belongs in a package whose tests use it.
func New(expr string) *Regexp {
	return &Regexp{expr: expr, compile: sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(expr)
	})}
}

// Regexp returns the compiled expression, compiling it if this is the first use.
func (r *Regexp) Regexp() *regexp.Regexp { return r.compile() }

// The methods below are regexp.Regexp's.

func (r *Regexp) Match(b []byte) bool        { return r.compile().Match(b) }
func (r *Regexp) MatchString(s string) bool  { return r.compile().MatchString(s) }
func (r *Regexp) FindString(s string) string { return r.compile().FindString(s) }
func (r *Regexp) FindStringSubmatch(s string) []string {
	return r.compile().FindStringSubmatch(s)
}
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.compile().FindStringSubmatchIndex(s)
}
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.compile().FindAllStringIndex(s, n)
}
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.compile().ReplaceAllString(src, repl)
}
func (r *Regexp) ReplaceAllStringFunc(s string, repl func(string) string) string {
	return r.compile().ReplaceAllStringFunc(s, repl)
}
