#!/usr/bin/env bash
# Makes librdkafka.redist 2.15.1 restorable on this machine.
#
# Where NuGet serves librdkafka.redist, this does nothing. Where it does not (the NuGet copy on our
# build machines has Confluent.Kafka but no librdkafka.redist), it builds librdkafka 2.15.1 from the
# source shipped inside the npm package @confluentinc/kafka-javascript, packs the shared library as
# a local librdkafka.redist 2.15.1 package, and drops it in a folder feed that
# Directory.Build.props adds to restore when the folder exists. Everything lands in the cache
# directory, outside the clone, so it is built once per machine.
set -euo pipefail

readonly VERSION=2.15.1
readonly NPM_PACKAGE=@confluentinc/kafka-javascript@1.10.1
readonly CACHE=${KAFKADEMO_CACHE:-$HOME/.cache/kafkademo}
readonly FEED=$CACHE/nuget-feed
readonly NUGET_ROOT=${NUGET_PACKAGES:-$HOME/.nuget/packages}

say() { echo "librdkafka: $*" >&2; }
fail() { say "$*"; exit 1; }

already_available() {
  [[ -f "$NUGET_ROOT/librdkafka.redist/$VERSION/librdkafka.redist.nuspec" ]] ||
    [[ -f "$FEED/librdkafka.redist.$VERSION.nupkg" ]]
}

# A throw-away project outside the clone: it sees only the machine's own NuGet sources.
restorable_from_nuget() {
  local probe
  probe=$(mktemp -d)
  cat >"$probe/probe.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="librdkafka.redist" Version="$VERSION" /></ItemGroup>
</Project>
PROJ
  local ok=1
  dotnet restore "$probe/probe.csproj" -nologo -v q >"$probe/restore.log" 2>&1 && ok=0
  rm -rf "$probe"
  return $ok
}

require_tools() {
  local missing=()
  for tool in gcc make npm tar pkg-config; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [[ -f /usr/include/openssl/ssl.h ]] || missing+=("OpenSSL headers (libssl-dev)")
  [[ -f /usr/include/zlib.h ]] || missing+=("zlib headers (zlib1g-dev)")
  if ((${#missing[@]})); then
    fail "cannot build librdkafka $VERSION from source: missing $(IFS=,; echo "${missing[*]}" | sed 's/,/, /g')"
  fi
}

build_from_source() {
  require_tools
  local work=$CACHE/build
  rm -rf "$work" && mkdir -p "$work"
  say "NuGet has no librdkafka.redist $VERSION here; building it from source (about a minute, once per machine)"
  (cd "$work" && npm pack --silent "$NPM_PACKAGE" >/dev/null 2>"$work/npm.log") ||
    fail "npm pack $NPM_PACKAGE failed: $(tail -n 1 "$work/npm.log")"
  tar -xzf "$work"/confluentinc-kafka-javascript-*.tgz -C "$work"
  local src=$work/package/deps/librdkafka
  [[ -x "$src/configure" ]] || fail "$NPM_PACKAGE does not contain deps/librdkafka"
  (cd "$src" && ./configure >"$work/configure.log" 2>&1) || fail "configure failed, see $work/configure.log"
  (cd "$src" && make -j"$(nproc)" libs >"$work/make.log" 2>&1) || fail "make failed, see $work/make.log"

  local pack=$work/pack
  mkdir -p "$pack"
  cp -L "$src/src/librdkafka.so.1" "$pack/librdkafka.so"
  cp "$src/LICENSES.txt" "$pack/LICENSES.txt"
  cat >"$pack/librdkafka.redist.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <PackageId>librdkafka.redist</PackageId>
    <Version>$VERSION</Version>
    <Authors>KafkaDemo build script</Authors>
    <Description>librdkafka $VERSION for linux-x64, built locally from source because NuGet served no librdkafka.redist.</Description>
    <IncludeBuildOutput>false</IncludeBuildOutput>
    <NoWarn>\$(NoWarn);NU5128;NU5100</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <None Include="librdkafka.so" Pack="true" PackagePath="runtimes/linux-x64/native/" />
    <None Include="LICENSES.txt" Pack="true" PackagePath="" />
  </ItemGroup>
</Project>
PROJ
  mkdir -p "$FEED"
  dotnet pack "$pack/librdkafka.redist.csproj" -nologo -v q -o "$FEED" >"$work/pack.log" 2>&1 ||
    fail "packing the local librdkafka.redist failed, see $work/pack.log"
  rm -rf "$src" "$work"/*.tgz
  say "local package ready in $FEED"
}

already_available && exit 0
command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK (dotnet) is not on PATH"
restorable_from_nuget && exit 0
build_from_source
