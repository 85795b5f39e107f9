#!/usr/bin/env bash
# Measures `archive serve` on an index: resident memory at start and after load, and /api/search
# throughput and latency under concurrent clients (bench/LoadTest.java), RUNS times (default 3).
#   bench/serve.sh INDEX_DIR [THREADS=4] [SECONDS=20]
# JVM options for the server go in ARCHIVE_JAVA_OPTS, as for the launcher. The server runs on
# 127.0.0.1 on a port the OS picks. Figures are for this machine only: quote them with the machine.
set -euo pipefail
index="${1:?usage: bench/serve.sh INDEX_DIR [THREADS] [SECONDS]}"
threads="${2:-4}"
seconds="${3:-20}"
runs="${RUNS:-3}"
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
"$here/archive" --version >/dev/null # builds the jar and its class data if needed

log="$(mktemp)"
"$here/archive" serve --index "$index" --port 0 >"$log" 2>&1 &
launcher=$!
trap 'kill "$launcher" 2>/dev/null || true; rm -f "$log"' EXIT
url="$(wait_for_url "$log")"
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$launcher/status"; }

echo "server: $url  index: $index ($(du -sh "$index" | cut -f1))  opts: ${ARCHIVE_JAVA_OPTS:-launcher default}"
machine
sleep 2
echo "resident at start: $(rss)"
curl -s -o /dev/null "${url}api/search?q=warmup"
echo "after one search:  $(rss)"
for run in $(seq "$runs"); do
  java "$here/bench/LoadTest.java" "${url%/}" "$threads" "$seconds" | sed "s/^/run $run: /"
  echo "run $run: resident after: $(rss)"
done
