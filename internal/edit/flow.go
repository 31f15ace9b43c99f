package edit

import (
	"errors"
	"strings"

	"github.com/planascode/plan/internal/yamltree"
)

// flowScan is what scanFlow learns about a flow collection.
type flowScan struct {
	// close is the offset of the closing bracket.
	close int
	// lastSig is the offset just after the last token inside the brackets (just after the
	// opening bracket when there is none); a comma counts, so a trailing comma is seen.
	lastSig int
	// trailingComma is set when the last token is a comma.
	trailingComma bool
	// empty is set when the brackets hold only spaces, line breaks and comments.
	empty bool
}

var errUnclosedFlow = errors.New("flow collection without its closing bracket")

// scanFlow finds the end of the flow collection whose opening bracket is at b[open].
//
// yaml.v3 gives no end positions, so this tokenises just enough of YAML's flow syntax to
// match brackets: quoted scalars (which may hold brackets), comments, and plain scalars,
// which in flow context cannot hold a bracket or comma but may hold a quote after their
// first character. The caller re-parses its edit, so a misreading here can only turn
// into a refusal, never a wrong file.
func scanFlow(b []byte, open int) (flowScan, error) {
	fs := flowScan{lastSig: open + 1, empty: true}
	depth := 0
	expecting := true // the next non-space character starts a token
	afterQuoted := false
	for i := open; i < len(b); {
		c := b[i]
		if n := yamltree.LineBreak(b, i); n > 0 {
			i += n
			continue
		}
		switch {
		case isSpace(c):
			i++
			continue
		case c == '#' && (isSpace(b[i-1]) || b[i-1] == '\n' || b[i-1] == '\r'):
			for i < len(b) && yamltree.LineBreak(b, i) == 0 {
				i++
			}
			continue
		case c == '[' || c == '{':
			depth++
			expecting, afterQuoted = true, false
			i++
			if depth > 1 {
				fs.empty = false
			}
			continue
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				fs.close = i
				return fs, nil
			}
			expecting, afterQuoted = false, false
			i++
			if depth == 1 {
				fs.lastSig, fs.trailingComma = i, false
			}
			continue
		case c == ',':
			expecting, afterQuoted = true, false
			i++
			if depth == 1 {
				fs.lastSig, fs.trailingComma = i, true
			}
			continue
		case c == ':' && (afterQuoted || i+1 >= len(b) || isSpace(b[i+1]) || yamltree.LineBreak(b, i+1) > 0 || strings.IndexByte(",[]{}", b[i+1]) >= 0):
			expecting, afterQuoted = true, false
			fs.empty = false
			i++
			if depth == 1 {
				fs.lastSig, fs.trailingComma = i, false
			}
			continue
		}
		fs.empty = false
		afterQuoted = false
		switch {
		case expecting && (c == '"' || c == '\''):
			end, ok := quotedEnd(b, i)
			if !ok {
				return fs, errUnclosedFlow
			}
			i = end
			expecting, afterQuoted = false, true
		case expecting && (c == '&' || c == '!' || c == '*'):
			for i < len(b) && !isSpace(b[i]) && yamltree.LineBreak(b, i) == 0 && strings.IndexByte(",[]{}", b[i]) < 0 {
				i++
			}
			expecting = c != '*'
		case expecting && c == '?' && i+1 < len(b) && (isSpace(b[i+1]) || yamltree.LineBreak(b, i+1) > 0):
			i++
		default:
			expecting = false
			i++
		}
		if depth == 1 {
			fs.lastSig, fs.trailingComma = i, false
		}
	}
	return fs, errUnclosedFlow
}

// quotedEnd returns the offset just after the quoted scalar that opens at b[i].
func quotedEnd(b []byte, i int) (int, bool) {
	q := b[i]
	for j := i + 1; j < len(b); j++ {
		switch {
		case q == '"' && b[j] == '\\':
			j++
		case b[j] == q:
			if q == '\'' && j+1 < len(b) && b[j+1] == '\'' {
				j++
				continue
			}
			return j + 1, true
		}
	}
	return 0, false
}
