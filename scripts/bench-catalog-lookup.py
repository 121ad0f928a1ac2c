#!/usr/bin/env python3
"""A catalog lookup against an article lookup: one binary, one warm index, whole process, the
queries interleaved in one run (the machine is noisy: read the ratio of the medians).

  scripts/bench-catalog-lookup.py [BINARY] [CONTENT_DIR] [RUNS]     (defaults: .build/release/errwiki Content 20)

Article queries are answered by the ranker alone; catalog queries by the code catalogs in the same
index (an entry with no article, an ambiguous number, a code inside a pasted line, an entry above
its article).
"""
import os, statistics, subprocess, sys, tempfile, time

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/errwiki"
content = sys.argv[2] if len(sys.argv) > 2 else "Content"
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
groups = {
    "article": ["oom", "disk full", "port already in use", "conection refused"],
    "catalog": ["EPROTONOSUPPORT", "5", "[Errno 28] No space left on device", "0x80070005", "ERR_INVALID_ARG_TYPE", "ENOSPC"],
}
cache = tempfile.mkdtemp()
env = dict(os.environ, XDG_CACHE_HOME=cache, NO_COLOR="1")


def lookup(query):
    start = time.perf_counter()
    subprocess.run([binary, "lookup", "--no-pager", "--content", content, query], env=env, capture_output=True)
    return (time.perf_counter() - start) * 1000


for _ in range(2):
    lookup("oom")  # build, then warm, the index
times = {name: [] for name in groups}
for _ in range(runs):
    for name, queries in groups.items():
        for query in queries:
            times[name].append(lookup(query))
medians = {name: statistics.median(values) for name, values in times.items()}
for name, values in times.items():
    values.sort()
    print(f"{name:8} lookups: median {medians[name]:.1f} ms, p95 {values[int(0.95 * (len(values) - 1))]:.1f} ms over {len(values)} runs")
print(f"catalog / article: {medians['catalog'] / medians['article']:.2f}")
