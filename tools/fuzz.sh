#!/bin/sh
# Builds the libFuzzer targets with clang into build-fuzz/ and runs each for SECONDS (default 30)
# on a seed corpus made from data/ and the findings kept in tests/fuzz/corpus/. A finding stops
# the run with the crashing input written to build-fuzz/findings/; add it to
# tests/fuzz/corpus/TARGET/ once fixed.
#   usage: tools/fuzz.sh [SECONDS] [TARGET...]     TARGET: role skills assessment history options onet oews
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-30}
[ $# -gt 0 ] && shift
targets=${*:-role skills assessment history options onet oews}

cmake --preset fuzz >/dev/null   # CMakePresets.json: clang, build-fuzz/
cmake --build --preset fuzz --target $(for t in $targets; do printf 'fuzz_%s ' "$t"; done) >/dev/null

mkdir -p build-fuzz/findings
for t in $targets; do
  corpus=build-fuzz/corpus/$t
  mkdir -p "$corpus"
  case $t in
    role) cp data/roles/*.json "$corpus"/ ;;
    skills) cp data/skills.json data/sources.json "$corpus"/ ;;
    assessment) cp data/examples/*.json "$corpus"/ ;;
    onet) i=0   # the first byte picks the file the rest replaces (tests/fuzz/fuzz_onet.cpp)
          for f in "Occupation Data" Skills Knowledge "Scales Reference" "Job Zones"; do
            { printf "\\$(printf '%03o' $i)"; cat "tests/fixtures/onet/$f.txt"; } >"$corpus/seed-$i"
            i=$((i + 1))
          done ;;
    history) cp data/examples/*.history.jsonl "$corpus"/ ;;
    oews) cp tests/fixtures/oews/*.xlsx "$corpus"/
          printf 'AREA_TITLE,PRIM_STATE,OCC_CODE,TOT_EMP,A_MEAN,A_MEDIAN,H_MEDIAN,HOURLY\n'"California,CA,15-2051,\"1,550\",*,#,**,TRUE\n" >"$corpus/state.csv"
          printf '\357\273\277AREA_TITLE;OCC_CODE;H_MEAN;A_MEAN\r\nAlabama;15-2051;40.5;84,240\r\n' >"$corpus/means.csv" ;;
    options) printf 'salary\nmle\n--state\nCA\n--json\n' >"$corpus/salary"
             printf 'gap\n--level\nsenior\n--explain\n' >"$corpus/gap"
             printf 'assess\nmle\n--set\npython=4\n--output\n-\n' >"$corpus/assess"
             printf 'routes\nmle\n--from\nds\n--format\ncsv\n' >"$corpus/routes"
             printf 'compare\nmle\nds\n--level\nmid\n' >"$corpus/compare" ;;
  esac
  [ -d "tests/fuzz/corpus/$t" ] && cp tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $t for ${seconds}s" >&2
  ASAN_OPTIONS=detect_leaks=1 ./build-fuzz/fuzz_"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix=build-fuzz/findings/"$t"- "$corpus" 2>build-fuzz/"$t".log ||
    { tail -40 build-fuzz/"$t".log >&2; exit 1; }
  grep -E "stat::number_of_executed_units" build-fuzz/"$t".log >&2
done
