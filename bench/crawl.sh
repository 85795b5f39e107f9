#!/usr/bin/env bash
# Measures `archive index URL` on the example blog (examples/devlog built to HTML, as the crawl
# tests serve it, without their traps) over loopback: a fresh crawl and a re-crawl of nothing
# changed, RUNS times each (default 3), at each rate given (default: 2, the default politeness,
# and 0, none). Wall time of the whole command, JVM start included, and the run's own "done in".
#   bench/crawl.sh [RATE...]
# Figures are for this machine only: quote them with the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
runs="${RUNS:-3}"
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(2 0)
cd "$here"
"$here/archive" --version >/dev/null # builds the jar and its class data if needed
./mvnw -q -o test-compile
cp="$(./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"

log="$(mktemp)"
java -cp "target/test-classes:target/classes:$cp" archive.ingest.TestBlogMain --without-traps >"$log" 2>&1 &
blog=$!
index="$(mktemp -d)"
trap 'kill "$blog" 2>/dev/null || true; rm -rf "$log" "$index"' EXIT
url="$(wait_for_url "$log")"
echo "blog: $url"
machine

crawl() { # prints: wall seconds, the run's "done in", and the tally
  local start end out
  start=$(date +%s%N)
  out="$("$here/archive" index "$url" --index "$index" --rate "$1" 2>&1)"
  end=$(date +%s%N)
  printf '%6.2f s  %s | %s | %s\n' "$(echo "($end - $start) / 1000000000" | bc -l)" \
    "$(grep -o 'done in [0-9.]* s' <<<"$out")" "$(grep -m1 entries <<<"$out")" \
    "$(grep -o 'crawled.*' <<<"$out" || true)"
}
for rate in "${rates[@]}"; do
  for run in $(seq "$runs"); do
    rm -rf "$index"/*
    echo "rate $rate, run $run, fresh:    $(crawl "$rate")"
    echo "rate $rate, run $run, re-crawl: $(crawl "$rate")"
  done
done
