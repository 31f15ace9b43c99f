// Package output turns the findings of `plan check` into the formats people and machines
// read: text for terminals and pipes, JSON for scripts, SARIF for code scanning, GitHub
// workflow commands for pull-request annotations, and JUnit XML for CI test reports.
//
// Each format lives in its own file behind the one-method Formatter interface, so adding a
// format never touches another, and each is tested against a golden file. Formatters only
// present: they receive findings already sorted and filtered in a Report and never decide
// which findings exist or what exit code follows. Colour is decided once, by iostreams, and
// only the text format uses it; every other format is byte-for-byte the same on a terminal
// and in a pipe, because a machine reads it.
package output
