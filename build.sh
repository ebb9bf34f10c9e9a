#!/usr/bin/env bash
# KafkaDemo's one entry point on a fresh machine. Every command does its own set-up.
#
#   ./build.sh demo    start an embedded broker, run the Producer then the Consumer, stop everything
#   ./build.sh test    run the whole test suite; ends with "N passed, N failed, N skipped"
#   ./build.sh build   restore (building librdkafka locally if NuGet lacks it) and compile
#   ./build.sh soak [duration] [rate] [--with-produce-errors]
#                      Producer and a Consumer group of 3 under scheduled faults; exit 1 if anything was lost
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
readonly CONFIGURATION=Release
readonly RESULTS=artifacts/test-results

fail() { echo "build.sh: $*" >&2; exit 1; }

build() {
  command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK (dotnet) is not on PATH; install it first"
  eng/librdkafka.sh
  dotnet build KafkaDemo.sln -c "$CONFIGURATION" -nologo -v quiet -clp:NoSummary || fail "the build failed"
}

# Sums the counters of every TRX file the run wrote into one "N passed, N failed, N skipped" line.
test_totals() {
  local passed=0 failed=0 skipped=0 counters
  for trx in "$RESULTS"/*.trx; do
    [[ -f "$trx" ]] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
    # A skipped test is counted in "total" but not in "executed".
    skipped=$((skipped + $(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters") - $(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")))
  done
  echo "$passed passed, $failed failed, $skipped skipped"
}

# kcat (Debian's package) is the independent peer of the interoperability tests; without it
# those tests are skipped, and say so.
ensure_kcat() {
  command -v kcat >/dev/null 2>&1 && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "build.sh: installing kcat for the interoperability tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kcat) >/dev/null 2>&1 ||
      echo "build.sh: could not install kcat; its tests will be skipped" >&2
  else
    echo "build.sh: kcat is not installed (apt-get install kcat); its tests will be skipped" >&2
  fi
}

run_tests() {
  build
  ensure_kcat
  rm -rf "$RESULTS"
  local status=0
  dotnet test KafkaDemo.sln -c "$CONFIGURATION" --no-build -nologo \
    --logger "console;verbosity=normal" --logger trx --results-directory "$RESULTS" || status=$?
  local totals
  totals=$(test_totals)
  if [[ $totals == "0 passed, 0 failed"* ]]; then
    echo "build.sh: no test results were written to $RESULTS" >&2
    status=1
  fi
  echo "$totals"
  return "$status"
}

broker_pid=""
stop_broker() {
  if [[ -n $broker_pid ]] && kill -0 "$broker_pid" 2>/dev/null; then
    kill -TERM "$broker_pid" && wait "$broker_pid" 2>/dev/null || true
    echo "== Embedded broker stopped"
  fi
  broker_pid=""
}

demo() {
  build
  local work bootstrap=""
  work=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "stop_broker; rm -rf '$work'" EXIT

  echo "== Starting an embedded Kafka (librdkafka mock cluster, 3 brokers, notes-topic with 3 partitions)"
  dotnet "src/LocalBroker/bin/$CONFIGURATION/net10.0/KafkaDemo.LocalBroker.dll" --brokers 3 --topic notes-topic:3 \
    >"$work/broker.out" 2>"$work/broker.err" &
  broker_pid=$!
  for _ in $(seq 1 300); do
    bootstrap=$(head -n 1 "$work/broker.out" 2>/dev/null || true)
    [[ -n $bootstrap ]] && break
    kill -0 "$broker_pid" 2>/dev/null || { cat "$work/broker.err" >&2; fail "the embedded broker exited early"; }
    sleep 0.1
  done
  [[ -n $bootstrap ]] || fail "the embedded broker printed no address within 30 s"
  echo "   bootstrap servers: $bootstrap"

  echo "== dotnet run --project src/Producer -- --bootstrap-servers $bootstrap"
  dotnet run --no-build -c "$CONFIGURATION" --project src/Producer -- --bootstrap-servers "$bootstrap" ||
    fail "the Producer did not deliver every event"

  echo "== dotnet run --project src/Consumer -- --bootstrap-servers $bootstrap --group-id demo-group --max-messages 9 --idle-timeout 20s"
  dotnet run --no-build -c "$CONFIGURATION" --project src/Consumer -- \
    --bootstrap-servers "$bootstrap" --group-id demo-group --max-messages 9 --idle-timeout 20s | tee "$work/consumed.txt"
  local shown
  shown=$(grep -c '^✅ JSON (' "$work/consumed.txt" || true)
  stop_broker
  [[ $shown -eq 9 ]] || fail "the Consumer showed $shown of the 9 events"
  echo "== Demo complete: 9 events went from the Producer through Kafka to the Consumer"
}

soak() {
  build
  dotnet "tests/Soak/bin/$CONFIGURATION/net10.0/KafkaDemo.Soak.dll" "$@"
}

case "${1:-}" in
  build) build ;;
  soak) shift; soak "$@" ;;
  test) run_tests ;;
  demo) demo ;;
  *)
    echo "usage: ./build.sh demo|test|build|soak" >&2
    exit 2
    ;;
esac
