#!/usr/bin/env python3
"""Whole-process lookup latency of two errwiki binaries, interleaved in one run (the machine is noisy:
read the ratios). Each binary gets its own warm index cache.

  scripts/bench-lookup-compare.py BEFORE_BINARY AFTER_BINARY CONTENT_DIR [RUNS]

For example, the ranking before and after issue 12 on 10,000 generated articles:
  git worktree add /tmp/before 45c1f2b && (cd /tmp/before && swift build -c release --static-swift-stdlib)
  make release && python3 ../shared/bench/gen_corpus.py --n 10000 --out /tmp/corpus10k
  scripts/bench-lookup-compare.py /tmp/before/.build/release/errwiki .build/release/errwiki /tmp/corpus10k
"""
import os, statistics, subprocess, sys, tempfile, time

if len(sys.argv) < 4:
    sys.exit(__doc__)
binaries = {"before": sys.argv[1], "after": sys.argv[2]}
content = sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 15
queries = ["oom", "ENOSPC", "disk full", "port already in use", "error", "failed", "connection", "conection refused",
           "process killed out of memory", "Out of memory: Killed process 4242 (java) total-vm:8123456kB"]
caches = {name: tempfile.mkdtemp() for name in binaries}

def lookup(name, *arguments):
    env = dict(os.environ, XDG_CACHE_HOME=caches[name])
    start = time.perf_counter()
    subprocess.run([binaries[name], "lookup", *arguments], env=env, capture_output=True)
    return (time.perf_counter() - start) * 1000

for name in binaries:  # build, then warm, each index
    for _ in range(2):
        lookup(name, "--list", "--content", content, "oom")
times = {name: {query: [] for query in queries} for name in binaries}
for _ in range(runs):
    for query in queries:
        for name in binaries:
            times[name][query].append(lookup(name, "--list", "--limit", "5", "--content", content, query))

print(f"{'query':45s} {'before':>10s} {'after':>10s}  ratio")
for query in queries:
    before, after = (statistics.median(times[name][query]) for name in binaries)
    print(f"{query[:45]:45s} {before:8.1f}ms {after:8.1f}ms  {after / before:.2f}")
before, after = (statistics.median([t for q in queries for t in times[name][q]]) for name in binaries)
print(f"{'median over all':45s} {before:8.1f}ms {after:8.1f}ms  {after / before:.2f}")
