#!/usr/bin/env bash
# KafkaDemo's one entry point on a fresh machine. Every command does its own set-up.
#
#   ./build.sh demo    start an embedded broker, run the Producer then the Consumer, stop everything
#   ./build.sh test    publish and pack, then run the whole test suite; ends with "N skipped", then "N passed, N failed"
#   ./build.sh build   restore and compile
#   ./build.sh publish native (Native AOT) executables in artifacts/bin: kafkademo-producer,
#                      kafkademo-consumer, kafkademo-broker, with the native libraries they load
#   ./build.sh pack    NuGet tool packages in artifacts/packages: kafkademo-producer, kafkademo-consumer,
#                      kafkademo-broker, Native AOT for this machine's RID and framework-dependent for others
#   ./build.sh bench   our native Producer and Consumer against a bare Confluent.Kafka program and
#                      kcat on an embedded broker; prints a table
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
  dotnet build KafkaDemo.sln -c "$CONFIGURATION" -nologo -v quiet -clp:NoSummary || fail "the build failed"
}

# Sums the counters of every TRX file the run wrote: "N skipped", then "N passed, N failed" as the
# last line, the form CI reads. A test project without results (its test host crashed, or never
# started) is named on stderr and counted as one failure, so the totals cannot look clean.
readonly TEST_PROJECTS=(KafkaDemo.UnitTests KafkaDemo.BrokerTests)
# Every skipped test by name, with the reason it gives, so that none is skipped silently.
skipped_tests() {
  local trx
  for trx in "$RESULTS"/*.trx; do
    [[ -f "$trx" ]] || continue
    awk '/outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11) }
         name != "" && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print "  skipped: " name ": " $0; name = "" }' "$trx"
  done
}

test_totals() {
  local passed=0 failed=0 skipped=0 counters
  for project in "${TEST_PROJECTS[@]}"; do
    if ! grep -qs "$project.dll" "$RESULTS"/*.trx; then
      echo "build.sh: $project wrote no test results: its test host crashed or never started (see the log above)" >&2
      failed=$((failed + 1))
    fi
  done
  for trx in "$RESULTS"/*.trx; do
    [[ -f "$trx" ]] || continue
    if ! counters=$(grep -o '<Counters [^>]*>' "$trx"); then
      echo "build.sh: $trx has no counters: its test host stopped before the end of the run" >&2
      failed=$((failed + 1))
      continue
    fi
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
    # A skipped test is counted in "total" but not in "executed".
    skipped=$((skipped + $(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters") - $(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")))
  done
  echo "$skipped skipped"
  skipped_tests
  echo "$passed passed, $failed failed"
}

# Installs a Debian package with apt-get, as root or through passwordless sudo; returns 1,
# installing nothing, where neither is possible or the install fails.
apt_install() { # package, what it is for
  local as_root=()
  [[ $(id -u) -eq 0 ]] || as_root=(sudo -n)
  command -v apt-get >/dev/null 2>&1 && "${as_root[@]}" true 2>/dev/null || return 1
  echo "build.sh: installing $1 for $2" >&2
  ("${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1") >/dev/null 2>&1
}

# kcat (Debian's package) is the independent peer of the interoperability tests; without it
# those tests are skipped, and say so.
ensure_kcat() {
  command -v kcat >/dev/null 2>&1 && return 0
  apt_install kcat "the interoperability tests" ||
    echo "build.sh: kcat is not installed and could not be (apt-get install kcat); its tests will be skipped" >&2
}

# The terminal tests (lag --watch, the progress lines) run the programs in a tmux pane and read
# what it shows; without tmux they are skipped, and say so.
ensure_tmux() {
  command -v tmux >/dev/null 2>&1 && return 0
  apt_install tmux "the terminal tests" ||
    echo "build.sh: tmux is not installed and could not be (apt-get install tmux); the terminal tests will be skipped" >&2
}

# The store tests need a PostgreSQL server: KAFKADEMO_TEST_POSTGRES, a Docker engine
# (Testcontainers), or Debian's postgresql, which the tests start in a private directory on a free
# port for the run and stop after it. Without any of them those tests fail, saying why.
ensure_postgresql() {
  [[ -n ${KAFKADEMO_TEST_POSTGRES:-} ]] && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && return 0
  apt_install postgresql "the store tests" ||
    echo "build.sh: could not install postgresql; the store tests will use Docker if it runs, and fail otherwise" >&2
}

# The guide tests (tests/BrokerTests/Docs) run the guides' own commands, which use sqlite3 and jq;
# without them those guides fail at once, naming the missing tool.
ensure_guide_tools() {
  command -v sqlite3 >/dev/null 2>&1 || apt_install sqlite3 "the guide tests" || echo "build.sh: could not install sqlite3; the guide tests that use it will fail" >&2
  command -v jq >/dev/null 2>&1 || apt_install jq "the guide tests" || echo "build.sh: could not install jq; the guide tests that use it will fail" >&2
}

# The completion tests source each shell's script: zsh and fish from Debian, PowerShell as the
# repository's local .NET tool (.config/dotnet-tools.json). A shell that cannot be installed has
# its test skipped, saying so.
ensure_completion_shells() {
  command -v zsh >/dev/null 2>&1 || apt_install zsh "the zsh completion test" || echo "build.sh: could not install zsh; its completion test will be skipped" >&2
  command -v fish >/dev/null 2>&1 || apt_install fish "the fish completion test" || echo "build.sh: could not install fish; its completion test will be skipped" >&2
  dotnet tool restore >/dev/null || echo "build.sh: could not restore PowerShell (dotnet tool restore); its completion test will be skipped" >&2
}

# The tests that start the programs as processes run the native executables of `publish`: what
# ships is what is tested. A publish that fails is reported and counted as one failure; the tests
# then start the builds through dotnet instead, so every other result still counts.
run_tests() {
  build
  ensure_kcat
  ensure_tmux
  ensure_postgresql
  ensure_guide_tools
  ensure_completion_shells
  rm -rf "$RESULTS"
  local status=0 publish_failed=0
  if (publish); then
    export KAFKADEMO_TEST_PROGRAMS=$PWD/$PUBLISH_DIR
  else
    echo "build.sh: the Native AOT publish failed; the program tests run through dotnet instead" >&2
    publish_failed=1
  fi
  # The tool packages, installed and run by ToolPackageTests; the native compilation is the
  # publish's, reused. A pack that fails counts as one failure, as a failed publish does.
  local pack_failed=0
  if (pack); then
    export KAFKADEMO_TEST_PACKAGES=$PWD/$PACKAGE_DIR
  else
    echo "build.sh: the tool packages failed; their test is skipped" >&2
    pack_failed=1
  fi
  dotnet test KafkaDemo.sln -c "$CONFIGURATION" --no-build -nologo \
    --logger "console;verbosity=normal" --logger trx --results-directory "$RESULTS" || status=$?
  local totals passed failed
  totals=$(test_totals)
  if ((publish_failed + pack_failed)); then
    read -r passed _ failed _ <<<"$(tail -n 1 <<<"$totals")"
    totals="$(head -n -1 <<<"$totals")"$'\n'"$passed passed, $((failed + publish_failed + pack_failed)) failed"
  fi
  [[ $(tail -n 1 <<<"$totals") == *" 0 failed" ]] || status=1
  echo "$totals"
  return "$status"
}

# Starts a helper process that prints its address as its first line on stdout, and sets
# $started_pid and $started_address. Its stdin is a FIFO this script holds open on file descriptor
# <fd>: if the script dies, even by SIGKILL, the kernel closes it and the helper stops too instead
# of living on as an orphan.
start_helper() { # work directory, name (for files and messages), fd, then the command
  local work=$1 name=$2 fd=$3; shift 3
  local fifo="$work/${name// /-}.stdin" out="$work/${name// /-}.out" err="$work/${name// /-}.err"
  mkfifo "$fifo"
  "$@" <"$fifo" >"$out" 2>"$err" &
  started_pid=$!
  eval "exec $fd>\"\$fifo\""
  started_address=""
  for _ in $(seq 1 300); do
    started_address=$(head -n 1 "$out" 2>/dev/null || true)
    [[ -n $started_address ]] && return 0
    kill -0 "$started_pid" 2>/dev/null || { cat "$err" >&2; fail "the $name exited early"; }
    sleep 0.1
  done
  fail "the $name printed no address within 30 s"
}

stop_helper() { # pid, fd
  if [[ -n $1 ]] && kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" && wait "$1" 2>/dev/null || true
  fi
  eval "exec $2>&-" 2>/dev/null || true
}

broker_pid=""
stop_broker() {
  local alive=0
  if [[ -n $broker_pid ]] && kill -0 "$broker_pid" 2>/dev/null; then alive=1; fi
  stop_helper "$broker_pid" 3
  if ((alive)); then echo "== Embedded broker stopped"; fi
  broker_pid=""
}

# Starts the embedded broker (--exit-on-stdin-close) with the given arguments and sets $bootstrap
# to its address.
start_broker() { # work directory, then LocalBroker arguments
  local work=$1; shift
  start_helper "$work" "embedded broker" 3 dotnet "src/LocalBroker/bin/$CONFIGURATION/net10.0/KafkaDemo.LocalBroker.dll" --exit-on-stdin-close "$@"
  broker_pid=$started_pid bootstrap=$started_address
}

# The tests' stand-in schema registry (tests/SchemaRegistryHost), for the Avro row: no real registry
# runs on the build machines. Sets $registry to its address.
registry_pid="" registry=""
start_registry() { # work directory
  start_helper "$1" "test schema registry" 4 dotnet "tests/SchemaRegistryHost/bin/$CONFIGURATION/net10.0/KafkaDemo.SchemaRegistryHost.dll"
  registry_pid=$started_pid registry=$started_address
}

stop_registry() {
  stop_helper "$registry_pid" 4
  registry_pid=""
}

demo() {
  build
  local work bootstrap=""
  work=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "stop_broker; rm -rf '$work'" EXIT

  echo "== Starting an embedded Kafka (librdkafka mock cluster, 3 brokers, notes-topic with 3 partitions)"
  start_broker "$work" --brokers 3 --topic notes-topic:3
  echo "   bootstrap servers: $bootstrap"

  echo "== dotnet run --project src/Producer -- --bootstrap-servers $bootstrap"
  dotnet run --no-build -c "$CONFIGURATION" --project src/Producer -- --bootstrap-servers "$bootstrap" ||
    fail "the Producer did not deliver every event"

  echo "== dotnet run --project src/Consumer -- --bootstrap-servers $bootstrap --group-id demo-group --max-messages 9 --idle-timeout 20s --store sqlite:notes.db"
  dotnet run --no-build -c "$CONFIGURATION" --project src/Consumer -- \
    --bootstrap-servers "$bootstrap" --group-id demo-group --max-messages 9 --idle-timeout 20s --store "sqlite:$work/notes.db" | tee "$work/consumed.txt"
  local shown
  shown=$(grep -c '^✅ JSON (' "$work/consumed.txt" || true)
  stop_broker
  [[ $shown -eq 9 ]] || fail "the Consumer showed $shown of the 9 events"

  echo "== dotnet run --project src/Consumer -- store --store sqlite:notes.db   (what the Consumer stored, exactly once)"
  dotnet run --no-build -c "$CONFIGURATION" --project src/Consumer -- store --store "sqlite:$work/notes.db" | tee "$work/stored.txt"
  grep -q '^Notes in sqlite:.* (9):$' "$work/stored.txt" || fail "the store does not hold the 9 notes"
  echo "== Demo complete: 9 events went from the Producer through Kafka to the Consumer and into SQLite"
}

# P1 and C1 against kcat on one embedded broker, alternating, several runs; medians in a table.
bench() {
  build
  ensure_kcat
  command -v kcat >/dev/null 2>&1 || fail "the benchmark needs kcat (apt-get install kcat)"
  [[ -x /usr/bin/time ]] || fail "the benchmark needs GNU time (apt-get install time)"
  local runs=${BENCH_RUNS:-3} messages=${BENCH_MESSAGES:-1000000} consume=${BENCH_CONSUME:-400000}
  local work bootstrap="" bin="src/Producer/bin/$CONFIGURATION/net10.0"
  work=$(mktemp -d)
  # shellcheck disable=SC2064
  trap "stop_postgres; stop_registry; stop_broker; rm -rf '$work'" EXIT

  start_broker "$work" --brokers 1 --topic c1:16 --topic s1:4 --topic c1avro:16
  start_registry "$work"

  # The same events for kcat as our Producer generates: key<TAB>JSON, one per line.
  awk -v n="$messages" 'BEGIN { split("note_created note_updated note_deleted", t, " "); split("created updated deleted", v, " ");
    for (i = 1; i <= n; i++) { k = (i - 1) % 3 + 1;
      printf "%s\t{\"id\":%d,\"event_type\":\"%s\",\"text\":\"Note %d %s\"}\n", t[k], i, t[k], int((i - 1) / 3) + 1, v[k] } }' >"$work/events.txt"
  local payload_bytes
  payload_bytes=$(awk -F'\t' '{ s += length($1) + length($2) } END { print s }' "$work/events.txt")

  # C1's topic: 16 partitions, 25,000 events each (the mock keeps at most 100,000 per partition).
  dotnet "$bin/KafkaDemo.Producer.dll" -b "$bootstrap" -t c1 -n "$consume" --key-strategy uuid -q 2>/dev/null ||
    fail "could not fill the consume benchmark's topic"
  # C1 Avro's: the same events, framed for the registry and Avro-encoded with note_event.avsc.
  dotnet "$bin/KafkaDemo.Producer.dll" -b "$bootstrap" -t c1avro -n "$consume" --key-strategy uuid -q \
    --schema-registry "$registry" --value-schema src/Common/Events/note_event.avsc 2>/dev/null ||
    fail "could not fill the Avro consume benchmark's topic"

  measure() { # label, then the command; prints "seconds peak_kb"
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$label.out" 2>"$work/$label.err" || { tail -n 3 "$work/$label.err" >&2; fail "$label failed"; }
    cat "$work/time"
  }

  # Ours and the ceiling (tests/Ceiling: the same work with nothing else) run natively, as ours ships.
  (publish) >"$work/publish.log" 2>&1 || { tail -n 20 "$work/publish.log" >&2; fail "the Native AOT publish failed"; }
  dotnet publish tests/Ceiling -c "$CONFIGURATION" -r "$(native_rid)" -p:PublishAot=true -nologo -v quiet -clp:NoSummary -o "$work/ceiling" >"$work/ceiling.log" 2>&1 ||
    { tail -n 20 "$work/ceiling.log" >&2; fail "the Native AOT publish of the ceiling failed"; }
  local producer=$PUBLISH_DIR/kafkademo-producer consumer=$PUBLISH_DIR/kafkademo-consumer ceiling=$work/ceiling/KafkaDemo.Ceiling

  local p1=() p1_ceiling=() p1_kcat=() c1=() c1_ceiling=() c1_kcat=() c1_avro=() first=() first_ceiling=()
  # Each contestant in turn goes first (run r starts with contestant r mod 3), so that none always
  # follows the same one; C1 runs before P1 fills the broker with 3,000,000 messages a run.
  c1_ours() {
    # Assigned partitions, like kcat -C: the embedded broker delays a new group's first join by 1 s.
    c1+=("$(measure c1-ours "$consumer" -b "$bootstrap" -t c1 -g "bench-$r" $(printf -- '-p %d ' $(seq 0 15)) -n "$consume" -e note_created)")
    grep -q "consumed $consume," "$work/c1-ours.err" || fail "our Consumer did not read every event"
  }
  c1_avro() {
    c1_avro+=("$(measure c1-avro "$consumer" -b "$bootstrap" -t c1avro -g "bench-avro-$r" $(printf -- '-p %d ' $(seq 0 15)) -n "$consume" -e note_created --schema-registry "$registry")")
    grep -q "consumed $consume," "$work/c1-avro.err" || fail "our Consumer did not read every Avro event"
  }
  c1_ceiling() { c1_ceiling+=("$(measure c1-ceiling "$ceiling" consume "$bootstrap" c1 "$consume" 16)"); }
  c1_kcat() {
    c1_kcat+=("$(measure c1-kcat kcat -C -b "$bootstrap" -t c1 -e -q)")
    [[ $(wc -l <"$work/c1-kcat.out") -eq $consume ]] || fail "kcat did not read every event"
  }
  p1_ours() {
    p1+=("$(measure p1-ours "$producer" -b "$bootstrap" -t "p1-ours-$r" -n "$messages" -q)")
    first+=("$(sed -nE 's/.*first delivery ([0-9.]+) s.*/\1/p' "$work/p1-ours.err")")
    grep -q "delivered $messages, failed 0" "$work/p1-ours.err" || fail "our Producer did not deliver every event: $(grep Summary "$work/p1-ours.err")"
  }
  p1_ceiling() {
    p1_ceiling+=("$(measure p1-ceiling "$ceiling" produce "$bootstrap" "p1-ceiling-$r" "$messages")")
    first_ceiling+=("$(sed -nE 's/.*first delivery ([0-9.]+) s.*/\1/p' "$work/p1-ceiling.out")")
  }
  p1_kcat() { p1_kcat+=("$(measure p1-kcat kcat -P -b "$bootstrap" -t "p1-kcat-$r" -K '\t' -H content-type=application/json -X acks=all -X enable.idempotence=true -l "$work/events.txt")"); }
  in_turn() { # benchmark prefix: its three contestants, starting with contestant r mod 3
    local order=(ours ceiling kcat) i
    for i in 0 1 2; do "$1_${order[$(((r + i) % 3))]}"; done
  }
  local r
  for r in $(seq 1 "$runs"); do
    in_turn c1
    c1_avro
    echo "run $r: C1 ours ${c1[-1]% *} s, ceiling ${c1_ceiling[-1]% *} s, kcat ${c1_kcat[-1]% *} s" >&2
  done
  for r in $(seq 1 "$runs"); do
    in_turn p1
    echo "run $r: P1 ours ${p1[-1]% *} s, ceiling ${p1_ceiling[-1]% *} s, kcat ${p1_kcat[-1]% *} s" >&2
  done

  median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
  stats() { # samples ("seconds peak_kb")... -> "median_seconds median_kb"
    local seconds=() kb=()
    for sample in "$@"; do seconds+=("${sample% *}"); kb+=("${sample#* }"); done
    echo "$(median "${seconds[@]}") $(median "${kb[@]}")"
  }
  rows() { # benchmark, count, bytes, ours stats, ceiling stats, kcat stats, ours first, ceiling first
    awk -v n="$1" -v c="$2" -v b="$3" -v o="$4" -v e="$5" -v k="$6" -v of="$7" -v ef="$8" 'BEGIN {
      split(o, O, " "); split(e, E, " "); split(k, K, " ")
      printf "| %s | ours (native) | %.0f | %.1f | %.0f | %s | %.2f | %.2f |\n", n, c / O[1], b / O[1] / 1e6, O[2] / 1024, of, E[1] / O[1], K[1] / O[1]
      printf "| | bare Confluent.Kafka (native) | %.0f | %.1f | %.0f | %s | 1 | |\n", c / E[1], b / E[1] / 1e6, E[2] / 1024, ef
      printf "| | kcat | %.0f | %.1f | %.0f | - | | 1 |\n", c / K[1], b / K[1] / 1e6, K[2] / 1024 }'
  }

  echo
  echo "Median of $runs runs, $(nproc) cores, whole-process wall time (start-up included), embedded broker (1 broker)."
  echo "Ratios are msg/s over the ceiling's and over kcat's."
  echo
  echo "| Benchmark | program | msg/s | MB/s | peak RSS MB | first delivery (s after start) | ours / ceiling | ours / kcat |"
  echo "|---|---|---|---|---|---|---|---|"
  rows "P1 produce $messages events (acks=all, idempotent, content-type header, every report counted)" "$messages" "$payload_bytes" \
    "$(stats "${p1[@]}")" "$(stats "${p1_ceiling[@]}")" "$(stats "${p1_kcat[@]}")" "$(median "${first[@]}")" "$(median "${first_ceiling[@]}")"
  rows "C1 consume $consume events from 16 partitions (ours: decode, filter, output discarded; ceiling: read only)" "$consume" "$((payload_bytes / messages * consume))" \
    "$(stats "${c1[@]}")" "$(stats "${c1_ceiling[@]}")" "$(stats "${c1_kcat[@]}")" - -
  # The same read with every value Avro-decoded through the registry (the tests' stand-in, one
  # lookup per schema id), against our plain C1.
  awk -v c="$consume" -v a="$(stats "${c1_avro[@]}")" -v o="$(stats "${c1[@]}")" 'BEGIN {
    split(a, A, " "); split(o, O, " ")
    printf "| C1 Avro: the same %d events framed and Avro-encoded, decoded with --schema-registry | ours (native) | %.0f | | %.0f | - | %.2f of plain C1 | |\n", c, c / A[1], A[2] / 1024, O[1] / A[1] }'
  stop_registry
  startup_bench
  store_bench
  stop_broker
}

