#!/usr/bin/env bash
# End-to-end load harness (issue 9): builds the gateway jar and the benchmarks jar, then runs
# com.clisonix.edge.bench.e2e.E2eHarness. It starts its own PostgreSQL, Redis and Mosquitto on
# free loopback ports and never touches the machine's services.
#
#   bash benchmarks/run.sh --quick      # at most 5 minutes of measuring; ends with the one summary line
#   bash benchmarks/run.sh              # the full set: searches with 30 s holds, 10-minute soak, fault matrix
#   bash benchmarks/run.sh --faults-only
#
# Other arguments go to the harness (see docs/benchmarks.md). Set SKIP_BUILD=1 to reuse the jars.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
for tool in java mvn mosquitto mosquitto_passwd redis-server; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is missing (apt-get install mosquitto mosquitto-clients redis-server postgresql-15)" >&2; exit 2; }
done
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # the two jars the harness runs; no tests (the build never runs a benchmark either)
  mvn -q -B -ntp -DskipTests -pl gateway-verticle,benchmarks -am package
fi
exec java -Xmx1g -cp benchmarks/target/benchmarks.jar com.clisonix.edge.bench.e2e.E2eHarness --repo "$repo" "$@"
