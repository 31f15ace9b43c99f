// Package rules holds every lint rule of `plan check`: one file per rule, each a small,
// pure function from a loaded plan to results, registered with its documentation in the
// explicit list in registry.go.
package rules
