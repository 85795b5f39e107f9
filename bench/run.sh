#!/usr/bin/env bash
# Measures archive on a folder of entries: fresh index, no-op re-index, and one search, each
# repeated RUNS times (default 5); prints medians of wall time and of peak resident memory.
#   bench/run.sh SITE_DIR [QUERY]
# Runs the ./archive launcher (as a user would, with its class data sharing) under GNU time.
# Timings are for this machine only:
# quote them with `nproc`, the CPU model and the load it had.
set -euo pipefail
site="${1:?usage: bench/run.sh SITE_DIR [QUERY]}"
query="${2:-kubernetes}"
runs="${RUNS:-5}"
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/target/archive.jar"
launcher="$here/archive"
"$launcher" --version >/dev/null # builds the jar and its class data if needed
index="$(mktemp -d)"
trap 'rm -rf "$index"' EXIT

measure() { # label, then the command; appends "seconds kilobytes" lines to $out
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$out.one" "$@" >/dev/null 2>&1
  cat "$out.one" >>"$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
report() { # label, file
  printf '%-22s wall %6.2f s   peak RSS %5.0f MB   (median of %d)\n' "$1" \
    "$(cut -d' ' -f1 "$2" | median)" "$(cut -d' ' -f2 "$2" | median | awk '{print $1/1024}')" "$runs"
}

files=$(find "$site" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.html' -o -name '*.htm' \) | wc -l)
echo "site: $site ($files candidate files, $(du -sh "$site" | cut -f1)); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
tmp="$(mktemp -d)"
for _ in $(seq "$runs"); do
  rm -rf "$index"/*
  measure "$tmp/full" "$launcher" index "$site" --index "$index"
  measure "$tmp/noop" "$launcher" index "$site" --index "$index"
  measure "$tmp/search" "$launcher" search --index "$index" "$query"
done
report "index (fresh)" "$tmp/full"
report "re-index (no change)" "$tmp/noop"
report "search '$query'" "$tmp/search"
echo "index size: $(du -sh "$index" | cut -f1)"
rm -rf "$tmp"
