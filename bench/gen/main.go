// Command gen writes a corpus of realistic plans for benchmarks and bench/compare.sh:
//
//	go run ./bench/gen -n 1000 -stakeholders 25 -objectives 6 -activities 12 -seed 1 -out DIR
//
// The same flags always write the same files, and plan i does not depend on -n.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/planascode/plan/bench/corpus"
)

func main() {
	c := corpus.Default()
	n := flag.Int("n", 1000, "number of plans")
	flag.IntVar(&c.Stakeholders, "stakeholders", c.Stakeholders, "stakeholders per plan")
	flag.IntVar(&c.Objectives, "objectives", c.Objectives, "objectives per plan")
	flag.IntVar(&c.Activities, "activities", c.Activities, "activities per plan")
	flag.Uint64Var(&c.Seed, "seed", c.Seed, "seed: the same seed writes the same plans")
	flag.IntVar(&c.FlawEvery, "flaw-every", 5, "one plan in this many has findings (negative: none)")
	out := flag.String("out", "", "directory to write into (created if missing)")
	flag.Parse()
	if *out == "" || *n < 0 || c.Stakeholders < 1 || c.Objectives < 1 || c.Activities < 1 {
		fmt.Fprintln(os.Stderr, "usage: gen -out DIR [-n N] [-stakeholders N] [-objectives N] [-activities N] [-seed N]")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for i := 0; i < *n; i++ {
		if err := os.WriteFile(filepath.Join(*out, corpus.Name(i)), corpus.Plan(c, i), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
