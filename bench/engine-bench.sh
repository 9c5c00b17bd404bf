#!/usr/bin/env bash
# Throughput of the SLA engine (Judge.judge, verdicts/s on one thread): a realistic mix of closed
# tickets and SME tickets open about three years. 1 fork, 3 warmup x 2 s, 5 measurements x 2 s.
# Usage: bench/engine-bench.sh [more JMH options, e.g. -prof gc]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
if [ ! -f target/test-classes/META-INF/BenchmarkList ]; then
  echo "target/test-classes/META-INF/BenchmarkList is missing: the JMH annotation processor did not run" >&2
  exit 1
fi
exec java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.openjdk.jmh.Main VerdictBenchmark "$@"
