// Package edit makes comment-preserving edits to plan files.
//
// yaml.v3 forgets blank lines, some quoting styles and the exact place of comments when it
// re-encodes a document, and a plan is reviewed line by line in pull requests. So an edit
// never re-encodes: it finds its place from the positions of the yaml.Node tree, splices
// new text into the original bytes, and then re-parses the result to prove that the
// document means what it meant before plus exactly the addition. Every byte before and
// after the inserted block is left as it was.
//
// AddItem is the one engine for every list of the plan. A Kind describes a list: its path
// (stakeholders, timeline.phases), its entries' fields in the format's order with their
// types and allowed values, and what they refer to; an Item is one entry of a kind. The
// kinds' tables (kinds.go) are the only place a list is described, and the add commands
// are made from them.
package edit
