"""Scores archive's extraction with the article-extraction-benchmark's evaluate.py; see extraction.sh.

usage: extraction.py BENCHMARK_DIR WORK_DIR, where WORK_DIR/archive.jsonl holds `archive show --json`
for WORK_DIR/html/KEY.html. Writes the benchmark's inputs for the pages kept into WORK_DIR, runs
the benchmark's own evaluate.py there, and prints one table, best F1 first.
"""

import json
import os
import shutil
import subprocess
import sys


def article_body(entry):
    """The entry's text as the index holds it: every section's heading, then its text."""
    parts = []
    for section in entry["sections"]:
        if section["heading"]:
            parts.append(section["heading"])
        parts.append(section["text"])
    return "\n".join(parts)


def main(bench, work):
    truth = json.load(open(os.path.join(bench, "ground-truth.json"), encoding="utf8"))
    ours, noindex, empty = {}, [], {}
    for line in open(os.path.join(work, "archive.jsonl"), encoding="utf8"):
        shown = json.loads(line)
        key = os.path.basename(shown["source"])[: -len(".html")]
        if shown["skipped"] == "noindex":
            noindex.append(key)
        elif shown["error"] or shown["skipped"]:
            empty[key] = shown["error"] or shown["skipped"]
            ours[key] = {"articleBody": ""}
        else:
            ours[key] = {"articleBody": article_body(shown)}
    kept = [key for key in truth if key not in noindex]
    missing = [key for key in kept if key not in ours]
    if missing:
        sys.exit(f"archive show gave nothing for {len(missing)} pages, e.g. {missing[0]}")

    scored = os.path.join(work, "scored")
    os.makedirs(os.path.join(scored, "output"))
    write(os.path.join(scored, "ground-truth.json"), {k: truth[k] for k in kept})
    write(os.path.join(scored, "output", "archive.json"), {k: ours[k] for k in kept})
    for name in sorted(os.listdir(os.path.join(bench, "output"))):
        try:
            published = json.load(open(os.path.join(bench, "output", name), encoding="utf8"))
        except (OSError, ValueError):
            print(f"(left out {name}: not readable here)")
            continue
        outputs = published.get("output", published) if isinstance(published, dict) else {}
        if all(k in outputs for k in kept):
            filtered = {k: outputs[k] for k in kept}
            if "output" in published and "version" in published:
                filtered = {"version": published["version"], "output": filtered}
            write(os.path.join(scored, "output", name), filtered)
    shutil.copy(os.path.join(bench, "evaluate.py"), scored)
    subprocess.run(
        [sys.executable, "evaluate.py", "--n-bootstrap", "200", "--output", "metrics.json"],
        cwd=scored, check=True, stdout=subprocess.DEVNULL)
    metrics = json.load(open(os.path.join(scored, "metrics.json"), encoding="utf8"))

    print(f"pages scored: {len(kept)} of {len(truth)}; left out for every extractor, as noindex: "
          + (", ".join(k[:12] for k in noindex) or "none"))
    print(f"pages archive left empty: {len(empty)}"
          + "".join(f"\n  {k[:12]}: {why}" for k, why in sorted(empty.items())))
    print(f"\n{'extractor':<22} {'F1':>6} {'precision':>10} {'recall':>7}")
    for name, m in sorted(metrics.items(), key=lambda item: -item[1]["f1"]):
        mark = "  <- archive" if name == "archive" else ""
        print(f"{name:<22} {m['f1']:6.3f} {m['precision']:10.3f} {m['recall']:7.3f}{mark}")


def write(path, value):
    with open(path, "w", encoding="utf8") as out:
        json.dump(value, out, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
