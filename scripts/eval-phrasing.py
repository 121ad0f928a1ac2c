#!/usr/bin/env python3
"""Ranking quality on the hand-written phrasing set (issue 14 §2): for every query in
Tests/ErrWikiKitTests/Fixtures/phrasing-eval.tsv, where does the expected article rank?

  scripts/eval-phrasing.py [--misses] [--set FILE] [BINARY [CONTENT]]

BINARY defaults to .build/release/errwiki and CONTENT to Content. Each query runs as
`BINARY lookup --json --limit 10 --content CONTENT -- QUERY` with XDG_CACHE_HOME set to a fresh
temporary directory. Prints count, recall@1, recall@3 and MRR per style and overall; the rank
counts only results of kind "article" (catalog rows are skipped), and a missing expected id
scores 0. --misses also lists every query whose expected id is not first.
"""
import json, os, shutil, subprocess, sys, tempfile

DEFAULT_SET = "Tests/ErrWikiKitTests/Fixtures/phrasing-eval.tsv"
STYLES = ["symptom", "paraphrase", "question", "sloppy", "noisy-code"]


def parse_arguments(argv):
    misses, eval_set, positional = False, DEFAULT_SET, []
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--misses":
            misses = True
        elif argument == "--set":
            eval_set = next(arguments, None) or sys.exit("--set needs a file")
        elif argument in ("-h", "--help"):
            sys.exit(__doc__)
        elif argument.startswith("--"):
            sys.exit(f"unknown option {argument}\n{__doc__}")
        else:
            positional.append(argument)
    if len(positional) > 2:
        sys.exit(__doc__)
    binary = positional[0] if positional else ".build/release/errwiki"
    content = positional[1] if len(positional) > 1 else "Content"
    return misses, eval_set, binary, content


def read_set(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 3 or not all(field.strip() for field in fields):
                sys.exit(f"{path}:{number}: expected <style>\\t<expected-id>\\t<query>")
            rows.append(tuple(field.strip() for field in fields))
    return rows


def ranked_articles(binary, content, query, env):
    process = subprocess.run([binary, "lookup", "--json", "--limit", "10", "--content", content, "--", query],
                             env=env, capture_output=True, text=True)
    if process.returncode not in (0, 1):  # 1 is "no match", which still prints JSON
        sys.exit(f"lookup failed ({process.returncode}) for {query!r}:\n{process.stderr}")
    results = json.loads(process.stdout).get("results", [])
    return [result.get("id") for result in results if result.get("kind") == "article"]


def main():
    show_misses, eval_set, binary, content = parse_arguments(sys.argv[1:])
    rows = read_set(eval_set)
    cache = tempfile.mkdtemp(prefix="errwiki-eval-")
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    try:
        scored = []  # (style, expected, query, rank or None, ids)
        for style, expected, query in rows:
            ids = ranked_articles(binary, content, query, env)
            rank = ids.index(expected) + 1 if expected in ids else None
            scored.append((style, expected, query, rank, ids))
    finally:
        shutil.rmtree(cache, ignore_errors=True)

    def summary(items):
        n = len(items)
        if n == 0:
            return (0, 0.0, 0.0, 0.0)
        at1 = sum(1 for item in items if item[3] == 1) / n
        at3 = sum(1 for item in items if item[3] is not None and item[3] <= 3) / n
        mrr = sum(1 / item[3] for item in items if item[3] is not None) / n
        return (n, at1, at3, mrr)

    styles = STYLES + sorted({item[0] for item in scored} - set(STYLES))
    print(f"{'style':<12} {'count':>5} {'recall@1':>9} {'recall@3':>9} {'MRR':>6}")
    for style in styles + ["overall"]:
        items = scored if style == "overall" else [item for item in scored if item[0] == style]
        if not items:
            continue
        n, at1, at3, mrr = summary(items)
        print(f"{style:<12} {n:>5} {at1:>9.3f} {at3:>9.3f} {mrr:>6.3f}")

    if show_misses:
        missed = [item for item in scored if item[3] != 1]
        print(f"\nmisses ({len(missed)}): style, expected (rank), query -> first three articles")
        for style, expected, query, rank, ids in missed:
            where = f"rank {rank}" if rank else "absent"
            print(f"{style}\t{expected} ({where})\t{query}\t-> {', '.join(ids[:3]) or '(no results)'}")


if __name__ == "__main__":
    main()
