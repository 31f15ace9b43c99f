// Package diff compares two versions of a plan by meaning, not by bytes: which
// stakeholders were added, removed or re-rated, which phases moved or changed length (and
// how the new length stands against its minimum), what changed in the objectives,
// decisions, activities, measures and roles, how the budget total moved, and which of plan
// check's findings are new and which are fixed.
//
// Items are tied across versions by their ids (roles by their keys), so a renamed id is
// a removal and an addition. It reads no files and runs nothing: the caller loads both
// versions and checks them, and Compare works on what it is given, so that the same two
// plans always give the same Diff. text.go, markdown.go and json.go write it.
package diff
