#!/usr/bin/env bash
# Known-item relevance on real blogs: for sampled entries of each site, a two-word query of the
# kind a reader who remembers the post types (two words of one sentence that together occur in that
# entry alone), run against a fresh index of the site through `archive serve`'s /api/search; prints
# success@1 (the entry first), success@3 and MRR@10 per site and overall, and writes the queries,
# every result and the failures as TSV files. bench/relevance.py says exactly how queries are made.
#   bench/relevance.sh [--seed N] [--per-site N] [--queries FILE] [--out DIR] [--pagefind] [LABEL=]SITE_DIR...
# --pagefind runs Pagefind (npm-installed into a temporary folder) on the same entry pages of sites of
# built HTML and queries, through bench/relevance_pagefind.mjs, and prints its figures alongside.
# SITE_DIR is a folder of Markdown sources or of a built site, as `archive index` takes it; it is
# read, never changed. Keep fetched blogs out of the repository. Needs python3 (standard library
# only); --pagefind also needs node and npm. The same seed, sites and jar give the same queries and
# figures: quote them with the command, the commit and the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/common.sh
. "$here/bench/common.sh"
if [ $# -eq 0 ]; then
  echo "usage: bench/relevance.sh [--seed N] [--per-site N] [--queries FILE] [--out DIR] [--pagefind] [LABEL=]SITE_DIR..." >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "bench/relevance.sh needs python3" >&2; exit 2; }
"$here/archive" --version >/dev/null # builds the jar and its class data if needed
echo "archive: $("$here/archive" --version | head -1), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?'), code last changed in $(git -C "$here" log -1 --format=%h -- src pom.xml 2>/dev/null || echo '?')"
machine
python3 "$here/bench/relevance.py" --archive "$here/archive" "$@"
