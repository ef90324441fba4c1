#!/usr/bin/env bash
# Benchmarks and soak of the stub server and the client, side by side with Stoplight Prism and a
# canned-response Netty server; wrk drives every throughput and latency figure, JMH the micro ones.
#
#   bash benchmarks/run.sh            # full run, ~10 minutes (plus the build)
#   bash benchmarks/run.sh --quick    # every phase, shortened: smoke-tests the harness (~3 minutes)
#
# Builds what it needs in the `benchmarks` Maven profile (the stub jar and its launcher arguments,
# the conformance kit's jar if absent, benchmarks/target/benchmarks.jar; nothing is installed into
# ~/.m2), installs wrk with apt-get if absent and Prism into benchmarks/target/prism, then writes
# benchmarks/target/benchmark-report.md and benchmarks/target/benchmark-report.json.
# Options: --quick, --no-prism, --no-jmh, --no-kit, and --cold-variant 'name|java-binary|args...'
# (repeatable; replaces the default launch variants below; the first is also the stub of the warm,
# soak and kit phases).
set -euo pipefail
cd "$(dirname "$0")/.."

PRISM_VERSION=5.16.0
PRISM_DIR=benchmarks/target/prism
PRISM_BIN=$PRISM_DIR/node_modules/.bin/prism
KIT_JAR=conformance-kit/target/accesstoken-conformance-kit.jar
JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

# The stub's launch variants for the cold window: name|java binary|arguments. The harness adds
# --host, --token and --port. The first is the README's command and the one the targets judge.
DEFAULT_VARIANTS=(
  "readme|java|@stub-server-app/target/stub-server.args"
  "java25-args|$JAVA25|@stub-server-app/target/stub-server.args"
  "jar-no-cds|java|-jar stub-server-app/target/accesstoken-stub-server.jar"
  "readme-c1-only|java|-XX:TieredStopAtLevel=1 @stub-server-app/target/stub-server.args"
)

args=()
variants=()
prism=yes
kit=yes
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick | --no-jmh) args+=("$1") ;;
    --no-prism) prism=no; args+=("$1") ;;
    --no-kit) kit=no; args+=("$1") ;;
    --cold-variant)
      [[ $# -ge 2 ]] || { echo "--cold-variant needs 'name|java-binary|args...'" >&2; exit 2; }
      variants+=("$2")
      shift
      ;;
    -h | --help)
      sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "unknown option: $1 (see --help)" >&2
      exit 2
      ;;
  esac
  shift
done
[[ ${#variants[@]} -gt 0 ]] || variants=("${DEFAULT_VARIANTS[@]}")

if ! command -v wrk >/dev/null 2>&1; then
  echo "== wrk not found: installing Debian's wrk with apt-get"
  if [[ $(id -u) -eq 0 ]]; then sudo=(); else sudo=(sudo); fi
  if ! { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq wrk; }; then
    echo "!! could not install wrk: every throughput figure needs it. Install it (apt-get install wrk) and rerun." >&2
    exit 1
  fi
fi

echo "== building the stub server jar and the benchmark harness"
# only the harness's own tests run: minutes of measurements must not end in a broken report
./mvnw -B -q -ntp -Pbenchmarks -pl stub-server-app,benchmarks -am package \
  -Dtest='MarkdownReportTest,ToolOutputTest' -Dsurefire.failIfNoSpecifiedTests=false
if [[ $kit == yes && ! -f $KIT_JAR ]]; then
  echo "== building the conformance kit (its contract tests write the pacts it bundles)"
  ./mvnw -B -q -ntp -pl conformance-kit -am package
fi

if [[ $prism == yes && ! -x $PRISM_BIN ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "!! npm not found: Prism cannot be installed, and target 1 needs it. Install Node/npm or pass --no-prism." >&2
    exit 1
  fi
  echo "== installing Prism $PRISM_VERSION into $PRISM_DIR"
  mkdir -p "$PRISM_DIR"
  npm install --prefix "$PRISM_DIR" --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$PRISM_VERSION"
fi

for v in "${variants[@]}"; do args+=(--cold-variant "$v"); done

echo "== running (uptime before: $(uptime))"
java -Xms1g -Xmx1g -jar benchmarks/target/benchmarks.jar "${args[@]}"
echo "== uptime after: $(uptime)"
