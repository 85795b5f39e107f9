#!/usr/bin/env bash
# Scores the main-content extraction of `archive show --json` on scrapinghub's
# article-extraction-benchmark (181 real article pages with hand-checked bodies), side by side with
# the published outputs of other extractors that the benchmark ships, all scored by the benchmark's
# own evaluate.py on the same pages. Pages that `archive` leaves out as noindex are left out for
# every extractor, and listed.
#   bench/extraction.sh BENCHMARK_DIR
# BENCHMARK_DIR is a local copy of https://github.com/scrapinghub/article-extraction-benchmark
# (html/, ground-truth.json, evaluate.py, output/); it is read, never changed, and never committed
# here. Needs python3.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bench="${1:-}"
if [ -z "$bench" ] || [ ! -f "$bench/ground-truth.json" ] || [ ! -d "$bench/html" ] || [ ! -f "$bench/evaluate.py" ]; then
  echo "usage: bench/extraction.sh BENCHMARK_DIR, a copy of github.com/scrapinghub/article-extraction-benchmark (with html/, ground-truth.json and evaluate.py)" >&2
  exit 2
fi
bench="$(cd "$bench" && pwd)"
command -v python3 >/dev/null || { echo "bench/extraction.sh needs python3" >&2; exit 2; }
"$here/archive" --version >/dev/null # builds the jar if needed

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/html"
for page in "$bench"/html/*.html.gz; do
  gunzip -c "$page" >"$work/html/$(basename "$page" .gz)"
done
start=$(date +%s.%N)
# exit 1 means some argument could not be read; its error line is in the JSON, and counted below
(cd "$work/html" && "$here/archive" show --json --site . ./*.html) >"$work/archive.jsonl" || [ $? -eq 1 ]
end=$(date +%s.%N)
echo "archive show: $(ls "$work/html" | wc -l) pages in $(echo "$end - $start" | bc) s, JVM start included"
python3 "$here/bench/extraction.py" "$bench" "$work"
