// Package yamllibs measures the Go YAML parsers that could stand in for yaml.v3 as plan's
// parse floor, on the plans bench/corpus generates. It is a module of its own so that the
// candidates it imports never become dependencies of plan itself; docs/performance.md
// records what it found and why plan stays on yaml.v3.
//
//	cd bench/yamllibs && go test -run '^$' -bench . -benchmem -cpu 1
package yamllibs
