// Package additemcmd implements the `plan add-*` commands (add-stakeholder,
// add-activity, add-phase, ...), one per kind of entry internal/edit knows, each
// appending an entry to its list without changing any other byte of the file.
//
// The commands differ only in their kind: its fields make the flags, its references are
// checked against the plan, its list is where the entry goes. This package checks the
// flags, picks the file, takes the lock, validates before writing, and reports the
// findings that concern the new entry; the splicing is internal/edit's.
package additemcmd
