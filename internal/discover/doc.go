// Package discover turns the arguments of `plan check` into the plan files to check.
//
// A file argument is taken at its word, a directory is walked for *.plan.yaml and
// *.plan.yml files, and "-" stands for standard input. The walk honours .gitignore files
// (and the repository's .git/info/exclude) the way git does, so that generated or vendored
// copies of plans that git ignores are not linted either; gitignore.go holds that matcher.
package discover
