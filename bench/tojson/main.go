// Command tojson converts plan files to JSON for validators that cannot read them as YAML
// the way plan does:
//
//	go run ./bench/tojson -out DIR FILE...
//
// ajv-cli reads YAML with js-yaml, which turns an unquoted 2027-03-01 into a Date object
// that then fails "type": "string"; plan reads dates as text, as the format says. Each file
// is converted with plan.DecodeValue, the exact value plan validates, so ajv sees the same
// instance and the comparison is of validators, not of YAML readers. FILE.plan.yaml
// becomes DIR/FILE.plan.json.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/planascode/plan/internal/plan"
)

func main() {
	out := flag.String("out", "", "directory to write the JSON files into")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: tojson -out DIR FILE...")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	for _, path := range flag.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			fail(err)
		}
		v, err := plan.DecodeValue(path, data, plan.Options{})
		if err != nil {
			fail(err)
		}
		js, err := json.Marshal(v)
		if err != nil {
			fail(err)
		}
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".yaml"), ".yml") + ".json"
		if err := os.WriteFile(filepath.Join(*out, name), js, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "tojson:", err)
	os.Exit(1)
}
