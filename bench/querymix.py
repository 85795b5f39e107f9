#!/usr/bin/env python3
"""A mix of distinct search queries drawn from an archive's own words, for speed benchmarks.

Reads the Markdown entries of an archive (as ../shared/bench/gen.js or a real blog writes them:
front matter with `tags` and a `created`/`date` year, then the text) and writes N distinct queries,
a line each, as TSV: kind, query, sort. The kinds and their shares:

  common   15%  one word found in 5%-50% of the entries read
  rare     15%  one word found in 2 to 20 of them
  pair     20%  two words (4+ letters, not stop words) of one sentence of one entry
  phrase   15%  two or three consecutive words of one sentence, quoted
  prefix   10%  the first 3 to 5 letters of a common word, then *
  typo     15%  a word of 6+ letters with one letter dropped, doubled, swapped or replaced,
                that is not itself a word of the archive (so the search widens to close spellings)
  filtered 10%  tag:NAME or year:YYYY with a word the entry holds, sorted newest first (sort -date)

Distinct queries, so that no cache answers a repeat; the same archive and seed give the same file.

  bench/querymix.py ARCHIVE_DIR [--n 2000] [--seed 13] [--sample 5000] > queries.tsv
"""
import argparse
import os
import random
import re
import sys
from collections import Counter

STOP = set("""a an and are as at be but by for from had has have he her his i if in into is it its
me my no not of on or our she so than that the their them then there these they this to was we were
what when which who will with you your all any can could did do does just more most much one only
other out over some such very would about after also been before being both each few how like may
might must new now off once own same should still those through under until up upon while why yet""".split())

SHARES = [("common", 15), ("rare", 15), ("pair", 20), ("phrase", 15), ("prefix", 10),
          ("typo", 15), ("filtered", 10)]

WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


class Entry:
    def __init__(self, path, text):
        front, body = split_front_matter(text)
        tags = re.search(r"(?m)^tags:[ \t]*\[?(.*?)\]?[ \t]*$((?:\n[ \t]*-[ \t]*.+)*)", front)
        self.tags = re.findall(r"[\w-]+", tags.group(1) + tags.group(2)) if tags else []
        year = (re.search(r"(?m)^(?:created|date):\s*[\"']?(\d{4})", front)
                or re.match(r"(\d{4})-\d\d?-\d\d?-", os.path.basename(path)))
        self.year = year.group(1) if year else None
        prose = re.sub(r"(?m)^#+[^\n]*$|\*\*|```.*?```", " ", body, flags=re.S)
        self.sentences = [s for s in re.split(r"[.!?]\s+|\n\n", prose) if len(s.split()) >= 4]
        self.words = set(WORD.findall(body.lower()))


def split_front_matter(text):
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            return text[3:end], text[end + 4:]
    return "", text


def read(folder, sample, rng):
    files = sorted(os.path.join(d, f) for d, _, names in os.walk(folder) for f in names
                   if f.endswith((".md", ".markdown")))
    if not files:
        sys.exit(f"{folder}: no Markdown entries (.md) found")
    if len(files) > sample:
        files = rng.sample(files, sample)
    entries = []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as f:
            entries.append(Entry(path, f.read()))
    return entries


def typo(word, rng, vocabulary):
    for _ in range(20):
        i = rng.randrange(1, len(word) - 1)  # the first letter stays: typos rarely hit it
        how = rng.choice(["drop", "double", "swap", "replace"])
        if how == "drop":
            made = word[:i] + word[i + 1:]
        elif how == "double":
            made = word[:i] + word[i] + word[i:]
        elif how == "swap":
            made = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        else:
            made = word[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + word[i + 1:]
        if made != word and made not in vocabulary:
            return made
    return None


def plain(words):
    return [w for w in words if len(w) >= 4 and w not in STOP]


def make(kind, entries, df, rng, vocabulary):
    """One query of a kind, or None when this draw found none."""
    n = len(entries)
    entry = rng.choice(entries)
    if kind == "common":
        return rng.choice(df["common"]), ""
    if kind == "rare":
        return rng.choice(df["rare"]), ""
    if kind == "prefix":
        word = rng.choice([w for w in df["common"] if len(w) >= 5])
        return word[:rng.randint(3, 5)] + "*", ""
    if kind == "typo":
        word = rng.choice(df["long"])
        made = typo(word, rng, vocabulary)
        return (made, "") if made else None
    if kind == "filtered":
        word = rng.choice(plain(sorted(entry.words)) or [None])
        if word is None:
            return None
        if entry.tags and rng.random() < 0.5:
            return f"tag:{rng.choice(entry.tags)} {word}", "-date"
        if entry.year:
            return f"year:{entry.year} {word}", "-date"
        return None
    if not entry.sentences:
        return None
    words = WORD.findall(rng.choice(entry.sentences).lower())
    if kind == "pair":
        picked = plain(words)
        if len(picked) < 2:
            return None
        return " ".join(rng.sample(picked, 2)), ""
    if kind == "phrase":
        size = rng.choice([2, 3])
        if len(words) < size:
            return None
        start = rng.randrange(len(words) - size + 1)
        run = words[start:start + size]
        if all(w in STOP for w in run):
            return None
        return '"' + " ".join(run) + '"', ""
    raise ValueError(kind)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", help="folder of Markdown entries")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--sample", type=int, default=5000, help="entries read at most")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    entries = read(args.archive, args.sample, rng)
    counts = Counter(w for e in entries for w in e.words)
    n = len(entries)
    vocabulary = set(counts)
    df = {
        "common": sorted(w for w, c in counts.items()
                         if 0.05 * n <= c <= 0.5 * n and w not in STOP and len(w) >= 3),
        "rare": sorted(w for w, c in counts.items() if 2 <= c <= 20 and len(w) >= 4),
        "long": sorted(w for w, c in counts.items() if c >= 2 and len(w) >= 6),
    }
    for name, words in df.items():
        if not words:
            sys.exit(f"{args.archive}: too few entries to find {name} words; give a larger archive")
    out = set()
    writer = sys.stdout
    writer.write("kind\tquery\tsort\n")
    for kind, share in SHARES:
        wanted = round(args.n * share / 100)
        made = tries = 0
        while made < wanted and tries < wanted * 50:
            tries += 1
            query = make(kind, entries, df, rng, vocabulary)
            if query is None or query[0] in out:
                continue
            out.add(query[0])
            writer.write(f"{kind}\t{query[0]}\t{query[1]}\n")
            made += 1
        if made < wanted:
            print(f"{kind}: only {made} distinct queries of {wanted}", file=sys.stderr)


if __name__ == "__main__":
    main()
