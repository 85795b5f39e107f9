#!/usr/bin/env python3
"""Known-item relevance of `archive search` on real blogs: does the entry a reader remembers come first?

Run through bench/relevance.sh (which builds the jar and prints the machine line); this file does the
work, with the Python 3 standard library only.

  bench/relevance.sh [options] [LABEL=]SITE_DIR...

For each site folder (Markdown sources or built HTML):
  1. index it into a fresh temporary index (`archive index SITE --index TMP`) and read every entry
     with `archive show --json --site SITE FILE...` (every .md, .markdown, .html and .htm file not in a
     hidden folder or node_modules); entries are what is neither an error nor skipped, of kind `entry`,
     and not a draft;
  2. sample up to --per-site entries with --seed and make ONE query for each, the way a reader who
     remembers a post types it: two words from one sentence of its text, such that
       - the entry is the only one of the site whose searchable text (title, subtitle, tags,
         categories, headings, body) holds both words in exactly that form (case-insensitive),
       - each word alone is in at least 2 entries (the pair identifies the entry, not one rare word),
       - each word has 3 letters or more and is not a stop word,
       - words not next to each other are preferred, but both come from the same sentence.
     Sentences are split on . ! ? (followed by a space), 。！？ and line and paragraph breaks;
     sentences that look like code or lists of names (fewer than 4 tokens, under 60% plain words,
     or marks of code: a leading # $ // >, braces, == -> => (); or " = "), and lines of a metadata
     header read as text (Pelican's "Title: … Date: …"), are not used. A word is a whitespace-separated token that is all ASCII letters once the
     punctuation around it is stripped. "Holds a word" is checked generously, the way the index can
     find it: every run of letters counts (accents folded), and so do the parts of camelCase
     identifiers, so `os.path.join` holds `join`.
     Chinese and Japanese text (an entry whose Han characters outnumber its Latin words): with no
     dictionary at hand, the site's own text is the dictionary: a word is two Han characters that
     somewhere in the site stand alone twice, as a run of exactly two between punctuation, spaces, Latin
     or particles (的 了 是 在 …, HAN_PARTICLES), and that are not a function word (可以 我们 …,
     HAN_STOP); such a word counts wherever it appears in a run (日志 and 存储 in 日志存储, never
     志存). Sentences also end at 。！？ and need 6 Han characters. Two words must not overlap. An
     entry with no pair in its own script tries the other.
     The queries go to queries.tsv (site, query, expected id, title, mode, sentence);
  3. start `archive serve --index TMP --port 0` once per site and ask /api/search for each query
     (top 10; when the entry is not among them, further pages of 50 until it is found or the results
     end, for recall);
  4. print, per site and overall: entries, queries, success@1 (the intended entry first), success@3,
     MRR@10 (1/rank, 0 past 10), how many were found at all, and "snippet": of the entries in the
     first ten, the share whose own snippet marks a form of every query word; every query whose
     entry is not first goes to failures.tsv with what came first and facts that help tell why (which query words the
     winner holds in the exact form, which forms its snippet marks, lengths and dates).

Options:
  --seed N         sampling seed (default 12); each site is seeded with it and its label, so adding
                   a site leaves the others' queries unchanged
  --per-site N     queries per site at most (default 60)
  --queries FILE   run the queries of a queries.tsv written before instead of sampling (its site
                   labels must be those given now): the same queries before and after a change
  --out DIR        where queries.tsv, results.tsv and failures.tsv go (default: a new temporary folder)
  --pagefind       also run Pagefind on the same queries for sites of built HTML (npm installs
                   pagefind into a temporary folder; bench/relevance_pagefind.mjs indexes the same
                   entry pages with Pagefind's Node API and searches them with its own pagefind.js;
                   where most pages have no <html lang>, Pagefind is told the language archive
                   found, as its forceLanguage, since it cannot split Chinese into words otherwise)
  --archive PATH   the launcher (default: ./archive beside bench/)

LABEL names a site in the tables (default: the folder's name). Figures depend on the seed, the sites'
contents and the jar: quote them with the command and the commit.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
import urllib.request

# English function words and the most common verbs: a reader does not type them to find a post
STOP = set(
    """
