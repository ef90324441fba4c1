#!/usr/bin/env bash
# Side by side, outside `./mvnw verify`: the conformance kit, Specmatic's generated contract tests
# (npm `specmatic`) and the Rust pact verifier (npm `@pact-foundation/pact-cli`) against the same
# twelve broken providers of issue 19 (proxies in front of one stub, started from the kit's test
# classes by BrokenProvidersMain) and an unbroken control. Prints the Markdown table of
# conformance-kit/README.md ("Side by side").
#
# Run from the repository root after `./mvnw -B verify` (it needs the kit jar and target/pacts/):
#   bash conformance-kit/compare/run.sh
# Node 20+ with npm and Java 17 on the PATH; the tools go to conformance-kit/target/compare-tools.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIT="$ROOT/conformance-kit"
WORK="$KIT/target/compare"
TOOLS="$KIT/target/compare-tools"
SPEC="$ROOT/openapi/src/main/resources/openapi/access-token.yaml"
PACTS="$ROOT/target/pacts"
rm -rf "$WORK" && mkdir -p "$WORK" "$TOOLS"

if [ ! -x "$TOOLS/node_modules/.bin/specmatic" ] || [ ! -x "$TOOLS/node_modules/.bin/pact-verifier" ]; then
  (cd "$TOOLS" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund --loglevel=error specmatic@2.55 @pact-foundation/pact-cli >/dev/null)
fi
export PATH="$TOOLS/node_modules/.bin:$PATH" PACT_DO_NOT_TRACK=true SCARF_ANALYTICS=false

# the broken providers: the kit's test classes and their classpath
(cd "$ROOT" && ./mvnw -B -q -o -pl conformance-kit -am -DjavaOnly -DskipTests test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null)
CP="$KIT/target/test-classes:$KIT/target/classes:$(cat "$KIT/target/test-classpath.txt")"
coproc PROVIDERS { java -cp "$CP" org.openbitgo.accesstoken.conformance.BrokenProvidersMain; }
declare -a KINDS URLS
while read -r kind url token <&"${PROVIDERS[0]}"; do
  [ "$kind" = ready ] && break
  KINDS+=("$kind"); URLS+=("$url"); TOKEN=$token
done
trap 'exec {PROVIDERS[1]}>&-; wait' EXIT

kit() {  # exit status of the kit jar
  java -jar "$KIT/target/accesstoken-conformance-kit.jar" --base-url "$1" --token "$TOKEN" \
    --report-dir "$WORK/kit-$2" >"$WORK/kit-$2.log" 2>&1 && echo 0 || echo $?
}
specmatic_failures() {  # failed generated tests
  # from $WORK: specmatic also writes an HTML report under ./build/reports, which must stay in target/
  (cd "$WORK" && BearerAuth="$TOKEN" specmatic test "$SPEC" --testBaseURL "${1%/}" --junitReportDir "$WORK/specmatic-$2" \
    >"$WORK/specmatic-$2.log" 2>&1) || true
  cat "$WORK/specmatic-$2"/*.xml 2>/dev/null | grep -o '<testcase' | wc -l >/dev/null
  grep -ho 'failures="[0-9]*"' "$WORK/specmatic-$2"/*.xml 2>/dev/null | head -1 | tr -dc 0-9 || echo 0
}
pact_verifier() {  # exit status of the Rust verifier over every pact of the build
  local hostport=${1#http://}; hostport=${hostport%/}
  pact-verifier --hostname "${hostport%:*}" --port "${hostport#*:}" --provider-name bitgo-accesstoken-api \
    --dir "$PACTS" --state-change-url "${1}_pact/provider-states" --state-change-teardown \
    >"$WORK/pact-$2.log" 2>&1 && echo 0 || echo $?
}

declare -A KIT_EXIT SPEC_FAIL PACT_EXIT
for i in "${!KINDS[@]}"; do
  k=${KINDS[$i]}; u=${URLS[$i]}
  KIT_EXIT[$k]=$(kit "$u" "$k"); SPEC_FAIL[$k]=$(specmatic_failures "$u" "$k"); PACT_EXIT[$k]=$(pact_verifier "$u" "$k")
done

mark() { [ "$1" = yes ] && echo "**caught**" || echo "missed"; }
echo "| broken provider | conformance kit | Specmatic 2.55 \`test\` | pact verifier (\`--provider-name\`) |"
echo "|---|---|---|---|"
echo "| none (control: the stub) | exit ${KIT_EXIT[none]} | ${SPEC_FAIL[none]} failed tests | exit ${PACT_EXIT[none]} |"
kit_n=0 spec_n=0 pact_n=0 total=0
for k in "${KINDS[@]}"; do
  [ "$k" = none ] && continue
  total=$((total + 1))
  kc=no; [ "${KIT_EXIT[$k]}" = 1 ] && kc=yes && kit_n=$((kit_n + 1))
  sc=no; [ "${SPEC_FAIL[$k]:-0}" -gt "${SPEC_FAIL[none]:-0}" ] && sc=yes && spec_n=$((spec_n + 1))
  pc=no; [ "${PACT_EXIT[$k]}" != 0 ] && [ "${PACT_EXIT[none]}" = 0 ] && pc=yes && pact_n=$((pact_n + 1))
  echo "| $k | $(mark $kc) (exit ${KIT_EXIT[$k]}) | $(mark $sc) (${SPEC_FAIL[$k]} failed) | $(mark $pc) (exit ${PACT_EXIT[$k]}) |"
done
echo "| **caught** | **$kit_n of $total** | **$spec_n of $total** | **$pact_n of $total** |"
