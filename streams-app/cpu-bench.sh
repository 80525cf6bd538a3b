#!/usr/bin/env bash
# cpu-bench.sh [measured] [warm-up] [rounds]: CPU ns per event of the streams topology in a TopologyTestDriver
# (ProcessorCpuBench); cpu-bench.sh --processor [measured] [warm-up] [rounds]: the processor alone;
# cpu-bench.sh --run [measured] [warm-up]: the whole app (StreamsMain, child JVM, JFR) on an in-process broker. Build first: mvn -B -pl streams-app -am test-compile. JFR=1 also records a profile into
# streams-app/target/cpu-bench.jfr (read it with: jfr print --events jdk.ExecutionSample ...).
# Uses this worktree's classes (never the jars other clones may have put in ~/.m2).
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(dirname "$dir")"
cp_file="$dir/target/bench-classpath.txt"
if [[ ! -s "$cp_file" || "$dir/pom.xml" -nt "$cp_file" ]]; then
  mvn -B -q -o -f "$root/pom.xml" -pl streams-app -am dependency:build-classpath \
      -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
fi
deps="$(tr ':' '\n' < "$cp_file" | grep -v '/io/statusnotify/' | paste -sd: -)"
own="$dir/target/test-classes:$dir/target/classes:$root/schemas/target/classes:$root/admin/target/classes"
own="$own:$root/test-support/target/classes"
jfr=()
[[ "${JFR:-}" == "1" ]] && jfr=("-XX:StartFlightRecording=filename=$dir/target/cpu-bench.jfr,settings=profile")
cd "$dir"
exec java -Xms512m -Xmx512m "${jfr[@]}" -cp "$own:$deps" \
    -Dlogback.configurationFile=logback-test.xml io.statusnotify.streams.ProcessorCpuBench "$@"
