module github.com/planascode/plan/bench/yamllibs

go 1.26.8

require (
	github.com/goccy/go-yaml v1.19.2
	github.com/planascode/plan v0.0.0
	go.yaml.in/yaml/v3 v3.0.6
	go.yaml.in/yaml/v4 v4.0.0
	gopkg.in/yaml.v3 v3.0.1
)

require github.com/kr/text v0.2.0 // indirect

replace github.com/planascode/plan => ../..