# Start-up: the default 9-event Producer run (a delivery line each) against kcat sending the same 9
# lines, each run a whole process against a broker that is already up; medians and minimums.
startup_bench() {
  local startups=${BENCH_STARTUPS:-15} ours=() theirs=() i
  head -n 9 "$work/events.txt" >"$work/nine.txt"
  for i in $(seq 1 "$startups"); do
    ours+=("$(measure startup-ours "$producer" -b "$bootstrap" -t startup)")
    grep -q "delivered 9, failed 0" "$work/startup-ours.err" || fail "the 9-event Producer run did not deliver its events"
    theirs+=("$(measure startup-kcat kcat -P -b "$bootstrap" -t startup -K '\t' -H content-type=application/json -X acks=all -X enable.idempotence=true -l "$work/nine.txt")")
  done
  startup_row() { # name, samples
    local name=$1 seconds=(); shift
    for sample in "$@"; do seconds+=("${sample% *}"); done
    awk -v n="$name" -v m="$(median "${seconds[@]}")" -v lo="$(printf '%s\n' "${seconds[@]}" | sort -g | head -n 1)" \
      'BEGIN { printf "| %s | %.2f | %.2f |\n", n, m, lo }'
  }
  echo
  echo "Start-up: the default run, 9 events with a delivery line each; $startups runs each, alternating, whole process."
  echo
  echo "| program | median s | min s |"
  echo "|---|---|---|"
  startup_row "ours (native)" "${ours[@]}"
  startup_row "kcat" "${theirs[@]}"
}

