#!/usr/bin/env bash
# Times plan check against the tools people would use instead and against the floors it
# cannot beat, in one hyperfine run so that every ratio comes from the same conditions,
# then measures peak memory. docs/performance.md explains the targets and records a run.
#
#   bench/compare.sh [WORKDIR]
#
# Needs Go, hyperfine (apt-get install hyperfine), GNU time (apt-get install time) and
# npm; ajv-cli is installed from bench/npm's lock file. WORKDIR (default: a new temporary
# directory) receives the binaries, the corpus and hyperfine's results. N, STAKEHOLDERS,
# OBJECTIVES, ACTIVITIES, SEED and RUNS change the corpus and the number of runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

N=${N:-1000}
STAKEHOLDERS=${STAKEHOLDERS:-25}
OBJECTIVES=${OBJECTIVES:-6}
ACTIVITIES=${ACTIVITIES:-12}
SEED=${SEED:-1}
RUNS=${RUNS:-10}
work=${1:-$(mktemp -d -t plan-bench.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)

for tool in hyperfine npm /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "compare.sh: $tool is missing (apt-get install -y hyperfine npm time)" >&2
    exit 2
  fi
done

echo "--- building into $work" >&2
# The release build's flags (.goreleaser.yaml), so that start-up is timed on the binary
# people run: CGO_ENABLED=0 matters, since with cgo the binary is linked dynamically and
# loading libc alone costs a millisecond at every start.
export CGO_ENABLED=0
go build -trimpath -ldflags "-s -w" -o "$work/plan" ./cmd/plan
go build -trimpath -ldflags "-s -w" -o "$work/parsefloor" ./bench/parsefloor
go build -trimpath -ldflags "-s -w" -o "$work/hello" ./bench/hello
go build -o "$work/gen" ./bench/gen
go build -o "$work/tojson" ./bench/tojson

if [ ! -d bench/npm/node_modules ] || [ bench/npm/package-lock.json -nt bench/npm/node_modules ]; then
  npm ci --prefix bench/npm --no-audit --no-fund --loglevel=error >&2
fi

echo "--- corpus: $N plans of $STAKEHOLDERS stakeholders, seed $SEED" >&2
rm -rf "$work/corpus" "$work/half" "$work/json" "$work/big"
"$work/gen" -n "$N" -stakeholders "$STAKEHOLDERS" -objectives "$OBJECTIVES" -activities "$ACTIVITIES" -seed "$SEED" -out "$work/corpus"
# Plan i does not depend on -n, so the half corpus is the first half of the full one and
# the two runs differ only in how many plans there are.
"$work/gen" -n "$((N / 2))" -stakeholders "$STAKEHOLDERS" -objectives "$OBJECTIVES" -activities "$ACTIVITIES" -seed "$SEED" -out "$work/half"
"$work/gen" -n 1 -stakeholders 200 -objectives "$OBJECTIVES" -activities "$ACTIVITIES" -seed "$SEED" -out "$work/big"
big=$(ls "$work"/big/*.plan.yaml)
du -sh "$work/corpus" >&2
"$work/plan" check --fail-level never "$work/corpus" | tail -n 1 >&2

ajvcli=(node "$root/bench/npm/node_modules/ajv-cli/dist/index.js" validate --spec=draft2020
  -c ajv-formats -s "$root/schema/plan.schema.json"
  --all-errors --allow-union-types --strict-required=false)
# ajv-cli is timed as a user would run it, over the same YAML files (the issue's
# comparison). It reads YAML with js-yaml's default schema, which makes an unquoted
# 2027-03-01 a Date, so it rejects every plan for its dates and prints those errors. It
# must find nothing else wrong, or it would be timed doing something other than checking
# valid plans against the schema.
set +e
"${ajvcli[@]}" -d "$work/corpus/*.plan.yaml" >"$work/ajv-yaml-files.out" 2>&1
set -e
others=$(grep -o "schemaPath: '[^']*'" "$work/ajv-yaml-files.out" | grep -vc "schemaPath: '#/\$defs/date/type'" || true)
checked=$(grep -c " invalid$" "$work/ajv-yaml-files.out" || true)
if [ "$others" != 0 ] || [ "$checked" != "$N" ]; then
  echo "compare.sh: ajv-cli on the YAML files found more than js-yaml's dates ($others other errors, $checked of $N files):" >&2
  head -n 20 "$work/ajv-yaml-files.out" >&2
  exit 1
fi
# ajv-json validates the JSON form of the very value plan validates (bench/tojson), so
# ajv judges every plan valid and never parses YAML: its best case. The conversion is
# done once here and is not timed.
"$work/tojson" -out "$work/json" "$work"/corpus/*.plan.yaml
if ! "${ajvcli[@]}" -d "$work/json/*.json" >/dev/null 2>"$work/ajv.err"; then
  echo "compare.sh: ajv does not accept the corpus as JSON:" >&2
  head -n 20 "$work/ajv.err" >&2
  exit 1
fi

example="$root/examples/council-consultation.plan.yaml"
echo "--- hyperfine" >&2
# --fail-level never: a fifth of the corpus has findings by design. ajv-cli exits 1 on the
# YAML files (see above), so failures are ignored; every command was run once above and
# checked. -N runs each command without a shell, which matters for the millisecond-long
# ones.
ajvcmd="node $root/bench/npm/node_modules/ajv-cli/dist/index.js validate --spec=draft2020 -c ajv-formats -s $root/schema/plan.schema.json --all-errors --allow-union-types --strict-required=false"
hyperfine -N --ignore-failure --warmup 2 --runs "$RUNS" --export-json "$work/hyperfine.json" --export-csv "$work/hyperfine.csv" \
  -n check-corpus "$work/plan check --fail-level never $work/corpus" \
  -n check-corpus-j1 "$work/plan check --fail-level never -j 1 $work/corpus" \
  -n check-half "$work/plan check --fail-level never $work/half" \
  -n parse-floor "$work/parsefloor $work/corpus" \
  -n ajv "$ajvcmd -d '$work/corpus/*.plan.yaml'" \
  -n ajv-quiet "$ajvcmd --errors=no -d '$work/corpus/*.plan.yaml'" \
  -n ajv-json "$ajvcmd -d '$work/json/*.json'" \
  -n ajv-yaml "node $root/bench/npm/ajv-yaml.mjs $root/schema/plan.schema.json $work/corpus" \
  -n check-one "$work/plan check $example" \
  -n version "$work/plan --version" \
  -n hello "$work/hello" \
  -n check-200 "$work/plan check --fail-level never $big" \
  -n render-200 "$work/plan render --format html $big"

echo "--- peak memory" >&2
/usr/bin/time -v "$work/plan" check --fail-level never "$work/corpus" >/dev/null 2>"$work/time.txt"
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
/usr/bin/time -v "$work/parsefloor" "$work/corpus" >/dev/null 2>"$work/time-floor.txt"
floor_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-floor.txt")

# The ratios, of wall and of CPU time, with the targets of issue 7.
awk -F, -v rss="$rss_kb" -v floor_rss="$floor_kb" -v cores="$(nproc)" -f bench/ratios.awk "$work/hyperfine.csv"
echo
echo "results: $work/hyperfine.json, $work/hyperfine.csv, $work/time.txt"
