package profile

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/planascode/plan/profiles"
)

// builtins reads the embedded profiles once. They are part of the binary and tested, so
// a broken one is a bug in plan, not bad input.
var builtins = sync.OnceValue(func() []*Profile {
	files, err := fs.Glob(profiles.Builtin, "*.yaml")
	if err != nil {
		panic(err)
	}
	out := make([]*Profile, 0, len(files))
	for _, file := range files {
		data, err := fs.ReadFile(profiles.Builtin, file)
		if err != nil {
			panic(err)
		}
		p, err := Decode(data)
		if err != nil {
			panic(fmt.Sprintf("built-in profile %s: %v", file, err))
		}
		p.Name, p.Builtin = strings.TrimSuffix(file, ".yaml"), true
		out = append(out, p)
	}
	return out
})

// Decode reads one profile from YAML, refusing keys it does not know.
func Decode(data []byte) (*Profile, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var p Profile
	if err := dec.Decode(&p); err != nil {
		return nil, err
	}
	return &p, nil
}
