// Package plan is the plan file format as Go: the typed model, the loader that reads a
// file into both a yaml.Node tree (for positions) and the model (for rules), and the date
// and phase arithmetic that several commands share.
package plan
