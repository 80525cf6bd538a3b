#!/usr/bin/env bash
# The runs behind docs/benchmark.md, in the order they ran: each run's report in $OUT/<name>/ (default
# target/bench/matrix), its printed summary appended to $OUT/summary.txt. About 45 minutes on the 2-core machine.
set -u
cd "$(dirname "$0")/.."
out="${OUT:-target/bench/matrix}"
mkdir -p "$out"

# run <name> [VAR=value ...] <benchmark options>
run() {
  local name=$1 envs=()
  shift
  while [[ $# -gt 0 && "$1" == *=* ]]; do envs+=("$1"); shift; done
  echo "### $name: ${envs[*]} ./benchmark $*" >> "$out/summary.txt"
  env ${envs[@]+"${envs[@]}"} ./benchmark --out "$out/$name" "$@" > "$out/$name.txt" 2>&1
  sed -n '/^statusnotify/,$p' "$out/$name.txt" >> "$out/summary.txt"
}
fixed64=(SNS_TENANT_LIMIT=fixed SNS_TENANT_MAX_IN_FLIGHT=64)

# Throughput: the whole path against a sink alone on the same notifications; the sink with the adaptive limit
# against the old fixed one.
run drain1m --count 1000000 --warmup-count 200000 --no-baseline --timeout 400s
run busy-adaptive --mode sink --tenants 1 --users 5000 --count 600000 --warmup-count 600000 --no-baseline --timeout 300s
run busy-fixed64 "${fixed64[@]}" --mode sink --tenants 1 --users 5000 --count 600000 --warmup-count 600000 --no-baseline --timeout 300s
run ten-adaptive --mode sink --count 600000 --warmup-count 600000 --no-baseline --timeout 300s
run ten-fixed64 "${fixed64[@]}" --mode sink --count 600000 --warmup-count 600000 --no-baseline --timeout 300s
run slow5-adaptive --mode sink --count 20000 --warmup-count 20000 --receiver-delay-ms 5 --no-baseline --timeout 120s
run slow5-fixed64 "${fixed64[@]}" --mode sink --count 20000 --warmup-count 20000 --receiver-delay-ms 5 --no-baseline --timeout 120s

# Latency against the commit interval.
for rate in 100 2000 5000; do
  for commit in 10 20 50 100; do
    run "r$rate-c$commit" SNS_STREAMS_COMMIT_INTERVAL=${commit}ms --rate "$rate" --duration 30s --warmup 20s \
      --warmup-rate 3000 --no-baseline --timeout 120s
  done
done

# The naive baseline side by side, at a rate and draining.
run r2000-baseline --rate 2000 --duration 30s --warmup 20s --timeout 120s
run drain-baseline --count 100000 --warmup-count 100000 --timeout 300s
echo DONE >> "$out/summary.txt"
