#!/usr/bin/env bash
# Lookup latency, whole process, warm index: scripts/bench-lookup.sh [CONTENT_DIR | N]
#   CONTENT_DIR  an existing content folder (default: Content)
#   N            a generated corpus of N articles (../shared/bench/gen_corpus.py)
# Prints p50/p95 over many queries, then the first lookup after a one-file change and a cold build.
set -euo pipefail
cd "$(dirname "$0")/.."
arg=${1:-Content}
if [[ "$arg" =~ ^[0-9]+$ ]]; then
  content=${TMPDIR:-/tmp}/errwiki-corpus-$arg
  [ -d "$content" ] || python3 ../shared/bench/gen_corpus.py --n "$arg" --out "$content" >/dev/null
else
  content=$arg
fi
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 1; }
make -s release >/dev/null
bin=$PWD/.build/release/errwiki
export XDG_CACHE_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT
"$bin" lookup --list --content "$content" oom >/dev/null || true
sleep 0.2; "$bin" lookup --list --content "$content" oom >/dev/null || true

queries=(oom ENOSPC 137 "HTTP 502" ECONNREF crashloop "disk full" "port already in use"
         "process killed out of memory" "conection refused" "permision denied" "too many open files"
         "Out of memory: Killed process 4242 (java) total-vm:8123456kB")
args=()
for q in "${queries[@]}"; do args+=("$bin lookup --list --limit 5 --content $content '$q'"); done
hyperfine -N -i --warmup 2 --runs 25 --export-json "$XDG_CACHE_HOME/runs.json" "${args[@]}" >/dev/null
python3 - "$XDG_CACHE_HOME/runs.json" <<'PY'
import json, sys, statistics
runs = json.load(open(sys.argv[1]))["results"]
times = sorted(t * 1000 for r in runs for t in r["times"])
q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"warm lookups: {len(times)} runs over {len(runs)} queries: p50 {q(0.50):.1f} ms, p95 {q(0.95):.1f} ms, max {times[-1]:.1f} ms")
for r in runs:
    print(f"  {statistics.median(r['times'])*1000:6.1f} ms  {r['command'].split(' --content ')[1].split(' ', 1)[1]}")
PY
file=$(find "$content" -name '*.md' -print -quit)
touch "$file"
start=$(date +%s%N); "$bin" lookup --list --content "$content" oom >/dev/null || true; end=$(date +%s%N)
echo "first lookup after touching one file: $(( (end - start) / 1000000 )) ms"
rm -rf "$XDG_CACHE_HOME/errwiki"
start=$(date +%s%N); "$bin" lookup --list --content "$content" oom >/dev/null || true; end=$(date +%s%N)
echo "cold lookup (no index, full build): $(( (end - start) / 1000000 )) ms; index $(du -h "$XDG_CACHE_HOME"/errwiki/index-* | cut -f1)"
