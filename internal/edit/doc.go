// Package edit makes comment-preserving edits to plan files.
//
// yaml.v3 forgets blank lines, some quoting styles and the exact place of comments when it
// re-encodes a document, and a plan is reviewed line by line in pull requests. So an edit
// never re-encodes: it finds its place from the positions of the yaml.Node tree, splices
// new text into the original bytes, and then re-parses the result to prove that the
// document means what it meant before plus exactly the addition. Every byte before and
// after the inserted block is left as it was.
package edit