a about above after again against all almost also although always am among an and another any
anyone anything are around as at away back be became because become been before being below
between both but by can cannot could did do does doing done down during each either else enough
etc even ever every few for from further get gets getting got had has have having he her here hers
herself him himself his how however i if in into is it its itself just least less let lets like
made make makes many may me might mine more most much must my myself neither never no nor not now
of off often on once one only onto or other others otherwise our ours ourselves out over own per
perhaps put quite rather really same say said says see seem seems several shall she should since
so some something sometimes still such than that the their theirs them themselves then there
therefore these they thing things this those though through thus to together too toward towards
under until up upon us use used uses using very via want was way we well were what whatever when
where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves able actually already anyway came come comes going gone good great know new
non often okay pretty put re right sure take takes took use went yes
""".split()
)

# Han characters that are grammar, not topic: they end a word wherever they stand (HAN_PIECE)
HAN_PARTICLES = "的了是在和与也就都着把被呢吗吧啊及或并而之其这那我你他她它们个"
# two-character function words: no one types them to find a post
HAN_STOP = set(
    """
    可以 我们 你们 他们 这个 那个 一个 一些 一种 一下 没有 什么 因为 所以 但是 如果 然后 就是 还是
    或者 以及 已经 这些 那些 这样 那样 这里 那里 自己 其中 通过 进行 需要 可能 之后 之前 时候 不是
    而且 并且 其他 只是 同时 对于 关于 由于 为了 虽然 而是 也是 都是 还有 现在 所有 以后 以上 以下
    非常 比较 直接 主要 具体 等等 即可 一样 怎么 这么 那么 不会 不能 可是 其实 一般 一直 一定
    """.split()
)
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
HAN_PIECE = re.compile(f"[^{HAN_PARTICLES}]+")
LETTER_RUN = re.compile(r"[A-Za-z]+")
CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|[\n\r\u2028\u2029]+|(?<=[。！？])")
STRIP = "\"'`()[]{}<>,;:.!?*_~#|/\\“”‘’«»…-–—"
WORD = re.compile(r"[A-Za-z]{3,}")
# what marks a line as code or a shell session rather than prose
CODE = re.compile(r"^\s*(#|\$|//|>)|[{}]|==|->|=>|\(\);|\s=\s")
# a metadata header that the parser did not take for one (Pelican's "Title: … Date: … Tags: …")
METADATA = re.compile(r"\b(Title|Date|Tags|Category|Slug|Author|Summary|Modified):\s")
EXTENSIONS = (".md", ".markdown", ".html", ".htm")
TOP = 10
URL_IN_LOG = re.compile(r"http://127\.0\.0\.1:[0-9]+/")


def fold(text):
    """Accents off (café → cafe), as the index folds them."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def latin_forms(text):
    """Every lowercased form the index could match in text: runs of letters and camelCase parts."""
    forms = set()
    for run in LETTER_RUN.findall(fold(text)):
        forms.add(run.lower())
        for part in CAMEL.findall(run):
            forms.add(part.lower())
    return forms


def han_pairs(text):
    """Every two Han characters side by side in one run."""
    pairs = set()
    for run in HAN_RUN.findall(text):
        for i in range(len(run) - 1):
            pairs.add(run[i : i + 2])
    return pairs


def site_files(site):
    """The files `archive show` reads: as the indexer walks, hidden folders and node_modules left out."""
    found = []
    for root, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        for name in sorted(files):
            if name.lower().endswith(EXTENSIONS) and not name.startswith("."):
                found.append(os.path.join(root, name))
    return found


