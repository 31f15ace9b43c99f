// Package yamltree is the project's one YAML toolkit, below the plan model: where things
// are in a file (a line index, a node's end, JSON pointers to and from nodes, the true
// line of a yaml.v3 error), reading a node tree (aliases, merge keys, nulls) and turning
// it into the plain values a JSON Schema validator reads. The plan loader, the config
// loader, the editor and the output formats all use it; it knows nothing of plans.
package yamltree
