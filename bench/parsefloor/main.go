// Command parsefloor is the floor bench/compare.sh measures plan check against: it reads
// each file and decodes it with yaml.v3 into a yaml.Node, on one goroutine, and does
// nothing else. No checker that reads YAML with yaml.v3 can be faster per core, so plan
// check's time over this one's says how much its schema check, rules and reporting cost.
//
//	parsefloor FILE|DIR...
//
// A directory is read for its *.plan.yaml files (not recursively: the corpus is flat).
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

func main() {
	var files []string
	for _, arg := range os.Args[1:] {
		if info, err := os.Stat(arg); err == nil && info.IsDir() {
			m, _ := filepath.Glob(filepath.Join(arg, "*.plan.yaml"))
			files = append(files, m...)
			continue
		}
		files = append(files, arg)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "parsefloor:", err)
			os.Exit(1)
		}
		var doc yaml.Node
		if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
			fmt.Fprintf(os.Stderr, "parsefloor: %s: %v\n", f, err)
			os.Exit(1)
		}
	}
	// Printing a result keeps the work from being optimised away and shows it happened.
	fmt.Printf("%d files\n", len(files))
}