# S1: the native Consumer as a group member reading to the end, as it is and with --store into SQLite
# and into PostgreSQL (the machine's own server, started here on a Unix socket, durable settings
# as shipped); wall time from process start to exit, so start-up and the group join are in every figure.
store_bench() {
  local events=${BENCH_STORE_EVENTS:-100000} pg="" pgbin
  dotnet "$bin/KafkaDemo.Producer.dll" -b "$bootstrap" -t s1 -n "$events" --key-strategy uuid -q 2>/dev/null ||
    fail "could not fill the store benchmark's topic"
  pgbin=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1 || true)
  if [[ -n $pgbin ]] || apt_install postgresql "the store benchmark"; then
    pgbin=${pgbin:-$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)}
    start_postgres "$pgbin" && pg="Host=$work/pg;Username=postgres"
  fi
  [[ -n $pg ]] || echo "build.sh: no PostgreSQL server could be started; S1 runs without it" >&2

  local plain=() sqlite=() postgres=()
  # "seconds peak_kb after_first": after_first is the wall time less the moment the first message
  # was handled (the Consumer's summary line), which takes out start-up and the group join.
  s1_measure() { # label, then the command
    local label=$1 sample first; shift
    sample=$(measure "$label" "$@")
    grep -q "consumed $events," "$work/$label.err" || fail "the $label run did not read every event"
    first=$(sed -nE 's/^First message handled ([0-9.]+) s.*/\1/p' "$work/$label.err")
    [[ -n $first ]] || fail "the $label run did not say when it handled its first message"
    echo "$sample $(awk -v s="${sample% *}" -v f="$first" 'BEGIN { printf "%.3f", s - f }')"
  }
  for r in $(seq 1 "$runs"); do
    local common=(-b "$bootstrap" -t s1 --exit-at-end -q -o raw -X session.timeout.ms=6000)
    plain+=("$(s1_measure s1-plain "$consumer" "${common[@]}" -g "s1-plain-$r")")
    sqlite+=("$(s1_measure s1-sqlite "$consumer" "${common[@]}" -g "s1-sqlite-$r" --store "sqlite:$work/s1-$r.db")")
    if [[ -n $pg ]]; then
      # A database per run, as the SQLite runs get a file each: note_events holds each message once.
      "${pg_as[@]}" "$pgbin/createdb" -h "$work/pg" -U postgres "s1_$r" || fail "could not create the benchmark's database"
      postgres+=("$(s1_measure s1-postgres "$consumer" "${common[@]}" -g "s1-postgres-$r" --store "$pg;Database=s1_$r")")
    fi
    echo "run $r: S1 plain ${plain[-1]%% *} s, SQLite ${sqlite[-1]%% *} s${pg:+, PostgreSQL ${postgres[-1]%% *} s}" >&2
  done

  local plain_after
  plain_after=$(median "$(for sample in "${plain[@]}"; do echo "${sample##* }"; done)")
  s1_row() { # name, samples ("s kb after_first")...
    local name=$1 seconds=() kb=() after=(); shift
    for sample in "$@"; do
      read -r s k a <<<"$sample"
      seconds+=("$s"); kb+=("$k"); after+=("$a")
    done
    awk -v n="$name" -v c="$events" -v s="$(median "${seconds[@]}")" -v kb="$(median "${kb[@]}")" \
      -v a="$(median "${after[@]}")" -v p="$plain_after" \
      'BEGIN { printf "| %s | %.2f | %.0f | %.2f | %.2f | %.0f |\n", n, s, c / s, a, p / a, kb / 1024 }'
  }
  echo
  echo "S1: consume $events events (4 partitions) as a group to the end; median of $runs runs, whole process;"
  echo "\"after the first message\" takes out start-up and the group join (the Consumer's own summary line)."
  echo
  echo "| Consumer | seconds | events/s | seconds after the first message | vs plain, after the first message | peak RSS MB |"
  echo "|---|---|---|---|---|---|"
  s1_row "plain (no store)" "${plain[@]}"
  s1_row "--store sqlite:<file>" "${sqlite[@]}"
  [[ -n $pg ]] && s1_row "--store PostgreSQL $(basename "$(dirname "$pgbin")") (local, Unix socket)" "${postgres[@]}"
  stop_postgres
}

pg_data="" pg_as=() pg_ctl_bin=""
start_postgres() { # bin directory; a throwaway cluster in $work/pg, trusted local connections only
  local pgbin=$1
  pg_data="$work/pg"
  mkdir -p "$pg_data"
  if [[ $(id -u) -eq 0 ]]; then
    chmod 755 "$work"
    chown postgres:postgres "$pg_data"
    pg_as=(runuser -u postgres --)
  fi
  "${pg_as[@]}" "$pgbin/initdb" -D "$pg_data/cluster" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null 2>&1 &&
    "${pg_as[@]}" "$pgbin/pg_ctl" -D "$pg_data/cluster" -l "$pg_data/server.log" -w -o "-k $pg_data -c listen_addresses=''" start >/dev/null 2>&1 &&
    pg_ctl_bin="$pgbin/pg_ctl"
}

stop_postgres() {
  [[ -n ${pg_ctl_bin:-} ]] && "${pg_as[@]}" "$pg_ctl_bin" -D "$pg_data/cluster" -m fast -w stop >/dev/null 2>&1
  pg_ctl_bin=""
}

# The soak program hosts its embedded cluster in its own process (it injects faults into it), so
# nothing outlives it.
# Native AOT builds of the three programs, under the names people type, beside the native
# libraries they load (librdkafka's builds, SQLite's); then each is run once, so a binary that
# cannot start fails here.
readonly PUBLISH_DIR=artifacts/bin
native_rid() { [[ $(uname -m) == aarch64 ]] && echo linux-arm64 || echo linux-x64; }
publish() {
  command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK (dotnet) is not on PATH; install it first"
  command -v cc >/dev/null 2>&1 || apt_install gcc "Native AOT's linker" || fail "Native AOT needs a C toolchain (apt-get install gcc zlib1g-dev)"
  local rid staging
  rid=$(native_rid)
  staging=$(mktemp -d)
  rm -rf "$PUBLISH_DIR" && mkdir -p "$PUBLISH_DIR"
  for program in Producer:kafkademo-producer Consumer:kafkademo-consumer LocalBroker:kafkademo-broker; do
    local project=${program%%:*} name=${program#*:}
    dotnet publish "src/$project" -c "$CONFIGURATION" -r "$rid" -p:PublishAot=true -nologo -v quiet -clp:NoSummary -o "$staging/$project" ||
      fail "the Native AOT publish of $project failed"
    cp "$staging/$project/KafkaDemo.$project" "$PUBLISH_DIR/$name"
    cp "$staging/$project/"*.so "$PUBLISH_DIR/" 2>/dev/null || true
  done
  rm -rf "$staging"
  for name in kafkademo-producer kafkademo-consumer kafkademo-broker; do
    "$PUBLISH_DIR/$name" --version >/dev/null || fail "$PUBLISH_DIR/$name does not start"
  done
  echo "== Native executables in $PUBLISH_DIR:"
  ls -l "$PUBLISH_DIR"
}

# NuGet tool packages in artifacts/packages, one per program (kafkademo-producer,
# kafkademo-consumer, kafkademo-broker, as published): for each, the package users name, which
# points to one per RID: this machine's RID compiled with Native AOT (reusing a publish's native
# compilation when one ran before), and `any`, framework-dependent, for every other platform.
readonly PACKAGE_DIR=artifacts/packages
pack() {
  command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK (dotnet) is not on PATH; install it first"
  command -v cc >/dev/null 2>&1 || apt_install gcc "Native AOT's linker" || fail "Native AOT needs a C toolchain (apt-get install gcc zlib1g-dev)"
  local rid common
  rid=$(native_rid)
  common=(-c "$CONFIGURATION" -nologo -v quiet -clp:NoSummary "-p:KafkaDemoNativeRid=$rid")
  rm -rf "$PACKAGE_DIR"
  dotnet pack eng/tools.slnf "${common[@]}" -r "$rid" -p:PublishAot=true || fail "the Native AOT tool packages ($rid) failed"
  dotnet pack eng/tools.slnf "${common[@]}" -r any || fail "the framework-dependent tool packages (any) failed"
  dotnet pack eng/tools.slnf "${common[@]}" -p:PublishAot=true || fail "the tool packages failed"
  echo "== Tool packages in $PACKAGE_DIR:"
  ls -l "$PACKAGE_DIR"
}

soak() {
  build
  dotnet "tests/Soak/bin/$CONFIGURATION/net10.0/KafkaDemo.Soak.dll" "$@"
}

case "${1:-}" in
  build) build ;;
  soak) shift; soak "$@" ;;
  bench) bench ;;
  test) run_tests ;;
  demo) demo ;;
  publish) publish ;;
  pack) pack ;;
  *)
    echo "usage: ./build.sh demo|test|build|publish|pack|soak|bench" >&2
    exit 2
    ;;
esac
