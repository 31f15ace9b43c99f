// Package addstakeholder implements `plan add-stakeholder`, which appends a stakeholder
// to a plan's register without changing any other byte of the file.
//
// The splicing itself is internal/edit's; this package checks the flags, picks the file,
// takes the lock, validates before writing, and reports the findings that concern the new
// stakeholder.
package addstakeholdercmd
