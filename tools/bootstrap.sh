#!/bin/sh
# Installs what is missing (Debian 12), builds careerplan, then either runs it on the bundled
# example assessment (no argument) or runs every test ("test"): the suite on the release build,
# the suite again on an AddressSanitizer/UBSan build with fault injection (build-asan/), and each
# libFuzzer target for 30 seconds (tools/fuzz.sh).
set -eu
cd "$(dirname "$0")/.."

mode=${1:-demo}
packages="g++ cmake make libcli11-dev nlohmann-json3-dev libfmt-dev doctest-dev libsqlite3-dev libzip-dev libexpat1-dev libsimdjson-dev pkg-config"
if [ "$mode" = test ]; then
  packages="$packages python3 python3-jsonschema jq mandoc clang libclang-rt-14-dev bash bash-completion zsh fish chromium"
fi

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "bootstrap: installing$missing" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# The build modes are CMakePresets.json's: release (build/), asan (build-asan/), fuzz (build-fuzz/).
cmake --preset release >/dev/null

case "$mode" in
  demo)
    # Only what the demo runs: the program, not the unit tests.
    cmake --build --preset release --target careerplan
    ./build/careerplan gap --assessment data/examples/backend-engineer.json
    ;;
  test)
    cmake --build --preset release
    ctest --preset release
    echo "bootstrap: the suite again, built with -fsanitize=address,undefined" >&2
    cmake --preset asan >/dev/null
    cmake --build --preset asan
    ctest --preset asan
    echo "bootstrap: each fuzz target for 30 seconds" >&2
    sh tools/fuzz.sh 30
    ;;
  *)
    echo "usage: tools/bootstrap.sh [test]" >&2
    exit 2
    ;;
esac
