#!/usr/bin/env bash
# Benchmarks and soak of the stub server and the client, side by side with Stoplight Prism.
#
#   bash benchmarks/run.sh            # full run, ~7 minutes (plus the build)
#   bash benchmarks/run.sh --quick    # every phase, shortened: smoke-tests the harness (~2 minutes)
#
# Builds what it needs (the runnable stub jar, its launcher arguments and benchmarks/target/benchmarks.jar, in the
# `benchmarks` Maven profile; nothing is installed into ~/.m2), installs Prism locally into
# benchmarks/target/prism unless it is there already, then runs everything and writes
# benchmarks/target/benchmark-report.md and benchmarks/target/benchmark-report.json.
# Without npm/node, Prism is skipped (--no-prism) and the report says so.
# Extra arguments go to the harness: --quick, --no-prism, --no-jmh.
set -euo pipefail
cd "$(dirname "$0")/.."

for arg in "$@"; do
  case "$arg" in
    --quick | --no-prism | --no-jmh) ;;
    -h | --help)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown option: $arg (use --quick, --no-prism, --no-jmh or --help)" >&2
      exit 2
      ;;
  esac
done

PRISM_VERSION=5.16.0
PRISM_DIR=benchmarks/target/prism
PRISM_BIN=$PRISM_DIR/node_modules/.bin/prism

echo "== building the stub server jar and the benchmark harness"
# only the report renderer's own test runs: minutes of measurements must not end in a broken report
./mvnw -B -q -Pbenchmarks -pl stub-server-app,benchmarks -am package \
  -Dtest=MarkdownReportTest -Dsurefire.failIfNoSpecifiedTests=false

extra=()
if [[ " $* " != *" --no-prism "* ]]; then
  if [[ ! -x $PRISM_BIN ]]; then
    if command -v npm >/dev/null 2>&1; then
      echo "== installing Prism $PRISM_VERSION into $PRISM_DIR"
      mkdir -p "$PRISM_DIR"
      npm install --prefix "$PRISM_DIR" --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$PRISM_VERSION"
    else
      echo "== npm not found: running without Prism"
      extra+=(--no-prism)
    fi
  fi
fi

echo "== running (uptime before: $(uptime))"
java -Xms1g -Xmx1g -jar benchmarks/target/benchmarks.jar \
  --stub-args stub-server-app/target/stub-server.args \
  --prism "$PRISM_BIN" \
  --spec openapi/src/main/resources/openapi/access-token.yaml \
  --out benchmarks/target \
  ${extra[@]+"${extra[@]}"} "$@"
echo "== uptime after: $(uptime)"
