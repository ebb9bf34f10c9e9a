#!/usr/bin/env bash
# Installs the tool packages of ./build.sh pack from their folder into an empty tool path, with a
# NuGet configuration that names that folder only and an empty package cache, so that nothing
# comes from the machine's own sources or cache; then runs the 9-event demo with the installed
# tools (broker, Producer, Consumer into SQLite), and the Producer once more through dnx.
# Prints what it checked, one "name: value" line each; exits non-zero at the first failure.
set -euo pipefail
packages=$(realpath "$1")
work=$(mktemp -d)
broker=""
cleanup() { [[ -n $broker ]] && kill "$broker" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export NUGET_PACKAGES=$work/cache DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="kafkademo" value="$packages" />
  </packageSources>
</configuration>
CONFIG

for tool in kafkademo-broker kafkademo-producer kafkademo-consumer; do
  dotnet tool install "$tool" --tool-path "$work/tools" --configfile "$work/nuget.config" >"$work/install.log" 2>&1 ||
    { cat "$work/install.log" >&2; echo "could not install $tool" >&2; exit 1; }
  # The RID-specific package the SDK picked for this machine.
  echo "installed: $(ls "$work/tools/.store/$tool/"*/ | grep "^$tool\." | head -n 1)"
done

mkfifo "$work/broker.stdin"
"$work/tools/kafkademo-broker" --exit-on-stdin-close --brokers 3 --topic notes-topic:3 <"$work/broker.stdin" >"$work/broker.out" 2>"$work/broker.err" &
broker=$!
exec 3>"$work/broker.stdin"
bootstrap=""
for _ in $(seq 1 300); do
  bootstrap=$(head -n 1 "$work/broker.out" 2>/dev/null || true)
  [[ -n $bootstrap ]] && break
  kill -0 "$broker" 2>/dev/null || { cat "$work/broker.err" >&2; echo "the installed broker exited" >&2; exit 1; }
  sleep 0.1
done
[[ -n $bootstrap ]] || { echo "the installed broker printed no address" >&2; exit 1; }

"$work/tools/kafkademo-producer" -b "$bootstrap" >"$work/produced.txt" 2>"$work/producer.err" ||
  { cat "$work/producer.err" >&2; echo "the installed Producer failed" >&2; exit 1; }
echo "delivered: $(grep -c '^📨 Delivered' "$work/produced.txt")"
"$work/tools/kafkademo-consumer" -b "$bootstrap" -g demo-group --max-messages 9 --idle-timeout 20s --store "sqlite:$work/notes.db" \
  >"$work/consumed.txt" 2>"$work/consumer.err" || { cat "$work/consumer.err" >&2; echo "the installed Consumer failed" >&2; exit 1; }
echo "shown: $(grep -c '^✅ JSON (' "$work/consumed.txt")"
"$work/tools/kafkademo-consumer" store --store "sqlite:$work/notes.db" | grep '^Notes in ' | sed 's/^/stored: /'

# dnx runs a tool without installing it, from the same feed and the same empty cache. It is a
# script beside the dotnet executable, which Debian's and Microsoft's installs link onto PATH
# while some others (this machine's) link dotnet alone.
dnx=$(command -v dnx || echo "$(dirname "$(readlink -f "$(command -v dotnet)")")/dnx")
"$dnx" kafkademo-producer --configfile "$work/nuget.config" -- -b "$bootstrap" -n 3 >"$work/dnx.txt" 2>"$work/dnx.err" ||
  { cat "$work/dnx.err" >&2; echo "dnx kafkademo-producer failed" >&2; exit 1; }
echo "dnx delivered: $(grep -c '^📨 Delivered' "$work/dnx.txt")"
