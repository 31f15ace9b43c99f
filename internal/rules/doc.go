// Package rules holds every lint rule of `plan check`: one file per rule, each a small,
// pure function from a loaded plan (Check), or from a plan, its engagement records and the
// day they are judged on (CheckRecords), to results, registered with its documentation in
// the explicit list in registry.go.
package rules