def show(archive, site, files, log):
    """`archive show --json` on the files, in batches; one object per file."""
    shown = []
    for start in range(0, len(files), 200):
        batch = files[start : start + 200]
        run = subprocess.run(
            [archive, "show", "--json", "--site", site, *batch],
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if run.returncode not in (0, 1):  # 1: some argument could not be read, said in its object
            sys.exit(f"archive show failed ({run.returncode}) on {site}; see {log.name}")
        shown.extend(json.loads(line) for line in run.stdout.splitlines() if line.strip())
    return shown


class Entry:
    """An entry as `archive show --json` gives it, with the word forms the index can match in it."""

    def __init__(self, shown):
        self.id = shown["id"]
        self.path = shown["path"]
        self.url = shown["url"]
        self.source = shown["source"]
        self.title = shown["title"] or ""
        self.date = shown["date"] or ""
        self.lang = shown["lang"] or ""
        self.text = shown["text"] or ""
        headings = " \n".join(s["heading"] for s in shown["sections"] or [] if s["heading"])
        searchable = "\n".join(
            [
                self.title,
                shown["subtitle"] or "",
                " ".join(shown["tags"] or []),
                " ".join(shown["categories"] or []),
                headings,
                self.text,
            ]
        )
        self.latin = latin_forms(searchable)
        self.han = han_pairs(searchable)
        han_chars = sum(len(r) for r in HAN_RUN.findall(self.text))
        latin_words = len(re.findall(r"[A-Za-z]{2,}", self.text))
        self.words = latin_words + han_chars // 2  # length, a Han word taken as two characters
        self.mode = "han" if han_chars > latin_words else "latin"


def sentences(text):
    return [s.strip() for s in SENTENCE_SPLIT.split(text) if s and s.strip()]


def latin_candidates(sentence, ok):
    """(position, word) of the usable words of a sentence, or none when it reads as code or a list."""
    tokens = sentence.split()
    if len(tokens) < 4 or CODE.search(sentence) or METADATA.search(sentence):
        return []
    plain = [t.strip(STRIP) for t in tokens]
    if sum(1 for t in plain if t.isalpha()) < 0.6 * len(tokens):
        return []
    found = []
    for position, token in enumerate(plain):
        if WORD.fullmatch(token):
            word = token.lower()
            if ok(word):
                found.append((position, word))
    return found


def han_lexicon(texts):
    """The two-character words a site's own text shows standing alone at least twice: a run of
    exactly two Han characters between other characters (punctuation, spaces, Latin) or particles
    (HAN_PARTICLES), such as 存储 in 日志采集，存储，可视化 or 框架 in 使用 pytest 框架."""
    seen = {}
    for text in texts:
        for run in HAN_RUN.findall(text):
            for piece in HAN_PIECE.findall(run):
                if len(piece) == 2 and piece not in HAN_STOP:
                    seen[piece] = seen.get(piece, 0) + 1
    return {word for word, count in seen.items() if count >= 2}


def han_candidates(sentence, ok, lexicon):
    """(position, word) of every two Han characters side by side in the sentence that the site's
    lexicon knows as a word (han_lexicon): 日志 and 存储 in 日志存储, never 志存."""
    if sum(len(r) for r in HAN_RUN.findall(sentence)) < 6 or CODE.search(sentence) or METADATA.search(sentence):
        return []
    found = []
    for run in HAN_RUN.finditer(sentence):
        for i in range(len(run.group()) - 1):
            word = run.group()[i : i + 2]
            if word in lexicon and ok(word):
                found.append((run.start() + i, word))
    return found


def pick_query(entry, index, entries_of, lexicon, rng, mode):
    """Two words of one sentence that only this entry holds together, or None.

    Sentences are tried in random order; the first with a valid pair of words that are not next to
    each other gives the query; failing that, the first valid pair of neighbours.
    """
    han = mode == "han"
    df = entries_of["han" if han else "latin"]

    def ok(word):
        return len(df.get(word, ())) >= 2 and (han or word not in STOP)

    order = sentences(entry.text)
    rng.shuffle(order)
    fallback = None
    for sentence in order:
        cands = han_candidates(sentence, ok, lexicon) if han else latin_candidates(sentence, ok)
        near = 2 if han else 1  # how far apart neighbours start: a Han word is two characters
        apart, next_to = [], []
        for i, (p1, w1) in enumerate(cands):
            for p2, w2 in cands[i + 1 :]:
                if w1 == w2 or abs(p2 - p1) < near:
                    continue
                if df[w1] & df[w2] != {index}:
                    continue
                (next_to if abs(p2 - p1) == near else apart).append((w1, w2, p2 - p1))
        if apart:
            w1, w2, gap = rng.choice(apart)
            return f"{w1} {w2}", sentence, gap
        if next_to and fallback is None:
            w1, w2, gap = rng.choice(next_to)
            fallback = (f"{w1} {w2}", sentence, gap)
    return fallback


def make_queries(label, entries, per_site, seed):
    entries_of = {"latin": {}, "han": {}}
    for i, e in enumerate(entries):
        for w in e.latin:
            entries_of["latin"].setdefault(w, set()).add(i)
        for w in e.han:
            entries_of["han"].setdefault(w, set()).add(i)
    lexicon = han_lexicon(e.text for e in entries)
    rng = random.Random(f"{seed}:{label}")
    order = list(range(len(entries)))
    rng.shuffle(order)
    queries, none = [], 0
    for i in order:
        if len(queries) == per_site:
            break
        e = entries[i]
        picked = None
        for mode in (e.mode, "latin" if e.mode == "han" else "han"):
            picked = pick_query(e, i, entries_of, lexicon, rng, mode)
            if picked:
                break
        if not picked:
            none += 1
            continue
        query, sentence, gap = picked
        queries.append(
            {"site": label, "query": query, "id": e.id, "title": e.title, "mode": mode,
             "gap": gap, "sentence": " ".join(sentence.split())[:300]}
        )
    return queries, none


QUERY_COLUMNS = ["site", "query", "id", "title", "mode", "gap", "sentence"]


def write_tsv(path, columns, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(str(row.get(c, "")).replace("\t", " ").replace("\n", " ") for c in columns) + "\n")


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        columns = f.readline().rstrip("\n").split("\t")
        return [dict(zip(columns, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


class Server:
    """`archive serve` on an index, on a port the OS picks, for as long as the `with` lasts."""

    def __init__(self, archive, index, log):
        self.log = log
        self.proc = subprocess.Popen(
            [archive, "serve", "--index", index, "--port", "0"],
            stdout=log, stderr=subprocess.STDOUT,
        )
        self.base = None
        for _ in range(600):
            with open(log.name, encoding="utf-8", errors="replace") as f:
                found = URL_IN_LOG.search(f.read())
            if found:
                self.base = found.group()
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        if not self.base:
            self.stop()
            sys.exit(f"archive serve did not start; see {log.name}")

    def search(self, query, page=1, size=TOP):
        params = urllib.parse.urlencode(
            {"q": query, "page": page, "size": size,
             "fields": "id,path,url,title,date,score,snippetText,snippetMatches,sections"}
        )
        with urllib.request.urlopen(f"{self.base}api/search?{params}", timeout=60) as answer:
            return json.load(answer)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def same_entry(hit, expected):
    return expected in (hit.get("id"), hit.get("path"), hit.get("url"))


def marked_forms(hit):
    """The words a hit's snippets mark, lowercased: the forms the query matched there."""
    forms = []
    for part in [hit] + hit.get("sections", []):
        text = part.get("snippetText") or ""
        for start, end in part.get("snippetMatches") or []:
            form = text[start:end].lower()
            if form not in forms:
                forms.append(form)
    return forms


def snippet_shows_all(hit, query):
    """Whether the hit's own snippet (not its sections') marks a form of every word of the query: a
    form counts for a word when it is the word or they share all but their last three letters
    (failure, failures; metric, metrics), at least three; a Chinese word is marked as itself."""
    text = hit.get("snippetText") or ""
    marked = [text[a:b].lower() for a, b in hit.get("snippetMatches") or []]

    def covers(form, word):
        if form == word:
            return True
        common = len(os.path.commonprefix([form, word]))
        return common >= max(3, min(len(form), len(word)) - 3)

    return all(any(covers(m, w) for m in marked) for w in query.lower().split())


def exact_in(entry, query, mode):
    forms = entry.han if mode == "han" else entry.latin
    return [w for w in query.split() if w in forms]


def closest(entry, words, mode):
    """How near the two words come in the entry's text: words between them (Latin) or characters
    (Han); None when one is missing."""
    text = entry.text.lower()
    if mode == "han":
        spots = [[m.start() for m in re.finditer(re.escape(w), text)] for w in words]
    else:
        tokens = LETTER_RUN.findall(fold(text))
        spots = [[i for i, t in enumerate(tokens) if t == w] for w in words]
    if not all(spots):
        return None
    return min(abs(a - b) for a in spots[0] for b in spots[1])


def stem_like(word, other):
    """A rough stand-in for the index's stemming, for diagnosis only: the same word, or a long
    enough common beginning (late, lately; constant, constants)."""
    if word == other:
        return True
    common = len(os.path.commonprefix([word, other]))
    return common >= 4 and common >= min(len(word), len(other)) - 3


def in_title(entry, word, mode):
    if mode == "han":
        return word in entry.title
    return any(stem_like(word, t) for t in LETTER_RUN.findall(fold(entry.title).lower()))


def why(q, row, expected, winner):
    """Tags for what may have put another entry first, for the ranking work (facts, not proof):
      close-spelling  the query was widened to close spellings (fewer than 3 entries matched)
      any-word        the query was widened to any of its words
      exact-N         the winner holds N of the two words in the form typed (the rest in another form)
      title           a query word (or a form of it) is in the winner's title and not the entry's
      far-apart       in the entry, the two words never come within 10 words (20 Han characters)
      longer/shorter  the winner's text is over twice / under half as long as the entry's
      tie             the two scores are equal
    """
    tags = []
    note = row.get("note", "").lower()
    if "close spelling" in note:
        tags.append("close-spelling")
    if "any of" in note or "any word" in note:
        tags.append("any-word")
    words = q["query"].split()
    if winner is None or expected is None:
        return tags + ["unknown-entry"]
    tags.append(f"exact-{len(exact_in(winner, q['query'], q['mode']))}")
    if any(in_title(winner, w, q["mode"]) and not in_title(expected, w, q["mode"]) for w in words):
        tags.append("title")
    near = closest(expected, words, q["mode"])
    if near is not None and near > (20 if q["mode"] == "han" else 10):
        tags.append("far-apart")
    if expected.words and winner.words >= 2 * expected.words:
        tags.append("longer")
    elif winner.words and 2 * winner.words <= expected.words:
        tags.append("shorter")
    if row.get("expected_score") not in ("", None) and abs(row["expected_score"] - row["top_score"]) < 1e-6:
        tags.append("tie")
    return tags


def run_queries(server, queries, by_id):
    results = []
    for q in queries:
        answer = server.search(q["query"])
        hits = answer["results"]
        rank = next((i + 1 for i, h in enumerate(hits) if same_entry(h, q["id"])), None)
        found_at = rank
        page = 0
        while found_at is None and (page + 1) * 50 <= 1000 and page * 50 < answer["total"]:
            page += 1  # the entry is not in the top 10: is it found at all, and where?
            more = server.search(q["query"], page, 50)["results"]
            hit = next((i for i, h in enumerate(more) if same_entry(h, q["id"])), None)
            if hit is not None:
                found_at = (page - 1) * 50 + hit + 1
            if len(more) < 50:
                break
        row = dict(q)
        row.update({"rank": rank or "", "found_at": found_at or "", "total": answer["total"],
                    "note": answer.get("note") or ""})
        if hits:
            top = hits[0]
            winner = by_id.get(top.get("id"))
            expected = by_id.get(q["id"])
            row.update({
                "top_id": top.get("id"), "top_title": top.get("title"), "top_date": top.get("date") or "",
                "top_marked": ",".join(marked_forms(top)),
                "top_exact": ",".join(exact_in(winner, q["query"], q["mode"])) if winner else "?",
                "top_words": winner.words if winner else "",
                "expected_words": expected.words if expected else "",
                "expected_date": expected.date if expected else "",
                "expected_marked": ",".join(marked_forms(hits[rank - 1])) if rank else "",
                "snippet_all": int(snippet_shows_all(hits[rank - 1], q["query"])) if rank else "",
                "top_score": top.get("score"),
                "expected_score": hits[rank - 1].get("score") if rank else "",
                "top3": " | ".join(h.get("title") or "" for h in hits[:3]),
            })
            if rank != 1:
                row["why"] = " ".join(why(q, row, expected, winner))
        results.append(row)
    return results


RESULT_COLUMNS = QUERY_COLUMNS + [
    "rank", "found_at", "total", "note", "expected_date", "expected_words", "expected_marked", "snippet_all",
    "top_id", "top_title", "top_date", "top_words", "top_exact", "top_marked", "expected_score",
    "top_score", "why", "top3",
]


def snippets(results):
    """The share of the entries found in the first ten whose snippet marks every query word."""
    shown = [r for r in results if r["rank"]]
    return sum(1 for r in shown if r.get("snippet_all") == 1) / len(shown) if shown else 0.0


def figures(ranks):
    n = len(ranks)
    if n == 0:
        return {"n": 0, "s1": 0.0, "s3": 0.0, "mrr": 0.0, "top10": 0}
    return {
        "n": n,
        "s1": sum(1 for r in ranks if r == 1) / n,
        "s3": sum(1 for r in ranks if r and r <= 3) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
        "top10": sum(1 for r in ranks if r),
    }


def untagged_language(entries):
    """The language most entries are in, by archive's reading, when most of their pages do not say
    theirs (no <html lang>): Pagefind then needs it said (its forceLanguage), as a site's owner
    would, or it cannot split Chinese or Japanese text into words. None otherwise."""
    untagged = 0
    for e in entries:
        with open(e.source, encoding="utf-8", errors="replace") as f:
            untagged += not re.search(r"<html[^>]*\slang=", f.read(20000), re.I)
    langs = [e.lang.split("-")[0] for e in entries if e.lang]
    if 2 * untagged <= len(entries) or not langs:
        return None
    return max(sorted(set(langs)), key=langs.count)


def pagefind_ranks(script, work, label, entries, queries):
    """Ranks of the intended entries under Pagefind, or None with the reason printed."""
    job = os.path.join(work, f"pagefind-{label}.json")
    out = os.path.join(work, f"pagefind-{label}.out.json")
    language = untagged_language(entries)
    if language:
        print(f"{label}: most pages say no language; Pagefind is told {language} (forceLanguage)", file=sys.stderr)
    with open(job, "w", encoding="utf-8") as f:
        json.dump({
            "pages": [{"id": e.id, "file": os.path.abspath(e.source)} for e in entries],
            "queries": [q["query"] for q in queries],
            "output": os.path.join(work, f"pagefind-{label}"),
            "result": out,
            "language": language,
        }, f)
    folder = os.path.join(work, "pagefind-npm")
    local = shutil.copy(script, folder)  # run beside node_modules, where `import "pagefind"` resolves
    run = subprocess.run(["node", local, job], cwd=folder, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(f"pagefind on {label} failed: {run.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    with open(out, encoding="utf-8") as f:
        answers = json.load(f)
    return [next((i + 1 for i, found in enumerate(ids[:TOP]) if found == q["id"]), None)
            for q, ids in zip(queries, answers)]


def install_pagefind(work):
    folder = os.path.join(work, "pagefind-npm")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "package.json"), "w") as f:
        f.write('{"private": true, "type": "module"}\n')
    run = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", "pagefind@1"],
                         cwd=folder, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(f"npm install pagefind failed: {run.stderr.strip()[-500:]}", file=sys.stderr)
        return None
    version = json.load(open(os.path.join(folder, "node_modules", "pagefind", "package.json")))["version"]
    return version


def pct(x):
    return f"{100 * x:5.1f}%"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", metavar="[LABEL=]SITE_DIR")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--per-site", type=int, default=60)
    parser.add_argument("--queries")
    parser.add_argument("--out")
    parser.add_argument("--pagefind", action="store_true")
    parser.add_argument("--archive", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "archive"))
    args = parser.parse_args()
    for spec in args.sites:
        if not os.path.isdir(spec.rpartition("=")[2]):
            parser.error(f"{spec}: not a folder")

    out = args.out or tempfile.mkdtemp(prefix="relevance-")
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="relevance-work-")
    try:
        measure(args, out, work)
    finally:  # the temporary indexes and Pagefind's files go, whatever happened
        shutil.rmtree(work, ignore_errors=True)


def measure(args, out, work):
    log = open(os.path.join(out, "archive.log"), "w", encoding="utf-8")
    given = read_tsv(args.queries) if args.queries else None
    pagefind_script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "relevance_pagefind.mjs")
    pagefind_version = install_pagefind(work) if args.pagefind else None

    all_queries, all_results, rows = [], [], []
    for spec in args.sites:
        label, _, site = spec.rpartition("=")
        site = os.path.abspath(site)
        label = label or os.path.basename(site.rstrip("/"))
        files = site_files(site)
        shown = show(args.archive, site, files, log)
        entries = [Entry(s) for s in shown
                   if not s["error"] and not s["skipped"] and s["kind"] == "entry" and not s["draft"]]
        by_id = {e.id: e for e in entries}
        if given is not None:
            queries = [q for q in given if q["site"] == label]
            none = 0
        else:
            queries, none = make_queries(label, entries, args.per_site, args.seed)
        all_queries.extend(queries)

        index = os.path.join(work, f"index-{label}")
        indexed = subprocess.run([args.archive, "index", site, "--index", index],
                                 stdout=log, stderr=log, check=False)
        if indexed.returncode != 0:
            sys.exit(f"archive index {site} failed; see {log.name}")
        with open(os.path.join(work, f"serve-{label}.log"), "w") as serve_log, \
                Server(args.archive, index, serve_log) as server:
            started = time.time()
            results = run_queries(server, queries, by_id)
            took = time.time() - started
        all_results.extend(results)
        ranks = [r["rank"] or None for r in results]
        row = {"site": label, "entries": len(entries), "files": len(files), "unqueried": none,
               "archive": figures(ranks), "found": sum(1 for r in results if r["found_at"]),
               "snippet": snippets(results),
               "seconds": took}
        if pagefind_version and entries and all(e.source.lower().endswith((".html", ".htm")) for e in entries):
            pf = pagefind_ranks(pagefind_script, work, label, entries, queries)
            if pf is not None:
                row["pagefind"] = figures(pf)
                for r, p in zip(results, pf):
                    r["pagefind_rank"] = p or ""
        rows.append(row)
        made = f"from {args.queries}" if given is not None else f"({none} entries had no usable pair)"
        print(f"{label}: {len(entries)} entries of {len(files)} files, {len(queries)} queries {made}, "
              f"{took:.1f} s of searching", file=sys.stderr)

    write_tsv(os.path.join(out, "queries.tsv"), QUERY_COLUMNS, all_queries)
    columns = RESULT_COLUMNS + (["pagefind_rank"] if any("pagefind" in r for r in rows) else [])
    write_tsv(os.path.join(out, "results.tsv"), columns, all_results)
    write_tsv(os.path.join(out, "failures.tsv"), columns, [r for r in all_results if r["rank"] != 1])

    total = figures([r["rank"] or None for r in all_results])
    summary = rows + [{"site": "all", "entries": sum(r["entries"] for r in rows),
                       "archive": total, "found": sum(r["found"] for r in rows),
                       "snippet": snippets(all_results)}]
    with_pf = [r for r in rows if "pagefind" in r]
    if with_pf:  # the same figures for Pagefind, on the sites of built HTML and on all of them together
        sub = [r for r in all_results if r["site"] in {row["site"] for row in with_pf}]
        summary.append({"site": "all built HTML", "entries": sum(r["entries"] for r in with_pf),
                        "archive": figures([r["rank"] or None for r in sub]),
                        "found": sum(r["found"] for r in with_pf), "snippet": snippets(sub),
                        "pagefind": figures([r.get("pagefind_rank") or None for r in sub])})
    header = f"{'site':<16} {'entries':>7} {'queries':>7} {'success@1':>9} {'success@3':>9} {'MRR@10':>6} {'found':>5} {'snippet':>7}"
    if with_pf:
        header += f" | {'Pagefind s@1':>12} {'s@3':>6} {'MRR@10':>6}"
    print(header)
    for row in summary:
        f = row["archive"]
        line = (f"{row['site']:<16} {row['entries']:>7} {f['n']:>7} {pct(f['s1']):>9} {pct(f['s3']):>9} "
                f"{f['mrr']:6.3f} {row['found']:>5} {pct(row['snippet']):>7}")
        if "pagefind" in row:
            p = row["pagefind"]
            line += f" | {pct(p['s1']):>12} {pct(p['s3']):>6} {p['mrr']:6.3f}"
        print(line)
    if with_pf:
        print(f"Pagefind {pagefind_version}, on the same entry pages and queries (bench/relevance_pagefind.mjs)")
    print(f"queries: {os.path.join(out, 'queries.tsv')}  failures: {os.path.join(out, 'failures.tsv')}  "
          f"all: {os.path.join(out, 'results.tsv')}")
    log.close()


if __name__ == "__main__":
    main()
