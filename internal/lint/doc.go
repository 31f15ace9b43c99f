// Package lint runs the loader and every enabled rule over plan files, applies the
// configured severities and the inline plan:ignore comments, and returns findings in one
// deterministic order however many workers ran.
package lint
