// Package discover turns the arguments of `plan check` into the plan files to check.
//
// A file argument is taken at its word, a directory is walked for *.plan.yaml and
// *.plan.yml files, and "-" stands for standard input. The walk skips what git ignores,
// so that generated or vendored copies of plans are not linted either. Inside a work
// tree git itself is asked (gitlist.go), so every rule git has applies; where git is
// missing or fails, gitignore.go's matcher reads the .gitignore files and
// .git/info/exclude the way git does.
package discover
